"""Productions and pages (R003), paths out of the dossier (D005) and the stale table (T002)."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import MANIFEST
from helpers_files import build, codes, line_of, located, manifest_with, only

REAL = """\
intitule: Serveur RADIUS pour le Wi-Fi
cadre: formation
periode:
  debut: 2026-03-02
  fin: 2026-03-27
competences: [B1.1.3, B1.5.2]
productions:
  - titre: Procédure d'installation
    fichier: productions/radius/procedure.pdf
  - titre: Dépôt des scripts
    url: https://github.com/lea-martin/radius
  - titre: Sources
    fichier: productions/radius/sources/
page: portfolio/radius.md
"""
FICHIER_LINE = line_of(REAL, "fichier: productions/radius/procedure.pdf")
PAGE_LINE = line_of(REAL, "page:")


def radius(root: Path, real: str = REAL, **changes: str | bytes | None) -> Path:
    files: dict[str, str | bytes | None] = {
        "realisations/03-radius.yaml": real,
        "productions/radius/procedure.pdf": b"%PDF-1.4\n",
        "productions/radius/sources/radius.sh": "#!/bin/sh\n",
        "portfolio/radius.md": "# RADIUS\n",
    }
    files.update(changes)
    return build(root, files)


def test_files_that_exist_give_no_r003(tmp_path: Path) -> None:
    assert "R003" not in codes(radius(tmp_path / "d"))


def test_r003_for_a_missing_production_at_the_fichier_line(tmp_path: Path) -> None:
    dossier = radius(tmp_path / "d", **{"productions/radius/procedure.pdf": None})
    finding = only(dossier, "R003")
    assert (finding["path"], finding["line"], finding["column"]) == (
        "realisations/03-radius.yaml",
        FICHIER_LINE,
        14,
    )
    assert finding["severity"] == "error"
    assert "productions/radius/procedure.pdf" in finding["message"]
    assert "racine du dossier" in finding["hint"]


def test_r003_for_a_missing_page_at_the_page_line(tmp_path: Path) -> None:
    dossier = radius(tmp_path / "d", **{"portfolio/radius.md": None})
    assert located(dossier, "R003") == [("realisations/03-radius.yaml", PAGE_LINE, 7)]


def test_r003_when_the_page_is_a_folder(tmp_path: Path) -> None:
    dossier = radius(
        tmp_path / "d", **{"portfolio/radius.md": None, "portfolio/radius.md/x.md": "# x\n"}
    )
    assert "dossier" in only(dossier, "R003")["message"]


def test_r003_hint_when_only_the_letter_case_differs(tmp_path: Path) -> None:
    dossier = radius(
        tmp_path / "d",
        **{"productions/radius/procedure.pdf": None, "productions/Radius/Procedure.PDF": b"%PDF"},
    )
    hint = only(dossier, "R003")["hint"]
    assert "« productions/Radius/Procedure.PDF »" in hint
    assert "casse" in hint and "Linux" in hint and "NFD" not in hint


def test_r003_hint_when_the_file_name_is_nfd_from_macos(tmp_path: Path) -> None:
    real = REAL.replace("productions/radius/procedure.pdf", "productions/radius/procédure.pdf")
    nfd = unicodedata.normalize("NFD", "productions/radius/procédure.pdf")
    dossier = radius(tmp_path / "d", real, **{"productions/radius/procedure.pdf": None})
    (dossier / nfd).write_bytes(b"%PDF-1.4\n")
    hint = only(dossier, "R003")["hint"]
    assert f"« {nfd} »" in hint
    assert "NFD" in hint and "macOS" in hint and "casse" not in hint


def test_r003_hint_when_the_path_written_is_nfd(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "productions/radius/procédure.pdf")
    real = REAL.replace("productions/radius/procedure.pdf", nfd)
    dossier = radius(tmp_path / "d", real, **{"productions/radius/procédure.pdf": b"%PDF-1.4\n"})
    hint = only(dossier, "R003")["hint"]
    assert "le chemin écrit a ses accents décomposés" in hint


def test_r003_for_a_fifo_production(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFO on this system")
    dossier = radius(tmp_path / "d", **{"productions/radius/procedure.pdf": None})
    os.mkfifo(dossier / "productions/radius/procedure.pdf")
    assert "pas un fichier ordinaire" in only(dossier, "R003")["message"]


@pytest.mark.parametrize(
    "raw",
    ["../secret.pdf", "/etc/passwd", "C:/Users/lea/Documents/procedure.pdf", "productions/lien"],
)
def test_d005_for_a_production_outside_the_dossier(tmp_path: Path, raw: str) -> None:
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.4\n")
    real = REAL.replace("productions/radius/procedure.pdf", raw)
    dossier = radius(tmp_path / "d", real)
    (dossier / "productions" / "lien").symlink_to(tmp_path / "secret.pdf")
    assert located(dossier, "D005") == [("realisations/03-radius.yaml", FICHIER_LINE, 14)]
    assert "R003" not in codes(dossier)


def test_d005_for_a_page_symlinked_out(tmp_path: Path) -> None:
    dossier = radius(tmp_path / "d", **{"portfolio/radius.md": None})
    (tmp_path / "dehors.md").write_text("# dehors\n", encoding="utf-8")
    (dossier / "portfolio" / "radius.md").symlink_to(tmp_path / "dehors.md")
    found = located(dossier, "D005")
    assert ("realisations/03-radius.yaml", PAGE_LINE, 7) in found
    assert ("portfolio/radius.md", None, None) in found


def test_a_symlink_inside_the_dossier_is_followed(tmp_path: Path) -> None:
    dossier = radius(tmp_path / "d", **{"productions/radius/procedure.pdf": None})
    (dossier / "productions/radius/procedure.pdf").symlink_to(dossier / "attestations/stage1.pdf")
    assert not codes(dossier) & {"R003", "D005"}


# ---------------------------------------------------------------- the tableau: D005, T002

TABLEAU_LINE = MANIFEST.count("\n") + 1


def with_table(root: Path, raw: str = "tableau-de-synthese.xlsx") -> Path:
    return build(
        root,
        {
            "dossier.yaml": MANIFEST + f"tableau: {raw}\n",
            "tableau-de-synthese.xlsx": b"PK\x03\x04 tableau",
        },
    )


def age(path: Path, seconds: float) -> None:
    when = time.time() - seconds
    os.utime(path, (when, when))


def test_t002_for_a_table_older_than_a_realisation(tmp_path: Path) -> None:
    dossier = with_table(tmp_path / "d")
    age(dossier / "tableau-de-synthese.xlsx", 3600)
    finding = only(dossier, "T002")
    assert (finding["path"], finding["line"], finding["column"]) == (
        "dossier.yaml",
        TABLEAU_LINE,
        10,
    )
    assert finding["severity"] == "warning"
    assert "e4 table" in finding["hint"]


def test_t002_names_the_newest_file(tmp_path: Path) -> None:
    dossier = with_table(tmp_path / "d")
    for path in [dossier / "dossier.yaml", *sorted((dossier / "realisations").iterdir())]:
        age(path, 7200)
    age(dossier / "tableau-de-synthese.xlsx", 3600)
    os.utime(dossier / "realisations/02-zabbix.yaml")  # edited just now
    assert "realisations/02-zabbix.yaml" in only(dossier, "T002")["message"]


def test_no_t002_for_a_table_newer_than_the_data(tmp_path: Path) -> None:
    dossier = with_table(tmp_path / "d")
    for path in [dossier / "dossier.yaml", *(dossier / "realisations").iterdir()]:
        age(path, 3600)
    assert "T002" not in codes(dossier)


def test_no_t002_within_the_tolerance_of_a_clone(tmp_path: Path) -> None:
    dossier = with_table(tmp_path / "d")
    age(dossier / "tableau-de-synthese.xlsx", 20)
    assert "T002" not in codes(dossier)


def test_no_t002_without_table_file(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"dossier.yaml": MANIFEST + "tableau: absent.xlsx\n"})
    assert "T001" in codes(dossier) and "T002" not in codes(dossier)


def test_d005_for_a_table_symlinked_out(tmp_path: Path) -> None:
    (tmp_path / "tableau.xlsx").write_bytes(b"PK\x03\x04")
    dossier = with_table(tmp_path / "d", "lien.xlsx")
    (dossier / "lien.xlsx").symlink_to(tmp_path / "tableau.xlsx")
    assert located(dossier, "D005") == [("dossier.yaml", TABLEAU_LINE, 10)]
    assert "T002" not in codes(dossier)


def test_a_table_name_too_long_for_the_system_is_a_finding(tmp_path: Path) -> None:
    dossier = with_table(tmp_path / "d", "t" * 300 + ".xlsx")
    assert "T001" in codes(dossier)


def test_d005_for_a_manifest_symlinked_out(tmp_path: Path) -> None:
    manifest = manifest_with("centre: Lycée Félix Le Dantec", "centre: Ailleurs")
    (tmp_path / "autre.yaml").write_text(manifest, encoding="utf-8")
    dossier = build(tmp_path / "d", {"dossier.yaml": None})
    (dossier / "dossier.yaml").symlink_to(tmp_path / "autre.yaml")
    assert located(dossier, "D005") == [("dossier.yaml", None, None)]
