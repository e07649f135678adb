"""The one way through: load, validate against the schemas, read the portfolio pages, run the
rules, score."""

from __future__ import annotations

import posixpath
from collections import Counter
from pathlib import Path

from e4cli.check.coverage import Coverage, compute_coverage, compute_coverage_e6
from e4cli.check.facts import gather
from e4cli.check.outcome import DossierOutcome
from e4cli.check.penalties import compute_penalties
from e4cli.check.schema import validate
from e4cli.dossier.fs import DossierFS
from e4cli.dossier.load import load_dossier
from e4cli.dossier.model import Dossier
from e4cli.dossier.portfolio import read_portfolio
from e4cli.dossier.problems import Problem
from e4cli.rules.base import CheckContext
from e4cli.rules.findings import Finding, Location, with_command
from e4cli.rules.registry import RULES, report
from e4cli.util.record import record


@record
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
    findings = [with_command(f, display, _seen_from_here(display, f)) for f in findings]
    findings.sort(key=Finding.sort_key)
    findings = summarise(findings)
    penalties = compute_penalties(findings)
    return Checked(
        DossierOutcome.of(
            display, loaded.dossier, findings, coverage, penalties, coverage_e6=coverage_e6
        ),
        loaded.dossier,
    )


def _seen_from_here(display: str, finding: Finding) -> str:
    """The finding's file as seen from where e4 runs: the dossier as given, then the path."""
    base = display.replace("\\", "/")
    rel = finding.location.path
    return posixpath.normpath(posixpath.join(base, rel) if rel else base)


def silence(findings: list[Finding]) -> list[Finding]:
    """Drop the findings that a rule's declared `silent_when` makes redundant."""
    present = {f.code for f in findings}
    return [
        f
        for f in findings
        if not (rule := RULES.get(f.code)) or not present.intersection(rule.silent_when)
    ]


MAX_SAME = 50
"""Findings of one code in one file shown one by one; the rest are summed up in one."""


def summarise(findings: list[Finding]) -> list[Finding]:
    """Keep the first MAX_SAME findings of each code in each file, and say how many follow.

    A file of 40,000 unknown keys is one mistake repeated (a pasted export, a wrong file):
    40,000 findings would drown the report, and every format would carry them all.
    """
    counts = Counter((f.code, f.location.path) for f in findings)
    if all(n <= MAX_SAME for n in counts.values()):
        return findings
    kept: list[Finding] = []
    seen: Counter[tuple[str, str | None]] = Counter()
    for finding in findings:
        key = (finding.code, finding.location.path)
        seen[key] += 1
        if seen[key] <= MAX_SAME:
            kept.append(finding)
        elif seen[key] == MAX_SAME + 1:
            rule = RULES[finding.code]
            rest = counts[key] - MAX_SAME
            kept.append(
                rule.finding(
                    f"… et {rest} autres constats {rule.code} ({rule.title}) dans ce fichier, "
                    "non détaillés.",
                    Location(finding.location.path),
                    "Corrigez les premiers, puis relancez la vérification : une même erreur "
                    "répétée vient souvent d'un seul copier-coller.",
                )
            )
    return kept
