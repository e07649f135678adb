"""Read a filled official synthesis table (.xlsx): identity, and each row of each section.

The model's labels are found by the same landmarks as the template filler
(`e4cli.util.officialxlsx`), never by fixed coordinates, so the models of sessions
2022 to 2026 and the variants schools hand out all read. Nothing is judged
here and nothing is dropped: a value that cannot be interpreted comes back
raw, with a note, for the writer to keep as a comment.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from e4cli.dossier.referential import Referential
from e4cli.importer.identity import URL, Name, after_label, read_numero, read_year, split_name
from e4cli.importer.periods import Period, read_period
from e4cli.importer.ticks import Tick, read_option, read_tick
from e4cli.table.model import OPTIONS, SECTION_KEYS
from e4cli.util.officialxlsx import SCAN_COLS, Landmarks, ModelLabels, find_sheet, section_rows

MAX_FILE_BYTES = 20 << 20  # a filled table is some 20 Kio; a photo pasted in, a few Mio
MAX_UNPACKED_BYTES = 200 << 20  # what openpyxl would inflate: refuse a zip bomb unread


class TableReadError(Exception):
    """The file is not a readable official table: the message says why, in French."""


@dataclass(frozen=True)
class Note:
    """Something read that needs the candidate's eye, with the cell it comes from."""

    cell: str  # "B12", or "" for the whole sheet
    message: str


@dataclass
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

    @property
    def intitule(self) -> str | None:
        return self.lines[0] if self.lines else None

    @property
    def documents(self) -> list[str]:
        return self.lines[1:]

    def codes(self) -> list[str]:
        return [code for code, tick in self.ticks.items() if tick.ticked]


@dataclass
class TableIdentity:
    name_text: str | None = None
    name: Name = field(default_factory=lambda: Name(None, None))
    numero: str | None = None
    centre: str | None = None
    option: str | None = None
    portfolio_url: str | None = None
    session: int | None = None


@dataclass
class OfficialTable:
    path: Path
    sheet: str
    identity: TableIdentity
    rows: list[TableRow]
    empty_rows: int = 0
    notes: list[Note] = field(default_factory=list)  # about the header lines and the sheet

    def rows_of(self, section: str) -> list[TableRow]:
        return [r for r in self.rows if r.section == section]


def read_table(path: Path, referential: Referential) -> OfficialTable:
    """Read the official table at `path`; TableReadError when it is not one."""
    wb = _open(path)
    labels = ModelLabels.of_referential(referential)
    ws, marks, _ = find_sheet(wb, labels)
    assert ws is not None
    missing = _required_missing(marks, labels)
    if missing:
        raise TableReadError(
            f"« {path.name} » n'est pas un tableau de synthèse reconnu : repères introuvables : "
            f"{', '.join(missing)}. Donnez le tableau .xlsx rempli sur le modèle officiel "
            "(annexe 6-1 ou VI-1)."
        )
    table = OfficialTable(path, ws.title, TableIdentity(), [])
    cached = None
    if any(c.data_type == "f" for r in ws.iter_rows() for c in r):
        cached = _open(path, data_only=True)[ws.title]
    _Reader(ws, cached, marks, labels, table).read()
    return table


def _open(path: Path, *, data_only: bool = False) -> Workbook:
    """The workbook; with formulas as written, or (data_only) as Excel last computed them."""
    if not path.is_file():
        raise TableReadError(f"« {path} » introuvable.")
    if path.suffix.lower() != ".xlsx":
        raise TableReadError(
            f"« {path.name} » n'est pas un classeur .xlsx : ouvrez-le dans Excel ou LibreOffice "
            "et enregistrez-le au format « Classeur Excel (.xlsx) »."
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TableReadError(f"« {path.name} » dépasse {MAX_FILE_BYTES >> 20} Mio : refusé.")
        with zipfile.ZipFile(path) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise TableReadError(f"« {path.name} » se décompresse en plus de 200 Mio : refusé.")
        return load_workbook(path, data_only=data_only)
    except TableReadError:
        raise
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableReadError(
            f"« {path.name} » n'est pas un classeur .xlsx lisible ({type(exc).__name__}) : "
            "ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx."
        ) from exc


def _required_missing(marks: Landmarks, labels: ModelLabels) -> list[str]:
    """Reading needs the body of the table; identity labels are read when present."""
    missing = [] if marks.period_col is not None else ["« Période »"]
    if all(row is None for row in marks.sections):
        missing.append("les sections (« " + " », « ".join(labels.sections) + " »)")
    missing += [
        f"« {label} »" for code, label in labels.competences if code not in marks.competences
    ]
    rows = [r for r in marks.sections if r is not None]
    if not missing and rows != sorted(rows):
        missing.append("les sections dans l'ordre officiel")
    return missing


def _value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Reader:
    def __init__(
        self,
        ws: Worksheet,
        cached: Worksheet | None,
        marks: Landmarks,
        labels: ModelLabels,
        table: OfficialTable,
    ) -> None:
        self.ws = ws
        self.cached = cached
        self.marks = marks
        self.labels = labels
        self.table = table
        self.landmark_cells = {c.coordinate for c in marks.identity_cells()}

    def value(self, cell: Cell | MergedCell) -> object:
        """A cell's value; for a formula, what Excel computed, else the formula's text."""
        if cell.data_type == "f" and self.cached is not None and cell.row and cell.column:
            computed = self.cached.cell(cell.row, cell.column).value
            if computed is not None:
                return computed
        return cell.value

    def note(self, cell: str, message: str) -> None:
        self.table.notes.append(Note(cell, message))

    def read(self) -> None:
        self.identity()
        self.rows()

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
        texts = [after_label(_value_text(self.value(cell)), 1)]
        for c in range(cell.column + 1, min(self.ws.max_column, SCAN_COLS) + 1):
            right = self.ws.cell(cell.row, c)
            if right.coordinate in self.landmark_cells:
                break
            if not isinstance(right, MergedCell):
                texts.append(_value_text(self.value(right)))
        choice = read_option(texts, OPTIONS)
        self.table.identity.option = choice.option
        if choice.note:
            self.note(cell.coordinate, choice.note + " : option à compléter")

    def portfolio(self) -> None:
        where, value = self.labelled(self.marks.portfolio, len(self.labels.portfolio.split()))
        text = _value_text(value).strip()
        if not text:  # older models have no such line: a URL anywhere above the table will do
            where, text = self.url_in_header()
        if not text:
            return
        match = URL.search(text)
        if match and match.group(0) == text:
            self.table.identity.portfolio_url = text
        else:
            self.note(where, f"adresse du portfolio « {text} » non comprise (attendu http(s)://…)")

    def url_in_header(self) -> tuple[str, str]:
        first = min((r for r in self.marks.sections if r is not None), default=1)
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

    # -- rows -----------------------------------------------------------------

    def rows(self) -> None:
        marks = self.marks
        real_col, period_col = marks.realisation_col, marks.period_col
        assert real_col is not None and period_col is not None
        keys = [SECTION_KEYS[i] for i, r in enumerate(marks.sections) if r is not None]
        for key, index in zip(SECTION_KEYS, marks.sections, strict=True):
            if index is None:
                label = self.labels.sections[SECTION_KEYS.index(key)]
                self.note("", f"section « {label} » introuvable dans le tableau")
        known = {real_col, period_col, *marks.competences.values()}
        headers = self.column_headers(known)
        for key, rows in zip(keys, section_rows(self.ws, marks), strict=True):
            for r in rows:
                title = self.ws.cell(r, real_col)
                raw = "" if isinstance(title, MergedCell) else _value_text(self.value(title))
                lines = [line.strip() for line in raw.splitlines() if line.strip()]
                period_cell = self.ws.cell(r, period_col)
                period = read_period(self.value(period_cell))
                ticks: dict[str, Tick] = {}
                tick_cells: dict[str, str] = {}
                for code, _ in self.labels.competences:
                    cell = self.ws.cell(r, marks.competences[code])
                    ticks[code] = read_tick(self.value(cell))
                    tick_cells[code] = cell.coordinate
                others = [
                    (f"{get_column_letter(c)}{r}", headers[c], text)
                    for c in sorted(headers)
                    if (text := _value_text(self.value(self.ws.cell(r, c))).strip())
                ]
                blank = not lines and period.empty and not any(t.raw for t in ticks.values())
                if blank and not others:
                    self.table.empty_rows += 1
                    continue
                self.table.rows.append(
                    TableRow(
                        r,
                        key,
                        title.coordinate,
                        lines,
                        period_cell.coordinate,
                        period,
                        ticks,
                        tick_cells,
                        others,
                    )
                )

    def column_headers(self, known: set[int]) -> dict[int, str]:
        """Columns the model has beyond e4's (a "Modalité", a "Remarques"), by header text."""
        first = min((r for r in self.marks.sections if r is not None), default=1)
        # The header rows: between the identity lines and the first section.
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
