"""What the reporters get for one dossier, and the class summary built from many.

A `CheckResult` holds the whole typed model (and through it the YAML node
trees): too heavy to send back from a worker process or to keep for
thousands of dossiers. A `DossierOutcome` keeps only what the reports show —
findings, coverage, penalties and a few facts about the candidate — and
pickles cheaply. A `DossierSummary` is smaller still: the one line per
dossier that the class summary keeps while every other outcome is streamed
out and dropped.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from e4cli.rules.findings import Finding, Severity
from e4cli.scoring.penalties import Penalty

if TYPE_CHECKING:
    from e4cli.check.pipeline import CheckResult
    from e4cli.scoring.coverage import Coverage


@dataclass(frozen=True)
class RealisationRow:
    """A réalisation as the coverage matrix shows it."""

    id: str
    label: str
    competences: tuple[str, ...]


@dataclass(frozen=True)
class DossierOutcome:
    """The result of checking one dossier, without its model: picklable and small."""

    display: str
    path: str
    findings: tuple[Finding, ...] = ()
    coverage: Coverage | None = None
    penalties: tuple[Penalty, ...] = ()
    session: int | None = None
    epreuve: str | None = None
    candidate: str | None = None
    option: str | None = None
    tableau: str | None = None
    realisations: tuple[RealisationRow, ...] = ()
    error: str | None = None
    """Set when e4 itself failed on this dossier (a bug, not a finding)."""

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        if self.error is not None:
            return True
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(f.severity in failing for f in self.findings)

    @property
    def penalty_points(self) -> int:
        return sum(p.points for p in self.penalties)

    def file_path(self, rel: str | None) -> str:
        """A finding's path as seen from where e4 ran: the dossier as given, then `rel`."""
        base = self.display.replace("\\", "/")
        if rel is None:
            return posixpath.normpath(base)
        return posixpath.normpath(posixpath.join(base, rel))

    def where(self, finding: Finding) -> str:
        """`path:line:col` of a finding as seen from where e4 ran."""
        loc = finding.location
        path = self.file_path(loc.path)
        if loc.line is None:
            return path
        return f"{path}:{loc.line}:{loc.column or 1}"

    def summary(self, strict: bool = False) -> DossierSummary:
        coverage = self.coverage
        return DossierSummary(
            display=self.display,
            path=self.path,
            candidate=self.candidate,
            option=self.option,
            ok=not self.failed(strict),
            errors=self.count(Severity.ERROR),
            warnings=self.count(Severity.WARNING),
            infos=self.count(Severity.INFO),
            penalty_points=self.penalty_points,
            covered=tuple(c.code for c in coverage.competences.values() if c.covered)
            if coverage
            else (),
            uncovered=tuple(c.code for c in coverage.uncovered()) if coverage else (),
            labels=tuple((c.code, c.label) for c in coverage.competences.values())
            if coverage
            else (),
            tableau=self.tableau,
            error=self.error,
        )


def from_result(result: CheckResult) -> DossierOutcome:
    """The outcome of a `CheckResult`: what the reports need, none of the YAML trees."""
    dossier = result.dossier
    if dossier is None:
        return DossierOutcome(
            display=result.display,
            path=result.display,
            findings=tuple(result.findings),
            coverage=result.coverage,
            penalties=tuple(result.penalties),
        )
    session = dossier.session
    return DossierOutcome(
        display=result.display,
        path=str(dossier.root),
        findings=tuple(result.findings),
        coverage=result.coverage,
        penalties=tuple(result.penalties),
        session=session,
        epreuve=dossier.referential.session_labels(session).epreuve if session else None,
        candidate=dossier.candidat.full_name or None,
        option=dossier.candidat.option,
        tableau=dossier.tableau,
        realisations=tuple(
            RealisationRow(r.id, r.intitule or r.id, tuple(sorted(r.competence_codes())))
            for r in dossier.realisations
        ),
    )


@dataclass(frozen=True)
class DossierSummary:
    """One line of the class summary."""

    display: str
    path: str
    candidate: str | None
    option: str | None
    ok: bool
    errors: int
    warnings: int
    infos: int
    penalty_points: int
    covered: tuple[str, ...]
    uncovered: tuple[str, ...]
    labels: tuple[tuple[str, str], ...]
    tableau: str | None = None
    error: str | None = None

    @property
    def verdict(self) -> str:
        if self.error is not None:
            return "erreur interne"
        return "conforme" if self.ok else "non conforme"

    @property
    def checked(self) -> bool:
        """False when the competencies could not be read (no manifest, internal error)."""
        return bool(self.labels)


@dataclass
class CompetenceTally:
    code: str
    label: str
    covering: int = 0
    missing: list[str] = field(default_factory=list)


@dataclass
class ClassSummary:
    """Every dossier's summary line and, per competency, how many dossiers cover it."""

    dossiers: list[DossierSummary] = field(default_factory=list)
    competences: dict[str, CompetenceTally] = field(default_factory=dict)

    def add(self, summary: DossierSummary) -> None:
        self.dossiers.append(summary)
        for code, label in summary.labels:
            self.competences.setdefault(code, CompetenceTally(code, label))
        for tally in self.competences.values():
            if tally.code in summary.covered:
                tally.covering += 1
            else:
                tally.missing.append(summary.display)
        # A competency first met in a later dossier is also missing from the earlier ones.
        for code, _label in summary.labels:
            tally = self.competences[code]
            seen = tally.covering + len(tally.missing)
            if seen < len(self.dossiers):
                earlier = [d.display for d in self.dossiers[: len(self.dossiers) - seen]]
                tally.missing[:0] = earlier

    @property
    def total(self) -> int:
        return len(self.dossiers)

    @property
    def failed(self) -> int:
        return sum(1 for d in self.dossiers if not d.ok)

    @property
    def penalised(self) -> int:
        return sum(1 for d in self.dossiers if d.penalty_points)
