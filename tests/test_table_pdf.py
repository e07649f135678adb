"""The PDF table (printed by headless Chromium), and every format for the shipped examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EXAMPLES, run_cli
from e4cli.table import pdf
from table_support import build_dossier, chromium, standard_realisations

FORMATS = ("html", "md", "csv", "json", "xlsx", "pdf")


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> str:
    found = chromium()
    assert found is not None
    monkeypatch.setenv(pdf.ENV_BROWSER, found)
    return found


def test_pdf_is_one_a4_landscape_page_with_the_table(tmp_path: Path, browser: str) -> None:
    root = build_dossier(tmp_path / "d", standard_realisations(15))
    target = tmp_path / "tableau.pdf"
    result = run_cli("table", str(root), "-o", str(target))
    assert result.exit_code == 0
    reader = PdfReader(str(target))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595
    text = " ".join((reader.pages[0].extract_text() or "").split())
    assert "Tableau de synthèse des réalisations professionnelles" in text
    assert "Réalisations en milieu professionnel en cours de seconde année" in text


def test_missing_engine_gives_a_clear_french_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pdf.ENV_BROWSER, str(tmp_path / "absent"))
    root = build_dossier(tmp_path / "d", standard_realisations(2))
    result = run_cli("table", str(root), "-o", str(tmp_path / "t.pdf"))
    assert result.exit_code == 2
    assert "Chromium, Google Chrome ou Microsoft Edge" in result.stderr
    assert not (tmp_path / "t.pdf").exists()


def test_browser_command_is_isolated(tmp_path: Path) -> None:
    args = pdf.command("chromium", tmp_path / "t.html", tmp_path / "t.pdf", tmp_path / "p")
    assert "--headless" in args and "--no-pdf-header-footer" in args
    assert f"--user-data-dir={tmp_path / 'p'}" in args
    assert "--disable-background-networking" in args
    assert args[-1].startswith("file://")


@pytest.mark.parametrize("example", ["sisr-complet", "slam-complet"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_for_the_examples(
    tmp_path: Path, example: str, fmt: str, request: pytest.FixtureRequest
) -> None:
    if fmt == "pdf":
        request.getfixturevalue("browser")
    target = tmp_path / f"tableau.{fmt}"
    result = run_cli("table", str(EXAMPLES / example), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().endswith(f"écrit dans « {target} ».")
    assert "incomplet" not in result.stderr  # the examples are complete
    data = target.read_bytes()
    assert data
    if fmt == "json":
        loaded = json.loads(data)
        assert sum(len(s["rows"]) for s in loaded["sections"]) == len(
            list((EXAMPLES / example / "realisations").glob("*.yaml"))
        )
    elif fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "xlsx":
        assert data.startswith(b"PK")
