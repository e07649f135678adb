"""Read the "Période" cell of a filled synthesis table.

The model asks for `JJ/MM/AA au JJ/MM/AA`; candidates write what they like:
4-digit years, `-` or `–` instead of `au`, `Du … au …`, `Période du … au …`,
a doubled slash, French month names (`26 mai 2021`, `Novembre à Avril 2026`),
month-year forms (`jan-25 à mars-25`, `01/2024`, `12/25-03/26`), an open end
(`mars-25 à ce jour`, `depuis le 02/02/2024`), typos (`O7/08/2024` with a
letter O, `17/11-2024`), or let Excel turn what they typed into a date cell,
sometimes shown as a month only (`sept-24`). Each of these is read, with a
note whenever something was inferred. A range whose end comes before its
start is kept as written (R001 will say so) and noted. A school year
(`2024-2025`) or a bare year is kept as text, never turned into made-up
dates. Anything else is not guessed: the raw text comes back with a note so
that it is kept as a comment, never dropped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import field

from e4cli.util.record import record
from e4cli.util.textnorm import fold

# French month names and the abbreviations candidates and Excel write, longest first.
_MONTH_WORDS: dict[str, int] = {}
for _number, _words in enumerate(
    (
        "janvier janv jan",
        "fevrier fevr fev",
        "mars mar",
        "avril avr",
        "mai",
        "juin",
        "juillet juill juil",
        "aout aou",
        "septembre sept sep",
        "octobre oct",
        "novembre nov",
        "decembre dec",
    ),
    start=1,
):
    for _word in _words.split():
        _MONTH_WORDS[_word] = _number
_MONTHS = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_YEAR = r"(\d{4}|\d{2})"

# A day: JJ/MM/AA or JJ/MM/AAAA (a doubled slash, a dot, or a `-` before a 4-digit year
# tolerated), or ISO AAAA-MM-JJ.
_DAY = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:/{1,2}|\.)\s*(\d{1,2})\s*(/{1,2}|\.|-(?=\d{4}))\s*" + _YEAR + r"(?!\d)"
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# A day written with its month's name: "26 mai 2021", "1er mars 23".
_NAMED_DAY = re.compile(rf"(?<!\d)(\d{{1,2}})(?:er)?\s+({_MONTHS})\.?\s*{_YEAR}(?!\d)")
# A month with its name, maybe with a year: "jan-25", "Avril 2026", "Novembre".
_NAMED_MONTH = re.compile(rf"(?<![a-z])({_MONTHS})(?![a-z])\.?(?:\s*[-/']?\s*{_YEAR}(?!\d))?")
# A month in digits: MM/AAAA, MM-AAAA, or MM/AA when AA cannot be a month.
_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?![\d/])")
# An end that is not a date yet.
_OPEN = re.compile(
    r"(?<![a-z])(a ce jour|ce jour|aujourd'hui|en cours|maintenant|present)(?![a-z])"
)
# A school year or a bare year: kept as text.
_SCHOOL_YEAR = re.compile(r"^(?:annee\s+)?(20\d{2})\s*[-/–]\s*(20\d{2})$")
_BARE_YEAR = re.compile(r"^(?:annee\s+)?(20\d{2})$")
# What may stand around and between the dates.
_CONNECTORS = re.compile(
    r"^(?:\s|periode|du|le|au|a|de|des|depuis|partir|jusqu'au|jusqu'a|jusque|et|-|–|—|->|→|>|"
    r",|;|:|\.|\(|\))*$"
)
_EXCEL_SERIAL = (20_000, 80_000)  # 1954 … 2119: a period cell holding a bare number
_PLAUSIBLE_YY = range(15, 41)  # MM/AA read as a month only for years 2015 … 2040


@record
class Period:
    """What a period cell says: its dates (None when unread) and notes for the candidate."""

    raw: str  # the cell as written, for comments and reports ("" when empty)
    debut: dt.date | None = None
    fin: dt.date | None = None
    notes: tuple[str, ...] = field(default=())
    understood: bool = True  # False: kept as a comment, nothing guessed
    open_end: bool = False  # "à ce jour", "depuis …": the start is read, the end is to write

    @property
    def empty(self) -> bool:
        return self.raw == "" and self.debut is None


@record(frozen=False)
class _Found:
    start: int
    end: int
    first: dt.date | None  # None: a month name without its year, resolved later
    last: dt.date | None
    month: int = 0  # for a month without year
    whole_month: bool = False
    typo: str | None = None


def read_period(value: object, number_format: str = "General") -> Period:
    """Interpret a period cell's value (text, Excel date, number or nothing).

    `number_format` is the cell's display format: an Excel date shown as a month
    (`mmm-yy`, "sept-24") means the whole month, not its first day.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return Period("")
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if _shows_month_only(number_format):
            last = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
            return Period(
                day.strftime("%m/%Y"),
                day.replace(day=1),
                last,
                (
                    "cellule date d'Excel affichée en mois : du premier au dernier jour du "
                    "mois, jours à préciser",
                ),
            )
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
        if isinstance(value, int) and 2000 <= value <= 2100:
            return _year_only(str(value))
        return _not_understood(str(value))
    return _read_text(str(value))


def _shows_month_only(number_format: str) -> bool:
    """An Excel date format with a month and a year but no day ("mmm-yy", "mm/yyyy")."""
    fmt = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.lower())
    return "m" in fmt and "y" in fmt and "d" not in fmt and "h" not in fmt and "s" not in fmt


def _year_only(raw: str) -> Period:
    return Period(
        raw.strip(),
        None,
        None,
        (
            f"« {raw.strip()} » : une année, pas des dates : "
            "période à écrire (JJ/MM/AA au JJ/MM/AA)",
        ),
        understood=False,
    )


def _read_text(raw: str) -> Period:
    text = fold(raw)
    typos: list[str] = []
    # A letter O typed for a zero next to a digit ("O7/08/2024").
    fixed = re.sub(r"(?<=\d)o|o(?=\d)", "0", text)
    if fixed != text:
        typos.append("lettre O lue comme un zéro")
        text = fixed
    school = _SCHOOL_YEAR.match(text)
    if school or _BARE_YEAR.match(text):
        return _year_only(raw)
    found: list[_Found] = []
    taken = [False] * len(text)

    def free(match: re.Match[str]) -> bool:
        return not any(taken[match.start() : match.end()])

    def add(item: _Found) -> None:
        found.append(item)
        for i in range(item.start, item.end):
            taken[i] = True

    for match in _DAY.finditer(text):
        day = _date(int(match.group(4)), int(match.group(2)), int(match.group(1)))
        if day is None:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas une date du calendrier")
        typo = None
        if match.group(3) == "-":
            typo = f"« {match.group(0)} » lu comme le {day:%d/%m/%Y}"
        add(_Found(match.start(), match.end(), day, day, typo=typo))
    for match in _ISO.finditer(text):
        if not free(match):
            continue
        day = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is None:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas une date du calendrier")
        add(_Found(match.start(), match.end(), day, day))
    for match in _NAMED_DAY.finditer(text):
        if not free(match):
            continue
        day = _date(int(match.group(3)), _MONTH_WORDS[match.group(2)], int(match.group(1)))
        if day is None:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas une date du calendrier")
        add(_Found(match.start(), match.end(), day, day))
    for match in _NAMED_MONTH.finditer(text):
        if not free(match):
            continue
        month = _MONTH_WORDS[match.group(1)]
        if match.group(2) is None:
            add(_Found(match.start(), match.end(), None, None, month=month, whole_month=True))
            continue
        year = _full_year(int(match.group(2)))
        first, last = _month_span(year, month)
        add(_Found(match.start(), match.end(), first, last, whole_month=True))
    for match in _MONTH.finditer(text):
        if not free(match):
            continue
        month, year_text = int(match.group(1)), match.group(2)
        if len(year_text) == 2 and int(year_text) not in _PLAUSIBLE_YY:
            continue  # "03/02": a day and a month without year, not a month of 2002
        if not 1 <= month <= 12:
            return _not_understood(raw, f"« {match.group(0)} » n'est pas un mois")
        first, last = _month_span(_full_year(int(year_text)), month)
        add(_Found(match.start(), match.end(), first, last, whole_month=True))
    open_match = next((m for m in _OPEN.finditer(text) if free(m)), None)
    if open_match is not None:
        for i in range(open_match.start(), open_match.end()):
            taken[i] = True
    found.sort(key=lambda f: f.start)
    rest = "".join(" " if taken[i] else ch for i, ch in enumerate(text))
    opened = open_match is not None or re.match(r"^\s*(depuis|a partir d)", text) is not None
    if open_match is not None and not found:
        return Period(
            raw.strip(),
            None,
            None,
            (f"« {raw.strip()} » : ni début ni fin écrits : période à écrire",),
            understood=False,
            open_end=True,
        )
    if not found or len(found) > 2 or not _CONNECTORS.match(rest):
        return _not_understood(raw)
    if opened and len(found) != 1:
        return _not_understood(raw)
    if not _resolve_years(found):
        return _not_understood(raw, "mois sans année : période non comprise")
    notes: list[str] = []
    notes += [f"faute de frappe : {t}, à vérifier" for t in typos]
    notes += [f"faute de frappe : {f.typo}, à vérifier" for f in found if f.typo]
    debut, fin = found[0].first, found[-1].last
    assert debut is not None and fin is not None
    if opened:
        if found[0].whole_month:
            notes.append("mois sans jour : début au premier jour du mois, à préciser")
        return Period(
            raw.strip(),
            debut,
            None,
            (*notes, "période sans fin (« à ce jour », « depuis ») : début lu, fin à écrire"),
            open_end=True,
        )
    if any(f.whole_month for f in found):
        notes.append("mois sans jour : du premier au dernier jour du mois, jours à préciser")
    if len(found) == 1 and not found[0].whole_month:
        notes.append("une seule date : début et fin ce jour-là, à vérifier")
    if fin < debut:
        notes.append("la fin est avant le début : gardé tel qu'écrit, à corriger")
    return Period(raw.strip(), debut, fin, tuple(notes))


def _resolve_years(found: list[_Found]) -> bool:
    """Give a month written without its year the year of the other end of the range."""
    for index, item in enumerate(found):
        if item.first is not None:
            continue
        other = [f for f in found if f.first is not None]
        if not other:
            return False
        anchor = other[0]
        assert anchor.first is not None
        year = anchor.first.year
        if index == 0 and item.month > anchor.first.month:  # "Novembre à Avril 2026"
            year -= 1
        elif index > 0 and item.month < anchor.first.month:  # "Octobre 2025 à mars"
            year += 1
        item.first, item.last = _month_span(year, item.month)
    return True


def _full_year(year: int) -> int:
    return year + 2000 if year < 100 else year


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(_full_year(year), month, day)
    except ValueError:
        return None


def _not_understood(raw: str, why: str | None = None) -> Period:
    note = why or "période non comprise (attendu JJ/MM/AA au JJ/MM/AA)"
    return Period(raw.strip(), None, None, (note,), understood=False)
