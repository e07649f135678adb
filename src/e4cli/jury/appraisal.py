"""The fiche d'appréciation (annexe 6-4 / VI-4) as plain data: the commission's evaluation,
the penalties found in the dossier and the NOTE FINALE.

Built from the grid model of the same dossier (identity, session labels,
penalties) and a checked evaluation. Everything judged comes from the
evaluation; the only thing e4 computes is NOTE FINALE = max(0, NOTE − penalties).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from e4cli.dossier.referential import Referential
from e4cli.jury.evaluation import TEAM, Evaluation, Member
from e4cli.jury.final_mark import final_mark, format_mark
from e4cli.jury.grid import GridModel, Header, PenaltyLine
from e4cli.table.model import CHECKED, UNCHECKED

SHEET_TITLE = "Fiche d'appréciation"


@dataclass(frozen=True)
class ProfileRow:
    """A line of the profile: a competency (or the team row) and the level the commission chose."""

    code: str  # "" for the team row
    label: str
    level: str | None

    def boxes(self, levels: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(CHECKED if level == self.level else UNCHECKED for level in levels)


@dataclass(frozen=True)
class AppraisalModel:
    header: Header
    annex: str
    levels: tuple[str, ...]
    profile: tuple[ProfileRow, ...]
    date: dt.date | None
    commission: tuple[Member, ...]
    presentation: str | None
    entretien: str | None
    appreciation: str | None
    note: Decimal | None
    penalties: tuple[PenaltyLine, ...]
    evaluation_path: str

    title: str = SHEET_TITLE

    @property
    def penalty_points(self) -> int:
        return sum(p.points for p in self.penalties if p.retained)

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

    @property
    def date_text(self) -> str:
        return self.date.strftime("%d/%m/%Y") if self.date else ""

    @property
    def commission_rows(self) -> tuple[Member | None, ...]:
        """At least two lines to sign, as the commission has two members."""
        members: list[Member | None] = list(self.commission)
        members += [None] * max(0, 2 - len(members))
        return tuple(members)


def build_appraisal(
    grid: GridModel, evaluation: Evaluation, referential: Referential
) -> AppraisalModel:
    labels = referential.session_labels(grid.header.session)
    profile = [ProfileRow("", grid.team_label, evaluation.levels.get(TEAM))]
    profile += [
        ProfileRow(c.code, c.label, evaluation.levels.get(c.code)) for c in referential.competences
    ]
    return AppraisalModel(
        header=grid.header,
        annex=labels.annex_appraisal,
        levels=referential.levels,
        profile=tuple(profile),
        date=evaluation.date,
        commission=evaluation.commission,
        presentation=evaluation.presentation,
        entretien=evaluation.entretien,
        appreciation=evaluation.appreciation,
        note=evaluation.note,
        penalties=grid.penalties,
        evaluation_path=evaluation.path,
    )
