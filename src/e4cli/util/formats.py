"""One shape for every kind of output: a registry of named formats, renderers loaded when used.

Each kind of output (the reports of `e4 check`, the class report, the table, the
grid, the fiche) has one `Registry`. An entry names its format, the file
extensions that select it from --output, whether it is binary (never written to
a terminal), and where its renderer lives as "module:attribute", imported only
when that format is used: so Jinja2, openpyxl or the browser are loaded by the
command that needs them alone, and `e4 --help` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from e4cli.util.errors import CommandError
from e4cli.util.record import record

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
M = TypeVar("M")


class FormatError(CommandError):
    """A format that cannot be chosen from the arguments: a usage error (exit 2)."""


@record
class Format(Generic[R_co]):
    """A named output format; `R_co` is what its renderer is (a function, a reporter class)."""

    name: str
    extensions: tuple[str, ...]
    binary: bool
    renderer: str
    """`package.module:attribute`, imported by `load`."""
    prints: str | None = None
    """The format whose page this one prints to PDF (`pdf` prints `html`): a class's
    command hands that page to its browser and goes on (`util.printer.print_later`)."""

    def load(self) -> R_co:
        module, _, attribute = self.renderer.partition(":")
        return cast(R_co, getattr(importlib.import_module(module), attribute))

    def render(self: Format[Callable[[M], str | bytes]], model: M) -> bytes:
        """The document of `model` in this format; text comes out as UTF-8."""
        result = self.load()(model)
        return result if isinstance(result, bytes) else result.encode("utf-8")


class Registry(Generic[R]):
    """The formats of one kind of output, in the order they are listed to the user."""

    def __init__(self, *formats: Format[R], default: str) -> None:
        self.formats: dict[str, Format[R]] = {f.name: f for f in formats}
        if default not in self.formats:
            raise ValueError(f"default format {default!r} is not registered")
        self.default = default

    def __getitem__(self, name: str) -> Format[R]:
        return self.formats[name]

    def __contains__(self, name: object) -> bool:
        return name in self.formats

    def __iter__(self) -> Iterator[Format[R]]:
        return iter(self.formats.values())

    def __len__(self) -> int:
        return len(self.formats)

    def names(self) -> list[str]:
        return list(self.formats)

    def only(self, *names: str, default: str | None = None) -> Registry[R]:
        """The same entries, restricted to `names` (a document offered in fewer formats)."""
        return Registry(*(self.formats[n] for n in names), default=default or self.default)

    def by_extension(self, path: Path) -> Format[R] | None:
        suffix = path.suffix.lower()
        return next((f for f in self if suffix in f.extensions), None)

    def pick(self, name: str | None, output: Path | None, default: str | None = None) -> Format[R]:
        """The format asked for, else the one of --output's extension, else the default.

        An --output whose extension names no format, without --format, and a --format
        that --output's extension contradicts, are usage errors.
        """
        by_extension: Format[R] | None = None
        if output is not None:
            by_extension = self.by_extension(output)
            if by_extension is None and name is None:
                known = ", ".join(e for f in self for e in f.extensions)
                raise FormatError(
                    f"impossible de déduire le format de « {output.name} » : extension "
                    f"« {output.suffix.lower() or '(aucune)'} » inconnue (connues : {known}) ; "
                    "précisez --format."
                )
        chosen = self[name] if name is not None else by_extension
        if chosen is None:
            chosen = self[default or self.default]
        if by_extension is not None and by_extension is not chosen:
            raise FormatError(
                f"--format {chosen.name} et --output « {output.name if output else ''} » "
                f"({by_extension.name}) se contredisent ; gardez l'un des deux."
            )
        return chosen

    @staticmethod
    def require_output(chosen: Format[Any], output: Path | None) -> None:
        """A binary format is never written to the terminal."""
        if chosen.binary and output is None:
            raise FormatError(
                f"le format {chosen.name} est binaire et ne s'affiche pas dans le terminal : "
                f"donnez --output FICHIER{chosen.extensions[0]}."
            )
