"""The one way through: load, validate against the schemas, read the portfolio pages, run the
rules, score."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from e4cli.check.facts import gather
from e4cli.check.outcome import DossierOutcome
from e4cli.check.schema import validate
from e4cli.dossier.fs import DossierFS
from e4cli.dossier.load import load_dossier
from e4cli.dossier.model import Dossier
from e4cli.dossier.portfolio import read_portfolio
from e4cli.dossier.problems import Problem
from e4cli.rules.base import CheckContext
from e4cli.rules.findings import Finding
from e4cli.rules.registry import RULES, report
from e4cli.scoring.coverage import Coverage, compute_coverage, compute_coverage_e6
from e4cli.scoring.penalties import compute_penalties


@dataclass(frozen=True)
class Checked:
    """One dossier checked in this process: its outcome and, beside it, the model it was read into.

    Only the outcome crosses process boundaries (`check.batch`); the commands that
    build documents from the dossier itself (`e4 grille`, `e4 note`) also take the model.
    """

    outcome: DossierOutcome
    dossier: Dossier | None

    @property
    def display(self) -> str:
        return self.outcome.display

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.outcome.findings

    @property
    def coverage(self) -> Coverage | None:
        return self.outcome.coverage

    def failed(self) -> bool:
        return not self.outcome.ok


def check_dossier(path: Path, display: str | None = None, *, online: bool = False) -> Checked:
    display = display if display is not None else str(path)
    loaded = load_dossier(path, display)
    problems: list[Problem] = list(loaded.problems)
    for doc, schema in loaded.documents:
        problems.extend(validate(doc, schema))
    findings = [report(problem) for problem in problems]
    coverage = coverage_e6 = None
    if loaded.dossier is not None:
        coverage = compute_coverage(loaded.dossier)
        coverage_e6 = compute_coverage_e6(loaded.dossier)
        fs = loaded.fs or DossierFS(path)
        portfolio = read_portfolio(fs, loaded.dossier)
        findings.extend(report(problem) for problem in portfolio.problems)
        facts = gather(loaded.dossier, fs, portfolio, online=online and loaded.manifest_ok)
        findings.extend(report(problem) for problem in facts.problems)
        ctx = CheckContext(
            loaded.dossier, facts, coverage, loaded.manifest_ok, portfolio, coverage_e6
        )
        for rule in RULES.values():
            findings.extend(rule.run(ctx))
        findings = silence(findings)
    findings.sort(key=Finding.sort_key)
    penalties = compute_penalties(findings)
    return Checked(
        DossierOutcome.of(
            display, loaded.dossier, findings, coverage, penalties, coverage_e6=coverage_e6
        ),
        loaded.dossier,
    )


def silence(findings: list[Finding]) -> list[Finding]:
    """Drop the findings that a rule's declared `silent_when` makes redundant."""
    present = {f.code for f in findings}
    return [
        f
        for f in findings
        if not (rule := RULES.get(f.code)) or not present.intersection(rule.silent_when)
    ]
