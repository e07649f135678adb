"""The shipped examples give exactly what examples/README.md promises."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import EXAMPLES, check_json

SECTION = re.compile(r"^### `([^`]+)/`", re.MULTILINE)
ROW = re.compile(r"^\| ([A-Z]\d{3}) \| `([^`]+)` \| (\d+|—) \|", re.MULTILINE)


def documented() -> dict[str, Counter[tuple[str, str, int | None]]]:
    """Per example folder, the findings its README table lists."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    parts = SECTION.split(text)[1:]
    expected: dict[str, Counter[tuple[str, str, int | None]]] = {}
    for name, body in zip(parts[::2], parts[1::2], strict=True):
        rows = ROW.findall(body)
        expected[name] = Counter(
            (code, path, None if line == "—" else int(line)) for code, path, line in rows
        )
    return expected


EXPECTED = documented()
COMPLETE = sorted(p.name for p in EXAMPLES.iterdir() if p.name.endswith("-complet"))


def test_every_example_folder_is_documented() -> None:
    folders = {p.name for p in EXAMPLES.iterdir() if (p / "dossier.yaml").exists()}
    assert folders == set(EXPECTED)
    assert {"sisr-complet", "slam-complet"} <= folders


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_gives_exactly_the_documented_findings(name: str) -> None:
    report = check_json(EXAMPLES / name)
    found = Counter((f["code"], f["path"], f["line"]) for f in report["findings"])
    assert found == EXPECTED[name]
    assert report["ok"] is (not any(f["severity"] == "error" for f in report["findings"]))


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_examples_are_clean(name: str) -> None:
    report = check_json(EXAMPLES / name)
    assert report["findings"] == []
    assert report["penalty_points"] == 0
    assert all(c["covered"] for c in report["coverage"].values())


def test_examples_are_small() -> None:
    total = sum(p.stat().st_size for p in EXAMPLES.rglob("*") if p.is_file())
    assert total < 2_000_000
