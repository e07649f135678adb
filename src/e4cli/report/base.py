"""What every streaming reporter offers: a start, one call per dossier, an end.

`e4 check` hands each dossier's outcome to the reporter as soon as it is
ready, in a stable order, and drops it; only the small per-dossier summaries
reach `finish`. A reporter formats what it is given and computes nothing.
"""

from __future__ import annotations

from typing import Protocol

from e4cli.check.outcome import ClassSummary, DossierOutcome


class Reporter(Protocol):
    def start(self) -> None:
        """Write whatever comes before the first dossier."""

    def dossier(self, outcome: DossierOutcome) -> None:
        """Write one dossier's part of the report."""

    def finish(self, summary: ClassSummary) -> None:
        """Write whatever comes after the last dossier (the class summary, closing brackets)."""
