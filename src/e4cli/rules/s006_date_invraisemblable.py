"""S006 · warning · Date invraisemblable

Une date du dossier (début ou fin d'un stage ou d'une réalisation, date limite de remise) est
réelle mais loin de la session : avant le 1er janvier de l'année qui précède de quatre ans la
session, ou après le 31 décembre de l'année de la session (sans session lisible : avant 2000
ou après 2100). C'est presque toujours une faute de frappe (0001-01-01, 9999-12-31, 2099 pour
2029).

Pourquoi : les réalisations et les stages ont lieu pendant les deux années de formation qui
précèdent la session ; le tableau de synthèse remis au jury montrerait ces dates telles
quelles, et les durées de stage seraient fausses.

Correct :
    periode: {debut: 2027-01-11, fin: 2027-02-19}   # session 2027

Fautif :
    periode: {debut: 2027-01-11, fin: 9999-12-31}
"""

import datetime as dt
from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__)

YEARS_BEFORE = 4  # a two-year BTS, a year repeated, a gap year: the earliest plausible start


def window(session: int | None) -> tuple[dt.date, dt.date]:
    """The first and last plausible day of a dossier's dates."""
    if session is None or not 2000 <= session <= 2100:
        return dt.date(2000, 1, 1), dt.date(2100, 12, 31)
    return dt.date(session - YEARS_BEFORE, 1, 1), dt.date(session, 12, 31)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    first, last = window(dossier.session)
    dates: list[tuple[str, dt.date | None, Location]] = []
    if dossier.manifest is not None:
        dates.append(("date_limite", dossier.date_limite, dossier.manifest.at("date_limite")))
    for stage in dossier.stages:
        name = f"stages[{stage.index + 1}]"
        dates.append((f"{name}.debut", stage.debut, stage.anchor.at("debut")))
        dates.append((f"{name}.fin", stage.fin, stage.anchor.at("fin")))
    for real in dossier.realisations:
        dates.append(("periode.debut", real.debut, real.anchor.at("periode", "debut")))
        dates.append(("periode.fin", real.fin, real.anchor.at("periode", "fin")))
    session = f"la session {dossier.session}" if dossier.session else "toute session"
    for name, day, where in dates:
        if day is not None and not first <= day <= last:
            yield RULE.finding(
                f"« {name} » : la date {day.isoformat()} est loin de {session} (attendu "
                f"entre le {first.isoformat()} et le {last.isoformat()}).",
                where,
                "Vérifiez l'année : une faute de frappe (9999, 2099 pour 2029) fausse le "
                "tableau de synthèse et les durées de stage.",
            )
