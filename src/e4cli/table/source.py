"""From a dossier path to the table model, through the same loader as `e4 check`."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from e4cli.dossier.load import load_dossier
from e4cli.rules.findings import Finding, Severity
from e4cli.rules.registry import report
from e4cli.table.model import TableModel, build_table
from e4cli.util.record import record

# Without a folder or without dossier.yaml there is nothing to render.
FATAL_CODES = frozenset({"D001", "D002"})
# Loading faults that leave files unread, so their content is absent from the table.
UNREADABLE_CODES = frozenset({"D003", "D004", "D005", "D007"})


@record(frozen=False)
class LoadedTable:
    model: TableModel | None
    fatal: list[Finding] = field(default_factory=list)


def load_table(path: Path, display: str | None = None) -> LoadedTable:
    loaded = load_dossier(path, display)
    findings = [report(problem) for problem in loaded.problems]
    fatal = [f for f in findings if f.code in FATAL_CODES]
    if loaded.dossier is None or fatal:
        return LoadedTable(None, fatal)
    notes = tuple(
        f"{f.location} : {f.message} Son contenu manque au tableau."
        for f in findings
        if f.code in UNREADABLE_CODES and f.severity is Severity.ERROR
    )
    return LoadedTable(build_table(loaded.dossier, load_notes=notes))
