"""A008 · warning · Attestation sans le nom du candidat

Le texte de l'attestation (sa couche texte, ou ce que l'OCR en lit) ne nomme pas le candidat :
son prénom et son nom (`candidat.prenom`, `candidat.nom`) n'y figurent pas côte à côte, dans un
ordre ou dans l'autre (« Léa MARTIN », « MARTIN Léa », « Martin, Léa »), en ignorant la casse,
les accents et la ponctuation.

Pourquoi : l'attestation doit attester le stage *du candidat* ; celle d'un camarade, ou un
modèle jamais rempli, n'atteste rien au contrôle de conformité.

Correct :
    candidat: {nom: Martin, prenom: Léa}    # « atteste que Mme Léa MARTIN a effectué… »

Fautif :
    candidat: {nom: Martin, prenom: Léa}    # « atteste que M. Erwan Le Goff a effectué… »
"""

from __future__ import annotations

from collections.abc import Iterator

from e4cli.check.attestation_facts import how_read
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.textnorm import contains_words, words

RULE = Rule.from_doc(__doc__)


def names_candidate(text: str, nom: str, prenom: str) -> bool:
    """True when `text` (already `words`) has "prénom nom" or "nom prénom"."""
    first, last = words(prenom), words(nom)
    if not first or not last:
        return True  # nothing to look for: S001 asks for the name
    return contains_words(text, f"{first} {last}") or contains_words(text, f"{last} {first}")


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    candidat = ctx.dossier.candidat
    if not candidat.nom or not candidat.prenom:
        return
    for stage in ctx.dossier.stages:
        if stage.attestation is None:
            continue
        reading = ctx.facts.attestations.get(stage.attestation)
        if reading is None or not reading.readable:
            continue  # not a PDF or an image (A003), or nothing read (A009)
        if names_candidate(words(reading.text), candidat.nom, candidat.prenom):
            continue
        yield RULE.finding(
            f"L'attestation « {stage.attestation} »{how_read(reading)} du stage {stage.label} "
            f"ne nomme pas le candidat « {candidat.prenom} {candidat.nom} ».",
            stage.anchor.at("attestation"),
            "Joignez votre propre attestation, remplie à votre nom par l'organisation ; si "
            "votre nom y est écrit autrement, corrigez « nom » et « prenom » dans dossier.yaml.",
        )
