"""The facts the rules judge, gathered before any rule runs.

Rules are small and pure: they get the model and these facts and return
findings. Everything that touches the outside world is done here, once:

- every path the dossier names (attestations, productions, portfolio pages,
  the table, the réalisations folder, the portfolio's home page) is resolved
  inside the dossier, its kind read, and, when it is missing, the file it
  probably meant looked for; attestations also get their first bytes, so that
  A003 can tell a PDF from an HTML page saved as .pdf;
- each local link of the portfolio pages is resolved the way a site generator
  would serve it;
- the `tableau:` table (.xlsx, .ods or PDF) is read as `e4 import` reads it, beside the
  table the dossier makes, row for row (T003);
- each attestation's words are read (its PDF text layer, or OCR for a scan or
  a photo: check/attestation_text.py), for A006–A009;
- with `--online`, the portfolio is browsed as the commission will (check/crawl.py):
  its home page (P004, P005), its pages' text (P006), links (P007) and the
  fingerprint `e4 site` embeds, beside the dossier's own (P008).

A path that leads out of the dossier is never opened: it becomes an `Outside`
problem, reported once by D005 at the place that names it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from e4cli.check.placement import Placement, placements
from e4cli.check.probe import Crawl, Probe
from e4cli.dossier.filetypes import HEAD_BYTES, sniff
from e4cli.dossier.fs import (
    DossierFS,
    FileRefused,
    PathOutside,
    decode_text,
    file_kind,
    modified_time,
)
from e4cli.dossier.markdown_links import Link, local_target
from e4cli.dossier.nearfile import NameFinder, NearMiss
from e4cli.dossier.problems import Outside
from e4cli.dossier.proofs import undeclared_files
from e4cli.rules.findings import Location
from e4cli.util.record import record
from e4cli.util.weburl import check_url

if TYPE_CHECKING:
    from e4cli.check.attestation_facts import AttestationText
    from e4cli.dossier.model import Dossier
    from e4cli.dossier.portfolio import LocalPortfolio


MAX_DESCRIPTIF_BYTES = 2_000_000  # a verso of a few pages; beyond, it is not a descriptif


@record
class PathFact:
    """A path as the dossier wrote it, and what is there."""

    raw: str
    outside: bool = False  # it leads out of the dossier: never opened (D005)
    kind: str | None = None  # "file", "dir", "other" (pipe, device), None when absent
    near: NearMiss | None = None  # when absent: an existing name that differs only in case/form
    head: bytes | None = None  # the first bytes, for the documents whose content is judged
    unreadable: str | None = None  # why `head` could not be read
    mtime: float | None = None


@record
class LinkFact:
    """A local link of a portfolio page, resolved as a site generator serves it."""

    page: str
    link: Link
    target: str  # the link's local target, as markdown_links reads it
    shown: str  # the first reading of it, as a path of the dossier
    folder: str  # the page's folder
    outside: bool  # whichever way it is read, it leads out of the dossier
    exists: bool
    near: NearMiss | None = None


@record
class TableRowFact:
    """A row of a synthesis table: the `tableau:` workbook's, or the one the dossier makes."""

    intitule: str
    section: str | None  # the section's key in the referential; None: placed in none
    debut: dt.date | None
    fin: dt.date | None
    codes: frozenset[str]
    raw_period: str | None = None  # as the workbook shows it
    sheet_row: int = 0  # the workbook's row number
    file: str | None = None  # the réalisation's file, for the dossier's rows


@record
class TableauFacts:
    """The declared workbook read back, beside the table the dossier makes (T003)."""

    theirs: tuple[TableRowFact, ...] = ()
    ours: tuple[TableRowFact, ...] = ()
    unreadable: str | None = None  # why the workbook could not be read as a table
    broken: str | None = None  # the reader failed on it (the exception's name)


@record(frozen=False)
class Facts:
    paths: dict[str, PathFact] = field(default_factory=dict)
    links: list[LinkFact] = field(default_factory=list)
    undeclared_proofs: list[str] = field(default_factory=list)
    source_times: list[tuple[float, str]] = field(default_factory=list)
    tableau: TableauFacts | None = None
    probe: Probe | None = None
    problems: list[Outside] = field(default_factory=list)
    descriptifs: dict[str, str | None] = field(default_factory=dict)
    """The text of each E6 descriptif file (None when it is not a readable UTF-8 file)."""
    # each réalisation's section of the table, by its file (check.placement): what the
    # table, the grid and the coverage show
    placements: dict[str, Placement] = field(default_factory=dict)
    # what each attestation says, by its path as written (A006–A009)
    attestations: dict[str, AttestationText] = field(default_factory=dict)
    crawl: Crawl | None = None  # with --online: the portfolio browsed (P005–P008)
    fingerprint: str | None = None  # with --online: the dossier's, as `e4 site` embeds it

    def path(self, raw: str) -> PathFact:
        """The fact of a path the dossier names; every such path was gathered."""
        return self.paths[raw]


def gather(
    dossier: Dossier, fs: DossierFS, portfolio: LocalPortfolio | None, *, online: bool = False
) -> Facts:
    return _Gatherer(dossier, fs).run(portfolio, online)


class _Gatherer:
    def __init__(self, dossier: Dossier, fs: DossierFS) -> None:
        self.dossier = dossier
        self.fs = fs
        self.finder = NameFinder(fs)
        self.facts = Facts()

    def run(self, portfolio: LocalPortfolio | None, online: bool) -> Facts:
        dossier, facts = self.dossier, self.facts
        facts.placements = placements(dossier)
        for stage in dossier.stages:
            if stage.attestation is not None:
                fact = self.path(stage.attestation, stage.anchor.at("attestation"), head=True)
                self._attestation(fact)
        for real in dossier.realisations:
            for prod in real.productions:
                if prod.fichier is not None:
                    where = real.anchor.at("productions", prod.index, "fichier")
                    self.path(prod.fichier, where)
            if real.page is not None:
                self.path(real.page, real.anchor.at("page"))
            if real.e6 is not None and real.e6.descriptif_path is not None:
                self._descriptif(real.e6.descriptif_path, real.e6.anchor.at("descriptif"))
        self.path(dossier.realisations_dir, None)
        manifest = dossier.manifest
        if dossier.tableau is not None and manifest is not None:
            fact = self.path(dossier.tableau, manifest.at("tableau"), mtime=True)
            if fact.kind == "file":
                facts.source_times = self._source_times()
                facts.tableau = self._tableau(dossier.tableau)
        if portfolio is not None:
            self.path(portfolio.index_path, None)
            self._links(portfolio)
        facts.undeclared_proofs = undeclared_files(self.fs)
        if online and dossier.portfolio_url is not None and check_url(dossier.portfolio_url).ok:
            from e4cli.check import crawl  # loaded only with --online
            from e4cli.check.fingerprint import dossier_fingerprint

            productions = [
                prod.url for real in dossier.realisations for prod in real.productions if prod.url
            ]
            facts.crawl = crawl.crawl(dossier.portfolio_url, productions)
            facts.probe = facts.crawl.probe
            facts.fingerprint = dossier_fingerprint(dossier, self.fs)
        return facts

    def _attestation(self, fact: PathFact) -> None:
        """Read what a PDF or image attestation says, once per file."""
        if fact.raw in self.facts.attestations or fact.kind != "file" or fact.head is None:
            return
        kind = sniff(fact.head)
        if kind not in ("pdf", "png", "jpeg"):
            return  # A003 says what it is instead
        from e4cli.check.attestation_text import read_attestation

        self.facts.attestations[fact.raw] = read_attestation(self.fs.resolve(fact.raw), kind)

    def path(
        self, raw: str, where: Location | None, *, head: bool = False, mtime: bool = False
    ) -> PathFact:
        """Resolve `raw`; an escape is reported at `where` (None: the loader reported it)."""
        known = self.facts.paths.get(raw)
        if known is not None and (known.outside or not head or known.head is not None):
            if known.outside and where is not None:
                self._outside(raw, where)
            return known
        try:
            path = self.fs.resolve(raw)
        except PathOutside as exc:
            if where is not None:
                self.facts.problems.append(Outside(where, exc.raw, exc.reason))
            fact = PathFact(raw, outside=True)
            self.facts.paths[raw] = fact
            return fact
        kind = file_kind(path)
        near = self.finder.find(raw) if kind is None else None
        first: bytes | None = None
        unreadable = None
        if head and kind == "file":
            try:
                first = self.fs.read_head(path, HEAD_BYTES)
            except FileRefused as exc:
                unreadable = exc.reason
        fact = PathFact(
            raw,
            kind=kind,
            near=near,
            head=first,
            unreadable=unreadable,
            mtime=modified_time(path) if mtime and kind == "file" else None,
        )
        self.facts.paths[raw] = fact
        return fact

    def _descriptif(self, raw: str, where: Location) -> None:
        """An E6 descriptif written as a path: the Markdown file's text, for F003."""
        fact = self.path(raw, where)
        if fact.kind != "file" or raw in self.facts.descriptifs:
            return
        try:
            data = self.fs.read_bytes(self.fs.resolve(raw), MAX_DESCRIPTIF_BYTES)
        except (FileRefused, PathOutside):
            self.facts.descriptifs[raw] = None
            return
        text, _ = decode_text(data, raw)
        self.facts.descriptifs[raw] = text

    def _outside(self, raw: str, where: Location) -> None:
        try:
            self.fs.resolve(raw)
        except PathOutside as exc:
            self.facts.problems.append(Outside(where, exc.raw, exc.reason))

    def _source_times(self) -> list[tuple[float, str]]:
        dossier = self.dossier
        assert dossier.manifest is not None
        sources = [dossier.manifest.path, *(real.file for real in dossier.realisations)]
        return [
            (time, name)
            for name in sources
            if (time := modified_time(self.fs.root / name)) is not None
        ]

    def _tableau(self, raw: str) -> TableauFacts | None:
        from e4cli.importer.reader import TABLE_SUFFIXES, TableReadError, read_table

        if not raw.lower().endswith(tuple(TABLE_SUFFIXES)):
            return None  # .xlsx, .ods and PDF are compared; other files are not tables
        from e4cli.table.model import build_table

        dossier = self.dossier
        try:
            table = read_table(self.fs.resolve(raw), dossier.referential)
        except TableReadError as exc:
            return TableauFacts(unreadable=str(exc))
        except Exception as exc:  # a broken workbook is a finding (T003), never a crash
            return TableauFacts(broken=type(exc).__name__)
        theirs = tuple(
            TableRowFact(
                row.intitule or "",
                row.section,
                row.period.debut,
                row.period.fin,
                frozenset(row.codes()),
                raw_period=row.period.raw,
                sheet_row=row.sheet_row,
            )
            for row in table.rows
        )
        model = build_table(dossier)
        codes = [c.code for c in model.columns]
        placed = [(section.key, row) for section in model.sections for row in section.rows]
        unplaced = [(None, row) for row in model.unplaced]
        ours = tuple(
            TableRowFact(
                row.intitule,
                section,
                row.debut,
                row.fin,
                frozenset(c for c, tick in zip(codes, row.ticks, strict=True) if tick),
                file=row.file,
            )
            for section, row in (*placed, *unplaced)
        )
        return TableauFacts(theirs, ours)

    def _links(self, portfolio: LocalPortfolio) -> None:
        for page in portfolio.pages.values():
            for link in page.links:
                target = local_target(link.target)
                if target is not None:
                    self.facts.links.append(self._link(page.path, link, target, portfolio))

    def _link(self, page: str, link: Link, target: str, portfolio: LocalPortfolio) -> LinkFact:
        folder = posixpath.dirname(page)
        if target.startswith("/"):  # from the site's root: the portfolio folder, or the dossier's
            root = portfolio.directory
            candidates = [posixpath.join(root, target.lstrip("/")), target.lstrip("/")]
        else:
            candidates = [posixpath.join(folder, target) if folder else target]
        refusals: list[PathOutside] = []
        for candidate in candidates:
            try:
                if any(file_kind(self.fs.resolve(form)) is not None for form in _forms(candidate)):
                    return LinkFact(page, link, target, candidate, folder, False, True)
            except PathOutside as exc:
                refusals.append(PathOutside(link.written, exc.reason))
        shown = posixpath.normpath(candidates[0])
        if len(refusals) == len(candidates):  # it leads outside whichever way it is read
            where = Location(page, link.line, link.column)
            self.facts.problems.append(Outside(where, refusals[0].raw, refusals[0].reason))
            return LinkFact(page, link, target, shown, folder, True, False)
        near = self.finder.find(shown)
        return LinkFact(page, link, target, shown, folder, False, False, near)


def _forms(candidate: str) -> list[str]:
    """The path, and what a site generator makes of it (page.html from page.md)."""
    forms = [candidate]
    suffix = PurePosixPath(candidate).suffix.lower()
    if suffix in (".html", ".htm"):
        forms.append(candidate[: -len(suffix)] + ".md")
    elif not suffix and not candidate.endswith("/"):
        forms.append(candidate + ".md")
    return forms
