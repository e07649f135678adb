"""What a rule is: a code, its documentation, and an optional check function.

A rule module's docstring *is* its documentation (printed by `e4 explain`):

    CODE · severity · Title

    What it checks (one or more paragraphs).

    Pourquoi : why it matters, citing the official rule.

    Correct :
        yaml that passes

    Fautif :
        yaml that fails

A rule makes its findings in one of two ways, and both go through
`Rule.finding`, which stamps the rule's own code and severity:

- `@RULE.checks`: a function of the prepared `CheckContext` (the model, the
  file facts, the coverage) that yields findings;
- `@RULE.describes(ProblemType)`: the wording of a problem the loader met
  while reading (`dossier/problems.py`), as a `Description`.

`silent_when` declares the codes whose finding makes this one redundant for
the same dossier: the checker drops this rule's findings when any of them is
reported (for example C001 says nothing when T001 says there is no table).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from e4cli.rules.findings import Finding, Fix, Location, Severity
from e4cli.util.record import record
from e4cli.util.safetext import maybe_visible, one_line, visible

if TYPE_CHECKING:
    from e4cli.check.coverage import Coverage
    from e4cli.check.facts import Facts
    from e4cli.dossier.model import Dossier
    from e4cli.dossier.portfolio import LocalPortfolio
    from e4cli.dossier.problems import Problem


@record(frozen=False)
class CheckContext:
    """What a rule judges: the model, its coverage, and the facts gathered beforehand."""

    dossier: Dossier
    facts: Facts
    coverage: Coverage
    manifest_ok: bool
    portfolio: LocalPortfolio | None = None  # the local Markdown pages, read by the checker
    coverage_e6: Coverage | None = None  # bloc 2 over the réalisations with an `e6:` block


CheckFunction = Callable[[CheckContext], Iterable[Finding]]
P = TypeVar("P", bound="Problem")


@record
class Description:
    """A finding's words and place, before a rule stamps its code and severity."""

    message: str
    where: Location
    hint: str | None = None
    command: str | None = None  # a command the hint ends with (shown unwrapped)

_SECTIONS = {"Pourquoi": "why", "Correct": "good", "Fautif": "bad"}


@record(frozen=False)
class Rule:
    code: str
    severity: Severity
    title: str
    summary: str
    why: str
    good: str
    bad: str
    needs_manifest: bool = True
    silent_when: tuple[str, ...] = ()
    check: CheckFunction | None = field(default=None, repr=False)
    describers: dict[type[Any], Callable[[Any], Description]] = field(
        default_factory=dict, repr=False
    )
    fixers: dict[type[Any], Callable[[Any], Fix | None]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def from_doc(
        cls, doc: str | None, *, needs_manifest: bool = True, silent_when: tuple[str, ...] = ()
    ) -> Rule:
        if not doc:
            raise ValueError("a rule module needs its documentation as docstring")
        head, _, body = textwrap.dedent(doc).strip().partition("\n")
        code, severity, title = (part.strip() for part in head.split("·"))
        parts: dict[str, list[str]] = {"summary": [], "why": [], "good": [], "bad": []}
        current = "summary"
        for line in textwrap.dedent(body).splitlines():
            label, sep, rest = line.partition(" :")
            if sep and label in _SECTIONS and not line.startswith(" "):
                current = _SECTIONS[label]
                line = rest.strip()
            parts[current].append(line)
        text = {k: textwrap.dedent("\n".join(v)).strip("\n") for k, v in parts.items()}
        return cls(
            code,
            Severity(severity),
            title,
            " ".join(text["summary"].split()),
            " ".join(text["why"].split()),
            text["good"],
            text["bad"],
            needs_manifest=needs_manifest,
            silent_when=silent_when,
        )

    def checks(self, function: CheckFunction) -> CheckFunction:
        """Decorator: register `function` as this rule's check."""
        self.check = function
        return function

    def describes(
        self, kind: type[P]
    ) -> Callable[[Callable[[P], Description]], Callable[[P], Description]]:
        """Decorator: register the wording of problems of `kind`, which this rule reports."""

        def register(function: Callable[[P], Description]) -> Callable[[P], Description]:
            self.describers[kind] = function
            return function

        return register

    def fixes(
        self, kind: type[P]
    ) -> Callable[[Callable[[P], Fix | None]], Callable[[P], Fix | None]]:
        """Decorator: register how to fix problems of `kind` (`e4 check --fix`).

        The function gets the problem, with the spans the loader located, and returns the
        text edits that make the finding go away, or None when the change would need
        judgement. It computes; `check/fix.py` applies.
        """

        def register(function: Callable[[P], Fix | None]) -> Callable[[P], Fix | None]:
            self.fixers[kind] = function
            return function

        return register

    def describe(self, problem: Problem) -> Description:
        return self.describers[type(problem)](problem)

    def report(self, problem: Problem) -> Finding:
        """The finding of a problem the loader met: this rule's code and severity."""
        fixer = self.fixers.get(type(problem))
        return self.stamp(self.describe(problem), fixer(problem) if fixer else None)

    def stamp(self, description: Description, fix: Fix | None = None) -> Finding:
        finding = self.finding(description.message, description.where, description.hint, fix=fix)
        if description.command is None:
            return finding
        return replace(finding, command=description.command)

    def finding(
        self, message: str, where: Location, hint: str | None = None, *, fix: Fix | None = None
    ) -> Finding:
        """A finding of this rule; what came from the dossier is made safe to show anywhere."""
        if where.path is not None and (shown := one_line(where.path)) != where.path:
            where = Location(shown, where.line, where.column)
        return Finding(
            self.code, self.severity, visible(message), where, maybe_visible(hint), fix
        )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if self.check is None or (self.needs_manifest and not ctx.manifest_ok):
            return
        yield from self.check(ctx)
