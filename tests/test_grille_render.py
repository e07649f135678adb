"""`e4 grille` in every format for the shipped examples: evidence listed, penalties pre-ticked."""

from __future__ import annotations

import html
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from conftest import EXAMPLES, run_cli
from e4cli.check.pipeline import check_dossier
from e4cli.table import pdf
from jury_support import evidence_by_competence, no_portfolio_dossier, pdf_text
from table_support import (
    HOSTILE_SCRIPT,
    build_dossier,
    chromium,
    hostile_realisations,
    in_browser,
    phone_overflow,
)

EXAMPLE_NAMES = ("sisr-complet", "slam-complet")


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> str:
    found = chromium()
    assert found is not None
    monkeypatch.setenv(pdf.ENV_BROWSER, found)
    return found


def coverage_titles(example: str) -> dict[str, list[str]]:
    """Per competency, the intitulés of the réalisations that mobilise it (from `e4 check`)."""
    result = check_dossier(EXAMPLES / example)
    assert result.dossier is not None and result.coverage is not None
    titles = {r.id: r.intitule or r.id for r in result.dossier.realisations}
    return {
        code: [titles[i] for i in comp.realisations]
        for code, comp in result.coverage.competences.items()
    }


def grille(*args: str) -> tuple[int, str, str]:
    result = run_cli("grille", *args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_html_lists_under_each_competency_its_realisations(example: str) -> None:
    code, page, err = grille(str(EXAMPLES / example))
    assert code == 0, err
    sections = evidence_by_competence(page)
    expected = coverage_titles(example)
    assert sorted(sections) == sorted(expected)
    for competence, titles in expected.items():
        assert titles, competence  # the complete examples cover everything
        for title in titles:
            assert title in sections[competence], (competence, title)
        others = {t for c, ts in expected.items() if c != competence for t in ts} - set(titles)
        for title in others:
            assert title not in sections[competence], (competence, title)
    assert "Liste des pénalités retenues" in page
    assert page.count("☒") == 2  # the form and the option; no penalty, no level ticked


def test_html_reproduces_the_recto_criteria_and_the_verso_levels() -> None:
    _, page, _ = grille(str(EXAMPLES / "sisr-complet"))
    page = html.unescape(page)
    for text in (
        "ANNEXE VI-3 : Grille d’aide à l’évaluation (recto)",
        "Tableau d’aide à l’appréciation des niveaux de maîtrise des compétences du bloc au verso",
        "Identifie et résout les erreurs et les documente",
        "Capacité à rendre compte d’un travail réalisé au sein d’une équipe projet",
        "Les mentions légales sont accessibles et conformes à la législation.",
        "Noms des membres de la commission d’interrogation",
        'Date :</span> <span class="value">...... / ...... /............',
        "ANNEXE VI-3 : Grille d’aide à l’évaluation (verso)",
    ):
        assert text in page, text
    for level in ("Non évaluable", "Non maitrisé", "Maitrise partielle", "Bonne maitrise"):
        assert page.count(level) >= 2  # criteria header and verso header
    # 7 rows (team + 6 competencies) × 5 empty level boxes, + 1 unticked form + 1 option + 2 pen.
    assert page.count("☐") == 7 * 5 + 1 + 1 + 2


def test_team_realisations_are_flagged_with_their_contribution() -> None:
    _, page, _ = grille(str(EXAMPLES / "sisr-complet"))
    sections = evidence_by_competence(page)
    assert "en équipe" in sections["B1.4"]
    assert "Contribution : J'ai été chef de projet" in sections["B1.4"]
    assert "en équipe" not in sections["B1.6"]
    team = page.split("Réalisations en équipe et contribution personnelle déclarée", 1)[1]
    team = team.split('<div class="evidence"', 1)[0]
    assert "Supervision de l&#39;infrastructure du laboratoire avec Zabbix" in team


def test_penalised_dossier_has_its_penalty_pre_ticked_in_every_format(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    code, page, err = grille(str(EXAMPLES / "casse-stages"))
    assert code == 0
    assert "☒ Absence de tableau de synthèse (2 points de pénalité)" in " ".join(
        page.replace("</span>", "").replace('<span class="box" aria-hidden="true">', "").split()
    )
    assert "☐</span> Portfolio inaccessible (10 points de pénalité)" in page
    annex = page.split("Pénalités pré-cochées par e4 check", 1)[1].split("</ul>", 1)[0]
    assert "Absence de tableau de synthèse (2 points de pénalité)" in annex and "T001" in annex
    assert "pénalités pré-cochées : Absence de tableau de synthèse (2 points, T001)" in err
    target = tmp_path / "g.xlsx"
    assert grille(str(EXAMPLES / "casse-stages"), "-o", str(target))[0] == 0
    recto = openpyxl.load_workbook(target)["Recto"]
    lines = [c for row in recto.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "☒ Absence de tableau de synthèse (2 points de pénalité)" in lines
    assert "☐ Portfolio inaccessible (10 points de pénalité)" in lines
    request.getfixturevalue("browser")
    target = tmp_path / "g.pdf"
    assert grille(str(EXAMPLES / "casse-stages"), "-o", str(target))[0] == 0
    _, text = pdf_text(target)
    assert "☒ Absence de tableau de synthèse (2 points de pénalité)" in text


def test_no_portfolio_pre_ticks_ten_points(tmp_path: Path) -> None:
    code, page, err = grille(str(no_portfolio_dossier(tmp_path / "d")))
    assert code == 0
    assert "P001 : " in page.split("Pénalités pré-cochées par e4 check", 1)[1]
    assert "☒</span> Portfolio inaccessible (10 points de pénalité)" in page
    assert "Portfolio inaccessible (10 points, P001)" in err


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_pdf_has_recto_verso_and_every_realisation_on_the_annex(
    tmp_path: Path, example: str, browser: str
) -> None:
    target = tmp_path / "grille.pdf"
    code, out, err = grille(str(EXAMPLES / example), "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert target.read_bytes().startswith(b"%PDF")
    reader, text = pdf_text(target)
    assert len(reader.pages) == 3  # recto, verso, e4's annex
    assert "Grille d’aide à l’évaluation (recto)" in text
    assert "Grille d’aide à l’évaluation (verso)" in text
    assert "Liste des pénalités retenues" in text
    annex = " ".join((reader.pages[2].extract_text() or "").split())
    for titles in coverage_titles(example).values():
        for title in titles:
            assert " ".join(title.split()) in annex, title


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_xlsx_has_recto_verso_and_annex_sheets_with_the_evidence(
    tmp_path: Path, example: str
) -> None:
    target = tmp_path / "grille.xlsx"
    code, _, err = grille(str(EXAMPLES / example), "--format", "xlsx", "-o", str(target))
    assert code == 0, err
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Recto", "Verso", "Annexe e4"]
    for ws, orientation in zip(wb, ("portrait", "landscape", "portrait"), strict=True):
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.page_setup.orientation == orientation
    annex = [c for row in wb["Annexe e4"].iter_rows(values_only=True) for c in row if c]
    for competence, titles in coverage_titles(example).items():
        start = next(i for i, c in enumerate(annex) if str(c).startswith(f"{competence} – "))
        block = " ".join(
            str(c)
            for c in annex[start + 1 :][
                : next(
                    (i for i, c in enumerate(annex[start + 1 :]) if str(c).startswith("B1.")),
                    len(annex),
                )
            ]
        )
        for title in titles:
            assert title in block, (competence, title)
    level_rows = [row for row in wb["Verso"].iter_rows(values_only=True) if row[1] == "☐"]
    assert len(level_rows) == 7 and all(row[1:6] == ("☐",) * 5 for row in level_rows)
    recto = wb["Recto"]
    header = next(row for row in recto.iter_rows(values_only=True) if row[0] == "Non évaluable")
    assert header[:5] == (
        "Non évaluable",
        "Non maitrisé",
        "Maitrise partielle",
        "Bonne maitrise",
        "Excellente maitrise",
    )


def test_xlsx_recto_has_the_identity_lines_of_the_html_grid(tmp_path: Path) -> None:
    target = tmp_path / "grille.xlsx"
    code, _, err = grille(str(EXAMPLES / "sisr-complet"), "-o", str(target))
    assert code == 0, err
    lines = [
        v
        for row in openpyxl.load_workbook(target)["Recto"].iter_rows(values_only=True)
        for v in row
        if isinstance(v, str)
    ]
    assert "Nom, prénom : LE GOFF Erwan" in lines
    assert "Épreuve ponctuelle ☒" in lines and "Contrôle en cours de formation ☐" in lines
    assert "OPTION SISR ☒" in lines and "OPTION SLAM ☐" in lines


def print_scale(ws: openpyxl.worksheet.worksheet.Worksheet) -> float:
    """The scale Excel prints a sheet at, fitted to one A4 page wide in its orientation."""
    used = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)]
    pixels = sum(width * 7 + 5 for width in used)  # Excel: 7 px a character, 5 px of margin
    margins = ws.page_margins.left + ws.page_margins.right
    paper = 11.69 if ws.page_setup.orientation == "landscape" else 8.27
    return min(1.0, (paper - margins) * 96 / pixels)


def test_xlsx_prints_its_small_text_at_a_readable_size(tmp_path: Path) -> None:
    # The verso's indicators are 7.5 pt: below 80 %, they would print under 6 pt.
    target = tmp_path / "grille.xlsx"
    code, _, err = grille(str(EXAMPLES / "sisr-complet"), "-o", str(target))
    assert code == 0, err
    wb = openpyxl.load_workbook(target)
    assert [round(print_scale(ws), 2) >= 0.8 for ws in wb] == [True, True, True]


def test_html_escapes_a_script_in_a_title(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", hostile_realisations())
    code, page, _ = grille(str(root))
    assert code == 0
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert HOSTILE_SCRIPT not in page


def test_xlsx_never_turns_a_title_into_a_formula(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", hostile_realisations())
    target = tmp_path / "g.xlsx"
    assert grille(str(root), "-o", str(target))[0] == 0
    wb = openpyxl.load_workbook(target)
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate


def test_on_a_phone_the_grid_does_not_scroll_sideways() -> None:
    code, page, err = grille(str(EXAMPLES / "sisr-complet"))
    assert code == 0, err
    assert phone_overflow(page) == 0


def test_every_bullet_of_the_grid_is_drawn_inside_its_cell() -> None:
    # A list marker drawn "outside" hangs into the cell's padding and, in print, on its border.
    code, page, err = grille(str(EXAMPLES / "sisr-complet"))
    assert code == 0, err
    outside = (
        "Array.from(document.querySelectorAll('li')).filter(li => {"
        " const s = getComputedStyle(li);"
        " return s.listStyleType !== 'none' && s.listStylePosition === 'outside'; }).length"
    )
    assert in_browser(page, outside, 1400) == "0"
