"""A PDF synthesis table (printed from the official model) as an in-memory openpyxl workbook.

What candidates hand in is often the PDF, not the workbook. Its text layer
keeps the words and their positions, and the table's ruling keeps the cells:
pdfplumber (the reference library for tables in PDFs, over pdfminer.six)
finds the grid; each cell's words become the cell's text, so the reader
finds the same landmarks and applies the same rules as for an .xlsx. A cell
spanning the table's width (the header lines) is split into a line per text
line and a cell per run of words, so "NOM et prénom" and "N° candidat" are
apart again. Crosses drawn with vector lines become diagonal borders, cells
painted become fills, and tiny text (a 3.8 pt "x") is text like any other.

A PDF without text (a scan, a photo) cannot be read this way: the error says
so. Pages are bounded: a table is one to three pages.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.util.record import record
from e4cli.util.textnorm import fold

MAX_PAGES = 10
SNAP = 3.0  # points: cell edges closer than this are one edge
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


class PdfError(Exception):
    """The PDF cannot be read as a table; the message says why, in French."""


class ScannedPdf(PdfError):
    """The PDF has no text layer."""


@record(frozen=False)
class _Cell:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    words: list[dict[str, Any]] = field(default_factory=list)
    crosses: int = 0
    fill: str | None = None


def read_pdf(path: Path) -> tuple[Workbook, list[str]]:
    """The PDF's table as a workbook, and notes on what was not read (pages past the bound)."""
    try:
        import pdfplumber

        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise PdfError(
            f"« {path.name} » n'est pas un PDF lisible ({type(exc).__name__}) : exportez à "
            "nouveau le tableau en PDF, ou donnez le classeur .xlsx."
        ) from exc
    try:
        notes = []
        if len(pdf.pages) > MAX_PAGES:
            notes.append(
                f"PDF de {len(pdf.pages)} pages : seules les {MAX_PAGES} premières sont lues, "
                "le tableau de synthèse doit s'y trouver"
            )
        pages = list(pdf.pages[:MAX_PAGES])
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "PDF"
        try:
            _Builder(ws, path).build(pages)
        except PdfError:
            raise
        except Exception as exc:  # a damaged content stream, met while reading a page
            raise PdfError(
                f"« {path.name} » : une page ne se lit pas ({type(exc).__name__}) ; exportez à "
                "nouveau le tableau en PDF, ou donnez le classeur .xlsx."
            ) from exc
        return wb, notes
    finally:
        pdf.close()


class _Builder:
    def __init__(self, ws: Worksheet, path: Path) -> None:
        self.ws = ws
        self.path = path
        self.row = 0
        self.header_rows: set[tuple[str, ...]] = set()  # repeated on later pages: skipped
        self.below: list[list[tuple[float, str]]] = []  # text outside the tables of later pages
        self.edges: list[float] = []  # the columns' edges of the widest table

    def build(self, pages: Sequence[Any]) -> None:
        if not any(page.chars for page in pages):
            raise ScannedPdf(
                f"« {self.path.name} » est un PDF sans texte (une image ou un scan) : e4 ne lit "
                "que les PDF exportés depuis le tableur ou par « e4 table --format pdf ». "
                "Donnez le classeur .xlsx ou .ods, ou un PDF exporté."
            )
        for number, page in enumerate(pages):
            self.page(page, first=number == 0)
        if self.below:
            self.row += 2  # apart from the table: its end is where its ruling ends
            for line in self.below:
                self.free_line(line)

    def page(self, page: Any, *, first: bool) -> None:
        words = [
            w
            for w in page.extract_words(
                x_tolerance=1.5, y_tolerance=2, extra_attrs=["size", "fontname"]
            )
            if w.get("upright", True)
        ]
        tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
        for table in tables:
            edges = _snap([x for row in table.rows for c in row.cells if c for x in (c[0], c[2])])
            if len(edges) > len(self.edges):
                self.edges = edges
        inside: set[int] = set()
        for table in tables:
            x0, top, x1, bottom = table.bbox
            for index, word in enumerate(words):
                if _centre_in(word, (x0, top, x1, bottom)):
                    inside.add(index)
        outside = [w for i, w in enumerate(words) if i not in inside]
        top_of_tables = tables[0].bbox[1] if tables else page.height
        above = [w for w in outside if w["bottom"] <= top_of_tables]
        rest = [w for w in outside if w["bottom"] > top_of_tables]
        if first:
            for line in _lines(above):
                self.free_line(line)
        else:
            self.below += _lines(above)
        self.below += _lines(rest)
        marks = _diagonals(page)
        fills = _fills(page)
        for table in tables:
            self.table(table, words, marks, fills, first=first)

    def free_line(self, words: list[tuple[float, str]]) -> None:
        self.row += 1
        for column, text in self.segments(words):
            self.ws.cell(self.row, column, text)

    def segments(self, words: list[tuple[float, str]]) -> list[tuple[int, str]]:
        """Runs of words apart from each other, each in the column under its start."""
        return [(self.column_at(x), text) for x, text in words]

    def column_at(self, x: float) -> int:
        return max(1, sum(1 for e in self.edges[:-1] if e <= x + SNAP))

    def table(
        self,
        table: Any,
        words: list[dict[str, Any]],
        marks: list[tuple[float, float]],
        fills: list[tuple[tuple[float, float, float, float], str]],
        *,
        first: bool,
    ) -> None:
        for row in table.rows:
            cells = [_Cell(c) for c in row.cells if c is not None]
            for word in words:
                for cell in cells:
                    if _centre_in(word, cell.bbox):
                        cell.words.append(word)
                        break
            for x, y in marks:
                for cell in cells:
                    if _point_in(x, y, cell.bbox):
                        cell.crosses += 1
            for bbox, color in fills:
                for cell in cells:
                    if _covers(bbox, cell.bbox):
                        cell.fill = color
            texts = tuple(fold(_text(c.words)) for c in cells)
            if not first and texts in self.header_rows:
                continue  # the table's header, repeated at the top of the page
            if first and any(texts):
                self.header_rows.add(texts)
            self.table_row(cells)
            if first and any(t.startswith("periode") for t in texts):
                first = False  # the header ends with the period's heading

    def table_row(self, cells: list[_Cell]) -> None:
        split = [c for c in cells if self.span(c) > 1 and len(_lines_of(c.words)) > 1]
        if split:  # header lines in one wide cell: a sheet row per text line
            lines = [line for c in split for line in _lines_of(c.words)]
            for line in lines:
                self.free_line(line)
            cells = [c for c in cells if c not in split]
            if not cells:
                return
        self.row += 1
        texts = [_text(cell.words, cell.bbox) for cell in cells]
        items = [_items_part(text) for text in texts]
        for cell, text, (heading, listed) in zip(cells, texts, items, strict=True):
            column = self.column_at(cell.bbox[0])
            target = self.ws.cell(self.row, column)
            if listed:  # a heading with its item list: the list goes on a row of its own
                text = heading
                self.ws.cell(self.row + 1, column, listed)
            if text:
                target.value = text
                target.alignment = Alignment(wrap_text=True)
            target.border = _BOX
            if cell.crosses >= 2 and not text:
                target.border = Border(
                    left=_THIN,
                    right=_THIN,
                    top=_THIN,
                    bottom=_THIN,
                    diagonal=_THIN,
                    diagonalUp=True,
                    diagonalDown=True,
                )
            if cell.fill:
                target.fill = PatternFill("solid", fgColor="FF" + cell.fill)
            span = self.span(cell)
            if span > 1:
                self.ws.merge_cells(
                    start_row=self.row,
                    start_column=column,
                    end_row=self.row,
                    end_column=column + span - 1,
                )
        if any(listed for _, listed in items):
            self.row += 1

    def span(self, cell: _Cell) -> int:
        return max(1, self.column_at(cell.bbox[2] - 2 * SNAP) - self.column_at(cell.bbox[0]) + 1)


def _items_part(text: str) -> tuple[str, str]:
    """A competency heading and the item list printed under it in the same cell."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.lstrip().startswith("▸")), None)
    if not first:
        return text, ""
    return "\n".join(lines[:first]), "\n".join(lines[first:])


def _snap(values: list[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > SNAP:
            edges.append(value)
    return edges


def _centre_in(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    return _point_in((word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2, bbox)


def _point_in(x: float, y: float, bbox: tuple[float, float, float, float]) -> bool:
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _covers(
    inner: tuple[float, float, float, float], cell: tuple[float, float, float, float]
) -> bool:
    """A painted rectangle that fills most of the cell (not a border, not the page)."""
    w = min(inner[2], cell[2]) - max(inner[0], cell[0])
    h = min(inner[3], cell[3]) - max(inner[1], cell[1])
    if w <= 0 or h <= 0:
        return False
    cell_area = (cell[2] - cell[0]) * (cell[3] - cell[1])
    inner_area = (inner[2] - inner[0]) * (inner[3] - inner[1])
    return w * h >= 0.6 * cell_area and inner_area <= 1.5 * cell_area


def _lines(words: list[dict[str, Any]]) -> list[list[tuple[float, str]]]:
    return _lines_of(words)


def _lines_of(words: list[dict[str, Any]]) -> list[list[tuple[float, str]]]:
    """Words grouped into text lines, each line into runs apart by a wide gap: (x, text)."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        runs: list[tuple[float, list[str]]] = []
        last_x1 = None
        for word in row:
            gap = max(8.0, 1.5 * float(word.get("size", 8)))
            if last_x1 is None or word["x0"] - last_x1 > gap:
                runs.append((word["x0"], [word["text"]]))
            else:
                runs[-1][1].append(word["text"])
            last_x1 = word["x1"]
        lines.append([(x, " ".join(texts)) for x, texts in runs])
    return lines


def _text(
    words: list[dict[str, Any]], bbox: tuple[float, float, float, float] | None = None
) -> str:
    """A cell's text, a line per text line; inside a cell (`bbox`), a line that wrapped
    (same font as the next, and running to the cell's right edge) is joined to the next."""
    lines: list[str] = []
    last: tuple[object, float] | None = None  # the previous line's font, and its right end
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        text = "   ".join(t for _, t in _lines_of(row)[0])
        font = (row[0].get("fontname"), round(float(row[0].get("size", 0)), 1))
        if bbox is not None and last is not None and lines:
            width = bbox[2] - bbox[0]
            if last[0] == font and last[1] >= bbox[2] - max(30.0, 0.25 * width):
                lines[-1] += " " + text
                last = (font, row[-1]["x1"])
                continue
        lines.append(text)
        last = (font, row[-1]["x1"])
    return "\n".join(lines).strip()


def _diagonals(page: Any) -> list[tuple[float, float]]:
    """The middles of the slanted strokes on the page (two in a cell make a cross)."""
    middles = []
    for line in [*page.lines, *page.curves]:
        points = line.get("pts") or []
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(x1 - x0) > 1.5 and abs(y1 - y0) > 1.5:
                middles.append(((x0 + x1) / 2, (y0 + y1) / 2))
    return middles


def _fills(page: Any) -> list[tuple[tuple[float, float, float, float], str]]:
    found = []
    for rect in page.rects:
        if not rect.get("fill") or rect["width"] < 4 or rect["height"] < 4:
            continue
        color = _rgb(rect.get("non_stroking_color"))
        if color is None or color == "FFFFFF":
            continue
        found.append(((rect["x0"], rect["top"], rect["x1"], rect["bottom"]), color))
    return found


def _rgb(color: object) -> str | None:
    if isinstance(color, int | float):
        color = (color, color, color)
    if not isinstance(color, tuple | list):
        return None
    values = [float(v) for v in color if isinstance(v, int | float)]
    if len(values) == 1:
        values = values * 3
    if len(values) == 4:  # CMYK
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    if len(values) != 3:
        return None
    return "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in values)
