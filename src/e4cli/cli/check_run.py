"""`e4 check` from parsed arguments to exit code: targets, batch, reporter, output.

Each outcome goes to the reporter as soon as the batch yields it and is then
dropped; only its one-line summary is kept for the class summary. The report
goes to standard output or, with --output, to a file that appears whole
when the run succeeds.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from e4cli.check.outcome import ClassSummary
from e4cli.cli.runner import (
    EXIT_FAILURE,
    EXIT_FINDINGS,
    EXIT_OK,
    CommandError,
    refuse_dossier_files,
    run,
    say,
    text_output,
)
from e4cli.dossier.discovery import Target, targets
from e4cli.report.base import ReportOptions
from e4cli.report.formats import REPORTERS
from e4cli.util.record import record


def default_format(env: dict[str, str] | None = None) -> str:
    """GitHub annotations inside a GitHub Actions job, the human report elsewhere."""
    env = dict(os.environ) if env is None else env
    return "github" if env.get("GITHUB_ACTIONS") == "true" else REPORTERS.default


@record(frozen=False)
class CheckOptions:
    fmt: str
    """A name of `report.formats.REPORTERS`."""
    strict: bool = False
    verbose: bool = False
    recursive: bool = False
    output: Path | None = None
    jobs: int | None = None
    online: bool = False
    fix: bool = False
    diff: bool = False


def run_check_command(dossiers: Sequence[Path], options: CheckOptions, *, watch: bool) -> NoReturn:
    """`e4 check` once its command line is read, by Typer (`cli/commands.py`) or `cli/quick.py`."""
    if watch:
        from e4cli.cli.watch_run import run_watch

        run(run_watch, dossiers, options)
    run(run_check, dossiers, options)


def resolve_targets(paths: Sequence[Path], recursive: bool) -> list[Target]:
    found, empty = targets(paths, recursive)
    for folder in empty:
        say(f"e4 : aucun dossier (dossier.yaml) sous « {folder} ».")
    if not found:
        raise CommandError("aucun dossier à vérifier.")
    return found


def run_check(paths: Sequence[Path], options: CheckOptions) -> int:
    """Check every dossier, write the report, and say how it went as an exit code."""
    from e4cli.check import batch
    from e4cli.cli import progress

    chosen = resolve_targets(paths, options.recursive)
    refuse_dossier_files(options.output, [target.path for target in chosen])
    if options.diff:
        return show_diff(chosen, options.output)
    if options.fix:
        run_fixes(chosen)
    many = len(chosen) > 1 or options.recursive
    summary = ClassSummary()
    failures: list[str] = []
    with text_output(options.output) as stream:
        on_stdout = options.output is None
        terminal = (
            progress.stdout_is_terminal() and options.fmt == "text"
            if on_stdout
            else progress.stderr_is_terminal()
        )
        bar: progress.ProgressBar | progress.NoProgress = progress.NoProgress()
        console = None
        if progress.wanted(len(chosen), terminal=terminal):
            if on_stdout:  # the text report and the bar share the terminal's console
                from e4cli.report.text import make_console

                console = make_console(sys.stdout)
                bar = progress.ProgressBar(len(chosen), console)
            else:
                bar = progress.ProgressBar.on(len(chosen), sys.stderr)
        make = REPORTERS[options.fmt].load()
        reporter = make(stream, ReportOptions(verbose=options.verbose, many=many, console=console))
        # The batch starts its worker processes on the first next(), before the bar
        # is drawn: nothing of ours runs in a thread when they fork.
        outcomes = batch.run(
            chosen, online=options.online, strict=options.strict, jobs=options.jobs
        )
        first = next(outcomes, None)
        with bar:
            reporter.start()
            outcome = first
            while outcome is not None:
                if outcome.error is not None:
                    failures.append(f"« {outcome.display} » : {outcome.error}")
                reporter.dossier(outcome)  # an internal error is reported too, never dropped
                summary.add(outcome.summary())
                bar.advance()
                outcome = next(outcomes, None)
            reporter.finish(summary)
            stream.flush()
    for failure in failures:
        say(
            f"e4 : erreur interne en vérifiant {failure} ; les autres dossiers sont vérifiés. "
            "Relancez avec E4_DEBUG=1 pour le détail, et signalez-la."
        )
    if failures:
        return EXIT_FAILURE
    return EXIT_FINDINGS if summary.failed else EXIT_OK


def run_fixes(chosen: Sequence[Target]) -> None:
    """`e4 check --fix`: apply each dossier's safe fixes, say what changed, on stderr."""
    from e4cli.check.fix import fix_dossier

    total = files = 0
    for target in chosen:
        report = fix_dossier(target.path, target.display, write=True)
        base = target.display.replace("\\", "/").rstrip("/")
        for change in report.changes:
            say(f"e4 : {base}/{change.where} : {change.code} corrigé : {change.summary}")
        for change in report.skipped:
            say(f"e4 : {base}/{change.where} : {change.code} non corrigé (le texte a changé).")
        for rel in report.unwritten:
            say(f"e4 : {base}/{rel} a changé pendant la correction : laissé tel quel.")
        total += len(report.changes)
        files += len(report.after) - len(report.unwritten)
    if total:
        say(
            f"e4 : {total} correction{'s' if total > 1 else ''} dans {files} "
            f"fichier{'s' if files > 1 else ''} ; vérification du résultat :"
        )
    else:
        say("e4 : aucune correction automatique à faire.")


def show_diff(chosen: Sequence[Target], output: Path | None) -> int:
    """`e4 check --diff`: the fixes as a unified diff, nothing written; 1 if any."""
    from e4cli.check.fix import fix_dossier

    changed = False
    with text_output(output) as stream:
        for target in chosen:
            report = fix_dossier(target.path, target.display, write=False)
            if report.after:
                changed = True
                stream.write(report.diff(target.display))
        stream.flush()
    if not changed:
        say("e4 : aucune correction automatique à faire.")
    return EXIT_FINDINGS if changed else EXIT_OK
