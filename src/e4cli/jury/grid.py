"""The evaluation grid ("Grille d'aide à l'évaluation", annexe 6-3 / VI-3) as plain data.

Built once from the result of `e4 check` on a dossier, so the grid shows what
the checks found: the penalties are pre-ticked from the same findings that
`e4 check` reports. With the commission's evaluation file, the grid also
carries what the commission wrote (date, commission, NOTE, NOTE FINALE) and
ticks on the verso the level it gave each line; without it, no level is
ticked: levels are the commission's.

Every printed word of the official pages comes from the referential's forms
of the dossier's session (`dossier/forms.py`). What e4 adds for the commission
(the réalisations that mobilise each competency, why a penalty is ticked)
goes on a page of its own after the verso, titled as e4's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import field
from decimal import Decimal

from e4cli.check.penalties import Penalty, official_penalties
from e4cli.check.pipeline import Checked
from e4cli.check.placement import placed
from e4cli.dossier.forms import OfficialForms
from e4cli.dossier.model import Dossier, Production, Realisation
from e4cli.dossier.referential import Referential, load_referential
from e4cli.jury.evaluation import TEAM, Evaluation, Member
from e4cli.jury.final_mark import final_mark, format_mark
from e4cli.rules import s007_forme_absente as s007
from e4cli.rules.findings import Finding, Severity
from e4cli.table.model import (
    CHECKED,
    SESSION_NOTE,
    UNCHECKED,
    Identity,
    identity_notes,
    identity_of,
    period_text,
)
from e4cli.table.templating import short_url, web_url
from e4cli.util.record import record

GRID_TITLE = "Grille d'aide à l'évaluation"
ANNEX_TITLE = "Annexe e4 (hors circulaire) : le dossier au regard de chaque compétence"
ANNEX_INTRO = (
    "Page ajoutée par e4 pour la commission, après le recto et le verso officiels : les "
    "réalisations du dossier qui mobilisent chaque compétence, d'après e4 check."
)
LABEL_TEAM_EVIDENCE = "Réalisations en équipe et contribution personnelle déclarée"
LABEL_PENALTY_EVIDENCE = "Pénalités pré-cochées par e4 check"


@record
class Evidence:
    """A réalisation as the commission sees it under a competency."""

    id: str
    file: str
    intitule: str
    where: str  # "En formation", "Stage de 1re année – Mairie de Lannion"…
    periode: str  # "du 06/10/25 au 14/11/25", or "" when unknown
    items: tuple[str, ...]  # item codes of this competency the réalisation cites
    documents: tuple[str, ...]  # titles of its productions
    page: str | None  # its portfolio page
    team: bool
    contribution: str | None  # the candidate's stated part, for a team réalisation


@record
class GridCompetence:
    """A competency on e4's annex page: what the dossier shows of it."""

    code: str
    label: str  # as the verso prints it
    items: tuple[tuple[str, str], ...]  # (item code, item label)
    evidence: tuple[Evidence, ...]
    uncited_items: tuple[str, ...]  # items no réalisation cites: where to ask questions

    @property
    def covered(self) -> bool:
        return bool(self.evidence)


@record
class LevelBox:
    mark: str  # CHECKED or UNCHECKED
    level: str  # the referential's level (what the evaluation file says)
    printed: str  # the form's label of that level

    @property
    def ticked(self) -> bool:
        return self.mark == CHECKED


@record
class VersoRow:
    """A line of the verso: the team line or a competency, its five boxes, its indicators."""

    code: str  # "" for the team line (TEAM in the evaluation file)
    title: str
    items: tuple[str, ...]
    indicators: tuple[str, ...]
    boxes: tuple[LevelBox, ...]

    @property
    def level(self) -> str | None:
        return next((b.level for b in self.boxes if b.ticked), None)


@record
class PenaltyLine:
    label: str
    points: int
    retained: bool
    code: str | None = None  # the finding that incurs it
    reason: str | None = None  # that finding's message and place

    @property
    def box(self) -> str:
        return CHECKED if self.retained else UNCHECKED


@record
class Header:
    """What the grid and the fiche share: title lines, identity, forme and option boxes."""

    dossier: str
    diploma: str
    session: int | None
    epreuve: str
    epreuve_title: str
    identity: Identity
    forme: str | None  # "ponctuelle", "ccf", or None when the dossier does not say
    forms: OfficialForms  # the circulaire of this session

    @property
    def session_line(self) -> str:
        return f"SESSION {self.session}" if self.session is not None else "SESSION"

    def title_lines(self, annex_title: str) -> tuple[str, ...]:
        """The annex and épreuve lines under the diploma line, in the circulaire's order."""
        lines = {"annexe": annex_title, "epreuve": self.epreuve_title}
        return tuple(lines[key] for key in self.forms.header)

    def forme_boxes(self) -> tuple[tuple[str, str], ...]:
        """(box, label) for each form of the épreuve, the dossier's one ticked."""
        return tuple(
            (CHECKED if key == self.forme else UNCHECKED, label)
            for key, label in self.forms.identity.formes
        )

    def option_boxes(self) -> tuple[tuple[str, str], ...]:
        """(box, label) for each option, as the form prints it, the candidate's one ticked."""
        return tuple(
            (CHECKED if key == self.identity.option else UNCHECKED, label)
            for key, label in self.forms.identity.options
        )


@record
class JuryEntries:
    """What the commission wrote in its evaluation file, as the forms print it."""

    date: dt.date | None
    commission_number: str | None
    members: tuple[Member, ...]
    note: Decimal | None
    penalty_points: int
    path: str

    @property
    def final(self) -> Decimal | None:
        return None if self.note is None else final_mark(self.note, self.penalty_points)

    @property
    def note_text(self) -> str:
        return format_mark(self.note) if self.note is not None else ""

    @property
    def final_text(self) -> str:
        final = self.final
        return format_mark(final) if final is not None else ""


@record
class GridModel:
    header: Header
    annex: str  # "Annexe VI-3": the session's annex label
    levels: tuple[str, ...]
    team_evidence: tuple[Evidence, ...]
    competences: tuple[GridCompetence, ...]
    verso: tuple[VersoRow, ...]  # the team line, then each competency
    penalties: tuple[PenaltyLine, ...]
    jury: JuryEntries | None = None  # from --evaluation
    errors: int = 0
    warnings: int = 0
    notes: tuple[str, ...] = field(default=())

    title: str = GRID_TITLE
    annex_title: str = ANNEX_TITLE
    annex_intro: str = ANNEX_INTRO
    label_team_evidence: str = LABEL_TEAM_EVIDENCE
    label_penalty_evidence: str = LABEL_PENALTY_EVIDENCE
    unchecked: str = UNCHECKED

    @property
    def forms(self) -> OfficialForms:
        return self.header.forms

    @property
    def penalty_points(self) -> int:
        return sum(p.points for p in self.penalties if p.retained)

    @property
    def retained(self) -> tuple[PenaltyLine, ...]:
        return tuple(p for p in self.penalties if p.retained)

    @property
    def has_annex(self) -> bool:
        """e4's page after the verso: when there are réalisations or penalties to show."""
        return (
            bool(self.retained)
            or any(c.evidence for c in self.competences)
            or bool(self.team_evidence)
        )

    @property
    def date_text(self) -> str:
        """The recto's date: the evaluation's, else the form's blank."""
        if self.jury is not None and self.jury.date is not None:
            return self.jury.date.strftime("%d/%m/%Y")
        return self.forms.identity.blank_date

    def penalty_text(self, penalty: PenaltyLine) -> str:
        return self.forms.recto.penalties.line_for(penalty.label, penalty.points)

    @property
    def ticked_levels(self) -> int:
        return sum(1 for row in self.verso for box in row.boxes if box.ticked)


def build_header(dossier: Dossier | None, display: str, referential: Referential) -> Header:
    labels = referential.session_labels(dossier.session if dossier else None)
    if dossier is None:
        identity = Identity(None, None, None, None, None, None)
        return Header(
            display,
            referential.diploma,
            None,
            labels.epreuve,
            labels.title,
            identity,
            None,
            labels.forms,
        )
    forme = dossier.forme.lower() if dossier.forme else None
    return Header(
        dossier=display,
        diploma=referential.diploma,
        session=dossier.session,
        epreuve=labels.epreuve,
        epreuve_title=labels.title,
        identity=identity_of(dossier),
        forme=forme if forme in dict(labels.forms.identity.formes) else None,
        forms=labels.forms,
    )


def header_notes(header: Header) -> list[str]:
    """What the header cannot show, in the same words as the synthesis table's notes."""
    notes = identity_notes(header.identity, ("nom", "prenom", "numero", "centre", "option"))
    if not header.forme:  # the words of S007, which `e4 check` reports
        notes.append(f"dossier.yaml : {s007.MESSAGE}")
    if header.session is None:
        notes.append(SESSION_NOTE)
    return notes


def level_boxes(
    levels: tuple[str, ...], printed: tuple[str, ...], chosen: str | None
) -> tuple[LevelBox, ...]:
    return tuple(
        LevelBox(CHECKED if level == chosen else UNCHECKED, level, label)
        for level, label in zip(levels, printed, strict=True)
    )


def build_grid(checked: Checked, evaluation: Evaluation | None = None) -> GridModel:
    """The grid of a dossier checked in this process (its outcome and its model), with the
    commission's entries when an evaluation is given; what it cannot fill is in `notes`."""
    dossier, result = checked.dossier, checked.outcome
    referential = dossier.referential if dossier else load_referential()
    header = build_header(dossier, result.display, referential)
    labels = referential.session_labels(header.session)
    forms = labels.forms
    notes = header_notes(header)
    coverage = result.coverage.competences if result.coverage else {}
    shown = placed(dossier) if dossier else []  # the réalisations the table shows (T004)
    chosen = evaluation.levels if evaluation is not None else {}
    verso = [
        VersoRow(
            "",
            forms.verso.team,
            (),
            (),
            level_boxes(referential.levels, forms.levels, chosen.get(TEAM)),
        )
    ]
    competences = []
    for comp in referential.competences:
        printed = forms.verso.lines[comp.code]
        verso.append(
            VersoRow(
                comp.code,
                printed.title,
                printed.items,
                printed.indicators,
                level_boxes(referential.levels, forms.levels, chosen.get(comp.code)),
            )
        )
        evidence = (
            tuple(
                _evidence(dossier, r, comp.code)
                for r in shown  # what the table shows, as the coverage counts it
                if comp.code in r.competence_codes()
            )
            if dossier
            else ()
        )
        cited = coverage[comp.code].items if comp.code in coverage else {}
        competences.append(
            GridCompetence(
                code=comp.code,
                label=printed.title,
                items=tuple((i.code, i.label) for i in comp.items),
                evidence=evidence,
                uncited_items=tuple(i.code for i in comp.items if not cited.get(i.code)),
            )
        )
    team = (
        tuple(_evidence(dossier, r, None) for r in shown if r.modalite == "equipe")
        if dossier
        else ()
    )
    for ev in team:
        if ev.contribution is None:
            notes.append(
                f"{ev.file} : réalisation en équipe sans contribution personnelle déclarée (R005)."
            )
    errors = result.count(Severity.ERROR)
    warnings = result.count(Severity.WARNING)
    if errors:
        notes.append(
            f"Dossier non conforme : {errors} erreur{'s' if errors > 1 else ''} au contrôle "
            f"(détail : e4 check {result.display})."
        )
    penalties = penalty_lines(result.findings, result.penalties)
    jury = None
    if evaluation is not None:
        jury = JuryEntries(
            date=evaluation.date,
            commission_number=evaluation.commission_number,
            members=evaluation.commission,
            note=evaluation.note,
            penalty_points=sum(p.points for p in penalties if p.retained),
            path=evaluation.path,
        )
    return GridModel(
        header=header,
        annex=labels.annex_grid,
        levels=referential.levels,
        team_evidence=team,
        competences=tuple(competences),
        verso=tuple(verso),
        penalties=penalties,
        jury=jury,
        errors=errors,
        warnings=warnings,
        notes=tuple(notes),
    )


def penalty_lines(
    findings: Sequence[Finding], retained: Sequence[Penalty]
) -> tuple[PenaltyLine, ...]:
    """Every official penalty, ticked when `e4 check` incurs it, with the finding why."""
    by_label = {p.label: p for p in retained}
    lines = []
    for label, points in official_penalties():
        penalty = by_label.get(label)
        if penalty is None:
            lines.append(PenaltyLine(label, points, False))
            continue
        finding = next((f for f in findings if f.code == penalty.code), None)
        reason = f"{finding.location} : {finding.message}" if finding else None
        lines.append(PenaltyLine(label, points, True, penalty.code, reason))
    return tuple(lines)


def _evidence(dossier: Dossier, real: Realisation, competence: str | None) -> Evidence:
    items = tuple(
        sorted(i for i in real.item_codes() if competence and i.rsplit(".", 1)[0] == competence)
    )
    return Evidence(
        id=real.id,
        file=real.file,
        intitule=real.intitule or real.id,
        where=_where(dossier, real),
        periode=_periode(real),
        items=items,
        documents=tuple(_document(p) for p in real.productions),
        page=real.page,
        team=real.modalite == "equipe",
        contribution=real.contribution,
    )


def _document(production: Production) -> str:
    """A production as paper shows it: its title, and its address (shortened) when it has one."""
    title = production.titre or production.fichier or production.url or ""
    if production.url and web_url(production.url) and title != production.url:
        return f"{title} ({short_url(production.url)})"
    return title


def _where(dossier: Dossier, real: Realisation) -> str:
    if real.cadre == "formation":
        return "En formation"
    if real.cadre == "stage":
        stage = dossier.stage_by_id(real.stage) if real.stage else None
        if stage is None:
            return "En stage"
        year = {1: " de 1re année", 2: " de 2e année"}.get(stage.annee or 0, "")
        name = f" – {stage.organisation}" if stage.organisation else ""
        return f"Stage{year}{name}"
    return "Cadre non précisé"


def _periode(real: Realisation) -> str:
    """ "du JJ/MM/AA au JJ/MM/AA", the period the synthesis table shows; "" when unknown."""
    text = period_text(real.debut, real.fin)
    return f"du {text}" if text else ""
