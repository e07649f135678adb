"""Fill the official .xlsx model a school hands out (`e4 table --template MODEL.xlsx`).

Models differ from one session and one school to the next (an extra line, a
moved column, a few more empty rows), so nothing is found by fixed
coordinates: the labels of the model are the landmarks — "NOM et prénom",
"N° candidat", "Centre de formation", "Option", "Adresse URL du portfolio",
"SESSION", the three section labels and the competency headers (found by
`e4cli.util.officialxlsx`, which `e4 import` reads models with too). A model is
often already filled (the example a teacher shows, last year's table): its
rows are cleared first. When a section has more réalisations than the model
has rows, rows are inserted in that section with the style of its last row;
openpyxl's `insert_rows` moves cells only, so merged ranges, row heights and
the print area are moved here.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.table.formats import RenderError
from e4cli.table.model import Row, TableModel
from e4cli.table.xlsx import (
    cell_at,
    estimate_lines,
    option_text,
    realisation_text,
    row_height,
    set_text,
)
from e4cli.util.officialxlsx import Landmarks, ModelLabels, cell_text, find_sheet, section_rows
from e4cli.util.textnorm import fold
from e4cli.util.xlsxguard import WorkbookTooLarge, check_workbook

# Columns whose style a new row copies: the table's own and a margin, never the 16,384
# a sheet claims when one cell far to the right was formatted.
STYLED_COLUMNS = 64


def fill(model: TableModel, template: Path) -> bytes:
    """The model filled with the table, as the bytes of an .xlsx file."""
    wb = _open(template)
    ws, marks, missing = find_sheet(wb, ModelLabels.of_table(model))
    if ws is None or missing:
        raise RenderError(
            f"« {template.name} » n'est pas un modèle de tableau de synthèse reconnu : "
            f"repères introuvables : {', '.join(missing)}. Donnez le modèle .xlsx officiel "
            "(annexe 6-1 ou VI-1), ou produisez un tableau neuf sans --template."
        )
    _Filler(ws, marks, model).fill()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _open(template: Path) -> Workbook:
    if not template.is_file():
        raise RenderError(f"modèle « {template} » introuvable.")
    if template.suffix.lower() != ".xlsx":
        raise RenderError(
            f"« {template.name} » n'est pas un classeur .xlsx : enregistrez le modèle au format "
            "« Classeur Excel (.xlsx) » puis recommencez."
        )
    try:
        check_workbook(template)
    except WorkbookTooLarge as exc:
        raise RenderError(f"modèle « {template.name} » refusé : {exc}.") from exc
    try:
        return load_workbook(template, rich_text=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RenderError(
            f"« {template.name} » n'est pas un classeur .xlsx lisible ({type(exc).__name__}) : "
            "ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx."
        ) from exc


class _Filler:
    def __init__(self, ws: Worksheet, marks: Landmarks, model: TableModel) -> None:
        self.ws = ws
        self.marks = marks
        self.model = model
        assert marks.realisation_col is not None and marks.period_col is not None
        self.real_col = marks.realisation_col
        self.period_col = marks.period_col
        self.tick_cols = [marks.competences[col.code] for col in model.columns]
        self.first_col = min(self.real_col, self.period_col, *self.tick_cols)
        self.last_col = max(self.real_col, self.period_col, *self.tick_cols)

    def fill(self) -> None:
        self.identity()
        sections = [r for r in self.marks.sections if r is not None]
        for r in sections:  # some models pad the label with line breaks that hide it
            label = self.ws.cell(r, self.real_col)
            if isinstance(label.value, str):
                set_text(label, label.value.strip())
        slots = section_rows(self.ws, self.marks)
        for rows in slots:
            self.clear(rows)
        # Bottom-up, so that rows inserted in a section do not move the ones above.
        for index in reversed(range(len(sections))):
            wanted = self.model.sections[index].rows
            rows = slots[index]
            if len(wanted) > len(rows):
                after = rows[-1] if rows else sections[index]
                self.insert(after + 1, len(wanted) - len(rows), style_row=after)
                rows = rows + list(range(after + 1, after + 1 + len(wanted) - len(rows)))
            for r, data in zip(rows, wanted, strict=False):
                self.write(r, data)

    # -- identity lines -------------------------------------------------------

    def identity(self) -> None:
        marks, model, ident = self.marks, self.model, self.model.identity
        self.labelled(marks.name, model.label_name, ident.full_name)
        self.labelled(marks.number, model.label_number, ident.numero or "")
        self.labelled(marks.centre, model.label_centre, ident.centre or "")
        self.labelled(marks.portfolio, model.label_portfolio, ident.portfolio_url or "")
        if marks.session is not None and model.session is not None:
            set_text(marks.session, model.session_line)
        self.options()

    def labelled(self, cell: Cell | None, label: str, value: str) -> None:
        """Rewrite the label's cell as "label : value", as the official model writes it.

        The model's own wording of the label is kept ("NOM et prénom : DURAND
        Camille" becomes "NOM et prénom : MARTIN Léa"); the cell to the right is
        never written, since in the models it holds another line's label.
        """
        if cell is None:
            return
        text = str(cell.value).strip()
        head = text.split(":", 1)[0].rstrip() if ":" in text else label
        set_text(cell, f"{head} : {value}")

    def options(self) -> None:
        option = self.marks.option
        if option is None:
            return
        chosen = self.model.identity
        own = cell_text(option)
        if all(fold(o) in own for o in self.model.options):
            boxes = "   ".join(option_text(o, chosen) for o in self.model.options)
            set_text(option, f"{self.model.label_option} : {boxes}")
            return
        for cell in self.ws[option.row]:
            if isinstance(cell, MergedCell) or cell is option:
                continue
            text = cell_text(cell)
            for name in self.model.options:
                if fold(name) in text.split() or text.endswith(fold(name)):
                    set_text(cell, option_text(name, chosen))

    # -- rows -----------------------------------------------------------------

    def clear(self, rows: list[int]) -> None:
        """Empty the model's rows, and drop the highlighting a previous candidate left."""
        for r in rows:
            for c in range(self.first_col, self.last_col + 1):
                cell = self.ws.cell(r, c)
                if not isinstance(cell, MergedCell):
                    cell.value = None
                    if cell.fill is not None and cell.fill.fill_type is not None:
                        cell.fill = PatternFill(fill_type=None)

    def write(self, r: int, data: Row) -> None:
        ws = self.ws
        first = cell_at(ws, r, self.real_col)
        set_text(first, realisation_text(data, first.font))
        period = cell_at(ws, r, self.period_col)
        set_text(period, data.periode or None)
        period.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        # Tick cells of a used model carry any size (8 pt where nothing was ticked):
        # every tick gets the model's own tick style, 20 pt bold, centred.
        tick_font = Font(name=first.font.name if first.font else None, size=20, bold=True)
        for column, tick in zip(self.tick_cols, data.ticks, strict=True):
            cell = cell_at(ws, r, column)
            set_text(cell, self.model.tick if tick else None)
            cell.font = tick_font
            cell.alignment = Alignment(horizontal="center", vertical="center")
        width = ws.column_dimensions[get_column_letter(self.real_col)].width or 40
        size = float(first.font.sz) if first.font and first.font.sz else 11.0
        needed = row_height(estimate_lines("\n".join(data.lines), width * 1.05), size, 0)
        current = ws.row_dimensions[r].height
        if current is None or current < needed:
            ws.row_dimensions[r].height = needed

    def insert(self, at: int, amount: int, style_row: int) -> None:
        """Insert `amount` rows before row `at`, styled like `style_row`."""
        ws = self.ws
        heights = {r: dim for r, dim in list(ws.row_dimensions.items()) if r >= at}
        area = ws.print_area
        ws.insert_rows(at, amount)
        for merged in ws.merged_cells.ranges:
            if merged.min_row >= at:
                merged.shift(0, amount)
            elif merged.max_row >= at:
                merged.expand(down=amount)
        for r in sorted(heights, reverse=True):
            moved = copy.copy(heights[r])
            moved.index = r + amount
            ws.row_dimensions[r + amount] = moved
            del ws.row_dimensions[r]
        source_row = style_row if style_row < at else style_row + amount
        template_dim = ws.row_dimensions[source_row]
        for r in range(at, at + amount):
            ws.row_dimensions[r].height = template_dim.height
            for c in range(1, min(ws.max_column, STYLED_COLUMNS) + 1):
                source = ws.cell(source_row, c)
                target = ws.cell(r, c)
                if source.has_style and isinstance(source, Cell) and isinstance(target, Cell):
                    _copy_style(source, target)
        if area:
            ws.print_area = _grow_area(area, at, amount)


def _grow_area(area: str | list[str], at: int, amount: int) -> list[str]:
    """The print area after inserting rows: ranges below move, ranges across grow."""
    ranges = area if isinstance(area, list) else area.split(",")
    grown: list[str] = []
    for part in ranges:
        ref = part.split("!")[-1].replace("$", "")
        match = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", ref)
        if not match:
            grown.append(ref)
            continue
        c1, r1, c2, r2 = match.group(1), int(match.group(2)), match.group(3), int(match.group(4))
        if r1 >= at:
            r1 += amount
        if r2 >= at - 1:
            r2 += amount
        grown.append(f"{c1}{r1}:{c2}{r2}")
    return grown


def _copy_style(source: Cell, target: Cell) -> None:
    """The whole style at once, as openpyxl copies it (its StyleArray is not in the stubs)."""
    target._style = copy.copy(source._style)  # type: ignore[attr-defined]
