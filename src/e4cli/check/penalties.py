"""The official penalties, derived from findings: those of the grid and nothing else."""

from __future__ import annotations

from collections.abc import Iterable

from e4cli.rules.findings import Finding
from e4cli.util.record import record


@record
class Penalty:
    code: str
    points: int
    label: str


# The two penalties printed on the official grid, and the codes that incur them.
_RULES = (
    (("P001", "P002", "P004", "P005"), 10, "Portfolio inaccessible"),
    (("T001",), 2, "Absence de tableau de synthèse"),
)


def official_penalties() -> list[tuple[str, int]]:
    """Every penalty the grid prints, (label, points), in its order: ticked or not."""
    return [(label, points) for _, points, label in _RULES]


def compute_penalties(findings: Iterable[Finding]) -> list[Penalty]:
    """Each penalty once, named after the first finding (in report order) that incurs it."""
    codes = [f.code for f in findings]
    penalties = []
    for incurring, points, label in _RULES:
        first = next((code for code in codes if code in incurring), None)
        if first is not None:
            penalties.append(Penalty(first, points, label))
    return penalties
