"""`e4 report` from parsed arguments to exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from e4cli.check.outcome import ClassSummary
from e4cli.cli.runner import EXIT_FAILURE, EXIT_OK, CommandError, say, write
from e4cli.report.formats import CLASS_REPORTS


def collect(folder: Path, *, strict: bool, jobs: int | None) -> tuple[ClassSummary, list[str]]:
    """Check every dossier of the class; keep one summary line per dossier."""
    from e4cli.check import batch
    from e4cli.cli import progress
    from e4cli.dossier.discovery import class_targets

    if not folder.is_dir():
        what = "n'existe pas" if not folder.exists() else "n'est pas un dossier"
        raise CommandError(f"le dossier de classe « {folder} » {what}.")
    targets = class_targets(folder)
    if not targets:
        raise CommandError(f"aucun dossier d'élève sous « {folder} ».")
    summary = ClassSummary()
    failures: list[str] = []
    bar: progress.ProgressBar | progress.NoProgress = progress.NoProgress()
    if progress.wanted(len(targets), terminal=progress.stderr_is_terminal()):
        bar = progress.ProgressBar.on(len(targets), sys.stderr)
    outcomes = batch.run(targets, strict=strict, jobs=jobs)
    first = next(outcomes, None)  # workers start before the bar is drawn
    with bar:
        outcome = first
        while outcome is not None:
            if outcome.error is not None:
                failures.append(f"« {outcome.display} » : {outcome.error}")
            summary.add(outcome.summary())
            bar.advance()
            outcome = next(outcomes, None)
    return summary, failures


def run_report(
    folder: Path,
    fmt: str | None,
    output: Path | None,
    *,
    strict: bool = False,
    jobs: int | None = None,
) -> int:
    """The report in `fmt`, else csv for an --output ending in .csv, else html."""
    from e4cli.report.classreport import view

    chosen = CLASS_REPORTS[fmt] if fmt else CLASS_REPORTS[CLASS_REPORTS.default]
    if fmt is None and output is not None:
        chosen = CLASS_REPORTS.by_extension(output) or chosen
    summary, failures = collect(folder, strict=strict, jobs=jobs)
    base = output.parent if output is not None else Path.cwd()
    data = view(summary, str(folder), base if str(base) else Path.cwd())
    write(chosen.render(data), output)
    if output is not None:
        say(
            f"e4 : rapport de classe ({chosen.name}, {summary.total} dossiers) écrit dans "
            f"« {output} »."
        )
    for failure in failures:
        say(f"e4 : erreur interne en vérifiant {failure}.")
    return EXIT_FAILURE if failures else EXIT_OK
