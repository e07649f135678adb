"""`e4 check --format gitlab`: a Code Quality report GitLab shows in merge requests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from class_support import make_class
from conftest import run_cli

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def gitlab(*args: str) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli("check", *args, "--format", "gitlab")
    return result.exit_code, json.loads(result.stdout)


def test_every_issue_has_what_gitlab_requires(tmp_path: Path) -> None:
    make_class(tmp_path, 10)
    code, issues = gitlab(*[str(p) for p in sorted(tmp_path.iterdir())])
    assert code == 1 and issues
    for issue in issues:
        assert issue["type"] == "issue"
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"] and issue["severity"] in SEVERITIES
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
        assert len(issue["fingerprint"]) == 64
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)


def test_an_issue_points_at_the_file_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_class(tmp_path, 7)
    monkeypatch.chdir(tmp_path)
    _, issues = gitlab("eleve07")
    issue = next(i for i in issues if i["check_name"] == "R005")
    assert issue["severity"] == "major"
    assert issue["location"] == {
        "path": "eleve07/realisations/02-zabbix.yaml",
        "lines": {"begin": 8},
    }
    assert issue["description"].startswith("R005 : ")


def test_fingerprints_are_stable_across_runs(tmp_path: Path) -> None:
    make_class(tmp_path, 7)
    first = gitlab(str(tmp_path / "eleve07"))[1]
    second = gitlab(str(tmp_path / "eleve07"))[1]
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]


def test_a_clean_dossier_gives_an_empty_array_infos_only_when_verbose(tmp_path: Path) -> None:
    make_class(tmp_path, 1)
    result = run_cli("check", str(tmp_path / "eleve01"), "--format", "gitlab")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    _, issues = gitlab(str(tmp_path / "eleve01"), "--verbose")
    assert issues and {i["severity"] for i in issues} == {"info"}
