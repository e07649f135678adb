"""Read the "Période" cell of a filled synthesis table.

The model asks for `JJ/MM/AA au JJ/MM/AA`; candidates write what they like:
4-digit years, `-` or `–` instead of `au`, `Du … au …`, `Au` capitalised, a
doubled slash, a month only (`05/2025`), a single day, or let Excel turn what
they typed into a date cell. Each of these is read; a range whose end comes
before its start is kept as written (R001 will say so) and noted. Anything
else is not guessed: the raw text comes back with a note so that it is kept
as a comment, never dropped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

# A day: JJ/MM/AA or JJ/MM/AAAA (a doubled slash tolerated), or ISO AAAA-MM-JJ.
_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*/{1,2}\s*(\d{1,2})\s*/{1,2}\s*(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# A month only: MM/AAAA.
_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{4})(?!\d)")
# What may stand around and between the dates: du, au, à, -, –, —, ->, jusqu'au, spaces.
_CONNECTORS = re.compile(
    r"^(?:\s|du|le|au|a|à|jusqu'au|jusqu’au|-|–|—|->|→|>|,|;|\.)*$", re.IGNORECASE
)
_EXCEL_SERIAL = (20_000, 80_000)  # 1954 … 2119: a period cell holding a bare number


@dataclass(frozen=True)
class Period:
    """What a period cell says: its dates (None when unread) and notes for the candidate."""

    raw: str  # the cell as written, for comments and reports ("" when empty)
    debut: dt.date | None = None
    fin: dt.date | None = None
    notes: tuple[str, ...] = field(default=())
    understood: bool = True  # False: kept as a comment, nothing guessed

    @property
    def empty(self) -> bool:
        return self.raw == "" and self.debut is None


def read_period(value: object) -> Period:
    """Interpret a period cell's value (text, Excel date, number or nothing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Period("")
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return Period(
            day.strftime("%d/%m/%Y"),
            day,
            day,
            ("une seule date (cellule date d'Excel) : début et fin ce jour-là, à vérifier",),
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _EXCEL_SERIAL[0] <= value <= _EXCEL_SERIAL[1]:
            day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
            return Period(
                str(value),
                day,
                day,
                (f"nombre {value} lu comme la date Excel du {day:%d/%m/%Y} : à vérifier",),
            )
        return _not_understood(str(value))
    return _read_text(str(value))


def _read_text(raw: str) -> Period:
    text = raw.strip()
    found: list[tuple[int, int, dt.date, dt.date, bool]] = []  # start, end, first, last, month
    taken = [False] * len(text)

    def add(match: re.Match[str], first: dt.date, last: dt.date, month: bool) -> None:
        found.append((match.start(), match.end(), first, last, month))
        for i in range(match.start(), match.end()):
            taken[i] = True

    for match in _DAY.finditer(text):
        day = _date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day is None:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas une date du calendrier")
        add(match, day, day, False)
    for match in _ISO.finditer(text):
        if any(taken[match.start() : match.end()]):
            continue
        day = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is None:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas une date du calendrier")
        add(match, day, day, False)
    for match in _MONTH.finditer(text):
        if any(taken[match.start() : match.end()]):
            continue
        year, month = int(match.group(2)), int(match.group(1))
        if not 1 <= month <= 12:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas un mois")
        last_day = calendar.monthrange(year, month)[1]
        add(match, dt.date(year, month, 1), dt.date(year, month, last_day), True)
    found.sort()
    rest = "".join(" " if taken[i] else ch for i, ch in enumerate(text))
    if not found or len(found) > 2 or not _CONNECTORS.match(rest):
        return _not_understood(raw)
    notes: list[str] = []
    debut, fin = found[0][2], found[-1][3]
    if any(month for *_, month in found):
        notes.append("mois sans jour : du premier au dernier jour du mois, jours à préciser")
    if len(found) == 1 and not found[0][4]:
        notes.append("une seule date : début et fin ce jour-là, à vérifier")
    if fin < debut:
        notes.append("la fin est avant le début : gardé tel qu'écrit, à corriger")
    return Period(raw.strip(), debut, fin, tuple(notes))


def _date(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _not_understood(raw: str, why: str | None = None) -> Period:
    note = why or "période non comprise (attendu JJ/MM/AA au JJ/MM/AA)"
    return Period(raw.strip(), None, None, (note,), understood=False)
