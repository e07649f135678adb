"""The fast paths of `e4 check` write exactly the reports of the slow ones.

`E4_SLOW_PATHS=1` sends every document through jsonschema instead of the compiled
checks of `check/compiled/`; every example and every hostile case must give the
same bytes and the same exit code both ways, in JSON and in text, alone and as a
class. The compiled checks must also be those of the schemas as they are now.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli, run_e4
from e4cli.check import compile_schemas
from e4cli.check.schema import SLOW_PATHS_ENV, fast_check
from helpers_files import build

HOSTILE = Path(__file__).parent / "hostile"
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "dossier.yaml").is_file())
HOSTILE_NAMES = sorted(p.name for p in HOSTILE.iterdir() if (p / "dossier").is_dir())


def test_the_compiled_checks_are_those_of_the_current_schemas() -> None:
    for name, module in compile_schemas.COMPILED.items():
        text = (compile_schemas.OUT / f"{module}.py").read_text(encoding="utf-8")
        assert f"SCHEMA_DIGEST = {compile_schemas.digest(name)!r}" in text, (
            f"{name} a changé : relancez python -m e4cli.check.compile_schemas"
        )
        assert "import fastjsonschema" not in text and "from fastjsonschema" not in text


@pytest.fixture
def slow_paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(SLOW_PATHS_ENV, "1")
    fast_check.cache_clear()
    yield
    monkeypatch.delenv(SLOW_PATHS_ENV)
    fast_check.cache_clear()


def test_the_switch_turns_the_compiled_checks_off(slow_paths: None) -> None:
    assert fast_check("dossier.schema.json") is None


def test_the_compiled_checks_are_on_by_default() -> None:
    assert os.environ.get(SLOW_PATHS_ENV) is None
    assert fast_check("dossier.schema.json") is not None
    assert fast_check("realisation.schema.json") is not None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example and every committed hostile case, side by side in one folder."""
    root = tmp_path_factory.mktemp("corpus")
    for name in EXAMPLE_NAMES:
        shutil.copytree(EXAMPLES / name, root / f"exemple-{name}", symlinks=True)
    for name in HOSTILE_NAMES:
        dossier = build(root / f"piege-{name}")
        shutil.copytree(HOSTILE / name / "dossier", dossier, dirs_exist_ok=True)
    return root


def _report(folder: Path, fmt: str) -> tuple[int, str]:
    result = run_cli("check", "--format", fmt, str(folder))
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_each_dossier_alone_gets_the_same_report_both_ways(
    corpus: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    assert len(folders) == len(EXAMPLE_NAMES) + len(HOSTILE_NAMES) >= 15
    fast = {f.name: _report(f, fmt) for f in folders}
    monkeypatch.setenv(SLOW_PATHS_ENV, "1")
    fast_check.cache_clear()
    try:
        slow = {f.name: _report(f, fmt) for f in folders}
    finally:
        monkeypatch.delenv(SLOW_PATHS_ENV)
        fast_check.cache_clear()
    for name in fast:
        assert fast[name] == slow[name], name
    # the corpus exercises both verdicts, so both paths of validate() ran
    assert {code for code, _ in fast.values()} == {0, 1}


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_the_whole_class_gets_the_same_report_both_ways(corpus: Path, fmt: str) -> None:
    """As a user runs it: a subprocess over the class, workers included."""
    args = ("check", "-r", "--format", fmt, str(corpus))
    fast = run_e4(*args)
    slow = run_e4(*args, env={**os.environ, SLOW_PATHS_ENV: "1"})
    assert "Traceback" not in fast.stderr + slow.stderr
    assert fast.returncode == slow.returncode == 1
    assert fast.stdout == slow.stdout
    assert fast.stdout.count("exemple-") >= len(EXAMPLE_NAMES)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_the_version_answered_early_is_typers(flag: str) -> None:
    early = run_e4(flag)  # python -m e4cli: the console script's entry.main
    typer_answer = run_cli(flag)
    assert early.returncode == typer_answer.exit_code == 0
    assert early.stdout == typer_answer.stdout
    assert early.stdout.startswith("e4 ")


def test_the_console_script_is_the_early_entry() -> None:
    import tomllib

    from conftest import ROOT

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["scripts"]["e4"] == "e4cli.__main__:main"


# ------------------------------------------------------------------ caches (util/cache.py)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_the_caches_never_change_a_report(corpus: Path, tmp_path: Path, fmt: str) -> None:
    """No cache, a cold one, then the same one warm: the same bytes, over every case."""
    args = ("check", "-r", "--format", fmt, str(corpus))
    cache = tmp_path / "cache"
    without = run_e4(*args, env={**os.environ, "E4_CACHE_DIR": "none"})
    cold = run_e4(*args, env={**os.environ, "E4_CACHE_DIR": str(cache)})
    warm = run_e4(*args, env={**os.environ, "E4_CACHE_DIR": str(cache)})
    assert "Traceback" not in without.stderr + cold.stderr + warm.stderr
    assert without.returncode == cold.returncode == warm.returncode == 1
    assert without.stdout == cold.stdout == warm.stdout
    kept = {folder.name.split("-")[0] for folder in cache.iterdir()}
    assert kept == {"attestations", "links"}  # both were used, so both were tested


def test_a_damaged_cache_entry_is_read_again(tmp_path: Path) -> None:
    dossier = tmp_path / "d"
    shutil.copytree(EXAMPLES / "sisr-complet", dossier)
    cache = tmp_path / "cache"
    env = {**os.environ, "E4_CACHE_DIR": str(cache)}
    first = run_e4("check", str(dossier), "--format", "json", env=env)
    entries = sorted(cache.rglob("*.json"))
    assert entries
    sound = [entry.read_bytes() for entry in entries]
    garbage = ['{"text": 3', '{"text": "x"}', '[["a", 1, 1]]', "\x00\xff"]
    for number, entry in enumerate(entries):
        entry.write_text(garbage[number % len(garbage)], encoding="utf-8")
    again = run_e4("check", str(dossier), "--format", "json", env=env)
    assert again.returncode == first.returncode and again.stdout == first.stdout
    assert "Traceback" not in again.stderr
    assert [entry.read_bytes() for entry in entries] == sound  # each rewritten whole


def test_a_changed_attestation_is_read_again(tmp_path: Path) -> None:
    """The cache is keyed by content: new words are read, never the old ones served."""
    from conftest import tiny_pdf

    dossier = tmp_path / "d"
    shutil.copytree(EXAMPLES / "sisr-complet", dossier)
    env = {**os.environ, "E4_CACHE_DIR": str(tmp_path / "cache")}
    before = run_e4("check", str(dossier), "--format", "json", env=env)
    attestation = sorted((dossier / "attestations").glob("*.pdf"))[0]
    attestation.write_bytes(tiny_pdf("Bon pour accord"))
    after = run_e4("check", str(dossier), "--format", "json", env=env)
    fresh = run_e4("check", str(dossier), "--format", "json", env={**env, "E4_CACHE_DIR": "none"})
    assert after.stdout == fresh.stdout != before.stdout


def test_an_unwritable_cache_folder_costs_only_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, "E4_CACHE_DIR": str(blocker / "cache")}
    blocked = run_e4("check", str(EXAMPLES / "sisr-complet"), "--format", "json", env=env)
    none = run_e4(
        "check", str(EXAMPLES / "sisr-complet"), "--format", "json",
        env={**os.environ, "E4_CACHE_DIR": "none"},
    )
    assert blocked.returncode == none.returncode == 0
    assert blocked.stdout == none.stdout and blocked.stderr == none.stderr == ""


# ------------------------------------------------------------------ the command line


def test_the_help_answered_early_is_typers() -> None:
    from e4cli.cli.prerender import module_source, render_help
    from e4cli.help_text import TEXT

    assert render_help(80) == TEXT, "e4 --help a changé : relancez python -m e4cli.cli.prerender"
    assert render_help(200) == TEXT  # Click caps help at 80 columns: one text for all wider
    source = (Path(__import__("e4cli").__file__).parent / "help_text.py").read_text("utf-8")
    assert source == module_source(TEXT)
    for flag in ("--help", "-h"):
        for columns in ("80", "132"):
            early = run_e4(flag, env={**os.environ, "COLUMNS": columns})
            assert early.returncode == 0 and early.stdout == TEXT


def test_a_narrow_terminal_gets_typers_own_help() -> None:
    from e4cli.cli.prerender import render_help

    narrow = run_e4("--help", env={**os.environ, "COLUMNS": "60"})
    assert narrow.returncode == 0
    assert narrow.stdout == render_help(60) != render_help(80)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--help"],
        ["check"],
        ["check", "--formt", "json", "x"],
        ["check", "--format", "xml", "x"],
        ["check", "inexistant"],
        ["table", "--help"],
        ["grille", "--help"],
        ["import", "--help"],
        ["chek", "x"],
        ["--verbose"],
        [],
    ],
)
def test_the_reduced_app_answers_as_the_whole_app(args: list[str]) -> None:
    """`cli.app_for` builds only the command named first: same bytes, same exit code."""
    env = {**os.environ, "COLUMNS": "80"}
    whole = subprocess.run(
        [sys.executable, "-c", f"from e4cli.cli import app; app({args!r}, prog_name='e4')"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    reduced = run_e4(*args, env=env)
    assert reduced.returncode == whole.returncode
    assert reduced.stdout == whole.stdout
    assert reduced.stderr == whole.stderr


QUICK_COMMAND_LINES = [
    ["d"],
    ["d", "e", "f"],
    ["--format", "json", "d"],
    ["-f", "sarif", "d"],
    ["--format=markdown", "d"],
    ["d", "--format", "json", "--format", "text"],
    ["--strict", "-v", "d"],
    ["-r", "--online", "d", "--verbose"],
    ["--fix", "d"],
    ["--diff", "d"],
    ["-w", "d"],
    ["--watch", "--strict", "d"],
    ["--", "-d", "--strict"],
    ["d", "--", "e"],
    ["--recursive", "d", "e"],
]


@pytest.mark.parametrize("args", QUICK_COMMAND_LINES)
@pytest.mark.parametrize("github", [False, True])
def test_the_quick_reading_of_e4_check_is_typers(
    args: list[str], github: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cli/quick.py reads these lines into exactly what Typer hands run_check_command."""
    from e4cli.cli import check_run
    from e4cli.cli.quick import read_check

    monkeypatch.setenv("GITHUB_ACTIONS", "true" if github else "false")
    seen: list[tuple[list[Path], object, bool]] = []

    def capture(dossiers: list[Path], options: object, *, watch: bool) -> None:
        seen.append((list(dossiers), options, watch))

    monkeypatch.setattr(check_run, "run_check_command", capture)
    result = run_cli("check", *args)
    assert result.exit_code == 0, result.output
    assert seen == [read_check(args)]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["-rv", "d"],
        ["-fjson", "d"],
        ["--format", "xml", "d"],
        ["--format"],
        ["--format="],
        ["-o", "r.json", "d"],
        ["--jobs", "2", "d"],
        ["--help"],
        ["-", "d"],
        ["--stric", "d"],
        ["--strict"],
    ],
)
def test_what_the_quick_reader_does_not_know_is_left_to_typer(args: list[str]) -> None:
    from e4cli.cli.quick import Declined, read_check

    with pytest.raises(Declined):
        read_check(args)


def test_the_quick_reader_knows_every_check_format() -> None:
    from e4cli.cli.commands import CheckFormat
    from e4cli.cli.quick import FORMATS

    assert tuple(fmt.value for fmt in CheckFormat) == FORMATS
