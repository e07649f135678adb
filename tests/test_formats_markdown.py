"""`e4 check --format markdown`: a summary for $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from pathlib import Path

import pytest

from class_support import make_class
from conftest import run_cli
from e4cli.report.markdown import cell


def test_the_summary_table_comes_first_then_coverage_then_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    students = make_class(tmp_path, 10)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", *[s.name for s in students], "--format", "markdown")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("## e4 — vérification des dossiers\n")
    assert "**10 dossiers : 6 conformes, 4 non conformes, 0 pénalisé.**" in out
    head = out[: out.index("### Couverture")]
    rows = [li for li in head.splitlines() if li.startswith("| <code>eleve")]
    assert [r.split("</code>")[0].removeprefix("| <code>") for r in rows] == [
        s.name for s in students
    ]
    for row, student in zip(rows, students, strict=True):
        assert ("✅ conforme" if student.ok else "❌ non conforme") in row
    assert out.index("### Couverture des compétences") < out.index("### Détail par dossier")
    assert "| B1.3 | Développer la présence en ligne de l'organisation | 9/10 ⚠️ |" in out
    assert "<details open><summary>❌ <code>eleve07</code>" in out
    assert "<code>eleve07/realisations/02-zabbix.yaml:8:11</code> | R005 | ❌ erreur |" in out


def test_a_single_dossier_also_gets_its_summary(tmp_path: Path) -> None:
    make_class(tmp_path, 1)
    out = run_cli("check", str(tmp_path / "eleve01"), "--format", "markdown").stdout
    assert "**1 dossier : 1 conforme, 0 non conforme, 0 pénalisé.**" in out
    assert "Aucun constat." in out


def test_cells_cannot_break_the_table_or_inject_html() -> None:
    assert cell("a|b\nc <script>") == "a\\|b<br>c &lt;script&gt;"
