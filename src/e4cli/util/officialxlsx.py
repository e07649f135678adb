"""Find the labels of the official synthesis-table model (.xlsx) by landmarks.

Models differ from one session and one school to the next (an extra line, a
moved column, a few more empty rows), so nothing is found by fixed
coordinates: the labels of the model are the landmarks — "NOM et prénom",
"N° candidat", "Centre de formation", "Option", "Adresse URL du portfolio",
"SESSION", the three section labels and the competency headers.

Shared by the template filler (`e4 table --template`, which writes into a
model) and the reader (`e4 import`, and T003, which read a filled one), so
both agree on where a model keeps what.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.util.record import record
from e4cli.util.textnorm import fold

if TYPE_CHECKING:
    from e4cli.dossier.referential import Referential
    from e4cli.table.model import TableModel

# How far landmarks are looked for: models are one screen wide and a few dozen rows.
SCAN_ROWS = 300
SCAN_COLS = 60
_SESSION = re.compile(r"^session\b")
_NUMBER = re.compile(r"^(n\s*°|no\.?|numero)\s*(de\s+)?candidat")


@record
class ModelLabels:
    """The wording looked for in a model: identity labels, sections, competency headers."""

    name: str
    centre: str
    option: str
    portfolio: str
    sections: tuple[str, ...]
    competences: tuple[tuple[str, str], ...]  # (code, label), in column order

    @classmethod
    def of_table(cls, model: TableModel) -> ModelLabels:
        return cls(
            model.label_name,
            model.label_centre,
            model.label_option,
            model.label_portfolio,
            tuple(s.label for s in model.sections),
            tuple((c.code, c.label) for c in model.columns),
        )

    @classmethod
    def of_referential(cls, ref: Referential) -> ModelLabels:
        from e4cli.table import model as table

        return cls(
            table.LABEL_NAME,
            table.LABEL_CENTRE,
            table.LABEL_OPTION,
            table.LABEL_PORTFOLIO,
            tuple(ref.sections[key] for key in table.SECTION_KEYS),
            tuple((c.code, c.label) for c in ref.competences),
        )


@record(frozen=False)
class Landmarks:
    """Where the labels of the model are, found by reading it."""

    name: Cell | None = None
    number: Cell | None = None
    centre: Cell | None = None
    option: Cell | None = None
    portfolio: Cell | None = None
    session: Cell | None = None
    sections: list[int | None] = field(default_factory=list)  # row of each section label
    competences: dict[str, int] = field(default_factory=dict)  # code → column
    period_col: int | None = None
    realisation_col: int | None = None

    def identity_cells(self) -> list[Cell]:
        cells = (self.name, self.number, self.centre, self.option, self.portfolio, self.session)
        return [c for c in cells if c is not None]

    def span(self) -> tuple[int, int]:
        """First and last column of the table's body (réalisation, période, ticks)."""
        assert self.realisation_col is not None and self.period_col is not None
        columns = [self.realisation_col, self.period_col, *self.competences.values()]
        return min(columns), max(columns)


def cell_text(cell: Cell) -> str:
    """A cell's text folded for comparison (case, accents, spacing); empty if not text."""
    return fold(str(cell.value)) if isinstance(cell.value, str | int) else ""


def section_key(text: str) -> str:
    """Section labels compared without plural nor the second/deuxième variant."""
    text = re.sub(r"\brealisations\b", "realisation", text)
    return text.replace("deuxieme annee", "seconde annee")


def find_sheet(wb: Workbook, labels: ModelLabels) -> tuple[Worksheet | None, Landmarks, list[str]]:
    """The sheet with the most landmarks, and the names of the required ones it lacks."""
    best: tuple[Worksheet | None, Landmarks, list[str]] = (None, Landmarks(), ["(aucune feuille)"])
    for ws in wb.worksheets:
        marks = find_landmarks(ws, labels)
        missing = missing_landmarks(marks, labels)
        if best[0] is None or len(missing) < len(best[2]):
            best = (ws, marks, missing)
    return best


def find_landmarks(ws: Worksheet, labels: ModelLabels) -> Landmarks:
    marks = Landmarks(sections=[None] * len(labels.sections))
    section_keys = [section_key(fold(s)) for s in labels.sections]
    header_row_cells: list[Cell] = []
    for row in ws.iter_rows(max_row=min(ws.max_row, SCAN_ROWS), max_col=SCAN_COLS):
        for cell in row:
            if isinstance(cell, MergedCell):
                continue
            text = cell_text(cell)
            if not text:
                continue
            if marks.name is None and text.startswith(fold(labels.name)):
                marks.name = cell
            elif marks.number is None and _NUMBER.match(text):
                marks.number = cell
            elif marks.centre is None and text.startswith(fold(labels.centre)):
                marks.centre = cell
            elif marks.option is None and text.startswith(fold(labels.option)):
                marks.option = cell
            elif marks.portfolio is None and text.startswith(fold(labels.portfolio)):
                marks.portfolio = cell
            elif marks.session is None and _SESSION.match(text):
                marks.session = cell
            elif marks.period_col is None and text.startswith("periode"):
                marks.period_col = cell.column
            else:
                key = section_key(text)
                for index, wanted in enumerate(section_keys):
                    if marks.sections[index] is None and key.startswith(wanted):
                        marks.sections[index] = cell.row
                        marks.realisation_col = marks.realisation_col or cell.column
                        break
                else:
                    header_row_cells.append(cell)
    first_section = next((r for r in marks.sections if r is not None), SCAN_ROWS)
    for code, label in labels.competences:
        folded = fold(label)
        for cell in header_row_cells:
            text = cell_text(cell)
            # A header names the competency (maybe with its code); an item list is longer.
            if cell.row < first_section and folded in text and len(text) <= len(folded) + 12:
                marks.competences[code] = cell.column
                break
    return marks


def missing_landmarks(marks: Landmarks, labels: ModelLabels) -> list[str]:
    missing = [
        f"« {label} »"
        for label, found in (
            (labels.name, marks.name),
            (labels.centre, marks.centre),
            (labels.option, marks.option),
            ("Période", marks.period_col),
        )
        if found is None
    ]
    missing += [
        f"« {section} »"
        for section, row in zip(labels.sections, marks.sections, strict=True)
        if row is None
    ]
    missing += [
        f"« {label} »" for code, label in labels.competences if code not in marks.competences
    ]
    rows = [r for r in marks.sections if r is not None]
    if not missing and rows != sorted(rows):
        missing.append("les trois sections dans l'ordre officiel")
    return missing


def section_rows(ws: Worksheet, marks: Landmarks) -> list[list[int]]:
    """The model's rows for the réalisations of each section found, in order.

    A section runs to the next section's label; the last one runs as long as
    rows are drawn (a border) or filled.
    """
    sections = [r for r in marks.sections if r is not None]
    first_col, last_col = marks.span()
    real_col = marks.realisation_col
    assert real_col is not None
    result: list[list[int]] = []
    for index, start in enumerate(sections):
        if index + 1 < len(sections):
            result.append(list(range(start + 1, sections[index + 1])))
            continue
        rows: list[int] = []
        r = start + 1
        while r <= ws.max_row and _in_table(ws, r, real_col, first_col, last_col):
            rows.append(r)
            r += 1
        result.append(rows)
    return result


def row_in_table(ws: Worksheet, r: int, real_col: int, first_col: int, last_col: int) -> bool:
    """A row under the last section belongs to the table if it is drawn or filled."""
    return _in_table(ws, r, real_col, first_col, last_col)


def _in_table(ws: Worksheet, r: int, real_col: int, first_col: int, last_col: int) -> bool:
    """A row under the last section belongs to the table if it is drawn or filled."""
    first = ws.cell(r, real_col)
    if isinstance(first, MergedCell):
        return False
    border = first.border
    drawn = any(
        side is not None and side.style is not None
        for side in (border.left, border.top, border.bottom)
    )
    filled = any(ws.cell(r, c).value not in (None, "") for c in range(first_col, last_col + 1))
    return drawn or filled


def existing_cells(ws: Worksheet) -> Iterator[Cell | MergedCell]:
    """The cells a sheet really holds, never the rectangle it claims.

    One cell formatted at XFD1048576 makes a sheet claim 17 billion cells, which
    `iter_rows()` would create one by one: openpyxl keeps the cells it read in a dict,
    and only those are looked at.
    """
    cells: dict[tuple[int, int], Cell | MergedCell] = ws._cells
    return iter(list(cells.values()))
