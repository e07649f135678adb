"""Where the shipped data lives: schemas, templates and referentials.

In a wheel, `schemas/` and `templates/` are installed inside the package;
in a source checkout (or an editable install) they sit at the project's top
level. Both layouts are looked up, package first.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent  # the e4cli package


def _shipped_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"dossier de données « {name} » introuvable dans l'installation de e4")


def schemas_dir() -> Path:
    return _shipped_dir("schemas")


def templates_dir() -> Path:
    return _shipped_dir("templates")


def referentials_dir() -> Path:
    return _PACKAGE / "dossier" / "referentiels"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema by file name, parsed once per process."""
    with (schemas_dir() / name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema
