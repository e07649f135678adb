"""An OpenDocument spreadsheet (.ods, LibreOffice) as an in-memory openpyxl workbook.

The reader then finds the same landmarks and applies the same rules as for
an .xlsx. odfpy (the OpenDocument library kept by the format's community)
parses the file; this module maps what the reader uses: values (text,
numbers, dates and their display format), merged cells (covered cells),
fills and diagonal borders from the styles.

ODF compresses runs of identical rows and cells with `number-rows-repeated`
and `number-columns-repeated`, often a million at the end of a sheet: runs are
never expanded blindly, only up to the bounds below, and an empty run costs
nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.util.record import record

MAX_ROWS = 1000  # a table is a few dozen rows; its landmarks are in the first 300
MAX_COLS = 64
MAX_CONTENT_BYTES = 50 << 20  # content.xml and styles.xml, as odfpy holds them in memory
MAX_SHEETS = 50

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_COLOR = re.compile(r"^#([0-9a-fA-F]{6})$")


class OdsError(Exception):
    """The .ods cannot be read; the message says why, in French."""


@record
class _Look:
    fill: str | None = None  # RRGGBB
    diagonal_up: bool = False
    diagonal_down: bool = False
    bordered: bool = False
    number_format: str = "General"


def read_ods(path: Path) -> Workbook:
    try:
        with zipfile.ZipFile(path) as archive:
            for part in ("content.xml", "styles.xml"):
                if part in archive.namelist() and archive.getinfo(part).file_size > (
                    MAX_CONTENT_BYTES
                ):
                    raise OdsError(f"« {path.name} » : {part} dépasse 50 Mio : refusé.")
        from odf.opendocument import load

        doc = load(str(path))
    except OdsError:
        raise
    except Exception as exc:  # odfpy raises whatever its XML parser meets in a broken file
        raise OdsError(
            f"« {path.name} » n'est pas un classeur .ods lisible ({type(exc).__name__}) : "
            "ouvrez-le dans LibreOffice et enregistrez-le à nouveau."
        ) from exc
    return _Converter(doc).workbook()


class _Converter:
    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.styles: dict[str, Any] = {}
        self.data_styles: dict[str, str] = {}
        for root in (doc.styles, doc.automaticstyles):
            for element in root.childNodes:
                name = _attr(element, STYLE, "name")
                if not name:
                    continue
                if element.qname == (STYLE, "style"):
                    self.styles[name] = element
                elif element.qname[0] == NUMBER:
                    self.data_styles[name] = _number_format(element)
        self.looks: dict[str, _Look] = {}

    def workbook(self) -> Workbook:
        wb = Workbook()
        default = wb.active
        spreadsheet = self.doc.spreadsheet
        tables = [e for e in spreadsheet.childNodes if e.qname == (TABLE, "table")]
        for table in tables[:MAX_SHEETS]:
            title = (_attr(table, TABLE, "name") or "Feuille")[:31]
            ws = wb.create_sheet(_unique(wb, title))
            self.sheet(table, ws)
        if default is not None and len(wb.worksheets) > 1:
            wb.remove(default)
        return wb

    def look(self, name: str | None) -> _Look:
        if not name:
            return _Look()
        if name not in self.looks:
            props: dict[tuple[str, str], str] = {}
            data_style = None
            chain: list[Any] = []
            element = self.styles.get(name)
            while element is not None and len(chain) < 10:
                chain.append(element)
                element = self.styles.get(_attr(element, STYLE, "parent-style-name") or "")
            for element in reversed(chain):  # the parent first, the style's own last
                data_style = _attr(element, STYLE, "data-style-name") or data_style
                for child in element.childNodes:
                    if child.qname == (STYLE, "table-cell-properties"):
                        props.update({k: str(v) for k, v in child.attributes.items()})
            color = _COLOR.match(props.get((FO, "background-color"), "").strip())
            fill = color.group(1).upper() if color else None
            borders = [v for (ns, key), v in props.items() if ns == FO and key.startswith("border")]
            self.looks[name] = _Look(
                fill=None if fill == "FFFFFF" else fill,
                diagonal_up=_line(props.get((STYLE, "diagonal-bl-tr"))),
                diagonal_down=_line(props.get((STYLE, "diagonal-tl-br"))),
                bordered=any(_line(v) for v in borders),
                number_format=self.data_styles.get(data_style or "", "General"),
            )
        return self.looks[name]

    def sheet(self, table: Any, ws: Worksheet) -> None:
        column_styles = self.column_styles(table)
        r = 0
        for row in _rows(table):
            repeat = max(1, int(_attr(row, TABLE, "number-rows-repeated") or 1))
            cells = self.row_cells(row, column_styles)
            if not cells:  # an empty run: skipped whole, however long
                r += repeat
                if r >= MAX_ROWS:
                    return
                continue
            for _ in range(min(repeat, MAX_ROWS - r)):
                r += 1
                for c, (value, look, span) in cells.items():
                    cell = ws.cell(r, c)
                    if value is not None:
                        cell.value = value  # type: ignore[assignment]  # text, number, date
                    _style(cell, look)
                    if span != (1, 1) and repeat == 1:
                        last_row = min(r + span[0] - 1, MAX_ROWS)
                        last_col = min(c + span[1] - 1, MAX_COLS)
                        if (last_row, last_col) != (r, c):
                            ws.merge_cells(
                                start_row=r, start_column=c, end_row=last_row, end_column=last_col
                            )
            if r >= MAX_ROWS:
                return

    def column_styles(self, table: Any) -> list[str | None]:
        styles: list[str | None] = []
        for column in _descendants(table, (TABLE, "table-column")):
            repeat = max(1, int(_attr(column, TABLE, "number-columns-repeated") or 1))
            name = _attr(column, TABLE, "default-cell-style-name")
            styles += [name] * min(repeat, MAX_COLS - len(styles))
            if len(styles) >= MAX_COLS:
                break
        return styles

    def row_cells(
        self, row: Any, column_styles: list[str | None]
    ) -> dict[int, tuple[object, _Look, tuple[int, int]]]:
        """The cells of a row worth writing: a value, a fill, a border, a span."""
        found: dict[int, tuple[object, _Look, tuple[int, int]]] = {}
        row_style = _attr(row, TABLE, "default-cell-style-name")
        c = 0
        for cell in row.childNodes:
            if cell.qname not in ((TABLE, "table-cell"), (TABLE, "covered-table-cell")):
                continue
            repeat = max(1, int(_attr(cell, TABLE, "number-columns-repeated") or 1))
            if c >= MAX_COLS:
                break
            if cell.qname == (TABLE, "covered-table-cell"):  # under a merged cell: its look
                c += repeat
                continue
            style = _attr(cell, TABLE, "style-name")
            if style is None:
                style = row_style or (column_styles[c] if c < len(column_styles) else None)
            look = self.look(style)
            value = _value(cell, look)
            span = (
                max(1, int(_attr(cell, TABLE, "number-rows-spanned") or 1)),
                max(1, int(_attr(cell, TABLE, "number-columns-spanned") or 1)),
            )
            if value is not None or look != _Look() or span != (1, 1):
                for offset in range(min(repeat, MAX_COLS - c)):
                    found[c + offset + 1] = (value, look, span)
            c += repeat
        return found


def _rows(table: Any) -> list[Any]:
    """The rows of a table in order, through row groups and header rows."""
    rows: list[Any] = []
    stack = list(reversed(table.childNodes))
    while stack:
        element = stack.pop()
        if element.qname == (TABLE, "table-row"):
            rows.append(element)
        elif element.qname in (
            (TABLE, "table-row-group"),
            (TABLE, "table-header-rows"),
            (TABLE, "table-rows"),
        ):
            stack += list(reversed(element.childNodes))
    return rows


def _descendants(element: Any, qname: tuple[str, str]) -> list[Any]:
    found: list[Any] = []
    stack = list(reversed(element.childNodes))
    while stack:
        child = stack.pop()
        if getattr(child, "qname", None) == qname:
            found.append(child)
        elif getattr(child, "qname", None) in (
            (TABLE, "table-columns"),
            (TABLE, "table-column-group"),
            (TABLE, "table-header-columns"),
        ):
            stack += list(reversed(child.childNodes))
    return found


def _attr(element: Any, ns: str, name: str) -> str | None:
    attributes = getattr(element, "attributes", None)
    if not attributes:
        return None
    value = attributes.get((ns, name))
    return str(value) if value is not None else None


def _value(cell: Any, look: _Look) -> object:
    kind = _attr(cell, OFFICE, "value-type")
    if kind in ("float", "percentage", "currency"):
        raw = _attr(cell, OFFICE, "value") or ""
        try:
            number = float(raw)
        except ValueError:
            return _text(cell) or None
        return int(number) if number.is_integer() else number
    if kind == "date":
        raw = _attr(cell, OFFICE, "date-value") or ""
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            return _text(cell) or None
    if kind == "boolean":
        return (_attr(cell, OFFICE, "boolean-value") or "").lower() == "true"
    text = _text(cell)
    return text or None


def _text(cell: Any) -> str:
    from odf import teletype

    paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname == (TEXT, "p")]
    return "\n".join(paragraphs)


def _line(value: str | None) -> bool:
    return bool(value) and value is not None and value.strip().lower() not in ("none", "hidden")


def _number_format(element: Any) -> str:
    """An Excel-like format for an ODF date style: enough to tell a month-only date."""
    if element.qname != (NUMBER, "date-style"):
        return "General"
    parts = []
    for child in element.childNodes:
        if child.qname == (NUMBER, "day"):
            parts.append("dd")
        elif child.qname == (NUMBER, "month"):
            parts.append("mmm" if _attr(child, NUMBER, "textual") == "true" else "mm")
        elif child.qname == (NUMBER, "year"):
            parts.append("yy")
    return "-".join(parts) or "General"


def _style(cell: Any, look: _Look) -> None:
    if look.fill:
        cell.fill = PatternFill("solid", fgColor="FF" + look.fill)
    if look.diagonal_up or look.diagonal_down or look.bordered:
        thin = Side(style="thin")
        cell.border = Border(
            left=thin if look.bordered else None,
            right=thin if look.bordered else None,
            top=thin if look.bordered else None,
            bottom=thin if look.bordered else None,
            diagonal=thin if look.diagonal_up or look.diagonal_down else None,
            diagonalUp=look.diagonal_up,
            diagonalDown=look.diagonal_down,
        )
    if look.number_format != "General":
        cell.number_format = look.number_format


def _unique(wb: Workbook, title: str) -> str:
    clean = re.sub(r"[\\/*?:\[\]]", " ", title).strip() or "Feuille"
    name, n = clean, 1
    while name in wb.sheetnames:
        n += 1
        name = f"{clean[:27]} ({n})"
    return name
