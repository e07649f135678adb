"""`e4` and `python -m e4cli`: `e4 --version` answered before the command line is built.

Importing Typer and building e4's commands is most of `e4 --version`'s cost; the
version is known without them. Every other command line goes to `e4cli.cli.main`.
`tests/test_fast_paths.py` holds this answer to the bytes Typer's option writes.
"""

from __future__ import annotations

import sys

VERSION_FLAGS = ("--version", "-V")


def main() -> None:
    if len(sys.argv) == 2 and sys.argv[1] in VERSION_FLAGS:
        from e4cli import __version__

        try:
            sys.stdout.write(f"e4 {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:  # `e4 --version | true`: quiet, as the runner does
            pass
        sys.exit(0)
    from e4cli.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
