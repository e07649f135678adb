"""The data each template of the site gets, made from the dossier's model.

Templates only lay these out (their names and fields are the documented
interface for a candidate's own templates, see README « e4 site »). Every `href`
here is already relative to the page that shows it.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from e4cli.dossier.model import Dossier, Stage
from e4cli.util.record import record

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
CADRES = {"formation": "En formation", "stage": "En stage (milieu professionnel)"}
MODALITES = {"seul": "Seul", "equipe": "En équipe"}


def date_fr(day: dt.date | None) -> str:
    """« 5 janvier 2027 », « 1er mars 2027 »."""
    if day is None:
        return "date non renseignée"
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def period_fr(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return ""
    return f"du {date_fr(start)} au {date_fr(end)}"


def weeks(stage: Stage) -> str:
    """The duration of a stage in weeks, a stage ending on a Friday closing its week."""
    if stage.debut is None or stage.fin is None or stage.fin < stage.debut:
        return ""
    end = stage.fin
    if end.weekday() in (4, 5):
        end += dt.timedelta(days=6 - end.weekday())
    count = ((end - stage.debut).days + 1) / 7
    text = f"{count:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text} semaine" + ("s" if count >= 2 else "")


@record
class Link:
    label: str
    href: str | None  # None: shown as text (not published)
    note: str | None = None


@record
class NavLink:
    label: str
    href: str
    current: bool


@record
class Host:
    """Who hosts the site, for the legal notices (known forges only)."""

    name: str
    address: str


HOSTS = {
    "github.io": Host(
        "GitHub, Inc. (service GitHub Pages)",
        "88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, États-Unis",
    ),
    "gitlab.io": Host(
        "GitLab Inc. (service GitLab Pages)",
        "268 Bush Street #350, San Francisco, CA 94104, États-Unis",
    ),
}


def host_of(url: str | None) -> Host | None:
    if not url:
        return None
    try:
        name = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    for suffix, host in HOSTS.items():
        if name == suffix or name.endswith("." + suffix):
            return host
    return None


@record
class SiteInfo:
    """What every page shows: who, which épreuve, and whether it is a preview."""

    candidate: str  # « Prénom Nom », as a website writes it
    title: str
    subtitle: str
    lang: str
    preview: bool
    generator: str
    url: str | None  # the portfolio's address, from dossier.yaml
    fingerprint: str = ""  # what the dossier was when built: P008 compares it online


@record
class CompetenceUse:
    code: str
    label: str
    href: str
    items: tuple[tuple[str, str], ...]  # (code, official wording)


@record
class StageView:
    id: str
    organisation: str
    annee: int | None
    periode: str
    duree: str
    realisations: tuple[Link, ...] = ()


@record
class RealisationView:
    id: str
    href: str  # from the page that lists it
    intitule: str
    section: str | None  # the table section's label
    cadre: str | None
    periode: str
    stage: StageView | None
    modalite: str
    contribution: str | None
    description: str | None
    technologies: tuple[str, ...]
    competences: tuple[CompetenceUse, ...]
    productions: tuple[Link, ...]
    page: Link | None  # the portfolio page that describes it


@record
class ItemCoverage:
    code: str
    label: str
    covered: bool
    realisations: tuple[Link, ...]


@record
class CompetenceView:
    code: str
    label: str
    anchor: str
    covered: bool
    realisations: tuple[Link, ...]
    items: tuple[ItemCoverage, ...]


@record
class SectionView:
    label: str
    realisations: tuple[RealisationView, ...]


@record
class Legal:
    editor: str
    status: str
    centre: str | None
    url: str | None
    host: Host | None


def anchor_of(code: str) -> str:
    return "c-" + code.lower().replace(".", "-")


def candidate_name(dossier: Dossier) -> str:
    cand = dossier.candidat
    return " ".join(p for p in (cand.prenom, cand.nom) if p) or "Candidat"


def portfolio_title(dossier: Dossier) -> str:
    """« Portfolio de Léa Martin », « Portfolio d'Erwan Le Goff »."""
    name = candidate_name(dossier)
    elided = name[:1].casefold() in "aeiouyéèêàâîôûh" and name != "Candidat"
    return f"Portfolio d'{name}" if elided else f"Portfolio de {name}"
