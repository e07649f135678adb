"""What each attestation says, kept between runs by the file's content (util/cache.py).

Reading an attestation costs far more than checking the rest of a dossier (the
PDF library's import, a forked child, and for a scan seconds of OCR), while the
file almost never changes between two checks.

What is kept is what depends on the bytes alone (the text layer, a damaged or
encrypted file), or on the bytes and the OCR program (OCR text: the program's
path is part of the entry and must match). Never kept: a reading stopped by the
deadline or the memory ceiling (`transient`: that depends on the machine's
load), and "OCR unavailable" (that depends on what is installed now).
"""

from __future__ import annotations

from e4cli import __version__
from e4cli.check.attestation_facts import AttestationText
from e4cli.util.cache import FileCache

# Bump READER_VERSION when attestation_text reads differently: older entries are then ignored.
READER_VERSION = "1"
CACHE = FileCache("attestations", f"{READER_VERSION}-{__version__}")

_KINDS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "method": (str, type(None)),
    "pages_read": (int,),
    "pages_total": (int,),
    "no_text": (bool,),
    "failure": (str, type(None)),
    "ocr_program": (str, type(None)),
}
_FIELDS = tuple(name for name in _KINDS if name != "ocr_program")


def lookup(key: str, ocr_program: str | None) -> AttestationText | None:
    """The reading kept for these bytes, if it still holds with this OCR program."""
    raw = CACHE.get(key)
    if not _well_formed(raw):
        return None  # not ours any more (edited, another layout): read again and rewritten
    assert isinstance(raw, dict)
    if raw["method"] == "ocr" and raw["ocr_program"] != ocr_program:
        return None  # read by another Tesseract, or none is found now: read again
    return AttestationText(**{name: raw[name] for name in _FIELDS})


def store(key: str, reading: AttestationText, ocr_program: str | None) -> None:
    """Keep `reading` when it depends on nothing but the bytes (and the OCR program)."""
    if not keepable(reading):
        return
    entry: dict[str, object] = {name: getattr(reading, name) for name in _FIELDS}
    entry["ocr_program"] = ocr_program if reading.method == "ocr" else None
    CACHE.put(key, entry)


def keepable(reading: AttestationText) -> bool:
    """Whether the same bytes would give the same reading on another day, under another load."""
    return reading.ocr_unavailable is None and not reading.transient


def _well_formed(raw: object) -> bool:
    return (
        isinstance(raw, dict)
        and set(raw) == set(_KINDS)
        and all(type(raw[name]) in kinds for name, kinds in _KINDS.items())
        and raw["method"] in (None, "text", "ocr")
    )
