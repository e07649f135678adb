"""T003 · warning · Tableau de synthèse différent du dossier

Le fichier `tableau:` de dossier.yaml est un tableau sur le modèle officiel (classeur .xlsx
ou .ods, ou PDF exporté avec son texte), et ce qu'il montre diffère des réalisations du
dossier : une ligne du tableau qu'aucune réalisation ne porte, une réalisation absente du
tableau, ou, pour une même réalisation (reconnue à son intitulé), une autre section, une
autre période ou d'autres cases cochées. Chaque constat nomme la ligne. Le tableau est lu
comme le lit `e4 import` (son format d'après son contenu) ; les autres fichiers (.docx,
images…) ne sont pas comparés.

Pourquoi : le jury lit le tableau remis, pas les fichiers YAML ; un tableau rempli à la main
ou oublié après une correction montre au jury un autre dossier que celui que e4 vérifie.
(T002 compare les dates des fichiers ; T003 compare leur contenu.)

Correct :
    tableau: tableau-de-synthese.xlsx   # produit par « e4 table » depuis le dossier

Fautif :
    tableau: tableau-de-synthese.xlsx   # rempli à la main : « Projet NoSQL » n'y figure pas
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from e4cli.check.facts import TableRowFact
from e4cli.dossier.dates import format_fr
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location
from e4cli.util.textnorm import fold

if TYPE_CHECKING:
    from e4cli.dossier.model import Anchor

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier, manifest, tableau = ctx.dossier, ctx.dossier.manifest, ctx.facts.tableau
    if dossier.tableau is None or manifest is None or tableau is None:
        return  # not declared, not a table file, outside (D005) or absent (T001)
    where = manifest.at("tableau")
    hint = f"Régénérez-le depuis le dossier : e4 table {dossier.display} --output {dossier.tableau}"
    if tableau.unreadable is not None:
        yield RULE.finding(
            f"Le tableau n'a pas pu être comparé au dossier : {tableau.unreadable}", where, hint
        )
        return
    if tableau.broken is not None:
        yield RULE.finding(
            f"Le tableau « {dossier.tableau} » ne se lit pas ({tableau.broken}) : il n'a "
            "pas pu être comparé au dossier.",
            where,
            hint,
        )
        return
    theirs = list(tableau.theirs)
    by_file = {real.file: real for real in dossier.realisations}
    sections = dossier.referential.sections
    name = dossier.tableau
    for row in tableau.ours:
        key = fold(row.intitule)
        match = next((t for t in theirs if fold(t.intitule) == key), None)
        real = by_file.get(row.file or "")
        anchor = real.anchor if real is not None else None
        if match is None:
            yield RULE.finding(
                f"La réalisation « {row.intitule} » n'est pas dans le tableau « {name} ».",
                anchor.at("intitule") if anchor else Location(row.file),
                hint,
            )
            continue
        theirs.remove(match)
        line = f"ligne {match.sheet_row} du tableau"
        section = row.section
        if section is not None and match.section != section:
            yield RULE.finding(
                f"« {row.intitule} » est dans la section « {_section(sections, match)} » du "
                f"tableau ({line}), dans « {sections[section]} » d'après le dossier.",
                anchor.at("cadre") if anchor else Location(row.file),
                hint,
            )
        if (match.debut, match.fin) != (row.debut, row.fin):
            shown = match.raw_period or "vide"
            yield RULE.finding(
                f"« {row.intitule} » : période « {shown} » dans le tableau ({line}), "
                f"« {_period(row.debut, row.fin)} » dans le dossier.",
                anchor.at("periode") if anchor and anchor.has("periode") else _at(anchor, row),
                hint,
            )
        if row.codes != match.codes:
            parts = []
            if only_theirs := match.codes - row.codes:
                parts.append(f"cochées dans le tableau seulement : {_codes(only_theirs)}")
            if only_ours := row.codes - match.codes:
                parts.append(f"dans le dossier seulement : {_codes(only_ours)}")
            yield RULE.finding(
                f"« {row.intitule} » : compétences différentes ({line}) ; "
                + " ; ".join(parts)
                + ".",
                anchor.at("competences")
                if anchor and anchor.has("competences")
                else _at(anchor, row),
                hint,
            )
    for extra in theirs:
        yield RULE.finding(
            f"La ligne {extra.sheet_row} du tableau « {name} », « {_title(extra)} » (section "
            f"« {_section(sections, extra)} »), ne correspond à aucune réalisation du dossier.",
            where,
            hint,
        )


def _section(sections: dict[str, str], row: TableRowFact) -> str:
    return sections.get(row.section or "", row.section or "?")


def _at(anchor: Anchor | None, row: TableRowFact) -> Location:
    return anchor.at() if anchor is not None else Location(row.file)


def _period(debut: dt.date | None, fin: dt.date | None) -> str:
    if debut is None and fin is None:
        return "aucune"
    start = format_fr(debut) if debut else "?"
    end = format_fr(fin) if fin else "?"
    return f"{start} au {end}"


def _codes(codes: frozenset[str]) -> str:
    return ", ".join(sorted(codes))


def _title(row: TableRowFact) -> str:
    return row.intitule or "(sans intitulé)"
