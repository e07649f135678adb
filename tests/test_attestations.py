"""Attestations de stage and certificats de travail: A001, A002, A003 (and D005)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import MANIFEST, tiny_pdf
from e4cli.dossier.filetypes import sniff
from helpers_files import JPEG, PNG, build, codes, line_of, located, manifest_with, only

STAGE1_LINE = line_of(MANIFEST, "  - organisation: Mairie de Lannion")
ATT1_LINE = line_of(MANIFEST, "attestation: attestations/stage1.pdf")
ATT2_LINE = line_of(MANIFEST, "attestation: attestations/stage2.pdf")
STAGES_LINE = line_of(MANIFEST, "stages:")


def without_attestations() -> str:
    text = manifest_with("    attestation: attestations/stage1.pdf\n", "")
    return text.replace("    attestation: attestations/stage2.pdf\n", "")


def test_a_valid_dossier_has_no_attestation_finding(tmp_path: Path) -> None:
    assert not codes(build(tmp_path / "d")) & {"A001", "A002", "A003"}


# ---------------------------------------------------------------- A001


def test_a001_when_no_stage_has_an_attestation(tmp_path: Path) -> None:
    dossier = build(
        tmp_path / "d",
        {
            "dossier.yaml": without_attestations(),
            "attestations/stage1.pdf": None,
            "attestations/stage2.pdf": None,
        },
    )
    finding = only(dossier, "A001")
    assert (finding["path"], finding["line"], finding["column"]) == ("dossier.yaml", STAGES_LINE, 1)
    assert "attestation de stage" in finding["message"]
    assert "A002" not in codes(dossier)


def test_a001_hint_names_a_file_lying_in_attestations(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"dossier.yaml": without_attestations()})
    assert "« attestations/stage1.pdf »" in only(dossier, "A001")["hint"]


def test_a001_without_any_stage(tmp_path: Path) -> None:
    manifest = MANIFEST[: MANIFEST.index("stages:")]
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "attestations/stage1.pdf": None})
    assert located(dossier, "A001") == [("dossier.yaml", None, None)]


@pytest.mark.parametrize("statut", ["apprentissage", "experience-professionnelle"])
def test_a001_speaks_of_a_certificat_de_travail(tmp_path: Path, statut: str) -> None:
    manifest = without_attestations().replace(
        "  option: SISR\n", f"  option: SISR\n  statut: {statut}\n"
    )
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    finding = only(dossier, "A001")
    assert "certificat de travail" in finding["message"]
    assert "attestation de stage" not in finding["message"]


# ---------------------------------------------------------------- A002


def test_a002_for_a_stage_without_attestation(tmp_path: Path) -> None:
    manifest = manifest_with("    attestation: attestations/stage1.pdf\n", "")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    finding = only(dossier, "A002")
    assert (finding["path"], finding["line"]) == ("dossier.yaml", STAGE1_LINE)
    assert "Mairie de Lannion" in finding["message"]
    assert "A001" not in codes(dossier)


def test_a002_for_a_missing_file_at_the_attestation_line(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"attestations/stage2.pdf": None})
    finding = only(dossier, "A002")
    assert (finding["path"], finding["line"], finding["column"]) == ("dossier.yaml", ATT2_LINE, 18)
    assert "attestations/stage2.pdf" in finding["message"]


def test_a002_hint_when_only_the_case_differs(tmp_path: Path) -> None:
    dossier = build(
        tmp_path / "d", {"attestations/stage2.pdf": None, "Attestations/Stage2.pdf": tiny_pdf()}
    )
    hint = only(dossier, "A002")["hint"]
    assert "« Attestations/Stage2.pdf »" in hint and "casse" in hint


def test_a002_for_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    dossier = build(
        tmp_path / "d", {"attestations/stage2.pdf": None, "attestations/stage2.pdf/x": "x"}
    )
    assert "dossier" in only(dossier, "A002")["message"]


def test_a002_certificat_de_travail_for_an_apprentice(tmp_path: Path) -> None:
    manifest = manifest_with("  option: SISR\n", "  option: SISR\n  statut: apprentissage\n")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "attestations/stage2.pdf": None})
    assert "certificat de travail" in only(dossier, "A002")["message"]


def test_d005_for_an_attestation_out_of_the_dossier(tmp_path: Path) -> None:
    (tmp_path / "vraie.pdf").write_bytes(tiny_pdf())
    dossier = build(tmp_path / "d", {"attestations/stage2.pdf": None})
    (dossier / "attestations/stage2.pdf").symlink_to(tmp_path / "vraie.pdf")
    assert located(dossier, "D005") == [("dossier.yaml", ATT2_LINE, 18)]
    assert not codes(dossier) & {"A002", "A003"}


# ---------------------------------------------------------------- A003


HTML_PAGE = b"<!DOCTYPE html>\n<html><head><title>Attestation</title></head></html>\n"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (HTML_PAGE, "page web HTML"),
        (b"\n\n  <html><body>Attestation</body></html>", "page web HTML"),
        (b"", "vide"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word"),
        (PNG, "image PNG"),
        (b"Attestation de stage de Lea Martin\n", "texte brut"),
        (b"\x00\x01\x02\x03garbage", "format inconnu"),
    ],
)
def test_a003_for_a_pdf_that_is_not_one(tmp_path: Path, content: bytes, says: str) -> None:
    dossier = build(tmp_path / "d", {"attestations/stage1.pdf": content})
    finding = only(dossier, "A003")
    assert (finding["path"], finding["line"], finding["column"]) == ("dossier.yaml", ATT1_LINE, 18)
    assert says in finding["message"]
    assert "A002" not in codes(dossier)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("stage1.pdf", tiny_pdf()),
        ("stage1.PDF", tiny_pdf()),
        ("stage1.png", PNG),
        ("stage1.jpg", JPEG),
        ("stage1.jpeg", JPEG),
        ("stage1.pdf", b"\xef\xbb\xbf  \n%PDF-1.7\n"),  # junk before the header is tolerated
    ],
)
def test_a_real_pdf_png_or_jpeg_passes(tmp_path: Path, name: str, content: bytes) -> None:
    manifest = manifest_with("attestations/stage1.pdf", f"attestations/{name}")
    dossier = build(
        tmp_path / "d",
        {
            "dossier.yaml": manifest,
            "attestations/stage1.pdf": None,
            f"attestations/{name}": content,
        },
    )
    assert not codes(dossier) & {"A002", "A003"}


def test_a003_for_a_word_lock_file(tmp_path: Path) -> None:
    lock = b"\x08Lea Mart" + b"\x00" * 154
    manifest = manifest_with("attestations/stage1.pdf", "attestations/~$age1.docx")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "attestations/~$age1.docx": lock})
    assert "verrouillage" in only(dossier, "A003")["message"]


def test_a003_for_an_extension_that_is_neither_pdf_nor_image(tmp_path: Path) -> None:
    manifest = manifest_with("attestations/stage1.pdf", "attestations/stage1.docx")
    dossier = build(
        tmp_path / "d",
        {"dossier.yaml": manifest, "attestations/stage1.docx": b"PK\x03\x04 docx"},
    )
    assert "ni un PDF ni une image" in only(dossier, "A003")["message"]


def test_a003_for_a_jpg_that_is_a_png(tmp_path: Path) -> None:
    manifest = manifest_with("attestations/stage1.pdf", "attestations/stage1.jpg")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "attestations/stage1.jpg": PNG})
    message = only(dossier, "A003")["message"]
    assert "« .jpg »" in message and "image PNG" in message


def test_a003_for_a_fifo_never_blocks(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFO on this system")
    dossier = build(tmp_path / "d", {"attestations/stage1.pdf": None})
    os.mkfifo(dossier / "attestations/stage1.pdf")
    assert "pas un fichier ordinaire" in only(dossier, "A003")["message"]


def test_a003_reads_only_the_first_bytes(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d")
    with (dossier / "attestations/stage1.pdf").open("r+b") as handle:
        handle.truncate(3 << 30)  # a 3 Gio sparse file: never read whole
    assert not codes(dossier) & {"A003", "D007"}


def test_sniff_recognises_signatures() -> None:
    assert sniff(tiny_pdf()) == "pdf"
    assert sniff(PNG) == "png"
    assert sniff(JPEG) == "jpeg"
    assert sniff(b"GIF89a") == "gif"
    assert sniff(HTML_PAGE) == "html"
    assert sniff(b"") == "empty"
    assert sniff("Attestation signée, Lannion".encode()) == "text"
