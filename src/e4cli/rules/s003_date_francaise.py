"""S003 · warning · Date écrite à la française

Une date est écrite JJ/MM/AAAA ou JJ/MM/AA (ou JJ-MM-AAAA, JJ.MM.AAAA, AAAA/MM/JJ). Elle est
comprise et acceptée, mais la forme ISO AAAA-MM-JJ est la seule sans ambiguïté pour les outils
(et pour YAML). `e4 check --fix` la récrit en ISO.

Pourquoi : 03/04/27 se lit 3 avril en France et 4 mars ailleurs ; l'écrire 2027-04-03 évite
toute erreur de période dans le tableau.

Correct :
    debut: 2027-01-19

Fautif :
    debut: 19/01/2027
"""

import datetime as dt

from e4cli.dossier.problems import FrenchDate
from e4cli.rules.base import Description, Rule
from e4cli.rules.findings import Fix

RULE = Rule.from_doc(__doc__)

_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def spelled(day: dt.date) -> str:
    """« 6 octobre 2025 »: the month in words leaves no doubt about which number is the day."""
    return f"{'1er' if day.day == 1 else day.day} {_MONTHS[day.month - 1]} {day.year}"


@RULE.describes(FrenchDate)
def describe(problem: FrenchDate) -> Description:
    how = "hors de la forme ISO" if problem.value[:4].isdigit() else "à la française"
    return Description(
        f"« {problem.field} » : date « {problem.value} » écrite {how}, comprise comme "
        f"le {spelled(problem.parsed)}.",
        problem.where,
        f"Écrivez-la au format ISO : {problem.parsed.isoformat()}",
    )


@RULE.fixes(FrenchDate)
def fix(problem: FrenchDate) -> Fix | None:
    """The ISO form in place of the value as written (quotes included: ISO needs none)."""
    if problem.span is None:
        return None
    iso = problem.parsed.isoformat()
    return Fix(f"« {problem.span.text} » → {iso}", (problem.span.replaced_by(iso),))
