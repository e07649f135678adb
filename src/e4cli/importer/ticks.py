"""Read a competency cell of a filled synthesis table (a tick or not) and the option boxes.

A tick is an `x` in any case, maybe followed by a remark (`X ?`, `X h2`): it
counts, and the remark is kept for the candidate. A check mark (✓ ✔ ☒ ☑) counts
too. Anything else in the cell is not guessed: no tick, and the text is kept.
"""

from __future__ import annotations

import re

from e4cli.util.record import record
from e4cli.util.textnorm import fold

CHECK_MARKS = "xX✓✔☒☑✗✘⊠■◼●▣◉✅"
EMPTY_BOXES = "☐▢□◻○"
_TICK = re.compile(rf"^\s*[{CHECK_MARKS}](?![A-Za-zÀ-ÿ])\s*(.*)$", re.DOTALL)


@record
class Tick:
    ticked: bool
    raw: str  # the cell as written ("" when empty)
    note: str | None = None  # what is kept for the candidate (a remark, or an unread cell)
    items: tuple[str, ...] = ()  # item codes written instead of a mark ("B1.1.3")
    drawn: str = ""  # a tick without text: "fond" (cell colour), "croix" (diagonal borders),
    # "dessin" (a shape drawn over the cell); "" when read from the text


_CODE = re.compile(r"B\d+\.\d+(?:\.\d+)?", re.IGNORECASE)
_CODES_ONLY = re.compile(r"^(?:\s|[,;/+]|et|B\d+\.\d+(?:\.\d+)?)+$", re.IGNORECASE)


def read_tick(value: object, code: str | None = None) -> Tick:
    """What a competency cell says; `code` is its column's competency (B1.3)."""
    if value is None or value is False:
        return Tick(False, "")
    if value is True:
        return Tick(True, "VRAI")
    if isinstance(value, int | float):
        if value == 1:
            return Tick(True, str(value), "case notée « 1 », comptée comme cochée")
        if value == 0:
            return Tick(False, str(value))
        return Tick(False, str(value), f"case « {value} » non comprise, non cochée")
    text = str(value).strip()
    if not text:
        return Tick(False, "")
    match = _TICK.match(text)
    if match:
        remark = match.group(1).strip()
        note = f"case « {text} » comptée cochée, remarque « {remark} » à revoir" if remark else None
        return Tick(True, text, note)
    if all(ch in EMPTY_BOXES or ch.isspace() for ch in text):
        return Tick(False, text)
    if code is not None and _CODES_ONLY.match(text):
        codes = [c.upper() for c in _CODE.findall(text)]
        if all(c == code or c.startswith(code + ".") for c in codes):
            return Tick(True, text, items=tuple(c for c in codes if c != code))
        return Tick(False, text, f"case « {text} » : code d'une autre colonne, non cochée")
    return Tick(False, text, f"case « {text} » non comprise, non cochée")


@record
class OptionChoice:
    option: str | None  # the option ticked, or None
    note: str | None = None  # why none could be chosen


def read_option(texts: list[str], options: tuple[str, ...]) -> OptionChoice:
    """The option ticked in the "Option" line, given the texts of its cells in order.

    Each text is what a cell holds after the label ("▢ SISR", " X SLAM"). When each
    option has its own cell, a mark anywhere in that cell ticks it. When both share
    a cell ("☐ SISR   ☒ SLAM"), a box stands before its name, as in the official
    model, unless nothing precedes the first name ("SISR X  SLAM").
    """
    cells = [fold(t) for t in texts]
    line = "  ".join(t.strip() for t in texts if t.strip())
    where: dict[str, tuple[int, int, int]] = {}  # option → (cell, start, end)
    for name in options:
        for index, cell in enumerate(cells):
            match = re.search(rf"(?<![a-z]){fold(name)}(?![a-z])", cell)
            if match:
                where[name] = (index, match.start(), match.end())
                break
    if not where:
        return OptionChoice(None, f"ligne « Option » sans SISR ni SLAM : « {line} »")
    if len({cell for cell, _, _ in where.values()}) == len(where):
        ticked = [
            name
            for name, (cell, start, end) in where.items()
            if _has_mark(cells[cell][:start] + " " + cells[cell][end:])
        ]
    else:
        ticked = _ticked_in_one_cell(cells[next(iter(where.values()))[0]], where)
    if len(ticked) == 1:
        return OptionChoice(ticked[0])
    if not ticked and len(where) == 1 and not _has_box(" ".join(cells)):
        return OptionChoice(next(iter(where)))  # "Option : SLAM", no boxes at all
    why = "les deux cases cochées" if ticked else "aucune case cochée"
    return OptionChoice(None, f"option illisible ({why}) : « {line} »")


def _ticked_in_one_cell(text: str, where: dict[str, tuple[int, int, int]]) -> list[str]:
    positions = sorted((start, end, name) for name, (_, start, end) in where.items())
    before = text[: positions[0][0]]
    marks_before = _has_mark(before) or _has_box(before)
    ticked = []
    for index, (start, end, name) in enumerate(positions):
        if marks_before:
            segment = text[positions[index - 1][1] if index else 0 : start]
        else:
            segment = text[end : positions[index + 1][0] if index + 1 < len(positions) else None]
        if _has_mark(segment):
            ticked.append(name)
    return ticked


def _has_mark(text: str) -> bool:
    marks = fold(CHECK_MARKS)
    if any(ch in marks and ch != "x" for ch in text):
        return True
    return re.search(r"(?<![a-z])x(?![a-z])", text) is not None


def _has_box(text: str) -> bool:
    return any(ch in EMPTY_BOXES for ch in text)
