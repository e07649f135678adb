"""What the attestations say, compared with dossier.yaml: A006, A007, A008, A009.

The attestations are made here: printed from HTML by the browser the tests already use
(as an organisation's word processor would export them), an image-only PDF for the OCR
path, an encrypted PDF (pypdf), a broken one and a PDF bomb.
"""

from __future__ import annotations

import io
import os
import shutil
import time
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import MANIFEST, run_e4, tiny_pdf
from e4cli.check.attestation_text import read_attestation
from e4cli.table.pdf import find_browser, print_html
from helpers_files import build, findings, line_of, manifest_with

STAGE1_LINE = line_of(MANIFEST, "- organisation: Mairie de Lannion")
ORG1_LINE = STAGE1_LINE
ATT1_LINE = line_of(MANIFEST, "attestation: attestations/stage1.pdf")
CODES = {"A006", "A007", "A008", "A009"}

needs_browser = pytest.mark.skipif(find_browser() is None, reason="Chromium is not installed")
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed (.ci/run installs it)"
)


def attestation_html(
    organisation: str = "Mairie de Lannion",
    candidate: str = "Mme Léa MARTIN",
    period: str = "du 25 mai 2026 au 26 juin 2026",
    extra: str = "soit une durée de 5 semaines (175 heures)",
    second_page: str = "",
) -> str:
    more = f'<p style="break-before: page">{second_page}</p>' if second_page else ""
    return (
        "<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><style>body{font:14pt serif}"
        "</style></head><body><h1>Attestation de stage</h1>"
        f"<p><strong>{organisation}</strong><br>Place du Général Leclerc, 22300 Lannion</p>"
        f"<p>Je soussignée Gaëlle Morvan, responsable du service informatique, atteste que "
        f"{candidate}, étudiante en BTS SIO, a effectué un stage au sein de notre organisation "
        f"{period}, {extra}.</p><p>Fait à Lannion, le 26/06/2026.</p>{more}</body></html>"
    )


@cache
def printed(html: str) -> bytes:
    return print_html(html)


def checked(tmp_path: Path, attestation: bytes, manifest: str = MANIFEST) -> list[dict[str, Any]]:
    dossier = build(
        tmp_path / "d", {"dossier.yaml": manifest, "attestations/stage1.pdf": attestation}
    )
    return [f for f in findings(dossier) if f["code"] in CODES]


def at(found: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(f["code"], f["line"]) for f in found]


# ---------------------------------------------------------------- a text layer


@needs_browser
def test_an_attestation_that_agrees_gives_nothing(tmp_path: Path) -> None:
    assert checked(tmp_path, printed(attestation_html())) == []


@needs_browser
@pytest.mark.parametrize(
    "period",
    [
        "du 25/05/2026 au 26/06/2026",
        "du lundi 25 mai au vendredi 26 juin 2026",
        "pour la période : 25/05/2026 - 26/06/2026",
    ],
)
def test_the_ways_of_writing_the_right_dates(tmp_path: Path, period: str) -> None:
    assert checked(tmp_path, printed(attestation_html(period=period))) == []


@needs_browser
def test_a006_for_other_dates_shows_both(tmp_path: Path) -> None:
    found = checked(tmp_path, printed(attestation_html(period="du 1er juin 2026 au 26 juin 2026")))
    assert at(found) == [("A006", STAGE1_LINE)]
    message = found[0]["message"]
    assert "1er juin 2026 au 26 juin 2026" in message and "du 25/05/2026 au 26/06/2026" in message


@needs_browser
def test_a006_for_a_duration_only(tmp_path: Path) -> None:
    right = attestation_html(period="", extra="pour une durée de 25 jours")
    assert checked(tmp_path, printed(right)) == []
    wrong = attestation_html(period="", extra="pour une durée de 3 semaines")
    found = checked(tmp_path, printed(wrong))
    assert at(found) == [("A006", STAGE1_LINE)]
    assert "3 semaines" in found[0]["message"] and "5 semaines" in found[0]["message"]


@needs_browser
def test_a007_for_another_organisation(tmp_path: Path) -> None:
    found = checked(tmp_path, printed(attestation_html(organisation="Breizh Réseaux SARL")))
    assert at(found) == [("A007", ORG1_LINE)]
    assert "Mairie de Lannion" in found[0]["message"]


@needs_browser
@pytest.mark.parametrize(
    ("declared", "written"),
    [
        ("Armor Info SARL", "ARMOR INFO"),
        ("Armor Info", "S.A.R.L. Armor-Info"),
        ("Armor Info", "Armor Info SAS"),
        ("Armor Info (ESN), Saint-Brieuc", "Armor Info"),
    ],
)
def test_legal_forms_and_details_do_not_matter(
    tmp_path: Path, declared: str, written: str
) -> None:
    manifest = manifest_with("organisation: Mairie de Lannion", f"organisation: {declared}")
    assert checked(tmp_path, printed(attestation_html(organisation=written)), manifest) == []


@needs_browser
def test_a008_for_an_attestation_without_the_candidate(tmp_path: Path) -> None:
    found = checked(tmp_path, printed(attestation_html(candidate="M. Erwan Le Goff")))
    assert at(found) == [("A008", ATT1_LINE)]
    assert "Léa Martin" in found[0]["message"]


@needs_browser
def test_the_name_in_either_order(tmp_path: Path) -> None:
    assert checked(tmp_path, printed(attestation_html(candidate="MARTIN Léa"))) == []


@needs_browser
def test_a_two_page_attestation_is_read_to_its_second_page(tmp_path: Path) -> None:
    html = attestation_html(candidate="la candidate", second_page="Stagiaire : Léa Martin")
    pdf = printed(html)
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 2
    assert checked(tmp_path, pdf) == []


# ---------------------------------------------------------------- scans: A009 and OCR


def image_only_pdf(html: str) -> bytes:
    """The attestation printed, rendered to pixels, saved as a PDF of one image: a scan."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(printed(html))
    image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=200)
    return out.getvalue()


@needs_browser
@needs_tesseract
def test_a_scan_is_read_by_ocr_and_compared(tmp_path: Path) -> None:
    scan = image_only_pdf(attestation_html(period="du 1er juin 2026 au 26 juin 2026"))
    assert b"/Font" not in scan
    found = checked(tmp_path, scan)
    assert sorted(at(found)) == [("A006", STAGE1_LINE), ("A009", ATT1_LINE)]
    by_code = {f["code"]: f for f in found}
    assert "OCR" in by_code["A009"]["message"] and by_code["A009"]["severity"] == "info"
    assert "OCR" in by_code["A006"]["message"]


@needs_browser
@needs_tesseract
def test_a_scan_that_agrees_gives_only_the_ocr_note(tmp_path: Path) -> None:
    found = checked(tmp_path, image_only_pdf(attestation_html()))
    assert at(found) == [("A009", ATT1_LINE)]


@needs_browser
def test_without_tesseract_a_scan_is_a009_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("E4_TESSERACT", "none")
    found = checked(tmp_path, image_only_pdf(attestation_html(candidate="M. Erwan Le Goff")))
    assert at(found) == [("A009", ATT1_LINE)]
    assert "vérifiez à l'œil" in found[0]["message"]


def test_a_text_layer_needs_no_ocr(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(tiny_pdf("La Mairie de Lannion atteste que Lea Martin a fait un stage"))
    reading = read_attestation(path, "pdf")
    assert (reading.method, reading.no_text, reading.failure) == ("text", False, None)


# ---------------------------------------------------------------- hostile files


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(tiny_pdf("Mairie de Lannion Lea Martin"))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_bomb(gigabytes: int = 2) -> bytes:
    """A 2-3 MB PDF whose page content inflates to `gigabytes` GB of zeros."""
    # after a full flush deflate starts afresh: the second block's bytes repeat for every
    # next one, so the stream is built without compressing gigabytes (its checksum is wrong,
    # which a reader only finds once it has inflated everything)
    squeeze = zlib.compressobj(1)
    block = b"\0" * (64 << 20)
    first = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    again = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    data = first + again * (gigabytes * 16 - 1) + squeeze.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_an_encrypted_pdf_is_a009(tmp_path: Path) -> None:
    found = checked(tmp_path, encrypted_pdf())
    assert at(found) == [("A009", ATT1_LINE)]
    assert "mot de passe" in found[0]["message"]


def test_a_broken_pdf_is_a009(tmp_path: Path) -> None:
    found = checked(tmp_path, b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF")
    assert at(found) == [("A009", ATT1_LINE)]


def test_a_pdf_bomb_is_a009_never_a_hang(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"attestations/stage1.pdf": pdf_bomb()})
    started = time.monotonic()
    result = run_e4("check", "--format", "json", str(dossier), env=dict(os.environ))
    elapsed = time.monotonic() - started
    assert result.returncode in (0, 1), result.stderr
    import json

    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] in CODES]
    assert at(found) == [("A009", ATT1_LINE)]
    assert "mémoire" in found[0]["message"] or "s" in found[0]["message"]
    assert elapsed < 90
