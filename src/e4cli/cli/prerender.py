"""Write `e4cli/help_text.py`: `e4 --help` as Typer prints it, for `__main__` to answer early.

    python -m e4cli.cli.prerender

Run it after changing a command's name, its first help line or an option of `e4`
itself; tests/test_fast_paths.py fails until then. The text is rendered by the
whole Typer app in a child process with COLUMNS=80: Click caps help at 80
columns, so every terminal at least that wide gets these very bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from e4cli.__main__ import COMPLETE_VAR

TARGET = Path(__file__).parent.parent / "help_text.py"  # outside cli/, which imports Typer
_RENDER = "from e4cli.cli import app; app(['--help'], prog_name='e4')"


def render_help(columns: int = 80) -> str:
    """`e4 --help` from the whole app at this terminal width."""
    env = {**os.environ, "COLUMNS": str(columns)}
    env.pop(COMPLETE_VAR, None)
    done = subprocess.run(
        [sys.executable, "-c", _RENDER], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def module_source(text: str) -> str:
    return (
        '"""`e4 --help` at 80 columns or more, pre-rendered by `python -m e4cli.cli.prerender`.\n\n'
        'Generated: do not edit. `e4cli.__main__` prints it without importing Typer.\n"""\n\n'
        "TEXT = (\n" + "".join(f"    {line!r}\n" for line in text.splitlines(keepends=True)) + ")\n"
    )


if __name__ == "__main__":
    TARGET.write_text(module_source(render_help()), encoding="utf-8")
    print(f"écrit : {TARGET}")
