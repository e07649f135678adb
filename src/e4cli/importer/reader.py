"""Read a filled official synthesis table: identity, and each row of each section.

One entry point, `read_table`, for `e4 import` and for T003: the format is
decided by the file's content (an .xlsx workbook, an .ods spreadsheet, a PDF
with a text layer), never by its name. An .ods or a PDF is first turned into
an in-memory workbook (`importer.ods`, `importer.pdf`) so one reader serves
all three. The model's labels are found by the same landmarks as the template
filler (`e4cli.util.officialxlsx`), never by fixed coordinates, so the models
of sessions 2022 to 2026 and the variants schools hand out all read; section
labels are recognised by meaning (`importer.sections`).

Nothing is judged here and nothing is dropped: a row with any text or tick is
kept (before the first section label, it belongs to formation, and a note
says so), a section label is never a réalisation, and a value that cannot be
interpreted comes back raw, with a note, for the writer to keep as a comment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.dossier.referential import Referential
from e4cli.importer.cellmarks import crossed, describe, fill_key
from e4cli.importer.drawings import Shape, read_shapes
from e4cli.importer.identity import (
    URL,
    Name,
    after_label,
    read_numero,
    read_portfolio,
    read_year,
    split_name,
)
from e4cli.importer.periods import Period, read_period
from e4cli.importer.sections import SectionLabel, classify, looks_like_label
from e4cli.importer.sniff import MAX_FILE_BYTES, TABLE_SUFFIXES, SniffError, sniff
from e4cli.importer.ticks import Tick, read_option, read_tick
from e4cli.table.model import OPTIONS
from e4cli.util.officialxlsx import (
    SCAN_COLS,
    Landmarks,
    ModelLabels,
    existing_cells,
    find_sheet,
    row_in_table,
)
from e4cli.util.record import record
from e4cli.util.textnorm import fold

__all__ = ["MAX_FILE_BYTES", "TABLE_SUFFIXES", "OfficialTable", "TableReadError", "read_table"]

MAX_BODY_ROWS = 1000  # rows read under the header: a table has a few dozen
ITEM_MARKS = ("▸", "•", "·", "- ", "–", "➢", "►", "▪")


class TableReadError(Exception):
    """The file is not a readable official table: the message says why, in French."""


@record
class Note:
    """Something read that needs the candidate's eye, with the cell it comes from."""

    cell: str  # "B12", or "" for the whole sheet
    message: str


@record(frozen=False)
class TableRow:
    sheet_row: int
    section: str  # formation, stage-annee-1 or stage-annee-2
    title_cell: str
    lines: list[str]  # the first column's lines: the intitulé, then its documents
    period_cell: str
    period: Period
    ticks: dict[str, Tick]  # competency code → what its cell says, in column order
    tick_cells: dict[str, str]
    others: list[tuple[str, str, str]] = field(default_factory=list)  # (cell, header, text)
    section_label: str = ""  # the table's own label of the section the row sits under
    notes: list[str] = field(default_factory=list)  # how the row was placed, to check

    @property
    def intitule(self) -> str | None:
        return self.lines[0] if self.lines else None

    @property
    def documents(self) -> list[str]:
        return self.lines[1:]

    def codes(self) -> list[str]:
        return [code for code, tick in self.ticks.items() if tick.ticked]


@record(frozen=False)
class TableIdentity:
    name_text: str | None = None
    name: Name = field(default_factory=lambda: Name(None, None))
    numero: str | None = None
    centre: str | None = None
    option: str | None = None
    portfolio_url: str | None = None
    session: int | None = None


@record
class SectionRead:
    """A section label as the table writes it, and what e4 made of it."""

    sheet_row: int
    text: str
    key: str | None  # None: not recognised (its rows go to formation, noted)


@record(frozen=False)
class OfficialTable:
    path: Path
    sheet: str
    identity: TableIdentity
    rows: list[TableRow]
    empty_rows: int = 0
    notes: list[Note] = field(default_factory=list)  # about the header lines and the sheet
    format: str = "xlsx"  # what the file is: xlsx, ods or pdf
    sections: list[SectionRead] = field(default_factory=list)

    def rows_of(self, section: str) -> list[TableRow]:
        return [r for r in self.rows if r.section == section]


def read_table(path: Path, referential: Referential) -> OfficialTable:
    """Read the official table at `path` (.xlsx, .ods or PDF, by content).

    TableReadError, with a French message, when it is not one. This is the one
    entry point for `e4 import` and for T003's comparison.
    """
    try:
        kind = sniff(path)
    except SniffError as exc:
        raise TableReadError(str(exc)) from exc
    format_notes: list[str] = []
    if kind.format == "ods":
        from e4cli.importer.ods import OdsError, read_ods

        try:
            wb = read_ods(path)
        except OdsError as exc:
            raise TableReadError(str(exc)) from exc
    elif kind.format == "pdf":
        from e4cli.importer.pdf import PdfError, read_pdf

        try:
            wb, format_notes = read_pdf(path)
        except PdfError as exc:
            raise TableReadError(str(exc)) from exc
    else:
        wb = _open(path)
    labels = ModelLabels.of_referential(referential)
    ws, marks, _ = find_sheet(wb, labels)
    assert ws is not None
    if marks.realisation_col is None:
        marks.realisation_col = _realisation_column(ws, marks)
    missing = _required_missing(marks, labels)
    if missing:
        raise TableReadError(
            f"« {path.name} » n'est pas un tableau de synthèse reconnu : repères introuvables : "
            f"{', '.join(missing)}. Donnez le tableau rempli sur le modèle officiel "
            "(annexe 6-1 ou VI-1), en .xlsx, .ods ou PDF exporté."
        )
    table = OfficialTable(path, ws.title, TableIdentity(), [], format=kind.format)
    if kind.name_note:
        table.notes.append(Note("", kind.name_note))
    table.notes += [Note("", message) for message in format_notes]
    cached = None
    shapes: list[Shape] = []
    if kind.format == "xlsx":
        if any(c.data_type == "f" for c in existing_cells(ws)):
            cached = _open(path, data_only=True)[ws.title]
        shapes = read_shapes(path, ws.title)
    _Reader(ws, cached, marks, labels, table, shapes).read()
    return table


def _open(path: Path, *, data_only: bool = False) -> Workbook:
    """The workbook; with formulas as written, or (data_only) as Excel last computed them."""
    try:
        with path.open("rb") as stream:  # a stream: openpyxl would judge a path by its suffix
            return load_workbook(stream, data_only=data_only)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise TableReadError(
            f"« {path.name} » n'est pas un classeur .xlsx lisible ({type(exc).__name__}) : "
            "ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx."
        ) from exc
    except Exception as exc:  # zipfile and the XML parser raise their own kinds
        raise TableReadError(
            f"« {path.name} » n'est pas un classeur .xlsx lisible ({type(exc).__name__})."
        ) from exc


def _realisation_column(ws: Worksheet, marks: Landmarks) -> int | None:
    """Without the model's section labels: the column headed "Réalisations professionnelles"."""
    for row in ws.iter_rows(max_row=min(ws.max_row, 300), max_col=SCAN_COLS):
        for cell in row:
            if isinstance(cell.value, str) and "realisations professionnelles" in fold(cell.value):
                return cell.column
    if marks.period_col is not None and marks.period_col > 1:
        return marks.period_col - 1
    return None


def _required_missing(marks: Landmarks, labels: ModelLabels) -> list[str]:
    """Reading needs the body of the table; identity labels are read when present."""
    missing = [] if marks.period_col is not None else ["« Période »"]
    if marks.realisation_col is None:
        missing.append("la colonne des réalisations")
    missing += [
        f"« {label} »" for code, label in labels.competences if code not in marks.competences
    ]
    return missing


def _value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@record(frozen=False)
class _Line:
    """A row of the table's body as read, before it is placed in a section."""

    row: TableRow
    label: SectionLabel | None  # the section label above it, None before the first


class _Reader:
    def __init__(
        self,
        ws: Worksheet,
        cached: Worksheet | None,
        marks: Landmarks,
        labels: ModelLabels,
        table: OfficialTable,
        shapes: list[Shape],
    ) -> None:
        self.ws = ws
        self.cached = cached
        self.marks = marks
        self.labels = labels
        self.table = table
        self.landmark_cells = {c.coordinate for c in marks.identity_cells()}
        self.shapes = {(s.row, s.column): s for s in shapes}
        self.used_shapes: set[tuple[int, int]] = set()
        self.drawn: dict[str, list[str]] = {}  # how ticks without text were read → cells
        self.header_fills: dict[str, str | None] = {}
        self._top: int | None = None

    def value(self, cell: Cell | MergedCell) -> object:
        """A cell's value; for a formula, what Excel computed, else the formula's text."""
        if cell.data_type == "f" and self.cached is not None and cell.row and cell.column:
            computed = self.cached.cell(cell.row, cell.column).value
            if computed is not None:
                return computed
        return cell.value

    def text(self, r: int, c: int) -> str:
        cell = self.ws.cell(r, c)
        return "" if isinstance(cell, MergedCell) else _value_text(self.value(cell)).strip()

    def note(self, cell: str, message: str) -> None:
        self.table.notes.append(Note(cell, message))

    def read(self) -> None:
        self.identity()
        self.rows()
        self.drawn_notes()
        for (r, c), shape in sorted(self.shapes.items()):
            if (r, c) not in self.used_shapes:
                self.note(
                    f"{get_column_letter(c)}{r}",
                    f"zone de texte dessinée sur la feuille, non comprise : « {shape.text} »",
                )

    # -- header lines ---------------------------------------------------------

    def labelled(self, cell: Cell | None, label_words: int) -> tuple[str, object]:
        """The value of a label: after it in its cell, else in the next cells of its line."""
        if cell is None:
            return "", None
        own = after_label(_value_text(self.value(cell)), label_words)
        if own:
            return cell.coordinate, own
        for c in range(cell.column + 1, min(self.ws.max_column, SCAN_COLS) + 1):
            right = self.ws.cell(cell.row, c)
            if right.coordinate in self.landmark_cells:
                break
            if isinstance(right, MergedCell) or self.value(right) in (None, ""):
                continue
            return right.coordinate, self.value(right)
        return cell.coordinate, None

    def identity(self) -> None:
        marks, ident = self.marks, self.table.identity
        where, value = self.labelled(marks.name, len(self.labels.name.split()))
        if value is None:
            self.note(where, "« NOM et prénom » vide ou introuvable : nom et prénom à compléter")
        else:
            ident.name_text = _value_text(value).strip()
            ident.name = split_name(ident.name_text)
            if ident.name.note:
                self.note(where, ident.name.note)
        where, value = self.labelled(marks.number, 2)
        ident.numero, note = read_numero(value)
        if note:
            self.note(where, note)
        elif value is None:
            self.note(where, "« N° candidat » vide ou introuvable : numéro à compléter")
        where, value = self.labelled(marks.centre, len(self.labels.centre.split()))
        ident.centre = _value_text(value).strip() or None
        if ident.centre is None:
            self.note(where, "« Centre de formation » vide ou introuvable : centre à compléter")
        self.option()
        self.portfolio()
        self.session()

    def option(self) -> None:
        cell = self.marks.option
        if cell is None:
            self.note("", "ligne « Option » introuvable : option (SISR ou SLAM) à compléter")
            return
        texts = [
            self.shape_text(cell.row, cell.column) + after_label(_value_text(self.value(cell)), 1)
        ]
        for c in range(cell.column + 1, min(self.ws.max_column, SCAN_COLS) + 1):
            right = self.ws.cell(cell.row, c)
            if right.coordinate in self.landmark_cells:
                break
            if not isinstance(right, MergedCell):
                texts.append(self.shape_text(cell.row, c) + _value_text(self.value(right)))
        choice = read_option(texts, OPTIONS)
        self.table.identity.option = choice.option
        if choice.note:
            self.note(cell.coordinate, choice.note + " : option à compléter")

    def shape_text(self, r: int, c: int) -> str:
        """The text of a shape drawn over a cell, taken as part of the cell's own."""
        shape = self.shapes.get((r, c))
        if shape is None:
            return ""
        self.used_shapes.add((r, c))
        self.drawn.setdefault("dessin", []).append(f"{get_column_letter(c)}{r}")
        return shape.text + " "

    def portfolio(self) -> None:
        where, value = self.labelled(self.marks.portfolio, len(self.labels.portfolio.split()))
        text = _value_text(value).strip()
        if not text:  # older models have no such line: a URL anywhere above the table will do
            where, text = self.url_in_header()
        if not text:
            return
        url, note = read_portfolio(text)
        self.table.identity.portfolio_url = url
        if note:
            self.note(where, note)

    def url_in_header(self) -> tuple[str, str]:
        first = self.header_top()
        for row in self.ws.iter_rows(max_row=first - 1, max_col=SCAN_COLS):
            for cell in row:
                match = URL.search(_value_text(self.value(cell)))
                if match:
                    return cell.coordinate, match.group(0)
        return "", ""

    def session(self) -> None:
        cell = self.marks.session
        if cell is None:
            return
        year = read_year(_value_text(self.value(cell)))
        for c in range(cell.column + 1, min(self.ws.max_column, SCAN_COLS) + 1):
            if year is not None:
                break
            year = read_year(_value_text(self.value(self.ws.cell(cell.row, c))))
        self.table.identity.session = year
        if year is None:
            self.note(cell.coordinate, "ligne « SESSION » sans année")

    # -- the header of the table's body ------------------------------------------

    def header_top(self) -> int:
        """The row of the column headings ("Période", the competencies)."""
        if self._top is None:
            self._top = 1
            for r in range(1, min(self.ws.max_row, 300) + 1):
                if fold(self.text(r, self.period_col)).startswith("periode"):
                    self._top = r
                    break
        return self._top

    def header_end(self) -> int:
        """The last row of the headings: merged heading cells, then the item lists."""
        top = self.header_top()
        end = top
        columns = [self.marks.period_col, *self.marks.competences.values()]
        for merged in self.ws.merged_cells.ranges:
            if merged.min_row == top and merged.min_col in columns:
                end = max(end, merged.max_row)
        while end < self.ws.max_row:
            r = end + 1
            items = [self.text(r, c) for c in self.marks.competences.values()]
            if self.title_lines(r) or self.text(r, self.period_col):
                break
            if not any(t.startswith(ITEM_MARKS) for t in items):
                break
            end = r
        return end

    @property
    def period_col(self) -> int:
        assert self.marks.period_col is not None
        return self.marks.period_col

    @property
    def real_col(self) -> int:
        assert self.marks.realisation_col is not None
        return self.marks.realisation_col

    # -- rows -----------------------------------------------------------------

    def title_lines(self, r: int) -> list[str]:
        raw = self.text(r, self.real_col)
        return [line.strip() for line in raw.splitlines() if line.strip()]

    def rows(self) -> None:
        marks = self.marks
        known = {self.real_col, self.period_col, *marks.competences.values()}
        headers = self.column_headers(known)
        first_col = min(known)
        last_col = max([*known, *headers])
        header_end = self.header_end()
        self.header_fills = {
            code: fill_key(self.ws.cell(self.header_top(), c))
            for code, c in marks.competences.items()
        }
        body = list(range(header_end + 1, min(self.ws.max_row, header_end + MAX_BODY_ROWS) + 1))
        label_rows = {r for r in body if self.is_label(r, first_col, last_col, headers)}
        last_label = max(label_rows, default=header_end)
        current: SectionLabel | None = None
        lines: list[_Line] = []
        for r in body:
            if r > last_label and not row_in_table(self.ws, r, self.real_col, first_col, last_col):
                break
            if r in label_rows:
                text = " ".join(self.title_lines(r))
                current = classify(text)
                key = current.key or ("stage" if current.professional else None)
                self.table.sections.append(SectionRead(r, text, key))
                if key is None:
                    self.note(
                        f"{get_column_letter(self.real_col)}{r}",
                        f"section « {text} » non reconnue (ni formation ni milieu "
                        "professionnel) : ses lignes sont rangées en formation",
                    )
                continue
            row = self.read_row(r, headers)
            if row is None:
                self.table.empty_rows += 1
                continue
            lines.append(_Line(row, current))
        self.place(lines)

    def is_label(self, r: int, first_col: int, last_col: int, headers: dict[int, str]) -> bool:
        """A title alone on its row that reads like a section, or spans the whole table."""
        title = self.title_lines(r)
        if not title:
            return False
        for c in range(first_col, last_col + 1):
            if c == self.real_col:
                continue
            cell = self.ws.cell(r, c)
            if isinstance(cell, MergedCell):
                continue
            if self.text(r, c) or crossed(cell) or (r, c) in self.shapes:
                return False
        merged_across = any(
            m.min_row == r and m.min_col == self.real_col and m.max_col >= self.period_col
            for m in self.ws.merged_cells.ranges
        )
        return merged_across or looks_like_label(" ".join(title))

    def read_row(self, r: int, headers: dict[int, str]) -> TableRow | None:
        title = self.ws.cell(r, self.real_col)
        lines = self.title_lines(r)
        period_cell = self.ws.cell(r, self.period_col)
        number_format = period_cell.number_format if isinstance(period_cell, Cell) else "General"
        period = read_period(self.value(period_cell), number_format or "General")
        ticks: dict[str, Tick] = {}
        tick_cells: dict[str, str] = {}
        row_fills = {fill_key(title), fill_key(period_cell)}
        for code, _ in self.labels.competences:
            cell = self.ws.cell(r, self.marks.competences[code])
            ticks[code] = self.read_tick(cell, code, row_fills)
            tick_cells[code] = cell.coordinate
        others = [
            (f"{get_column_letter(c)}{r}", headers[c], text)
            for c in sorted(headers)
            if (text := self.text(r, c))
        ]
        blank = not lines and period.empty and not any(t.raw or t.ticked for t in ticks.values())
        if blank and not others:
            return None
        return TableRow(
            r,
            "formation",
            title.coordinate,
            lines,
            period_cell.coordinate,
            period,
            ticks,
            tick_cells,
            others,
        )

    def read_tick(self, cell: Cell | MergedCell, code: str, row_fills: set[str | None]) -> Tick:
        if isinstance(cell, MergedCell):
            return Tick(False, "")
        tick = read_tick(self.value(cell), code)
        if tick.raw:
            return tick
        shape = self.shapes.get((cell.row, cell.column))
        if shape is not None:
            self.used_shapes.add((cell.row, cell.column))
            drawn = read_tick(shape.text, code)
            how = "dessin"
        elif crossed(cell):
            drawn, how = Tick(True, ""), "croix"
        else:
            key = fill_key(cell)
            if key is None or key in row_fills or key == self.header_fills.get(code):
                return tick
            drawn, how = Tick(True, ""), f"fond:{key}"
        if drawn.ticked:
            self.drawn.setdefault(how, []).append(cell.coordinate)
            return Tick(True, drawn.raw, drawn.note, drawn=how.split(":")[0], items=drawn.items)
        return Tick(False, drawn.raw, drawn.note)

    def drawn_notes(self) -> None:
        for how, cells in self.drawn.items():
            shown = ", ".join(cells[:12]) + (" …" if len(cells) > 12 else "")
            if how.startswith("fond:"):
                what = f"d'après la couleur de fond ({describe(how[5:])}), sans texte"
            elif how == "croix":
                what = "d'après une croix tracée (bordures en diagonale, traits), sans texte"
            else:
                what = "d'après une zone de texte dessinée par-dessus la cellule"
            self.note(
                "",
                f"{len(cells)} case(s) lue(s) cochée(s) {what} : {shown} ; à vérifier",
            )

    def place(self, lines: list[_Line]) -> None:
        """Put each row in its section: by its label's meaning, else by its period."""
        table = self.table
        labelled_years = {
            line.label.year
            for line in lines
            if line.label is not None and line.label.professional and line.label.year
        }
        session = table.identity.session or _session_of(line.row for line in lines)
        for line in lines:
            row, label = line.row, line.label
            if label is not None:
                row.section_label = label.text
            if label is None:
                row.notes.append(
                    "ligne avant la première section du tableau : rangée en formation, à vérifier"
                )
            elif label.professional:
                row.section = self.stage_section(row, label, labelled_years, session)
            elif label.key is None:
                row.notes.append(
                    f"section « {label.text} » non reconnue : ligne rangée en formation, à vérifier"
                )
            table.rows.append(row)
        before = sum(1 for line in lines if line.label is None)
        if before:
            self.note(
                "",
                f"{before} ligne(s) avant la première section reconnue : rangée(s) en formation",
            )

    def stage_section(
        self, row: TableRow, label: SectionLabel, labelled: set[int], session: int | None
    ) -> str:
        """A workplace row's year: the label's, unless the table lacks the other year."""
        year = label.year
        if year is not None and (1 in labelled or year == 1):
            return f"stage-annee-{year}"
        debut = row.period.debut
        if debut is not None and session is not None:
            by_period = 1 if debut < dt.date(session - 1, 9, 1) else 2
            if by_period != year:
                which = "première" if by_period == 1 else "seconde"
                row.notes.append(
                    f"section « {label.text} » : stage de {which} année d'après la période "
                    f"et la session {session}, à vérifier"
                )
            return f"stage-annee-{by_period}"
        if year is None:
            row.notes.append(
                f"section « {label.text} » : année du stage inconnue (pas de période) : "
                "seconde année, à vérifier"
            )
            return "stage-annee-2"
        return f"stage-annee-{year}"

    def column_headers(self, known: set[int]) -> dict[int, str]:
        """Columns the model has beyond e4's (a "Modalité", a "Remarques"), by header text."""
        first = self.header_top() + 1
        # The header rows: between the identity lines and the body.
        header_top = max((c.row for c in self.marks.identity_cells()), default=0)
        headers: dict[int, str] = {}
        last = min(self.ws.max_column, SCAN_COLS)
        for c in range(1, last + 1):
            if c in known:
                continue
            texts = [
                _value_text(self.value(self.ws.cell(r, c))).strip()
                for r in range(max(header_top + 1, 1), first)
                if self.ws.cell(r, c).coordinate not in self.landmark_cells
            ]
            header = next((t for t in reversed(texts) if t), "")
            headers[c] = header or f"colonne {get_column_letter(c)}"
        return headers


def _session_of(rows: Iterable[TableRow]) -> int | None:
    """The session the periods point to: the year the last one ends, or the next after August."""
    ends = [r.period.fin for r in rows if r.period.fin is not None]
    if not ends:
        return None
    last = max(ends)
    return last.year if last.month <= 8 else last.year + 1
