"""Rich's console for e4's outputs, leaving a closed pipe to the command runner."""

from __future__ import annotations

import rich.console


class OutputConsole(rich.console.Console):
    """A Rich console that lets `BrokenPipeError` through (`e4 … | head`).

    Rich's own answer to a closed pipe is to exit with status 1 on the spot; e4's
    runner (`cli.runner`) ends every command the same way instead: quietly, exit 0.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
