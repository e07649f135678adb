"""F003 · error · Fiche descriptive incomplète

Un champ que la fiche descriptive officielle demande manque dans le bloc `e6:` d'une
réalisation, ou est vide : `conditions` (conditions de réalisation : ressources fournies,
résultats attendus), `ressources` (ressources documentaires, matérielles et logicielles
utilisées), `acces` (modalités d'accès aux productions et à leur documentation) ou
`descriptif` (le verso). Un `descriptif` qui cite un fichier Markdown absent, vide ou
illisible est signalé aussi, comme une adresse mal formée dans `acces` (e4 y lit chaque
adresse http(s) ; une adresse de réseau privé, celle d'une machine apportée à l'épreuve, est
acceptée). Le constat est à la ligne du champ, ou du bloc `e6:` pour un champ absent.

Pourquoi : le dossier numérique contient « des fiches descriptives des deux réalisations
professionnelles intégrant les modalités d'accès aux éléments techniques », sur le modèle de
la circulaire ; une rubrique vide est une fiche non conforme, et une adresse fausse, des
productions que la commission ne peut pas ouvrir.

Correct :
    e6:
      numero: 1
      competences: [B2.1, B2.2]
      conditions: Cahier des charges de la mairie ; maquette sous Proxmox.
      ressources: Proxmox VE 8, pfSense 2.7, documentation Zabbix.
      acces: "Dépôt : https://gitlab.com/erwan-le-goff/zabbix ; démo : admin / demo"
      descriptif: portfolio/e6/supervision.md

Fautif :
    e6:
      numero: 1
      competences: [B2.1, B2.2]
      conditions: ""
      acces: "Dépôt : https//gitlab.com/erwan-le-goff/zabbix"
      # ni ressources ni descriptif
"""

from collections.abc import Iterator

from e4cli.dossier.model import E6Part, Realisation
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.weburl import address_form, find_addresses

RULE = Rule.from_doc(__doc__, needs_manifest=False)

# The fiche's rubrics, in its order: key → what the official fiche calls it.
FIELDS = {
    "conditions": "les conditions de réalisation (ressources fournies, résultats attendus)",
    "ressources": "la description des ressources documentaires, matérielles et logicielles "
    "utilisées",
    "acces": "les modalités d'accès aux productions et à leur documentation",
    "descriptif": "le descriptif de la réalisation (verso de la fiche)",
}


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for real in ctx.dossier.realisations:
        part = real.e6
        if part is None:
            continue
        for key, what in FIELDS.items():
            yield from _field(ctx, real, part, key, what)
        if part.acces is not None:
            yield from _addresses(real, part, part.acces)


def _field(
    ctx: CheckContext, real: Realisation, part: E6Part, key: str, what: str
) -> Iterator[Finding]:
    written = part.anchor.written_as(key)
    if written is None:
        yield RULE.finding(
            f"La fiche descriptive de {real.label} n'a pas « {key} » : {what}.",
            part.anchor.key(),
            f"Ajoutez « {key}: » au bloc « e6: ».",
        )
        return
    if written is not str:
        return  # the schema reports a value of the wrong type (S001)
    value = getattr(part, key)
    if value is None:
        yield RULE.finding(
            f"« e6.{key} » de {real.label} est vide : la fiche descriptive demande {what}.",
            part.anchor.at(key),
            "Écrivez-le : texte libre ou Markdown.",
        )
        return
    if key == "descriptif" and part.descriptif_path is not None:
        yield from _descriptif_file(ctx, real, part, part.descriptif_path)


def _descriptif_file(
    ctx: CheckContext, real: Realisation, part: E6Part, raw: str
) -> Iterator[Finding]:
    fact = ctx.facts.path(raw)
    where = part.anchor.at("descriptif")
    if fact.outside:
        return  # D005, where the path is written
    if fact.kind != "file":
        reason = "n'existe pas dans le dossier" if fact.kind is None else "n'est pas un fichier"
        hint = (
            fact.near.hint()
            if fact.near
            else (
                "Le chemin part de la racine du dossier (celle de dossier.yaml), par exemple "
                "« portfolio/e6/realisation-1.md » ; ou écrivez le descriptif lui-même en Markdown."
            )
        )
        yield RULE.finding(
            f"Le descriptif de {real.label} cite « {raw} », qui {reason}.", where, hint
        )
        return
    text = ctx.facts.descriptifs.get(raw)
    if text is None:
        yield RULE.finding(
            f"Le descriptif de {real.label}, « {raw} », ne se lit pas comme un texte UTF-8.",
            where,
            "Enregistrez le fichier en UTF-8 (VS Code : « Enregistrer avec l'encodage »).",
        )
    elif not text.strip():
        yield RULE.finding(
            f"Le descriptif de {real.label}, « {raw} », est vide : c'est le verso de la fiche.",
            where,
            "Décrivez la réalisation, ses productions et ses schémas explicatifs dans ce fichier.",
        )


def _addresses(real: Realisation, part: E6Part, text: str) -> Iterator[Finding]:
    for url, _offset in find_addresses(text):
        verdict = address_form(url)
        if verdict.ok:
            continue
        yield RULE.finding(
            f"Les modalités d'accès de {real.label} donnent « {url} », qui n'est pas une adresse "
            f"valide : {verdict.reason}.",
            part.anchor.at("acces"),
            verdict.hint,
        )
