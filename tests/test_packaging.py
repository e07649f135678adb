"""The wheel carries schemas, templates and referentials; an installed e4 finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("e4cli-*.whl")
    return built


def test_the_wheel_ships_data_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in ROOT.joinpath("schemas").glob("*.json"):
        assert f"e4cli/schemas/{schema.name}" in names
    for template in ROOT.joinpath("templates").rglob("*"):
        if template.is_file():
            assert f"e4cli/templates/{template.relative_to(ROOT / 'templates')}" in names
    assert "e4cli/dossier/referentiels/bts-sio-2019.yaml" in names


def test_an_installed_e4_run_from_elsewhere_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run(
        [sys.executable, "-c", "import e4cli.util.resources as r; print(r.schemas_dir())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    )
    assert Path(probe.stdout.strip()).is_relative_to(site)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "e4cli",
            "check",
            str(EXAMPLES / "sisr-complet"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["ok"] is True
