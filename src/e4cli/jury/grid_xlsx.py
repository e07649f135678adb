"""The evaluation grid as an .xlsx workbook (openpyxl), for commissions that fill it on screen.

Three sheets, in the pdf's order and with its words: "Recto" (A4 portrait, one
page: header, identity, commission, proposition de note, penalties pre-ticked,
NOTE FINALE, the criteria table), "Verso" (A4 landscape, one page: the team
line and each competency with its items, five level boxes and its
indicators) and "Annexe e4" (e4's own page: the réalisations that mobilise
each competency). Every printed word comes from the session's forms. Text from
the dossier is written with the table's `set_text`, so nothing a candidate
typed becomes a formula.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.jury.grid import Evidence, GridModel
from e4cli.table.xlsx import cell_at, estimate_lines, row_height, set_text
from e4cli.util.safetext import visible

FONT = "Arial"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHADE = PatternFill("solid", fgColor="F2F2F2")
# Recto: A "Non évaluable", B..E the other levels, F the "/ 20" after a mark's box.
WIDTH_RECTO = (19.0, 19.0, 19.0, 19.0, 19.0, 7.0)
# Verso, A4 landscape: A the competency and its items, B..F the levels, G the indicators.
WIDTH_COMPETENCE = 62.0
WIDTH_LEVEL = 5.5
WIDTH_INDICATORS = 88.0
WIDTH_ANNEX = 110.0
SHEET_ANNEX = "Annexe e4"


def render(model: GridModel) -> bytes:
    wb = Workbook()
    recto = wb.active
    assert recto is not None
    recto.title = "Recto"
    wb.properties.title = visible(
        f"{model.title} – {model.header.identity.full_name}".strip(" –")
    )
    wb.properties.creator = "e4"
    _Recto(recto, model).build()
    _Verso(wb.create_sheet("Verso"), model).build()
    if model.has_annex:
        _Annex(wb.create_sheet(SHEET_ANNEX), model).build()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


class _Sheet:
    def __init__(self, ws: Worksheet, model: GridModel, widths: tuple[float, ...]) -> None:
        self.ws = ws
        self.model = model
        self.columns = len(widths)
        self.last = get_column_letter(self.columns)
        self.row = 1
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width

    def cell(
        self,
        row: int,
        column: int,
        value: str | CellRichText | None,
        *,
        size: float = 9,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        horizontal: str = "left",
        vertical: str = "top",
        border: bool = False,
        fill: PatternFill | None = None,
        rotation: int = 0,
    ) -> Cell:
        cell = cell_at(self.ws, row, column)
        set_text(cell, value)
        cell.font = Font(
            name=FONT,
            size=size,
            bold=bold,
            italic=italic,
            underline="single" if underline else None,
        )
        cell.alignment = Alignment(
            horizontal=horizontal, vertical=vertical, wrap_text=True, textRotation=rotation
        )
        if border:
            cell.border = BORDER
        if fill is not None:
            cell.fill = fill
        return cell

    def merged(
        self, row: int, first: int, last: int, value: str | CellRichText | None, **style: object
    ) -> Cell:
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        if style.get("border"):
            for column in range(first, last + 1):
                self.ws.cell(row, column).border = BORDER
        return self.cell(row, first, value, **style)  # type: ignore[arg-type]

    def line(
        self,
        value: str | CellRichText,
        *,
        height: float = 14,
        first: int = 1,
        last: int | None = None,
        **style: object,
    ) -> None:
        self.merged(self.row, first, last or self.columns, value, **style)
        self.ws.row_dimensions[self.row].height = height
        self.row += 1

    def identity_line(self) -> str:
        ident = self.model.header.identity
        labels = self.model.forms.identity
        return f"{labels.name} {ident.full_name}    {labels.number} {ident.numero or ''}".strip()

    def page_setup(self, landscape: bool, one_page: bool) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if one_page else 0
        if ws.sheet_properties.pageSetUpPr is None:
            ws.sheet_properties.pageSetUpPr = PageSetupProperties()
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.3
        ws.page_margins.top = ws.page_margins.bottom = 0.35
        ws.print_area = f"A1:{self.last}{self.row - 1}"


class _Recto(_Sheet):
    def __init__(self, ws: Worksheet, model: GridModel) -> None:
        super().__init__(ws, model, WIDTH_RECTO)

    def build(self) -> None:
        model, h = self.model, self.model.header
        forms = model.forms
        labels, recto = forms.identity, forms.recto
        jury = model.jury
        self.merged(self.row, 1, 4, h.diploma, size=10, bold=True)
        self.merged(self.row, 5, 6, h.session_line, size=10, bold=True, horizontal="right")
        self.row += 1
        for text in h.title_lines(forms.grid_recto_title):
            self.line(text, size=10, bold=True, horizontal="center", height=15)
        self.row += 1
        ident = h.identity
        self.merged(self.row, 1, 4, f"{labels.name} {ident.full_name}", bold=True, border=True)
        self.merged(self.row, 5, 6, f"{labels.number} {ident.numero or ''}", bold=True, border=True)
        self.row += 1
        commission = (jury.commission_number if jury else None) or ""
        for boxes, right in (
            (h.forme_boxes(), f"{labels.commission} {commission}"),
            (h.option_boxes(), f"{labels.date} {model.date_text}"),
        ):
            (box1, label1), (box2, label2) = boxes[0], boxes[1]
            self.merged(self.row, 1, 2, f"{label1} {box1}", bold=True, border=True)
            self.merged(self.row, 3, 4, f"{label2} {box2}", bold=True, border=True)
            self.merged(self.row, 5, 6, right.strip(), bold=True, border=True)
            self.ws.row_dimensions[self.row].height = 16
            self.row += 1
        members = (
            "    ".join(f"- {m.nom}" for m in jury.members)
            if jury and jury.members
            else f"- {'.' * 40}    - {'.' * 40}"
        )
        self.line(recto.members, bold=True, border=True, size=8)
        self.line(members, border=True, size=8)
        self.row += 1

        self.line(recto.proposal_title, bold=True, horizontal="center", border=True, fill=SHADE)
        for paragraph in recto.proposal:
            self.line(paragraph, height=row_height(estimate_lines(paragraph, 112), 9, 14))
        self.mark(recto.note, jury.note_text if jury else "", recto.out_of)
        self.row += 1

        pen = recto.penalties
        self.line(pen.title, bold=True, horizontal="center", border=True, fill=SHADE)
        sentence = CellRichText(
            pen.before,
            TextBlock(InlineFont(rFont=FONT, sz=9, b=True, i=True), pen.reference),
            pen.after,
        )
        self.line(sentence, height=row_height(2, 9, 14))
        for penalty in model.penalties:
            self.line(
                f"{penalty.box} {model.penalty_text(penalty)}",
                last=3,
                border=True,
                bold=penalty.retained,
            )
        self.mark(recto.final, jury.final_text if jury else "", recto.out_of)
        self.line(recto.carry, italic=True, size=8, horizontal="right")
        self.row += 1

        criteria = recto.criteria
        self.line(criteria.title, bold=True, horizontal="center", height=16)
        for column, level in enumerate(forms.levels, start=1):
            self.cell(
                self.row, column, level, bold=True, horizontal="center", border=True, fill=SHADE
            )
        self.row += 1
        first = self.row
        for row in criteria.rows:
            for column, text in enumerate(row, start=2):
                self.cell(self.row, column, text, size=8, border=True)
            lines = max(estimate_lines(t, 21) for t in row)
            self.ws.row_dimensions[self.row].height = row_height(lines, 8, 24)
            self.row += 1
        self.ws.merge_cells(start_row=first, start_column=1, end_row=self.row - 1, end_column=1)
        for r in range(first, self.row):
            self.ws.cell(r, 1).border = BORDER
        self.cell(first, 1, criteria.not_assessable, size=8, border=True, vertical="center")
        self.page_setup(landscape=False, one_page=True)

    def mark(self, label: str, value: str, out_of: str) -> None:
        """ "NOTE [ 15,5 ] / 20": the label, the box the commission fills, then "/ 20"."""
        self.cell(self.row, 4, label, size=10, bold=True, horizontal="right", vertical="center")
        self.cell(
            self.row,
            5,
            value,
            size=11,
            bold=True,
            horizontal="center",
            border=True,
            vertical="center",
        )
        self.cell(self.row, 6, out_of, size=10, bold=True, vertical="center")
        self.ws.row_dimensions[self.row].height = 22
        self.row += 1


class _Verso(_Sheet):
    def __init__(self, ws: Worksheet, model: GridModel) -> None:
        levels = len(model.levels)
        super().__init__(ws, model, (WIDTH_COMPETENCE, *(WIDTH_LEVEL,) * levels, WIDTH_INDICATORS))

    def build(self) -> None:
        ws, model = self.ws, self.model
        forms, verso = model.forms, model.forms.verso
        levels = len(model.levels)
        self.line(self.identity_line(), size=8, bold=True, height=13)
        # One header row, read left to right as the form reads: the corner (levels, then
        # competencies), the five levels, then the annex title over the indicators.
        top = self.row
        corner = f"{verso.levels}\n\n{verso.competences}"
        self.cell(top, 1, corner, bold=True, border=True, fill=SHADE)
        for index, level in enumerate(forms.levels):
            self.cell(
                top,
                2 + index,
                level,
                size=7,
                bold=True,
                horizontal="center",
                vertical="center",
                border=True,
                fill=SHADE,
                rotation=90,
            )
        title = CellRichText(
            TextBlock(InlineFont(rFont=FONT, sz=11, b=True), forms.grid_verso_title),
            TextBlock(InlineFont(rFont=FONT, sz=9, b=True), f"\n\n{verso.indicators}"),
        )
        self.cell(top, self.columns, title, border=True, fill=SHADE)
        ws.row_dimensions[top].height = 58
        self.row = top + 1
        for row in model.verso:
            if row.code:
                title = CellRichText(
                    TextBlock(InlineFont(rFont=FONT, sz=9, b=True, u="single"), row.title),
                    "".join(f"\n▪ {item}" for item in row.items),
                )
                self.cell(self.row, 1, title, border=True)
            else:
                self.cell(self.row, 1, row.title, bold=True, border=True)
            for index, box in enumerate(row.boxes):
                self.cell(
                    self.row,
                    2 + index,
                    box.mark,
                    size=14,
                    horizontal="center",
                    vertical="center",
                    border=True,
                )
            indicators = "\n".join(row.indicators)
            self.cell(
                self.row, 2 + levels, indicators, size=7.5, italic=True, border=True, fill=SHADE
            )
            lines = max(
                estimate_lines("\n".join((row.title, *row.items)), WIDTH_COMPETENCE * 1.05),
                estimate_lines(indicators, WIDTH_INDICATORS * 1.2) * 0.85,
            )
            ws.row_dimensions[self.row].height = row_height(round(lines), 9, 28)
            self.row += 1
        self.page_setup(landscape=True, one_page=True)


class _Annex(_Sheet):
    def __init__(self, ws: Worksheet, model: GridModel) -> None:
        super().__init__(ws, model, (WIDTH_ANNEX,))

    def build(self) -> None:
        model = self.model
        h = model.header
        self.line(
            f"{self.identity_line()}    ·    {h.diploma} – {h.session_line}",
            size=8,
            bold=True,
            height=13,
        )
        self.ws.print_title_rows = "1:1"  # the candidate on every printed page
        self.line(model.annex_title, size=11, bold=True, height=18)
        self.text(model.annex_intro, size=8)
        if model.retained:
            self.line(model.label_penalty_evidence, size=10, bold=True, height=16)
            for p in model.retained:
                self.text(f"• {model.penalty_text(p)} — {p.code} : {p.reason or ''}")
        self.line(model.label_team_evidence, size=10, bold=True, height=16)
        self.evidence(model.team_evidence, "aucune réalisation en équipe dans le dossier.", True)
        for comp in model.competences:
            self.line(f"{comp.code} – {comp.label}", size=10, bold=True, height=16)
            self.evidence(
                comp.evidence,
                "aucune réalisation du dossier ne mobilise cette compétence (C001).",
                False,
            )
            if comp.evidence and comp.uncited_items:
                self.text(f"Items cités par aucune réalisation : {', '.join(comp.uncited_items)}")
        self.page_setup(landscape=False, one_page=False)

    def text(self, value: str, size: float = 8.5) -> None:
        self.line(
            value, size=size, height=row_height(estimate_lines(value, WIDTH_ANNEX * 1.1), size, 13)
        )

    def evidence(self, evidence: tuple[Evidence, ...], none: str, team_row: bool) -> None:
        if not evidence:
            self.text(none)
            return
        for ev in evidence:
            meta = ev.where + (f", {ev.periode}" if ev.periode else "")
            if ev.items:
                meta += f" ; items {', '.join(ev.items)}"
            text = f"• {ev.intitule} ({meta})"
            if ev.team:
                text += "" if team_row else " [en équipe]"
                text += (
                    f"\n   Contribution : {ev.contribution}"
                    if ev.contribution
                    else "\n   Contribution personnelle non déclarée (R005)."
                )
            if ev.documents and not team_row:
                text += f"\n   Documents : {' · '.join(ev.documents)}"
            self.text(text)
