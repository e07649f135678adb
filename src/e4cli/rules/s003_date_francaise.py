"""S003 · warning · Date écrite à la française

Une date est écrite JJ/MM/AAAA ou JJ/MM/AA. Elle est comprise et acceptée, mais la forme ISO
AAAA-MM-JJ est la seule sans ambiguïté pour les outils (et pour YAML).

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
    return Description(
        f"« {problem.field} » : date « {problem.value} » écrite à la française, comprise comme "
        f"le {spelled(problem.parsed)}.",
        problem.where,
        f"Écrivez-la au format ISO : {problem.parsed.isoformat()}",
    )
