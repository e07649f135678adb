"""T003: the `tableau:` .xlsx is read like `e4 import` reads it and compared with the data."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli
from e4cli.check.pipeline import check_dossier
from e4cli.rules.findings import Finding
from import_support import FIXTURE


def t003(root: Path) -> list[Finding]:
    return [f for f in check_dossier(root).findings if f.code == "T003"]


def imported_with_table(tmp_path: Path) -> Path:
    target = tmp_path / "d"
    assert run_cli("import", str(FIXTURE), str(target)).exit_code == 0
    shutil.copy(FIXTURE, target / "tableau.xlsx")
    manifest = target / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert f"# tableau: {FIXTURE.name}   #" in text  # the table it came from, to declare
    manifest.write_text(text.replace(f"# tableau: {FIXTURE.name}", "tableau: tableau.xlsx"))
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_imported_dossier_matches_its_own_table(tmp_path: Path) -> None:
    assert t003(imported_with_table(tmp_path)) == []


def test_each_difference_names_its_row(tmp_path: Path) -> None:
    root = imported_with_table(tmp_path)
    reals = sorted((root / "realisations").glob("*.yaml"))
    edit(reals[0], "  - B1.3 ", "  - B1.2 ")  # row 9: another tick
    edit(reals[14], "debut: 2023-12-11", "debut: 2023-12-12")  # row 25: another period
    edit(reals[1], "cadre: formation", "cadre: stage\nstage: stage1")  # row 10: another section
    reals[17].unlink()  # row 28 "Projet NoSQL": in the table only
    (root / "realisations" / "19-nouveau.yaml").write_text(
        "intitule: Nouveau projet\ncadre: formation\n", encoding="utf-8"
    )
    found = {(f.location.path, f.location.line): f.message for f in t003(root)}
    assert len(found) == 5
    by_file = {path: message for (path, _), message in found.items()}
    assert "B1.3" in by_file[f"realisations/{reals[0].name}"]
    assert "ligne 9 du tableau" in by_file[f"realisations/{reals[0].name}"]
    assert "11/12/2023 au 26/01/2024" in by_file[f"realisations/{reals[14].name}"]
    assert "ligne 10 du tableau" in by_file[f"realisations/{reals[1].name}"]
    assert "première année" in by_file[f"realisations/{reals[1].name}"]
    assert "« Projet NoSQL »" in by_file["dossier.yaml"] and "ligne 28" in by_file["dossier.yaml"]
    assert "n'est pas dans le tableau" in by_file["realisations/19-nouveau.yaml"]
    lines = dict(found.keys())
    assert lines[f"realisations/{reals[0].name}"] == 10  # the line of `competences:`


def test_a_table_made_by_e4_table_matches(
    tmp_path: Path, make_dossier: Callable[..., Path]
) -> None:
    root = make_dossier()
    assert run_cli("table", str(root), "-o", str(root / "tableau.xlsx")).exit_code == 0
    edit(root / "dossier.yaml", "session: 2027\n", "session: 2027\ntableau: tableau.xlsx\n")
    assert t003(root) == []


def test_an_unreadable_table_is_one_finding(make_dossier: Callable[..., Path]) -> None:
    root = make_dossier({"tableau.xlsx": b"pas un classeur"})
    edit(root / "dossier.yaml", "session: 2027\n", "session: 2027\ntableau: tableau.xlsx\n")
    (finding,) = t003(root)
    assert "n'a pas pu être comparé" in finding.message
    assert finding.location.path == "dossier.yaml" and finding.hint


def test_a_pdf_table_is_compared_too(make_dossier: Callable[..., Path]) -> None:
    root = make_dossier({"tableau.pdf": b"%PDF-1.4\n"})
    edit(root / "dossier.yaml", "session: 2027\n", "session: 2027\ntableau: tableau.pdf\n")
    (finding,) = t003(root)  # read, so a damaged PDF is said so
    assert "n'a pas pu être comparé" in finding.message and "PDF" in finding.message


def test_other_formats_are_not_compared(make_dossier: Callable[..., Path]) -> None:
    root = make_dossier({"tableau.docx": b"PK\x03\x04"})
    edit(root / "dossier.yaml", "session: 2027\n", "session: 2027\ntableau: tableau.docx\n")
    assert t003(root) == []
