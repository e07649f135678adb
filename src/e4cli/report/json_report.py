"""The JSON report, schema_version 1 (schemas/report.schema.json)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from e4cli import __version__
from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Severity

if TYPE_CHECKING:
    from e4cli.check.pipeline import Checked

SCHEMA_VERSION = 1


def report_object(result: DossierOutcome) -> dict[str, Any]:
    obj = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "e4", "version": __version__},
        "dossier": result.display,
        "session": result.session,
        "epreuve": result.epreuve,
        "ok": result.ok,
        "counts": {str(s): result.count(s) for s in Severity},
        "findings": [f.to_json() for f in result.findings],
        "coverage": result.coverage.to_json() if result.coverage else {},
        "penalties": [
            {"code": p.code, "points": p.points, "label": p.label} for p in result.penalties
        ],
        "penalty_points": result.penalty_points,
        "coverage_e6": result.coverage_e6.to_json() if result.coverage_e6 else None,
    }
    if result.error is not None:  # e4 failed on this dossier: said, never left out
        obj["internal_error"] = result.error
    return obj


def render(results: Sequence[Checked | DossierOutcome], *, many: bool = False) -> str:
    """One object for one dossier; an array when several were asked for."""
    objects = [report_object(r if isinstance(r, DossierOutcome) else r.outcome) for r in results]
    payload: Any = objects if many else objects[0]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


class JsonReporter:
    """The streaming form of `render`, byte for byte: objects are written as they come."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.many = options.many
        self.count = 0

    def start(self) -> None:
        if self.many:
            self.stream.write("[")

    def dossier(self, outcome: DossierOutcome) -> None:
        text = json.dumps(report_object(outcome), ensure_ascii=False, indent=2)
        if self.many:
            self.stream.write(("," if self.count else "") + "\n" + textwrap.indent(text, "  "))
        else:
            self.stream.write(text + "\n")
        self.count += 1

    def finish(self, summary: ClassSummary) -> None:
        if self.many:
            self.stream.write("\n]\n" if self.count else "]\n")
