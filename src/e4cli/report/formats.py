"""The report formats of `e4 check`: a small module, imported by the CLI at start-up."""

from __future__ import annotations

from enum import StrEnum


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    sarif = "sarif"
    markdown = "markdown"
