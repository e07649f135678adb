"""F004 · error · Compétence du bloc 2 inconnue ou d'une autre option

Une compétence citée dans le bloc `e6:` d'une réalisation n'est pas une compétence du bloc 2
de l'option du candidat : elle est de l'autre option (« Gérer les données » est SLAM), du
bloc 1 (`B1.3`), ou inconnue. On cite une compétence du bloc 2 par son code (`B2.1`), un item
par le sien (`B2.1.3`), par l'intitulé exact (sans tenir compte des majuscules ni des
accents) ou par un alias (`supervision`, `maintenance`, `donnees`…). La référence valide la
plus proche est proposée.

Pourquoi : la fiche descriptive coche les trois compétences du bloc 2 de l'option ; une
référence mal écrite ne compte pas dans la couverture du bloc (F002) et ne serait pas cochée.

Correct :
    # option SISR
    e6:
      competences: [B2.1, B2.3.2, supervision]

Fautif :
    # option SISR
    e6:
      competences: [Gérer les données, B1.3, B2.4]
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    e6 = dossier.referential.e6
    option = dossier.candidat.option
    block = e6.block(option) if e6 is not None else None
    if e6 is None or block is None:
        return  # no option, no bloc 2 to judge against: the schema asks for the option
    for real in dossier.realisations:
        part = real.e6
        if part is None:
            continue
        for ref in part.competences:
            if ref.resolved is not None:
                continue
            where = part.anchor.at("competences", ref.index)
            if ref.other_option is not None and ref.other is not None:
                elsewhere = e6.blocks[ref.other_option]
                yield RULE.finding(
                    f"« {ref.raw} » dans {real.label} est {elsewhere.describe(ref.other)}, du "
                    f"bloc 2 de l'option {elsewhere.option} ; le candidat est en {option}.",
                    where,
                    f"Citez une compétence du bloc 2 {option} : "
                    + ", ".join(f"{c.code} « {c.label} »" for c in block.competences)
                    + ".",
                )
                continue
            if ref.bloc1:
                yield RULE.finding(
                    f"« {ref.raw} » dans {real.label} est une compétence du bloc 1 : le bloc "
                    "« e6: » cite celles du bloc 2.",
                    where,
                    "Le bloc 1 se cite dans « competences: » de la réalisation ; ici, "
                    f"B2.1 à B2.{len(block.competences)} et leurs items.",
                )
                continue
            suggestion = block.suggest(ref.raw)
            last = block.competences[-1]
            hint = (
                f"Vouliez-vous dire « {suggestion} » ?"
                if suggestion
                else f"Codes valides en {option} : B2.1 à {last.code} et leurs items "
                f"(B2.1.1 … {last.items[-1].code})."
            )
            yield RULE.finding(
                f"Compétence du bloc 2 inconnue « {ref.raw} » dans {real.label}.", where, hint
            )
