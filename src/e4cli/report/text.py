"""The human report: findings by file, the coverage matrix, penalties, verdict."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from e4cli.check.outcome import ClassSummary, DossierOutcome, RealisationRow, Verdict
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Finding, Severity
from e4cli.util.layout import (
    Group,
    Output,
    Padding,
    Page,
    Renderable,
    RichOutput,
    Table,
    Text,
    make_console,
    output_for,
)
from e4cli.util.typography import SEVERITY_WORDS, plain, wrap

if TYPE_CHECKING:
    from rich.console import Console

    from e4cli.check.coverage import Coverage
    from e4cli.check.pipeline import Checked

__all__ = ["TextReporter", "make_console", "render", "render_class_summary", "render_one"]

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABEL = SEVERITY_WORDS


def render(
    results: Sequence[Checked | DossierOutcome], console: Console, verbose: bool = False
) -> None:
    """The report of a few dossiers on a Rich console."""
    out = RichOutput(console)
    for index, result in enumerate(results):
        page = Page()
        if index:
            page.rule()
        outcome = result if isinstance(result, DossierOutcome) else result.outcome
        _one(page, outcome, out, verbose)
        out.emit(page)


class TextReporter:
    """The streaming form of `render`: one dossier at a time, then the class summary.

    Over a class, each dossier's coverage matrix gives way to the class summary
    (unless --verbose).
    """

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.out: Output = (
            RichOutput(options.console) if options.console is not None else output_for(stream)
        )
        self.verbose = options.verbose
        self.matrix = options.verbose or not options.many
        self.index = 0

    def start(self) -> None:
        return None

    def dossier(self, outcome: DossierOutcome) -> None:
        page = Page()
        if self.index:
            page.rule()
        self.index += 1
        _one(page, outcome, self.out, self.verbose, self.matrix)
        self.out.emit(page)

    def finish(self, summary: ClassSummary) -> None:
        if summary.total > 1:
            render_class_summary(summary, self.out)


def render_one(
    result: DossierOutcome, out: Output, verbose: bool = False, matrix: bool = True
) -> None:
    """One dossier's report on `out`."""
    page = Page()
    _one(page, result, out, verbose, matrix)
    out.emit(page)


def _one(
    page: Page, result: DossierOutcome, out: Output, verbose: bool, matrix: bool = True
) -> None:
    """Findings by file (infos only when verbose), the matrix, penalties, the verdict."""
    page.print(_header(result))
    page.print()
    shown = [f for f in result.findings if verbose or f.severity is not Severity.INFO]
    if shown:
        for path, group in groupby(shown, key=lambda f: f.location.path):
            page.print(Text(path or result.display, style="bold underline"))
            for finding in group:
                page.print(
                    Padding(
                        _finding(finding, result.display, out.width, _unicode(out)),
                        2,
                    )
                )
            page.print()
    if matrix and result.coverage is not None and result.realisations:
        page.print(_matrix(result.coverage, result.realisations, "Couverture des compétences"))
        items = _uncited_items(result.coverage)
        if items:
            page.print(
                Text("Items cités par aucune réalisation : ", style="bold").append(
                    ", ".join(items), style="not bold cyan"
                )
            )
        page.print()
    if matrix and result.coverage_e6 is not None and result.e6_realisations:
        title = f"Épreuve {result.epreuve_e6 or 'E6'} : couverture du bloc 2 ({result.option})"
        page.print(_matrix(result.coverage_e6, result.e6_realisations, title))
        page.print()
    page.print(_penalties(result))
    page.print(_verdict(result, verbose))


def _unicode(out: Output) -> bool:
    """Whether the output's encoding can show a non-breaking space."""
    return out.encoding.lower().replace("-", "").startswith("utf")


def _header(result: DossierOutcome) -> Text:
    text = Text("Dossier ", style="bold")
    text.append(result.display, style="bold")
    details = []
    if result.candidate:
        details.append(result.candidate)
    if result.option:
        details.append(result.option)
    if result.session:
        details.append(f"session {result.session} ({result.epreuve})")
    if details:
        text.append(" — " + ", ".join(details))
    return text


def _finding(
    finding: Finding, dossier: str, console_width: int = 80, unicode_spaces: bool = True
) -> Group:
    """`path:line:col  CODE severity` on a line (terminals make it a link to the place),
    then the message and the hint below it, over the whole width. A finding about the
    whole dossier (D001, D002) names the dossier."""
    style = _STYLE[finding.severity]
    place = str(finding.location) if finding.location.path is not None else dossier
    head = Text(place, style="bold")
    head.append("  ").append(finding.code, style=style)
    head.append(f" {_LABEL[finding.severity]}", style=style)
    width = max(20, console_width - 6)  # the finding is indented by 2, its text by 4
    body: list[Text] = [head, _prose(finding.message, width, unicode_spaces)]
    hint, command = finding.hint, finding.command
    if hint and command and hint.endswith(command):  # the command on its own, never wrapped
        prose = hint[: -len(command)].rstrip()
        if prose:
            body.append(_prose("↳ " + prose, width, unicode_spaces, style="dim"))
        body.append(Text(("  " if prose else "↳ ") + command, no_wrap=True, overflow="ignore"))
    elif hint:
        body.append(_prose("↳ " + hint, width, unicode_spaces, style="dim"))
    shown: list[Renderable] = [head]
    shown.extend(Padding(t, 4) for t in body[1:])
    return Group(*shown)


def _prose(text: str, width: int, unicode_spaces: bool, style: str = "") -> Text:
    """A message wrapped the French way: never after « nor before :, never inside a path."""
    lines = wrap(text, width)
    joined = "\n".join(lines if unicode_spaces else [plain(line) for line in lines])
    return Text(joined, style=style, no_wrap=True, overflow="ignore")


def _matrix(covered: Coverage, realisations: Sequence[RealisationRow], title: str) -> Table:
    coverage = covered.competences
    table = Table(title, show_footer=True)
    table.add_column("Réalisation", footer="Réalisations par compétence", overflow="fold")
    for code, comp in coverage.items():
        style = "green" if comp.covered else "bold white on red"
        table.add_column(
            Text(code, style=style),
            footer=Text(str(len(comp.realisations)), style=style),
            justify="center",
        )
    for real in realisations:
        if not real.placed:  # not in the table handed in: its competencies do not count
            cells = [
                Text("·", style="dim") if code in real.competences else Text("")
                for code in coverage
            ]
            table.add_row(Text(f"{real.label} (hors tableau, T004)", style="dim red"), *cells)
            continue
        cells = [
            Text("x", style="green") if code in real.competences else Text("") for code in coverage
        ]
        table.add_row(Text(real.label), *cells)
    return table


def _uncited_items(coverage: Coverage) -> list[str]:
    return [
        item
        for comp in coverage.competences.values()
        for item, reals in comp.items.items()
        if not reals
    ]


def _penalties(result: DossierOutcome) -> Text:
    if not result.penalties:
        return Text("Pénalités : aucune.", style="green")
    text = Text("Pénalités : ", style="bold red")
    text.append(
        ", ".join(f"{p.label} ({p.code}) −{p.points} points" for p in result.penalties)
        + f" ; total −{result.penalty_points} points."
    )
    return text


def _plural(count: int, word: str) -> str:
    if count > 1:
        word = " ".join(w + "s" for w in word.split())
    return f"{count} {word}"


def _verdict(result: DossierOutcome, verbose: bool) -> Text:
    if result.error is not None:
        return Text(
            f"✘ Erreur interne de e4 sur ce dossier ({result.error}) : il n'a pas pu être "
            "vérifié. Relancez avec E4_DEBUG=1 pour le détail, et signalez-la.",
            style="bold red",
        )
    counts = (
        f"{_plural(result.count(Severity.ERROR), 'erreur')}, "
        f"{_plural(result.count(Severity.WARNING), 'avertissement')}, "
        f"{_plural(result.count(Severity.INFO), 'information')}"
    )
    if not verbose and result.count(Severity.INFO):
        counts += " (détail : --verbose)"
    if not result.ok:
        return Text(f"✘ Dossier non conforme : {counts}.", style="bold red")
    return Text(f"✔ Dossier conforme : {counts}.", style="bold green")


# Least widths of the class summary's columns but the first, with padding and borders:
# Candidat 10, Verdict 16, Err. 6, Avert. 8, Pén. 6, Non couvertes 11, borders 8, the first
# column's padding 2; and some slack, as Rich's shrinking of wrapped columns is not exact.
_CLASS_COLUMNS_LEAST = 70


def render_class_summary(summary: ClassSummary, out: Output) -> None:
    """One line per dossier, then how many dossiers cover each competency."""
    page = Page()
    page.rule()
    table = Table("Synthèse de la classe")
    # A table wider than the console (80 columns in a pipe or a CI log) loses its right
    # columns, penalties and uncovered competencies, which matter most. A path is never cut:
    # when the paths do not fit beside the other columns' least widths, the table numbers
    # the dossiers and the paths are listed whole above it.
    widest = max((len(row.display) for row in summary.dossiers), default=10)
    fits = widest <= min(32, out.width - _CLASS_COLUMNS_LEAST)
    if fits:
        table.add_column("Dossier", no_wrap=True)
    else:
        table.add_column("N°", justify="right", no_wrap=True)
        for number, row in enumerate(summary.dossiers, start=1):
            page.print(Text(f"{number:>3}  ").append(row.display, style="bold"), soft_wrap=True)
        page.print()
    table.add_column("Candidat", overflow="fold")
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Err.", justify="right", no_wrap=True)
    table.add_column("Avert.", justify="right", no_wrap=True)
    table.add_column("Pén.", justify="right", no_wrap=True)
    table.add_column("Non couvertes", overflow="fold")
    for number, row in enumerate(summary.dossiers, start=1):
        if row.verdict is Verdict.CONFORME:
            verdict = Text(f"✔ {row.verdict}", style="green")
        else:
            verdict = Text(f"✘ {row.verdict}", style="bold red")
        uncovered = ", ".join(row.uncovered) if row.checked else "—"
        table.add_row(
            Text(row.display if fits else str(number)),
            Text(row.candidate or "—"),
            verdict,
            str(row.errors),
            str(row.warnings),
            Text(f"−{row.penalty_points}", style="red") if row.penalty_points else Text("0"),
            Text(uncovered, style="red" if row.uncovered else ""),
        )
    page.print(table)
    page.print()
    coverage = Table("Couverture des compétences dans la classe")
    coverage.add_column("Compétence", no_wrap=True)
    coverage.add_column("Libellé", overflow="fold")
    coverage.add_column("Dossiers", justify="right", no_wrap=True)
    for tally in summary.competences.values():
        style = "green" if tally.covering == summary.total else "bold red"
        coverage.add_row(
            Text(tally.code),
            Text(tally.label),
            Text(f"{tally.covering}/{summary.total}", style=style),
        )
    page.print(coverage)
    failed = summary.failed
    text = Text(
        f"{_plural(summary.total, 'dossier')} : {summary.total - failed} conforme"
        f"{'s' if summary.total - failed > 1 else ''}, {failed} non conforme"
        f"{'s' if failed > 1 else ''}, {summary.penalised} pénalisé"
        f"{'s' if summary.penalised > 1 else ''}.",
        style="bold red" if failed else "bold green",
    )
    page.print(text)
    out.emit(page)
