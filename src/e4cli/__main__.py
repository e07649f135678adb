"""`e4` and `python -m e4cli`: the most frequent command lines answered without Typer.

Importing Typer and building e4's commands is most of the cost of `e4 --version`
and `e4 --help`, and a third of `e4 check .`; none of them needs it:

- `--version`: the version;
- `--help`: the page Typer prints at 80 columns or more, pre-rendered in
  `help_text.py` (`python -m e4cli.cli.prerender`);
- `check` in its everyday forms: read by `cli/quick.py` into the options Typer
  would build, then run by the same `check_run.run_check_command`.

Every other command line goes to `e4cli.cli.main` (Typer). `tests/test_fast_paths.py`
holds each early answer to what Typer does with the same command line.
"""

from __future__ import annotations

import os
import sys

VERSION_FLAGS = ("--version", "-V")
HELP_FLAGS = ("--help", "-h")
HELP_COLUMNS = 80  # Click caps help at this width: any wider terminal gets the same text


COMPLETE_VAR = "_E4_COMPLETE"  # shell completion (cli.commands): Typer answers it


def main() -> None:
    args = sys.argv[1:]
    if COMPLETE_VAR not in os.environ:
        if args and args[0] == "check" and len(args) > 1:
            _quick_check(args[1:])
        elif len(args) == 1 and args[0] in VERSION_FLAGS:
            from e4cli import __version__

            _answer(f"e4 {__version__}\n")
        elif len(args) == 1 and args[0] in HELP_FLAGS:
            import shutil

            if shutil.get_terminal_size().columns >= HELP_COLUMNS:
                from e4cli.help_text import TEXT

                _answer(TEXT)
    from e4cli.cli import main as cli_main

    cli_main()


def _quick_check(args: list[str]) -> None:
    """Run `e4 check ARGS` here if `cli/quick.py` reads it; return to let Typer read it."""
    from e4cli.cli.quick import Declined, read_check

    try:
        dossiers, options, watch = read_check(args)
    except Declined:
        return
    from e4cli.cli.check_run import run_check_command
    from e4cli.cli.runner import console_entry

    console_entry(lambda: run_check_command(dossiers, options, watch=watch))


def _answer(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `e4 --help | head -1`: the reader has seen enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit
    sys.exit(0)


if __name__ == "__main__":
    main()
