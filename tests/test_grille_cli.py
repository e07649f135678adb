"""`e4 grille` on a class: one file per candidate, stable order, broken dossiers reported."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli, run_e4


def copy_class(tmp_path: Path, *names: str) -> list[Path]:
    classe = tmp_path / "classe"
    paths = []
    for name in names:
        shutil.copytree(EXAMPLES / name, classe / name)
        paths.append(classe / name)
    return paths


def test_a_class_gets_one_grid_per_candidate_named_after_the_folder(tmp_path: Path) -> None:
    paths = copy_class(tmp_path, "slam-complet", "casse-stages", "sisr-complet")
    (tmp_path / "classe" / "sans-manifeste").mkdir()
    paths.append(tmp_path / "classe" / "sans-manifeste")
    out = tmp_path / "grilles"  # created by e4
    result = run_cli("grille", *map(str, paths), "--output-dir", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "casse-stages.html",
        "sans-manifeste.html",
        "sisr-complet.html",
        "slam-complet.html",
    ]
    written = [line for line in result.stderr.splitlines() if line.startswith("e4 : grille de")]
    assert [line.split("« ")[1].split(" »")[0] for line in written] == list(map(str, paths))
    broken = html.unescape((out / "sans-manifeste.html").read_text(encoding="utf-8"))
    assert "Grille d’aide à l’évaluation (verso)" in broken
    assert "candidat.nom absent" in result.stderr
    assert "Dossier non conforme" in result.stderr
    assert "Le Goff" not in (out / "slam-complet.html").read_text(encoding="utf-8")


def test_class_in_pdf_and_xlsx_by_format(tmp_path: Path) -> None:
    paths = copy_class(tmp_path, "sisr-complet", "slam-complet")
    out = tmp_path / "grilles"
    result = run_cli("grille", *map(str, paths), "-d", str(out), "--format", "xlsx")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["sisr-complet.xlsx", "slam-complet.xlsx"]
    assert all(p.read_bytes().startswith(b"PK") for p in out.iterdir())


def test_a_path_that_is_no_folder_gets_no_grid_the_others_do(tmp_path: Path) -> None:
    paths = copy_class(tmp_path, "sisr-complet")
    out = tmp_path / "grilles"
    result = run_cli("grille", str(tmp_path / "absent"), str(paths[0]), "-d", str(out))
    assert result.exit_code == 1
    assert "pas de grille pour" in result.stderr and "n'existe pas" in result.stderr
    assert [p.name for p in out.iterdir()] == ["sisr-complet.html"]


def test_several_dossiers_need_an_output_dir(tmp_path: Path) -> None:
    paths = copy_class(tmp_path, "sisr-complet", "slam-complet")
    result = run_cli("grille", *map(str, paths))
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr
    result = run_cli("grille", *map(str, paths), "-o", str(tmp_path / "g.html"))
    assert result.exit_code == 2


def test_two_dossiers_with_the_same_folder_name_are_refused(tmp_path: Path) -> None:
    for group in ("a", "b"):
        shutil.copytree(EXAMPLES / "sisr-complet", tmp_path / group / "lea")
    result = run_cli(
        "grille", str(tmp_path / "a" / "lea"), str(tmp_path / "b" / "lea"), "-d", str(tmp_path)
    )
    assert result.exit_code == 2
    assert "même nom de dossier « lea »" in result.stderr


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_binary_formats_are_not_written_to_the_terminal(fmt: str) -> None:
    result = run_cli("grille", str(EXAMPLES / "sisr-complet"), "--format", fmt)
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_format_comes_from_the_extension_and_must_agree(tmp_path: Path) -> None:
    example = str(EXAMPLES / "sisr-complet")
    assert run_cli("grille", example, "-o", str(tmp_path / "g.xlsx")).exit_code == 0
    assert (tmp_path / "g.xlsx").read_bytes().startswith(b"PK")
    result = run_cli("grille", example, "-f", "html", "-o", str(tmp_path / "g.xlsx"))
    assert result.exit_code == 2 and "se contredisent" in result.stderr
    result = run_cli("grille", example, "-o", str(tmp_path / "g.docx"))
    assert result.exit_code == 2 and "précisez --format" in result.stderr


def test_the_installed_command_writes_a_grid(tmp_path: Path) -> None:
    target = tmp_path / "grille.html"
    proc = run_e4("grille", str(EXAMPLES / "slam-complet"), "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert "Nolwenn" in target.read_text(encoding="utf-8")
