"""The table's output formats (`e4 table`): names, file extensions, the renderer of each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from e4cli.util.errors import RenderError
from e4cli.util.formats import Format, FormatError, Registry

if TYPE_CHECKING:
    from e4cli.table.model import TableModel

__all__ = ["TABLE_FORMATS", "FormatError", "RenderError", "TableRenderer", "choose"]

TableRenderer = Callable[["TableModel"], str | bytes]


TABLE_FORMATS: Registry[TableRenderer] = Registry(
    Format("html", (".html", ".htm"), False, "e4cli.table.html:render"),
    Format("md", (".md", ".markdown"), False, "e4cli.table.md:render"),
    Format("csv", (".csv",), False, "e4cli.table.csv_render:render"),
    Format("json", (".json",), False, "e4cli.table.json_:render"),
    Format("xlsx", (".xlsx",), True, "e4cli.table.xlsx:render"),
    Format("pdf", (".pdf",), True, "e4cli.table.pdf:render"),
    default="html",
)


def choose(name: str | None, output: Path | None, template: Path | None) -> Format[TableRenderer]:
    """The format asked for, else the one of --output's extension, else html (xlsx with
    --template, which fills an official .xlsx model)."""
    chosen = TABLE_FORMATS.pick(name, output, "xlsx" if template is not None else None)
    if template is not None and chosen.name != "xlsx":
        raise FormatError(
            f"--template remplit un modèle .xlsx : il ne va pas avec le format {chosen.name}."
        )
    TABLE_FORMATS.require_output(chosen, output)
    return chosen
