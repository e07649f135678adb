"""Regenerate the pictures of README's jury section from the shipped example.

    python scripts/readme_images.py

Prints the grid of examples/sisr-complet, filled from its example evaluation,
with e4 itself (headless Chromium, as `e4 grille -o grille.pdf` does), then
renders its first page (the recto) with poppler's pdftoppm into
docs/images/grille-recto.png. Needs the project importable (pip install -e .
or PYTHONPATH=src), Chromium and poppler-utils.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sisr-complet"
EVALUATION = ROOT / "examples" / "evaluations" / "sisr-complet.yaml"
TARGET = ROOT / "docs" / "images" / "grille-recto.png"
RESOLUTION = 70  # dpi: readable in a README, some 100 KB


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm introuvable : installez poppler-utils.", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT / "src"), env.get("PYTHONPATH"))))
    with tempfile.TemporaryDirectory(prefix="e4-readme-") as tmp:
        pdf = Path(tmp) / "grille.pdf"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "e4cli",
                "grille",
                str(EXAMPLE),
                "--evaluation",
                str(EVALUATION),
                "-o",
                str(pdf),
            ],
            check=True,
            env=env,
            cwd=ROOT,
        )
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(RESOLUTION),
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(TARGET.with_suffix("")),
            ],
            check=True,
        )
    print(f"{TARGET.relative_to(ROOT)} régénérée.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
