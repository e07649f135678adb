"""Findings: what a check reports, with where it applies."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location = Location()
    hint: str | None = None

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
