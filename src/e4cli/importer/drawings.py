"""Text boxes and shapes drawn over a sheet of an .xlsx (openpyxl does not load them).

Some candidates tick the option box, or a competency, with a text box holding
an "X" placed over the cell. Each shape's text comes back with the cell under
its middle, so the reader can take it as the cell's mark, or keep it as a note.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from e4cli.util.record import record

MAX_SHAPES = 500
MAX_PART_BYTES = 5 << 20

_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@record
class Shape:
    row: int  # 1-based, the cell under the shape's middle
    column: int
    text: str


def read_shapes(path: Path, sheet_title: str) -> list[Shape]:
    """The shapes with text drawn over the sheet `sheet_title` (none when unreadable)."""
    try:
        with zipfile.ZipFile(path) as archive:
            sheet = _sheet_part(archive, sheet_title)
            if sheet is None:
                return []
            shapes: list[Shape] = []
            for drawing in _related(archive, sheet, "/drawing"):
                shapes += _shapes(_xml(archive, drawing))
                if len(shapes) >= MAX_SHAPES:
                    return shapes[:MAX_SHAPES]
            return shapes
    except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError, ValueError):
        return []  # the cells were read already; a broken drawing part only loses its boxes


def _xml(archive: zipfile.ZipFile, name: str) -> ET.Element:
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise ValueError(name)
    return ET.fromstring(archive.read(name))


def _related(archive: zipfile.ZipFile, part: str, type_suffix: str) -> list[str]:
    folder, base = posixpath.split(part)
    rels = f"{folder}/_rels/{base}.rels"
    if rels not in archive.namelist():
        return []
    found = []
    for rel in _xml(archive, rels).findall("rel:Relationship", _NS):
        if rel.get("Type", "").endswith(type_suffix) and rel.get("TargetMode") != "External":
            found.append(posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
    return found


def _sheet_part(archive: zipfile.ZipFile, title: str) -> str | None:
    workbook = _xml(archive, "xl/workbook.xml")
    rels = _xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
    for sheet in workbook.iterfind("main:sheets/main:sheet", _NS):
        if sheet.get("name") == title:
            target = targets.get(sheet.get(_R_ID), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _shapes(root: ET.Element) -> list[Shape]:
    shapes = []
    for anchor in list(root):
        start = anchor.find("xdr:from", _NS)
        if start is None:
            continue
        end = anchor.find("xdr:to", _NS)
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(f"{{{_NS['a']}}}t"))
            for p in anchor.iter(f"{{{_NS['a']}}}p")
        ).strip()
        if not text:
            continue
        first = (_int(start, "xdr:row"), _int(start, "xdr:col"))
        last = first if end is None else (_int(end, "xdr:row"), _int(end, "xdr:col"))
        shapes.append(Shape((first[0] + last[0]) // 2 + 1, (first[1] + last[1]) // 2 + 1, text))
    return shapes


def _int(element: ET.Element, tag: str) -> int:
    found = element.find(tag, _NS)
    return int(found.text or 0) if found is not None else 0
