"""SARIF 2.1.0: the static-analysis exchange format (GitHub code scanning, IDEs).

One run of the tool `e4`; one reporting rule per code, carrying the text of
`e4 explain CODE` as its help; one result per finding, at its file, line and
column. The output validates against the OASIS SARIF 2.1.0 JSON Schema.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from e4cli import __version__
from e4cli.check.outcome import ClassSummary, DossierOutcome
from e4cli.report.base import ReportOptions
from e4cli.rules.base import Rule
from e4cli.rules.findings import Finding, Severity
from e4cli.rules.registry import ordered

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_RESULTS = "\0results\0"


def help_text(rule: Rule) -> str:
    """`e4 explain CODE` as plain text."""
    parts = [f"{rule.code} · {rule.severity} · {rule.title}", rule.summary]
    if rule.why:
        parts.append(f"Pourquoi : {rule.why}")
    for title, example in (("Correct", rule.good), ("Fautif", rule.bad)):
        if example:
            parts.append(f"{title} :\n{textwrap.indent(example, '    ')}")
    return "\n\n".join(p for p in parts if p)


def help_markdown(rule: Rule) -> str:
    """`e4 explain CODE` in Markdown, as GitHub shows a rule's help."""
    parts = [f"**{rule.code} · {rule.title}**", rule.summary]
    if rule.why:
        parts.append(f"**Pourquoi :** {rule.why}")
    for title, example in (("Correct", rule.good), ("Fautif", rule.bad)):
        if example:
            parts.append(f"**{title} :**\n\n```yaml\n{example}\n```")
    return "\n\n".join(p for p in parts if p)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.summary or rule.title},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["e4", "bts-sio"]},
    }


def artifact_uri(path: str) -> str:
    """A path as SARIF wants it: a relative URI reference, or a file: URI if absolute."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path, safe="/")


def result(outcome: DossierOutcome, finding: Finding, index: int | None) -> dict[str, Any]:
    loc = finding.location
    text = finding.message
    if finding.hint:
        text += f"\n↳ {finding.hint}"
    uri = artifact_uri(outcome.file_path(loc.path))
    if loc.path is None:
        uri = uri.rstrip("/") + "/"
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if loc.line is not None:
        physical["region"] = {"startLine": loc.line, "startColumn": loc.column or 1}
    out: dict[str, Any] = {"ruleId": finding.code}
    if index is not None:
        out["ruleIndex"] = index
    out |= {
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "properties": {"dossier": outcome.display},
    }
    return out


class SarifReporter:
    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.rules = ordered()
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.count = 0
        self.suffix = ""

    def start(self) -> None:
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "e4",
                            "fullName": "e4 — dossier E4/E5 du BTS SIO",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "language": "fr-FR",
                            "rules": [rule_descriptor(r) for r in self.rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": _RESULTS,
                }
            ],
        }
        text = json.dumps(log, ensure_ascii=False, indent=2)
        marker = json.dumps(_RESULTS)
        prefix, self.suffix = text.split(marker)
        self.stream.write(prefix + "[")

    def dossier(self, outcome: DossierOutcome) -> None:
        if outcome.error is not None:  # e4 failed on this dossier: a result, never a gap
            item = json.dumps(
                {
                    "level": "error",
                    "message": {
                        "text": f"Erreur interne de e4 ({outcome.error}) : dossier non "
                        "vérifié. Relancez avec E4_DEBUG=1 pour le détail, et signalez-la."
                    },
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": artifact_uri(outcome.file_path(None))}
                            }
                        }
                    ],
                    "properties": {"dossier": outcome.display},
                },
                ensure_ascii=False,
            )
            self.stream.write(("," if self.count else "") + "\n        " + item)
            self.count += 1
        for finding in outcome.findings:
            item = json.dumps(
                result(outcome, finding, self.index.get(finding.code)), ensure_ascii=False
            )
            self.stream.write(("," if self.count else "") + "\n        " + item)
            self.count += 1

    def finish(self, summary: ClassSummary) -> None:
        self.stream.write(("\n      ]" if self.count else "]") + self.suffix + "\n")
