"""T001 · error · Pas de tableau de synthèse

Aucun tableau de synthèse ne peut être remis : le dossier n'a aucune réalisation, ou le
fichier déclaré par `tableau:` dans dossier.yaml n'existe pas.

Pourquoi : pénalité officielle « Absence de tableau de synthèse » : 2 points retirés à la
note finale. (`e4 table` produit le tableau à partir des réalisations.)

Correct :
    tableau: tableau-de-synthese.xlsx   # et le fichier existe

Fautif :
    tableau: tableau-de-synthese.xlsx   # fichier absent du dossier
"""

import os
from collections.abc import Iterator
from pathlib import Path

from e4cli.dossier.model import Dossier
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    if not dossier.realisations:
        yield _no_realisation(ctx)
    if dossier.tableau is None or dossier.manifest is None:
        return
    where = dossier.manifest.at("tableau")
    fact = ctx.facts.path(dossier.tableau)
    if fact.outside:  # D005 says where it leads; here, what it costs
        yield RULE.finding(
            f"Le tableau de synthèse « {dossier.tableau} » est hors du dossier : il ne sera pas "
            "remis.",
            where,
        )
        return
    if fact.kind != "file":
        yield RULE.finding(
            f"Le tableau de synthèse déclaré « {dossier.tableau} » n'existe pas.",
            where,
            f"Générez-le : {table_command(dossier)}",
        )


def _no_realisation(ctx: CheckContext) -> Finding:
    dossier, manifest = ctx.dossier, ctx.dossier.manifest
    folder = dossier.realisations_dir
    fact = ctx.facts.path(folder)
    kind = "dir" if fact.outside else fact.kind  # refused (D005): nothing to add about it
    if kind == "dir":
        return RULE.finding(
            f"Aucune réalisation dans « {folder}/ » : il n'y a pas de tableau de synthèse à "
            "remettre.",
            Location(folder + "/"),
            "Décrivez chaque réalisation dans un fichier YAML de ce dossier (voir « e4 init »).",
        )
    declared = manifest is not None and manifest.has("realisations")
    near = fact.near
    if near:
        hint = near.hint()
    elif declared:
        hint = (
            "Corrigez « realisations: » dans dossier.yaml : le dossier qui contient un fichier "
            "YAML par réalisation (voir « e4 init »)."
        )
    else:
        hint = "Créez ce dossier avec un fichier YAML par réalisation (voir « e4 init »)."
    what = f"« {folder}/ » n'existe pas" if kind is None else f"« {folder} » n'est pas un dossier"
    return RULE.finding(
        f"Le dossier des réalisations {what} : il n'y a pas de tableau de synthèse à remettre.",
        manifest.at("realisations")
        if manifest is not None and declared
        else Location(folder + "/"),
        hint,
    )


def table_command(dossier: Dossier) -> str:
    """The `e4 table` command that writes the declared table where dossier.yaml says.

    `--output` is read from where e4 runs, as the dossier's own path is: the table's
    path inside the dossier is joined to it.
    """
    assert dossier.tableau is not None
    target = os.path.normpath(Path(dossier.display) / dossier.tableau)
    return f"e4 table {_argument(dossier.display)} --output {_argument(target)}"


def _argument(text: str) -> str:
    return f'"{text}"' if any(c.isspace() for c in text) else text
