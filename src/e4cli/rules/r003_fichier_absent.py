"""R003 · error · Fichier de production ou page absent

Le `fichier` d'une production ou la `page` d'une réalisation n'existe pas dans le dossier.
Quand un fichier existe au même nom à la casse près (`Procedure.PDF` pour `procedure.pdf`) ou
à la forme Unicode près (accents décomposés, NFD, des noms venus de macOS), le conseil le dit
et nomme le fichier : cela marche sous Windows ou macOS, pas sur le serveur Linux du jury.

Pourquoi : le tableau de synthèse liste, pour chaque réalisation, les documents et
productions associés ; un fichier cité qui manque est une preuve absente le jour de l'oral.

Correct :
    productions:
      - titre: Procédure d'installation
        fichier: productions/radius/procedure.pdf   # le fichier existe

Fautif :
    productions:
      - titre: Procédure d'installation
        fichier: productions/radius/Procedure.pdf   # c'est procedure.pdf
"""

from collections.abc import Iterator

from e4cli.check.facts import Facts
from e4cli.dossier.model import Realisation
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location
from e4cli.util.weburl import is_web_address

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for real in ctx.dossier.realisations:
        for prod in real.productions:
            if prod.fichier is not None:
                yield from _check_file(
                    ctx.facts,
                    prod.fichier,
                    real.anchor.at("productions", prod.index, "fichier"),
                    f"La production « {prod.titre or prod.fichier} » de {real.label}",
                    page=False,
                )
        if real.page is not None:
            yield from _check_file(
                ctx.facts, real.page, real.anchor.at("page"), _page_owner(real), page=True
            )


def _page_owner(real: Realisation) -> str:
    return f"La page de portfolio de {real.label}"


def _check_file(
    facts: Facts, raw: str, where: Location, owner: str, *, page: bool
) -> Iterator[Finding]:
    fact = facts.path(raw)
    if fact.outside:
        return  # D005, where the path is written
    kind = fact.kind
    if kind == "file" or (kind == "dir" and not page):
        return  # a production may be a folder (sources); a page is a file
    if kind == "dir":
        yield RULE.finding(f"{owner}, « {raw} », est un dossier, pas une page.", where)
        return
    if kind == "other":
        yield RULE.finding(
            f"{owner}, « {raw} », n'est pas un fichier ordinaire (tube, périphérique) : il ne "
            "peut pas être remis.",
            where,
        )
        return
    near = fact.near
    if near:
        hint = near.hint()
    elif is_web_address(raw):
        hint = (
            "C'est une adresse web : une page de portfolio est un fichier Markdown du dossier."
            if page
            else "C'est une adresse web : une production en ligne s'écrit « url: » au lieu de "
            "« fichier: »."
        )
    else:
        hint = (
            "Le chemin part de la racine du dossier (celle de dossier.yaml), par exemple "
            "« productions/procedure.pdf » : corrigez-le ou ajoutez le fichier."
        )
    yield RULE.finding(f"{owner} cite « {raw} », qui n'existe pas dans le dossier.", where, hint)
