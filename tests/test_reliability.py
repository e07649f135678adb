"""The faults seen with e4 0.1.0 on hostile and clumsy dossiers, each pinned by a test.

Each case crashed, hung or went silent before; each now gives a clear finding.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from e4cli.check.pipeline import MAX_SAME, check_dossier
from e4cli.jury.final_mark import format_mark, parse_mark

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "sisr-complet"
REAL = "realisations/01-glpi-inventaire.yaml"


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    target = tmp_path / "d"
    shutil.copytree(BASE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes(dossier: Path) -> list[str]:
    return [f.code for f in check_dossier(dossier).findings]


def e4(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "e4cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_session_written_as_a_4000_digit_hex_number_is_a_schema_finding(dossier: Path) -> None:
    edit(dossier / "dossier.yaml", "session: 2027", "session: 0x" + "f" * 4000)
    result = e4("check", dossier, "-f", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert any(f["code"] == "S001" and f["line"] == 3 for f in report["findings"])
    assert all(len(f["message"]) < 600 for f in report["findings"])


def test_a_stage_ending_in_9999_is_implausible_not_a_crash(dossier: Path) -> None:
    edit(dossier / "dossier.yaml", "fin: 2027-02-19", "fin: 9999-12-31")
    found = check_dossier(dossier).findings
    assert [(f.code, f.location.line) for f in found if f.code == "S006"] == [("S006", 30)]
    assert "9999-12-31" in next(f.message for f in found if f.code == "S006")
    result = e4("grille", dossier)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("where", "old", "new"),
    [
        ("dossier.yaml", "debut: 2026-05-25", "debut: 0001-01-01"),
        (REAL, "  fin: ", "  fin: 2099-06-30\n  ancienne_fin: "),
    ],
)
def test_dates_far_from_the_session_are_said(dossier: Path, where: str, old: str, new: str) -> None:
    edit(dossier / where, old, new)
    assert "S006" in codes(dossier)


def test_a_plausible_dossier_has_no_implausible_date() -> None:
    assert "S006" not in codes(BASE)


def test_a_binary_tag_is_said_not_accepted_silently(dossier: Path) -> None:
    path = dossier / REAL
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = ["intitule: !!binary aGVsbG8=" if ln.startswith("intitule:") else ln for ln in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = check_dossier(dossier).findings
    tagged = [f for f in found if f.code == "S005"]
    assert len(tagged) == 1
    assert "!!binary" in tagged[0].message


def test_forty_thousand_unknown_keys_are_summed_up(dossier: Path) -> None:
    with (dossier / REAL).open("a", encoding="utf-8") as handle:
        handle.writelines(f"inconnu{i}: x\n" for i in range(40_000))
    unknown = [f for f in check_dossier(dossier).findings if f.code == "S002"]
    assert len(unknown) == MAX_SAME + 1
    assert f"{40_000 - MAX_SAME} autres" in unknown[-1].message


def test_rich_markup_in_a_name_is_shown_as_written(dossier: Path) -> None:
    edit(dossier / "dossier.yaml", "nom: Le Goff", 'nom: "Le [/] Goff [bold]x[/bold]"')
    (dossier.parent / "autre").mkdir()
    shutil.copytree(BASE, dossier.parent / "autre" / "d")
    result = e4("check", dossier, dossier.parent / "autre" / "d")
    assert result.returncode == 0, result.stderr
    assert "LE [/] GOFF [BOLD]X[/BOLD]" in " ".join(result.stdout.split())


def test_an_escape_sequence_in_a_title_never_reaches_the_terminal(dossier: Path) -> None:
    edit(dossier / REAL, "intitule:", 'intitule: "\\e[2J\\e]8;;https://x\\e\\\\lien" #')
    result = e4("check", dossier, "--verbose")
    assert "\x1b" not in result.stdout
    assert "\\x1b[2J" in result.stdout


@pytest.mark.parametrize(("written", "shown"), [("-0,0", "0"), ("-0", "0"), ("13,50", "13,5")])
def test_a_mark_never_shows_a_negative_zero(written: str, shown: str) -> None:
    mark = parse_mark(written)
    assert mark is not None
    assert format_mark(mark) == shown


@pytest.mark.parametrize("note", ["19.999999999999999999999999999999", '"13,333"'])
def test_a_mark_with_more_than_two_decimals_is_e009(tmp_path: Path, note: str) -> None:
    evaluation = tmp_path / "evaluation.yaml"
    text = (ROOT / "examples" / "evaluations" / "sisr-complet.yaml").read_text(encoding="utf-8")
    lines = [f"note: {note}" if ln.startswith("note:") else ln for ln in text.splitlines()]
    evaluation.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = e4("note", BASE, "-e", evaluation, "-o", tmp_path / "fiche.html")
    assert result.returncode == 1
    assert "E009" in result.stderr
    assert not (tmp_path / "fiche.html").exists()


@pytest.fixture
def official_table(tmp_path: Path) -> Path:
    path = tmp_path / "tableau.xlsx"
    result = e4("table", BASE, "--output", path)
    assert result.returncode == 0, result.stderr
    return path


def test_a_cell_at_the_last_address_of_a_sheet_does_not_hang_the_import(
    official_table: Path, tmp_path: Path
) -> None:
    """Only the cells that exist are read, never the 17 billion the sheet claims."""
    from openpyxl import load_workbook

    workbook = load_workbook(official_table)
    sheet = workbook.active
    assert sheet is not None
    sheet["XFD1048576"] = "x"
    huge = tmp_path / "immense.xlsx"
    workbook.save(huge)
    result = e4("import", huge, tmp_path / "importe")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "importe" / "realisations").glob("*.yaml"))) == 9


def test_a_workbook_that_inflates_far_beyond_a_table_is_refused_unread(
    official_table: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(official_table)
    sheet = workbook.active
    assert sheet is not None
    for row in range(300, 300 + 30_000):
        sheet.cell(row, 40, f"{row:06d}" + "x" * 150)
    bomb = tmp_path / "bombe.xlsx"
    workbook.save(bomb)
    imported = e4("import", bomb, tmp_path / "importe")
    assert imported.returncode == 2
    assert "refusé" in imported.stderr
    template = e4("table", BASE, "--template", bomb, "--output", tmp_path / "rempli.xlsx")
    assert template.returncode == 2
    assert "refusé" in template.stderr
