"""`e4 check` from parsed arguments to exit code: targets, batch, reporter, output.

Each outcome goes to the reporter as soon as the batch yields it and is then
dropped; only its one-line summary is kept for the class summary. The report
goes to standard output or, with --output, to a file that appears whole
when the run succeeds.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from e4cli.check.outcome import ClassSummary
from e4cli.dossier.discovery import Target, targets
from e4cli.report.base import Reporter
from e4cli.report.formats import CheckFormat

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def default_format(env: dict[str, str] | None = None) -> CheckFormat:
    """GitHub annotations inside a GitHub Actions job, the human report elsewhere."""
    env = dict(os.environ) if env is None else env
    return CheckFormat.github if env.get("GITHUB_ACTIONS") == "true" else CheckFormat.text


@dataclass
class CheckOptions:
    fmt: CheckFormat
    strict: bool = False
    verbose: bool = False
    recursive: bool = False
    output: Path | None = None
    jobs: int | None = None
    online: bool = False


class UsageError(Exception):
    """Bad input to the command itself (exit 2), never a problem in a dossier."""


def make_reporter(
    fmt: CheckFormat,
    stream: TextIO,
    options: CheckOptions,
    *,
    many: bool,
    console: Console | None = None,
) -> Reporter:
    """The reporter of `fmt` writing to `stream` (the text one to `console` if given)."""
    strict, verbose = options.strict, options.verbose
    if fmt is CheckFormat.json:
        from e4cli.report.json_report import JsonReporter

        return JsonReporter(stream, strict, many=many)
    if fmt is CheckFormat.github:
        from e4cli.report.github import GithubReporter

        return GithubReporter(stream, strict, verbose)
    if fmt is CheckFormat.gitlab:
        from e4cli.report.gitlab import GitlabReporter

        return GitlabReporter(stream, verbose)
    if fmt is CheckFormat.junit:
        from e4cli.report.junit import JunitReporter

        return JunitReporter(stream, strict)
    if fmt is CheckFormat.sarif:
        from e4cli.report.sarif import SarifReporter

        return SarifReporter(stream)
    if fmt is CheckFormat.markdown:
        from e4cli.report.markdown import MarkdownReporter

        return MarkdownReporter(stream, strict, verbose)
    from e4cli.report import text

    # over a class, each dossier's coverage matrix gives way to the class summary
    matrix = verbose or not many
    return text.TextReporter(console or text.make_console(stream), strict, verbose, matrix)


@contextmanager
def destination(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    from e4cli.util.atomic import atomic_writer

    try:
        with atomic_writer(output) as handle:
            yield handle
    except OSError as exc:  # only the report file is written in this block
        raise UsageError(f"impossible d'écrire « {output} » : {exc.strerror or exc}") from exc


def resolve_targets(paths: Sequence[Path], recursive: bool) -> list[Target]:
    found, empty = targets(paths, recursive)
    for folder in empty:
        print(f"e4 : aucun dossier (dossier.yaml) sous « {folder} ».", file=sys.stderr)
    if not found:
        raise UsageError("aucun dossier à vérifier.")
    return found


def run_check(paths: Sequence[Path], options: CheckOptions) -> int:
    """Check every dossier, write the report, and say how it went as an exit code."""
    from e4cli.check import batch
    from e4cli.cli import progress

    chosen = resolve_targets(paths, options.recursive)
    many = len(chosen) > 1 or options.recursive
    summary = ClassSummary()
    failures: list[str] = []
    with destination(options.output) as stream:
        on_stdout = options.output is None
        terminal = (
            progress.stdout_is_terminal() and options.fmt is CheckFormat.text
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
        reporter = make_reporter(options.fmt, stream, options, many=many, console=console)
        # The batch starts its worker processes on the first next(), before the bar
        # is drawn: nothing of ours runs in a thread when they fork.
        outcomes = batch.run(chosen, online=options.online, jobs=options.jobs)
        first = next(outcomes, None)
        with bar:
            reporter.start()
            outcome = first
            while outcome is not None:
                if outcome.error is not None:
                    failures.append(f"« {outcome.display} » : {outcome.error}")
                else:
                    reporter.dossier(outcome)
                summary.add(outcome.summary(options.strict))
                bar.advance()
                outcome = next(outcomes, None)
            reporter.finish(summary)
            stream.flush()
    for failure in failures:
        print(
            f"e4 : erreur interne en vérifiant {failure} ; les autres dossiers sont vérifiés. "
            "Relancez avec E4_DEBUG=1 pour le détail, et signalez-la.",
            file=sys.stderr,
        )
    if failures:
        return EXIT_FAILURE
    return EXIT_FINDINGS if summary.failed else EXIT_OK
