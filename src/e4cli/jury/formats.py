"""Output formats of the grid and the fiche, chosen like the table's (`table.formats.choose`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from e4cli.util.formats import Format, FormatError, Registry

if TYPE_CHECKING:
    from e4cli.jury.appraisal import AppraisalModel
    from e4cli.jury.grid import GridModel

GridRenderer = Callable[["GridModel"], str | bytes]
AppraisalRenderer = Callable[["AppraisalModel"], str | bytes]

GRID_FORMATS: Registry[GridRenderer] = Registry(
    Format("html", (".html", ".htm"), False, "e4cli.jury.html:render_grid"),
    Format("pdf", (".pdf",), True, "e4cli.jury.html:grid_pdf", prints="html"),
    Format("xlsx", (".xlsx",), True, "e4cli.jury.grid_xlsx:render"),
    default="html",
)
APPRAISAL_FORMATS: Registry[AppraisalRenderer] = Registry(
    Format("html", (".html", ".htm"), False, "e4cli.jury.html:render_appraisal"),
    Format("pdf", (".pdf",), True, "e4cli.jury.html:appraisal_pdf", prints="html"),
    default="html",
)

R = TypeVar("R")


def pick(
    name: str | None, output: Path | None, output_dir: Path | None, formats: Registry[R]
) -> Format[R]:
    """The format from --format, else --output's extension, else html.

    With --output-dir the files are named by e4, so only --format decides.
    """
    if output_dir is not None:
        if output is not None:
            raise FormatError("--output et --output-dir s'excluent : gardez l'un des deux.")
        return formats[name or formats.default]
    chosen = formats.pick(name, output)
    formats.require_output(chosen, output)
    return chosen
