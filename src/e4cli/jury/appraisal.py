"""The fiche d'appréciation (annexe 6-4 / VI-4) as plain data, as the circulaire prints it.

Built from the grid model of the same dossier (identity, session's forms,
penalties) and a checked evaluation. The fiche has the form's frames only:
the two parts with their observations, the appreciation, NOTE / 20 (the NOTE
FINALE, the mark the candidate gets) and the commission's visa. Everything
judged comes from the evaluation; the only thing e4 computes is
NOTE FINALE = max(0, NOTE − penalties).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from e4cli.dossier.forms import OfficialForms
from e4cli.jury.evaluation import Evaluation, Member
from e4cli.jury.final_mark import final_mark, format_mark
from e4cli.jury.grid import GridModel, Header, PenaltyLine
from e4cli.util.record import record

SHEET_TITLE = "Fiche d'appréciation"


@record
class PartEntry:
    """A part of the épreuve: its printed title and label, and the commission's observations."""

    title: str
    label: str
    observations: str | None


@record
class AppraisalModel:
    header: Header
    annex: str
    parts: tuple[PartEntry, ...]
    date: dt.date | None
    commission_number: str | None
    commission: tuple[Member, ...]
    appreciation: str | None
    note: Decimal | None
    penalties: tuple[PenaltyLine, ...]
    evaluation_path: str

    title: str = SHEET_TITLE

    @property
    def forms(self) -> OfficialForms:
        return self.header.forms

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
        if self.date is None:
            return self.forms.identity.blank_date
        return self.date.strftime("%d/%m/%Y")


def build_appraisal(grid: GridModel, evaluation: Evaluation) -> AppraisalModel:
    wording = grid.forms.appraisal
    observations = (evaluation.presentation, evaluation.entretien)
    parts = tuple(
        PartEntry(part.title, part.observations, observations[n] if n < 2 else None)
        for n, part in enumerate(wording.parts)
    )
    return AppraisalModel(
        header=grid.header,
        annex=grid.header.forms.appraisal.title,
        parts=parts,
        date=evaluation.date,
        commission_number=evaluation.commission_number,
        commission=evaluation.commission,
        appreciation=evaluation.appreciation,
        note=evaluation.note,
        penalties=grid.penalties,
        evaluation_path=evaluation.path,
    )
