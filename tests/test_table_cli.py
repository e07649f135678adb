"""`e4 table` as a user runs it: formats, --output, stdout, exit codes, stderr notes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli, run_e4
from table_support import build_dossier, realisation, standard_realisations


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    return build_dossier(tmp_path / "dossier", standard_realisations(6))


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("html", b"<!DOCTYPE html>"),
        ("md", b"## Tableau de synth"),
        ("csv", b"\xef\xbb\xbfBTS SERVICES"),
        ("json", b"{"),
    ],
)
def test_text_formats_go_to_stdout(dossier: Path, fmt: str, start: bytes) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "e4cli", "table", str(dossier), "--format", fmt],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.startswith(start)
    assert proc.stderr == b""


def test_html_is_the_default_format(dossier: Path) -> None:
    result = run_cli("table", str(dossier))
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("t.html", lambda b: b.startswith(b"<!DOCTYPE html>")),
        ("t.htm", lambda b: b.startswith(b"<!DOCTYPE html>")),
        ("t.md", lambda b: b.startswith(b"## ")),
        ("t.csv", lambda b: b.startswith(b"\xef\xbb\xbf")),
        ("t.json", lambda b: json.loads(b)["schema_version"] == 1),
        ("t.xlsx", lambda b: b.startswith(b"PK")),
        ("T.XLSX", lambda b: b.startswith(b"PK")),
    ],
)
def test_output_infers_the_format_from_the_extension(
    dossier: Path, tmp_path: Path, name: str, check: object
) -> None:
    target = tmp_path / name
    result = run_cli("table", str(dossier), "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert check(target.read_bytes())  # type: ignore[operator]


def test_binary_formats_without_output_are_a_usage_error(dossier: Path) -> None:
    for fmt in ("xlsx", "pdf"):
        proc = run_e4("table", str(dossier), "--format", fmt)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert f"le format {fmt} est binaire" in proc.stderr
        assert f"--output FICHIER.{fmt}" in proc.stderr


def test_unknown_extension_and_contradictions_are_usage_errors(
    dossier: Path, tmp_path: Path
) -> None:
    unknown = run_e4("table", str(dossier), "-o", str(tmp_path / "t.docx"))
    assert unknown.returncode == 2 and "extension « .docx » inconnue" in unknown.stderr
    both = run_e4("table", str(dossier), "-f", "csv", "-o", str(tmp_path / "t.xlsx"))
    assert both.returncode == 2 and "se contredisent" in both.stderr
    template = run_e4("table", str(dossier), "-f", "md", "--template", "m.xlsx")
    assert template.returncode == 2 and "--template" in template.stderr
    assert not list(tmp_path.glob("t.*"))


def test_no_dossier_exits_1_and_says_why(tmp_path: Path) -> None:
    absent = run_e4("table", str(tmp_path / "absent"))
    assert absent.returncode == 1
    assert "pas de tableau" in absent.stderr and "n'existe pas" in absent.stderr
    (tmp_path / "vide").mkdir()
    empty = run_e4("table", str(tmp_path / "vide"), "-o", str(tmp_path / "t.html"))
    assert empty.returncode == 1
    assert "dossier.yaml est absent" in empty.stderr
    assert not (tmp_path / "t.html").exists()
    assert "Traceback" not in absent.stderr + empty.stderr


def test_incomplete_dossier_renders_and_lists_what_is_missing_on_stderr(tmp_path: Path) -> None:
    no_period = realisation("Sans période")
    del no_period["periode"]
    root = build_dossier(
        tmp_path / "d",
        {
            "01-sans-periode": no_period,
            "02-sans-competence": realisation("Sans compétence", competences=[]),
            "03-sans-cadre": {"intitule": "Sans cadre", "competences": ["B1.1"]},
        },
        candidat={"nom": "Martin", "prenom": "Léa", "option": "SISR"},
        centre=None,
    )
    proc = run_e4("table", str(root), "--format", "md")
    assert proc.returncode == 0
    assert "Sans période" in proc.stdout and "Sans compétence" in proc.stdout
    assert "tableau incomplet" in proc.stderr
    assert "realisations/01-sans-periode.yaml : période absente" in proc.stderr
    assert "realisations/02-sans-competence.yaml : aucune compétence" in proc.stderr
    assert "realisations/03-sans-cadre.yaml : cadre absent" in proc.stderr
    assert "candidat.numero absent" in proc.stderr
    assert "centre absent" in proc.stderr


def test_an_unreadable_realisation_is_reported_as_missing_from_the_table(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", standard_realisations(2))
    (root / "realisations" / "09-casse.yaml").write_text("intitule: [\n", encoding="utf-8")
    proc = run_e4("table", str(root), "--format", "json")
    assert proc.returncode == 0
    assert "realisations/09-casse.yaml" in proc.stderr and "YAML invalide" in proc.stderr
    assert json.loads(proc.stdout)["missing"]


def test_output_is_written_atomically(dossier: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "tableau.html"
    target.write_text("ancien", encoding="utf-8")
    result = run_cli("table", str(dossier), "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir()] == ["tableau.html"]


def test_a_failed_render_leaves_the_previous_file_untouched(
    dossier: Path, tmp_path: Path
) -> None:
    target = tmp_path / "tableau.pdf"
    target.write_bytes(b"ancien")
    proc = run_e4(
        "table",
        str(dossier),
        "-o",
        str(target),
        env={**_env(), "E4_CHROMIUM": str(tmp_path / "pas-de-navigateur")},
    )
    assert proc.returncode == 2
    assert "aucun n'a été trouvé" in proc.stderr and "E4_CHROMIUM" in proc.stderr
    assert target.read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_writing_into_a_missing_folder_is_a_clear_failure(dossier: Path, tmp_path: Path) -> None:
    proc = run_e4("table", str(dossier), "-o", str(tmp_path / "nope" / "t.html"))
    assert proc.returncode == 2
    assert "impossible d'écrire" in proc.stderr and "Traceback" not in proc.stderr


def test_version_and_check_do_not_import_jinja2_nor_openpyxl() -> None:
    code = (
        "import sys\n"
        "from e4cli.cli import app\n"
        "try:\n"
        "    app(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('jinja2', 'openpyxl') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip().endswith("[]")


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)
