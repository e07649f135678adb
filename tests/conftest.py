"""Shared test helpers: build dossiers on disk and run e4 as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from e4cli.cli import app
from e4cli.util.minipdf import one_line_pdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """e4's caches (util/cache.py) go to a folder of this run, never the user's.

    Set in os.environ, so that every e4 run as a subprocess inherits it too. A test
    that needs a cold or no cache sets E4_CACHE_DIR itself.
    """
    os.environ["E4_CACHE_DIR"] = str(tmp_path_factory.mktemp("e4-cache"))


def tiny_pdf(text: str = "Attestation de stage") -> bytes:
    """A small but valid one-page PDF (correct xref offsets)."""
    return one_line_pdf(text)


MANIFEST = """\
session: 2027
candidat:
  nom: Martin
  prenom: Léa
  numero: "02248211114"
  option: SISR
centre: Lycée Félix Le Dantec
portfolio:
  url: https://lea-martin.github.io/portfolio/
  chemin: portfolio/
stages:
  - organisation: Mairie de Lannion
    annee: 1
    debut: 2026-05-25
    fin: 2026-06-26
    attestation: attestations/stage1.pdf
  - organisation: Armor Info
    annee: 2
    debut: 2027-01-11
    fin: 2027-02-19
    attestation: attestations/stage2.pdf
forme: ccf
"""

REAL_FORMATION = """\
intitule: Inventaire du parc avec GLPI
cadre: formation
periode:
  debut: 2026-01-05
  fin: 2026-02-13
competences: [B1.1, B1.2, B1.3]
"""

REAL_STAGE = """\
intitule: Supervision avec Zabbix
cadre: stage
stage: stage2
periode:
  debut: 2027-01-12
  fin: 2027-02-10
competences: [B1.4, B1.5, B1.6]
"""


# What the valid dossier's attestations say: its stages, its candidate (A006-A008).
ATTESTATION_1 = (
    "La Mairie de Lannion atteste que Lea MARTIN a fait un stage du 25/05/2026 au 26/06/2026"
)
ATTESTATION_2 = "Armor Info atteste que Lea Martin a fait un stage du 11/01/2027 au 19/02/2027"


def valid_files() -> dict[str, str | bytes]:
    """A minimal dossier that passes every check: the base each test breaks on purpose."""
    return {
        "dossier.yaml": MANIFEST,
        "realisations/01-glpi.yaml": REAL_FORMATION,
        "realisations/02-zabbix.yaml": REAL_STAGE,
        "portfolio/index.md": "# Portfolio de Léa Martin\n\nMes réalisations.\n",
        "attestations/stage1.pdf": tiny_pdf(ATTESTATION_1),
        "attestations/stage2.pdf": tiny_pdf(ATTESTATION_2),
    }


def write_tree(root: Path, files: Mapping[str, str | bytes | None]) -> Path:
    """Write `files` under `root`; a None value deletes that file."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_dossier(tmp_path: Path) -> Callable[..., Path]:
    """make_dossier(**changes) → a valid dossier with `changes` applied (None removes)."""

    def build(changes: Mapping[str, str | bytes | None] | None = None, name: str = "d") -> Path:
        files: dict[str, str | bytes | None] = dict(valid_files())
        files.update(changes or {})
        return write_tree(tmp_path / name, files)

    return build


def run_cli(*args: str) -> Any:
    """Run the CLI in-process, as Typer's test runner does."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def run_e4(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Any:
    """Run the installed console entry point in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "e4cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def check_json(path: Path) -> dict[str, Any]:
    result = run_cli("check", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def codes_at(report: dict[str, Any]) -> list[tuple[str, str | None, int | None]]:
    return [(f["code"], f["path"], f["line"]) for f in report["findings"]]
