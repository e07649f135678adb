"""The same bytes at every build, for the table files the site offers for download.

openpyxl stamps a workbook with the time it was written (in docProps/core.xml and in
each zip entry) and Chromium stamps a PDF with its creation time; a site that changes
at every build cannot be compared, cached or reviewed. These stamps are replaced by a
fixed date: in the PDF, by text of the same length, so its cross-reference offsets
stay right.
"""

from __future__ import annotations

import io
import re
import zipfile

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
FIXED_W3C = "2000-01-01T00:00:00Z"
_W3C_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_FIXED_PDF = b"(D:20000101000000+00'00')"
_PDF_DATE = re.compile(rb"\(D:[0-9]{4,14}[^)]{0,12}\)")


def stable_xlsx(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _W3C_DATE.sub(rb"\g<1>" + FIXED_W3C.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()


def stable_pdf(data: bytes) -> bytes:
    def fixed(match: re.Match[bytes]) -> bytes:
        length = len(match.group(0))
        if length == len(_FIXED_PDF):
            return _FIXED_PDF
        return (b"(D:" + b"20000101000000" + b"0" * length)[: length - 1] + b")"

    return _PDF_DATE.sub(fixed, data)
