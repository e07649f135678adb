"""The table's output formats: names, file extensions, and which renderer makes each.

Renderers are imported only when used, so that Jinja2 and openpyxl are loaded
by `e4 table` alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from e4cli.table.model import TableModel


class FormatError(Exception):
    """A format that cannot be chosen from the arguments: a usage error (exit 2)."""


class RenderError(Exception):
    """The table cannot be produced (PDF engine missing, file that is not a model): exit 2."""


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    binary: bool
    module: str

    def render(self, model: TableModel) -> bytes:
        renderer = importlib.import_module(f"e4cli.table.{self.module}")
        result = renderer.render(model)
        return result if isinstance(result, bytes) else result.encode("utf-8")


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", (".html", ".htm"), False, "html"),
        Format("md", (".md", ".markdown"), False, "md"),
        Format("csv", (".csv",), False, "csv_render"),
        Format("json", (".json",), False, "json_"),
        Format("xlsx", (".xlsx",), True, "xlsx"),
        Format("pdf", (".pdf",), True, "pdf"),
    )
}
DEFAULT = "html"


def choose(
    name: str | None,
    output: Path | None,
    template: Path | None,
    formats: Mapping[str, Format] = FORMATS,
) -> Format:
    """The format asked for, else the one of --output's extension, else html.

    `formats` are the ones of the document being made (the table's by default).
    """
    by_extension: Format | None = None
    if output is not None:
        suffix = output.suffix.lower()
        by_extension = next((f for f in formats.values() if suffix in f.extensions), None)
        if by_extension is None and name is None:
            known = ", ".join(e for f in formats.values() for e in f.extensions)
            raise FormatError(
                f"impossible de déduire le format de « {output.name} » : extension "
                f"« {suffix or '(aucune)'} » inconnue (connues : {known}) ; "
                "précisez --format."
            )
    chosen = formats[name] if name is not None else by_extension
    if chosen is None:
        chosen = formats["xlsx"] if template is not None else formats[DEFAULT]
    if by_extension is not None and by_extension is not chosen:
        raise FormatError(
            f"--format {chosen.name} et --output « {output.name if output else ''} » "
            f"({by_extension.name}) se contredisent ; gardez l'un des deux."
        )
    if template is not None and chosen.name != "xlsx":
        raise FormatError(
            f"--template remplit un modèle .xlsx : il ne va pas avec le format {chosen.name}."
        )
    if chosen.binary and output is None:
        raise FormatError(
            f"le format {chosen.name} est binaire et ne s'affiche pas dans le terminal : "
            f"donnez --output FICHIER{chosen.extensions[0]}."
        )
    return chosen
