"""What reading the dossier ran into, as data: the loader reports, the rules judge and word.

Reading a folder meets faults that keep a file from being read (not UTF-8, not
YAML, too large, outside the dossier) and values it cannot take as they are (a
date written the French way, two stages with one id). The loader does not say
what they mean to the candidate: it records each as one of the typed problems
below, with where it was met. Each type is reported by exactly one rule
(`rules/registry.PROBLEM_RULES`), which stamps its code and severity and writes
the French message; the commission's evaluation file reuses the same wording
under its own code (E001).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from e4cli.rules.findings import Location, Span
from e4cli.util.record import record


@record
class Problem:
    """Base of every problem met while reading: where it was met."""

    where: Location


# --- the folder itself (D001, D002) -------------------------------------------------------


@record
class FolderMissing(Problem):
    """The path given on the command line is not a folder."""

    display: str
    exists: bool


@record
class ManifestMissing(Problem):
    """No dossier.yaml; `near` is a file whose name looks like one (dossier.yml…)."""

    near: str | None


# --- reading a YAML file (D003, D004, D006, D007) --------------------------------------


@record
class YamlSyntax(Problem):
    """PyYAML (or libyaml) refused the text; its own words and marks, untranslated."""

    problem: str
    context: str | None
    problem_mark: tuple[int, int] | None  # 0-based line and column
    context_mark: tuple[int, int] | None
    text: str


@record
class ControlCharacter(Problem):
    """A character YAML does not allow (U+0000–U+001F but tab and line ends, U+FFFE…)."""

    char: int


@record
class ComplexKey(Problem):
    """A key that is a list or a block of keys, not a word."""


@record
class UnsupportedTag(Problem):
    """A value with an explicit YAML tag (`!!binary`, `!!set`, `!perso`): kept as written."""

    tag: str


@record
class NotText(Problem):
    """The bytes are not UTF-8 text: `nul` for NUL bytes, else the first bad byte."""

    nul: bool
    byte: int | None
    guess: str  # the likely encoding: WINDOWS-1252 or UTF-16
    name: str  # the file's name, for the conversion command
    in_dossier: bool = True  # False for the commission's evaluation file (no `e4 check --fix`)


@record
class BadFileName(Problem):
    """A file name whose bytes are not UTF-8 (a zip made on Windows, unpacked on Linux)."""

    shown: str  # the name with each undecodable byte written as \xNN


@record
class DuplicateKey(Problem):
    key: str
    first_line: int


@record
class Refused(Problem):
    """A file or folder e4 will not read, or reads only in part.

    `kind` says which bound or fault; `detail` is the reason as the file system or
    the reader gives it (already French), `count`/`limit` the numbers at stake.
    """

    kind: Literal[
        "yaml",  # a YAML file: too large, not a regular file, unreadable
        "yaml-complex",  # alias bomb, deep nesting
        "folder",  # the réalisations folder cannot be listed
        "too-many-realisations",
        "page",  # a portfolio page: too large, not a regular file
        "portfolio-folder",  # a folder of the portfolio cannot be listed
        "portfolio-entries",  # too many files under the portfolio
        "portfolio-pages",  # too many pages, or too many bytes in all
        "portfolio-links",  # pages whose links were not parsed (parse budget)
    ]
    detail: str = ""
    count: int = 0
    limit: int = 0


@record
class Outside(Problem):
    """A path the candidate wrote that leads out of the dossier; never followed (D005)."""

    raw: str
    reason: str


# --- values read but not taken as written (S001, S003, R008) ---------------------------


@record
class NotAMapping(Problem):
    """A dossier.yaml or réalisation whose top is not a block of keys."""

    document: Literal["manifest", "realisation"]
    found: Literal["empty", "list", "scalar"]


@record
class UnknownReferential(Problem):
    ref_id: str
    available: tuple[str, ...]


@record
class DuplicateStageId(Problem):
    index: int  # 0-based place of the second stage in the list
    stage_id: str
    written: bool  # False when the id is the default one (stage<N>)
    first_index: int
    first_name: str


@record
class ImpossibleDate(Problem):
    """A date in a form e4 reads, but that no calendar has (2027-02-30, 31/04/2027)."""

    field: str
    value: str
    error: str
    french: bool


@record
class FrenchDate(Problem):
    """A date written JJ/MM/AAAA: understood, and to be written in ISO."""

    field: str
    value: str
    parsed: dt.date
    span: Span | None = None  # the value as written, for `e4 check --fix`


@record
class IgnoredFolder(Problem):
    """A sub-folder of the réalisations folder that holds YAML files, which are not read."""

    folder: str
    names: tuple[str, ...]
    realisations_dir: str


@record
class IgnoredFile(Problem):
    """A file that looks like a réalisation (`01-glpi.yaml.txt`) but is not read."""

    stem: str


@record
class SchemaViolation(Problem):
    """A value the JSON Schema refuses, worded by the validator (check/schema.py)."""

    message: str
    hint: str | None


@record
class UnknownKey(SchemaViolation):
    """A key the schema does not know (S002).

    `rename` is the one known key it can only have meant (the same but for accents and
    case, or one clear typo) when that key is not written in the block too; `span` the
    key as written: `e4 check --fix` renames it.
    """

    rename: str | None = None
    span: Span | None = None


@record
class InvalidValue(SchemaViolation):
    """A value of the wrong type or form, or a required one missing (S001).

    `quoted` is the value as written, in quotes, when quoting keeps it as the text the
    schema wants (`numero: 02271634506` read as a number); `span` where it is written.
    """

    quoted: str | None = None
    span: Span | None = None
