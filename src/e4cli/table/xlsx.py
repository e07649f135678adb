"""The synthesis table as an .xlsx sheet that reproduces the official model (openpyxl).

Same sheet name, same rows and columns as the model handed out with the
circulaire: title lines (rows 1–2), identity lines (3–5), the two header rows
(6: competency names, 7: their items; the period header rotated), then each
section label on a merged row followed by its réalisations. Printing is set to
A4 landscape, one page wide, header rows repeated.

Text from the dossier is never a formula: openpyxl would store a string that
starts with "=" as one, so such cells are forced to text and marked with
Excel's quote prefix (which also protects "+", "-" and "@" when the cell is
edited again).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.proxy import StyleProxy
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.table.csv_render import FORMULA_STARTS
from e4cli.table.model import Identity, Row, TableModel
from e4cli.util.safetext import visible

FONT = "Arial"
THIN = Side(style="thin")
MEDIUM = Side(style="medium")
# Column widths of the official model (A: réalisations, B: période, then competencies).
WIDTH_REALISATION = 72.0
WIDTH_PERIOD = 23.0
WIDTH_COMPETENCE = 32.0
FIRST_ROW_HEIGHT = 40.0


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """The cell that holds the value at (row, column): the first one of a merged range.

    A school's model may merge the cells of a row; writing into any but the first
    of them would fail, and the value would not show.
    """
    cell = ws.cell(row, column)
    if isinstance(cell, MergedCell):
        for merged in ws.merged_cells.ranges:
            if cell.coordinate in merged:
                first = ws.cell(merged.min_row, merged.min_col)
                if isinstance(first, Cell):
                    return first
        raise ValueError(f"cellule fusionnée sans cellule principale : {cell.coordinate}")
    return cell


def set_text(cell: Cell, value: str | CellRichText | None) -> None:
    """Write text that a spreadsheet shows as written and never evaluates.

    Control characters, which the .xlsx format cannot hold (openpyxl refuses them and
    Excel would call the file corrupt), are written as visible escapes.
    """
    if isinstance(value, str):
        value = visible(value)
    elif isinstance(value, CellRichText):
        value = CellRichText(
            [
                TextBlock(part.font, visible(part.text))
                if isinstance(part, TextBlock)
                else visible(part)
                for part in value
            ]
        )
    cell.value = value
    if isinstance(value, str):
        if cell.data_type == "f":
            cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def realisation_text(row: Row, font: Font | StyleProxy | None = None) -> CellRichText:
    """The intitulé in bold, then one line per document in regular type."""
    name = (font.name if font is not None else None) or FONT
    size = float(font.sz) if font is not None and font.sz else 11.0
    blocks = [TextBlock(InlineFont(rFont=name, sz=size, b=True), row.intitule)]
    for doc in row.documents:
        blocks.append(TextBlock(InlineFont(rFont=name, sz=max(size - 2, 8)), f"\n– {doc.titre}"))
    return CellRichText(blocks)


def option_text(option: str, identity: Identity) -> str:
    return next(f"{box} {name}" for box, name in identity.option_boxes() if name == option)


def estimate_lines(text: str, width_chars: float) -> int:
    """Lines a wrapped cell needs: Excel does not grow a row when it opens a file."""
    per_line = max(int(width_chars), 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def row_height(lines: int, font_size: float, minimum: float = FIRST_ROW_HEIGHT) -> float:
    return max(minimum, round(lines * font_size * 1.3 + 6, 1))


def items_text(labels: Iterable[str]) -> str:
    return "\n".join(f"▸{label}" for label in labels)


def render(model: TableModel) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Tableau de synthèse Épreuve {model.epreuve}"[:31]
    wb.properties.title = visible(f"{model.title} – {model.identity.full_name}".strip(" –"))
    wb.properties.creator = "e4"
    _Sheet(ws, model).build()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


class _Sheet:
    def __init__(self, ws: Worksheet, model: TableModel) -> None:
        self.ws = ws
        self.model = model
        self.last_col = 2 + len(model.columns)
        self.last_letter = get_column_letter(self.last_col)

    def cell(
        self,
        ref: str,
        value: str | CellRichText | None,
        *,
        size: float = 11,
        bold: bool = True,
        horizontal: str | None = None,
        wrap: bool = True,
        rotation: int = 0,
    ) -> Cell:
        cell: Cell = self.ws[ref]
        set_text(cell, value)
        cell.font = Font(name=FONT, size=size, bold=bold)
        cell.alignment = Alignment(
            horizontal=horizontal, vertical="center", wrap_text=wrap, text_rotation=rotation
        )
        return cell

    def box(self, first_row: int, last_row: int) -> None:
        """Thin borders inside, a medium frame around rows first_row..last_row."""
        for r in range(first_row, last_row + 1):
            for c in range(1, self.last_col + 1):
                self.ws.cell(r, c).border = Border(
                    left=MEDIUM if c == 1 else THIN,
                    right=MEDIUM if c == self.last_col else THIN,
                    top=MEDIUM if r == first_row else THIN,
                    bottom=MEDIUM if r == last_row else THIN,
                )

    def build(self) -> None:
        ws, model, last = self.ws, self.model, self.last_letter
        ws.column_dimensions["A"].width = WIDTH_REALISATION
        ws.column_dimensions["B"].width = WIDTH_PERIOD
        for index in range(len(model.columns)):
            ws.column_dimensions[get_column_letter(3 + index)].width = WIDTH_COMPETENCE
        split = get_column_letter(self.last_col - 2)  # title line: diploma | session
        ident = model.identity

        ws.merge_cells(f"A1:{split}1")
        self.cell("A1", model.diploma, size=20, horizontal="center")
        ws.merge_cells(f"{get_column_letter(self.last_col - 1)}1:{last}1")
        self.cell(
            f"{get_column_letter(self.last_col - 1)}1",
            model.session_line,
            size=20,
            horizontal="center",
        )
        ws.merge_cells(f"A2:{last}2")
        self.cell("A2", model.title, size=20, horizontal="center")
        ws.merge_cells(f"A3:{get_column_letter(self.last_col - 3)}3")
        self.cell("A3", f"{model.label_name} : {ident.full_name}", size=18, horizontal="left")
        ws.merge_cells(f"{get_column_letter(self.last_col - 2)}3:{last}3")
        self.cell(
            f"{get_column_letter(self.last_col - 2)}3",
            f"{model.label_number} : {ident.numero or ''}",
            size=18,
            horizontal="left",
        )
        ws.merge_cells(f"A4:{get_column_letter(self.last_col - 3)}4")
        self.cell("A4", f"{model.label_centre} : {ident.centre or ''}", size=18, horizontal="left")
        self.cell(
            f"{get_column_letter(self.last_col - 2)}4",
            f"{model.label_option} :",
            size=18,
            horizontal="left",
        )
        for offset, option in enumerate(model.options[:2]):
            self.cell(
                f"{get_column_letter(self.last_col - 1 + offset)}4",
                option_text(option, ident),
                size=18,
                horizontal="center",
            )
        ws.merge_cells(f"A5:{last}5")
        self.cell(
            "A5",
            f"{model.label_portfolio} : {ident.portfolio_url or ''}",
            size=18,
            horizontal="left",
        )
        for r in range(1, 6):
            ws.row_dimensions[r].height = FIRST_ROW_HEIGHT
        self.box(1, 5)

        # Header rows: the diagonal corner cell, the rotated period, competencies and items.
        ws.merge_cells("A6:A7")
        corner = self.cell("A6", None, size=12, horizontal="center")
        ws.merge_cells("B6:B7")
        self.cell("B6", model.header_period, size=12, horizontal="center", rotation=90)
        item_lines = 1
        for index, col in enumerate(model.columns):
            letter = get_column_letter(3 + index)
            self.cell(f"{letter}6", col.label, size=12, horizontal="center")
            text = items_text(label for _, label in col.items)
            self.cell(f"{letter}7", text, size=10, bold=False, horizontal="left")
            item_lines = max(item_lines, estimate_lines(text, WIDTH_COMPETENCE * 1.15))
        ws.row_dimensions[6].height = 60
        ws.row_dimensions[7].height = row_height(item_lines, 10)
        # As in the model: "Compétences" above the diagonal, "Réalisations" below it.
        gap = max(2, int((60 + ws.row_dimensions[7].height) / 15) - 5)
        set_text(corner, model.header_competences + "\n" * gap + model.header_realisation)
        self.box(6, 7)
        corner.border = Border(
            left=MEDIUM, right=THIN, top=MEDIUM, bottom=THIN, diagonal=THIN, diagonalDown=True
        )

        row = 8
        for section in model.sections:
            ws.merge_cells(f"A{row}:{last}{row}")
            self.cell(f"A{row}", section.label, size=14, horizontal="center")
            ws.row_dimensions[row].height = 22
            first = row
            row += 1
            for data in section.rows or (None,):
                if data is not None:
                    self.write_row(row, data)
                row += 1
            self.box(first, row - 1)

        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.2
        ws.page_margins.top = ws.page_margins.bottom = 0.3
        ws.print_area = f"A1:{last}{row - 1}"
        ws.print_title_rows = "6:7"

    def write_row(self, r: int, data: Row) -> None:
        ws, model = self.ws, self.model
        self.cell(f"A{r}", realisation_text(data), horizontal="left")
        self.cell(f"B{r}", data.periode, size=11, horizontal="center")
        for index, tick in enumerate(data.ticks):
            self.cell(
                f"{get_column_letter(3 + index)}{r}",
                model.tick if tick else None,
                size=20,
                horizontal="center",
            )
        lines = estimate_lines("\n".join(data.lines), WIDTH_REALISATION * 1.05)
        ws.row_dimensions[r].height = row_height(lines, 11)
