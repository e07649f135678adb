"""Tables as real students fill them, one per pattern of what e4 used to misread.

Each pattern is a `Sheet`: the cells (with the exact contents seen in real
files), their fills, diagonal crosses, merges, number formats and shapes. One
sheet is written as an .xlsx (openpyxl, plus a drawing part for text boxes)
or as an .ods (odfpy), so both readers meet the same table.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.styles.colors import Color
from openpyxl.utils import get_column_letter

from import_support import COMPETENCES

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CROSS = Border(
    left=THIN, right=THIN, top=THIN, bottom=THIN, diagonal=THIN, diagonalUp=True, diagonalDown=True
)
OFFICIAL_SECTIONS = (
    "Réalisation en cours de formation",
    "Réalisations en milieu professionnel en cours de première année",
    "Réalisations en milieu professionnel en cours de seconde année",
)
BLACK = "theme:1"  # black fills as Excel writes them: the theme's dark 1
BLUE = "FF0070C0"
YELLOW = "FFFFFF00"


@dataclass(frozen=True)
class Fill:
    """A competency cell ticked by its colour only."""

    color: str


@dataclass(frozen=True)
class Cross:
    """A competency cell ticked by both diagonal borders."""


@dataclass(frozen=True)
class MonthDate:
    """An Excel date cell shown as a month ("sept-24")."""

    day: dt.date


Mark = object  # "x", None, Fill(...), Cross()


@dataclass
class Line:
    """A body row: title, period, one mark per competency, and a fill over the whole row."""

    title: object
    period: object = None
    marks: Sequence[Mark] = ()
    row_fill: str | None = None


@dataclass
class Section:
    label: str | None  # None: the label cell is merged but empty
    lines: list[Line] = field(default_factory=list)


@dataclass
class Sheet:
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    crosses: set[tuple[int, int]] = field(default_factory=set)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    shapes: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, text
    body: set[int] = field(default_factory=set)  # rows drawn as the table's body
    header_end: int = 0
    label_rows: dict[int, str] = field(default_factory=dict)
    title: str = "Tableau de synthèse"

    def set(self, r: int, c: int, value: object) -> None:
        self.cells[(r, c)] = value


def official(
    sections: Sequence[Section],
    *,
    session: str = "SESSION 2025",
    name: str = "NOM et prénom : MARTIN Léa",
    number: str = "N° candidat : 02248211114",
    centre: str = "Centre de formation : Lycée Félix Le Dantec",
    option: Sequence[str] = ("Option :", "☐ SISR", "☒ SLAM"),
    portfolio: str | None = "Adresse URL du portfolio : https://lea.example.org/",
) -> Sheet:
    """The official model's layout (as in the real 2024 table) with the given sections."""
    sheet = Sheet()
    sheet.set(1, 1, "BTS SERVICES INFORMATIQUES AUX ORGANISATIONS")
    sheet.set(1, 7, session)
    sheet.set(2, 1, "Tableau de synthèse des réalisations professionnelles ")
    sheet.set(3, 1, name)
    sheet.set(3, 6, number)
    sheet.set(4, 1, centre)
    for offset, text in enumerate(option):
        sheet.set(4, 6 + offset, text)
    if portfolio is not None:
        sheet.set(5, 1, portfolio)
    sheet.set(6, 1, "Compétences mises en œuvre\n\n\nRéalisations professionnelles")
    sheet.set(6, 2, "Période (sous la forme du JJ/MM/AA au JJ/MM/AA)")
    for index, (_, label) in enumerate(COMPETENCES):
        sheet.set(6, 3 + index, label)
        sheet.set(7, 3 + index, "▸Un item\n▸Un autre item")
    sheet.merges += [(6, 1, 7, 1), (6, 2, 7, 2)]
    sheet.header_end = 7
    r = 8
    for section in sections:
        if section.label is not None:
            sheet.set(r, 1, section.label)
            sheet.label_rows[r] = section.label
        sheet.merges.append((r, 1, r, 8))
        r += 1
        for line in section.lines:
            put_line(sheet, r, line)
            r += 1
    sheet.set(r + 2, 1, "Fait à Lannion, le 2 avril")  # under the table, not drawn
    return sheet


def put_line(sheet: Sheet, r: int, line: Line) -> None:
    sheet.body.add(r)
    if line.title is not None:
        sheet.set(r, 1, line.title)
    if isinstance(line.period, MonthDate):
        sheet.set(r, 2, dt.datetime.combine(line.period.day, dt.time()))
        sheet.formats[(r, 2)] = "mmm-yy"
    elif line.period is not None:
        sheet.set(r, 2, line.period)
    if line.row_fill:
        for c in range(1, 9):
            sheet.fills[(r, c)] = line.row_fill
    for offset, mark in enumerate(line.marks):
        c = 3 + offset
        if isinstance(mark, Fill):
            sheet.fills[(r, c)] = mark.color
        elif isinstance(mark, Cross):
            sheet.crosses.add((r, c))
        elif mark is not None:
            sheet.set(r, c, mark)


def ticks(*columns: int, mark: Mark = "x") -> list[Mark]:
    """Marks in the given competency columns (1 to 6)."""
    return [mark if i + 1 in columns else None for i in range(6)]


# -- writers ------------------------------------------------------------------------------


def to_xlsx(sheet: Sheet, path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet.title
    for (r, c), value in sheet.cells.items():
        ws.cell(r, c, value)  # type: ignore[arg-type]
    for (r, c), number_format in sheet.formats.items():
        ws.cell(r, c).number_format = number_format
    for r in sheet.body:
        for c in range(1, 9):
            ws.cell(r, c).border = CROSS if (r, c) in sheet.crosses else BOX
    for (r, c), color in sheet.fills.items():
        if color.startswith("theme:"):
            fg = Color(theme=int(color.split(":")[1]))
        else:
            fg = Color(rgb=color)
        ws.cell(r, c).fill = PatternFill("solid", fgColor=fg)
    for r0, c0, r1, c1 in sheet.merges:
        ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
    wb.save(path)
    if sheet.shapes:
        _add_shapes(path, sheet.shapes)
    return path


_DRAWING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{anchors}</xdr:wsDr>'
)
_ANCHOR = (
    "<xdr:twoCellAnchor><xdr:from><xdr:col>{c}</xdr:col><xdr:colOff>0</xdr:colOff>"
    "<xdr:row>{r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
    "<xdr:to><xdr:col>{c}</xdr:col><xdr:colOff>300000</xdr:colOff><xdr:row>{r}</xdr:row>"
    '<xdr:rowOff>150000</xdr:rowOff></xdr:to><xdr:sp macro="" textlink="">'
    '<xdr:nvSpPr><xdr:cNvPr id="{id}" name="ZoneTexte {id}"/><xdr:cNvSpPr txBox="1"/>'
    '</xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>'
    "<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></xdr:txBody>"
    "</xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
)


def _add_shapes(path: Path, shapes: list[tuple[int, int, str]]) -> None:
    """Text boxes over cells, as Excel saves them (openpyxl writes no shapes)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    anchors = "".join(
        _ANCHOR.format(r=r - 1, c=c - 1, id=i + 2, text=text)
        for i, (r, c, text) in enumerate(shapes)
    )
    parts["xl/drawings/drawing1.xml"] = _DRAWING.format(anchors=anchors).encode()
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>'
    )
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    if "xmlns:r=" not in sheet.split(">", 2)[1]:
        sheet = sheet.replace(
            "<worksheet ",
            '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships" ',
            1,
        )
    sheet = re.sub(r"(</worksheet>)", r'<drawing r:id="rId1"/>\1', sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/drawings/drawing1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def to_ods(sheet: Sheet, path: Path, *, trailing_repeats: int = 1_000_000) -> Path:
    """The sheet as LibreOffice saves it: styles for fills and crosses, covered cells for
    merges, and the long repeated runs of empty rows and columns at the end."""
    from odf.number import DateStyle, Month, Year
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import LineBreak, P

    doc = OpenDocumentSpreadsheet()
    month_style = DateStyle(name="N_MONTH")
    month_style.addElement(Month(textual="true", style="short"))
    month_style.addElement(NumberText(text="-"))
    month_style.addElement(Year())
    doc.automaticstyles.addElement(month_style)
    styles: dict[tuple[str | None, bool, bool, str | None], str] = {}

    def style_for(fill: str | None, cross: bool, boxed: bool, data: str | None) -> str | None:
        key = (fill, cross, boxed, data)
        if key == (None, False, False, None):
            return None
        if key not in styles:
            name = f"ce{len(styles) + 1}"
            style = Style(name=name, family="table-cell")
            if data:
                style.setAttribute("datastylename", data)
            props: dict[str, str] = {}
            if fill:
                props["backgroundcolor"] = _ods_color(fill)
            if boxed:
                props["border"] = "0.06pt solid #000000"
            if cross:
                props["diagonalbltr"] = "0.06pt solid #000000"
                props["diagonaltlbr"] = "0.06pt solid #000000"
            if props:
                style.addElement(TableCellProperties(**props))
            doc.automaticstyles.addElement(style)
            styles[key] = name
        return styles[key]

    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in sheet.merges:
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    table = Table(name=sheet.title)
    table.addElement(TableColumn(numbercolumnsrepeated=9))
    table.addElement(TableColumn(numbercolumnsrepeated=1015))
    last_row = max(r for r, _ in sheet.cells)
    for r in range(1, last_row + 1):
        row = TableRow()
        for c in range(1, 9):
            if (r, c) in covered:
                row.addElement(CoveredTableCell())
                continue
            value = sheet.cells.get((r, c))
            data = "N_MONTH" if (r, c) in sheet.formats else None
            name = style_for(
                _ods_fill(sheet.fills.get((r, c))), (r, c) in sheet.crosses, r in sheet.body, data
            )
            attrs: dict[str, object] = {}
            if name:
                attrs["stylename"] = name
            if (r, c) in spans:
                attrs["numberrowsspanned"] = spans[(r, c)][0]
                attrs["numbercolumnsspanned"] = spans[(r, c)][1]
            if isinstance(value, dt.datetime):
                cell = TableCell(valuetype="date", datevalue=value.date().isoformat(), **attrs)
                cell.addElement(P(text=value.strftime("%b-%y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value, **attrs)
                cell.addElement(P(text=str(value)))
            elif value is not None:
                cell = TableCell(valuetype="string", **attrs)
                paragraph = P()
                for index, part in enumerate(str(value).split("\n")):
                    if index:
                        paragraph.addElement(LineBreak())
                    paragraph.addText(part)
                cell.addElement(paragraph)
            else:
                cell = TableCell(**attrs)
            row.addElement(cell)
        row.addElement(TableCell(numbercolumnsrepeated=1016))
        table.addElement(row)
    tail = TableRow(numberrowsrepeated=trailing_repeats)
    tail.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(tail)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _ods_fill(color: str | None) -> str | None:
    if color == BLACK:
        return "FF000000"
    return color


def _ods_color(color: str) -> str:
    return "#" + color[-6:].lower()


def cell_name(r: int, c: int) -> str:
    return f"{get_column_letter(c)}{r}"


# -- the patterns ---------------------------------------------------------------------------

DNS = "Configuration et gestion d'un serveur DNS "


def rows_above_first_section() -> Sheet:
    """1. The formation header cell is merged but empty: 9 filled rows above the first label."""
    formation = [
        Line(DNS, "10/10/22 au 06/02/23", ticks(1, 2, 5)),
        Line("Mise en place d'un serveur DHCP", "07/11/22 au 18/11/22", ticks(1, 5)),
        Line("Installation d'un Active Directory", "21/11/22 au 09/12/22", ticks(1, 2)),
        Line("Déploiement de postes par PXE", "09/01/23 au 20/01/23", ticks(5)),
        Line("Supervision avec Zabbix", "23/01/23 au 03/02/23", ticks(1, 5)),
        Line("Sauvegarde avec Veeam", "06/02/23 au 17/02/23", ticks(1)),
        Line("Gestion de parc avec GLPI", "06/03/23 au 17/03/23", ticks(1, 2)),
        Line("Veille technologique", "10/10/22 au 31/05/24", ticks(6)),
        Line("Portfolio en ligne", "01/03/23 au 31/05/24", ticks(3, 6)),
    ]
    return official(
        [
            Section(None, formation),
            Section(
                OFFICIAL_SECTIONS[1],
                [Line("Stage : migration de serveurs", "15/05/23 au 23/06/23", ticks(1, 4, 5))],
            ),
            Section("Autres (divers)", [Line("Projet tutoré", "01/12/23 au 15/12/23", ticks(4))]),
            Section(
                OFFICIAL_SECTIONS[2],
                [Line("Stage : haute disponibilité", "08/01/24 au 16/02/24", ticks(1, 5))],
            ),
        ],
        session="SESSION 2024",
    )


def renamed_sections() -> Sheet:
    """2. Sections renamed by the school; a workplace section without a year."""
    return official(
        [
            Section(
                "Réalisations en cours de formation (TP/AP/TD)",
                [Line("TP routage inter-VLAN", "03/10/23 au 13/10/23", ticks(1, 5))],
            ),
            Section(
                "Réalisations personnelles",
                [Line("Serveur Minecraft auto-hébergé", "01/07/24 au 31/08/24", ticks(5, 6))],
            ),
            Section(
                "Réalisations en cours de formation (code couleur vert)",
                [Line("AP : site de la M2L", "06/01/25 au 31/01/25", ticks(3, 4))],
            ),
            Section(
                "Réalisations en entreprise",
                [
                    Line("Refonte du réseau de l'agence", "13/05/24 au 21/06/24", ticks(1, 2)),
                    Line("Déploiement d'un intranet", "06/01/25 au 14/02/25", ticks(3, 5)),
                ],
            ),
        ]
    )


def first_year_header_missing() -> Sheet:
    """2. The 1re-année header missing: rows of both years under "seconde année"."""
    return official(
        [
            Section(
                OFFICIAL_SECTIONS[0],
                [Line("Inventaire du parc", "02/10/23 au 13/10/23", ticks(1))],
            ),
            Section(
                OFFICIAL_SECTIONS[2],
                [
                    Line("Stage 1 : câblage et brassage", "21/05/24 au 28/06/24", ticks(1, 2)),
                    Line("Stage 2 : supervision Centreon", "06/01/25 au 14/02/25", ticks(1, 5)),
                ],
            ),
        ]
    )


def colour_ticks() -> Sheet:
    """3. Ticks by cell colour only (black theme fill, blue fill), crosses drawn with
    diagonal borders, and a highlighted row that is not a tick."""
    return official(
        [
            Section(
                OFFICIAL_SECTIONS[0],
                [
                    Line(
                        "Gestion des incidents",
                        "02/10/23 au 13/10/23",
                        ticks(1, 2, mark=Fill(BLACK)),
                    ),
                    Line(
                        "Site vitrine WordPress",
                        "06/11/23 au 17/11/23",
                        ticks(3, 4, mark=Fill(BLUE)),
                    ),
                    Line("Déploiement d'une VM", "04/12/23 au 15/12/23", ticks(1, 5, mark=Cross())),
                    Line(
                        "Projet surligné en jaune",
                        "08/01/24 au 19/01/24",
                        ["x", None, None, "x", None, None],
                        row_fill=YELLOW,
                    ),
                ],
            ),
            Section(
                OFFICIAL_SECTIONS[1],
                [Line("Stage : inventaire", "13/05/24 au 21/06/24", ticks(1, mark=Cross()))],
            ),
            Section(
                OFFICIAL_SECTIONS[2],
                [Line("Stage : sauvegardes", "06/01/25 au 14/02/25", ticks(5, mark=Fill(BLUE)))],
            ),
        ]
    )


def option_by_text_box() -> Sheet:
    """3. The option box ticked by a text box drawn over the sheet (an .xlsx shape)."""
    sheet = official(
        [Section(OFFICIAL_SECTIONS[0], [Line("Atelier Linux", "02/10/23 au 13/10/23", ticks(1))])],
        option=("Option :", "☐ SISR", "☐ SLAM"),
    )
    sheet.shapes.append((4, 7, "X"))  # over "☐ SISR"
    sheet.shapes.append((9, 4, "X"))  # over the B1.2 cell of the first row
    return sheet


PERIOD_FORMS: list[tuple[object, dt.date | None, dt.date | None]] = [
    ("Période du 03/02/2025 au 07/03/2025", dt.date(2025, 2, 3), dt.date(2025, 3, 7)),
    ("26 mai 2021", dt.date(2021, 5, 26), dt.date(2021, 5, 26)),
    ("17 Janvier 2022 au 24 Janvier 2022", dt.date(2022, 1, 17), dt.date(2022, 1, 24)),
    ("Novembre à Avril 2026", dt.date(2025, 11, 1), dt.date(2026, 4, 30)),
    (" Décembre 2025 à Avril 2026", dt.date(2025, 12, 1), dt.date(2026, 4, 30)),
    ("jan-25 à mars-25", dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    ("Mars-23 à Mai-23", dt.date(2023, 3, 1), dt.date(2023, 5, 31)),
    ("Juill-23 à Aout-23", dt.date(2023, 7, 1), dt.date(2023, 8, 31)),
    ("01/2024\n07/2024", dt.date(2024, 1, 1), dt.date(2024, 7, 31)),
    ("12/25-03/26", dt.date(2025, 12, 1), dt.date(2026, 3, 31)),
    ("10/09/2025-05/2026", dt.date(2025, 9, 10), dt.date(2026, 5, 31)),
    ("mars-25 à ce jour", dt.date(2025, 3, 1), None),
    ("depuis le 02/02/2024", dt.date(2024, 2, 2), None),
    ("En cours", None, None),
    ("O7/08/2024", dt.date(2024, 8, 7), dt.date(2024, 8, 7)),
    ("07/11/2024-17/11-2024", dt.date(2024, 11, 7), dt.date(2024, 11, 17)),
    ("10/10/22 au 06/02/2023", dt.date(2022, 10, 10), dt.date(2023, 2, 6)),
    (MonthDate(dt.date(2024, 9, 1)), dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
    ("2024-2025", None, None),
    ("2022", None, None),
]


def period_forms() -> Sheet:
    """4. Every period form quoted from real tables, one per formation row."""
    lines = [
        Line(f"Réalisation {index + 1:02d}", period, ticks(1))
        for index, (period, _, _) in enumerate(PERIOD_FORMS)
    ]
    return official([Section(OFFICIAL_SECTIONS[0], lines)], session="SESSION 2026")


def identity_forms(variant: int) -> Sheet:
    """5. Identity lines as written: no scheme, "http: https://…", ▣, 2024/2025, two-word NOM."""
    section = [
        Section(OFFICIAL_SECTIONS[0], [Line("Atelier Linux", "02/10/23 au 13/10/23", ticks(1))])
    ]
    if variant == 1:
        return official(
            section,
            session="SESSION 2024/2025",
            name="NOM et prénom : Ben Farhat Mohamed-Ali",
            option=("Option :", "▣ SISR", "☐ SLAM"),
            portfolio="Adresse URL du portfolio : haddad-samuel.github.io",
        )
    return official(
        section,
        option=("Option :", "☐ SISR", "▣ SLAM"),
        portfolio="Adresse URL du portfolio : http: https://lea-martin.github.io/portfolio/",
    )


PATTERNS = {
    "1-lignes-avant-section": rows_above_first_section,
    "2-sections-renommees": renamed_sections,
    "2-sans-premiere-annee": first_year_header_missing,
    "3-couleurs-et-croix": colour_ticks,
    "3-zone-de-texte": option_by_text_box,
    "4-periodes": period_forms,
    "5-identite-a": lambda: identity_forms(1),
    "5-identite-b": lambda: identity_forms(2),
}
