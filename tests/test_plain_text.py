"""The text report drawn without Rich (util/layout.py) is byte for byte Rich's drawing.

A report written to a pipe or a file is drawn by e4 itself; `E4_RICH=1` sends it through
Rich, the reference. Both must give the same bytes and exit code for every example and
hostile case, alone and as a class, with and without --verbose, at several widths; and,
over generated outcomes and class summaries (long words, accents, many or few competencies,
long paths, empty cells), the two drawings of the same page must agree.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, run_cli
from e4cli.check.coverage import CompetenceCoverage, Coverage
from e4cli.check.outcome import (
    ClassSummary,
    DossierOutcome,
    DossierSummary,
    RealisationRow,
    Verdict,
)
from e4cli.check.penalties import Penalty
from e4cli.report import text
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Finding, Location, Severity
from e4cli.util import layout
from e4cli.util.console import OutputConsole
from helpers_files import build

HOSTILE = Path(__file__).parent / "hostile"
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "dossier.yaml").is_file())
HOSTILE_NAMES = sorted(p.name for p in HOSTILE.iterdir() if (p / "dossier").is_dir())
WIDTHS = [80, 60, 120, 200, 40]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name in EXAMPLE_NAMES:
        shutil.copytree(EXAMPLES / name, root / f"exemple-{name}", symlinks=True)
    for name in HOSTILE_NAMES:
        dossier = build(root / f"piege-{name}")
        shutil.copytree(HOSTILE / name / "dossier", dossier, dirs_exist_ok=True)
    return root


@pytest.fixture
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every page the plain drawing handed to Rich."""
    seen: list[str] = []
    draw = layout.draw

    def counting(blocks: Any, width: int) -> str:
        try:
            return draw(blocks, width)
        except layout.Unsure:
            seen.append(f"width {width}")
            raise

    monkeypatch.setattr(layout, "draw", counting)
    yield seen


def _both(monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> tuple[Any, Any]:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv(layout.RICH_ENV, raising=False)
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    plain = run_cli("check", *args)
    monkeypatch.setenv(layout.RICH_ENV, "1")
    rich = run_cli("check", *args)
    monkeypatch.delenv(layout.RICH_ENV)
    return plain, rich


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("verbose", [False, True])
def test_each_dossier_alone_is_drawn_as_rich_draws_it(
    corpus: Path,
    width: int,
    verbose: bool,
    monkeypatch: pytest.MonkeyPatch,
    fallbacks: list[str],
) -> None:
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    assert len(folders) == len(EXAMPLE_NAMES) + len(HOSTILE_NAMES) >= 15
    extra = ["--verbose"] if verbose else []
    for folder in folders:
        plain, rich = _both(monkeypatch, width, *extra, str(folder))
        assert plain.exit_code == rich.exit_code, folder.name
        assert plain.stdout == rich.stdout, folder.name
        if folder.name.startswith("exemple-"):
            assert not fallbacks, f"{folder.name} went through Rich ({fallbacks})"
        fallbacks.clear()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("verbose", [False, True])
def test_the_class_is_drawn_as_rich_draws_it(
    corpus: Path,
    width: int,
    verbose: bool,
    monkeypatch: pytest.MonkeyPatch,
    fallbacks: list[str],
) -> None:
    extra = ["--verbose"] if verbose else []
    plain, rich = _both(monkeypatch, width, "-r", *extra, str(corpus))
    assert plain.exit_code == rich.exit_code
    assert plain.stdout == rich.stdout
    assert "Synthèse de la classe" in plain.stdout
    examples, _ = _both(monkeypatch, width, "-r", *extra, str(EXAMPLES))
    fallbacks.clear()
    plain, rich = _both(monkeypatch, width, "-r", *extra, str(EXAMPLES))
    assert plain.stdout == rich.stdout == examples.stdout
    assert fallbacks == []


def test_rich_is_not_imported_for_a_piped_report(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys, runpy\n"
        "sys.argv = ['e4', 'check', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('e4cli', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith('rich'))))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != layout.RICH_ENV}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "sisr-complet")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Couverture des compétences" in done.stdout
    assert done.stderr.strip().endswith("[]"), done.stderr[-500:]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environ", "tty", "expected"),
    [
        ({}, False, 80),
        ({"COLUMNS": "132"}, False, 132),
        ({"COLUMNS": "132"}, True, None),
        ({"COLUMNS": "132", "E4_RICH": "1"}, False, None),
        ({"COLUMNS": "132", "FORCE_COLOR": "1"}, False, None),
        ({"COLUMNS": "132", "FORCE_COLOR": ""}, False, None),
        ({"COLUMNS": "132", "TTY_COMPATIBLE": "1"}, False, None),
        ({"COLUMNS": "132", "TTY_COMPATIBLE": "0"}, True, 132),
        ({"COLUMNS": "132", "NO_COLOR": "1"}, False, 132),
        ({"COLUMNS": "5"}, False, None),
    ],
)
def test_the_plain_drawing_is_chosen_only_where_rich_writes_no_colour(
    environ: dict[str, str], tty: bool, expected: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = _Tty() if tty else io.StringIO()
    if not environ.get("COLUMNS"):  # no terminal on 0, 1, 2 either: Rich's 80
        monkeypatch.setattr(layout.os, "get_terminal_size", _no_terminal)
    assert layout.plain_width(cast(TextIO, stream), environ) == expected


def _no_terminal(descriptor: int) -> Any:
    raise OSError(descriptor)


def test_every_character_drawn_plainly_is_one_cell_for_rich() -> None:
    from rich.cells import cell_len, chop_cells, set_cell_size

    sample = "".join(
        chr(code) for start, end in layout.ONE_CELL_RANGES for code in range(start, end + 1)
    )
    assert [c for c in sample if cell_len(c) != 1] == []
    assert layout._safe(sample + "\n") == sample + "\n"
    drawn = []
    for code in range(0x3000):
        with contextlib.suppress(layout.Unsure):
            drawn.append(layout._safe(chr(code)))
    assert drawn == sorted(sample + "\n")
    assert chop_cells(sample + "…", 7) == [
        (sample + "…")[i : i + 7] for i in range(0, len(sample) + 1, 7)
    ]
    assert set_cell_size(sample, 33) == sample[:33]


# --- generated pages -----------------------------------------------------------------------

_LETTERS = string.ascii_letters + "éèêàçùôœÉÀÇ'’-_./:«»—…()0123456789"
_word = st.text(alphabet=_LETTERS, min_size=1, max_size=12) | st.text(
    alphabet=_LETTERS, min_size=13, max_size=70
)
_gap = st.sampled_from([" ", " ", " ", "  ", "\u00a0", " : "])


@st.composite
def _phrase(draw: st.DrawFn, most: int = 14) -> str:
    words = draw(st.lists(_word, min_size=1, max_size=most))
    out = words[0]
    for word in words[1:]:
        out += draw(_gap) + word
    return out


_path = st.lists(
    st.text(alphabet=string.ascii_lowercase + "éà-_0123456789", min_size=1, max_size=30),
    min_size=1,
    max_size=6,
).map("/".join)
_codes = st.lists(
    st.text(alphabet=string.ascii_uppercase + string.digits + ".", min_size=1, max_size=9),
    min_size=0,
    max_size=14,
    unique=True,
)


@st.composite
def _finding(draw: st.DrawFn) -> Finding:
    path = draw(st.none() | _path)
    location = Location(path, draw(st.none() | st.integers(1, 99999)), None)
    hint = draw(st.none() | _phrase())
    command = None
    if hint is not None and draw(st.booleans()):
        command = "e4 " + draw(_path)
        hint = (hint + " " + command) if draw(st.booleans()) else command
    return Finding(
        code=draw(st.sampled_from(["D001", "S002", "C003", "T004"])),
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(_phrase(30)),
        location=location,
        hint=hint,
        command=command,
    )


@st.composite
def _outcome(draw: st.DrawFn) -> DossierOutcome:
    codes = draw(_codes)
    rows = []
    for number in range(draw(st.integers(1, 8))):
        label = draw(_phrase(8) | st.just(""))
        cited = tuple(c for c in codes if draw(st.booleans()))
        rows.append(RealisationRow(f"r{number}", label, cited, draw(st.booleans())))
    competences = {}
    for code in codes:
        reals = [r.id for r in rows if r.placed and code in r.competences]
        items = {f"{code}-{i}": draw(st.sampled_from([[], ["r0"]])) for i in range(2)}
        competences[code] = CompetenceCoverage(code, draw(_phrase(6)), reals, items)
    coverage = Coverage(competences)
    penalties = tuple(
        Penalty(draw(st.sampled_from(["P001", "P002"])), draw(st.integers(1, 5)), draw(_phrase(5)))
        for _ in range(draw(st.integers(0, 2)))
    )
    e6 = draw(st.booleans())
    return DossierOutcome(
        display=draw(_path),
        path="x",
        findings=tuple(draw(st.lists(_finding(), max_size=5))),
        coverage=coverage,
        penalties=penalties,
        session=draw(st.none() | st.just(2026)),
        epreuve="E5",
        candidate=draw(st.none() | _phrase(4)),
        option=draw(st.none() | st.sampled_from(["SISR", "SLAM"])),
        realisations=tuple(rows),
        coverage_e6=coverage if e6 else None,
        e6_realisations=tuple(rows[:2]) if e6 else (),
        epreuve_e6="E6" if e6 else None,
    )


@st.composite
def _summary(draw: st.DrawFn) -> ClassSummary:
    codes = draw(_codes)
    labels = tuple((code, draw(_phrase(10))) for code in codes)
    summary = ClassSummary()
    for _ in range(draw(st.integers(2, 6))):
        covered = tuple(c for c in codes if draw(st.booleans()))
        checked = draw(st.integers(0, 5)) > 0
        summary.add(
            DossierSummary(
                display=draw(_path),
                path="x",
                candidate=draw(st.none() | _phrase(4)),
                option=None,
                verdict=draw(st.sampled_from(list(Verdict))),
                errors=draw(st.integers(0, 120)),
                warnings=draw(st.integers(0, 9)),
                infos=0,
                penalty_points=draw(st.sampled_from([0, 0, 2, 10])),
                covered=covered,
                uncovered=tuple(c for c in codes if c not in covered),
                labels=labels if checked else (),
            )
        )
    return summary


class _Capture:
    """An output that keeps the pages the report would print."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.encoding = "utf-8"
        self.pages: list[layout.Page] = []

    def emit(self, page: layout.Page) -> None:
        self.pages.append(page)


def _compare(pages: list[layout.Page], width: int) -> None:
    buffer = io.StringIO()
    stripped = layout.StripTrailingSpaces(buffer)
    console = OutputConsole(
        file=cast(TextIO, stripped),
        width=width,
        force_terminal=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
    reference = layout.RichOutput(console)
    mine = io.StringIO()
    plain = layout.StripTrailingSpaces(mine)
    for page in pages:
        reference.emit(page)
        plain.write(layout.draw(page.blocks, width))  # never unsure of these characters
    assert mine.getvalue() == buffer.getvalue()


_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(outcome=_outcome(), width=st.integers(20, 220), verbose=st.booleans())
def test_a_generated_dossier_is_drawn_as_rich_draws_it(
    outcome: DossierOutcome, width: int, verbose: bool
) -> None:
    out = _Capture(width)
    reporter = text.TextReporter(io.StringIO(), ReportOptions(verbose=verbose))
    reporter.out = out
    reporter.dossier(outcome)
    reporter.dossier(outcome)
    _compare(out.pages, width)


@_settings
@given(summary=_summary(), width=st.integers(20, 220))
def test_a_generated_class_summary_is_drawn_as_rich_draws_it(
    summary: ClassSummary, width: int
) -> None:
    out = _Capture(width)
    text.render_class_summary(summary, out)
    _compare(out.pages, width)


_cell = st.just("") | _phrase(3) | _phrase(12) | _word


@st.composite
def _table(draw: st.DrawFn) -> layout.Table:
    table = layout.Table(draw(_phrase(6)), show_footer=draw(st.booleans()))
    count = draw(st.integers(1, 12))
    for _ in range(count):
        table.add_column(
            layout.Text(draw(_cell)),
            footer=layout.Text(draw(_cell)),
            justify=draw(st.sampled_from(["left", "center", "right"])),
            overflow=draw(st.sampled_from(["fold", "ellipsis"])),
            no_wrap=draw(st.booleans()),
        )
    for _ in range(draw(st.integers(0, 6))):
        table.add_row(*(layout.Text(draw(_cell)) for _ in range(count)))
    return table


@_settings
@given(table=_table(), width=st.integers(20, 220))
def test_a_generated_table_is_drawn_as_rich_draws_it(table: layout.Table, width: int) -> None:
    page = layout.Page()
    page.print(table)
    page.print(layout.Padding(layout.Group(layout.Text(table.title), table.columns[0].header), 2))
    page.rule()
    page.print(layout.Text(table.title), soft_wrap=True)
    page.print()
    _compare([page], width)
