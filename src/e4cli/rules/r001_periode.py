"""R001 · error · Période absente ou inversée

Une réalisation n'a pas de période (`periode` avec `debut` et `fin`), ou sa fin précède son
début.

Pourquoi : le tableau de synthèse officiel exige la période de chaque réalisation « sous la
forme du JJ/MM/AA au JJ/MM/AA ».

Correct :
    periode:
      debut: 2027-01-19
      fin: 2027-02-12

Fautif :
    periode:
      debut: 2027-02-12
      fin: 2027-01-19
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)

_HINT = "Indiquez « periode: » avec « debut: AAAA-MM-JJ » et « fin: AAAA-MM-JJ »."


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for real in ctx.dossier.realisations:
        anchor = real.anchor
        if not anchor.has("periode"):
            yield RULE.finding(
                f"La réalisation {real.label} n'a pas de période.", anchor.at(), _HINT
            )
            continue
        if anchor.written_as("periode") is not dict:
            continue  # a text or a list instead of the block: the schema's finding (S001)
        for key in ("debut", "fin"):
            if not anchor.has("periode", key):
                yield RULE.finding(
                    f"La période de {real.label} n'a pas de date de {key_fr(key)}.",
                    anchor.at("periode"),
                    _HINT,
                )
        if real.debut and real.fin and real.fin < real.debut:
            yield RULE.finding(
                f"La période de {real.label} finit ({real.fin:%d/%m/%Y}) avant de commencer "
                f"({real.debut:%d/%m/%Y}).",
                anchor.at("periode", "fin"),
                "Vérifiez l'ordre des dates : « debut » puis « fin ».",
            )


def key_fr(key: str) -> str:
    return "début" if key == "debut" else "fin"
