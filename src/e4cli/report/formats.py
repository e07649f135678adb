"""The report formats of `e4 check` and of `e4 report`: a small module, imported at start-up.

Reporters and renderers are imported only when their format is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from e4cli.util.formats import Format, Registry

if TYPE_CHECKING:
    from e4cli.report.base import ReporterFactory
    from e4cli.report.classreport import ClassView

REPORTERS: Registry[ReporterFactory] = Registry(
    Format("text", (".txt",), False, "e4cli.report.text:TextReporter"),
    Format("json", (".json",), False, "e4cli.report.json_report:JsonReporter"),
    Format("github", (), False, "e4cli.report.github:GithubReporter"),
    Format("gitlab", (), False, "e4cli.report.gitlab:GitlabReporter"),
    Format("junit", (".xml",), False, "e4cli.report.junit:JunitReporter"),
    Format("sarif", (".sarif",), False, "e4cli.report.sarif:SarifReporter"),
    Format("markdown", (".md",), False, "e4cli.report.markdown:MarkdownReporter"),
    default="text",
)
"""`e4 check --format`; the extensions only describe the files (the format is never guessed)."""

CLASS_REPORTS: Registry[Callable[[ClassView], bytes]] = Registry(
    Format("html", (".html", ".htm"), False, "e4cli.report.classreport.html:render"),
    Format("csv", (".csv",), False, "e4cli.report.classreport.csv_report:render"),
    default="html",
)
"""`e4 report --format`: without it, csv for an --output ending in .csv, html otherwise."""
