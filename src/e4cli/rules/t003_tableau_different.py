"""T003 · warning · Tableau de synthèse différent du dossier

Le fichier `tableau:` de dossier.yaml est un classeur .xlsx sur le modèle officiel, et ce
qu'il montre diffère des réalisations du dossier : une ligne du tableau qu'aucune réalisation
ne porte, une réalisation absente du tableau, ou, pour une même réalisation (reconnue à son
intitulé), une autre section, une autre période ou d'autres cases cochées. Chaque constat
nomme la ligne. Le tableau est lu comme le lit `e4 import` ; les autres formats (.pdf…) ne
sont pas comparés.

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

from e4cli.dossier.dates import format_fr
from e4cli.dossier.fs import PathOutside, file_kind
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location
from e4cli.util.textnorm import fold

if TYPE_CHECKING:
    from e4cli.dossier.model import Anchor
    from e4cli.importer.reader import TableRow
    from e4cli.table.model import Row

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier, manifest = ctx.dossier, ctx.dossier.manifest
    if dossier.tableau is None or manifest is None:
        return
    if not dossier.tableau.lower().endswith(".xlsx"):
        return
    try:
        path = ctx.fs.resolve(dossier.tableau)
    except PathOutside:
        return  # T001 and D005 report it
    if file_kind(path) != "file":
        return  # T001
    from e4cli.importer.reader import TableReadError, read_table
    from e4cli.table.model import build_table

    where = manifest.at("tableau")
    hint = f"Régénérez-le depuis le dossier : e4 table {dossier.display} --output {dossier.tableau}"
    try:
        table = read_table(path, dossier.referential)
    except TableReadError as exc:
        yield RULE.finding(f"Le tableau n'a pas pu être comparé au dossier : {exc}", where, hint)
        return
    except Exception as exc:  # a broken workbook must not stop the other checks
        yield RULE.finding(
            f"Le tableau « {dossier.tableau} » ne se lit pas ({type(exc).__name__}) : il n'a "
            "pas pu être comparé au dossier.",
            where,
            hint,
        )
        return
    model = build_table(dossier)
    codes = [c.code for c in model.columns]
    ours: list[tuple[str | None, Row]] = [
        (section.key, row) for section in model.sections for row in section.rows
    ]
    ours += [(None, row) for row in model.unplaced]
    theirs = list(table.rows)
    by_file = {real.file: real for real in dossier.realisations}
    sections = dossier.referential.sections
    name = dossier.tableau
    for section, row in ours:
        key = fold(row.intitule)
        match = next((t for t in theirs if fold(t.intitule or "") == key), None)
        real = by_file.get(row.file)
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
        if section is not None and match.section != section:
            yield RULE.finding(
                f"« {row.intitule} » est dans la section « {sections[match.section]} » du "
                f"tableau ({line}), dans « {sections[section]} » d'après le dossier.",
                anchor.at("cadre") if anchor else Location(row.file),
                hint,
            )
        theirs_period = (match.period.debut, match.period.fin)
        if theirs_period != (row.debut, row.fin):
            shown = match.period.raw or "vide"
            yield RULE.finding(
                f"« {row.intitule} » : période « {shown} » dans le tableau ({line}), "
                f"« {_period(row.debut, row.fin)} » dans le dossier.",
                anchor.at("periode") if anchor and anchor.has("periode") else _at(anchor, row),
                hint,
            )
        ticked = {c for c, tick in zip(codes, row.ticks, strict=True) if tick}
        table_ticked = set(match.codes())
        if ticked != table_ticked:
            parts = []
            if table_ticked - ticked:
                parts.append(f"cochées dans le tableau seulement : {_codes(table_ticked - ticked)}")
            if ticked - table_ticked:
                parts.append(f"dans le dossier seulement : {_codes(ticked - table_ticked)}")
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
            f"« {sections[extra.section]} »), ne correspond à aucune réalisation du dossier.",
            where,
            hint,
        )


def _at(anchor: Anchor | None, row: Row) -> Location:
    return anchor.at() if anchor is not None else Location(row.file)


def _period(debut: dt.date | None, fin: dt.date | None) -> str:
    if debut is None and fin is None:
        return "aucune"
    start = format_fr(debut) if debut else "?"
    end = format_fr(fin) if fin else "?"
    return f"{start} au {end}"


def _codes(codes: set[str]) -> str:
    return ", ".join(sorted(codes))


def _title(row: TableRow) -> str:
    return row.intitule or "(sans intitulé)"
