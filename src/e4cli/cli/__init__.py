"""The command line. The Typer app and its commands are in `cli/commands.py`.

This package itself imports nothing: `e4 check` in its common forms is read by
`cli/quick.py` and run without Typer (see `e4cli.__main__`), through
`cli/check_run.py` and `cli/runner.py`, which must not import Typer either.
The app's public names (`app`, `main`, the format choices) are still read from
here, through `__getattr__`, which imports `commands` only for them.
"""

from __future__ import annotations

import importlib
from typing import Any

_FROM_COMMANDS = frozenset(
    {
        "app",
        "main",
        "app_for",
        "CheckFormat",
        "TableFormat",
        "GridFormat",
        "AppraisalFormat",
        "FicheFormat",
        "ReportFormat",
    }
)


def __getattr__(name: str) -> Any:
    if name not in _FROM_COMMANDS:  # a submodule (runner, progress…) is imported as usual
        raise AttributeError(f"module 'e4cli.cli' has no attribute {name!r}")
    return getattr(importlib.import_module("e4cli.cli.commands"), name)
