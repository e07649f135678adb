"""R004 · error · Compétence inconnue

Une compétence citée par une réalisation n'existe pas dans le référentiel. On cite une
compétence par son code (`B1.3`), un item par le sien (`B1.3.2`), ou par l'intitulé exact
(sans tenir compte des majuscules ni des accents), ou par un alias (`projet`, `patrimoine`).
La référence valide la plus proche est proposée ; un item au-delà des items de sa compétence
(`B1.2.4`) fait dire lesquels elle a. `e4 check --fix` récrit un code dont seule la
ponctuation ou l'espacement diffère (`B1-3`, `B1,3`, `b1 .3`) en son code exact.

Pourquoi : une compétence mal citée ne compte pas dans la couverture du bloc, ni dans le
tableau de synthèse.

Correct :
    competences: [B1.4, B1.5.2, Travailler en mode projet]

Fautif :
    competences: [B1.7, B14]
"""

import re
from collections.abc import Iterator

from e4cli.dossier.model import Realisation
from e4cli.dossier.referential import Referential
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Fix

_ITEM = re.compile(r"^\s*([A-Za-z]\d+\.\d+)\.(\d+)\s*$")
_PUNCTUATION = re.compile(r"\s*[.,;:_-]\s*|\s+")

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    referential = ctx.dossier.referential
    for real in ctx.dossier.realisations:
        for ref in real.competences:
            if ref.resolved is not None:
                continue
            code = _code_by_punctuation(referential, ref.raw)
            yield RULE.finding(
                f"Compétence inconnue « {ref.raw} » dans {real.label}.",
                real.anchor.at("competences", ref.index),
                _hint(referential, ref.raw, code),
                fix=_fix(real, ref.index, code),
            )


def _hint(referential: Referential, raw: str, code: str | None) -> str:
    if code is not None:
        return f"Écrivez le code « {code} » (e4 check --fix le fait)."
    item = _ITEM.match(raw)
    if item:  # B1.2.4: say which items B1.2 has rather than jump to another competency
        competence = next(
            (c for c in referential.competences if c.code.casefold() == item[1].casefold()), None
        )
        if competence is not None and competence.items:
            first, last = competence.items[0].code, competence.items[-1].code
            return f"{competence.code} a les items {first} à {last}."
    suggestion = referential.suggest(raw)
    if suggestion:
        return f"Vouliez-vous dire « {suggestion} » ?"
    return "Codes valides : B1.1 à B1.6 et leurs items (B1.1.1 … B1.6.4)."


def _code_by_punctuation(referential: Referential, raw: str) -> str | None:
    """The code `raw` is but for its punctuation and spacing (`B1-3`, `b1 .3`), if exactly one."""
    if not re.match(r"^\s*[A-Za-z]\s*\d", raw):
        return None
    return referential.code_of(_PUNCTUATION.sub(".", raw.strip()))


def _fix(real: Realisation, index: int, code: str | None) -> Fix | None:
    if code is None:
        return None
    span = real.anchor.doc.span([*real.anchor.base, "competences", index])
    if span is None or span.line != span.end_line:
        return None
    return Fix(f"« {span.text} » → {code}", (span.replaced_by(code),))
