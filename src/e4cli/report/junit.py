"""JUnit XML: per dossier a test suite, per check of e4 a test case.

CI servers (GitLab, Jenkins, GitHub test reporters) read JUnit: each dossier
shows as a suite, each code of `e4 explain` as a test that passes or fails,
and a failing test carries the findings (file:line:col, message, hint).
Findings that do not fail the check (warnings without --strict, infos) go
to the test's output, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.report.base import ReportOptions
from e4cli.rules.findings import Finding
from e4cli.rules.registry import ordered
from e4cli.util.safetext import visible
from e4cli.util.typography import severity_word


def _clean(text: str) -> str:
    """XML 1.0 forbids most control characters, U+FFFE, U+FFFF and surrogates, even escaped.

    Findings already show them as escapes (`util.safetext`); this is the last guard for
    any text that reaches the XML another way.
    """
    return visible(text)


def _lines(outcome: DossierOutcome, findings: Iterable[Finding]) -> str:
    out = []
    for finding in findings:
        line = f"{outcome.where(finding)} : {severity_word(finding.severity)} : {finding.message}"
        if finding.hint:
            line += f"\n  ↳ {finding.hint}"
        out.append(line)
    return escape(_clean("\n".join(out)))


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


class JunitReporter:
    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.checks = [(rule.code, rule.title) for rule in ordered()]

    def start(self) -> None:
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="e4">\n')

    def dossier(self, outcome: DossierOutcome) -> None:
        by_code: dict[str, list[Finding]] = {}
        for finding in outcome.findings:
            by_code.setdefault(finding.code, []).append(finding)
        checks = list(self.checks)
        known = {code for code, _ in checks}
        checks += [(code, code) for code in sorted(by_code) if code not in known]
        failures = sum(
            1 for code, _ in checks if any(outcome.fails(f) for f in by_code.get(code, ()))
        )
        if outcome.error is not None:
            message = _attr(f"erreur interne de e4 : {outcome.error}")
            self.stream.write(
                f'  <testsuite name={_attr(outcome.display)} tests="1" failures="0" '
                f'errors="1" skipped="0">\n'
                f"    <testcase classname={_attr('e4.' + outcome.display)} "
                f'name="e4 · vérification du dossier">\n'
                f"      <error message={message}>"
                f"{escape(_clean('Relancez avec E4_DEBUG=1 pour le détail, et signalez-la.'))}"
                "</error>\n    </testcase>\n  </testsuite>\n"
            )
            return
        self.stream.write(
            f'  <testsuite name={_attr(outcome.display)} tests="{len(checks)}" '
            f'failures="{failures}" errors="0" skipped="0">\n'
        )
        for code, title in checks:
            found = by_code.get(code, [])
            failing = [f for f in found if outcome.fails(f)]
            others = [f for f in found if not outcome.fails(f)]
            head = (
                f"    <testcase classname={_attr('e4.' + outcome.display)} "
                f"name={_attr(f'{code} · {title}')}"
            )
            if not found:
                self.stream.write(head + "/>\n")
                continue
            self.stream.write(head + ">\n")
            if failing:
                message = f"{len(failing)} constat{'s' if len(failing) > 1 else ''} {code}"
                self.stream.write(
                    f"      <failure type={_attr(code)} message={_attr(message)}>"
                    f"{_lines(outcome, failing)}</failure>\n"
                )
            if others:
                self.stream.write(f"      <system-out>{_lines(outcome, others)}</system-out>\n")
            self.stream.write("    </testcase>\n")
        self.stream.write("  </testsuite>\n")

    def finish(self, summary: ClassSummary) -> None:
        self.stream.write("</testsuites>\n")
