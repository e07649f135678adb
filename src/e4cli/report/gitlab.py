"""GitLab Code Quality report: a JSON array of issues, shown in merge requests.

Each finding becomes an issue with a description, the code as `check_name`,
a severity GitLab knows, the file and line, and a fingerprint that identifies
it across runs (GitLab compares fingerprints to say what a merge request
fixed or introduced, so it must not depend on anything but the finding).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Finding, Severity

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(outcome: DossierOutcome, finding: Finding, occurrence: int) -> dict[str, Any]:
    """One issue; `occurrence` tells apart identical findings in the same file."""
    loc = finding.location
    path = outcome.file_path(loc.path)
    key = "\0".join((path, finding.code, finding.message, str(occurrence)))
    description = f"{finding.code} : {finding.message}"
    if finding.hint:
        description += f" ↳ {finding.hint}"
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": description,
        "categories": ["Style"] if finding.severity is Severity.INFO else ["Bug Risk"],
        "severity": _SEVERITY[finding.severity],
        "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
        "location": {"path": path, "lines": {"begin": loc.line or 1}},
    }


def internal_error(outcome: DossierOutcome) -> dict[str, Any]:
    """An issue for a dossier e4 itself failed on: it is never silently left out."""
    path = outcome.file_path("dossier.yaml")
    return {
        "type": "issue",
        "check_name": "e4",
        "description": f"Erreur interne de e4 ({outcome.error}) : dossier non vérifié. "
        "Relancez avec E4_DEBUG=1 pour le détail, et signalez-la.",
        "categories": ["Bug Risk"],
        "severity": "blocker",
        "fingerprint": hashlib.sha256(f"e4\0{path}".encode()).hexdigest(),
        "location": {"path": path, "lines": {"begin": 1}},
    }


class GitlabReporter:
    """Errors and warnings; infos only with --verbose, as in the other reports."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.verbose = options.verbose
        self.count = 0

    def start(self) -> None:
        self.stream.write("[")

    def dossier(self, outcome: DossierOutcome) -> None:
        seen: dict[tuple[str | None, str, str], int] = {}
        if outcome.error is not None:
            text = json.dumps(internal_error(outcome), ensure_ascii=False)
            self.stream.write(("," if self.count else "") + "\n  " + text)
            self.count += 1
        for finding in outcome.findings:
            if finding.severity is Severity.INFO and not self.verbose:
                continue
            key = (finding.location.path, finding.code, finding.message)
            seen[key] = seen.get(key, 0) + 1
            text = json.dumps(issue(outcome, finding, seen[key]), ensure_ascii=False)
            self.stream.write(("," if self.count else "") + "\n  " + text)
            self.count += 1

    def finish(self, summary: ClassSummary) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
