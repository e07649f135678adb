"""Helpers for the `e4 grille` and `e4 note` tests: penalised dossiers, reading the outputs."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pypdf import PdfReader

from conftest import MANIFEST, valid_files, write_tree

PORTFOLIO_LINES = (
    "portfolio:\n  url: https://lea-martin.github.io/portfolio/\n  chemin: portfolio/\n"
)


def no_portfolio_dossier(root: Path, **extra: str | bytes | None) -> Path:
    """A dossier whose only fault is having no portfolio at all: P001, penalty 10."""
    files: dict[str, str | bytes | None] = dict(valid_files())
    files["dossier.yaml"] = MANIFEST.replace(PORTFOLIO_LINES, "")
    files["portfolio/index.md"] = None
    files.update(extra)
    return write_tree(root, files)


def evidence_by_competence(page: str) -> dict[str, str]:
    """Per competency code, the text of its block on e4's annex page (its réalisations)."""
    parts = re.split(r'<div class="evidence" id="c-(B\d+-\d+)">', page)
    result = {}
    for code, chunk in zip(parts[1::2], parts[2::2], strict=True):
        chunk = chunk.split("</div>", 1)[0]
        text = html.unescape(re.sub(r"<[^>]+>", " ", chunk))
        result[code.replace("-", ".")] = " ".join(text.split())
    return result


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    return reader, " ".join(text.split())


def is_a4_portrait(reader: PdfReader) -> bool:
    return all(
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842)
        for p in reader.pages
    )


def write_evaluation(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
