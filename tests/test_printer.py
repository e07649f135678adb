"""One headless browser per command (util/printer.py), run the way a person runs e4.

The reference is the old way, one `--print-to-pdf` launch per page: a wrapper
that refuses `--remote-debugging-pipe` makes e4 fall back to it. Misbehaving
browsers are small wrapper scripts: one that logs each start, one that sleeps,
one that exits at once, and a DevTools relay that kills the browser when it is
asked to print. Processes left behind are looked for by the test's own
folder, which every browser process carries in its command line (the profile
lives under TMPDIR, set to a short folder of the test's own: Chromium aborts when
the path of its singleton socket under TMPDIR is too long, as pytest's are).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EXAMPLES
from table_support import chromium

SRC = Path(__file__).resolve().parent.parent / "src"
EVALUATION = EXAMPLES / "evaluations" / "sisr-complet.yaml"

# Logs each start in $LAUNCHES, then is the browser.
COUNTING = """#!/bin/sh
echo start >> "$LAUNCHES"
exec {browser} "$@"
"""
# The old path only: a browser that does not know the pipe.
NO_PIPE = """#!/bin/sh
for arg in "$@"; do
  [ "$arg" = "--remote-debugging-pipe" ] && {{ echo "pipe refusé" >&2; exit 1; }}
done
exec {browser} "$@"
"""
HANGS = """#!/bin/sh
echo start >> "$LAUNCHES"
exec {python} -c "import time; time.sleep(600)" "$@"
"""
DIES = """#!/bin/sh
echo "le navigateur s'effondre" >&2
exit 3
"""
# A DevTools relay: the real browser behind it, killed (with the relay) at the
# printToPDF number $CRASH_AT of this start; only the first start crashes unless
# $CRASH_EVERY is set.
RELAY = r'''#!{python}
import fcntl, os, signal, subprocess, sys, threading
log = os.environ["LAUNCHES"]
with open(log, "a") as f:
    f.write("start\n")
starts = sum(1 for _ in open(log))
crash = starts == 1 or os.environ.get("CRASH_EVERY")
crash_at = int(os.environ.get("CRASH_AT", "1"))
to_r, to_w = os.pipe()
from_r, from_w = os.pipe()
def place():
    a = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10)
    b = fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
    os.dup2(a, 3)
    os.dup2(b, 4)
child = subprocess.Popen(["{browser}", *sys.argv[1:]], pass_fds=(3, 4), preexec_fn=place,
                         start_new_session=True)
os.close(to_r)
os.close(from_w)
def back():
    while True:
        data = os.read(from_r, 65536)
        if not data:
            break
        os.write(4, data)
threading.Thread(target=back, daemon=True).start()
prints = 0
buffer = b""
while True:
    data = os.read(3, 65536)
    if not data:
        break
    buffer += data
    while b"\0" in buffer:
        message, _, buffer = buffer.partition(b"\0")
        if b'"Page.printToPDF"' in message:
            prints += 1
            if crash and prints == crash_at:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                os._exit(1)
        os.write(to_w, message + b"\0")
os.close(to_w)
child.wait()
'''

# A DevTools relay that makes sure two pages are printing when the browser dies: it
# holds back the answer to the first printToPDF until a second one is asked for, then
# kills the browser (first start only), writing "deux en vol" in $LAUNCHES if the
# first was still unanswered. Later starts are the browser, untouched.
TWO_IN_FLIGHT = r"""#!{python}
import fcntl, json, os, signal, subprocess, sys, threading
log = os.environ["LAUNCHES"]
with open(log, "a") as f:
    f.write("start\n")
crash = sum(1 for _ in open(log)) == 1
to_r, to_w = os.pipe()
from_r, from_w = os.pipe()
def place():
    a = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10)
    b = fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
    os.dup2(a, 3)
    os.dup2(b, 4)
child = subprocess.Popen(["{browser}", *sys.argv[1:]], pass_fds=(3, 4), preexec_fn=place,
                         start_new_session=True)
os.close(to_r)
os.close(from_w)
first = []
second = threading.Event()
answered = set()
def back():
    buffer = b""
    while True:
        data = os.read(from_r, 65536)
        if not data:
            break
        buffer += data
        while b"\0" in buffer:
            message, _, buffer = buffer.partition(b"\0")
            ident = json.loads(message).get("id")
            if crash and first and ident == first[0]:
                second.wait(60)
            os.write(4, message + b"\0")
            answered.add(ident)
threading.Thread(target=back, daemon=True).start()
buffer = b""
while True:
    data = os.read(3, 65536)
    if not data:
        break
    buffer += data
    while b"\0" in buffer:
        message, _, buffer = buffer.partition(b"\0")
        asked = json.loads(message)
        if crash and asked.get("method") == "Page.printToPDF":
            if not first:
                first.append(asked["id"])
            else:
                if first[0] not in answered:
                    with open(log, "a") as f:
                        f.write("deux en vol\n")
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                os._exit(1)
        os.write(to_w, message + b"\0")
os.close(to_w)
child.wait()
"""


@pytest.fixture
def browser() -> str:
    found = chromium()
    assert found is not None
    return str(Path(found).resolve()) if Path(found).is_symlink() else found


@pytest.fixture
def tmp_path(tmp_path: Path) -> Iterator[Path]:
    """The test's folder, and beside it a short TMPDIR for the browser's profile."""
    short = Path(tempfile.mkdtemp(prefix="e4t-"))
    (tmp_path / "tmp").symlink_to(short)
    try:
        yield tmp_path
    finally:
        shutil.rmtree(short, ignore_errors=True)


def wrapper(folder: Path, name: str, text: str, browser: str = "") -> Path:
    path = folder / name
    path.write_text(text.format(browser=browser, python=sys.executable), encoding="utf-8")
    path.chmod(0o755)
    return path


def env_for(folder: Path, program: Path | str, **extra: str) -> dict[str, str]:
    tmp = (folder / "tmp").resolve()
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        "E4_CHROMIUM": str(program),
        "TMPDIR": str(tmp),
        "LAUNCHES": str(folder / "launches.log"),
        **extra,
    }


def e4(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "e4cli", *args], capture_output=True, text=True, env=env,
        timeout=600,
    )


def launches(folder: Path) -> int:
    log = folder / "launches.log"
    return log.read_text().splitlines().count("start") if log.exists() else 0


def leftovers(marker: Path) -> list[str]:
    """Processes whose command line names the test's folder (browsers, wrappers)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="ignore")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if str(marker) in cmdline and state != "Z":
            found.append(f"{proc.name}: {cmdline[:200]}")
    return found


def no_leftovers(folder: Path) -> list[str]:
    # A killed process disappears from /proc once reaped, which may take a moment.
    for _ in range(50):
        found = leftovers(folder) + leftovers((folder / "tmp").resolve())
        if not found:
            return []
        time.sleep(0.1)
    return found


def a_class(folder: Path, count: int) -> list[str]:
    paths = []
    for number in range(1, count + 1):
        target = folder / "classe" / f"candidat-{number}"
        shutil.copytree(EXAMPLES / "sisr-complet", target)
        paths.append(str(target))
    return paths


def named_class(folder: Path, count: int) -> list[str]:
    """Dossiers that differ (each candidate its own name), and in the middle a path that
    is not a folder, which gets no grid and says so."""
    paths = []
    for number in range(1, count + 1):
        target = folder / "classe" / f"candidat-{number}"
        shutil.copytree(EXAMPLES / "sisr-complet", target)
        manifest = target / "dossier.yaml"
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text.replace("nom: Le Goff", f"nom: Numéro{number}"), "utf-8")
        paths.append(str(target))
    not_a_folder = folder / "classe" / "pas-un-dossier"
    not_a_folder.write_text("", encoding="utf-8")
    paths.insert(count // 2, str(not_a_folder))
    return paths


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def shape(path: Path) -> list[tuple[int, int]]:
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(str(path)).pages
    ]


DOCUMENTS = {
    "tableau": ["table", str(EXAMPLES / "sisr-complet"), "-o"],
    "grille": ["grille", str(EXAMPLES / "sisr-complet"), "--format", "pdf", "-o"],
    "note": [
        "note", str(EXAMPLES / "sisr-complet"), "--evaluation", str(EVALUATION),
        "--format", "pdf", "-o",
    ],
    "fiche": ["fiche", str(EXAMPLES / "sisr-complet"), "--format", "pdf", "-o"],
}


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_the_pipe_prints_what_one_launch_per_page_prints(
    tmp_path: Path, browser: str, document: str
) -> None:
    old_way = wrapper(tmp_path, "sans-pipe.sh", NO_PIPE, browser)
    counting = wrapper(tmp_path, "compte.sh", COUNTING, browser)
    alone, piped = tmp_path / "seul.pdf", tmp_path / "pipe.pdf"
    result = e4(env_for(tmp_path, old_way), *DOCUMENTS[document], str(alone))
    assert result.returncode == 0, result.stderr
    result = e4(env_for(tmp_path, counting), *DOCUMENTS[document], str(piped))
    assert result.returncode == 0, result.stderr
    assert launches(tmp_path) == 1
    assert shape(piped) == shape(alone)
    assert len(shape(piped)) >= 1
    assert pdf_text(piped) == pdf_text(alone)
    assert "DESCRIPTION" in pdf_text(piped) or document != "fiche"
    assert no_leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["grille", "note", "fiche"])
def test_a_class_is_printed_by_one_browser(tmp_path: Path, browser: str, command: str) -> None:
    paths = a_class(tmp_path, 3)
    out = tmp_path / "sortie"
    args = [command, *paths, "--format", "pdf", "-d", str(out)]
    if command == "note":
        evaluations = tmp_path / "evaluations"
        evaluations.mkdir()
        for number in (1, 2, 3):
            shutil.copy(EVALUATION, evaluations / f"candidat-{number}.yaml")
        args += ["--evaluation", str(evaluations)]
    result = e4(env_for(tmp_path, wrapper(tmp_path, "compte.sh", COUNTING, browser)), *args)
    assert result.returncode == 0, result.stderr
    assert launches(tmp_path) == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == ["candidat-1.pdf", "candidat-2.pdf", "candidat-3.pdf"]
    texts = {pdf_text(out / name) for name in written}
    assert len(texts) == 1 and "SERVICES INFORMATIQUES" in texts.pop()  # one dossier, thrice
    assert no_leftovers(tmp_path) == []


def test_html_never_starts_a_browser(tmp_path: Path, browser: str) -> None:
    paths = a_class(tmp_path, 2)
    env = env_for(tmp_path, wrapper(tmp_path, "compte.sh", COUNTING, browser))
    result = e4(env, "grille", *paths, "-d", str(tmp_path / "sortie"))
    assert result.returncode == 0, result.stderr
    assert launches(tmp_path) == 0


def test_a_browser_that_hangs_is_a_french_error_and_is_killed(tmp_path: Path) -> None:
    hangs = wrapper(tmp_path, "dort.sh", HANGS)
    out = tmp_path / "grille.pdf"
    env = env_for(tmp_path, hangs, E4_PDF_TIMEOUT="2")
    result = e4(env, "grille", str(EXAMPLES / "sisr-complet"), "--format", "pdf", "-o", str(out))
    assert result.returncode == 2
    assert "n'a pas produit le PDF en 2 s" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert launches(tmp_path) == 1  # a browser that never answers is not relaunched
    assert no_leftovers(tmp_path) == []


def test_a_browser_that_dies_at_once_is_a_french_error(tmp_path: Path) -> None:
    out = tmp_path / "sortie"
    paths = a_class(tmp_path, 2)
    env = env_for(tmp_path, wrapper(tmp_path, "meurt.sh", DIES))
    result = e4(env, "grille", *paths, "--format", "pdf", "-d", str(out))
    assert result.returncode == 2
    assert "n'a pas produit le PDF (code 3 : le navigateur s'effondre)" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []
    assert no_leftovers(tmp_path) == []


def test_a_browser_crash_mid_class_loses_no_document(tmp_path: Path, browser: str) -> None:
    paths = a_class(tmp_path, 3)
    out = tmp_path / "sortie"
    relay = wrapper(tmp_path, "relais.py", RELAY, browser)
    env = env_for(tmp_path, relay, CRASH_AT="2")  # the first browser dies on the 2nd page
    result = e4(env, "grille", *paths, "--format", "pdf", "-d", str(out))
    assert result.returncode == 0, result.stderr
    assert launches(tmp_path) == 2
    for number in (1, 2, 3):
        assert len(PdfReader(str(out / f"candidat-{number}.pdf")).pages) >= 1
    assert no_leftovers(tmp_path) == []


def test_a_page_the_browser_always_dies_on_is_reported_for_that_document(
    tmp_path: Path, browser: str
) -> None:
    paths = a_class(tmp_path, 2)
    out = tmp_path / "sortie"
    relay = wrapper(tmp_path, "relais.py", RELAY, browser)
    env = env_for(tmp_path, relay, CRASH_EVERY="1")
    result = e4(env, "grille", *paths, "--format", "pdf", "-d", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for path in paths:
        assert re.search(
            rf"pas de grille pour « {re.escape(path)} » : le navigateur « .* » n'a pas produit "
            r"le PDF \(le navigateur s'est arrêté\)",
            result.stderr,
        ), result.stderr
    assert list(out.iterdir()) == []
    # Each page is tried twice, the second time alone in a new browser: 3 starts when both
    # pages were in the first browser when it died, 4 when the first died before the
    # second page was handed over.
    assert launches(tmp_path) in (3, 4)
    assert no_leftovers(tmp_path) == []


def test_sigterm_during_a_class_leaves_no_browser(tmp_path: Path, browser: str) -> None:
    paths = a_class(tmp_path, 4)
    out = tmp_path / "sortie"
    env = env_for(tmp_path, wrapper(tmp_path, "compte.sh", COUNTING, browser))
    proc = subprocess.Popen(
        [sys.executable, "-m", "e4cli", "grille", *paths, "--format", "pdf", "-d", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):  # wait for the browser to start
            if launches(tmp_path) or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert launches(tmp_path) == 1
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode in (143, 0), stderr  # 0 only if it had finished already
    assert "Traceback" not in stderr
    assert no_leftovers(tmp_path) == []
    for written in out.iterdir():  # whatever was written is whole
        assert written.suffix == ".pdf" and len(PdfReader(str(written)).pages) >= 1


def test_a_class_prints_and_says_what_one_page_at_a_time_does(
    tmp_path: Path, browser: str
) -> None:
    """Pages printed two at a time while the next dossier is checked: the same files, the
    same pages and text each, and stderr word for word, as one launch per page (each page
    printed before the next dossier is even checked)."""
    paths = named_class(tmp_path, 5)
    ahead, reference = tmp_path / "en-avance", tmp_path / "une-a-une"
    args = ["grille", *paths, "--format", "pdf", "-d"]
    one_by_one = e4(env_for(tmp_path, wrapper(tmp_path, "sans-pipe.sh", NO_PIPE, browser)),
                    *args, str(reference))
    piped = e4(env_for(tmp_path, wrapper(tmp_path, "compte.sh", COUNTING, browser)),
               *args, str(ahead))
    assert piped.returncode == one_by_one.returncode == 1  # the path that is not a folder
    assert launches(tmp_path) == 1
    assert piped.stderr.replace(str(ahead), str(reference)) == one_by_one.stderr
    assert "pas de grille pour « " + paths[2] in piped.stderr
    written = sorted(p.name for p in ahead.iterdir())
    assert written == sorted(p.name for p in reference.iterdir())
    assert written == [f"candidat-{n}.pdf" for n in range(1, 6)]
    for name in written:
        assert shape(ahead / name) == shape(reference / name)
        assert pdf_text(ahead / name) == pdf_text(reference / name)
        assert f"NUMÉRO{name[-5]}" in pdf_text(ahead / name).upper()  # its own candidate
    assert no_leftovers(tmp_path) == []


def test_a_crash_with_two_pages_printing_loses_no_document(tmp_path: Path, browser: str) -> None:
    paths = named_class(tmp_path, 4)
    out = tmp_path / "sortie"
    env = env_for(tmp_path, wrapper(tmp_path, "relais.py", TWO_IN_FLIGHT, browser))
    result = e4(env, "grille", *paths, "--format", "pdf", "-d", str(out))
    assert result.returncode == 1, result.stderr  # the path that is not a folder
    assert "Traceback" not in result.stderr
    assert "deux en vol" in (tmp_path / "launches.log").read_text()
    assert launches(tmp_path) == 2
    for number in range(1, 5):
        written = out / f"candidat-{number}.pdf"
        assert len(PdfReader(str(written)).pages) >= 1
        assert f"NUMÉRO{number}" in pdf_text(written).upper()
        dossier = next(p for p in paths if p.endswith(f"candidat-{number}"))
        assert f"grille de « {dossier} »" in result.stderr
    assert no_leftovers(tmp_path) == []
