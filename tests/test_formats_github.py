"""`e4 check --format github`: workflow commands that annotate the lines at fault."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from class_support import make_class
from conftest import REAL_STAGE, run_cli
from e4cli.report.github import escape_data, escape_property

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def test_a_finding_becomes_an_annotation_with_file_line_column_and_code_as_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_class(tmp_path, 7)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "eleve07", "--format", "github")
    assert result.exit_code == 1
    lines = [li for li in result.stdout.splitlines() if li.startswith("::")]
    assert len(lines) == 1
    match = COMMAND.match(lines[0])
    assert match and match.group(1) == "error"
    assert match.group("props") == (
        "file=eleve07/realisations/02-zabbix.yaml,line=8,col=11,title=R005"
    )
    assert "%0A↳ " in match.group("message")  # the hint, on its own line
    assert "e4 : eleve07 : non conforme" in result.stdout


def test_warnings_are_annotated_infos_only_when_verbose(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier(
        {"realisations/02-zabbix.yaml": REAL_STAGE.replace("2027-01-12", "12/01/2027")}
    )
    quiet = run_cli("check", str(path), "--format", "github").stdout
    assert "::warning " in quiet and "title=S003" in quiet
    assert "::notice " not in quiet
    verbose = run_cli("check", str(path), "--format", "github", "--verbose").stdout
    assert "::notice " in verbose and "title=C002" in verbose


def test_a_finding_about_the_whole_dossier_has_no_file(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "absent"), "--format", "github")
    line = next(li for li in result.stdout.splitlines() if li.startswith("::"))
    assert line.startswith("::error title=D001::")


def test_github_is_the_default_inside_github_actions(
    make_dossier: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_dossier({"dossier.yaml": None})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli("check", str(path)).stdout.startswith("::error ")
    assert "Dossier " in run_cli("check", str(path), "--format", "text").stdout
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert not run_cli("check", str(path)).stdout.startswith("::")


def test_escaping_keeps_one_command_per_line() -> None:
    assert escape_data("50 % \r\nfin") == "50 %25 %0D%0Afin"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
