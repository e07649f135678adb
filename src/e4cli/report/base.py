"""What every streaming reporter offers: a start, one call per dossier, an end.

`e4 check` hands each dossier's outcome to the reporter as soon as it is
ready, in a stable order, and drops it; only the small per-dossier summaries
reach `finish`. A reporter formats what it is given and computes nothing: the
verdict is the outcome's. Every reporter is built the same way,
`Reporter(stream, options)`, and registered in `report.formats.REPORTERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TextIO

from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.util.record import record

if TYPE_CHECKING:
    from rich.console import Console


@record
class ReportOptions:
    """What the user asked of the report, the same for every format."""

    verbose: bool = False
    """Show the informations too (the formats that leave them out by default)."""
    many: bool = False
    """Several dossiers were asked for (a JSON array, the class summary instead of matrices)."""
    console: Console | None = None
    """The text report's console when it shares the terminal with the progress bar."""


class Reporter(Protocol):
    def start(self) -> None:
        """Write whatever comes before the first dossier."""

    def dossier(self, outcome: DossierOutcome) -> None:
        """Write one dossier's part of the report."""

    def finish(self, summary: ClassSummary) -> None:
        """Write whatever comes after the last dossier (the class summary, closing brackets)."""


ReporterFactory = Callable[[TextIO, ReportOptions], Reporter]
