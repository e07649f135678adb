"""The synthesis table as plain data, built once from a loaded dossier.

Everything the official table shows is decided here: the title lines, the
identity lines, the competency columns, the three sections in the official
order, each réalisation's row (intitulé, documents, période, ticks) and the
notes about what could not be filled. Renderers only lay this out, so the six
formats cannot disagree about the content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from e4cli.check.placement import SECTION_KEYS as SECTION_KEYS
from e4cli.check.placement import place
from e4cli.dossier.dates import format_fr
from e4cli.dossier.model import Dossier, Realisation, full_name
from e4cli.util.record import record

# Fixed wording of the official model (annexe 6-1 / VI-1); session-dependent
# labels (épreuve, annex) come from the referential.
TABLE_TITLE = "Tableau de synthèse des réalisations professionnelles"
LABEL_NAME = "NOM et prénom"
LABEL_NUMBER = "N° candidat"
LABEL_CENTRE = "Centre de formation"
LABEL_OPTION = "Option"
LABEL_PORTFOLIO = "Adresse URL du portfolio"
HEADER_REALISATION = (
    "Réalisations professionnelles (intitulé et liste des documents et productions associés)"
)
HEADER_PERIOD = "Période (sous la forme du JJ/MM/AA au JJ/MM/AA)"
HEADER_COMPETENCES = "Compétences mises en œuvre"
OPTIONS = ("SISR", "SLAM")
TICK = "x"
UNCHECKED, CHECKED = "☐", "☒"  # the boxes of the official forms (option, forme, levels)


def period_text(debut: dt.date | None, fin: dt.date | None) -> str:
    """A period as the official model asks: JJ/MM/AA au JJ/MM/AA (empty when unknown)."""
    if debut is None and fin is None:
        return ""
    start = format_fr(debut) if debut else "??/??/??"
    end = format_fr(fin) if fin else "??/??/??"
    return f"{start} au {end}"


@record
class Column:
    """One competency column: its header names the competency and lists its items."""

    code: str
    label: str
    items: tuple[tuple[str, str], ...]  # (item code, item label)


@record
class Document:
    """A document or production listed under the intitulé."""

    titre: str
    fichier: str | None = None
    url: str | None = None


@record
class Row:
    id: str
    file: str
    intitule: str
    documents: tuple[Document, ...]
    debut: dt.date | None
    fin: dt.date | None
    ticks: tuple[bool, ...]  # one per column, in column order
    items: tuple[str, ...]  # the item codes the réalisation cites, for the JSON output

    @property
    def periode(self) -> str:
        return period_text(self.debut, self.fin)

    @property
    def lines(self) -> tuple[str, ...]:
        """The intitulé then one line per document: the first column's content as text."""
        return (self.intitule, *(d.titre for d in self.documents))


@record
class Section:
    key: str
    label: str
    rows: tuple[Row, ...]


@record
class Identity:
    nom: str | None
    prenom: str | None
    numero: str | None
    centre: str | None
    option: str | None  # SISR, SLAM, or None when missing or not one of them
    portfolio_url: str | None
    numero_read_as: int | float | None = None  # `numero` unquoted: what YAML read (S001)

    @property
    def full_name(self) -> str:
        return full_name(self.nom, self.prenom)

    def option_boxes(self) -> tuple[tuple[str, str], ...]:
        """(box, option) for SISR and SLAM, the candidate's one ticked: every format's "Option"."""
        return tuple((CHECKED if o == self.option else UNCHECKED, o) for o in OPTIONS)


@record
class TableModel:
    dossier: str
    diploma: str
    session: int | None
    epreuve: str
    epreuve_title: str
    annex: str
    identity: Identity
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    unplaced: tuple[Row, ...] = ()  # réalisations with no section: not in the official table
    missing: tuple[str, ...] = field(default=())

    title: str = TABLE_TITLE
    label_name: str = LABEL_NAME
    label_number: str = LABEL_NUMBER
    label_centre: str = LABEL_CENTRE
    label_option: str = LABEL_OPTION
    label_portfolio: str = LABEL_PORTFOLIO
    header_realisation: str = HEADER_REALISATION
    header_period: str = HEADER_PERIOD
    header_competences: str = HEADER_COMPETENCES
    options: tuple[str, ...] = OPTIONS
    tick: str = TICK

    @property
    def session_line(self) -> str:
        return f"SESSION {self.session}" if self.session is not None else "SESSION"

    @property
    def caption(self) -> str:
        return (
            f"{self.title} – {self.diploma}, {self.session_line}, "
            f"épreuve {self.epreuve} ({self.annex})"
        )


def build_table(dossier: Dossier, *, load_notes: tuple[str, ...] = ()) -> TableModel:
    """The table of a loaded dossier, with a note for each thing it cannot show.

    `load_notes` are the reasons, found while loading, why some files could not
    be read at all (so their réalisations are absent); they come first.
    """
    ref = dossier.referential
    labels = ref.session_labels(dossier.session)
    missing: list[str] = list(load_notes)
    columns = tuple(
        Column(c.code, c.label, tuple((i.code, i.label) for i in c.items)) for c in ref.competences
    )
    identity = identity_of(dossier)
    missing += identity_notes(identity, PAPER_FIELDS)
    if dossier.session is None:
        missing.append(SESSION_NOTE)
    by_section: dict[str, list[Row]] = {key: [] for key in SECTION_KEYS}
    unplaced: list[Row] = []
    for real in dossier.realisations:
        row = _row(real, columns, missing)
        placement = place(dossier, real)
        if placement.section is not None:
            by_section[placement.section].append(row)
        else:
            unplaced.append(row)
            missing.append(
                f"{real.file} : {placement.reason(real)} ; la réalisation "
                f"« {row.intitule} » n'est placée dans aucune section du tableau (T004)."
            )
    sections = tuple(
        Section(key, ref.sections[key], tuple(by_section[key])) for key in SECTION_KEYS
    )
    return TableModel(
        dossier=dossier.display,
        diploma=ref.diploma,
        session=dossier.session,
        epreuve=labels.epreuve,
        epreuve_title=labels.title,
        annex=labels.annex_table,
        identity=identity,
        columns=columns,
        sections=sections,
        unplaced=tuple(unplaced),
        missing=tuple(missing),
    )


# What each identity field leaves empty when the dossier does not give it, in the words of
# the dossier's fields: shared by the table, the grid and the fiche.
_IDENTITY_NOTES = {
    "nom": "candidat.nom absent : « NOM et prénom » est incomplet.",
    "prenom": "candidat.prenom absent : « NOM et prénom » est incomplet.",
    "numero": "candidat.numero absent : la ligne « N° candidat » reste vide.",
    "centre": "centre absent : la ligne « Centre de formation » reste vide.",
    "option": "candidat.option absente ou inconnue (SISR ou SLAM) : aucune case cochée.",
    "portfolio_url": "portfolio.url absente : la ligne « Adresse URL du portfolio » reste vide.",
}
PAPER_FIELDS = tuple(_IDENTITY_NOTES)  # the identity lines of the synthesis table
SESSION_NOTE = "dossier.yaml : session absente ou invalide : la ligne « SESSION » reste sans année."


def identity_of(dossier: Dossier) -> Identity:
    """The candidate's identity lines; an option other than SISR or SLAM ticks no box."""
    cand = dossier.candidat
    option = cand.option.upper() if cand.option and cand.option.upper() in OPTIONS else None
    return Identity(
        nom=cand.nom,
        prenom=cand.prenom,
        numero=cand.numero,
        centre=dossier.centre,
        option=option,
        portfolio_url=dossier.portfolio_url,
        numero_read_as=cand.numero_read_as,
    )


def identity_notes(identity: Identity, fields: tuple[str, ...]) -> list[str]:
    """A note for each of `fields` the identity lacks or shows as written but not as read,
    in the order of `fields`."""
    notes = []
    for name in fields:
        if name == "numero" and identity.numero_read_as is not None and identity.numero:
            from e4cli.rules.s001_valeur_invalide import read_as_number

            message, hint = read_as_number(identity.numero, _number(identity.numero_read_as))
            notes.append(
                f"dossier.yaml : « candidat.numero » : {message} Le tableau le montre tel "
                f"qu'écrit ; {hint[0].lower()}{hint[1:]}"
            )
        elif not getattr(identity, name):
            notes.append(f"dossier.yaml : {_IDENTITY_NOTES[name]}")
    return notes


def _number(value: int | float) -> str:
    """A number as the schema's finding shows it (`le nombre 317143366`)."""
    return f"le nombre {value}"


def _row(real: Realisation, columns: tuple[Column, ...], missing: list[str]) -> Row:
    intitule = real.intitule or real.id
    if real.intitule is None:
        missing.append(f"{real.file} : intitule absent ; la ligne porte le nom du fichier.")
    if real.debut is None or real.fin is None:
        if real.debut is None and real.fin is None:
            what = "période absente"
        elif real.debut is None:
            what = "début de période absent"
        else:
            what = "fin de période absente"
        missing.append(f"{real.file} : {what} ; la colonne « Période » est incomplète.")
    codes = real.competence_codes()
    if not codes:
        missing.append(f"{real.file} : aucune compétence reconnue ; la ligne n'a aucune croix.")
    documents = tuple(
        Document(p.titre or p.fichier or p.url or "", p.fichier, p.url)
        for p in real.productions
        if p.titre or p.fichier or p.url
    )
    return Row(
        id=real.id,
        file=real.file,
        intitule=intitule,
        documents=documents,
        debut=real.debut,
        fin=real.fin,
        ticks=tuple(c.code in codes for c in columns),
        items=tuple(sorted(real.item_codes())),
    )

