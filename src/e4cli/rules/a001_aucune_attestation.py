"""A001 · error · Aucune attestation

Aucun stage de dossier.yaml ne joint de justificatif (`attestation:`) : attestation de stage,
ou certificat de travail pour l'apprentissage et l'expérience professionnelle.

Pourquoi : les attestations de stage (ou certificats de travail) sont « obligatoirement
jointes » au dossier ; sans elles, le contrôle de conformité peut le déclarer non conforme.

Correct :
    stages:
      - organisation: Mairie de Lannion
        annee: 1
        debut: 2026-05-25
        fin: 2026-06-26
        attestation: attestations/stage1-mairie.pdf

Fautif :
    stages:
      - organisation: Mairie de Lannion
        annee: 1
        debut: 2026-05-25
        fin: 2026-06-26
"""

from collections.abc import Iterator

from e4cli.dossier.proofs import proof_label
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier, manifest = ctx.dossier, ctx.dossier.manifest
    if manifest is None or dossier.stages_unread or any(s.attestation for s in dossier.stages):
        return  # some attestation, or a stage the schema could not read (S001)
    proof = proof_label(dossier)
    where = manifest.key("stages") if manifest.has("stages") else Location(manifest.path)
    lying = ctx.facts.undeclared_proofs
    if lying:
        hint = (
            f"Le dossier attestations/ contient « {lying[0]} » : déclarez-le dans son stage avec "
            f"« attestation: {lying[0]} »."
        )
    elif not dossier.stages:
        hint = (
            "Déclarez chaque période en organisation dans « stages: », avec son justificatif "
            "(PDF ou image) dans « attestation: »."
        )
    else:
        hint = (
            f"Ajoutez à chaque stage « attestation: attestations/….pdf » ({proof}, PDF ou image)."
        )
    yield RULE.finding(
        f"Aucun justificatif de stage n'est joint ({proof}) : il est obligatoire.",
        where,
        hint,
    )
