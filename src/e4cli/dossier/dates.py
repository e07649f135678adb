"""Dates as candidates write them: ISO, or a form that leaves no doubt about which number is
the day: JJ/MM/AAAA, JJ/MM/AA, JJ-MM-AAAA, JJ.MM.AAAA, AAAA/MM/JJ, AAAA-M-J."""

from __future__ import annotations

import datetime as dt
import re

from e4cli.util.record import record

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FRENCH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
# with dashes or dots only with a four-digit year: 19-02-27 could be 2019-02-27
_FRENCH_OTHER = re.compile(r"^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")


_IMPOSSIBLE = "n'existe pas dans le calendrier"


@record
class ParsedDate:
    value: dt.date | None
    french: bool = False  # written in a form other than ISO: accepted, with a warning
    error: str | None = None

    @property
    def impossible(self) -> bool:
        """Written in a date's form (ISO or French), but no such day: 2027-02-30, 31/04/27."""
        return self.error == _IMPOSSIBLE


def parse_date(text: str) -> ParsedDate:
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return _build(year, month, day, french=False)
    french = _FRENCH.match(text)
    if french:
        day_text, month_text, year_text = french.groups()
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _build(year, int(month_text), int(day_text), french=True)
    other = _FRENCH_OTHER.match(text)
    if other:
        day_text, _, month_text, year_text = other.groups()
        return _build(int(year_text), int(month_text), int(day_text), french=True)
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        year_text, _, month_text, day_text = year_first.groups()
        return _build(int(year_text), int(month_text), int(day_text), french=True)
    return ParsedDate(None, error="n'est pas une date (attendu AAAA-MM-JJ)")


def _build(year: int, month: int, day: int, *, french: bool) -> ParsedDate:
    try:
        return ParsedDate(dt.date(year, month, day), french=french)
    except ValueError:
        return ParsedDate(None, french=french, error=_IMPOSSIBLE)


def format_fr(value: dt.date) -> str:
    """JJ/MM/AA, the form of the official synthesis table."""
    return value.strftime("%d/%m/%y")
