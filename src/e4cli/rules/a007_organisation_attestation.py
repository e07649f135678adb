"""A007 · warning · Attestation d'une autre organisation

Le texte de l'attestation (sa couche texte, ou ce que l'OCR en lit) ne nomme pas l'organisation
du stage (`organisation` dans `dossier.yaml`). La comparaison ignore la casse, les accents, la
ponctuation et les formes juridiques (SARL, SAS, SASU, SA, EURL, SCOP…) ; ce qui suit une
virgule ou est entre parenthèses (« Armor Réseaux Services (ESN), Saint-Brieuc ») peut manquer,
et la plus longue partie commune suffit quand elle couvre l'essentiel du nom (« Mairie de
Lannion » est nommée par « MAIRIE DE LANNION – Service informatique »).

Pourquoi : l'attestation prouve le stage déclaré ; une attestation qui ne nomme pas
l'organisation du dossier est jointe au mauvais stage, ou le nom du dossier est faux.

Correct :
    - {organisation: Armor Info SARL, attestation: attestations/stage2.pdf}  # « ARMOR INFO »

Fautif :
    - {organisation: Armor Info, attestation: attestations/stage2.pdf}  # « Breizh Réseaux »
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from e4cli.check.attestation_facts import how_read
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.textnorm import contains_words, words

RULE = Rule.from_doc(__doc__)

LEGAL_FORMS = frozenset(
    {
        *("sarl", "sas", "sasu", "sa", "eurl", "sci", "scop", "scp", "snc", "sel", "selarl"),
        *("ei", "eirl", "gie", "sem", "spl", "eig", "ltd", "llc", "inc", "gmbh", "cie"),
    }
)
_SMALL = frozenset(["de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en"])


def names_organisation(text: str, organisation: str) -> bool:
    """True when `text` (already `words`) names `organisation`, as the docstring says."""
    for form in _forms(organisation):
        significant = [w for w in form if w not in _SMALL]
        if not significant:
            continue
        needed = max(1, math.ceil(0.6 * len(significant)))
        if _longest_run(significant, text) >= needed:
            return True
    return False


def _forms(organisation: str) -> list[list[str]]:
    """The name as written, without its parentheses, and before its first comma or dash."""
    bare = re.sub(r"\([^)]*\)", " ", organisation)
    forms = [organisation, bare, re.split(r",| - | – ", bare)[0]]
    out = []
    for form in forms:
        tokens = [w for w in words(form).split() if w not in LEGAL_FORMS]
        if tokens and tokens not in out:
            out.append(tokens)
    return out


def _longest_run(significant: list[str], text: str) -> int:
    """The most consecutive significant words of the name found in a row in `text`.

    "In a row" lets the small words (de, la…) between them be any or none.
    """
    stripped = " ".join(w for w in text.split() if w not in _SMALL)
    best = 0
    for start in range(len(significant)):
        for end in range(len(significant), start + best, -1):
            if contains_words(stripped, " ".join(significant[start:end])):
                best = end - start
                break
    return best


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for stage in ctx.dossier.stages:
        if stage.attestation is None or not stage.organisation:
            continue
        reading = ctx.facts.attestations.get(stage.attestation)
        if reading is None or not reading.readable:
            continue  # not a PDF or an image (A003), or nothing read (A009)
        if names_organisation(words(reading.text), stage.organisation):
            continue
        where = stage.anchor.at("organisation")
        yield RULE.finding(
            f"L'attestation « {stage.attestation} »{how_read(reading)} du stage {stage.label} "
            f"ne nomme pas l'organisation « {stage.organisation} ».",
            where,
            "Vérifiez que c'est la bonne attestation, et écrivez dans « organisation » le nom "
            "que porte l'attestation (raison sociale, ou nom de la collectivité).",
        )
