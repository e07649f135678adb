"""GitHub Actions workflow commands: one annotation per finding, on its file and line.

`::error file=…,line=…,col=…,title=CODE::message` makes GitHub show the
finding on the line at fault in the pull request and the run summary.
Errors and warnings are annotated; infos only with --verbose (GitHub shows
few annotations per step, they should be the ones that matter).
"""

from __future__ import annotations

from typing import TextIO

from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Finding, Severity
from e4cli.util.typography import plural

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command (GitHub's own escaping rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value of a workflow command: also `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(outcome: DossierOutcome, finding: Finding) -> str:
    loc = finding.location
    props = []
    if loc.path is not None:
        props.append(f"file={escape_property(outcome.file_path(loc.path))}")
        if loc.line is not None:
            props.append(f"line={loc.line}")
            if loc.column is not None:
                props.append(f"col={loc.column}")
    props.append(f"title={escape_property(finding.code)}")
    message = finding.message
    if loc.path is None:
        message = f"{outcome.display} : {message}"
    if finding.hint:
        message += f"\n↳ {finding.hint}"
    return f"::{_COMMAND[finding.severity]} {','.join(props)}::{escape_data(message)}\n"


class GithubReporter:
    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.verbose = options.verbose

    def start(self) -> None:
        return None

    def dossier(self, outcome: DossierOutcome) -> None:
        if outcome.error is not None:
            message = (
                f"{outcome.display} : erreur interne de e4 ({outcome.error}) : dossier non "
                "vérifié. Relancez avec E4_DEBUG=1 pour le détail, et signalez-la."
            )
            self.stream.write(f"::error title=e4::{escape_data(message)}\n")
        for finding in outcome.findings:
            if finding.severity is Severity.INFO and not self.verbose:
                continue
            self.stream.write(annotation(outcome, finding))
        counts = ", ".join(
            plural(outcome.count(s), word)
            for s, word in (
                (Severity.ERROR, "erreur"),
                (Severity.WARNING, "avertissement"),
                (Severity.INFO, "information"),
            )
        )
        penalties = f", pénalités −{outcome.penalty_points}" if outcome.penalty_points else ""
        self.stream.write(f"e4 : {outcome.display} : {outcome.verdict} ({counts}{penalties})\n")

    def finish(self, summary: ClassSummary) -> None:
        if summary.total > 1:
            ok, failed = summary.total - summary.failed, summary.failed
            self.stream.write(
                f"e4 : {summary.total} dossiers, {ok} conforme{'s' if ok > 1 else ''}, "
                f"{failed} non conforme{'s' if failed > 1 else ''}.\n"
            )
