"""Many dossiers at once: discovery, parallel checks in a stable order, the class summary."""

from __future__ import annotations

import json
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from class_support import make_class
from conftest import run_cli, run_e4, valid_files, write_tree
from e4cli.check import batch
from e4cli.check.outcome import ClassSummary
from e4cli.cli import progress
from e4cli.dossier.discovery import Target, class_targets, find_dossiers, targets


def _glob(root: Path) -> list[str]:
    return [str(p) for p in sorted(root.iterdir()) if p.is_dir()]


def test_find_dossiers_skips_hidden_and_tool_folders_and_links_out(tmp_path: Path) -> None:
    outside = write_tree(tmp_path / "ailleurs" / "intrus", valid_files())
    root = tmp_path / "classe"
    for rel in ("b-eleve", "a-eleve", "groupe/c-eleve", ".git/cache", "node_modules/x", ".venv/y"):
        write_tree(root / rel, valid_files())
    write_tree(root / "a-eleve" / "portfolio" / "copie", valid_files())  # inside a dossier
    (root / "lien-dehors").symlink_to(outside, target_is_directory=True)
    (root / "lien-dedans").symlink_to(root / "groupe", target_is_directory=True)
    found = [p.relative_to(root).as_posix() for p in find_dossiers(root)]
    assert found == ["a-eleve", "b-eleve", "groupe/c-eleve"]


def test_a_folder_that_is_itself_a_dossier_is_found(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier()
    assert find_dossiers(path) == [path]


def test_class_targets_also_list_student_folders_without_manifest(tmp_path: Path) -> None:
    make_class(tmp_path, 4)
    (tmp_path / ".cache").mkdir()
    names = [Path(t.display).name for t in class_targets(tmp_path)]
    assert names == ["eleve01", "eleve02", "eleve03", "eleve04"]  # eleve03 has no dossier.yaml


def test_targets_keep_the_order_given_and_report_empty_folders(tmp_path: Path) -> None:
    make_class(tmp_path / "c", 2)
    (tmp_path / "vide").mkdir()
    given = [tmp_path / "c" / "eleve02", tmp_path / "c" / "eleve01"]
    found, empty = targets(given, recursive=False)
    assert [t.path for t in found] == given and not empty
    found, empty = targets([tmp_path / "vide", tmp_path / "c"], recursive=True)
    assert [t.path.name for t in found] == ["eleve01", "eleve02"]
    assert empty == [tmp_path / "vide"]


def test_plan_uses_this_process_for_one_dossier_or_one_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert batch.plan(1, None) == (0, 0)
    assert batch.plan(1000, 1) == (0, 0)
    monkeypatch.setattr(batch, "available_cpus", lambda: 1)
    assert batch.plan(1000, None) == (0, 0)
    monkeypatch.setattr(batch, "available_cpus", lambda: 4)
    workers, chunk = batch.plan(1000, None)
    assert workers == 4 and 1 <= chunk <= batch.MAX_CHUNK
    assert batch.plan(3, 2) == (2, 1)  # an explicit --jobs always uses workers


def test_parallel_and_sequential_give_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    make_class(tmp_path, 12)
    paths = _glob(tmp_path)
    one = run_cli("check", *paths, "--format", "json", "--jobs", "1")
    two = run_cli("check", *paths, "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert [r["dossier"] for r in json.loads(two.stdout)] == paths


def test_outcomes_are_small_and_picklable_without_the_yaml_trees(tmp_path: Path) -> None:
    make_class(tmp_path, 1)
    outcome = batch.check_target(Target(tmp_path / "eleve01", "eleve01"))
    data = pickle.dumps(outcome)
    assert len(data) < 20_000
    assert b"yaml.nodes" not in data and b"YamlDocument" not in data
    assert pickle.loads(data) == outcome


def test_the_batch_streams_outcomes_as_they_come(tmp_path: Path) -> None:
    """The runner is a generator: the first outcome arrives before the last is checked."""
    make_class(tmp_path, 10)
    items = [Target(p, p.name) for p in sorted(tmp_path.iterdir())]
    stream = batch.run(items, jobs=1)
    first = next(stream)
    assert first.display == "eleve01"
    assert [o.display for o in stream] == [f"eleve{n:02d}" for n in range(2, 11)]


def _crash_on_eleve02(monkeypatch: pytest.MonkeyPatch) -> None:
    import e4cli.check.pipeline

    real = e4cli.check.pipeline.check_dossier

    def flaky(path: Path, display: str | None = None, *, online: bool = False) -> object:
        if path.name == "eleve02":
            raise RuntimeError("panne simulée")
        return real(path, display, online=online)

    monkeypatch.setattr(e4cli.check.pipeline, "check_dossier", flaky)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failure_on_one_dossier_never_stops_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    make_class(tmp_path, 4)
    _crash_on_eleve02(monkeypatch)  # forked workers inherit the patch
    result = run_cli("check", *_glob(tmp_path), "--format", "json", "--jobs", jobs)
    assert result.exit_code == 2
    reports = json.loads(result.stdout)
    assert [Path(r["dossier"]).name for r in reports] == [
        "eleve01",
        "eleve02",
        "eleve03",
        "eleve04",
    ]
    # the dossier e4 failed on is in the report, said as such, never silently dropped
    failed = reports[1]
    assert failed["ok"] is False and "internal_error" in failed
    assert all("internal_error" not in r for r in (reports[0], *reports[2:]))
    assert "erreur interne" in result.stderr and "eleve02" in result.stderr


def test_a_dead_worker_leaves_the_rest_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_class(tmp_path, 6)
    import e4cli.check.pipeline

    parent = os.getpid()
    real = e4cli.check.pipeline.check_dossier

    def dying(path: Path, display: str | None = None, *, online: bool = False) -> object:
        if path.name == "eleve04" and os.getpid() != parent:
            os._exit(3)  # a worker killed (out of memory, signal)
        return real(path, display, online=online)

    monkeypatch.setattr(e4cli.check.pipeline, "check_dossier", dying)
    items = [Target(p, p.name) for p in sorted(tmp_path.iterdir())]
    outcomes = list(batch.run(items, jobs=2))
    assert [o.display for o in outcomes] == [p.name for p in sorted(tmp_path.iterdir())]
    assert all(o.error is None for o in outcomes)


def test_thirty_dossiers_in_one_command_right_verdicts_stable_order_faster(
    tmp_path: Path,
) -> None:
    """The issue's acceptance: a class of 30 (some broken), one command vs one by one."""
    students = make_class(tmp_path / "classe", 30)
    paths = _glob(tmp_path / "classe")
    start = time.perf_counter()
    once = run_e4("check", *paths, "--format", "json")
    one_command = time.perf_counter() - start
    assert once.returncode == 1, once.stderr
    reports = json.loads(once.stdout)
    assert [Path(r["dossier"]).name for r in reports] == [s.name for s in students]
    for report, student in zip(reports, students, strict=True):
        codes = {f["code"] for f in report["findings"] if f["severity"] == "error"}
        assert report["ok"] is student.ok, (student, codes)
        assert student.codes <= codes, (student, codes)

    start = time.perf_counter()
    for path in paths:
        alone = run_e4("check", path, "--format", "json")
        assert alone.returncode in (0, 1)
    one_by_one = time.perf_counter() - start
    assert one_command < one_by_one / 3, (one_command, one_by_one)


def test_the_text_report_ends_with_the_class_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    students = make_class(tmp_path, 10)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", *[s.name for s in students])
    assert result.exit_code == 1
    out = result.stdout
    summary = out[out.index("Synthèse de la classe") :]
    for student in students:
        line = next(li for li in summary.splitlines() if student.name in li)
        assert ("✔ conforme" if student.ok else "✘ non conforme") in line
    assert "B1.3" in next(li for li in summary.splitlines() if "eleve09" in li)
    assert "Couverture des compétences dans la classe" in summary
    b13 = next(li for li in summary.splitlines() if li.startswith("│ B1.3 "))
    assert "9/10" in b13  # eleve09 lacks B1.3
    assert "10 dossiers : 6 conformes, 4 non conformes" in " ".join(summary.split())


def test_recursive_finds_the_dossiers_and_exit_code_says_if_any_failed(tmp_path: Path) -> None:
    make_class(tmp_path / "classe", 2)
    ok = run_cli("check", "-r", str(tmp_path / "classe"), "--format", "json")
    reports = json.loads(ok.stdout)
    assert isinstance(reports, list) and [r["ok"] for r in reports] == [True, True]
    assert ok.exit_code == 0
    make_class(tmp_path / "autre", 5)
    bad = run_cli("check", "--recursive", str(tmp_path / "autre"), "--format", "json")
    assert bad.exit_code == 1  # eleve05's manifest does not parse
    assert len(json.loads(bad.stdout)) == 4  # eleve03 has no dossier.yaml: not a dossier


def test_recursive_on_a_folder_without_dossier_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", "-r", str(tmp_path))
    assert result.exit_code == 2
    assert "aucun dossier" in result.stderr


def test_class_summary_counts_coverage_per_competency(tmp_path: Path) -> None:
    students = make_class(tmp_path, 10)
    summary = ClassSummary()
    for target in class_targets(tmp_path):
        summary.add(batch.check_target(target).summary())
    assert summary.total == 10
    assert summary.failed == sum(1 for s in students if not s.ok)
    # eleve03 has no manifest, but its réalisations are read and count.
    assert summary.competences["B1.3"].covering == 9
    assert summary.competences["B1.1"].covering == 10
    assert [Path(p).name for p in summary.competences["B1.3"].missing] == ["eleve09"]


def test_progress_only_on_a_terminal_and_never_in_ci() -> None:
    assert progress.wanted(30, terminal=True, env={})
    assert not progress.wanted(30, terminal=False, env={})  # piped
    assert not progress.wanted(1, terminal=True, env={})  # one dossier: nothing to follow
    assert not progress.wanted(30, terminal=True, env={"CI": "true"})
    assert not progress.wanted(30, terminal=True, env={"GITHUB_ACTIONS": "true"})
    assert not progress.wanted(30, terminal=True, env={"TERM": "dumb"})
    assert progress.wanted(30, terminal=True, env={"CI": "false"})


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    make_class(tmp_path, 3)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    result = run_e4("check", *_glob(tmp_path), env=env)
    assert "Vérification" not in result.stderr and "\x1b" not in result.stdout + result.stderr


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run e4 with a pseudo-terminal as stdout and stderr; what the terminal received."""
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "e4cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env={**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    proc.wait(timeout=120)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_none_in_ci(tmp_path: Path) -> None:
    make_class(tmp_path, 20)
    env = {k: v for k, v in os.environ.items() if k not in progress._CI_VARIABLES}
    for args in (_glob(tmp_path), [*_glob(tmp_path), "-o", str(tmp_path / "r.txt")]):
        shown = _on_a_terminal(["check", *args], env)
        assert "Vérification" in shown
        quiet = _on_a_terminal(["check", *args], {**env, "CI": "true"})
        assert "Vérification" not in quiet
        report = tmp_path / "r.txt"
        assert "Synthèse de la classe" in shown + (
            report.read_text("utf-8") if "-o" in args else ""
        )


def test_a_class_run_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    root = tmp_path / "classe"
    for n in range(batch.FAST_PATH_FROM):
        write_tree(root / f"eleve-{n:02d}", valid_files())
    before = gc.get_threshold()
    found, _ = targets([root], recursive=True)
    outcomes = list(batch.run(found, jobs=1))
    assert [o.display for o in outcomes] == sorted(o.display for o in outcomes)
    assert len(outcomes) == batch.FAST_PATH_FROM
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
