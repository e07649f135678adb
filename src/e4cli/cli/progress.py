"""The progress bar of long runs: on a terminal only, never in CI or into a pipe.

The bar refreshes by hand (no refresh thread), at most ten times a second:
e4 starts worker processes by forking, which must not copy a running thread,
and a thread would cost more than it shows on a run of a few seconds.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILD_NUMBER", "TF_BUILD")


def in_ci(env: Mapping[str, str]) -> bool:
    return any(env.get(name, "").lower() not in ("", "0", "false") for name in _CI_VARIABLES)


def wanted(count: int, *, terminal: bool, env: Mapping[str, str] | None = None) -> bool:
    """Whether to show a bar for `count` dossiers drawn on a stream that is or not a terminal."""
    env = os.environ if env is None else env
    return count > 1 and terminal and not in_ci(env) and env.get("TERM") != "dumb"


class ProgressBar:
    """A transient bar drawn by `console`; print through the same console to write above it."""

    REFRESH_SECONDS = 0.1

    def __init__(self, total: int, console: Console) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.console = console
        self.progress = Progress(
            TextColumn("Vérification"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            auto_refresh=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("dossiers", total=total)
        self.last = 0.0

    @classmethod
    def on(cls, total: int, stream: TextIO) -> ProgressBar:
        from rich.console import Console

        return cls(total, Console(file=stream, highlight=False))

    def __enter__(self) -> ProgressBar:
        self.progress.start()
        self.progress.refresh()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def advance(self) -> None:
        self.progress.advance(self.task)
        now = time.monotonic()
        if now - self.last >= self.REFRESH_SECONDS:
            self.last = now
            self.progress.refresh()


class NoProgress:
    """The same interface, showing nothing."""

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self) -> None:
        return None


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
