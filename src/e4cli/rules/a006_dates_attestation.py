"""A006 · warning · Dates de l'attestation différentes du dossier

Le texte de l'attestation (sa couche texte, ou ce que l'OCR en lit pour un scan) est comparé au
stage de `dossier.yaml` qu'elle atteste : une période (« du 22 mai 2023 au 23 juin 2023 »,
« du 22/05/2023 au 23/06/2023 », « période : 22/05/2023 - 23/06/2023 ») autre que `debut`–`fin`,
ou une durée (« 5 semaines », « 25 jours », « 175 heures ») qui ne correspond pas à ces dates,
est signalée, les deux versions côte à côte. Une durée en jours compte les jours ouvrés (du
lundi au vendredi) ou les jours du calendrier ; une durée en heures, de 6 à 8,5 heures par jour
ouvré. Une attestation qui n'écrit aucune date ni durée ne donne rien ici. A004 et A005
jugent les dates de `dossier.yaml` ; A006 vérifie que l'attestation dit la même chose.

Pourquoi : au contrôle de conformité, la commission lit les attestations ; des dates qui ne
sont pas celles du dossier font douter de la durée des stages, condition de l'épreuve.

Correct :
    - {organisation: Mairie de Lannion, debut: 2026-05-25, fin: 2026-06-26,
       attestation: attestations/stage1.pdf}   # « du 25/05/2026 au 26/06/2026, 5 semaines »

Fautif :
    - {organisation: Mairie de Lannion, debut: 2026-05-25, fin: 2026-06-26,
       attestation: attestations/stage1.pdf}   # « du 1er juin 2026 au 26 juin 2026 »
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from e4cli.check.attestation_facts import how_read
from e4cli.dossier.model import Stage
from e4cli.rules.a004_duree_stages import stage_weeks, weeks_fr
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.record import record
from e4cli.util.textnorm import fold

RULE = Rule.from_doc(__doc__)

_MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_NAME = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
def _date_pattern(p: str) -> str:
    """A date, its groups prefixed by `p`: "22/05/2023", "22.05.23", "lundi 22 mai 2023"."""
    numeric = rf"[/.\-]\s*(?P<{p}m>\d{{1,2}})\s*[/.\-]\s*(?P<{p}y>\d{{4}}|\d{{2}})"
    named = rf"\s*(?P<{p}n>{_MONTH})\.?(?:\s+(?P<{p}ny>\d{{4}}))?"
    return rf"{_DAY_NAME}(?P<{p}d>\d{{1,2}})\s*(?:er)?\s*(?:{numeric}|{named})"


_PERIOD = re.compile(
    r"(?<![\w/])"
    + _date_pattern("a")
    + r"\s*,?\s*(?:au|a|jusqu'au|jusqu au|-|–|—|et le|et)\s*(?:le\s+)?"
    + _date_pattern("b")
    + r"(?![\w/])"
)
_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
}  # fmt: skip
_DURATION = re.compile(
    r"(?<![\w/.,\-])(?P<n>\d+(?:[.,]\d+)?|" + "|".join(_NUMBERS) + r")\s*"
    r"(?P<u>semaines?|jours?(?:\s+ouvr[ea]s|\s+ouvrables)?|heures?|h)\b"
    r"(?!\s*(?:par|/|hebdo|chaque|de\s+cours))"
)


@record
class Period:
    debut: dt.date
    fin: dt.date
    written: str


@record
class Duration:
    value: float
    unit: str  # "semaine", "jour", "heure"
    written: str


def periods(text: str) -> list[Period]:
    """Every "du … au …" of `text` that reads as two real dates, the first one before."""
    found = []
    folded = fold(text)
    for match in _PERIOD.finditer(folded):
        end = _date(match, "b", None)
        start = _date(match, "a", end.year if end else None)
        if start is not None and end is not None and start <= end:
            found.append(Period(start, end, " ".join(match.group(0).split())))
    return found


def durations(text: str) -> list[Duration]:
    found = []
    for match in _DURATION.finditer(fold(text)):
        raw = match.group("n")
        value = float(_NUMBERS[raw]) if raw in _NUMBERS else float(raw.replace(",", "."))
        unit = match.group("u")
        kind = "heure" if unit.startswith("h") else "jour" if unit.startswith("j") else "semaine"
        if value > 0:
            found.append(Duration(value, kind, " ".join(match.group(0).split())))
    return found


def _date(match: re.Match[str], p: str, default_year: int | None) -> dt.date | None:
    day = int(match.group(f"{p}d"))
    if match.group(f"{p}m"):
        month = int(match.group(f"{p}m"))
        year = int(match.group(f"{p}y"))
    else:
        month = _MONTHS[match.group(f"{p}n")]
        written = match.group(f"{p}ny")
        if written is None and default_year is None:
            return None
        year = int(written) if written else (default_year or 0)
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _working_days(stage: Stage) -> int:
    assert stage.debut is not None and stage.fin is not None
    days = (stage.fin - stage.debut).days + 1
    return sum(
        1 for i in range(days) if (stage.debut + dt.timedelta(days=i)).weekday() < 5
    )


def duration_agrees(duration: Duration, stage: Stage) -> bool:
    weeks = stage_weeks(stage)
    assert stage.debut is not None and stage.fin is not None
    if duration.unit == "semaine":
        return abs(duration.value - weeks) <= 0.5
    work = _working_days(stage)
    if duration.unit == "jour":
        calendar = (stage.fin - stage.debut).days + 1
        return abs(duration.value - work) <= 1 or abs(duration.value - calendar) <= 1
    return 6 * work - 1 <= duration.value <= 8.5 * work + 1


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for stage in ctx.dossier.stages:
        if stage.attestation is None or stage.debut is None or stage.fin is None:
            continue
        if stage.fin < stage.debut:
            continue  # A005
        reading = ctx.facts.attestations.get(stage.attestation)
        if reading is None or not reading.readable:
            continue  # not a PDF or an image (A003), or nothing read (A009)
        yield from _compare(stage, stage.attestation, reading.text, how_read(reading))


def _compare(stage: Stage, raw: str, text: str, how: str) -> Iterator[Finding]:
    assert stage.debut is not None and stage.fin is not None
    ours = f"du {stage.debut:%d/%m/%Y} au {stage.fin:%d/%m/%Y}"
    stated = periods(text)
    problems: list[str] = []
    if stated and not any((p.debut, p.fin) == (stage.debut, stage.fin) for p in stated):
        theirs = " ; ".join(f"« {p.written} »" for p in stated[:3])
        problems.append(f"elle indique {theirs}")
    wrong = [d for d in durations(text) if not duration_agrees(d, stage)]
    if wrong:
        listed = ", ".join(f"« {d.written} »" for d in wrong[:3])
        problems.append(f"elle indique une durée de {listed}")
    if not problems:
        return
    weeks = weeks_fr(stage_weeks(stage))
    yield RULE.finding(
        f"L'attestation « {raw} »{how} du stage {stage.label} ne dit pas les dates du "
        f"dossier : {' et '.join(problems)}, alors que dossier.yaml dit {ours} ({weeks}, "
        f"{_working_days(stage)} jours ouvrés).",
        stage.anchor.at(),
        "Corrigez les dates de « debut » et « fin » dans dossier.yaml si l'attestation a "
        "raison, ou demandez à l'organisation une attestation aux bonnes dates.",
    )
