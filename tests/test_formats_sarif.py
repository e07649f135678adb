"""`e4 check --format sarif`: SARIF 2.1.0, valid against the official OASIS schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from class_support import make_class
from conftest import EXAMPLES, ROOT, run_cli
from e4cli.rules.registry import RULES

SCHEMA = json.loads(
    (ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
VALIDATOR = Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)


def sarif(*args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", *args, "--format", "sarif")
    return result.exit_code, json.loads(result.stdout)


def test_the_vendored_schema_is_the_official_one() -> None:
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


def test_a_class_with_every_kind_of_finding_validates(tmp_path: Path) -> None:
    make_class(tmp_path, 10)
    (tmp_path / "absent").mkdir()
    code, log = sarif(*[str(p) for p in sorted(tmp_path.iterdir())], str(tmp_path / "nope"))
    assert code == 1
    VALIDATOR.validate(log)
    results = log["runs"][0]["results"]
    codes = {r["ruleId"] for r in results}
    assert {"D001", "D002", "D003", "R005", "C001", "C002"} <= codes


def test_every_example_validates() -> None:
    for example in sorted(p for p in EXAMPLES.iterdir() if (p / "dossier.yaml").exists()):
        _, log = sarif(str(example))
        VALIDATOR.validate(log)


def test_one_rule_per_code_carrying_the_explain_text() -> None:
    _, log = sarif(str(EXAMPLES / "sisr-complet"))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in rules) == sorted(RULES)
    r005 = next(r for r in rules if r["id"] == "R005")
    rule = RULES["R005"]
    assert r005["shortDescription"]["text"] == rule.title
    assert r005["defaultConfiguration"]["level"] == "error"
    assert rule.why in r005["help"]["text"] and "Pourquoi" in r005["help"]["text"]
    assert "```yaml" in r005["help"]["markdown"]


def test_a_result_points_at_file_line_and_column_with_its_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_class(tmp_path, 7)
    monkeypatch.chdir(tmp_path)
    _, log = sarif("eleve07")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "R005")
    assert rules[result["ruleIndex"]]["id"] == "R005"
    assert result["level"] == "error"
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "eleve07/realisations/02-zabbix.yaml"
    assert physical["region"] == {"startLine": 8, "startColumn": 11}


def test_absolute_paths_become_file_uris(make_dossier: Any) -> None:
    path = make_dossier({"dossier.yaml": None})
    _, log = sarif(str(path.resolve()))
    VALIDATOR.validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///")


def test_the_schema_really_rejects_a_bad_log(make_dossier: Any) -> None:
    """Guards the guard: a validator that accepted anything would prove nothing."""
    _, log = sarif(str(make_dossier({"dossier.yaml": None})))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not VALIDATOR.is_valid(log)
    del log["runs"][0]["tool"]
    assert not VALIDATOR.is_valid(log)
