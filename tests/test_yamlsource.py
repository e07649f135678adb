"""Positions, duplicate keys and alias budgets of the YAML reader."""

from __future__ import annotations

import pytest
import yaml

from e4cli.dossier.yamlsource import TooComplex, parse_yaml
from e4cli.rules.registry import report


def test_values_know_their_line_and_column() -> None:
    doc = parse_yaml("a:\n  b:\n    - x\n    - y: 1\n", "f.yaml")
    loc = doc.locate(["a", "b", 1, "y"])
    assert (loc.path, loc.line, loc.column) == ("f.yaml", 4, 10)
    assert doc.locate_key(["a", "b"]).line == 2


def test_a_missing_path_points_at_the_nearest_ancestor() -> None:
    doc = parse_yaml("a:\n  b: 1\n", "f.yaml")
    assert doc.locate(["a", "zzz", 3]).line == 2
    assert not doc.has(["a", "zzz"])


def test_dates_become_iso_text_and_impossible_dates_stay_text() -> None:
    doc = parse_yaml("d: 2027-01-19\nx: 2027-02-30\nn: '02'\n", "f.yaml")
    assert doc.data == {"d": "2027-01-19", "x": "2027-02-30", "n": "02"}


def test_duplicate_keys_are_findings_and_the_first_value_stays() -> None:
    doc = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert doc.data == {"a": 1, "b": 2}
    findings = [report(problem) for problem in doc.problems]
    assert [(f.code, f.location.line) for f in findings] == [("D006", 3)]


def test_aliases_expand_within_the_budget() -> None:
    doc = parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


def test_an_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    with pytest.raises(TooComplex):
        parse_yaml("\n".join(lines), "bomb.yaml")


def test_syntax_errors_raise_with_a_mark() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as info:
        parse_yaml("a: b: c\n", "f.yaml")
    assert info.value.problem_mark is not None
    assert info.value.problem_mark.line == 0
