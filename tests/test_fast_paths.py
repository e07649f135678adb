"""The fast paths of `e4 check` write exactly the reports of the slow ones.

`E4_SLOW_PATHS=1` sends every document through jsonschema instead of the compiled
checks of `check/compiled/`; every example and every hostile case must give the
same bytes and the same exit code both ways, in JSON and in text, alone and as a
class. The compiled checks must also be those of the schemas as they are now.
"""

from __future__ import annotations

import os
import shutil
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
