"""Tell what a table file is by its content, not its name.

Candidates rename files ("Tableau de synthese (2).pdf" that is a workbook),
so the first bytes and, for a zip, its members decide: an Office Open XML
workbook (`xl/workbook.xml`), an OpenDocument spreadsheet (`mimetype`), or a
PDF (`%PDF-`). Sizes are checked here, before any library inflates anything.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from e4cli.util.record import record
from e4cli.util.xlsxguard import WorkbookTooLarge, check_workbook

MAX_FILE_BYTES = 20 << 20  # a filled table is some 20 Kio; a photo pasted in, a few Mio
MAX_UNPACKED_BYTES = 200 << 20  # what a zip would inflate to: a zip bomb is refused unread
MAX_MEMBERS = 10_000
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "ods": (".ods",), "pdf": (".pdf",)}
WHAT = {
    "xlsx": "un classeur Excel (.xlsx)",
    "ods": "un classeur OpenDocument (.ods)",
    "pdf": "un PDF",
}
# The suffixes a `tableau:` may have for T003 to compare it.
TABLE_SUFFIXES = frozenset(s for group in SUFFIXES.values() for s in group)


class SniffError(Exception):
    """Not a table file e4 can read; the message says why, in French."""


@record
class Kind:
    format: str  # "xlsx", "ods" or "pdf"
    name_note: str | None  # the file's name says another format


def sniff(path: Path) -> Kind:
    if not path.is_file():
        raise SniffError(f"« {path} » introuvable.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SniffError(f"« {path.name} » dépasse {MAX_FILE_BYTES >> 20} Mio : refusé.")
        with path.open("rb") as stream:
            head = stream.read(1024)
        kind = _zip_kind(path) if head.startswith(b"PK") else None
        if kind is None and b"%PDF-" in head:
            kind = "pdf"
    except OSError as exc:
        raise SniffError(f"« {path.name} » ne se lit pas ({exc.strerror or exc}).") from exc
    if kind is None and head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SniffError(
            f"« {path.name} » est un classeur de l'ancien format Excel (.xls) : ouvrez-le dans "
            "Excel ou LibreOffice et enregistrez-le au format « Classeur Excel (.xlsx) »."
        )
    if kind is None:
        raise SniffError(
            f"« {path.name} » n'est ni un classeur (.xlsx, .ods) ni un PDF : ouvrez-le dans "
            "Excel ou LibreOffice et enregistrez-le au format « Classeur Excel (.xlsx) »."
        )
    suffix = path.suffix.lower()
    note = None
    if suffix not in SUFFIXES[kind]:
        note = (
            f"le nom « {path.name} » ne dit pas ce qu'est le fichier : c'est {WHAT[kind]}, "
            "lu comme tel ; renommez-le"
            + (f" en « {path.stem}{SUFFIXES[kind][0]} »" if path.stem else "")
        )
    return Kind(kind, note)


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise SniffError(
                    f"« {path.name} » contient plus de {MAX_MEMBERS} fichiers : refusé."
                )
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise SniffError(
                    f"« {path.name} » se décompresse en plus de {MAX_UNPACKED_BYTES >> 20} Mio : "
                    "refusé."
                )
            names = {i.filename for i in infos}
            if "xl/workbook.xml" in names:
                _bounded_workbook(path)
                return "xlsx"
            if "mimetype" in names:
                mime = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
                if mime == ODS_MIME:
                    return "ods"
                raise SniffError(
                    f"« {path.name} » est un document OpenDocument ({mime}), pas un classeur : "
                    "donnez le tableau au format .ods, .xlsx ou PDF."
                )
    except zipfile.BadZipFile:
        return None
    return None


def _bounded_workbook(path: Path) -> None:
    """The workbook bounds `e4 table --template` applies too: its sheets' XML above all."""
    try:
        check_workbook(path)
    except WorkbookTooLarge as exc:
        raise SniffError(f"« {path.name} » refusé : {exc}.") from exc
