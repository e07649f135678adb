"""The published schemas: valid draft 2020-12, stable ids, French docs on every property."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from e4cli.util.resources import load_schema, schemas_dir

NAMES = sorted(p.name for p in schemas_dir().glob("*.schema.json"))


def properties(schema: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{where}/{name}", sub
        for key, value in schema.items():
            yield from properties(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from properties(value, f"{where}/{index}")


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_and_has_a_stable_id(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"https://e4cli.github.io/schemas/1/{name}"


@pytest.mark.parametrize("name", ["dossier.schema.json", "realisation.schema.json"])
def test_every_property_has_a_french_title_and_description(name: str) -> None:
    for where, sub in properties(load_schema(name)):
        assert sub.get("title") and sub.get("description"), where
