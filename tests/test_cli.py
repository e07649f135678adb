"""The command line as a user runs it: exit codes, formats, output files, explain."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import EXAMPLES, REAL_STAGE, run_cli, run_e4
from e4cli import __version__
from e4cli.rules.registry import RULES
from e4cli.util.resources import load_schema

REPORT_VALIDATOR = Draft202012Validator(load_schema("report.schema.json"))


def test_version() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"e4 {__version__}"


def test_clean_dossier_exits_0(make_dossier: Callable[..., Path]) -> None:
    result = run_cli("check", str(make_dossier()))
    assert result.exit_code == 0
    assert "✔ Dossier conforme" in result.stdout


def test_errors_exit_1_and_the_text_report_has_location_code_and_hint(
    make_dossier: Callable[..., Path],
) -> None:
    path = make_dossier({"realisations/02-zabbix.yaml": REAL_STAGE + "modalite: equipe\n"})
    result = run_cli("check", str(path))
    assert result.exit_code == 1
    out = result.stdout
    assert "realisations/02-zabbix.yaml:8:11" in out
    assert "R005" in out and "contribution" in out and "↳" in out
    assert "Couverture des compétences" in out
    assert "✘ Dossier non conforme" in out


def test_warnings_pass_unless_strict(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier(
        {"realisations/02-zabbix.yaml": REAL_STAGE.replace("2027-01-12", "12/01/2027")}
    )
    assert run_cli("check", str(path)).exit_code == 0
    strict = run_cli("check", str(path), "--strict", "--format", "json")
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)["ok"] is False


def test_bad_usage_exits_2() -> None:
    assert run_cli("check").exit_code == 2
    assert run_cli("check", ".", "--format", "yaml").exit_code == 2


def test_json_report_matches_its_schema_for_every_example(tmp_path: Path) -> None:
    dossiers = sorted(p for p in EXAMPLES.iterdir() if (p / "dossier.yaml").exists())
    assert dossiers, "the project ships examples"
    for dossier in [*dossiers, tmp_path / "absent"]:
        result = run_cli("check", str(dossier), "--format", "json")
        report = json.loads(result.stdout)
        REPORT_VALIDATOR.validate(report)
        assert result.exit_code == (0 if report["ok"] else 1)


def test_several_dossiers_give_a_json_array(make_dossier: Callable[..., Path]) -> None:
    one, two = make_dossier(name="a"), make_dossier({"dossier.yaml": None}, name="b")
    result = run_cli("check", str(one), str(two), "--format", "json")
    reports = json.loads(result.stdout)
    REPORT_VALIDATOR.validate(reports)
    assert [r["ok"] for r in reports] == [True, False]
    assert result.exit_code == 1


def test_json_penalties(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier({"realisations/01-glpi.yaml": None, "realisations/02-zabbix.yaml": None})
    report = json.loads(run_cli("check", str(path), "--format", "json").stdout)
    assert report["penalties"] == [
        {"code": "T001", "points": 2, "label": "Absence de tableau de synthèse"}
    ]
    assert report["penalty_points"] == 2


def test_output_file_is_written_whole_and_nothing_else_is_left(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "rapport.json"
    result = run_cli("check", str(make_dossier()), "--format", "json", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["ok"] is True
    assert [p.name for p in out_dir.iterdir()] == ["rapport.json"]


def test_output_into_a_missing_folder_is_a_clear_failure(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    proc = run_e4("check", str(make_dossier()), "-o", str(tmp_path / "nope" / "r.txt"))
    assert proc.returncode == 2
    assert "impossible d'écrire" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_never_writes_into_the_dossier(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier()
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in path.rglob("*") if p.is_file()}
    run_cli("check", str(path), "--format", "json")
    run_cli("check", str(path))
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in path.rglob("*") if p.is_file()}
    assert before == after


def test_colour_only_when_asked_and_never_with_no_color(make_dossier: Callable[..., Path]) -> None:
    path = str(make_dossier({"realisations/01-glpi.yaml": None}))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    piped = run_e4("check", path, env=env)
    assert "\x1b[" not in piped.stdout
    forced = run_e4("check", path, env={**env, "FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    assert colour_codes(forced.stdout)
    no_color = run_e4("check", path, env={**env, "FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert colour_codes(no_color.stdout) == set()  # bold and italic may remain


def colour_codes(text: str) -> set[int]:
    """SGR parameters that set a foreground or background colour."""
    params = {int(p) for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for p in seq.split(";") if p}
    return {p for p in params if 30 <= p <= 49 or 90 <= p <= 107}


def test_explain_lists_every_code() -> None:
    result = run_cli("explain")
    assert result.exit_code == 0
    for code in RULES:
        assert code in result.stdout


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_is_documented_with_both_examples(code: str) -> None:
    rule = RULES[code]
    assert rule.title and rule.summary and rule.why and rule.good and rule.bad
    result = run_cli("explain", code.lower())
    assert result.exit_code == 0
    assert "Pourquoi" in result.stdout and "Correct" in result.stdout and "Fautif" in result.stdout


def test_explain_an_unknown_code_exits_2() -> None:
    result = run_cli("explain", "Z999")
    assert result.exit_code == 2


def test_schema_prints_a_shipped_schema() -> None:
    result = run_cli("schema", "realisation")
    assert json.loads(result.stdout)["$id"].endswith("realisation.schema.json")
    assert run_cli("schema", "nope").exit_code == 2


def test_over_a_class_the_matrix_gives_way_to_the_summary(
    make_dossier: Callable[..., Path],
) -> None:
    one, two = make_dossier(name="a"), make_dossier(name="b")

    def matrices(out: str) -> int:
        return [line.strip() for line in out.splitlines()].count("Couverture des compétences")

    assert matrices(run_cli("check", str(one)).stdout) == 1
    several = run_cli("check", str(one), str(two)).stdout
    assert matrices(several) == 0
    assert "Couverture des compétences dans la classe" in several
    assert matrices(run_cli("check", str(one), str(two), "--verbose").stdout) == 2


def test_piped_text_has_no_trailing_spaces(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier({"realisations/02-zabbix.yaml": REAL_STAGE + "modalite: equipe\n"})
    proc = run_e4("check", str(path))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert any("R005" in line for line in lines)
    assert [line for line in lines if line != line.rstrip()] == []


def test_a_finding_about_the_whole_dossier_names_the_dossier(tmp_path: Path) -> None:
    folder = tmp_path / "sans-manifeste"
    folder.mkdir()
    out = " ".join(run_cli("check", str(folder)).stdout.split())
    assert f"{folder} D002 erreur" in out
    assert ". D002" not in out
