"""The synthesis table as PDF: its HTML page printed by headless Chromium (`util.printer`).

The printer itself (finding the browser, one browser per command, deadlines)
lives in `e4cli.util.printer`; its names are kept here for the callers that
knew them as the table's.
"""

from __future__ import annotations

from e4cli.table import html
from e4cli.table.model import TableModel
from e4cli.util.printer import (
    ENV_BROWSER,
    TIMEOUT_SECONDS,
    command,
    find_browser,
    print_html,
    printing,
)

__all__ = [
    "ENV_BROWSER",
    "TIMEOUT_SECONDS",
    "command",
    "find_browser",
    "print_html",
    "printing",
    "render",
]


def render(model: TableModel) -> bytes:
    return print_html(html.render(model))
