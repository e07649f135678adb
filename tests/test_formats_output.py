"""Every format of `e4 check`, to standard output or to a file with --output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from class_support import make_class
from conftest import run_cli
from e4cli.check.pipeline import check_dossier
from e4cli.report import json_report

FORMATS = ["text", "json", "github", "gitlab", "junit", "sarif", "markdown"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_holds_what_stdout_shows(tmp_path: Path, fmt: str) -> None:
    make_class(tmp_path / "classe", 4)
    paths = [str(p) for p in sorted((tmp_path / "classe").iterdir())]
    shown = run_cli("check", *paths, "--format", fmt)
    target = tmp_path / f"rapport.{fmt}"
    written = run_cli("check", *paths, "--format", fmt, "--output", str(target))
    assert shown.exit_code == written.exit_code == 1
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_output_in_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    make_class(tmp_path, 1)
    result = run_cli(
        "check", str(tmp_path / "eleve01"), "--output", str(tmp_path / "absent" / "r.json")
    )
    assert result.exit_code == 2
    assert "impossible d'écrire" in result.stderr


def test_streamed_json_is_byte_for_byte_the_documented_report(tmp_path: Path) -> None:
    make_class(tmp_path, 5)
    paths = sorted(tmp_path.iterdir())
    expected = json_report.render([check_dossier(p, str(p)) for p in paths], many=True)
    assert run_cli("check", *map(str, paths), "--format", "json").stdout == expected
    one = json_report.render([check_dossier(paths[0], str(paths[0]))])
    assert run_cli("check", str(paths[0]), "--format", "json").stdout == one
    assert isinstance(json.loads(one), dict)


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    assert run_cli("check", str(tmp_path), "--format", "xml").exit_code == 2
