"""`e4 check --format junit`: per dossier a suite, per check a test case."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from class_support import make_class
from conftest import REAL_STAGE, run_cli
from e4cli.rules.registry import RULES


def junit(*args: str) -> tuple[int, ET.Element]:
    result = run_cli("check", *args, "--format", "junit")
    return result.exit_code, ET.fromstring(result.stdout.encode("utf-8"))


def test_one_suite_per_dossier_one_case_per_check(tmp_path: Path) -> None:
    make_class(tmp_path, 8)
    paths = [str(p) for p in sorted(tmp_path.iterdir())]
    code, root = junit(*paths)
    assert code == 1 and root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == paths
    for suite in suites:
        cases = suite.findall("testcase")
        assert len(cases) == len(RULES) == int(suite.get("tests", "0"))
        assert {c.get("name", "").split(" ")[0] for c in cases} == set(RULES)
        assert int(suite.get("failures", "-1")) == len(suite.findall("testcase/failure"))


def test_a_failing_check_carries_its_findings(tmp_path: Path) -> None:
    make_class(tmp_path, 7)
    _, root = junit(str(tmp_path / "eleve07"))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("failures") == "1"
    case = next(c for c in suite.iter("testcase") if c.get("name", "").startswith("R005 "))
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "R005"
    assert "realisations/02-zabbix.yaml:8:11" in (failure.text or "")
    assert "contribution" in (failure.text or "") and "↳" in (failure.text or "")
    passing = next(c for c in suite.iter("testcase") if c.get("name", "").startswith("R001 "))
    assert passing.find("failure") is None


def test_warnings_fail_only_with_strict_and_otherwise_go_to_the_output(
    make_dossier: Callable[..., Path],
) -> None:
    path = make_dossier(
        {"realisations/02-zabbix.yaml": REAL_STAGE.replace("2027-01-12", "12/01/2027")}
    )
    code, root = junit(str(path))
    s003 = next(c for c in root.iter("testcase") if c.get("name", "").startswith("S003 "))
    assert code == 0 and s003.find("failure") is None
    assert "12/01/2027" in (s003.findtext("system-out") or "")
    code, root = junit(str(path), "--strict")
    s003 = next(c for c in root.iter("testcase") if c.get("name", "").startswith("S003 "))
    assert code == 1 and s003.find("failure") is not None


def test_control_characters_and_markup_in_messages_stay_well_formed(
    make_dossier: Callable[..., Path],
) -> None:
    path = make_dossier({"realisations/03-x.yaml": 'intitule: "<b>&\\x01"\ncadre: [\n'})
    code, root = junit(str(path))
    assert code == 1 and root.find("testsuite") is not None
