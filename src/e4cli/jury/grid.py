"""The evaluation grid ("Grille d'aide à l'évaluation", annexe 6-3 / VI-3) as plain data.

Built once from the result of `e4 check` on a dossier, so the grid shows what
the checks found: the penalties are pre-ticked from the same findings that
`e4 check` reports, and each competency lists the réalisations that mobilise
it (the evidence the commission reads before and during the oral). The grid
never ticks a level: levels are the commission's.

Fixed wording of the official grid is here; the session's labels (épreuve,
annex), the levels, the criteria table and the competencies with their items
and indicators come from the referential.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from e4cli.check.pipeline import Checked
from e4cli.dossier.model import Dossier, Realisation
from e4cli.dossier.referential import Criteria, Referential, load_referential
from e4cli.rules.findings import Finding, Severity
from e4cli.scoring.penalties import Penalty, official_penalties
from e4cli.table.model import (
    CHECKED,
    SESSION_NOTE,
    UNCHECKED,
    Identity,
    identity_notes,
    identity_of,
    period_text,
)

GRID_TITLE = "Grille d'aide à l'évaluation"
LABEL_NAME = "NOM et prénom"
LABEL_NUMBER = "N° candidat"
LABEL_OPTION = "Option"
LABEL_FORME = "Forme"
LABEL_CENTRE = "Centre de formation"
LABEL_DATE = "Date de l'évaluation"
FORMES = (("ponctuelle", "Épreuve ponctuelle"), ("ccf", "Contrôle en cours de formation"))
COMMISSION_COLUMNS = ("Nom et prénom", "Qualité", "Signature")
COMMISSION_SIZE = 2  # a teacher of the speciality and a professional (or a teacher)
LABEL_CRITERION = "Critère"
LABEL_PENALTIES = "Liste des pénalités retenues"
LABEL_DECISION = "Tableau d'aide à la décision"
LABEL_COMPETENCES = "Compétences"
LABEL_INDICATORS = "Indicateurs de performance"
LABEL_TEAM_EVIDENCE = "Réalisations en équipe et contribution personnelle déclarée"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class GridCompetence:
    code: str
    label: str
    items: tuple[tuple[str, str], ...]  # (item code, item label)
    indicators: str
    evidence: tuple[Evidence, ...]
    uncited_items: tuple[str, ...]  # items no réalisation cites: where to ask questions

    @property
    def covered(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class PenaltyLine:
    label: str
    points: int
    retained: bool
    code: str | None = None  # the finding that incurs it
    reason: str | None = None  # that finding's message and place

    @property
    def box(self) -> str:
        return CHECKED if self.retained else UNCHECKED


@dataclass(frozen=True)
class Header:
    """What the grid and the fiche share: title lines and the candidate's identity."""

    dossier: str
    diploma: str
    session: int | None
    epreuve: str
    epreuve_title: str
    identity: Identity
    forme: str | None  # "ponctuelle", "ccf", or None when the dossier does not say

    @property
    def session_line(self) -> str:
        return f"SESSION {self.session}" if self.session is not None else "SESSION"

    def forme_boxes(self) -> tuple[tuple[str, str], ...]:
        """(box, label) for each form of the épreuve, the dossier's one ticked."""
        return tuple((CHECKED if key == self.forme else UNCHECKED, label) for key, label in FORMES)

    def option_boxes(self) -> tuple[tuple[str, str], ...]:
        return self.identity.option_boxes()


@dataclass(frozen=True)
class GridModel:
    header: Header
    annex: str
    levels: tuple[str, ...]
    criteria: Criteria | None
    decision_note: str
    team_label: str
    team_evidence: tuple[Evidence, ...]
    competences: tuple[GridCompetence, ...]
    penalties: tuple[PenaltyLine, ...]
    errors: int = 0
    warnings: int = 0
    notes: tuple[str, ...] = field(default=())

    title: str = GRID_TITLE
    unchecked: str = UNCHECKED

    @property
    def penalty_points(self) -> int:
        return sum(p.points for p in self.penalties if p.retained)

    @property
    def retained(self) -> tuple[PenaltyLine, ...]:
        return tuple(p for p in self.penalties if p.retained)


def build_header(dossier: Dossier | None, display: str, referential: Referential) -> Header:
    labels = referential.session_labels(dossier.session if dossier else None)
    if dossier is None:
        identity = Identity(None, None, None, None, None, None)
        return Header(
            display, referential.diploma, None, labels.epreuve, labels.title, identity, None
        )
    forme = dossier.forme.lower() if dossier.forme else None
    return Header(
        dossier=display,
        diploma=referential.diploma,
        session=dossier.session,
        epreuve=labels.epreuve,
        epreuve_title=labels.title,
        identity=identity_of(dossier),
        forme=forme if forme in dict(FORMES) else None,
    )


def header_notes(header: Header) -> list[str]:
    """What the header cannot show, in the same words as the synthesis table's notes."""
    notes = identity_notes(header.identity, ("nom", "prenom", "numero", "centre", "option"))
    if not header.forme:
        notes.append(
            "dossier.yaml : forme absente (ponctuelle ou ccf) : aucune case de forme cochée."
        )
    if header.session is None:
        notes.append(SESSION_NOTE)
    return notes


def build_grid(checked: Checked) -> GridModel:
    """The grid of a dossier checked in this process (its outcome and its model);
    what it cannot fill is listed in `notes`."""
    dossier, result = checked.dossier, checked.outcome
    referential = dossier.referential if dossier else load_referential()
    header = build_header(dossier, result.display, referential)
    labels = referential.session_labels(header.session)
    notes = header_notes(header)
    coverage = result.coverage.competences if result.coverage else {}
    competences = []
    for comp in referential.competences:
        evidence = (
            tuple(
                _evidence(dossier, r, comp.code)
                for r in dossier.realisations
                if comp.code in r.competence_codes()
            )
            if dossier
            else ()
        )
        cited = coverage[comp.code].items if comp.code in coverage else {}
        competences.append(
            GridCompetence(
                code=comp.code,
                label=comp.label,
                items=tuple((i.code, i.label) for i in comp.items),
                indicators=comp.indicators,
                evidence=evidence,
                uncited_items=tuple(i.code for i in comp.items if not cited.get(i.code)),
            )
        )
    team = (
        tuple(_evidence(dossier, r, None) for r in dossier.realisations if r.modalite == "equipe")
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
    return GridModel(
        header=header,
        annex=labels.annex_grid,
        levels=referential.levels,
        criteria=referential.criteria,
        decision_note=referential.decision_note,
        team_label=referential.team_label,
        team_evidence=team,
        competences=tuple(competences),
        penalties=penalty_lines(result.findings, result.penalties),
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
        documents=tuple(p.titre or p.fichier or p.url or "" for p in real.productions),
        page=real.page,
        team=real.modalite == "equipe",
        contribution=real.contribution,
    )


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
    """"du JJ/MM/AA au JJ/MM/AA", the period the synthesis table shows; "" when unknown."""
    text = period_text(real.debut, real.fin)
    return f"du {text}" if text else ""
