"""The evaluation grid as an .xlsx workbook (openpyxl), for commissions that fill it on screen.

Two sheets, as the official recto and verso: "Recto" (title lines, identity,
commission, penalties pre-ticked, the criteria table) and "Verso" (the
decision table: one row per competency with a box per level and its
indicators, followed by a row listing the réalisations that mobilise it).
Both print on A4 portrait, one page wide. Text from the dossier is written
with the table's `set_text`, so nothing a candidate typed becomes a formula.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.jury.grid import (
    COMMISSION_COLUMNS,
    COMMISSION_SIZE,
    LABEL_CENTRE,
    LABEL_COMPETENCES,
    LABEL_CRITERION,
    LABEL_DATE,
    LABEL_DECISION,
    LABEL_FORME,
    LABEL_INDICATORS,
    LABEL_NAME,
    LABEL_NUMBER,
    LABEL_OPTION,
    LABEL_PENALTIES,
    LABEL_TEAM_EVIDENCE,
    Evidence,
    GridCompetence,
    GridModel,
)
from e4cli.table.xlsx import cell_at, estimate_lines, row_height, set_text
from e4cli.util.safetext import visible

FONT = "Arial"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHADE = PatternFill("solid", fgColor="F2F2F2")
EVIDENCE_SHADE = PatternFill("solid", fgColor="F7F9FC")
# Verso columns: A competency, B..F the five levels, G the indicators; narrow enough for
# A4 portrait at some 85 %, so that the 8 pt evidence and indicators print near 7 pt.
WIDTH_COMPETENCE = 36.0
WIDTH_LEVEL = 7.5
WIDTH_INDICATORS = 44.0
# Recto columns: A "Non évaluable", B criterion, C..F the four other levels.
WIDTH_RECTO = (20.0, 24.0, 20.0, 20.0, 20.0, 22.0)


def render(model: GridModel) -> bytes:
    wb = Workbook()
    recto = wb.active
    assert recto is not None
    recto.title = "Recto"
    verso = wb.create_sheet("Verso")
    wb.properties.title = visible(
        f"{model.title} – {model.header.identity.full_name}".strip(" –")
    )
    wb.properties.creator = "e4"
    _Recto(recto, model).build()
    _Verso(verso, model).build()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


class _Sheet:
    def __init__(self, ws: Worksheet, model: GridModel, columns: int) -> None:
        self.ws = ws
        self.model = model
        self.columns = columns
        self.last = get_column_letter(columns)
        self.row = 1

    def cell(
        self,
        row: int,
        column: int,
        value: str | None,
        *,
        size: float = 10,
        bold: bool = False,
        italic: bool = False,
        horizontal: str = "left",
        border: bool = False,
        fill: PatternFill | None = None,
    ) -> Cell:
        cell = cell_at(self.ws, row, column)
        set_text(cell, value)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=True)
        if border:
            cell.border = BORDER
        if fill is not None:
            cell.fill = fill
        return cell

    def line(self, value: str, *, size: float = 10, bold: bool = False, height: float = 16) -> None:
        """A full-width merged line of text."""
        self.ws.merge_cells(f"A{self.row}:{self.last}{self.row}")
        self.cell(self.row, 1, value, size=size, bold=bold)
        self.ws.row_dimensions[self.row].height = height
        self.row += 1

    def merged(self, row: int, first: int, last: int, value: str | None, **style: object) -> Cell:
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
            for column in range(first, last + 1):
                if style.get("border"):
                    self.ws.cell(row, column).border = BORDER
        return self.cell(row, first, value, **style)  # type: ignore[arg-type]

    def titles(self, side: str) -> None:
        h = self.model.header
        self.line(f"{h.diploma} – {h.session_line}", size=12, bold=True, height=20)
        self.line(
            f"{self.model.annex} : {self.model.title} ({side})", size=12, bold=True, height=20
        )
        self.line(h.epreuve_title, size=10)

    def page_setup(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.3
        ws.page_margins.top = ws.page_margins.bottom = 0.4
        ws.print_area = f"A1:{self.last}{self.row - 1}"


class _Recto(_Sheet):
    def __init__(self, ws: Worksheet, model: GridModel) -> None:
        super().__init__(ws, model, 6)

    def build(self) -> None:
        ws, model, h = self.ws, self.model, self.model.header
        for index, width in enumerate(WIDTH_RECTO, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        self.titles("recto")
        ident = h.identity
        self.line(f"{LABEL_NAME} : {ident.full_name}", size=11, bold=True)
        self.line(f"{LABEL_NUMBER} : {ident.numero or ''}", size=11, bold=True)
        forme = "    ".join(f"{box} {label}" for box, label in h.forme_boxes())
        self.line(f"{LABEL_FORME} : {forme}", size=11)
        self.line(
            f"{LABEL_OPTION} : " + "    ".join(f"{box} {o}" for box, o in h.option_boxes()), size=11
        )
        self.line(f"{LABEL_DATE} : ", size=11)
        self.line(f"{LABEL_CENTRE} : {ident.centre or ''}", size=11)
        self.row += 1

        self.line("Commission d'interrogation", size=11, bold=True)
        spans = ((1, 2), (3, 4), (5, 6))
        for (first, last), label in zip(spans, COMMISSION_COLUMNS, strict=True):
            self.merged(self.row, first, last, label, bold=True, border=True, fill=SHADE)
        self.row += 1
        for _ in range(COMMISSION_SIZE):
            for first, last in spans:
                self.merged(self.row, first, last, None, border=True)
            ws.row_dimensions[self.row].height = 30
            self.row += 1
        self.row += 1

        self.line(LABEL_PENALTIES, size=11, bold=True)
        for penalty in model.penalties:
            text = f"{penalty.box} {penalty.label} : {penalty.points} points"
            self.line(text, size=11, bold=penalty.retained)
            if penalty.retained and penalty.reason:
                why = f"constaté par e4 check ({penalty.code}) : {penalty.reason}"
                self.line(why, size=8, height=row_height(estimate_lines(why, 130), 8, 14))
        points = model.penalty_points
        self.line(
            f"NOTE : ........ /20      Pénalités : {f'− {points} points' if points else 'aucune'}"
            "      NOTE FINALE : ........ /20",
            size=11,
            bold=True,
        )
        self.row += 1

        criteria = model.criteria
        if criteria is not None:
            self.line(criteria.title, size=11, bold=True)
            header = (model.levels[0], LABEL_CRITERION, *model.levels[1:])
            for column, label in enumerate(header, start=1):
                self.cell(self.row, column, label, bold=True, border=True, fill=SHADE)
            ws.row_dimensions[self.row].height = 28
            self.row += 1
            first = self.row
            for crit in criteria.rows:
                self.cell(self.row, 2, crit.label, italic=True, border=True)
                for column, text in enumerate(crit.descriptors, start=3):
                    self.cell(self.row, column, text, size=9, border=True)
                lines = max(estimate_lines(t, 20) for t in (crit.label, *crit.descriptors))
                ws.row_dimensions[self.row].height = row_height(lines, 9, 24)
                self.row += 1
            ws.merge_cells(start_row=first, start_column=1, end_row=self.row - 1, end_column=1)
            for r in range(first, self.row):
                ws.cell(r, 1).border = BORDER
            cell = self.cell(first, 1, criteria.not_assessable, size=9, italic=True, border=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.page_setup()


class _Verso(_Sheet):
    def __init__(self, ws: Worksheet, model: GridModel) -> None:
        super().__init__(ws, model, 2 + len(model.levels))

    def build(self) -> None:
        ws, model = self.ws, self.model
        levels = len(model.levels)
        ws.column_dimensions["A"].width = WIDTH_COMPETENCE
        for index in range(levels):
            ws.column_dimensions[get_column_letter(2 + index)].width = WIDTH_LEVEL
        ws.column_dimensions[self.last].width = WIDTH_INDICATORS
        self.titles("verso")
        ident = model.header.identity
        self.line(f"{LABEL_NAME} : {ident.full_name}    {LABEL_NUMBER} : {ident.numero or ''}")
        self.line(LABEL_DECISION, size=11, bold=True)
        if model.decision_note:
            self.line(model.decision_note, size=9, height=28)
        header_row = self.row
        self.cell(self.row, 1, LABEL_COMPETENCES, bold=True, border=True, fill=SHADE)
        for index, level in enumerate(model.levels):
            cell = self.cell(
                self.row, 2 + index, level, size=8, bold=True, horizontal="center", border=True
            )
            cell.fill = SHADE
        self.cell(self.row, self.columns, LABEL_INDICATORS, bold=True, border=True, fill=SHADE)
        ws.row_dimensions[self.row].height = 30
        self.row += 1

        self.level_row(model.team_label, "", bold=True)
        self.evidence_row(LABEL_TEAM_EVIDENCE, model.team_evidence, team_row=True)
        for comp in model.competences:
            self.competence(comp)
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.freeze_panes = f"A{header_row + 1}"
        self.page_setup()

    def level_row(self, label: str, indicators: str, *, bold: bool = False) -> None:
        self.cell(self.row, 1, label, bold=bold, border=True)
        for index in range(len(self.model.levels)):
            cell = self.cell(
                self.row, 2 + index, self.model.unchecked, size=14, horizontal="center", border=True
            )
            cell.alignment = Alignment(horizontal="center", vertical="center")
        self.cell(self.row, self.columns, indicators, size=8, italic=True, border=True)
        lines = max(
            estimate_lines(label, WIDTH_COMPETENCE * 1.1),
            estimate_lines(indicators, WIDTH_INDICATORS * 1.25),
        )
        self.ws.row_dimensions[self.row].height = row_height(lines, 9, 30)
        self.row += 1

    def competence(self, comp: GridCompetence) -> None:
        items = "\n".join(f"• {label}" for _, label in comp.items)
        self.level_row(f"{comp.code} {comp.label}\n{items}", comp.indicators, bold=False)
        self.ws.cell(self.row - 1, 1).font = Font(name=FONT, size=9)
        title = f"{comp.code} – réalisations du dossier qui la mobilisent"
        self.evidence_row(title, comp.evidence, uncited=comp.uncited_items)

    def evidence_row(
        self,
        title: str,
        evidence: tuple[Evidence, ...],
        *,
        team_row: bool = False,
        uncited: tuple[str, ...] = (),
    ) -> None:
        lines = [f"{title} :"]
        for ev in evidence:
            meta = ev.where + (f", {ev.periode}" if ev.periode else "")
            if ev.items:
                meta += f" ; items {', '.join(ev.items)}"
            text = f"• {ev.intitule} ({meta})"
            if ev.team:
                text += " [en équipe]" if not team_row else ""
                text += (
                    f"\n   Contribution : {ev.contribution}"
                    if ev.contribution
                    else "\n   Contribution personnelle non déclarée (R005)."
                )
            if ev.documents and not team_row:
                text += f"\n   Documents : {' · '.join(ev.documents)}"
            lines.append(text)
        if not evidence:
            lines.append(
                "  aucune réalisation en équipe dans le dossier."
                if team_row
                else "  aucune réalisation du dossier ne mobilise cette compétence (C001)."
            )
        elif uncited:
            lines.append(f"Items cités par aucune réalisation : {', '.join(uncited)}")
        text = "\n".join(lines)
        self.merged(self.row, 1, self.columns, text, size=8, border=True, fill=EVIDENCE_SHADE)
        width = WIDTH_COMPETENCE + WIDTH_INDICATORS + WIDTH_LEVEL * len(self.model.levels)
        self.ws.row_dimensions[self.row].height = row_height(
            estimate_lines(text, width * 1.2), 8, 18
        )
        self.row += 1
