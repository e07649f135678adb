"""The one command runner: exit codes, outputs, a closed pipe, SIGTERM, one-line failures."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from class_support import make_class
from conftest import EXAMPLES, run_cli, run_e4
from e4cli.cli import runner


def _into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run e4 with a standard output whose reader is already gone (`e4 … | head -0`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "e4cli", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(EXAMPLES / "sisr-complet")],
        ["check", str(EXAMPLES / "sisr-complet"), str(EXAMPLES / "slam-complet"), "-f", "json"],
        ["table", str(EXAMPLES / "sisr-complet")],
        ["grille", str(EXAMPLES / "sisr-complet")],
        ["schema"],
        ["explain"],
        ["explain", "R005"],
    ],
    ids=lambda args: " ".join(a if "/" not in a else Path(a).name for a in args),
)
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    result = _into_closed_pipe(*args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr and "Exception ignored" not in result.stderr


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("check", "r.txt"),
        ("table", "t.html"),
        ("grille", "g.html"),
        ("report", "classe.html"),
    ],
)
def test_an_output_in_a_missing_folder_is_one_french_line_exit_2(
    tmp_path: Path, command: str, name: str
) -> None:
    make_class(tmp_path / "classe", 2)
    target = tmp_path / "classe" if command == "report" else tmp_path / "classe" / "eleve01"
    output = tmp_path / "absent" / name
    result = run_e4(command, str(target), "-o", str(output))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("e4 : impossible")]
    assert lines == [
        f"e4 : impossible d'écrire « {output} » : le dossier « {output.parent} » n'existe pas"
    ], result.stderr
    assert "Traceback" not in result.stderr and "No such file" not in result.stderr
    assert not output.parent.exists()


def test_a_command_error_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    def broken() -> int:
        raise runner.CommandError("rien ne va")

    with pytest.raises(SystemExit) as exited:
        runner.run(broken)
    assert exited.value.code == runner.EXIT_FAILURE
    assert capsys.readouterr().err == "e4 : rien ne va\n"


@pytest.mark.parametrize(("returned", "code"), [(None, 0), (0, 0), (1, 1), (2, 2)])
def test_the_command_says_its_exit_code(returned: int | None, code: int) -> None:
    with pytest.raises(SystemExit) as exited:
        runner.run(lambda: returned)
    assert exited.value.code == code


def test_sigterm_removes_the_unfinished_output_and_exits_143(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    before = signal.getsignal(signal.SIGTERM)

    def long_report() -> int:
        with runner.text_output(target) as stream:
            stream.write("début du rapport\n")
            os.kill(os.getpid(), signal.SIGTERM)
            stream.write("jamais écrit\n")
        return 0

    with pytest.raises(SystemExit) as exited:
        runner.run(long_report)
    assert exited.value.code == runner.EXIT_TERMINATED
    assert list(tmp_path.iterdir()) == []  # neither the report nor its temporary file
    assert signal.getsignal(signal.SIGTERM) == before


def _interrupted_class_check(
    tmp_path: Path, sent: signal.Signals, extra: tuple[str, ...] = ()
) -> tuple[int, str, list[Path]]:
    """A class check whose report has begun, sent `sent`: (exit code, stderr, files left)."""
    make_class(tmp_path / "classe", 60)
    output = tmp_path / "out" / "rapport.json"
    output.parent.mkdir()
    args = ["check", "-r", str(tmp_path / "classe"), "-f", "json", "-o", str(output), *extra]
    proc = subprocess.Popen(
        [sys.executable, "-m", "e4cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(output.parent.glob(".rapport.json.*.tmp")):  # the report has begun
        assert proc.poll() is None and time.monotonic() < deadline, "the report never began"
        time.sleep(0.002)
    proc.send_signal(sent)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err, list(output.parent.iterdir())


def test_sigterm_during_a_class_check_leaves_no_file(tmp_path: Path) -> None:
    """Cancelled while the report is being written (workers running): no half file left."""
    code, err, left = _interrupted_class_check(tmp_path, signal.SIGTERM)
    assert code == runner.EXIT_TERMINATED, err
    assert left == []
    assert "Traceback" not in err


def test_a_written_output_is_whole_and_said_on_stderr(tmp_path: Path) -> None:
    output = tmp_path / "t.md"
    result = run_cli("table", str(EXAMPLES / "sisr-complet"), "-o", str(output))
    assert result.exit_code == 0 and result.stdout == ""
    assert output.read_text(encoding="utf-8").startswith("#")
    assert f"écrit dans « {output} »" in result.stderr


@pytest.mark.parametrize("reader", ["quick", "typer"])
def test_ctrl_c_during_a_class_check_is_130_whoever_reads_the_command(
    tmp_path: Path, reader: str
) -> None:
    """`--jobs 2` is left to Typer by cli/quick.py: both readings end a Ctrl-C alike."""
    extra = ("--jobs", "2") if reader == "typer" else ()
    code, err, left = _interrupted_class_check(tmp_path, signal.SIGINT, extra)
    assert code == runner.EXIT_INTERRUPTED, err
    assert "e4 : interrompu." in err and "Traceback" not in err
    assert left == []
