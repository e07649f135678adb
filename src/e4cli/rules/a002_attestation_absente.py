"""A002 · error · Attestation manquante

Un stage n'a pas de justificatif (`attestation:`) alors que d'autres en ont, ou le fichier
qu'il déclare n'existe pas dans le dossier (avec un conseil quand seule la casse ou la forme
Unicode du nom diffère). Pour l'apprentissage et l'expérience professionnelle, le
justificatif est un certificat de travail.

Pourquoi : chaque attestation de stage (ou certificat de travail) est « obligatoirement
jointe » au dossier ; une seule qui manque et le stage n'est pas prouvé.

Correct :
    stages:
      - organisation: Armor Info
        annee: 2
        debut: 2027-01-11
        fin: 2027-02-19
        attestation: attestations/stage2-armor.pdf   # le fichier existe

Fautif :
    stages:
      - organisation: Armor Info
        annee: 2
        debut: 2027-01-11
        fin: 2027-02-19
        attestation: attestations/stage2.pdf         # absent du dossier
"""

from collections.abc import Iterator

from e4cli.dossier.proofs import proof_label
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.weburl import is_web_address

RULE = Rule.from_doc(__doc__, silent_when=("A001",))


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    if not any(stage.attestation for stage in dossier.stages):
        return  # A001 says there is none at all
    proof = proof_label(dossier)
    for stage in dossier.stages:
        if stage.attestation is None:
            yield RULE.finding(
                f"Le stage {stage.label} n'a pas de justificatif ({proof}).",
                stage.anchor.at(),
                f"Ajoutez « attestation: » avec le chemin du fichier ({proof}, PDF ou image).",
            )
            continue
        where = stage.anchor.at("attestation")
        fact = ctx.facts.path(stage.attestation)
        if fact.outside:
            continue  # D005, where the path is written
        kind = fact.kind
        if kind in ("file", "other"):
            continue  # what the file holds is A003's question
        if kind == "dir":
            yield RULE.finding(
                f"« {stage.attestation} », {proof} du stage {stage.label}, est un dossier, pas "
                "un fichier.",
                where,
                "Donnez le chemin du fichier PDF ou image lui-même.",
            )
            continue
        if is_web_address(stage.attestation):
            yield RULE.finding(
                f"Le justificatif du stage {stage.label} ({proof}) est une adresse web, "
                f"« {stage.attestation} » : il doit être joint au dossier.",
                where,
                "Téléchargez le document en PDF, placez-le dans le dossier (par exemple "
                "attestations/) et donnez son chemin : attestation: attestations/stage1.pdf.",
            )
            continue
        near = fact.near
        yield RULE.finding(
            f"Le fichier « {stage.attestation} », {proof} du stage {stage.label}, n'existe pas "
            "dans le dossier.",
            where,
            near.hint()
            if near
            else "Placez le fichier dans le dossier (par exemple attestations/) et corrigez le "
            "chemin, relatif à la racine du dossier.",
        )
