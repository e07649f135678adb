"""The one result of checking a dossier, its verdict, and the class summary built from many.

A `DossierOutcome` keeps what the reports show — findings, coverage,
penalties, a few facts about the candidate — and the verdict, decided once
here with the strictness asked for: reporters only format it. It holds no
part of the model (no YAML trees), so it pickles cheaply back from a worker
process and stays small for thousands of dossiers. A `DossierSummary` is
smaller still: the one line per dossier that the class summary keeps while
every other outcome is streamed out and dropped.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from e4cli.check.penalties import Penalty
from e4cli.check.placement import place
from e4cli.rules.findings import Finding, Severity
from e4cli.util.record import record
from e4cli.util.safetext import maybe_visible, one_line

if TYPE_CHECKING:
    from e4cli.check.coverage import Coverage
    from e4cli.dossier.model import Dossier


class Verdict(StrEnum):
    CONFORME = "conforme"
    NON_CONFORME = "non conforme"
    INTERNAL_ERROR = "erreur interne"
    """e4 itself failed on the dossier (a bug, not a finding)."""


def fails(severity: Severity, strict: bool) -> bool:
    """Whether a finding of `severity` makes the dossier non conforme: the one place it is said.

    An error always does; a warning too with --strict; an information never.
    """
    return severity is Severity.ERROR or (strict and severity is Severity.WARNING)


def decide(findings: Iterable[Finding], strict: bool, error: str | None = None) -> Verdict:
    if error is not None:
        return Verdict.INTERNAL_ERROR
    if any(fails(f.severity, strict) for f in findings):
        return Verdict.NON_CONFORME
    return Verdict.CONFORME


@record
class RealisationRow:
    """A réalisation as the coverage matrix shows it."""

    id: str
    label: str
    competences: tuple[str, ...]
    placed: bool = True  # False: in no section of the table (T004), its ticks do not count


@record
class DossierOutcome:
    """The result of checking one dossier, verdict included, without its model: picklable."""

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
    strict: bool = False
    """Whether a warning fails the dossier (--strict): the verdict was decided with it."""
    coverage_e6: Coverage | None = None
    """Bloc 2 of the option over the two réalisations chosen for E6; None without `e6:`."""
    e6_realisations: tuple[RealisationRow, ...] = ()
    epreuve_e6: str | None = None  # E5 up to 2024, E6 since: the épreuve of the two réalisations
    verdict: Verdict = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", decide(self.findings, self.strict, self.error))

    @classmethod
    def of(
        cls,
        display: str,
        dossier: Dossier | None,
        findings: Sequence[Finding],
        coverage: Coverage | None,
        penalties: Sequence[Penalty],
        *,
        strict: bool = False,
        coverage_e6: Coverage | None = None,
    ) -> DossierOutcome:
        """The outcome of one checked dossier: what the reports need, none of the YAML trees."""
        display = one_line(display)
        if dossier is None:
            return cls(
                display=display,
                path=display,
                findings=tuple(findings),
                coverage=coverage,
                penalties=tuple(penalties),
                strict=strict,
            )
        session = dossier.session
        return cls(
            display=display,
            path=one_line(str(dossier.root)),
            findings=tuple(findings),
            coverage=coverage,
            penalties=tuple(penalties),
            session=session,
            epreuve=dossier.referential.session_labels(session).epreuve if session else None,
            candidate=one_line(dossier.candidat.full_name) or None,
            option=maybe_visible(dossier.candidat.option),
            tableau=maybe_visible(dossier.tableau),
            realisations=tuple(
                RealisationRow(
                    one_line(r.id),
                    one_line(r.intitule or r.id),
                    tuple(sorted(r.competence_codes())),
                    place(dossier, r).placed,
                )
                for r in dossier.realisations
            ),
            strict=strict,
            coverage_e6=coverage_e6,
            e6_realisations=tuple(
                RealisationRow(r.id, r.intitule or r.id, tuple(sorted(r.e6.competence_codes())))
                for r in dossier.e6_realisations()
                if r.e6 is not None
            )
            if coverage_e6 is not None
            else (),
            epreuve_e6=_epreuve_e6(dossier) if coverage_e6 is not None else None,
        )

    @classmethod
    def failure(
        cls, display: str, path: str, error: str, *, strict: bool = False
    ) -> DossierOutcome:
        """e4 failed on this dossier: no finding, the error instead."""
        return cls(
            display=one_line(display), path=one_line(path), error=one_line(error), strict=strict
        )

    def judged(self, strict: bool) -> DossierOutcome:
        """This outcome with its verdict decided for `strict` (--strict: a warning fails)."""
        return self if strict == self.strict else replace(self, strict=strict)

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.CONFORME

    def fails(self, finding: Finding) -> bool:
        """Whether `finding` is one that makes this dossier non conforme."""
        return fails(finding.severity, self.strict)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

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

    def summary(self) -> DossierSummary:
        coverage = self.coverage
        return DossierSummary(
            display=self.display,
            path=self.path,
            candidate=self.candidate,
            option=self.option,
            verdict=self.verdict,
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


def _epreuve_e6(dossier: Dossier) -> str | None:
    e6 = dossier.referential.e6
    option = dossier.candidat.option
    if e6 is None or option not in e6.blocks:
        return None
    return e6.labels(dossier.session, option).epreuve


@record
class DossierSummary:
    """One line of the class summary."""

    display: str
    path: str
    candidate: str | None
    option: str | None
    verdict: Verdict
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
    def ok(self) -> bool:
        return self.verdict is Verdict.CONFORME

    @property
    def checked(self) -> bool:
        """False when the competencies could not be read (no manifest, internal error)."""
        return bool(self.labels)


@record(frozen=False)
class CompetenceTally:
    code: str
    label: str
    covering: int = 0
    missing: list[str] = field(default_factory=list)


@record(frozen=False)
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
