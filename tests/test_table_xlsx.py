"""The .xlsx table: a sheet like the official model, and the official model filled in."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from conftest import EXAMPLES, ROOT, run_cli, run_e4
from e4cli.table import xlsx
from e4cli.table.source import load_table
from table_support import (
    HOSTILE_FORMULAS,
    build_dossier,
    hostile_realisations,
    realisation,
    standard_realisations,
)

MODEL = ROOT / "tests" / "fixtures" / "tableau-e4-2024-slam.xlsx"
SECTIONS = (
    "Réalisation en cours de formation",
    "Réalisations en milieu professionnel en cours de première année",
    "Réalisations en milieu professionnel en cours de seconde année",
)
COMPETENCES = (
    "Gérer le patrimoine informatique",
    "Répondre aux incidents et aux demandes d'assistance et d'évolution",
    "Développer la présence en ligne de l'organisation",
    "Travailler en mode projet",
    "Mettre à disposition des utilisateurs un service informatique",
    "Organiser son développement professionnel",
)
# Réalisations of the candidate who filled the fixture: none may remain.
OLD_ROWS = (
    "Création d'une entreprise fictive virtuelle (AP-1)",
    "Projet NoSQL",
    "Implémentation d'une API REST",
    "Développement d'un site vitrine en HTML, CSS, JavaScript",
    "DURAND Camille",
    "01234567890",
)


def plain(value: object) -> str:
    """Cell text as compared here: one line, straight apostrophes, section label variants."""
    if value is None:
        return ""
    text = " ".join(str(value).replace("’", "'").split())
    return text.replace("Réalisations en cours", "Réalisation en cours").replace(
        "deuxième année", "seconde année"
    )


def read_table(ws: Worksheet) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Section label → rows (first line of the intitulé, période, ticked competencies).

    Found as a reader would: by the labels, not by coordinates.
    """
    header_row, columns = 0, {}
    for row in ws.iter_rows():
        for cell in row:
            if plain(cell.value) in COMPETENCES:
                columns[cell.column] = plain(cell.value)
                header_row = cell.row
    assert len(columns) == 6
    period_col = next(
        c.column for row in ws.iter_rows() for c in row if plain(c.value).startswith("Période")
    )
    real_col = next(c.column for row in ws.iter_rows() for c in row if plain(c.value) in SECTIONS)
    result: dict[str, list[tuple[str, str, list[str]]]] = {}
    current: str | None = None
    for r in range(header_row + 1, ws.max_row + 1):
        first = plain(ws.cell(r, real_col).value)
        if first in SECTIONS:
            current = first
            result[current] = []
            continue
        if not first:
            continue
        assert current is not None
        ticks = [name for col, name in columns.items() if ws.cell(r, col).value == "x"]
        title = str(ws.cell(r, real_col).value).split("\n")[0]
        result[current].append((title, plain(ws.cell(r, period_col).value), ticks))
    return result


def expected(root: Path) -> dict[str, list[tuple[str, str, list[str]]]]:
    model = load_table(root).model
    assert model is not None
    return {
        section.label: [
            (
                row.intitule,
                row.periode,
                [c.label for c, t in zip(model.columns, row.ticks, strict=True) if t],
            )
            for row in section.rows
        ]
        for section in model.sections
    }


def all_text(ws: Worksheet) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


# -- a new sheet ----------------------------------------------------------------


def test_new_sheet_reproduces_the_official_layout(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", standard_realisations(6))
    target = tmp_path / "t.xlsx"
    assert run_cli("table", str(root), "-o", str(target)).exit_code == 0
    wb = openpyxl.load_workbook(target)
    ws = wb.active
    assert ws is not None
    assert ws.title == "Tableau de synthèse Épreuve E5"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:F1", "G1:H1", "A2:H2", "A3:E3", "F3:H3", "A5:H5", "A6:A7", "B6:B7"} <= merged
    assert ws["A1"].value == "BTS SERVICES INFORMATIQUES AUX ORGANISATIONS"
    assert ws["G1"].value == "SESSION 2026"
    assert ws["A2"].value == "Tableau de synthèse des réalisations professionnelles"
    assert ws["A3"].value == "NOM et prénom : MARTIN Léa"
    assert ws["F3"].value == "N° candidat : 02248211114"
    assert ws["A4"].value.startswith("Centre de formation : Lycée Félix")
    assert (ws["F4"].value, ws["G4"].value, ws["H4"].value) == ("Option :", "☒ SISR", "☐ SLAM")
    assert ws["A5"].value.startswith("Adresse URL du portfolio : https://")
    assert ws["B6"].alignment.textRotation == 90
    assert [plain(ws.cell(6, c).value) for c in range(3, 9)] == list(COMPETENCES)
    assert ws["C7"].value.startswith("▸Recenser et identifier les ressources numériques\n▸")
    assert all(ws.cell(7, c).alignment.wrap_text for c in range(3, 9))
    assert ws["A8"].value == SECTIONS[0] and "A8:H8" in merged
    assert read_table(ws) == expected(root)
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$6:$7"


def test_session_2024_gives_the_e4_sheet(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", standard_realisations(2), session=2024)
    model = load_table(root).model
    assert model is not None
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(model)))
    assert wb.sheetnames == ["Tableau de synthèse Épreuve E4"]


def test_an_empty_section_keeps_its_row(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", {"01": realisation("Seule")})
    model = load_table(root).model
    assert model is not None
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.render(model))).active
    assert ws is not None
    assert read_table(ws) == {
        SECTIONS[0]: [("Seule", "07/10/24 au 22/11/24", [COMPETENCES[0]])],
        SECTIONS[1]: [],
        SECTIONS[2]: [],
    }


def test_titles_are_never_formulas_in_xlsx(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", hostile_realisations())
    model = load_table(root).model
    assert model is not None
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.render(model))).active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    text = all_text(ws)
    for formula in HOSTILE_FORMULAS:
        assert formula in text
    first_cells = [c for c in cells if c.column == 1 and str(c.value).startswith("=")]
    assert first_cells and all(c.data_type == "s" for c in first_cells)
    long_row = next(c for c in cells if str(c.value).startswith("Réalisation au titre"))
    assert long_row.alignment.wrap_text
    assert ws.row_dimensions[long_row.row].height > 40  # grown to show the wrapped title


@pytest.mark.parametrize("example", ["sisr-complet", "slam-complet"])
def test_examples_reopen_with_each_row_in_its_section(tmp_path: Path, example: str) -> None:
    target = tmp_path / "t.xlsx"
    assert run_cli("table", str(EXAMPLES / example), "-o", str(target)).exit_code == 0
    ws = openpyxl.load_workbook(target).active
    assert ws is not None
    assert read_table(ws) == expected(EXAMPLES / example)


# -- the official model filled ----------------------------------------------------


def test_template_fills_the_real_model_and_removes_the_old_candidate(tmp_path: Path) -> None:
    root = EXAMPLES / "slam-complet"
    target = tmp_path / "rempli.xlsx"
    proc = run_e4("table", str(root), "--template", str(MODEL), "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(target).active
    assert ws is not None
    assert ws.title == "Tableau de synthèse Épreuve E4"  # the model's own sheet
    assert read_table(ws) == expected(root)
    text = all_text(ws)
    for old in OLD_ROWS:
        assert old not in text
    assert "NOM et prénom : KERBRAT Nolwenn" in text
    assert "N° candidat : 02260417389" in text
    assert "SESSION 2026" in text
    assert "☒ SLAM" in text and "☐ SISR" in text
    assert "Adresse URL du portfolio : https://nolwenn-kerbrat.github.io/" in text
    first = next(r for r in range(1, ws.max_row + 1) if plain(ws.cell(r, 1).value) == SECTIONS[0])
    assert ws.cell(first, 1).value == SECTIONS[0]  # the model's trailing line breaks are gone
    for row in ws.iter_rows(min_row=first, max_col=8):
        for cell in row:
            assert cell.fill.fill_type is None  # the old candidate's highlighting is gone
            if cell.value == "x":
                assert cell.font.sz == 20 and cell.font.b


def test_template_inserts_rows_when_a_section_overflows(tmp_path: Path) -> None:
    # The model has 12 rows for formation, 2 for the first year, 4 for the second.
    root = build_dossier(tmp_path / "d", standard_realisations(15))
    target = tmp_path / "rempli.xlsx"
    assert run_cli("table", str(root), "--template", str(MODEL), "-o", str(target)).exit_code == 0
    ws = openpyxl.load_workbook(target).active
    assert ws is not None
    assert read_table(ws) == expected(root)
    assert [len(rows) for rows in read_table(ws).values()] == [5, 5, 5]
    merged = {str(r) for r in ws.merged_cells.ranges}
    rows = {plain(ws.cell(r, 1).value): r for r in range(1, ws.max_row + 1)}
    second, third = rows[SECTIONS[1]], rows[SECTIONS[2]]
    assert f"A{second}:H{second}" in merged and f"A{third}:H{third}" in merged
    assert third == second + 6  # five rows in the first year, where the model had two
    last = third + 5
    assert ws.print_area == f"'{ws.title}'!$A$1:$H${last + 1}"
    assert ws.cell(last, 3).border.left.style == "thin"  # inserted rows keep the model's style
    assert ws.row_dimensions[second + 5].height >= 40
    for old in OLD_ROWS:
        assert old not in all_text(ws)


def other_school_model(path: Path) -> None:
    """A model laid out differently: shifted, labels alone, one option cell, variants."""
    from openpyxl.styles import Border, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Annexe VI-1"
    ws["B1"] = "SESSION 20__"
    ws["B2"] = "NOM et prénom :"
    ws["B3"] = "N° candidat :"
    ws["B4"] = "Centre de formation :"
    ws["B5"] = "Option : ☐ SISR ☐ SLAM"
    ws["B7"] = "Réalisations professionnelles"
    ws["C7"] = "Période"
    for offset, label in enumerate(COMPETENCES):
        ws.cell(7, 4 + offset, label.replace("'", "’"))
    thin = Side(style="thin")
    layout = {
        8: "Réalisations en cours de formation",
        11: "Réalisations en milieu professionnel en cours de première année",
        13: "Réalisations en milieu professionnel en cours de deuxième année",
    }
    for r in range(8, 15):
        if r in layout:
            ws.cell(r, 2, layout[r])
        for c in range(2, 10):
            ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.save(path)


def test_template_finds_labels_wherever_the_model_puts_them(tmp_path: Path) -> None:
    model = tmp_path / "autre-modele.xlsx"
    other_school_model(model)
    root = build_dossier(tmp_path / "d", standard_realisations(6))
    target = tmp_path / "rempli.xlsx"
    result = run_cli("table", str(root), "--template", str(model), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(target).active
    assert ws is not None
    found = read_table(ws)
    assert list(found.values()) == list(expected(root).values())
    assert ws["B1"].value == "SESSION 2026"
    assert ws["B2"].value == "NOM et prénom : MARTIN Léa"
    assert ws["B3"].value == "N° candidat : 02248211114"
    assert ws["B5"].value == "Option : ☒ SISR   ☐ SLAM"
    assert ws.cell(9, 4).value == "x"  # first réalisation ticks B1.1 in the shifted column


def test_template_refuses_a_workbook_that_is_not_the_model(tmp_path: Path) -> None:
    other = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Budget du BDE"
    wb.save(other)
    root = build_dossier(tmp_path / "d", standard_realisations(2))
    proc = run_e4("table", str(root), "--template", str(other), "-o", str(tmp_path / "o.xlsx"))
    assert proc.returncode == 2
    assert "n'est pas un modèle de tableau de synthèse reconnu" in proc.stderr
    assert "« NOM et prénom »" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o.xlsx").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("modele.xlsx", b"pas un zip", "n'est pas un classeur .xlsx lisible"),
        ("modele.xls", b"\xd0\xcf\x11\xe0", "n'est pas un classeur .xlsx"),
        ("absent.xlsx", None, "introuvable"),
    ],
)
def test_template_refuses_unreadable_files(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    template = tmp_path / name
    if content is not None:
        template.write_bytes(content)
    root = build_dossier(tmp_path / "d", standard_realisations(2))
    proc = run_e4("table", str(root), "--template", str(template), "-o", str(tmp_path / "o.xlsx"))
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_template_output_may_replace_the_model_itself(tmp_path: Path) -> None:
    model = tmp_path / "tableau.xlsx"
    shutil.copy(MODEL, model)
    root = build_dossier(tmp_path / "d", standard_realisations(3))
    assert run_cli("table", str(root), "--template", str(model), "-o", str(model)).exit_code == 0
    ws = openpyxl.load_workbook(model).active
    assert ws is not None
    assert read_table(ws) == expected(root)


def test_template_neutralises_formulas(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", hostile_realisations())
    target = tmp_path / "rempli.xlsx"
    assert run_cli("table", str(root), "--template", str(MODEL), "-o", str(target)).exit_code == 0
    ws = openpyxl.load_workbook(target).active
    assert ws is not None
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row if c.value is not None)
