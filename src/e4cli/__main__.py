"""`e4` and `python -m e4cli`: `e4 --version` and `e4 --help` answered before Typer.

Importing Typer and building e4's commands is most of their cost, and both answers
are known without them: the version, and the help page Typer prints at 80 columns
or more, pre-rendered in `help_text.py` (`python -m e4cli.cli.prerender`).
Every other command line goes to `e4cli.cli.main`. `tests/test_fast_paths.py`
holds both answers to the bytes Typer writes.
"""

from __future__ import annotations

import os
import sys

VERSION_FLAGS = ("--version", "-V")
HELP_FLAGS = ("--help", "-h")
HELP_COLUMNS = 80  # Click caps help at this width: any wider terminal gets the same text


def main() -> None:
    if len(sys.argv) == 2 and "_E4_COMPLETE" not in os.environ:
        if sys.argv[1] in VERSION_FLAGS:
            from e4cli import __version__

            _answer(f"e4 {__version__}\n")
        if sys.argv[1] in HELP_FLAGS:
            import shutil

            if shutil.get_terminal_size().columns >= HELP_COLUMNS:
                from e4cli.help_text import TEXT

                _answer(TEXT)
    from e4cli.cli import main as cli_main

    cli_main()


def _answer(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `e4 --help | head -1`: the reader has seen enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit
    sys.exit(0)
    from e4cli.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
