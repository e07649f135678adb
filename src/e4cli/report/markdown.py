"""A Markdown summary, for $GITHUB_STEP_SUMMARY or a merge-request comment.

The summary table comes first (one line per dossier, then the coverage of
each competency across the dossiers), the details of each dossier after it.
Details are written as dossiers arrive, into a spooled temporary file that
stays in memory while small and moves to disk when large, and copied out
after the summary: so the order reads well and memory stays flat.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from typing import TextIO

from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Severity

_LABEL = {Severity.ERROR: "erreur", Severity.WARNING: "avertissement", Severity.INFO: "info"}
_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
_SPOOL_BYTES = 4 << 20


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]!~|])")


def cell(text: str) -> str:
    """Text from a dossier as plain text inside a Markdown table cell.

    No pipe or line break ends the cell, no HTML is read, and no Markdown either: a
    candidate's `![pixel](https://…)` or `[clic](…)` shows as written, never as an
    image the reader's browser would fetch or a link to follow.
    """
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return (
        escaped.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "")
        .replace("\n", "<br>")
    )


def code(text: str) -> str:
    """An inline code span that survives backticks and pipes in `text`."""
    return "<code>" + cell(text) + "</code>"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


class MarkdownReporter:
    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.verbose = options.verbose
        # Open from the first dossier to `finish`, which closes it: no single block.
        self.details = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8"
        )
        self.count = 0

    def start(self) -> None:
        return None

    def dossier(self, outcome: DossierOutcome) -> None:
        self.count += 1
        failed = not outcome.ok
        shown = [f for f in outcome.findings if self.verbose or f.severity is not Severity.INFO]
        counts = ", ".join(
            _plural(outcome.count(s), word)
            for s, word in ((Severity.ERROR, "erreur"), (Severity.WARNING, "avertissement"))
        )
        title = f"{'❌' if failed else '✅'} {code(outcome.display)}"
        if outcome.candidate:
            title += f" — {cell(outcome.candidate)}"
        title += f" : {counts}"
        if outcome.penalty_points:
            title += f", pénalités −{outcome.penalty_points} points"
        out = self.details
        out.write(f"<details{' open' if failed else ''}><summary>{title}</summary>\n\n")
        if outcome.error is not None:
            out.write(
                f"**Erreur interne de e4** ({cell(outcome.error)}) : dossier non vérifié. "
                "Relancez avec `E4_DEBUG=1` pour le détail, et signalez-la.\n"
            )
        elif shown:
            out.write("| Où | Code | Gravité | Constat |\n|---|---|---|---|\n")
            for finding in shown:
                message = cell(finding.message)
                if finding.hint:
                    message += "<br>↳ " + cell(finding.hint)
                out.write(
                    f"| {code(outcome.where(finding))} | {finding.code} | "
                    f"{_ICON[finding.severity]} {_LABEL[finding.severity]} | {message} |\n"
                )
        else:
            out.write("Aucun constat.\n")
        if outcome.penalties:
            out.write(
                "\n**Pénalités :** "
                + ", ".join(f"{cell(p.label)} ({p.code}) −{p.points}" for p in outcome.penalties)
                + f" ; total −{outcome.penalty_points} points.\n"
            )
        out.write("\n</details>\n\n")

    def finish(self, summary: ClassSummary) -> None:
        write = self.stream.write
        write("## e4 — vérification des dossiers\n\n")
        ok = summary.total - summary.failed
        write(
            f"**{_plural(summary.total, 'dossier')} : {ok} conforme{'s' if ok > 1 else ''}, "
            f"{summary.failed} non conforme{'s' if summary.failed > 1 else ''}, "
            f"{summary.penalised} pénalisé{'s' if summary.penalised > 1 else ''}.**\n\n"
        )
        write(
            "| Dossier | Candidat | Verdict | Erreurs | Avertissements | Pénalités "
            "| Compétences non couvertes |\n|---|---|---|---:|---:|---:|---|\n"
        )
        for row in summary.dossiers:
            icon = "✅" if row.ok else "❌"
            uncovered = ", ".join(row.uncovered) if row.checked else "—"
            write(
                f"| {code(row.display)} | {cell(row.candidate or '—')} | {icon} {row.verdict} "
                f"| {row.errors} | {row.warnings} | {row.penalty_points} | {uncovered or '—'} |\n"
            )
        if summary.competences:
            write(
                "\n### Couverture des compétences\n\n"
                "| Compétence | Libellé | Dossiers qui la couvrent |\n|---|---|---:|\n"
            )
            for tally in summary.competences.values():
                icon = "" if tally.covering == summary.total else " ⚠️"
                write(
                    f"| {tally.code} | {cell(tally.label)} | "
                    f"{tally.covering}/{summary.total}{icon} |\n"
                )
        if self.count:
            write("\n### Détail par dossier\n\n")
            self.details.seek(0)
            shutil.copyfileobj(self.details, self.stream)
        self.details.close()
