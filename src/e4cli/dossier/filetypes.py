"""What a file really is, from its first bytes (its signature), whatever its name says."""

from __future__ import annotations

from pathlib import PurePosixPath

HEAD_BYTES = 1024  # a PDF header may follow a little junk, within the first 1024 bytes

# Extensions accepted for an attestation, and the kind each promises.
PROMISED = {".pdf": "pdf", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}

LABELS = {
    "pdf": "un PDF",
    "png": "une image PNG",
    "jpeg": "une image JPEG",
    "gif": "une image GIF",
    "webp": "une image WebP",
    "html": "une page web HTML (enregistrée depuis le navigateur ?)",
    "zip": "une archive ZIP (document Word .docx, OpenDocument .odt…)",
    "ole": "un document Office de l'ancien format (.doc, .xls)",
    "text": "du texte brut",
    "empty": "rien (fichier vide)",
    "unknown": "des données d'un format inconnu",
}


def sniff(head: bytes) -> str:
    """The kind of content `head` (a file's first bytes) starts, a key of LABELS."""
    if not head:
        return "empty"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if b"%PDF-" in head[:HEAD_BYTES]:
        return "pdf"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<") and (b"<html" in lowered or b"<!doctype html" in lowered):
        return "html"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # a multi-byte character cut at the end of the head is still text
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return "unknown"
    if all(ch.isprintable() or ch in "\t\r\n\f" for ch in text):
        return "text"
    return "unknown"


def promised_kind(name: str) -> str | None:
    """The kind a file name's extension promises, if it is one accepted for a proof."""
    return PROMISED.get(PurePosixPath(name).suffix.lower())


def is_office_lock_file(name: str) -> bool:
    """Word and Excel leave `~$name.docx` beside an open document: a lock, not the document."""
    return PurePosixPath(name).name.startswith("~$")
