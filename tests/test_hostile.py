"""Hostile dossiers: each ends in findings and exit 1, fast, without writing into the dossier.

Two corpora. `tests/hostile/<case>/` holds small committed cases: a `dossier/`
folder laid over the valid dossier of conftest, and `attendu.txt`, the
findings it must give (code, path, line; info findings aside). Cases that need
special files (FIFOs, devices, symlinks) or huge ones are built here into
tmp_path, never committed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import MANIFEST, REAL_FORMATION, run_e4
from e4cli.dossier import yamlsource
from helpers_files import build, line_of, snapshot

HOSTILE = Path(__file__).parent / "hostile"
# A bound that tells a hang or a blow-up (minutes) from a slow machine: a few seconds is
# normal on a loaded CI runner. Speed itself is measured in benchmarks/, as ratios.
TIME_LIMIT = 15.0  # seconds for a whole `e4 check` run, interpreter start included
PARSE_LIMIT = 10.0  # seconds for one hostile document, in process

Expected = Counter[tuple[str, str | None, int | None]]


def expected_from(text: str) -> Expected:
    found: Expected = Counter()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, path, where = line.split()
            found[(code, path, None if where == "-" else int(where))] += 1
    return found


def check_hostile(dossier: Path, expected: Expected) -> None:
    """Run `e4 check` as a user would and hold it to the hostile-input contract."""
    before = snapshot(dossier)
    start = time.perf_counter()
    result = run_e4("check", "--format", "json", str(dossier))
    elapsed = time.perf_counter() - start
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    found = Counter(
        (f["code"], f["path"], f["line"]) for f in report["findings"] if f["severity"] != "info"
    )
    assert found == expected
    assert elapsed < TIME_LIMIT, f"{elapsed:.2f} s"
    assert snapshot(dossier) == before, "e4 check changed the dossier"


CASES = sorted(p.name for p in HOSTILE.iterdir() if (p / "attendu.txt").is_file())


def test_the_committed_corpus_is_there() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("name", CASES)
def test_committed_hostile_case(tmp_path: Path, name: str) -> None:
    dossier = build(tmp_path / name)
    shutil.copytree(HOSTILE / name / "dossier", dossier, dirs_exist_ok=True)
    expected = expected_from((HOSTILE / name / "attendu.txt").read_text(encoding="utf-8"))
    check_hostile(dossier, expected)


# ---------------------------------------------------------------- built cases

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFO on this system")
ATT1_LINE = line_of(MANIFEST, "attestation: attestations/stage1.pdf")
INDEX = "portfolio/index.md"


def sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no room on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)


def huge_realisation(root: Path) -> Expected:
    sparse(root / "realisations/03-enorme.yaml", 2 << 30)
    return Counter({("D007", "realisations/03-enorme.yaml", None): 1})


def huge_manifest(root: Path) -> Expected:
    (root / "dossier.yaml").write_text(MANIFEST + "#" * (2 << 20) + "\n", encoding="utf-8")
    return Counter({("D007", "dossier.yaml", None): 1})


def huge_page(root: Path) -> Expected:
    (root / "portfolio/index.md").write_text("# Moi\n" + "x" * (300 << 10), encoding="utf-8")
    return Counter({("D007", "portfolio/index.md", None): 1, ("P002", INDEX, None): 1})


def costly_page(root: Path) -> Expected:
    body = "# Veille\n\n" + "![" * 100_000 + "](x)\n"
    (root / "portfolio/veille.md").write_text(body, encoding="utf-8")
    return Counter({("D007", "portfolio/veille.md", None): 1})


def thousands_of_pages(root: Path) -> Expected:
    for number in range(3_000):
        (root / f"portfolio/page-{number:04}.md").write_text(f"# Page {number}\n", "utf-8")
    return Counter({("D007", "portfolio/", None): 1})


def thousands_of_files(root: Path) -> Expected:
    for number in range(3_000):
        sub = root / f"productions/lot-{number // 300}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"capture-{number:04}.png").write_bytes(b"\x89PNG")
    for number in range(600):
        text = REAL_FORMATION.replace("Inventaire du parc avec GLPI", f"Réalisation {number}")
        (root / f"realisations/x{number:03}.yaml").write_text(text, encoding="utf-8")
    return Counter({("D007", "realisations/", None): 1})


def fifo_realisation(root: Path) -> Expected:
    os.mkfifo(root / "realisations/x.yaml")
    return Counter({("D007", "realisations/x.yaml", None): 1})


def fifo_attestation(root: Path) -> Expected:
    (root / "attestations/stage1.pdf").unlink()
    os.mkfifo(root / "attestations/stage1.pdf")
    return Counter({("A003", "dossier.yaml", ATT1_LINE): 1})


def fifo_page(root: Path) -> Expected:
    (root / "portfolio/index.md").unlink()
    os.mkfifo(root / "portfolio/index.md")
    return Counter({("D007", "portfolio/index.md", None): 1, ("P002", INDEX, None): 1})


def fifo_manifest(root: Path) -> Expected:
    (root / "dossier.yaml").unlink()
    os.mkfifo(root / "dossier.yaml")
    return Counter({("D007", "dossier.yaml", None): 1})


def device_links(root: Path) -> Expected:
    (root / "realisations/zero.yaml").symlink_to("/dev/zero")
    (root / "portfolio/aleatoire.md").symlink_to("/dev/urandom")
    (root / "attestations/stage1.pdf").unlink()
    (root / "attestations/stage1.pdf").symlink_to("/dev/zero")
    return Counter(
        {
            ("D005", "realisations/zero.yaml", None): 1,
            ("D005", "portfolio/aleatoire.md", None): 1,
            ("D005", "dossier.yaml", ATT1_LINE): 1,
        }
    )


def device_file(root: Path) -> Expected:
    try:
        os.mknod(root / "realisations/null.yaml", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("creating a device file needs privileges")
    return Counter({("D007", "realisations/null.yaml", None): 1})


def symlink_loops(root: Path) -> Expected:
    (root / "realisations/boucle.yaml").symlink_to("boucle.yaml")
    (root / "portfolio/a.md").symlink_to("b.md")
    (root / "portfolio/b.md").symlink_to("a.md")
    (root / "portfolio/etc").symlink_to("/etc")
    return Counter(
        {
            ("D005", "realisations/boucle.yaml", None): 1,
            ("D005", "portfolio/a.md", None): 1,
            ("D005", "portfolio/b.md", None): 1,
            ("D005", "portfolio/etc", None): 1,
        }
    )


BUILT: dict[str, Callable[[Path], Expected]] = {
    "realisation-de-2-gio": huge_realisation,
    "manifeste-de-2-mio": huge_manifest,
    "page-de-300-kio": huge_page,
    "page-couteuse": costly_page,
    "milliers-de-pages": thousands_of_pages,
    "milliers-de-fichiers": thousands_of_files,
    "liens-vers-peripheriques": device_links,
    "boucles-de-liens": symlink_loops,
}
BUILT_FIFO: dict[str, Callable[[Path], Expected]] = {
    "tube-realisation": fifo_realisation,
    "tube-attestation": fifo_attestation,
    "tube-page": fifo_page,
    "tube-manifeste": fifo_manifest,
}


@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_hostile_case(tmp_path: Path, name: str) -> None:
    dossier = build(tmp_path / name)
    check_hostile(dossier, BUILT[name](dossier))


@needs_fifo
@pytest.mark.parametrize("name", sorted(BUILT_FIFO))
def test_fifo_never_blocks(tmp_path: Path, name: str) -> None:
    dossier = build(tmp_path / name)
    check_hostile(dossier, BUILT_FIFO[name](dossier))


def test_device_file_in_the_tree(tmp_path: Path) -> None:
    dossier = build(tmp_path / "peripherique")
    check_hostile(dossier, device_file(dossier))


# ---------------------------------------------------------------- the YAML limits themselves


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 10_000 + "b" + "}" * 10_000,
        "- " * 100_000 + "x",
        "".join(" " * level + "k:\n" for level in range(1_000)),
    ],
)
@pytest.mark.parametrize("loader", ["c", "python"])
def test_deep_nesting_is_refused_by_either_loader(
    monkeypatch: pytest.MonkeyPatch, text: str, loader: str
) -> None:
    if loader == "python":
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    limit = sys.getrecursionlimit()
    start = time.perf_counter()
    with pytest.raises(yamlsource.TooComplex, match="imbrication"):
        yamlsource.parse_yaml(text, "x.yaml")
    assert time.perf_counter() - start < PARSE_LIMIT
    assert sys.getrecursionlimit() == limit


def test_an_alias_bomb_is_refused_quickly() -> None:
    text = (HOSTILE / "bombe-alias/dossier/realisations/03-bombe.yaml").read_text("utf-8")
    start = time.perf_counter()
    with pytest.raises(yamlsource.TooComplex, match="valeurs"):
        yamlsource.parse_yaml(text, "x.yaml")
    assert time.perf_counter() - start < PARSE_LIMIT


def test_a_document_of_too_many_values_is_refused_before_composing() -> None:
    text = "a: [" + ", ".join(["1"] * 200_000) + "]\n"
    start = time.perf_counter()
    with pytest.raises(yamlsource.TooComplex):
        yamlsource.parse_yaml(text, "x.yaml")
    assert time.perf_counter() - start < PARSE_LIMIT


def test_nesting_within_the_limit_is_accepted() -> None:
    text = "a: " + "[" * 40 + "1" + "]" * 40 + "\n"
    assert yamlsource.parse_yaml(text, "x.yaml").data is not None


def test_check_never_writes_into_a_valid_dossier(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"dossier.yaml": MANIFEST + "tableau: tableau.xlsx\n"})
    (dossier / "tableau.xlsx").write_bytes(b"PK\x03\x04")
    before = snapshot(dossier)
    for fmt in ("text", "json"):
        result = run_e4("check", "--format", fmt, str(dossier), cwd=dossier)
        assert result.returncode in (0, 1), result.stderr
    assert snapshot(dossier) == before
