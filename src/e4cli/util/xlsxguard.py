"""Bounds on a workbook before openpyxl opens it: a small file must not take minutes.

An .xlsx is a zip archive: 250 Kio can inflate to hundreds of Mio of XML rows, which
openpyxl would parse in full (over 10 s) before e4 reads a single cell. A filled
synthesis table is some 20 Kio, and its sheets some hundreds of Kio of XML; the
bounds below leave a wide margin for pasted images and styles, and refuse the rest
unread, with a reason a person can act on.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_FILE_BYTES = 20 << 20  # the file itself; a photo pasted in weighs a few Mio
MAX_UNPACKED_BYTES = 64 << 20  # everything the archive inflates to
MAX_SHEETS_XML_BYTES = 4 << 20  # the cells' XML (sheets and shared strings): ~50,000 cells
MAX_ENTRIES = 2_000  # files inside the archive


class WorkbookTooLarge(Exception):
    """The workbook is over a bound: refused before it is parsed."""


def check_workbook(path: Path) -> None:
    """Raise WorkbookTooLarge when `path` is over a bound; zip faults are left to the reader."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLarge(
            f"le fichier pèse {size >> 20} Mio, plus que les {MAX_FILE_BYTES >> 20} Mio qu'un "
            "tableau de synthèse peut peser"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the reader says what it is
    if len(entries) > MAX_ENTRIES:
        raise WorkbookTooLarge(f"l'archive contient {len(entries)} fichiers")
    unpacked = sum(entry.file_size for entry in entries)
    sheets = sum(
        entry.file_size
        for entry in entries
        if entry.filename.startswith("xl/worksheets/") or entry.filename == "xl/sharedStrings.xml"
    )
    if unpacked > MAX_UNPACKED_BYTES or sheets > MAX_SHEETS_XML_BYTES:
        raise WorkbookTooLarge(
            f"une fois décompressé, il occuperait {unpacked >> 20} Mio (dont {sheets >> 20} Mio "
            "de feuilles) : bien plus qu'un tableau de synthèse ; ce fichier n'en est "
            "probablement pas un, ou une feuille a été remplie jusqu'à sa dernière ligne"
        )
