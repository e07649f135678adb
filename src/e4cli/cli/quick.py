"""`e4 check` in its everyday forms, read without Typer.

A pre-commit hook or an editor runs `e4 check .` at every commit or save, and
importing Typer and building the command is a third of that run. The command
lines below are read here, into exactly the `CheckOptions` Typer would build
(`tests/test_fast_paths.py` holds the two readings equal), and anything else
(help, a typo, a combined `-rv`, `--output`, `--jobs`, shell completion) is
left to Typer, which answers it as before:

    e4 check [--format F | -f F | --format=F] [--strict] [-v|--verbose]
             [-r|--recursive] [--online] [--fix] [--diff] [-w|--watch] [--] DOSSIER...
"""

from __future__ import annotations

from pathlib import Path

from e4cli.cli.check_run import CheckOptions, default_format

FLAGS = {
    "--strict": "strict",
    "-v": "verbose",
    "--verbose": "verbose",
    "-r": "recursive",
    "--recursive": "recursive",
    "--online": "online",
    "--fix": "fix",
    "--diff": "diff",
    "-w": "watch",
    "--watch": "watch",
}
FORMAT_OPTIONS = ("--format", "-f")
# The values of cli.commands.CheckFormat (a test compares them), without importing Typer.
FORMATS = ("text", "json", "github", "gitlab", "junit", "sarif", "markdown")


class Declined(Exception):
    """The command line is not one of the everyday forms: Typer reads it."""


def read_check(args: list[str]) -> tuple[list[Path], CheckOptions, bool]:
    """(dossiers, options, watch) as `e4 check ARGS` means them, or Declined."""
    chosen: dict[str, bool] = {}
    fmt: str | None = None
    dossiers: list[Path] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            dossiers.extend(Path(path) for path in rest)
            break
        if arg in FLAGS:
            chosen[FLAGS[arg]] = True
        elif arg in FORMAT_OPTIONS or arg.startswith("--format="):
            value = arg.partition("=")[2] if "=" in arg else next(rest, None)
            if value not in FORMATS:
                raise Declined  # Typer says what is wrong, in its words
            fmt = value
        elif arg.startswith("-") or not arg:
            raise Declined
        else:
            dossiers.append(Path(arg))
    if not dossiers:
        raise Declined  # Typer's "missing argument"
    options = CheckOptions(
        fmt or default_format(),
        strict=chosen.get("strict", False),
        verbose=chosen.get("verbose", False),
        recursive=chosen.get("recursive", False),
        online=chosen.get("online", False),
        fix=chosen.get("fix", False),
        diff=chosen.get("diff", False),
    )
    return dossiers, options, chosen.get("watch", False)
