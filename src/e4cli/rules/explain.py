"""`e4 explain`: a rule's documentation, printed from its module docstring."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.padding import Padding
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from e4cli.rules.registry import documented
from e4cli.util.console import OutputConsole
from e4cli.util.errors import CommandError
from e4cli.util.typography import severity_word


def list_codes(stream: TextIO) -> None:
    console = OutputConsole(file=stream, highlight=False)
    table = Table(show_header=True, box=None, pad_edge=False)
    table.add_column("code", style="bold")
    table.add_column("gravité")
    table.add_column("ce qu'il signale")
    for rule in documented():
        table.add_row(rule.code, severity_word(rule.severity), rule.title)
    console.print(table)
    console.print(Text("Détail d'un code : e4 explain CODE", style="dim"))


def explain_code(code: str, stream: TextIO) -> bool:
    rule = next((r for r in documented() if r.code == code.strip().upper()), None)
    if rule is None:
        return False
    console = OutputConsole(file=stream, highlight=False)
    console.print(
        Text(f"{rule.code} · {severity_word(rule.severity)} · {rule.title}", style="bold")
    )
    console.print()
    console.print(rule.summary)
    console.print()
    console.print(Text("Pourquoi : ", style="bold").append(rule.why, style="not bold"))
    for title, example in (("Correct", rule.good), ("Fautif", rule.bad)):
        console.print()
        console.print(Text(f"{title} :", style="bold"))
        console.print(Padding(Syntax(example, "yaml", background_color="default"), (0, 0, 0, 4)))
    return True


def run_explain(code: str | None) -> None:
    """`e4 explain [CODE]`: every code, or the one asked for (an unknown code is exit 2)."""
    if code is None:
        list_codes(sys.stdout)
    elif not explain_code(code, sys.stdout):
        raise CommandError(f"code « {code} » inconnu ; « e4 explain » les liste tous.")
