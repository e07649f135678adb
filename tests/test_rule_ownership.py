"""Each finding code has one source of truth: the rule object that stamps it.

A code is emitted only through its rule (`Rule.finding`, `Rule.report`), so the
severity printed in `e4 explain` is the severity every report shows; the
loader only records typed problems, each reported by exactly one rule; and
rules stay pure: no rule module reaches the importer, the table, the loader
or the network.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import inspect
import shutil
from pathlib import Path

import pytest

from e4cli.check.pipeline import check_dossier
from e4cli.dossier import problems
from e4cli.rules.base import Rule
from e4cli.rules.findings import Location
from e4cli.rules.registry import EVALUATION_RULES, PROBLEM_RULES, RULES
from e4cli.util.record import is_frozen

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "e4cli"
DOSSIERS = sorted(
    p
    for p in [*(ROOT / "examples").iterdir(), *(ROOT / "tests" / "hostile").iterdir()]
    if p.is_dir()
)


@pytest.mark.parametrize("dossier", DOSSIERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_code_emitted_is_a_registered_rule_with_its_own_severity(dossier: Path) -> None:
    result = check_dossier(dossier)
    for finding in result.findings:
        rule = RULES.get(finding.code)
        assert rule is not None, f"{finding.code} is emitted but is no registered rule"
        assert finding.severity is rule.severity, (finding.code, finding.severity)


def test_the_examples_and_hostile_cases_emit_a_wide_range_of_codes(tmp_path: Path) -> None:
    """The test above is only as good as the codes it sees: every family appears."""
    broken = tmp_path / "lien-casse"
    shutil.copytree(ROOT / "examples" / "sisr-complet", broken)
    with (broken / "portfolio" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n[Ma procédure](../productions/absente.pdf)\n")
    codes = {f.code for d in [*DOSSIERS, broken] for f in check_dossier(d).findings}
    assert "P003" in codes
    assert {c[0] for c in codes} >= set("DSPTRCA")
    assert len(codes) >= 15


def _leaf_problem_types() -> list[type[problems.Problem]]:
    found = [
        obj
        for _, obj in inspect.getmembers(problems, inspect.isclass)
        if issubclass(obj, problems.Problem) and obj.__module__ == problems.__name__
    ]
    return [kind for kind in found if not any(other.__base__ is kind for other in found)]


def test_every_kind_of_problem_is_reported_by_exactly_one_rule() -> None:
    kinds = _leaf_problem_types()
    assert len(kinds) >= 15
    for kind in kinds:
        assert kind in PROBLEM_RULES, f"{kind.__name__} is reported by no rule"
    owners = [r for r in (*RULES.values(), *EVALUATION_RULES.values()) for _ in r.describers]
    assert len(owners) == len(PROBLEM_RULES)  # none claimed twice (the registry refuses it)


def test_a_problem_becomes_a_finding_with_the_code_and_severity_of_its_rule() -> None:
    where = Location("dossier.yaml", 3, 1)
    date = problems.FrenchDate(where, "stages[1].debut", "19/02/2027", dt.date(2027, 2, 19))
    finding = PROBLEM_RULES[type(date)].report(date)
    assert (finding.code, finding.severity) == ("S003", RULES["S003"].severity)
    assert "19 février 2027" in finding.message
    assert finding.location == where


def _calls_named(tree: ast.AST, name: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == name)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        )
    ]


def test_no_finding_is_built_outside_the_rule_machinery() -> None:
    allowed = {SRC / "rules" / "base.py", SRC / "rules" / "findings.py"}
    offenders = []
    for path in SRC.rglob("*.py"):
        if path in allowed:
            continue
        lines = _calls_named(ast.parse(path.read_text(encoding="utf-8")), "Finding")
        offenders += [f"{path.relative_to(SRC)}:{line}" for line in lines]
    assert offenders == []


def test_no_finding_has_its_code_replaced_after_the_fact() -> None:
    """`dataclasses.replace(finding, code=…)` would make a code its rule never stamped."""
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace"
                and any(k.arg in ("code", "severity") for k in node.keywords)
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


FORBIDDEN_IN_RULES = (
    "e4cli.importer",
    "e4cli.table",
    "e4cli.dossier.load",
    "e4cli.check.online",
    "e4cli.check.crawl",
    "e4cli.check.attestation_text",
    "e4cli.check.pipeline",
)


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("module", sorted((SRC / "rules").glob("*.py")), ids=lambda p: p.name)
def test_a_rule_module_reaches_neither_importer_table_loader_nor_network(module: Path) -> None:
    imported = _imports(ast.parse(module.read_text(encoding="utf-8")))
    bad = [n for n in imported if n.startswith(FORBIDDEN_IN_RULES)]
    assert bad == []


def test_a_rule_opens_no_file_itself() -> None:
    """File facts are gathered before the rules run (check/facts.py)."""
    io_calls = ("open", "read_bytes", "read_text", "read_head", "resolve", "iterdir", "scandir")
    offenders = []
    for path in sorted((SRC / "rules").glob("[a-z][0-9][0-9][0-9]_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in io_calls:
            offenders += [f"{path.name}:{line} {name}" for line in _calls_named(tree, name)]
    assert offenders == []


def test_declared_silences_name_registered_codes() -> None:
    for rule in RULES.values():
        assert isinstance(rule, Rule)
        for code in rule.silent_when:
            assert code in RULES, (rule.code, code)


def test_problems_are_plain_frozen_data() -> None:
    for kind in _leaf_problem_types():
        assert dataclasses.is_dataclass(kind)
        assert is_frozen(kind), kind
