"""A003 · error · Attestation vide ou d'un autre format

Le fichier d'une attestation (ou d'un certificat de travail) existe mais n'est pas ce que son
nom annonce. Ses premiers octets sont lus : un `.pdf` doit commencer comme un PDF, un `.png`
comme une image PNG, un `.jpg`/`.jpeg` comme une image JPEG. Sont signalés : un fichier vide,
une page web HTML enregistrée sous un nom en `.pdf`, un document Word renommé, un fichier de
verrouillage de Word (`~$…`), un autre format que PDF, PNG ou JPEG, ou un fichier spécial
(tube, périphérique), qui n'est jamais ouvert en lecture bloquante.

Pourquoi : les attestations sont « obligatoirement jointes » ; un fichier qui ne s'ouvre pas
chez le jury est une attestation absente.

Correct :
    attestation: attestations/stage1.pdf     # commence par %PDF-

Fautif :
    attestation: attestations/~$age1.docx    # verrou de Word
"""

from collections.abc import Iterator
from pathlib import PurePosixPath

from e4cli.dossier.filetypes import LABELS, is_office_lock_file, promised_kind, sniff
from e4cli.dossier.model import Stage
from e4cli.dossier.proofs import proof_label
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)

_SUFFIX = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}  # the content kinds accepted
_RESCAN = "Numérisez ou exportez l'original en PDF (ou en image PNG/JPEG) et remplacez ce fichier."


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    proof = proof_label(ctx.dossier)
    for stage in ctx.dossier.stages:
        if stage.attestation is not None:
            yield from _check_one(ctx, stage, stage.attestation, proof)


def _check_one(ctx: CheckContext, stage: Stage, raw: str, proof: str) -> Iterator[Finding]:
    where = stage.anchor.at("attestation")
    fact = ctx.facts.path(raw)
    kind = fact.kind
    if fact.outside or kind in (None, "dir"):
        return  # D005 or A002: nothing to read
    if kind == "other":
        yield RULE.finding(
            f"Le fichier « {raw} », {proof} du stage {stage.label}, n'est pas un fichier "
            "ordinaire (tube, périphérique) : il n'est pas lu.",
            where,
            _RESCAN,
        )
        return
    head = fact.head
    if head is None:
        yield RULE.finding(
            f"Le fichier « {raw} », {proof} du stage {stage.label}, ne se lit pas : "
            f"{fact.unreadable or 'lecture impossible'}.",
            where,
            "Vérifiez les droits du fichier.",
        )
        return
    subject = f"Le fichier « {raw} », {proof} du stage {stage.label},"
    if is_office_lock_file(raw):
        yield RULE.finding(
            f"{subject} est un fichier de verrouillage de Word ou d'Excel (nom en « ~$ »), pas "
            "le document.",
            where,
            "Ce petit fichier est créé quand le document est ouvert ; joignez le document "
            "lui-même, exporté en PDF.",
        )
        return
    actual = sniff(head)
    if actual == "empty":
        yield RULE.finding(f"{subject} est vide (0 octet).", where, _RESCAN)
        return
    promised = promised_kind(raw)
    if actual == promised:
        return
    suffix = PurePosixPath(raw).suffix
    if actual in _SUFFIX:  # a good PDF or image under a wrong name: renaming is enough
        renamed = raw[: len(raw) - len(suffix)] + _SUFFIX[actual]
        yield RULE.finding(
            f"{subject} contient {LABELS[actual]} mais porte "
            + (f"l'extension « {suffix} »." if suffix else "un nom sans extension."),
            where,
            f"Renommez le fichier en « {renamed} » et écrivez ce nom dans « attestation: ».",
        )
    elif promised is None:
        yield RULE.finding(
            f"{subject} n'est ni un PDF ni une image PNG ou JPEG (contenu : {LABELS[actual]}).",
            where,
            _RESCAN,
        )
    else:
        yield RULE.finding(
            f"{subject} porte l'extension « {suffix} » mais contient {LABELS[actual]}.",
            where,
            _RESCAN,
        )
