"""Shell completion (bash, zsh, fish, PowerShell) through Typer's own machinery, in French.

Typer adds `--install-completion` and `--show-completion` and answers the shell's
requests through `_E4_COMPLETE`; commands, options and their values come from the Click
command tree, and dossier paths fall back to the shell's own file completion. Only the
words Typer prints after an installation are its own English: they are said here.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer._click import Context, Parameter


def install(ctx: Context, param: Parameter, value: Any) -> Any:
    """`e4 --install-completion [SHELL]`: what Typer does, said in French."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install as typer_install

    shell, path = typer_install(shell=value if isinstance(value, str) else None)
    typer.secho(f"Complétion {shell} installée dans « {path} ».", fg="green")
    typer.echo("Elle prendra effet dans un nouveau terminal.")
    sys.exit(0)


def frenchify(params: list[Parameter]) -> None:
    """Give Typer's --install-completion the French callback above."""
    for param in params:
        if param.name == "install_completion":
            param.callback = install
