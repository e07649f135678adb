"""NOTE FINALE: the commission's NOTE /20 minus the official penalties, never below 0.

The official grid has the jury set a holistic NOTE /20 from the competency
profile, then subtract the penalties ("Portfolio inaccessible" 10 points,
"Absence de tableau de synthèse" 2 points). e4 never proposes a note: it only
does this subtraction. Marks are `Decimal`, so 13.75 − 2 is exactly 11.75 and
a mark is printed as the commission wrote it (13,5 not 13.499999).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAXIMUM = Decimal(20)
MAX_DECIMALS = 2
MINIMUM = Decimal(0)

_NUMBER = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*$")


def parse_mark(value: object) -> Decimal | None:
    """A mark written as a YAML number (15.5) or as French text ("15,5"); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))  # repr keeps what was written: 15.5, not 15.4999…
    if isinstance(value, str) and _NUMBER.match(value):
        try:
            return Decimal(value.strip().replace(",", ".")) + 0  # + 0: -0,0 is 0
        except InvalidOperation:
            return None
    return None


def decimals(text: str) -> int:
    """How many digits a mark has after its decimal separator, as written."""
    number = text.strip().replace(",", ".")
    return len(number.partition(".")[2]) if _NUMBER.match(number) else 0


def in_range(mark: Decimal) -> bool:
    return MINIMUM <= mark <= MAXIMUM


def final_mark(note: Decimal, penalty_points: int) -> Decimal:
    """max(0, NOTE − penalties): a penalty never makes the mark negative."""
    return max(MINIMUM, note - Decimal(penalty_points))


def format_mark(mark: Decimal) -> str:
    """French form, no useless zeros: 15 → "15", 13.50 → "13,5", 11.25 → "11,25"."""
    text = f"{(mark + 0).normalize():f}"  # + 0: never a negative zero
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
