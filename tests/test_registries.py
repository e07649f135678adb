"""One registry shape for every kind of output: each registered format renders."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES
from e4cli import cli
from e4cli.check.outcome import ClassSummary
from e4cli.check.pipeline import check_dossier
from e4cli.jury.appraisal import build_appraisal
from e4cli.jury.evaluation import evaluate
from e4cli.jury.fiche.formats import FICHE_FORMATS
from e4cli.jury.fiche.model import build_fiche
from e4cli.jury.formats import APPRAISAL_FORMATS, GRID_FORMATS
from e4cli.jury.grid import build_grid
from e4cli.report.base import ReportOptions
from e4cli.report.classreport import view
from e4cli.report.formats import CLASS_REPORTS, REPORTERS
from e4cli.table import pdf
from e4cli.table.formats import TABLE_FORMATS
from e4cli.table.source import load_table
from e4cli.util.formats import FormatError, Registry
from table_support import chromium

# What a document of each kind starts with, by format.
SIGNATURES = {
    "html": b"<!DOCTYPE html>",
    "pdf": b"%PDF-",
    "xlsx": b"PK\x03\x04",
    "csv": b"\xef\xbb\xbf",
    "docx": b"PK\x03\x04",
}


def _needs_browser(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name == "pdf":
        found = chromium()
        assert found is not None
        monkeypatch.setenv(pdf.ENV_BROWSER, found)


def _starts_right(name: str, data: bytes) -> None:
    assert isinstance(data, bytes) and data
    if name in SIGNATURES:
        assert data.startswith(SIGNATURES[name]), data[:40]


@pytest.mark.parametrize("name", TABLE_FORMATS.names())
def test_every_table_format_renders(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_browser(name, monkeypatch)
    model = load_table(EXAMPLES / "sisr-complet").model
    assert model is not None
    data = TABLE_FORMATS[name].render(model)
    _starts_right(name, data)
    if name == "json":
        assert json.loads(data)
    if name in ("md", "json", "html", "csv"):
        assert model.sections[0].rows[0].intitule in data.decode("utf-8-sig")


@pytest.mark.parametrize("name", GRID_FORMATS.names())
def test_every_grid_format_renders(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_browser(name, monkeypatch)
    grid = build_grid(check_dossier(EXAMPLES / "sisr-complet"))
    _starts_right(name, GRID_FORMATS[name].render(grid))


def test_the_jury_html_entry_renders_the_grid_page() -> None:
    """It used to point at a module that does not exist (ModuleNotFoundError)."""
    checked = check_dossier(EXAMPLES / "sisr-complet")
    page = GRID_FORMATS["html"].render(build_grid(checked)).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Grille d'aide à l'évaluation" in page or "GRILLE" in page.upper()
    assert "B1.1" in page


@pytest.mark.parametrize("name", APPRAISAL_FORMATS.names())
def test_every_appraisal_format_renders(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_browser(name, monkeypatch)
    checked = check_dossier(EXAMPLES / "sisr-complet")
    assert checked.dossier is not None
    source = EXAMPLES / "evaluations" / "sisr-complet.yaml"
    evaluation = evaluate(source, str(source), checked.dossier, checked.coverage).evaluation
    assert evaluation is not None
    appraisal = build_appraisal(build_grid(checked), evaluation)
    _starts_right(name, APPRAISAL_FORMATS[name].render(appraisal))


@pytest.mark.parametrize("name", CLASS_REPORTS.names())
def test_every_class_report_format_renders(name: str, tmp_path: Path) -> None:
    summary = ClassSummary()
    for example in ("sisr-complet", "slam-complet"):
        summary.add(check_dossier(EXAMPLES / example).outcome.summary())
    data = CLASS_REPORTS[name].render(view(summary, "examples", tmp_path))
    _starts_right(name, data)
    assert "sisr-complet" in data.decode("utf-8-sig")


@pytest.mark.parametrize("name", REPORTERS.names())
@pytest.mark.parametrize("many", [False, True])
def test_every_reporter_is_built_the_same_way_and_reports(name: str, many: bool) -> None:
    outcomes = [check_dossier(EXAMPLES / e).outcome for e in ("casse-manifeste", "sisr-complet")]
    stream = io.StringIO()
    reporter = REPORTERS[name].load()(stream, ReportOptions(verbose=True, many=many))
    summary = ClassSummary()
    reporter.start()
    for outcome in outcomes[: 2 if many else 1]:
        reporter.dossier(outcome)
        summary.add(outcome.summary())
    reporter.finish(summary)
    text = stream.getvalue()
    assert "casse-manifeste" in text
    if name in ("json", "gitlab", "sarif"):
        json.loads(text)


@pytest.mark.parametrize("name", FICHE_FORMATS.names())
def test_every_fiche_format_renders(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_browser(name, monkeypatch)
    dossier = check_dossier(EXAMPLES / "slam-complet").dossier
    assert dossier is not None
    _starts_right(name, FICHE_FORMATS[name].render(build_fiche(dossier)))


def test_the_command_line_offers_exactly_the_registered_formats() -> None:
    pairs = [
        (cli.CheckFormat, REPORTERS),
        (cli.TableFormat, TABLE_FORMATS),
        (cli.GridFormat, GRID_FORMATS),
        (cli.AppraisalFormat, APPRAISAL_FORMATS),
        (cli.ReportFormat, CLASS_REPORTS),
        (cli.FicheFormat, FICHE_FORMATS),
    ]
    for choices, registry in pairs:
        assert [c.value for c in choices] == registry.names(), choices


def test_every_renderer_target_resolves() -> None:
    registries = (
        REPORTERS,
        CLASS_REPORTS,
        TABLE_FORMATS,
        GRID_FORMATS,
        APPRAISAL_FORMATS,
        FICHE_FORMATS,
    )
    for registry in registries:
        for fmt in registry:
            assert callable(fmt.load()), fmt.renderer


def test_pick_from_the_name_the_extension_or_the_default() -> None:
    registry: Registry[object] = TABLE_FORMATS  # type: ignore[assignment]
    assert registry.pick(None, None).name == "html"
    assert registry.pick(None, Path("t.CSV")).name == "csv"
    assert registry.pick("md", None).name == "md"
    assert registry.pick("md", Path("t.md")).name == "md"
    with pytest.raises(FormatError, match="se contredisent"):
        registry.pick("md", Path("t.csv"))
    with pytest.raises(FormatError, match=r"extension « \.txt » inconnue"):
        registry.pick(None, Path("t.txt"))
    with pytest.raises(FormatError, match="binaire"):
        registry.require_output(registry["xlsx"], None)
    registry.require_output(registry["xlsx"], Path("t.xlsx"))
