"""`e4 report` from parsed arguments to exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from e4cli.check.outcome import ClassSummary

EXIT_OK, EXIT_FAILURE = 0, 2


class ReportError(Exception):
    """Bad input to the command (exit 2)."""


def collect(folder: Path, *, strict: bool, jobs: int | None) -> tuple[ClassSummary, list[str]]:
    """Check every dossier of the class; keep one summary line per dossier."""
    from e4cli.check import batch
    from e4cli.cli import progress
    from e4cli.dossier.discovery import class_targets

    if not folder.is_dir():
        what = "n'existe pas" if not folder.exists() else "n'est pas un dossier"
        raise ReportError(f"le dossier de classe « {folder} » {what}.")
    targets = class_targets(folder)
    if not targets:
        raise ReportError(f"aucun dossier d'élève sous « {folder} ».")
    summary = ClassSummary()
    failures: list[str] = []
    bar: progress.ProgressBar | progress.NoProgress = progress.NoProgress()
    if progress.wanted(len(targets), terminal=progress.stderr_is_terminal()):
        bar = progress.ProgressBar.on(len(targets), sys.stderr)
    outcomes = batch.run(targets, jobs=jobs)
    first = next(outcomes, None)  # workers start before the bar is drawn
    with bar:
        outcome = first
        while outcome is not None:
            if outcome.error is not None:
                failures.append(f"« {outcome.display} » : {outcome.error}")
            summary.add(outcome.summary(strict))
            bar.advance()
            outcome = next(outcomes, None)
    return summary, failures


def run_report(
    folder: Path, fmt: str, output: Path | None, *, strict: bool = False, jobs: int | None = None
) -> int:
    from e4cli.report.classreport import view

    summary, failures = collect(folder, strict=strict, jobs=jobs)
    base = output.parent if output is not None else Path.cwd()
    data = view(summary, str(folder), base if str(base) else Path.cwd())
    if fmt == "csv":
        from e4cli.report.classreport import csv_report

        payload = csv_report.render(data)
    else:
        from e4cli.report.classreport import html

        payload = html.render(data)
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        from e4cli.util.atomic import write_atomic

        try:
            write_atomic(output, payload)
        except OSError as exc:
            raise ReportError(f"impossible d'écrire « {output} » : {exc.strerror or exc}") from exc
        print(
            f"e4 : rapport de classe ({fmt}, {summary.total} dossiers) écrit dans « {output} ».",
            file=sys.stderr,
        )
    for failure in failures:
        print(f"e4 : erreur interne en vérifiant {failure}.", file=sys.stderr)
    return EXIT_FAILURE if failures else EXIT_OK
