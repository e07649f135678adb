"""Write YAML by hand, with comments, so that it reads back to exactly the values written.

`e4 init` and `e4 import` write files a candidate goes on editing: comments in
French beside the keys matter as much as the values, which PyYAML's dumper
cannot place. Lines are composed here instead, and every scalar goes through
`scalar()`: plain when the plain form provably reads back as the same string,
double-quoted with escapes otherwise (a title with ": ", " #", a leading "-"
or "=", quotes, a value YAML would read as a date, a number or a boolean, a
control character). Comments go through `comment()`, which keeps them on one
line whatever the text.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

SCHEMA_MODELINE = "# yaml-language-server: $schema={}"

# Characters YAML allows unescaped in a file (PyYAML's reader), minus the line
# breaks it also knows (NEL, LS, PS) and the BOM.
_PRINTABLE = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_PLAIN_START = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`=~]")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def scalar(value: str | int | bool | dt.date | None) -> str:
    """`value` as a YAML scalar that reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _plain_ok(value):
        return value
    return double_quoted(value)


def double_quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _PRINTABLE.fullmatch(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or not _PLAIN_START.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if not all(_PRINTABLE.fullmatch(ch) for ch in text):
        return False
    try:  # the last word: YAML must read it back as this very string
        return bool(yaml.safe_load(f"k: {text}\n") == {"k": text})
    except yaml.YAMLError:
        return False


def comment(text: str) -> str:
    """Text safe to follow "# " on one line: line breaks and control characters escaped."""
    if all(_PRINTABLE.fullmatch(ch) for ch in text):
        return text
    return double_quoted(text)[1:-1]


def comment_lines(text: str, indent: str = "") -> list[str]:
    """A (maybe multi-line) French comment as YAML comment lines."""
    return [f"{indent}# {comment(line)}".rstrip() for line in text.split("\n")]


def modeline(schema_path: str) -> str:
    """The first line that tells the YAML extension of VS Code (and others) the schema."""
    return SCHEMA_MODELINE.format(schema_path)
