"""Output formats of the fiches descriptives (`e4 fiche`), in the one registry shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from e4cli.util.formats import Format, Registry

if TYPE_CHECKING:
    from e4cli.jury.fiche.model import FicheModel

FicheRenderer = Callable[["FicheModel"], str | bytes]

FICHE_FORMATS: Registry[FicheRenderer] = Registry(
    Format("html", (".html", ".htm"), False, "e4cli.jury.fiche.html:render"),
    Format("pdf", (".pdf",), True, "e4cli.jury.fiche.html:render_pdf", prints="html"),
    Format("docx", (".docx",), True, "e4cli.jury.fiche.docx:render"),
    default="html",
)
