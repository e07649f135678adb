"""Recognise a section label of the table by what it means, not by its exact wording.

Schools rename the model's three sections: "Réalisations en entreprise",
"Réalisations personnelles", "… (TP/AP/TD)", "… (code couleur vert)". A label
speaks of the school (formation, cours, TP, personnel…) or of the workplace
(entreprise, milieu professionnel, stage), and maybe of a year. A title row
that reads like a section but says neither is an unknown section: reported,
never imported as a réalisation.
"""

from __future__ import annotations

import re

from e4cli.util.record import record
from e4cli.util.textnorm import fold

_LABEL = re.compile(
    r"^(realisations?|activites?)(\s+(en|au|aux|durant|pendant|lors|dans|hors|personnelles?|"
    r"professionnelles?|scolaires?)\b|\s*[(:–-])|^section\b"
)
_WORK = re.compile(
    r"\b(entreprise|milieu professionnel|professionnel(le)?s?|stages?|alternance|apprentissage|"
    r"organisation d'accueil|employeur)\b"
)
_SCHOOL = re.compile(
    r"\b(formation|cours|tp|ap|td|personnel(le)?s?|ecole|lycee|etablissement|classe|"
    r"couleur|scolaires?)\b"
)
_YEAR_1 = re.compile(r"\b(premiere|1re|1ere|1 ere|1er|annee 1|1ere annee|sio ?1)\b")
_YEAR_2 = re.compile(r"\b(seconde|deuxieme|2e|2eme|2nde|annee 2|sio ?2)\b")


@record
class SectionLabel:
    text: str  # as written in the table
    key: str | None  # formation, stage-annee-1, stage-annee-2, or None: unknown
    professional: bool  # a workplace section (its year may still be unknown)
    year: int | None  # the year the label names, for a workplace section


def looks_like_label(text: str) -> bool:
    """Whether a title-only row reads like a section label ("Réalisations en …")."""
    folded = fold(text)
    if not _LABEL.match(folded):
        return False
    return bool(_WORK.search(folded) or _SCHOOL.search(folded))


def classify(text: str) -> SectionLabel:
    folded = fold(text)
    year = 1 if _YEAR_1.search(folded) else 2 if _YEAR_2.search(folded) else None
    if _WORK.search(folded):
        key = None if year is None else f"stage-annee-{year}"
        return SectionLabel(text, key, True, year)
    if _SCHOOL.search(folded):
        return SectionLabel(text, "formation", False, None)
    return SectionLabel(text, None, False, None)
