"""The few renderables of the text report, drawn without Rich where Rich would show no colour.

Importing Rich costs about as much as checking a dossier. A report written to a pipe or a file
carries no colour nor link, only Rich's layout, so that layout is drawn here: word wrapping,
folding and cropping of Rich's `Text`, `Padding`, `Group`, a `Table` with the HEAVY_HEAD box
(its column widths computed as Rich computes them) and the console's rule, each line cropped to
the console's width. The same objects become Rich's own for a terminal (`RichOutput`), so both
paths print one document.

Anything this drawing is not sure to match byte for byte (a character that may not be one cell
wide, a column narrower than its padding, a string Rich would read as markup) raises `Unsure`,
and that part of the report goes through Rich. `E4_RICH=1` sends everything through Rich;
`tests/test_plain_text.py` holds both drawings to the same bytes. Written for Rich 15's layout.
"""

from __future__ import annotations

import io
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Literal, Protocol, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

RICH_ENV = "E4_RICH"
"""Set (to anything but empty), every text report goes through Rich."""

Justify = Literal["default", "left", "center", "right"]
Overflow = Literal["fold", "crop", "ellipsis", "ignore"]


class Unsure(Exception):
    """The plain drawing might differ from Rich's here: let Rich draw it."""


# Characters Rich measures as one terminal cell each, that no grapheme joins and that
# `str.splitlines` does not split on; `tests/test_plain_text.py` checks every one with Rich.
ONE_CELL_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x377),
    (0x37A, 0x37F),
    (0x384, 0x38A),
    (0x38C, 0x38C),
    (0x38E, 0x3A1),
    (0x3A3, 0x482),
    (0x2010, 0x2027),
    (0x202F, 0x202F),
    (0x2030, 0x205E),
    (0x20AC, 0x20AC),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x2500, 0x25FC),
    (0x2713, 0x2718),
)
# where each range starts and where it stops, in order: a code is in a range when an odd
# number of these bounds are at or below it
_BOUNDS = tuple(bound for start, end in ONE_CELL_RANGES for bound in (start, end + 1))


class Text:
    """Rich's `Text` as the report uses it: a base text and style, then appended parts."""

    __slots__ = ("no_wrap", "overflow", "parts", "style", "text")

    def __init__(
        self,
        text: str = "",
        style: str = "",
        *,
        no_wrap: bool | None = None,
        overflow: Overflow | None = None,
    ) -> None:
        self.text = text
        self.style = style
        self.parts: list[tuple[str, str]] = []
        self.no_wrap = no_wrap
        self.overflow = overflow

    def append(self, text: str, style: str = "") -> Text:
        self.parts.append((text, style))
        return self

    @property
    def plain(self) -> str:
        if not self.parts:
            return self.text
        return self.text + "".join(part for part, _ in self.parts)


class Padding:
    """Rich's `Padding(renderable, (0, 0, 0, left), expand=False)`."""

    __slots__ = ("left", "renderable")

    def __init__(self, renderable: Renderable, left: int) -> None:
        self.renderable = renderable
        self.left = left


class Group:
    __slots__ = ("renderables",)

    def __init__(self, *renderables: Renderable) -> None:
        self.renderables = renderables


Cell = str | Text
"""A string is given to Rich as a string (which Rich reads as markup), a `Text` as is."""


class Column:
    __slots__ = ("footer", "header", "justify", "no_wrap", "overflow")

    def __init__(
        self,
        header: Cell,
        footer: Cell,
        justify: Justify,
        overflow: Overflow,
        no_wrap: bool,
    ) -> None:
        self.header = header
        self.footer = footer
        self.justify = justify
        self.overflow = overflow
        self.no_wrap = no_wrap


class Table:
    """Rich's default `Table` (HEAVY_HEAD box, padding (0, 1), edges), title on the left."""

    __slots__ = ("columns", "rows", "show_footer", "title")

    def __init__(self, title: str, show_footer: bool = False) -> None:
        self.title = title
        self.show_footer = show_footer
        self.columns: list[Column] = []
        self.rows: list[Sequence[Cell]] = []

    def add_column(
        self,
        header: Cell,
        *,
        footer: Cell = "",
        justify: Justify = "left",
        overflow: Overflow = "ellipsis",
        no_wrap: bool = False,
    ) -> None:
        self.columns.append(Column(header, footer, justify, overflow, no_wrap))

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(cells)


class Rule:
    """`console.rule(style="dim")`: a line of ─ over the whole width."""

    __slots__ = ()


Renderable = Text | Padding | Group | Table | Rule


class Block:
    """One `console.print` of the report: a renderable, or nothing for a blank line."""

    __slots__ = ("renderable", "soft_wrap")

    def __init__(self, renderable: Renderable | None, soft_wrap: bool = False) -> None:
        self.renderable = renderable
        self.soft_wrap = soft_wrap


class Page:
    """The blocks of one part of the report, in the order they are printed."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def print(self, renderable: Renderable | None = None, *, soft_wrap: bool = False) -> None:
        self.blocks.append(Block(renderable, soft_wrap))

    def rule(self) -> None:
        self.blocks.append(Block(Rule()))


# --- drawing, as Rich lays out -------------------------------------------------------------


def _text(cell: Cell) -> Text:
    if isinstance(cell, Text):
        return cell
    if "[" in cell:  # Rich would read it as markup
        raise Unsure
    return Text(cell)


def _safe(text: str) -> str:
    """`text`, if every character of it is one cell wide for Rich (or a newline)."""
    if text.isascii():
        if text.isprintable() or text.replace("\n", "").isprintable():
            return text
        raise Unsure
    for character in set(text):
        if character != "\n" and bisect_right(_BOUNDS, ord(character)) % 2 == 0:
            raise Unsure
    return text


def _fit(line: str, width: int) -> str:
    """A line cropped or padded with spaces to `width` cells."""
    size = len(line)
    if size < width:
        return line + " " * (width - size)
    return line[:width]


def _truncate(line: str, width: int, overflow: Overflow, pad: bool = False) -> str:
    if overflow == "ignore":
        return line
    size = len(line)
    if size > width:
        if width < 1:
            raise Unsure
        line = line[: width - 1] + "…" if overflow == "ellipsis" else line[:width]
    elif pad and size < width:
        line += " " * (width - size)
    return line


_WORD = r"\s*\S+\s*"  # compiled by `re` on first use: most lines fit whole


def _breaks(line: str, width: int, fold: bool) -> list[int]:
    """Where a line is broken: before each word that no longer fits, and inside a word
    longer than the whole width when folding (a word keeps the spaces after it)."""
    breaks: list[int] = []
    used = 0
    position = 0
    word_at = re.compile(_WORD).match
    while (match := word_at(line, position)) is not None:
        start, position = match.span()
        word = match.group()
        size = len(word.rstrip())
        if width - used >= size:
            used += len(word)
        elif size > width:
            if fold:
                for offset in range(0, len(word), width):
                    if start + offset:
                        breaks.append(start + offset)
                used = len(word) - offset
            else:
                if start:
                    breaks.append(start)
                used = len(word)
        elif used and start:
            breaks.append(start)
            used = len(word)
    return breaks


def _justify(line: str, width: int, justify: Justify, overflow: Overflow) -> str:
    if justify == "left":
        return _truncate(line, width, overflow, pad=True)
    if justify == "center":
        line = _truncate(line.rstrip(), width, overflow)
        line = " " * ((width - len(line)) // 2) + line
        return line + " " * (width - len(line))
    if justify == "right":
        line = _truncate(line.rstrip(), width, overflow)
        return " " * (width - len(line)) + line
    return line


def _wrap(
    text: Text,
    width: int,
    justify: Justify | None,
    overflow: Overflow | None,
    no_wrap: bool | None,
) -> list[str]:
    """The lines of a `Text` at `width`, as Rich's `Text.__rich_console__` and `Text.wrap`."""
    how: Justify = justify or "default"
    over: Overflow = text.overflow or overflow or "fold"
    unwrapped = text.no_wrap if text.no_wrap is not None else bool(no_wrap)
    unwrapped = unwrapped or over == "ignore"
    lines: list[str] = []
    for line in _safe(text.plain).split("\n"):
        if unwrapped:
            if over == "ignore":
                lines.append(line)
                continue
            pieces = [line]
        elif len(line) <= width:  # every word fits: no break, nothing to strip
            pieces = [line]
        else:
            if width < 1:
                raise Unsure
            cuts = [0, *_breaks(line, width, over == "fold"), len(line)]
            pieces = []
            for start, end in pairwise(cuts):
                piece = line[start:end]
                excess = len(piece) - width
                if excess > 0:  # drop the spaces that overflow, as Rich's rstrip_end
                    spaces = len(piece) - len(piece.rstrip())
                    piece = piece[: len(piece) - min(spaces, excess)]
                pieces.append(piece)
        lines.extend(_truncate(_justify(p, width, how, over), width, over) for p in pieces)
    return lines


def _measure(renderable: Renderable, width: int) -> int:
    """The widest Rich would draw it in `width` cells (Rich's `Measurement.get(...).maximum`)."""
    if width < 1:
        return 0
    if isinstance(renderable, Text):
        lines = _safe(renderable.plain).splitlines()
        return min(max(map(len, lines)) if lines else 0, width)
    if isinstance(renderable, Padding):
        if width - renderable.left < 1:
            return width
        return min(_measure(renderable.renderable, width) + renderable.left, width)
    if isinstance(renderable, Group):
        return max((_measure(r, width) for r in renderable.renderables), default=0)
    raise Unsure  # a table or a rule is never measured in this report


class _Options:
    __slots__ = ("justify", "no_wrap", "overflow", "width")

    def __init__(
        self,
        width: int,
        justify: Justify | None = None,
        overflow: Overflow | None = None,
        no_wrap: bool | None = None,
    ) -> None:
        self.width = width
        self.justify = justify
        self.overflow = overflow
        self.no_wrap = no_wrap

    def narrower(self, width: int) -> _Options:
        return _Options(max(0, width), self.justify, self.overflow, self.no_wrap)


def _draw(renderable: Renderable, options: _Options) -> list[str]:
    if options.width < 1:  # Rich renders nothing in no room
        return []
    if isinstance(renderable, Text):
        return _wrap(renderable, options.width, options.justify, options.overflow, options.no_wrap)
    if isinstance(renderable, Padding):
        left = renderable.left
        width = min(_measure(renderable.renderable, options.width) + left, options.width)
        inner = options.narrower(width - left)
        margin = " " * left
        return [margin + _fit(line, inner.width) for line in _draw(renderable.renderable, inner)]
    if isinstance(renderable, Group):
        return [line for r in renderable.renderables for line in _draw(r, options)]
    if isinstance(renderable, Table):
        return _draw_table(renderable, options)
    return ["─" * options.width]


def _column_width(table: Table, index: int, width: int) -> int:
    """Rich's `Table._measure_column(...).maximum`: the widest padded cell, at most `width`."""
    if width < 1:
        return 0
    if width < 3:
        return width
    column = table.columns[index]
    cells = [column.header, *(row[index] for row in table.rows)]
    if table.show_footer:
        cells.append(column.footer)
    return min(max(_measure(_text(cell), width) + 2 for cell in cells), width)


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take `total` off `values` in proportion to `ratios`, at most `maximums` from each."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    left_ratio = sum(ratios)
    if not left_ratio:
        return values[:]
    remaining = total
    reduced: list[int] = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and left_ratio > 0:
            share = min(most, round(ratio * remaining / left_ratio))
            reduced.append(value - share)
            remaining -= share
            left_ratio -= ratio
        else:
            reduced.append(value)
    return reduced


def _collapse(widths: list[int], wrappable: list[bool], width: int) -> list[int]:
    """Shrink the widest wrappable columns, down to the next widest, until the table fits."""
    total = sum(widths)
    excess = total - width
    if not any(wrappable):
        return widths
    while total and excess > 0:
        widest = max(w for w, can in zip(widths, wrappable, strict=True) if can)
        second = max(
            w if can and w != widest else 0 for w, can in zip(widths, wrappable, strict=True)
        )
        ratios = [1 if can and w == widest else 0 for w, can in zip(widths, wrappable, strict=True)]
        if not any(ratios) or widest == second:
            break
        step = min(excess, widest - second)
        widths = _reduce(excess, ratios, [step] * len(widths), widths)
        total = sum(widths)
        excess = total - width
    return widths


def _widths(table: Table, width: int) -> list[int]:
    count = len(table.columns)
    widths = [_column_width(table, i, width) or 1 for i in range(count)]
    if sum(widths) > width:
        widths = _collapse(widths, [not c.no_wrap for c in table.columns], width)
        if sum(widths) > width:
            widths = _reduce(sum(widths) - width, [1] * count, widths, widths)
        widths = [_column_width(table, i, w) for i, w in enumerate(widths)]
    return widths


def _cell(value: Cell, column: Column, width: int) -> list[str]:
    """The lines of a cell's text between its padding, `width` cells wide."""
    if width < 1:  # a column squeezed to its padding: Rich draws nothing there
        return []
    cell = _text(value)
    return _wrap(cell, width, column.justify, column.overflow, column.no_wrap)


def _draw_table(table: Table, options: _Options) -> list[str]:
    if not table.columns:
        raise Unsure
    columns = table.columns
    widths = _widths(table, max(0, options.width - len(columns) - 1))
    table_width = sum(widths) + len(columns) + 1
    title = _text(table.title)
    lines = _wrap(title, table_width, "left", options.overflow, options.no_wrap)
    rows: list[Sequence[Cell]] = [[c.header for c in columns], *table.rows]
    if table.show_footer:
        rows.append([c.footer for c in columns])
    lines.append("┏" + "┳".join("━" * w for w in widths) + "┓")
    last_index = len(rows) - 1
    for index, row in enumerate(rows):
        cells: list[list[str]] = []
        for width, value, column in zip(widths, row, columns, strict=True):
            inner = max(0, width - 2)
            cells.append(
                [_fit(" " + _fit(line, inner) + " ", width) for line in _cell(value, column, inner)]
            )
        height = max(1, *(len(drawn) for drawn in cells))
        for width, drawn in zip(widths, cells, strict=True):
            blank = [" " * width] * (height - len(drawn))
            drawn[:] = blank + drawn if index == 0 else drawn + blank
        if index == last_index and table.show_footer:
            lines.append("├" + "┼".join("─" * w for w in widths) + "┤")
        bar = "┃" if index == 0 else "│"
        lines.extend(bar + bar.join(cell[n] for cell in cells) + bar for n in range(height))
        if index == 0:
            lines.append("┡" + "╇".join("━" * w for w in widths) + "┩")
    lines.append("└" + "┴".join("─" * w for w in widths) + "┘")
    return lines


def draw(blocks: Sequence[Block], width: int) -> str:
    """The text Rich's console would write for these blocks at `width` (no colour)."""
    out: list[str] = []
    options = _Options(width)
    soft = _Options(width, overflow="ignore", no_wrap=True)
    for block in blocks:
        if block.renderable is None:
            out.append("")
        elif block.soft_wrap:
            out.extend(_draw(block.renderable, soft))
        else:
            out.extend(line[:width] for line in _draw(block.renderable, options))
    out.append("")
    return "\n".join(out)


# --- Rich's objects, for a terminal ------------------------------------------------------------


def to_rich(renderable: Renderable) -> RenderableType:
    from rich.console import Group as RichGroup
    from rich.padding import Padding as RichPadding
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    def cell(value: Cell) -> RenderableType:
        return value if isinstance(value, str) else convert(value)

    def convert(item: Renderable) -> RenderableType:
        if isinstance(item, Text):
            text = RichText(
                item.text, style=item.style, no_wrap=item.no_wrap, overflow=item.overflow
            )
            for part, style in item.parts:
                text.append(part, style=style or None)
            return text
        if isinstance(item, Padding):
            return RichPadding(convert(item.renderable), (0, 0, 0, item.left), expand=False)
        if isinstance(item, Group):
            return RichGroup(*(convert(r) for r in item.renderables))
        if isinstance(item, Table):
            table = RichTable(title=item.title, title_justify="left", show_footer=item.show_footer)
            for column in item.columns:
                table.add_column(
                    cell(column.header),
                    footer=cell(column.footer),
                    justify=column.justify,
                    overflow=column.overflow,
                    no_wrap=column.no_wrap,
                )
            for row in item.rows:
                table.add_row(*(cell(value) for value in row))
            return table
        raise TypeError(item)

    return convert(renderable)


# --- where the report goes -------------------------------------------------------------------


class StripTrailingSpaces(io.TextIOBase):
    """A text stream that drops the spaces Rich pads lines with before each newline.

    Invisible on a terminal, they clutter CI logs, files and diffs of reports.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        if lines:
            self.stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"


def make_console(stream: TextIO) -> Console:
    """Colour only on a terminal; Rich itself honours NO_COLOR and FORCE_COLOR."""
    from e4cli.util.console import OutputConsole

    stripped = cast(TextIO, StripTrailingSpaces(stream))  # a TextIOBase that Rich writes to
    return OutputConsole(file=stripped, highlight=False, soft_wrap=False, emoji=False)


class Output(Protocol):
    width: int
    encoding: str

    def emit(self, page: Page) -> None:
        """Write the page."""


class RichOutput:
    """Through a Rich console (a terminal, or the console the progress bar shares)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.width = console.width
        self.encoding = console.encoding

    def emit(self, page: Page) -> None:
        for block in page.blocks:
            if block.renderable is None:
                self.console.print()
            elif isinstance(block.renderable, Rule):
                self.console.rule(style="dim")
            elif block.soft_wrap:
                self.console.print(to_rich(block.renderable), soft_wrap=True)
            else:
                self.console.print(to_rich(block.renderable))


class PlainOutput:
    """Drawn here, without importing Rich; a page this drawing is unsure of goes to Rich."""

    def __init__(self, stream: TextIO, width: int, encoding: str) -> None:
        self.stripped = StripTrailingSpaces(stream)
        self.width = width
        self.encoding = encoding
        self.rich: RichOutput | None = None

    def emit(self, page: Page) -> None:
        try:
            text = draw(page.blocks, self.width)
        except Unsure:
            if self.rich is None:
                self.rich = RichOutput(make_console(cast(TextIO, self.stripped)))
            self.rich.emit(page)
        else:
            self.stripped.write(text)


def plain_width(stream: TextIO, environ: Mapping[str, str] = os.environ) -> int | None:
    """The width Rich would lay the report out at on `stream`, if Rich would write no
    colour there and this module can draw it; else None (Rich draws it)."""
    if environ.get(RICH_ENV) or sys.platform == "win32" or "IPython" in sys.modules:
        return None
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible == "1":
        return None
    if compatible != "0":
        if environ.get("FORCE_COLOR") is not None:
            return None
        try:
            if stream.isatty():
                return None
        except (AttributeError, ValueError):
            pass
    width: int | None = None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        try:
            width = int(columns)
        except ValueError:
            return None
    else:
        for descriptor in (0, 1, 2):
            try:
                width = os.get_terminal_size(descriptor).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
        width = width or 80
    return width if 20 <= width <= 1000 else None


def output_for(stream: TextIO) -> Output:
    """Where the text report goes: drawn here when Rich would show no colour, else Rich."""
    width = plain_width(stream)
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if width is None or not encoding.startswith("utf"):
        return RichOutput(make_console(stream))
    return PlainOutput(stream, width, encoding)
