"""The local portfolio: its Markdown pages, read safely, with their links.

Like loading, reading the pages reports only what keeps a page from being read:
not UTF-8 (D004), outside the dossier (D005), refused (D007: too large, not a
regular file, too many pages). Judging the portfolio (P001–P003) is the rules'
job. The pages are those under the portfolio folder, plus the `page:` of each
réalisation when it is a Markdown file elsewhere in the dossier.

Limits keep a hostile dossier from taking minutes: a page over MAX_PAGE_BYTES
is refused unread; at most MAX_PAGES pages and MAX_TOTAL_BYTES in all are read;
and links are looked for within a parsing budget (MAX_PARSE_COST, counted in
lines and brackets, see `markdown_links.parse_cost`), as markdown-it-py spends
up to some 50 µs on a line. A page left unparsed is reported (D007), never
silently skipped.
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import PurePosixPath

from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside, decode_text, file_kind
from e4cli.dossier.load import outside
from e4cli.dossier.markdown_links import Link, extract_links, is_blank, may_link, parse_cost
from e4cli.dossier.model import Dossier
from e4cli.dossier.problems import BadFileName, Problem, Refused
from e4cli.rules.findings import Location
from e4cli.util.record import record
from e4cli.util.safetext import is_utf8, one_line

MAX_PAGE_BYTES = 256 << 10  # 256 Kio: a long page is a few dozen Kio; images are files apart
MAX_TOTAL_BYTES = 2 << 20  # 2 Mio of Markdown read per dossier
MAX_PARSE_COST = 30_000  # about 30 000 lines of Markdown: well under 2 s, even when hostile
MAX_PAGES = 300
MAX_ENTRIES = 20_000  # folder entries looked at while listing the portfolio
PAGE_SUFFIXES = (".md", ".markdown")
INDEX_NAME = "index.md"
# The folder `e4 site` writes by default: its copies of the pages are not pages of the dossier.
SITE_DIR = "_site"


@record(frozen=False)
class Page:
    """A Markdown page; `text` is None when it could not be read (a finding says why)."""

    path: str
    text: str | None
    links: list[Link] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return self.text is not None and is_blank(self.text)


@record(frozen=False)
class LocalPortfolio:
    """The portfolio folder as found on disk.

    status: "ok" (a folder), "absent", "not-dir" or "outside" (refused, D005 given).
    """

    directory: str
    declared: bool
    status: str
    pages: dict[str, Page] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def index_path(self) -> str:
        return f"{self.directory}/{INDEX_NAME}" if self.directory != "." else INDEX_NAME

    @property
    def index(self) -> Page | None:
        return self.pages.get(self.index_path)

    def own_pages(self) -> list[Page]:
        """The pages inside the portfolio folder (not the réalisations' pages elsewhere)."""
        prefix = "" if self.directory == "." else self.directory + "/"
        return [p for p in self.pages.values() if p.path.startswith(prefix)]


def read_portfolio(fs: DossierFS, dossier: Dossier) -> LocalPortfolio:
    directory = _clean(dossier.portfolio_dir)
    declared = dossier.portfolio_dir_declared
    where = (
        dossier.manifest.at("portfolio", "chemin")
        if declared and dossier.manifest is not None
        else Location(directory + "/")
    )
    portfolio = LocalPortfolio(directory, declared, "ok")
    paths: list[str] = []
    try:
        folder = fs.resolve(directory)
    except PathOutside as exc:
        portfolio.status = "outside"
        portfolio.problems.append(outside(exc, where))
    else:
        kind = file_kind(folder)
        if kind is None:
            portfolio.status = "absent"
        elif kind != "dir":
            portfolio.status = "not-dir"
        else:
            paths = _list_pages(fs, directory, portfolio.problems)
    for real in dossier.realisations:
        if real.page and real.page.lower().endswith(PAGE_SUFFIXES):
            extra = _clean(real.page)
            if extra not in paths and _inside_file(fs, extra):
                paths.append(extra)
    _read_pages(fs, paths, portfolio)
    return portfolio


def _clean(raw: str) -> str:
    text = raw.replace("\\", "/").strip()
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    if text.startswith("/"):
        return text.rstrip("/") or "/"
    return "/".join(parts) or "."


def _inside_file(fs: DossierFS, raw: str) -> bool:
    try:
        return file_kind(fs.resolve(raw)) is not None
    except PathOutside:
        return False  # reported by R003 where the réalisation names it


def _list_pages(fs: DossierFS, directory: str, problems: list[Problem]) -> list[str]:
    """Markdown files under `directory`, index first; symlinks out reported, never followed."""
    pages: list[str] = []
    pending = [directory]
    seen = 0
    while pending:
        current = pending.pop()
        try:
            with os.scandir(fs.root if current == "." else fs.root / current) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                Refused(Location(current + "/"), "portfolio-folder", exc.strerror or str(exc))
            )
            continue
        for entry in entries:
            seen += 1
            if seen > MAX_ENTRIES:
                problems.append(
                    Refused(Location(directory + "/"), "portfolio-entries", limit=MAX_ENTRIES)
                )
                return _index_first(pages, directory)
            if entry.name.startswith(".") or entry.name == SITE_DIR:
                continue  # .git, .obsidian… and the built site are not pages
            rel = entry.name if current == "." else f"{current}/{entry.name}"
            if not is_utf8(entry.name):
                problems.append(BadFileName(Location(one_line(rel)), one_line(entry.name)))
            if entry.is_symlink():
                try:
                    fs.resolve(rel)
                except PathOutside as exc:
                    problems.append(outside(exc, Location(rel)))
                    continue
                if file_kind(fs.root / rel) == "dir":
                    continue  # its target is inside the dossier: listed where it really is
            elif entry.is_dir(follow_symlinks=False):
                pending.append(rel)
                continue
            if entry.name.lower().endswith(PAGE_SUFFIXES):
                pages.append(rel)
    return _index_first(pages, directory)


def _index_first(pages: list[str], directory: str) -> list[str]:
    index = INDEX_NAME if directory == "." else f"{directory}/{INDEX_NAME}"
    return sorted(pages, key=lambda p: (p != index, p))


def _read_pages(fs: DossierFS, paths: list[str], portfolio: LocalPortfolio) -> None:
    read_budget, parse_budget = MAX_TOTAL_BYTES, MAX_PARSE_COST
    unparsed: list[str] = []
    for count, rel in enumerate(paths):
        if count >= MAX_PAGES or read_budget <= 0:
            left = len(paths) - count
            portfolio.problems.append(
                Refused(
                    Location(portfolio.directory + "/"),
                    "portfolio-pages",
                    count=len(paths),
                    limit=left,
                )
            )
            break
        try:
            data = fs.read_bytes(fs.root / rel, MAX_PAGE_BYTES)
        except FileRefused as exc:
            portfolio.pages[rel] = Page(rel, None)
            portfolio.problems.append(Refused(Location(rel), "page", exc.reason))
            continue
        read_budget -= len(data)
        text, bad_encoding = decode_text(data, rel)
        if text is None:
            portfolio.pages[rel] = Page(rel, None)
            if bad_encoding is not None:
                portfolio.problems.append(bad_encoding)
            continue
        page = portfolio.pages[rel] = Page(rel, text)
        if may_link(text):
            cost = parse_cost(text)
            if cost > parse_budget:
                unparsed.append(rel)
                continue
            parse_budget -= cost
            page.links = extract_links(text)
    if unparsed:
        portfolio.problems.append(
            Refused(
                Location(unparsed[0]), "portfolio-links", count=len(unparsed), limit=MAX_PARSE_COST
            )
        )
