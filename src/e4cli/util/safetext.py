"""Text from a dossier made safe to show anywhere: terminals, XML, JSON, spreadsheets.

A candidate's file can hold anything: control characters that clear a terminal or
open a hyperlink (ESC, OSC 8), characters XML 1.0 forbids (U+0001, U+FFFE), a file
name that is not UTF-8 (Python reads it with lone surrogates, which no UTF-8 output
can carry), bidirectional overrides that reorder what is shown. `visible` writes
each such character as a readable escape (`\\x1b`, `\\ufffe`, `\\xe9` for the byte
of a non-UTF-8 name), so that what e4 shows is what the file holds, and every
output stays valid. Line feeds and tabs are kept: messages and hints may span lines.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL and C1 controls, lone surrogates, the two
# noncharacters XML forbids, and the bidirectional embeddings, overrides and isolates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as surrogateescape reads it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every unsafe character written as an escape; the rest unchanged."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def maybe_visible(text: str | None) -> str | None:
    return None if text is None else visible(text)


_LINE_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`visible`, and line breaks and tabs written as escapes too: for names and paths.

    A folder named `eleve\n::error::…` must not become a second line of a report,
    where a CI system would read it as a command of its own.
    """
    return _LINE_BREAKS.sub(_escape, visible(text))


def is_safe(text: str) -> bool:
    return _UNSAFE.search(text) is None


def is_utf8(name: str) -> bool:
    """False for a name read from bytes that are not UTF-8 (Python keeps them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
