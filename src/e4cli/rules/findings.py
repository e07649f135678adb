"""Findings: what a check reports, with where it applies."""

from __future__ import annotations

import shlex
from dataclasses import replace
from enum import StrEnum

from e4cli.util.record import record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@record
class Location:
    """A place in the dossier: a path relative to its root, and 1-based line/column."""

    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.path is None:
            return "."
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


@record
class Span:
    """A stretch of a dossier file's text, exactly as written: 0-based lines and columns
    (in characters, as the YAML reader counts them), the end excluded."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def replaced_by(self, new: str) -> Edit:
        return Edit(self, new)


@record
class Edit:
    """Write `new` where `span` is; applied only if the file still has `span.text` there."""

    span: Span
    new: str


@record
class Fix:
    """A mechanical and safe change that makes a finding go away (`e4 check --fix`).

    Computed by the finding's rule from what the loader located; applied by
    `check/fix.py`, the one place that writes to the dossier. `reencode` names a file
    whose bytes are in `encoding` and get rewritten as UTF-8.
    """

    summary: str  # what changes, in French: « 19/02/2027 » → « 2027-02-19 »
    edits: tuple[Edit, ...] = ()
    reencode: str | None = None  # the file's path, relative to the dossier
    encoding: str | None = None  # the codec its bytes are in


@record
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location = Location()
    hint: str | None = None
    fix: Fix | None = None  # what `e4 check --fix` would change; never in the reports
    command: str | None = None  # a command the hint ends with: never wrapped when shown

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path or "", loc.line or 0, loc.column or 0, self.code)

    def to_json(self) -> dict[str, object]:
        loc = self.location
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "hint": self.hint,
        }


def with_command(finding: Finding, dossier: str, path: str) -> Finding:
    """`finding` with its command's `{dossier}` and `{path}` written as seen from where e4
    runs (the dossier as given, the file's path through it), and the command ending its hint.

    A command is always whole in the hint, so that every report format shows it; the text
    report also prints it on a line of its own, never wrapped, for copy and paste.
    """
    if finding.command is None or "{" not in finding.command:
        return finding
    command = finding.command.format(dossier=shlex.quote(dossier), path=shlex.quote(path))
    hint = f"{finding.hint} {command}" if finding.hint else command
    return replace(finding, hint=hint, command=command)
