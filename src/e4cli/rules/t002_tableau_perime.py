"""T002 · warning · Tableau de synthèse périmé

Le fichier `tableau:` de dossier.yaml est plus ancien (date de modification) que les données
qu'il doit montrer : dossier.yaml ou un fichier de réalisation a été modifié après lui. Un
écart de moins d'une minute est toléré (une copie ou un `git clone` écrit les fichiers dans
un ordre quelconque).

Pourquoi : le tableau remis au jury doit décrire les réalisations telles qu'elles sont dans
le dossier ; un tableau oublié après une correction montre une ancienne version.

Correct :
    tableau: tableau.xlsx   # régénéré après la dernière modification

Fautif :
    tableau: tableau.xlsx   # produit avant de modifier 03-radius.yaml
"""

import datetime as dt
from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.rules.t001_tableau_absent import table_command

RULE = Rule.from_doc(__doc__)

SLACK_SECONDS = 60.0


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier, manifest = ctx.dossier, ctx.dossier.manifest
    if dossier.tableau is None or manifest is None:
        return
    table_time = ctx.facts.path(dossier.tableau).mtime
    if table_time is None:
        return  # outside (D005), absent (T001) or unreadable
    times = ctx.facts.source_times
    if not times:
        return
    newest, name = max(times)
    if newest - table_time <= SLACK_SECONDS:
        return
    yield RULE.finding(
        f"Le tableau de synthèse « {dossier.tableau} » ({_when(table_time)}) est plus ancien "
        f"que « {name} » ({_when(newest)}) : il ne montre peut-être pas la dernière version.",
        manifest.at("tableau"),
        f"Régénérez-le : {table_command(dossier)}",
    )


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%d/%m/%Y %H:%M")
