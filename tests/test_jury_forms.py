"""The commission's forms as the circulaire prints them: `e4 grille` and `e4 note` run as a
person runs them (a subprocess), their PDF read back with poppler's pdftotext and pypdf,
their xlsx with openpyxl.

The official text of each form is in tests/fixtures/forms/ (extracted once from the
circulaires' PDF with `pdftotext -raw`, one printed phrase a line, see README there); it
must appear in e4's pages in the same order. Pages are also rendered to PNG next to the
official ones, in tests/artifacts/forms/, for a person to compare.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from conftest import EXAMPLES, run_e4
from e4cli.table import pdf
from jury_support import write_evaluation
from table_support import chromium

FORMS = Path(__file__).parent / "fixtures" / "forms"
ARTIFACTS = Path(__file__).parent / "artifacts" / "forms"
NAME, NUMBER = "LE GOFF Erwan", "02271834506"
# One level for each of the seven lines, every column used at least once.
LEVELS = {
    "equipe": ("Bonne maîtrise", 3),
    "B1.1": ("Non évaluable", 0),
    "B1.2": ("Non maîtrisé", 1),
    "B1.3": ("Maîtrise partielle", 2),
    "B1.4": ("Bonne maîtrise", 3),
    "B1.5": ("Excellente maîtrise", 4),
    "B1.6": ("Maîtrise partielle", 2),
}
EVALUATION = (
    'numero_commission: "17"\n'
    "date: 2026-05-19\n"
    "commission:\n  - nom: Anne Riou\n  - nom: Yann Morvan\n"
    "niveaux:\n"
    + "".join(f"  {key}: {level}\n" for key, (level, _) in LEVELS.items())
    + "note: 14\n"
    "observations:\n  presentation: Présentation claire.\n  entretien: Réponses précises.\n"
    "appreciation: Candidat rigoureux.\n"
)


@pytest.fixture(autouse=True)
def browser(monkeypatch: pytest.MonkeyPatch) -> str:
    found = chromium()
    assert found is not None, "these tests print with Chromium"
    assert shutil.which("pdftotext") and shutil.which("pdftoppm"), "poppler-utils is needed"
    monkeypatch.setenv(pdf.ENV_BROWSER, found)
    return found


def dossier(tmp_path: Path, session: int) -> Path:
    """sisr-complet, moved to `session` (2024: annexes 6-x, épreuve E4; 2026: VI-x, E5)."""
    root = tmp_path / f"sisr-{session}"
    shutil.copytree(EXAMPLES / "sisr-complet", root)
    manifest = root / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r"^session: 2027", f"session: {session}", text, flags=re.M))
    return root


def e4(*args: str) -> str:
    proc = run_e4(*args)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


def page_text(path: Path, page: int) -> str:
    """A page's text in the order the page paints it (pdftotext -raw), normalised."""
    proc = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return normalise(proc.stdout)


def normalise(text: str) -> str:
    """Apostrophes, spaces and line breaks as one: what differs between two layouts only."""
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(text.split())


def phrases(name: str) -> list[str]:
    lines = (FORMS / name).read_text(encoding="utf-8").splitlines()
    return [normalise(line) for line in lines if line.strip()]


def missing_in_order(text: str, expected: list[str]) -> list[str]:
    """The phrases not found in `text` after the previous one (empty: all there, in order)."""
    missing, at = [], 0
    for phrase in expected:
        found = text.find(phrase, at)
        if found < 0:
            missing.append(phrase)
        else:
            at = found + len(phrase)
    return missing


def render_pngs(pdf_path: Path, prefix: str) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf_path), str(ARTIFACTS / prefix)], check=True
    )
    return sorted(ARTIFACTS.glob(f"{prefix}-*.png"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, dict[str, Path]]]:
    """Per session, the grid (with and without evaluation), the fiche, the xlsx grid."""
    found = chromium()
    assert found is not None
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(pdf.ENV_BROWSER, found)
        tmp = tmp_path_factory.mktemp("forms")
        result: dict[int, dict[str, Path]] = {}
        for session in (2024, 2026):
            root = dossier(tmp, session)
            evaluation = write_evaluation(tmp / f"eval-{session}.yaml", EVALUATION)
            out = {
                "blank": tmp / f"grille-{session}.pdf",
                "grid": tmp / f"grille-{session}-evaluee.pdf",
                "fiche": tmp / f"fiche-{session}.pdf",
                "xlsx": tmp / f"grille-{session}.xlsx",
                "html": tmp / f"grille-{session}.html",
            }
            e4("grille", str(root), "-o", str(out["blank"]))
            for kind in ("grid", "xlsx", "html"):
                e4("grille", str(root), "-e", str(evaluation), "-o", str(out[kind]))
            e4("note", str(root), "-e", str(evaluation), "-o", str(out["fiche"]))
            result[session] = out
        yield result


SESSIONS = [(2024, "annexes-6"), (2026, "annexes-vi")]


@pytest.mark.parametrize(("session", "forms"), SESSIONS)
@pytest.mark.parametrize("kind", ["blank", "grid"])
def test_the_grid_prints_the_official_text_in_the_official_order(
    documents: dict[int, dict[str, Path]], session: int, forms: str, kind: str
) -> None:
    path = documents[session][kind]
    recto = missing_in_order(page_text(path, 1), phrases(f"{forms}-grille-recto.txt"))
    verso = missing_in_order(page_text(path, 2), phrases(f"{forms}-grille-verso.txt"))
    assert (recto, verso) == ([], [])


@pytest.mark.parametrize(("session", "forms"), SESSIONS)
def test_the_fiche_prints_the_official_text_in_the_official_order(
    documents: dict[int, dict[str, Path]], session: int, forms: str
) -> None:
    text = page_text(documents[session]["fiche"], 1)
    assert missing_in_order(text, phrases(f"{forms}-fiche.txt")) == []


def test_a_session_gets_its_own_circulaire_and_never_the_other(
    documents: dict[int, dict[str, Path]],
) -> None:
    e4_2024 = page_text(documents[2024]["grid"], 1)
    e4_2026 = page_text(documents[2026]["grid"], 1)
    assert "ANNEXE 6-3" in e4_2024 and "VI-3" not in e4_2024 and "Épreuve E4" in e4_2024
    assert "ANNEXE VI-3" in e4_2026 and "6-3" not in e4_2026 and "Épreuve E5" in e4_2026
    # 2024 prints the épreuve before the annex, 2026 the other way round
    assert e4_2024.index("Épreuve E4") < e4_2024.index("ANNEXE 6-3")
    assert e4_2026.index("ANNEXE VI-3") < e4_2026.index("Épreuve E5")
    fiche = page_text(documents[2024]["fiche"], 1)
    assert fiche.index("Épreuve E4") < fiche.index("ANNEXE 6-4")


@pytest.mark.parametrize("session", [2024, 2026])
def test_grid_is_recto_verso_then_annex_and_the_fiche_one_page(
    documents: dict[int, dict[str, Path]], session: int
) -> None:
    grid = PdfReader(str(documents[session]["grid"]))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in grid.pages]
    assert sizes == [(595, 842), (842, 595), (595, 842)]  # recto, verso (landscape), annex
    assert "Annexe e4 (hors circulaire)" in page_text(documents[session]["grid"], 3)
    assert "Annexe e4" not in page_text(documents[session]["grid"], 2)
    fiche = PdfReader(str(documents[session]["fiche"]))
    assert len(fiche.pages) == 1


@pytest.mark.parametrize("example", ["sisr-complet", "slam-complet"])
def test_the_verso_is_one_page_on_both_shipped_examples(tmp_path: Path, example: str) -> None:
    target = tmp_path / "g.pdf"
    e4("grille", str(EXAMPLES / example), "-o", str(target))
    reader = PdfReader(str(target))
    assert len(reader.pages) == 3
    verso = page_text(target, 2)
    assert "Grille d'aide à l'évaluation (verso)" in verso
    assert "L'identité professionnelle est pertinente et visible" in verso  # the last line


def test_every_page_carries_the_candidates_name_and_number(
    documents: dict[int, dict[str, Path]],
) -> None:
    for session in (2024, 2026):
        for kind in ("blank", "grid", "fiche"):
            path = documents[session][kind]
            for page in range(1, len(PdfReader(str(path)).pages) + 1):
                text = page_text(path, page)
                assert NAME in text and NUMBER in text, (session, kind, page)


def test_the_recto_carries_what_the_evaluation_says(
    documents: dict[int, dict[str, Path]],
) -> None:
    text = page_text(documents[2026]["grid"], 1)
    assert "N° commission : 17" in text
    assert "Date : 19/05/2026" in text
    assert "- Anne Riou - Yann Morvan" in text
    assert "NOTE 14 / 20" in text and "NOTE FINALE 14 / 20" in text
    blank = page_text(documents[2026]["blank"], 1)
    assert "Date : ...... / ...... /............" in blank
    assert "NOTE / 20" in blank and "NOTE FINALE / 20" in blank


def ticked_columns_in_pdf(path: Path) -> list[int]:
    """Per line of boxes on the verso, top to bottom, the column of its ☒ (by x position)."""
    proc = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([☐☒])</word>',
        proc.stdout,
    )
    rows: dict[int, list[tuple[float, str]]] = {}
    for x, y, mark in words:
        rows.setdefault(round(float(y) / 4), []).append((float(x), mark))
    result = []
    for _, boxes in sorted(rows.items()):
        assert len(boxes) == 5, boxes
        marks = [mark for _, mark in sorted(boxes)]
        result.append(marks.index("☒") if "☒" in marks else -1)
    return result


EXPECTED_COLUMNS = [column for _, column in LEVELS.values()]


@pytest.mark.parametrize("session", [2024, 2026])
def test_seven_levels_ticked_in_the_right_columns_in_pdf(
    documents: dict[int, dict[str, Path]], session: int
) -> None:
    assert ticked_columns_in_pdf(documents[session]["grid"]) == EXPECTED_COLUMNS
    assert ticked_columns_in_pdf(documents[session]["blank"]) == [-1] * 7


def test_seven_levels_ticked_in_the_right_columns_in_html(
    documents: dict[int, dict[str, Path]],
) -> None:
    page = documents[2026]["html"].read_text(encoding="utf-8")
    verso = page.split('<table class="decision">', 1)[1].split("</table>", 1)[0]
    ticked = re.findall(r'<td class="lvl" data-level="(\d)"><span class="box"[^>]*>☒', verso)
    assert [int(c) for c in ticked] == EXPECTED_COLUMNS
    assert verso.count("☐") == 7 * 4


@pytest.mark.parametrize("session", [2024, 2026])
def test_seven_levels_ticked_in_the_right_columns_in_xlsx(
    documents: dict[int, dict[str, Path]], session: int
) -> None:
    wb = openpyxl.load_workbook(documents[session]["xlsx"])
    assert wb.sheetnames == ["Recto", "Verso", "Annexe e4"]
    verso = wb["Verso"]
    header = next(
        r for r in verso.iter_rows(values_only=True) if str(r[0]).startswith("Niveaux de maîtrise")
    )
    assert header[1:6] == (
        "Non évaluable",
        "Non maitrisé",
        "Maitrise partielle",
        "Bonne maitrise",
        "Excellente maitrise",
    )
    rows = [r[1:6] for r in verso.iter_rows(values_only=True) if r[1] in ("☐", "☒")]
    assert [row.index("☒") for row in rows] == EXPECTED_COLUMNS
    assert sum(row.count("☒") for row in rows) == 7
    assert verso.page_setup.orientation == "landscape"
    assert verso.page_setup.fitToHeight == 1 and wb["Recto"].page_setup.fitToHeight == 1
    recto_cells = [
        v for row in wb["Recto"].iter_rows(values_only=True) for v in row if isinstance(v, str)
    ]
    assert "N° commission : 17" in recto_cells and "Date : 19/05/2026" in recto_cells


def test_xlsx_has_the_official_words_in_the_official_order(
    documents: dict[int, dict[str, Path]],
) -> None:
    for session, forms in SESSIONS:
        wb = openpyxl.load_workbook(documents[session]["xlsx"])
        for sheet, name in (("Recto", "grille-recto"), ("Verso", "grille-verso")):
            cells = [str(v) for row in wb[sheet].iter_rows(values_only=True) for v in row if v]
            text = normalise(" ".join(cells))
            assert missing_in_order(text, phrases(f"{forms}-{name}.txt")) == [], (session, sheet)


def test_an_evaluation_with_errors_gives_no_grid(tmp_path: Path) -> None:
    evaluation = write_evaluation(tmp_path / "e.yaml", "niveaux:\n  B1.1: Génial\nnote: 12\n")
    target = tmp_path / "g.pdf"
    proc = run_e4(
        "grille", str(EXAMPLES / "sisr-complet"), "-e", str(evaluation), "-o", str(target)
    )
    assert proc.returncode == 1
    assert "E004" in proc.stderr and "pas de grille" in proc.stderr
    assert not target.exists()


def test_pages_are_rendered_next_to_the_official_ones_for_a_person_to_compare(
    documents: dict[int, dict[str, Path]],
) -> None:
    pages = render_pngs(documents[2026]["grid"], "e4-grille-vi") + render_pngs(
        documents[2026]["fiche"], "e4-fiche-vi"
    )
    pages += render_pngs(documents[2024]["grid"], "e4-grille-6")
    pages += render_pngs(documents[2024]["fiche"], "e4-fiche-6")
    for name in ("grille-e5-session-2026", "grille-e4-session-2024"):
        pages += render_pngs(FORMS / f"{name}.pdf", f"officiel-{name}")
    assert len(pages) == 3 + 1 + 3 + 1 + 3 + 3 and all(p.stat().st_size > 1000 for p in pages)
