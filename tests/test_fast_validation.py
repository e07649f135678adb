"""The compiled validity check (check/compiled/) agrees with jsonschema's verdict."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MANIFEST, REAL_FORMATION, REAL_STAGE
from e4cli.check import compile_schemas
from e4cli.check.schema import DOCUMENT_SCHEMAS, is_valid_fast, validator_for

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2100),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2027-01-19", "19/01/27", "B1.3", "SISR", "equipe", "stage", "", "x" * 400]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
)


def as_json(text: str) -> Any:
    def fix(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    return fix(yaml.safe_load(text))


BASES = {
    "dossier.schema.json": as_json(MANIFEST),
    "realisation.schema.json": as_json(
        REAL_STAGE + "modalite: equipe\ncontribution: moi\nproductions:\n"
        "  - titre: Doc\n    fichier: productions/a.pdf\n  - titre: Site\n    url: https://x.fr\n"
    ),
}


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, sub in value.items():
            found += paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found += paths(sub, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(DOCUMENT_SCHEMAS))
    data = copy.deepcopy(BASES[name])
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for key in where[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete":
            del parent[where[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["id", "inconnu", "intitulé", "stage", "url"]))] = draw(
                VALUES
            )
        else:
            parent[where[-1]] = draw(VALUES)
        if not paths(data)[1:]:
            break
    return name, data


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_fast_and_full_validation_give_the_same_verdict(case: tuple[str, Any]) -> None:
    name, data = case
    full = not any(True for _ in validator_for(name).iter_errors(data))
    assert is_valid_fast(data, name) is full


def test_the_valid_bases_pass_both_ways() -> None:
    for name, data in BASES.items():
        assert is_valid_fast(data, name) is True
        assert not list(validator_for(name).iter_errors(data))
    assert as_json(REAL_FORMATION)["cadre"] == "formation"


TRICKY = [True, False, None, 0, 1, 2, 2.0, -1, "", "x" * 400, "2027-02-30", "B1.3", [], {}, ["a"]]


def test_every_single_tricky_replacement_gets_the_same_verdict() -> None:
    """Exhaustive over single replacements: each path of each base, each tricky value."""
    for name, base in BASES.items():
        for where in paths(base)[1:]:
            for value in TRICKY:
                data = copy.deepcopy(base)
                parent = data
                for key in where[:-1]:
                    parent = parent[key]
                parent[where[-1]] = value
                full = not any(True for _ in validator_for(name).iter_errors(data))
                assert is_valid_fast(data, name) is full, (name, where, value)


def test_a_final_newline_does_not_pass_a_pattern_ending_in_dollar() -> None:
    """JSON Schema's `$` is JavaScript's: the end of the text, not before a final newline."""
    name = "dossier.schema.json"
    data = json.loads(json.dumps(BASES[name]))
    data["stages"][0]["id"] = "stage1\n"
    assert is_valid_fast(data, name) is False
    assert list(validator_for(name).iter_errors(data))


# ------------------------------------------------------------------ the referentials' JSON


def test_each_referential_ships_the_json_of_its_yaml() -> None:
    from e4cli.util.resources import referentials_dir

    sources = sorted(referentials_dir().glob("*.yaml"))
    assert sources
    for source in sources:
        shipped = source.with_suffix(".json").read_text(encoding="utf-8")
        assert shipped == compile_schemas.compiled_referential(source), (
            f"{source.name} a changé : relancez python -m e4cli.check.compile_schemas"
        )


def test_the_json_is_used_only_for_the_yaml_it_was_made_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from e4cli.dossier import referential
    from e4cli.util.resources import referentials_dir

    folder = tmp_path / "referentiels"
    shutil.copytree(referentials_dir(), folder)
    monkeypatch.setattr(referential, "referentials_dir", lambda: folder)
    referential.load_referential.cache_clear()
    try:
        from_json = referential.load_referential()
        source = folder / f"{referential.DEFAULT_ID}.yaml"
        text = source.read_text(encoding="utf-8")
        renamed = text.replace("Support et mise à disposition", "Support et mise a disposition")
        assert renamed != text
        source.write_text(renamed, encoding="utf-8")
        referential.load_referential.cache_clear()
        from_yaml = referential.load_referential()  # the JSON is now older than the YAML
        assert from_yaml != from_json
        assert "mise a disposition" in from_yaml.block_label
        (folder / f"{referential.DEFAULT_ID}.json").unlink()
        referential.load_referential.cache_clear()
        assert referential.load_referential() == from_yaml
    finally:
        referential.load_referential.cache_clear()
