"""Where each réalisation goes in the synthesis table: the one decision, used by every command.

The official table has three sections: réalisations en cours de formation, en milieu
professionnel en première année, en seconde année. A réalisation `cadre: formation` goes in
the first; a `cadre: stage` one in the section of its stage's `annee`. One that cannot be
placed (no cadre, an unknown stage, a stage without a year) is in no section: the table
handed in would leave it out, so its competencies count for nothing. `e4 check` (T004, the
coverage), `e4 table`, `e4 grille` and `e4 report` all read this placement, so they cannot
disagree about what the jury will see.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from e4cli.util.record import record

if TYPE_CHECKING:
    from e4cli.dossier.model import Dossier, Realisation

SECTION_KEYS = ("formation", "stage-annee-1", "stage-annee-2")


class Unplaced(StrEnum):
    """Why a réalisation is in no section of the table."""

    NO_CADRE = "no-cadre"  # `cadre` absent (the schema reports it)
    UNKNOWN_CADRE = "unknown-cadre"  # neither formation nor stage (the schema reports it)
    NO_STAGE = "no-stage"  # `cadre: stage` without `stage:`
    UNKNOWN_STAGE = "unknown-stage"  # `stage:` names no stage of dossier.yaml
    NO_YEAR = "no-year"  # the stage has no valid `annee` (the schema reports it)


@record
class Placement:
    """The section of one réalisation, or why it has none."""

    file: str
    section: str | None
    why: Unplaced | None = None

    @property
    def placed(self) -> bool:
        return self.section is not None

    def reason(self, real: Realisation) -> str:
        """Why it has no section, in the candidate's words (empty when placed)."""
        if self.why is Unplaced.NO_CADRE:
            return "cadre absent (formation ou stage)"
        if self.why is Unplaced.UNKNOWN_CADRE:
            return f"cadre « {real.cadre} » inconnu (formation ou stage)"
        if self.why is Unplaced.NO_STAGE:
            return "réalisation en stage sans « stage: » qui dise lequel"
        if self.why is Unplaced.UNKNOWN_STAGE:
            return f"le stage « {real.stage} » n'existe pas dans dossier.yaml"
        if self.why is Unplaced.NO_YEAR:
            return f"le stage « {real.stage} » n'a pas d'année (annee: 1 ou 2)"
        return ""


def place(dossier: Dossier, real: Realisation) -> Placement:
    """The table section of `real`: formation, stage-annee-1 or stage-annee-2, or why none."""
    if real.cadre == "formation":
        return Placement(real.file, "formation")
    if real.cadre is None:
        return Placement(real.file, None, Unplaced.NO_CADRE)
    if real.cadre != "stage":
        return Placement(real.file, None, Unplaced.UNKNOWN_CADRE)
    if real.stage is None:
        return Placement(real.file, None, Unplaced.NO_STAGE)
    stage = dossier.stage_by_id(real.stage)
    if stage is None:
        return Placement(real.file, None, Unplaced.UNKNOWN_STAGE)
    if stage.annee not in (1, 2):
        return Placement(real.file, None, Unplaced.NO_YEAR)
    return Placement(real.file, f"stage-annee-{stage.annee}")


def placements(dossier: Dossier) -> dict[str, Placement]:
    """Each réalisation's placement, by its file."""
    return {real.file: place(dossier, real) for real in dossier.realisations}


def placed(dossier: Dossier) -> list[Realisation]:
    """The réalisations the table shows, in the dossier's order: those that count."""
    return [real for real in dossier.realisations if place(dossier, real).placed]
