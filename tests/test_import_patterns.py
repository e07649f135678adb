"""`e4 import` on tables as real students fill them: each pattern, .xlsx, .ods and PDF.

Every fixture is built here (tests/pattern_tables.py) with the cell contents
quoted from real files; the invariant test checks that each non-empty cell of
each of them ends up in the imported dossier, and, when it was not understood,
in a comment and in the import report.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_e4
from e4cli.check.pipeline import check_dossier
from e4cli.dossier.load import load_dossier
from e4cli.dossier.referential import load_referential
from e4cli.importer import ods as odsreader
from e4cli.importer.reader import OfficialTable, TableReadError, read_table
from e4cli.util.textnorm import fold
from import_support import COMPETENCES, FIXTURE
from pattern_tables import (
    DNS,
    PATTERNS,
    PERIOD_FORMS,
    Line,
    Section,
    Sheet,
    cell_name,
    official,
    to_ods,
    to_xlsx,
)

FORMATS = ("xlsx", "ods")
XLSX_ONLY = {"3-zone-de-texte"}  # shapes over an .ods sheet are not read (see README)
CASES = [
    (name, fmt) for name in PATTERNS for fmt in FORMATS if fmt == "xlsx" or name not in XLSX_ONLY
]


def build(tmp_path: Path, name: str, fmt: str) -> tuple[Sheet, Path]:
    sheet = PATTERNS[name]()
    path = tmp_path / f"{name}.{fmt}"
    (to_xlsx if fmt == "xlsx" else to_ods)(sheet, path)
    return sheet, path


def read(tmp_path: Path, name: str, fmt: str) -> OfficialTable:
    return read_table(build(tmp_path, name, fmt)[1], load_referential())


def import_cli(table: Path, target: Path) -> str:
    result = run_e4("import", str(table), str(target))
    assert result.returncode == 0, result.stderr
    return result.stdout


def by_title(table: OfficialTable) -> dict[str, tuple[str, list[str]]]:
    return {r.intitule or "": (r.section, r.codes()) for r in table.rows}


# -- 1. rows above the first section label ------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_above_the_first_section_are_formation_and_said_so(tmp_path: Path, fmt: str) -> None:
    table = read(tmp_path, "1-lignes-avant-section", fmt)
    rows = by_title(table)
    assert len(table.rows) == 12
    assert rows[DNS.strip()] == ("formation", ["B1.1", "B1.2", "B1.5"])
    before = [r for r in table.rows if r.sheet_row < 18]
    assert len(before) == 9 and all(r.section == "formation" and r.notes for r in before)
    assert any("9 ligne(s) avant la première section" in n.message for n in table.notes)
    # An unknown section label is reported, never a réalisation; its rows are kept.
    assert "Autres (divers)" not in rows
    assert rows["Projet tutoré"] == ("formation", ["B1.4"])
    assert any("« Autres (divers) » non reconnue" in n.message for n in table.notes)
    assert rows["Stage : migration de serveurs"][0] == "stage-annee-1"


# -- 2. sections renamed by the school --------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_renamed_sections_are_read_by_meaning(tmp_path: Path, fmt: str) -> None:
    table = read(tmp_path, "2-sections-renommees", fmt)
    rows = by_title(table)
    assert len(table.rows) == 5  # the four labels are sections, not réalisations
    assert rows["TP routage inter-VLAN"][0] == "formation"
    assert rows["Serveur Minecraft auto-hébergé"][0] == "formation"
    assert rows["AP : site de la M2L"][0] == "formation"
    # "Réalisations en entreprise" names no year: each row's period against SESSION 2025.
    assert rows["Refonte du réseau de l'agence"][0] == "stage-annee-1"
    assert rows["Déploiement d'un intranet"][0] == "stage-annee-2"
    assert [s.key for s in table.sections] == ["formation", "formation", "formation", "stage"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_first_year_header_the_periods_tell_the_year(tmp_path: Path, fmt: str) -> None:
    table = read(tmp_path, "2-sans-premiere-annee", fmt)
    rows = {r.intitule: r for r in table.rows}
    first, second = rows["Stage 1 : câblage et brassage"], rows["Stage 2 : supervision Centreon"]
    assert (first.section, second.section) == ("stage-annee-1", "stage-annee-2")
    assert "première année d'après la période" in first.notes[0] and not second.notes


# -- 3. ticks without text ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_ticks_by_colour_and_by_diagonal_crosses(tmp_path: Path, fmt: str) -> None:
    table = read(tmp_path, "3-couleurs-et-croix", fmt)
    rows = {r.intitule: r for r in table.rows}
    assert rows["Gestion des incidents"].codes() == ["B1.1", "B1.2"]  # black fills
    assert rows["Site vitrine WordPress"].codes() == ["B1.3", "B1.4"]  # blue FF0070C0
    assert rows["Déploiement d'une VM"].codes() == ["B1.1", "B1.5"]  # X drawn with borders
    assert rows["Stage : inventaire"].codes() == ["B1.1"]
    assert rows["Stage : sauvegardes"].codes() == ["B1.5"]
    # A row highlighted in yellow: only its written x count.
    assert rows["Projet surligné en jaune"].codes() == ["B1.1", "B1.4"]
    drawn = {t.drawn for r in table.rows for t in r.ticks.values()}
    assert drawn == {"", "fond", "croix"}
    messages = " ".join(n.message for n in table.notes)
    assert "couleur de fond" in messages and "croix" in messages


def test_the_option_and_a_tick_drawn_as_text_boxes(tmp_path: Path) -> None:
    table = read(tmp_path, "3-zone-de-texte", "xlsx")
    assert table.identity.option == "SISR"  # an "X" text box over "☐ SISR"
    assert table.rows[0].codes() == ["B1.1", "B1.2"]
    assert table.rows[0].ticks["B1.2"].drawn == "dessin"
    assert any("zone de texte" in n.message for n in table.notes)


# -- 4. periods ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_period_form_quoted_from_real_tables(tmp_path: Path, fmt: str) -> None:
    table = read(tmp_path, "4-periodes", fmt)
    assert len(table.rows) == len(PERIOD_FORMS)
    for row, (written, debut, fin) in zip(table.rows, PERIOD_FORMS, strict=True):
        assert (row.period.debut, row.period.fin) == (debut, fin), written
    by_raw = {
        str(form): row.period for row, (form, _, _) in zip(table.rows, PERIOD_FORMS, strict=True)
    }
    assert by_raw["mars-25 à ce jour"].open_end and by_raw["En cours"].open_end
    assert not by_raw["2024-2025"].understood and "une année" in by_raw["2024-2025"].notes[0]
    assert any("faute de frappe" in n for n in by_raw["O7/08/2024"].notes)


def test_an_open_end_leaves_the_end_to_write(tmp_path: Path) -> None:
    sheet = official(
        [Section("Réalisation en cours de formation", [Line("Veille", "mars-25 à ce jour", ["x"])])]
    )
    target = tmp_path / "d"
    report = import_cli(to_xlsx(sheet, tmp_path / "t.xlsx"), target)
    text = next((target / "realisations").glob("*.yaml")).read_text(encoding="utf-8")
    assert "  debut: 2025-03-01\n  # fin: AAAA-MM-JJ   # À COMPLÉTER" in text
    assert "fin à écrire" in report
    real = load_dossier(target).dossier
    assert real is not None and real.realisations[0].debut == dt.date(2025, 3, 1)


# -- 5. identity -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_identity_lines_as_written(tmp_path: Path, fmt: str) -> None:
    a = read(tmp_path, "5-identite-a", fmt).identity
    assert a.portfolio_url == "https://haddad-samuel.github.io"
    assert (a.option, a.session) == ("SISR", 2025)  # ▣ SISR; SESSION 2024/2025
    assert a.name.note is not None  # "Ben Farhat Mohamed-Ali": the split is flagged
    b = read(tmp_path, "5-identite-b", fmt).identity
    assert (b.portfolio_url, b.option) == ("https://lea-martin.github.io/portfolio/", "SLAM")


# -- 6. the file's name lies -------------------------------------------------------------------


def test_a_workbook_named_pdf_is_read_by_its_content(tmp_path: Path) -> None:
    liar = tmp_path / "Tableau de synthese (2).pdf"
    shutil.copy(FIXTURE, liar)
    report = import_cli(liar, tmp_path / "d")
    assert "c'est un classeur Excel (.xlsx)" in report
    assert len(list((tmp_path / "d" / "realisations").glob("*.yaml"))) == 18


# -- .ods: bounds, round trip ----------------------------------------------------------------


def test_ods_runs_of_a_million_rows_are_never_expanded(tmp_path: Path) -> None:
    sheet = official(
        [
            Section(
                "Réalisation en cours de formation",
                [Line("Atelier", "01/10/24 au 02/10/24", ["x"])],
            )
        ]
    )
    path = to_ods(sheet, tmp_path / "t.ods", trailing_repeats=1_048_000)
    ws = odsreader.read_ods(path).worksheets[0]
    assert ws.max_row <= odsreader.MAX_ROWS and ws.max_column <= odsreader.MAX_COLS
    assert [r.intitule for r in read_table(path, load_referential()).rows] == ["Atelier"]


def test_a_broken_ods_is_a_clear_error(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "t.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", odsreader_mime())
        archive.writestr("content.xml", "<not xml")
    with pytest.raises(TableReadError, match=r"pas un classeur \.ods lisible"):
        read_table(path, load_referential())


def odsreader_mime() -> str:
    from e4cli.importer.sniff import ODS_MIME

    return ODS_MIME


def same_rows(a: OfficialTable, b: OfficialTable) -> None:
    def rows(t: OfficialTable) -> list[tuple[object, ...]]:
        return [(r.intitule, r.section, r.period.debut, r.period.fin, r.codes()) for r in t.rows]

    assert rows(a) == rows(b)


@pytest.mark.parametrize("name", ["1-lignes-avant-section", "3-couleurs-et-croix", "4-periodes"])
def test_ods_imports_and_round_trips_through_xlsx(tmp_path: Path, name: str) -> None:
    _, path = build(tmp_path, name, "ods")
    target = tmp_path / "d"
    import_cli(path, target)
    out = tmp_path / "again.xlsx"
    result = run_e4("table", str(target), "--format", "xlsx", "--output", str(out))
    assert result.returncode == 0, result.stderr
    ref = load_referential()
    original, again = read_table(path, ref), read_table(out, ref)

    # The open ends and year-only periods come back empty: the dossier has no end yet.
    def comparable(t: OfficialTable) -> list[tuple[object, ...]]:
        return sorted(
            (r.section, str(r.intitule), r.codes(), r.period.debut if r.period.fin else None)
            for r in t.rows
        )

    assert comparable(original) == comparable(again)


# -- PDF -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The official layout printed by e4 itself from a complete dossier."""
    out = tmp_path_factory.mktemp("pdf") / "tableau.pdf"
    result = run_e4(
        "table", str(EXAMPLES / "slam-complet"), "--format", "pdf", "--output", str(out)
    )
    assert result.returncode == 0, result.stderr
    return out


def dossier_rows() -> list[tuple[str, str | None, list[str], dt.date | None, dt.date | None]]:
    dossier = load_dossier(EXAMPLES / "slam-complet").dossier
    assert dossier is not None
    from e4cli.table.model import build_table

    model = build_table(dossier)
    codes = [c.code for c in model.columns]
    return [
        (
            row.intitule,
            section.key,
            [c for c, t in zip(codes, row.ticks, strict=True) if t],
            row.debut,
            row.fin,
        )
        for section in model.sections
        for row in section.rows
    ]


def test_a_pdf_printed_from_the_model_reads_like_the_dossier(printed: Path) -> None:
    table = read_table(printed, load_referential())
    assert table.format == "pdf"
    got = [(r.intitule, r.section, r.codes(), r.period.debut, r.period.fin) for r in table.rows]
    assert got == dossier_rows()
    ident = table.identity
    assert (ident.name.nom, ident.option, ident.session) == ("KERBRAT", "SLAM", 2026)


def hand_made(printed_html: str, how: str) -> str:
    mark = re.compile(
        r'(<td class="tick on" data-label="(B\d\.\d)[^"]*">)<span class="mark">x</span>'
    )
    if how == "codes":  # the competency's item code written instead of x
        return mark.sub(
            lambda m: f'{m.group(1)}<span class="mark">{m.group(2)}.3</span>', printed_html
        )
    if how == "tiny":  # the x in a 3.8 pt font
        return printed_html.replace("</style>", "td.tick .mark { font-size: 3.8pt; }</style>", 1)
    cross = (
        '<svg width="10" height="10"><line x1="0" y1="0" x2="10" y2="10" stroke="black"/>'
        '<line x1="10" y1="0" x2="0" y2="10" stroke="black"/></svg>'
    )
    return mark.sub(lambda m: m.group(1) + cross, printed_html)  # crosses drawn as vectors


@pytest.mark.parametrize("how", ["codes", "tiny", "vectors"])
def test_hand_made_pdf_variants(tmp_path: Path, how: str) -> None:
    from e4cli.table.pdf import print_html

    html = tmp_path / "t.html"
    result = run_e4(
        "table", str(EXAMPLES / "slam-complet"), "--format", "html", "--output", str(html)
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(print_html(hand_made(html.read_text(encoding="utf-8"), how)))
    table = read_table(pdf, load_referential())
    assert [(r.intitule, r.codes()) for r in table.rows] == [
        (t, c) for t, _, c, _, _ in dossier_rows()
    ]
    if how == "codes":
        items = {i for r in table.rows for t in r.ticks.values() for i in t.items}
        assert items and all(i.endswith(".3") for i in items)
        target = tmp_path / "d"
        import_cli(pdf, target)
        assert "  - B1.1.3   # item de B1.1" in (target / "realisations").joinpath(
            sorted(p.name for p in (target / "realisations").glob("*.yaml"))[0]
        ).read_text(encoding="utf-8")
    if how == "vectors":
        assert all(t.drawn == "croix" for r in table.rows for t in r.ticks.values() if t.ticked)


def test_a_scanned_pdf_says_it_has_no_text(tmp_path: Path) -> None:
    from e4cli.table.pdf import print_html

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(
        print_html(
            '<html><body><div style="width:300px;height:200px;background:#888"></div></body></html>'
        )
    )
    result = run_e4("import", str(scan), str(tmp_path / "d"))
    assert result.returncode == 2
    assert "PDF sans texte" in result.stderr and "scan" in result.stderr
    assert not (tmp_path / "d").exists()


def test_a_pdf_imports_and_round_trips_through_xlsx(tmp_path: Path, printed: Path) -> None:
    target = tmp_path / "d"
    import_cli(printed, target)
    out = tmp_path / "again.xlsx"
    assert run_e4("table", str(target), "--format", "xlsx", "--output", str(out)).returncode == 0
    same_rows(read_table(printed, load_referential()), read_table(out, load_referential()))


# -- T003 compares .ods and PDF tables ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ods", "pdf"])
def test_t003_compares_ods_and_pdf_tables(tmp_path: Path, fmt: str, printed: Path) -> None:
    if fmt == "ods":
        _, table = build(tmp_path, "3-couleurs-et-croix", "ods")
    else:
        table = printed
    target = tmp_path / "d"
    import_cli(table, target)
    shutil.copy(table, target / f"tableau.{fmt}")
    manifest = target / "dossier.yaml"
    text = re.sub(
        r"^# tableau: .*?   #",
        f"tableau: tableau.{fmt}   #",
        manifest.read_text(encoding="utf-8"),
        flags=re.M,
    )
    manifest.write_text(text, encoding="utf-8")
    assert [f for f in check_dossier(target).findings if f.code == "T003"] == []
    first = sorted((target / "realisations").glob("*.yaml"))[0]
    first.write_text(
        first.read_text(encoding="utf-8").replace("competences:\n", "competences:\n  - B1.6\n", 1),
        encoding="utf-8",
    )
    found = [f for f in check_dossier(target).findings if f.code == "T003"]
    assert len(found) == 1 and "B1.6" in found[0].message


# -- the invariant: nothing is lost --------------------------------------------------------------


def files_by_row(target: Path) -> tuple[dict[int, str], str]:
    rows: dict[int, str] = {}
    for path in (target / "realisations").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"ligne (\d+)\n", text)
        assert match, path
        rows[int(match.group(1))] = text
    return rows, (target / "dossier.yaml").read_text(encoding="utf-8")


def values_and_comments(text: str) -> tuple[str, str]:
    values, comments = [], []
    for line in text.splitlines():
        head, sep, tail = line.partition("#")
        if line.lstrip().startswith("#"):
            comments.append(line)
        else:
            values.append(head)
            if sep:
                comments.append(tail)
    return fold("\n".join(values)), fold("\n".join(comments))


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{n}.{f}" for n, f in CASES])
def test_every_non_empty_cell_ends_up_in_the_dossier(tmp_path: Path, name: str, fmt: str) -> None:
    sheet, path = build(tmp_path, name, fmt)
    target = tmp_path / "d"
    report = fold(import_cli(path, target))
    rows, manifest = files_by_row(target)
    codes = [code for code, _ in COMPETENCES]
    for (r, c), value in sorted(sheet.cells.items()):
        text = str(value).strip() if not isinstance(value, dt.datetime) else value.strftime("%m/%Y")
        where = cell_name(r, c)
        if r <= sheet.header_end or (r not in sheet.body and r not in sheet.label_rows):
            continue  # the model's own headings, and text under the table
        if r in sheet.label_rows:  # a section label: listed, with what it became
            assert fold(text) in fold(manifest), where
            continue
        assert r in rows, f"{where}: row {r} was dropped"
        file = rows[r]
        values, comments = values_and_comments(file)
        if c == 1:
            for line in text.splitlines():
                assert fold(line) in fold(file), where
        elif c == 2:
            in_values = "periode:" in values and "debut:" in values
            assert in_values or fold(text) in comments, where
            if not in_values or "# fin:" in file:
                assert f"({fold(where)})" in report, where  # not (wholly) understood: reported
        else:
            code = codes[c - 3]
            ticked = f"- {fold(code)}" in values
            assert ticked or fold(text) in comments, where
            if not ticked:
                assert f"({fold(where)})" in report, where
    for r, c in sorted(sheet.fills) + sorted(sheet.crosses):
        if r in sheet.body and c >= 3 and sheet.fills.get((r, 1)) is None:
            assert f"- {fold(codes[c - 3])}" in values_and_comments(rows[r])[0], cell_name(r, c)
    for r, c, _ in sheet.shapes:
        assert cell_name(r, c) in report.upper()
    # Every note of every file is in the report, cell by cell.
    for file in rows.values():
        for cell in re.findall(r"# À vérifier \(([A-Z]+\d+(?::[A-Z]+\d+)?)\)", file):
            assert f"({fold(cell)})" in report, cell
