"""Competency coverage: which réalisations mobilise each competency and item."""

from __future__ import annotations

from dataclasses import field

from e4cli.check.placement import place
from e4cli.dossier.model import Dossier
from e4cli.util.record import record


@record(frozen=False)
class CompetenceCoverage:
    code: str
    label: str
    realisations: list[str] = field(default_factory=list)
    items: dict[str, list[str]] = field(default_factory=dict)
    # réalisations that cite it but are in no section of the table: they do not count
    unplaced: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.realisations)


@record(frozen=False)
class Coverage:
    competences: dict[str, CompetenceCoverage]

    def uncovered(self) -> list[CompetenceCoverage]:
        return [c for c in self.competences.values() if not c.covered]

    def to_json(self) -> dict[str, object]:
        return {
            code: {
                "label": comp.label,
                "covered": comp.covered,
                "realisations": comp.realisations,
                "items": comp.items,
            }
            for code, comp in self.competences.items()
        }


def compute_coverage(dossier: Dossier) -> Coverage:
    """An item counts for its competency; a competency does not count for its items.

    Only the réalisations the table shows count (`check.placement`): one in no section
    would not be in the table handed in.
    """
    result = {
        comp.code: CompetenceCoverage(comp.code, comp.label, [], {i.code: [] for i in comp.items})
        for comp in dossier.referential.competences
    }
    for real in dossier.realisations:
        if not place(dossier, real).placed:
            for code in sorted(real.competence_codes()):
                result[code].unplaced.append(real.id)
            continue
        for code in sorted(real.competence_codes()):
            result[code].realisations.append(real.id)
        for item in sorted(real.item_codes()):
            competence = item.rsplit(".", 1)[0]
            result[competence].items[item].append(real.id)
    return Coverage(result)


def compute_coverage_e6(dossier: Dossier) -> Coverage | None:
    """Bloc 2 of the candidate's option over the réalisations chosen for E6 (their `e6:` blocks).

    None when no réalisation has an `e6:` block, or the option (hence the bloc) is unknown.
    """
    chosen = dossier.e6_realisations()
    e6 = dossier.referential.e6
    block = e6.block(dossier.candidat.option) if e6 is not None else None
    if not chosen or block is None:
        return None
    result = {
        comp.code: CompetenceCoverage(comp.code, comp.label, [], {i.code: [] for i in comp.items})
        for comp in block.competences
    }
    for real in chosen:
        assert real.e6 is not None
        for code in sorted(real.e6.competence_codes()):
            result[code].realisations.append(real.id)
        for item in sorted(real.e6.item_codes()):
            result[item.rsplit(".", 1)[0]].items[item].append(real.id)
    return Coverage(result)
