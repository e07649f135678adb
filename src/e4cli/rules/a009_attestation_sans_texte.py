"""A009 · info · Attestation lue par OCR, ou illisible

L'attestation n'a pas de couche texte (un scan, une photo, ou une image PNG/JPEG) : e4 ne peut
pas comparer ce qu'elle dit au dossier (A006 à A008). Quand Tesseract est installé avec ses
données françaises (paquets Debian `tesseract-ocr` et `tesseract-ocr-fra`), e4 la lit par OCR
et lui applique A006 à A008, en le disant : relisez-la à l'œil, l'OCR se trompe parfois. Sont
aussi signalés les fichiers qu'e4 n'a pas pu lire : PDF protégé par un mot de passe, endommagé,
trop volumineux ou piégé (lecture trop longue ou trop gourmande en mémoire). Seules les 3
premières pages sont lues.

Pourquoi : la commission lit les attestations au contrôle de conformité ; ce qu'e4 n'a pas pu
lire, vous devez le vérifier vous-même, et un PDF protégé par mot de passe ne s'ouvrira pas
chez elle.

Correct :
    attestation: attestations/stage1.pdf    # exporté en PDF : son texte se lit

Fautif :
    attestation: attestations/stage1.jpg    # une photo : vérifiée par OCR, à relire
"""

from __future__ import annotations

from collections.abc import Iterator

from e4cli.check.attestation_facts import AttestationText
from e4cli.dossier.model import Stage
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for stage in ctx.dossier.stages:
        if stage.attestation is None:
            continue
        reading = ctx.facts.attestations.get(stage.attestation)
        if reading is None:
            continue
        found = _explain(stage, stage.attestation, reading)
        if found is not None:
            message, hint = found
            yield RULE.finding(message, stage.anchor.at("attestation"), hint)


def _explain(stage: Stage, raw: str, reading: AttestationText) -> tuple[str, str] | None:
    subject = f"L'attestation « {raw} » du stage {stage.label}"
    if reading.failure is not None:
        return (
            f"{subject} n'a pas pu être lue : {reading.failure}.",
            "Ouvrez-la pour vérifier qu'elle s'affiche ; sinon exportez ou numérisez à nouveau "
            "l'original en PDF, sans mot de passe.",
        )
    pages = ""
    if reading.pages_total > reading.pages_read and reading.pages_read:
        pages = f" (seules les {reading.pages_read} premières pages sur {reading.pages_total})"
    if reading.method == "ocr":
        if reading.readable:
            return (
                f"{subject} n'a pas de texte (scan ou photo) : elle a été lue par OCR "
                f"(Tesseract){pages} et comparée au dossier ; relisez-la à l'œil.",
                "Une attestation exportée en PDF par l'organisation se lit sans OCR.",
            )
        return (
            f"{subject} n'a pas de texte, et l'OCR (Tesseract) n'y a rien lu : vérifiez-la "
            "à l'œil (dates, organisation, votre nom).",
            "Numérisez-la à nouveau, droite et nette (300 ppp), ou demandez-la en PDF.",
        )
    if reading.no_text:
        why = f" ({reading.ocr_unavailable})" if reading.ocr_unavailable else ""
        return (
            f"{subject} n'a pas de texte (scan ou photo) : e4 n'a pas pu la lire{why} ; "
            "vérifiez à l'œil ses dates, l'organisation et votre nom.",
            "Avec Tesseract installé (paquets tesseract-ocr et tesseract-ocr-fra), e4 la lit "
            "par OCR.",
        )
    if pages:
        return (
            f"{subject} a été lue en partie{pages} : la suite n'est pas comparée au dossier.",
            "Une attestation tient en une ou deux pages ; joignez-la seule.",
        )
    return None
