"""The fiches as a Word document (.docx), which many schools ask for.

Why python-docx: it writes a real WordprocessingML package (styles, tables,
embedded pictures, page breaks) that Word, LibreOffice and Google Docs open and
let the candidate edit, and it reads it back in the tests; writing the XML by
hand would mean re-implementing its packaging and relationships.

The layout follows the circulaire's: for each réalisation, a recto (header
frame, one table of rubrics, the four notes) and a verso (header frame, the
descriptif in one framed cell), each starting on a new page. The Markdown is
walked from the same tokens as the HTML (`fiche.markdown`).
"""

from __future__ import annotations

import io
from typing import Any, Protocol

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from e4cli.jury.fiche.markdown import Markdown
from e4cli.jury.fiche.model import Box, FicheModel, Sheet

FONT = "Arial"
IMAGE_WIDTH = Cm(15)


class _Container(Protocol):
    def add_paragraph(self, text: str = "", style: Any = None) -> Paragraph: ...

    def add_table(self, rows: int, cols: int, *args: Any) -> Table: ...


def render(model: FicheModel) -> bytes:
    doc = Document()
    _page_setup(doc)
    first = True
    for sheet in model.sheets:
        if not first:
            _page_break(doc)
        first = False
        _recto(doc, model, sheet)
        _page_break(doc)
        _verso(doc, model, sheet)
    core = doc.core_properties
    core.title = model.title
    core.author = model.full_name or "e4"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10)
    style.paragraph_format.space_after = Pt(2)


def _page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _head(doc: Any, model: FicheModel, title: str, subtitle: str | None = None) -> None:
    labels = model.labels
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    top = cell.paragraphs[0]
    _bold(top, model.diploma)
    top.add_run("\t")
    _bold(top, labels.session_line)
    top.paragraph_format.tab_stops.add_tab_stop(Cm(17.5), alignment=2)  # right
    for line in (labels.epreuve_line, title, subtitle):
        if line:
            para = cell.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _bold(para, line)
    doc.add_paragraph()


def _recto(doc: Any, model: FicheModel, sheet: Sheet) -> None:
    labels = model.labels
    w = labels.wording
    _head(doc, model, labels.recto_title)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    def row(merge: bool = False) -> tuple[_Cell, _Cell]:
        cells = table.add_row().cells
        if merge:
            merged = cells[0].merge(cells[1])
            return merged, merged
        return cells[0], cells[1]

    left, right = row()
    para = left.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _bold(para, w.description, size=12)
    _labelled(right.paragraphs[0], w.number, sheet.numero_text)
    left, right = row()
    _labelled(left.paragraphs[0], w.name, model.full_name)
    _labelled(right.paragraphs[0], w.candidate, model.numero)
    left, right = row()
    _boxes(left.paragraphs[0], model.formes)
    _labelled(right.paragraphs[0], w.date, w.blank_date)
    cell, _ = row(merge=True)
    _bold(cell.paragraphs[0], w.organisation)
    cell.add_paragraph(sheet.organisation)
    cell, _ = row(merge=True)
    _bold(cell.paragraphs[0], w.title)
    cell.add_paragraph(sheet.intitule)
    cell, _ = row(merge=True)
    para = cell.paragraphs[0]
    _labelled(para, w.period, sheet.periode)
    para.add_run("   ")
    _labelled(para, w.place, sheet.lieu)
    para = cell.add_paragraph()
    _bold(para, w.modality + " ")
    _boxes(para, sheet.modalites)
    cell, _ = row(merge=True)
    _bold(cell.paragraphs[0], w.competences)
    for box in sheet.competences:
        para = cell.add_paragraph()
        para.paragraph_format.left_indent = Cm(2)
        para.add_run(f"{box.mark} {box.label}")
    cell, _ = row(merge=True)
    para = cell.paragraphs[0]
    _bold(para, w.conditions)
    _sup(para, "1")
    _bold(para, " " + w.conditions_more)
    write_markdown(cell, sheet.conditions)
    cell, _ = row(merge=True)
    para = cell.paragraphs[0]
    _bold(para, w.resources)
    _sup(para, "2")
    write_markdown(cell, sheet.ressources)
    cell, _ = row(merge=True)
    para = cell.paragraphs[0]
    _bold(para, w.access)
    _sup(para, "3")
    _bold(para, " " + w.access_more)
    _sup(para, "4")
    write_markdown(cell, sheet.acces)
    for prod in sheet.productions:
        cell.add_paragraph(f"{prod.title} : {prod.where}", style="List Bullet")
    for number, note in enumerate(labels.notes, start=1):
        para = doc.add_paragraph()
        _sup(para, str(number))
        run = para.add_run(" " + note)
        run.font.size = Pt(7.5)


def _verso(doc: Any, model: FicheModel, sheet: Sheet) -> None:
    labels = model.labels
    _head(doc, model, labels.verso_title, labels.wording.verso_subtitle)
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    _bold(cell.paragraphs[0], labels.wording.descriptif)
    write_markdown(cell, sheet.descriptif)


def _bold(para: Paragraph, text: str, size: float | None = None) -> None:
    run = para.add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)


def _sup(para: Paragraph, text: str) -> None:
    run = para.add_run(text)
    run.font.superscript = True
    run.bold = True


def _labelled(para: Paragraph, label: str, value: str) -> None:
    _bold(para, label)
    if value:
        para.add_run(" " + value)


def _boxes(para: Paragraph, boxes: tuple[Box, ...]) -> None:
    for index, box in enumerate(boxes):
        if index:
            para.add_run("      ")
        para.add_run(box.mark + " ")
        _bold(para, box.label)


# --- Markdown ----------------------------------------------------------------------------


def write_markdown(container: _Container, md: Markdown) -> None:
    """The Markdown's blocks as paragraphs, lists, code, tables and pictures of `container`."""
    _Writer(container, md).blocks(md.tokens)


class _Writer:
    def __init__(self, container: _Container, md: Markdown) -> None:
        self.container = container
        self.md = md
        self.lists: list[str] = []  # "List Bullet" / "List Number", innermost last
        self.style: str | None = None

    def blocks(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                para = self.container.add_paragraph()
                self.inline(para, tokens[index + 1].children or [], bold=True)
                index += 3
                continue
            if kind == "paragraph_open":
                style = self.lists[-1] if self.lists else None
                para = self.container.add_paragraph(style=style)
                self.inline(para, tokens[index + 1].children or [])
                index += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append("List Bullet" if kind.startswith("bullet") else "List Number")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind in ("fence", "code_block"):
                for line in token.content.rstrip("\n").split("\n"):
                    run = self.container.add_paragraph().add_run(line)
                    run.font.name = "Courier New"
                    run.font.size = Pt(8.5)
            elif kind == "table_open":
                end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
                self.table(tokens[index:end])
                index = end + 1
                continue
            elif kind == "hr":
                self.container.add_paragraph("—" * 20)
            index += 1

    def table(self, tokens: list[Token]) -> None:
        rows: list[list[list[Token]]] = []
        for token in tokens:
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline" and rows:
                rows[-1].append(token.children or [])
        if not rows:
            return
        cols = max(len(r) for r in rows)
        table = self.container.add_table(len(rows), cols)
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, children in enumerate(cells):
                self.inline(table.cell(r, c).paragraphs[0], children, bold=r == 0)

    def inline(self, para: Paragraph, tokens: list[Token], *, bold: bool = False) -> None:
        strong = em = 0
        for token in tokens:
            kind = token.type
            if kind == "text":
                run = para.add_run(token.content)
                run.bold = bold or strong > 0 or None
                run.italic = em > 0 or None
            elif kind == "code_inline":
                run = para.add_run(token.content)
                run.font.name = "Courier New"
            elif kind in ("softbreak", "hardbreak"):
                para.add_run().add_break()
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                em += 1
            elif kind == "em_close":
                em -= 1
            elif kind == "image":
                self.image(para, token)

    def image(self, para: Paragraph, token: Token) -> None:
        src = str(token.attrGet("src") or "")
        image = self.md.images.get(src)
        if image is None:
            para.add_run(f"[image : {token.content or src}]").italic = True
            return
        run = para.add_run()
        run.add_picture(io.BytesIO(image.data), width=IMAGE_WIDTH)
        _alt_text(run, token.content or src)


def _alt_text(run: Any, text: str) -> None:
    """The picture's description (alt text), as Word's accessibility checker asks."""
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)
