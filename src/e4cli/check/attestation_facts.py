"""What reading an attestation gave: plain data, shared by the reader and A006–A009.

The reader (`attestation_text.py`: PDF, OCR, a forked child) runs in the facts
step; the rules that judge what it read need only these types.
"""

from __future__ import annotations

from e4cli.util.record import record

MIN_TEXT = 20  # letters and digits: below this, a page has no usable text layer


@record
class AttestationText:
    """What reading an attestation gave: its text, how it was read, or why it could not be."""

    text: str = ""
    method: str | None = None  # "text" (the PDF's text layer), "ocr" (Tesseract), None
    pages_read: int = 0
    pages_total: int = 0
    no_text: bool = False  # a scan, a photo or an image file: no text layer
    ocr_unavailable: str | None = None  # why OCR was not tried (tesseract missing…)
    failure: str | None = None  # why the file could not be read at all (encrypted, broken…)
    # the failure came from this run (deadline, memory, a read error), not from the bytes
    transient: bool = False

    @property
    def readable(self) -> bool:
        return self.method is not None and letters(self.text) >= MIN_TEXT


def letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def how_read(reading: AttestationText) -> str:
    """" (lue par OCR)" when the words come from Tesseract, for the findings' messages."""
    return " (lue par OCR : vérifiez-la à l'œil)" if reading.method == "ocr" else ""
