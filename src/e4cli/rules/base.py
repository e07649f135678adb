"""What a rule is: a code, its documentation, and an optional check function.

A rule module's docstring *is* its documentation (printed by `e4 explain`):

    CODE · severity · Title

    What it checks (one or more paragraphs).

    Pourquoi : why it matters, citing the official rule.

    Correct :
        yaml that passes

    Fautif :
        yaml that fails

Codes reported while loading (D…, S…) have documentation and no check.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from e4cli.dossier.fs import DossierFS
from e4cli.rules.findings import Finding, Location, Severity

if TYPE_CHECKING:
    from e4cli.dossier.model import Dossier
    from e4cli.dossier.portfolio import LocalPortfolio
    from e4cli.scoring.coverage import Coverage


@dataclass
class CheckContext:
    dossier: Dossier
    fs: DossierFS
    coverage: Coverage
    manifest_ok: bool
    online: bool = False
    portfolio: LocalPortfolio | None = None  # the local Markdown pages, read by the checker


CheckFunction = Callable[[CheckContext], Iterable[Finding]]

_SECTIONS = {"Pourquoi": "why", "Correct": "good", "Fautif": "bad"}


@dataclass
class Rule:
    code: str
    severity: Severity
    title: str
    summary: str
    why: str
    good: str
    bad: str
    needs_manifest: bool = True
    check: CheckFunction | None = field(default=None, repr=False)

    @classmethod
    def from_doc(cls, doc: str | None, *, needs_manifest: bool = True) -> Rule:
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
        )

    def checks(self, function: CheckFunction) -> CheckFunction:
        """Decorator: register `function` as this rule's check."""
        self.check = function
        return function

    def finding(self, message: str, where: Location, hint: str | None = None) -> Finding:
        return Finding(self.code, self.severity, message, where, hint)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if self.check is None or (self.needs_manifest and not ctx.manifest_ok):
            return
        yield from self.check(ctx)
