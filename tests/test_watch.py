"""`e4 check --watch`: run as a user runs it, a file changed, the new report appears."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REAL_FORMATION, run_e4
from e4cli.cli.watch_run import snapshot

WAIT = 60.0  # seconds: a bound that tells a hang from a loaded machine, not a speed goal


class Watch:
    """`e4 check --watch --format json` in a subprocess, its reports parsed as they come."""

    def __init__(self, dossier: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "e4cli", "check", "--watch", "--format", "json", str(dossier)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.text = ""
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self.lock:
                self.text += line

    def reports(self) -> list[dict[str, Any]]:
        with self.lock:
            text = self.text
        decoder, found, at = json.JSONDecoder(), [], 0
        while True:
            while at < len(text) and text[at].isspace():
                at += 1
            try:
                report, at = decoder.raw_decode(text, at)
            except ValueError:
                return found
            found.append(report)

    def wait_for(self, count: int) -> list[dict[str, Any]]:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            reports = self.reports()
            if len(reports) >= count:
                return reports
            assert self.proc.poll() is None, self.proc.stderr.read() if self.proc.stderr else ""
            time.sleep(0.05)
        raise AssertionError(f"pas de rapport n°{count} en {WAIT} s : {self.text[-500:]!r}")

    def stop(self, sig: int) -> tuple[int, str]:
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=WAIT)
        self.reader.join(timeout=WAIT)
        assert self.proc.stderr is not None
        return code, self.proc.stderr.read()


@pytest.fixture
def watch(make_dossier: Callable[..., Path]) -> Iterator[tuple[Watch, Path]]:
    dossier = make_dossier()
    watching = Watch(dossier)
    yield watching, dossier
    if watching.proc.poll() is None:
        watching.proc.kill()
        watching.proc.wait()


def codes(report: dict[str, Any]) -> set[str]:
    return {f["code"] for f in report["findings"] if f["severity"] != "info"}


def test_a_saved_change_brings_a_new_report(watch: tuple[Watch, Path]) -> None:
    watching, dossier = watch
    first = watching.wait_for(1)[0]
    assert first["ok"] is True
    broken = REAL_FORMATION.replace("cadre: formation", "cadre: vacances")
    (dossier / "realisations/01-glpi.yaml").write_text(broken, encoding="utf-8")
    second = watching.wait_for(2)[1]
    assert second["ok"] is False
    assert "S001" in codes(second)
    # saved the way editors do: a new file renamed over the old one
    fixed = dossier / "realisations/.01-glpi.yaml.tmp"
    fixed.write_text(REAL_FORMATION, encoding="utf-8")
    fixed.replace(dossier / "realisations/01-glpi.yaml")
    third = watching.wait_for(3)[2]
    assert third["ok"] is True
    code, stderr = watching.stop(signal.SIGTERM)
    assert code == 143
    assert "Traceback" not in stderr


def test_a_changed_page_is_read_again(
    watch: tuple[Watch, Path],
) -> None:
    """Unchanged pages keep their links from the last round; the changed one is read anew."""
    watching, dossier = watch
    assert watching.wait_for(1)[0]["ok"] is True
    index = dossier / "portfolio/index.md"
    (dossier / "portfolio/autre.md").write_text("# Autre\n\n[Accueil](index.md)\n", "utf-8")
    assert watching.wait_for(2)[1]["ok"] is True
    index.write_text(index.read_text("utf-8") + "\n[cassé](absente.md)\n", "utf-8")
    third = watching.wait_for(3)[2]
    assert "P003" in codes(third)
    index.write_text(index.read_text("utf-8").replace("[cassé](absente.md)", ""), "utf-8")
    assert watching.wait_for(4)[3]["ok"] is True
    watching.stop(signal.SIGTERM)


def test_remembered_links_are_those_a_fresh_parse_gives() -> None:
    from e4cli.dossier import markdown_links as ml

    page = "# P\n\n[a](a.md) ![i](i.png)\n\n<img src='x.png'>\n"
    fresh = ml.extract_links(page)
    memo = ml._Remembered()
    saved, ml.REMEMBERED = ml.REMEMBERED, memo
    try:
        memo.next_round()
        assert ml.extract_links(page) == fresh
        memo.next_round()
        assert ml.extract_links(page) == fresh
        assert page in memo.current
        memo.next_round()
        memo.next_round()  # a page not seen for a round is forgotten
        assert page not in memo.previous and page not in memo.current
    finally:
        ml.REMEMBERED = saved


def test_ctrl_c_ends_the_watch_cleanly(watch: tuple[Watch, Path]) -> None:
    watching, _ = watch
    watching.wait_for(1)
    code, stderr = watching.stop(signal.SIGINT)
    assert code == 0
    assert "Traceback" not in stderr
    assert "surveillance arrêtée" in stderr


def test_nothing_changed_means_no_new_report(watch: tuple[Watch, Path]) -> None:
    watching, dossier = watch
    watching.wait_for(1)
    (dossier / "dossier.yaml").read_bytes()  # reading is not a change
    time.sleep(1.0)
    assert len(watching.reports()) == 1
    watching.stop(signal.SIGTERM)


def test_watch_takes_one_dossier(make_dossier: Callable[..., Path]) -> None:
    one, two = make_dossier(name="a"), make_dossier(name="b")
    result = run_e4("check", "--watch", str(one), str(two))
    assert result.returncode == 2
    assert "un seul dossier" in result.stderr
    result = run_e4("check", "--watch", "-o", str(one.parent / "r.json"), str(one))
    assert result.returncode == 2


def test_the_snapshot_sees_renames_and_never_follows_links(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "sub/a.yaml").write_text("a", encoding="utf-8")
    outside = tmp_path / "dehors"
    outside.mkdir()
    (outside / "x").write_text("x", encoding="utf-8")
    (root / "lien").symlink_to(outside, target_is_directory=True)
    before, cut = snapshot(root)
    assert not cut
    assert set(before) == {str(root / "sub/a.yaml"), str(root / "lien")}
    (root / "sub/b.tmp").write_text("a", encoding="utf-8")
    (root / "sub/b.tmp").replace(root / "sub/a.yaml")
    after, _ = snapshot(root)
    assert after != before
    (outside / "x").write_text("changed outside", encoding="utf-8")
    assert snapshot(root)[0] == after
    limited, cut = snapshot(root, limit=1)
    assert cut
    assert len(limited) == 1
