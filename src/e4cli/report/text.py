"""The human report: findings by file, the coverage matrix, penalties, verdict."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import TextIO

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from e4cli.checker import CheckResult
from e4cli.findings import Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABEL = {Severity.ERROR: "erreur", Severity.WARNING: "avertissement", Severity.INFO: "info"}


def make_console(stream: TextIO) -> Console:
    """Colour only on a terminal; Rich itself honours NO_COLOR and FORCE_COLOR."""
    return Console(file=stream, highlight=False, soft_wrap=False, emoji=False)


def render(
    results: Sequence[CheckResult], console: Console, strict: bool = False, verbose: bool = False
) -> None:
    for index, result in enumerate(results):
        if index:
            console.rule(style="dim")
        render_one(result, console, strict, verbose)


def render_one(
    result: CheckResult, console: Console, strict: bool = False, verbose: bool = False
) -> None:
    """Findings by file (infos only when verbose), the matrix, penalties, the verdict."""
    console.print(_header(result))
    console.print()
    shown = [f for f in result.findings if verbose or f.severity is not Severity.INFO]
    if shown:
        for path, group in groupby(shown, key=lambda f: f.location.path):
            console.print(Text(path or result.display, style="bold underline"))
            console.print(Padding(_findings_grid(list(group)), (0, 0, 0, 2)))
            console.print()
    if result.coverage is not None and result.dossier is not None and result.dossier.realisations:
        console.print(_matrix(result))
        items = _uncited_items(result)
        if items:
            console.print(
                Text("Items cités par aucune réalisation : ", style="bold").append(
                    ", ".join(items), style="not bold cyan"
                )
            )
        console.print()
    console.print(_penalties(result))
    console.print(_verdict(result, strict, verbose))


def _header(result: CheckResult) -> Text:
    text = Text("Dossier ", style="bold")
    text.append(result.display, style="bold")
    dossier = result.dossier
    if dossier is None:
        return text
    details = []
    if dossier.candidat.full_name:
        details.append(dossier.candidat.full_name)
    if dossier.candidat.option:
        details.append(dossier.candidat.option)
    if dossier.session:
        labels = dossier.referential.session_labels(dossier.session)
        details.append(f"session {dossier.session} ({labels.epreuve})")
    if details:
        text.append(" — " + ", ".join(details))
    return text


def _findings_grid(findings: list[Finding]) -> Table:
    """One row a finding: where, code and severity, then the message and its hint."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for finding in findings:
        style = _STYLE[finding.severity]
        code = Text(finding.code, style=style).append(f" {_LABEL[finding.severity]}")
        body: list[Text] = [Text(finding.message)]
        if finding.hint:
            body.append(Text("↳ " + finding.hint, style="dim"))
        grid.add_row(Text(str(finding.location), style="bold"), code, Group(*body))
    return grid


def _matrix(result: CheckResult) -> Table:
    assert result.coverage is not None and result.dossier is not None
    coverage = result.coverage.competences
    table = Table(title="Couverture des compétences", title_justify="left", show_footer=True)
    table.add_column("Réalisation", footer="Réalisations par compétence", overflow="fold")
    for code, comp in coverage.items():
        style = "green" if comp.covered else "bold white on red"
        table.add_column(
            Text(code, style=style),
            footer=Text(str(len(comp.realisations)), style=style),
            justify="center",
        )
    for real in result.dossier.realisations:
        mobilised = real.competence_codes()
        cells = [Text("x", style="green") if code in mobilised else Text("") for code in coverage]
        table.add_row(real.intitule or real.id, *cells)
    return table


def _uncited_items(result: CheckResult) -> list[str]:
    assert result.coverage is not None
    return [
        item
        for comp in result.coverage.competences.values()
        for item, reals in comp.items.items()
        if not reals
    ]


def _penalties(result: CheckResult) -> Text:
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


def _verdict(result: CheckResult, strict: bool, verbose: bool) -> Text:
    counts = (
        f"{_plural(result.count(Severity.ERROR), 'erreur')}, "
        f"{_plural(result.count(Severity.WARNING), 'avertissement')}, "
        f"{_plural(result.count(Severity.INFO), 'information')}"
    )
    if not verbose and result.count(Severity.INFO):
        counts += " (détail : --verbose)"
    if result.failed(strict):
        return Text(f"✘ Dossier non conforme : {counts}.", style="bold red")
    return Text(f"✔ Dossier conforme : {counts}.", style="bold green")
