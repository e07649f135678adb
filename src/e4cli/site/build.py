"""Build the whole site of a dossier in memory: pages, copies, and what to report.

The dossier is checked first (check_dossier, as `e4 check`), so the P003 findings
`e4 site` prints are those `e4 check` gives. Then, in a fixed order so that two
builds give the same bytes: the generated pages' names are reserved, the
candidate's pages are planned, the generated pages rendered, and the Markdown
pages rendered last, each one possibly bringing more files (a linked production,
another Markdown document) into the site.
"""

from __future__ import annotations

import posixpath
from dataclasses import field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from e4cli import __version__
from e4cli.check.coverage import Coverage
from e4cli.check.fingerprint import dossier_fingerprint
from e4cli.check.pipeline import Checked, check_dossier
from e4cli.check.placement import place
from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside, decode_text
from e4cli.dossier.markdown_links import Link, extract_links
from e4cli.dossier.model import Dossier, Realisation, Stage
from e4cli.dossier.portfolio import MAX_PAGE_BYTES, LocalPortfolio, Page, read_portfolio
from e4cli.rules.findings import Finding, Location, Severity
from e4cli.site import content as c
from e4cli.site import markdown, templates
from e4cli.site.links import OVERRIDES_DIR, SiteMap, Target, href
from e4cli.site.stable import stable_pdf, stable_xlsx
from e4cli.table.model import TableModel, build_table
from e4cli.util.record import record
from e4cli.util.textnorm import fold

HOME = "index.html"
LEGAL = "mentions-legales.html"
REALISATIONS = "realisations/index.html"
COMPETENCES = "competences.html"
TABLE = "tableau-de-synthese.html"
STAGES = "stages.html"
CSS, SITE_CSS, SCRIPT = "assets/e4.css", "assets/site.css", "assets/menu.js"
TABLE_FILES = {"xlsx": "tableau-de-synthese.xlsx", "pdf": "tableau-de-synthese.pdf"}
MAX_MARKDOWN_PAGES = 1000  # Markdown files published in all, pages and linked documents
# Findings of `e4 check` about the links of the site's pages: printed by `e4 site` too
# (a missing file, P003; a path out of the dossier, D005, when it is a page's).
SITE_CODES = frozenset({"P003", "D005"})


@record
class SiteOptions:
    preview: bool = False  # show what is missing (uncovered competencies): never published
    with_attestations: bool = False
    with_table_files: bool = False


@record
class Note:
    """Something `e4 site` did that the candidate should know (a link made text…)."""

    where: Location
    message: str


class SiteFailure(Exception):
    """No site can be built (no folder, no dossier.yaml): the message says why."""


@record(frozen=False)
class BuiltSite:
    files: dict[str, bytes] = field(default_factory=dict)  # site path → content
    copies: dict[str, Path] = field(default_factory=dict)  # site path → file of the dossier
    notes: list[Note] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # P003, as `e4 check` gives them
    errors: int = 0  # errors `e4 check` finds in the dossier
    overrides: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return sorted({*self.files, *self.copies})


def build_site(path: Path, options: SiteOptions, display: str | None = None) -> BuiltSite:
    result = check_dossier(path, display)
    if result.dossier is None or result.coverage is None:
        reasons = "; ".join(f.message for f in result.findings if f.code in ("D001", "D002"))
        raise SiteFailure(reasons or f"« {display or path} » ne se lit pas comme un dossier.")
    return _Builder(path, result, result.dossier, result.coverage, options).build()


class _Builder:
    def __init__(
        self,
        path: Path,
        result: Checked,
        dossier: Dossier,
        coverage: Coverage,
        options: SiteOptions,
    ) -> None:
        self.dossier = dossier
        self.coverage = coverage
        self.options = options
        self.fs = DossierFS(path)
        self.portfolio: LocalPortfolio = read_portfolio(self.fs, dossier)
        # `e4 check --online` reads it back from the published pages (P008)
        self.fingerprint = dossier_fingerprint(dossier, self.fs)
        directory = self.portfolio.directory
        if self.portfolio.status != "ok" or directory.startswith("/"):
            directory = "portfolio"
        self.map = SiteMap(self.fs, dossier, directory, options.with_attestations)
        self.out = BuiltSite(
            findings=[f for f in result.findings if _about_links(f)],
            errors=sum(1 for f in result.findings if f.severity is Severity.ERROR),
            overrides=templates.overridden(self.fs),
        )
        self.env = templates.environment(self.fs)
        self.fallback = templates.shipped_environment()
        self.table: TableModel = build_table(dossier)
        self.fronts: dict[str, markdown.FrontMatter] = {}
        self.extra_texts: dict[str, str | None] = {}
        self.nav_entries: list[tuple[str, str]] = []  # (label, site path)
        self.real_views: dict[str, c.RealisationView] = {}
        self.site_css = False

    # -- the plan -----------------------------------------------------------------------

    def build(self) -> BuiltSite:
        self._plan()
        self._assets()
        for real in self.dossier.realisations:
            self._realisation(real)
        self._realisations_page()
        self._competences_page()
        self._table_page()
        self._stages_page()
        if LEGAL not in self.out.files and self.map.published.get(self._legal_source()) is None:
            self._legal_page()
        if HOME not in {p.output for p in self.map.published.values()}:
            self._home_page()
        self._markdown_pages()
        for entry in sorted(self.map.published.values(), key=lambda e: e.output):
            if not entry.page:
                self.out.copies[entry.output] = self.map.file_path(entry.source)
        return self.out

    def _legal_source(self) -> str:
        return self._in_portfolio("mentions-legales.md")

    def _in_portfolio(self, name: str) -> str:
        directory = self.map.portfolio_dir
        return name if directory == "." else f"{directory}/{name}"

    def _plan(self) -> None:
        """Reserve every generated name, then plan the candidate's pages around them."""
        pages = {p.path: p for p in self.portfolio.pages.values() if p.text is not None}
        index = self.portfolio.index_path
        if index in pages:
            self.map.add_page(index, HOME)
        legal = self._legal_source()
        if legal in pages:
            self.map.add_page(legal, LEGAL)
        generated = [CSS, SCRIPT, REALISATIONS, COMPETENCES, TABLE, STAGES]
        if index not in pages:
            generated.append(HOME)
        if legal not in pages:
            generated.append(LEGAL)
        if self.options.with_table_files:
            generated += TABLE_FILES.values()
        if self._site_css() is not None:
            generated.append(SITE_CSS)
        for name in generated:
            self.map.reserve(name)
        for real in self.dossier.realisations:
            stem = _safe_name(PurePosixPath(real.file).stem) or "realisation"
            self.map.generated[real.file] = self.map.reserve(f"realisations/{stem}.html")
        own = {p.path for p in self.portfolio.own_pages()}
        for rel in sorted(pages):
            front, _ = markdown.front_matter(pages[rel].text or "", rel)
            self.fronts[rel] = front
            self.map.add_page(rel)
        top = [
            rel
            for rel in sorted(pages)
            if rel in own
            and rel not in (index, legal)
            and "/" not in rel.removeprefix(self._in_portfolio(""))
            and self.fronts[rel].menu
        ]
        top.sort(key=lambda rel: self._menu_key(rel, pages[rel]))
        self.nav_entries = [("Accueil", HOME)]
        self.nav_entries += [(self._page_title(rel, pages[rel]), self._output(rel)) for rel in top]
        self.nav_entries += [
            ("Réalisations", REALISATIONS),
            ("Compétences", COMPETENCES),
            ("Tableau de synthèse", TABLE),
            ("Stages", STAGES),
        ]

    def _menu_key(self, rel: str, page: Page) -> tuple[bool, float, str, str]:
        front = self.fronts[rel]
        return (
            front.ordre is None,
            front.ordre or 0.0,
            fold(self._page_title(rel, page)),
            rel,
        )

    def _page_title(self, rel: str, page: Page) -> str:
        front = self.fronts.get(rel)
        if front is not None and front.titre:
            return front.titre
        for line in (page.text or "").splitlines():
            if line.startswith("# "):
                return line[2:].strip().strip("#").strip() or _stem_title(rel)
        return _stem_title(rel)

    def _output(self, rel: str) -> str:
        return self.map.published[rel].output

    def _site_css(self) -> bytes | None:
        try:
            path = self.fs.resolve(f"{OVERRIDES_DIR}/style.css")
            return self.fs.read_bytes(path, templates.MAX_TEMPLATE_BYTES)
        except (PathOutside, FileRefused):
            return None

    def _assets(self) -> None:
        self.out.files[CSS] = templates.asset("e4.css")
        self.out.files[SCRIPT] = templates.asset("menu.js")
        css = self._site_css()
        if css is not None:
            self.site_css = True
            self.out.files[SITE_CSS] = css

    # -- rendering ----------------------------------------------------------------------

    def _render(self, output: str, template: str, title: str, **values: object) -> None:
        def url(target: str, fragment: str = "") -> str:
            return href(output, target, fragment)

        info = c.SiteInfo(
            candidate=c.candidate_name(self.dossier),
            title=c.portfolio_title(self.dossier),
            subtitle=self._subtitle(),
            lang="fr",
            preview=self.options.preview,
            generator=f"e4 {__version__}",
            url=self.dossier.portfolio_url,
            fingerprint=self.fingerprint,
        )
        nav = [c.NavLink(label, url(to), to == output) for label, to in self.nav_entries]
        context = {
            "site": info,
            "nav": nav,
            "title": title,
            "url": url,
            "css": [url(CSS), *([url(SITE_CSS)] if self.site_css else [])],
            "script": url(SCRIPT),
            "home_href": url(HOME),
            "legal_href": url(LEGAL),
            **values,
        }
        try:
            text = self.env.get_template(template).render(context)
        except Exception as exc:  # a dossier's template may fail any way: e4's own replaces it
            if not self.out.overrides:
                raise  # e4's own templates: a bug of e4, not of the dossier
            where = Location(f"{OVERRIDES_DIR}/{getattr(exc, 'name', None) or template}")
            line = getattr(exc, "lineno", None)
            if line:
                where = Location(where.path, line, 1)
            self.out.notes.append(
                Note(where, f"modèle inutilisable ({exc}) : le modèle de e4 le remplace.")
            )
            text = self.fallback.get_template(template).render(context)
        self.out.files[output] = text.encode("utf-8")

    def _subtitle(self) -> str:
        ref = self.dossier.referential
        option = self.dossier.candidat.option
        parts = [ref.diploma + (f" option {option.upper()}" if option else "")]
        if self.dossier.session:
            labels = ref.session_labels(self.dossier.session)
            parts.append(f"session {self.dossier.session}, épreuve {labels.epreuve}")
        return " — ".join(parts)

    # -- réalisations -------------------------------------------------------------------

    def _realisation(self, real: Realisation) -> None:
        output = self.map.generated[real.file]
        view = self._real_view(real, output)
        self.real_views[real.file] = view
        self._render(output, "realisation.html.j2", view.intitule, real=view)

    def _real_view(self, real: Realisation, output: str) -> c.RealisationView:
        ref = self.dossier.referential
        uses = []
        for comp in ref.competences:
            if comp.code not in real.competence_codes():
                continue
            items = tuple(
                (i.code, i.label) for i in comp.items if i.code in real.item_codes()
            )
            uses.append(
                c.CompetenceUse(
                    comp.code, comp.label, href(output, COMPETENCES, c.anchor_of(comp.code)), items
                )
            )
        productions = []
        for prod in real.productions:
            label = prod.titre or prod.fichier or prod.url or ""
            if prod.fichier:
                target = self.map.link("", output, quote(prod.fichier, safe="/"))
                if target.note:
                    where = real.anchor.at("productions", prod.index, "fichier")
                    self._note(where, f"production « {prod.fichier} » : {target.note} ; "
                               "elle est citée sans lien.")
                productions.append(c.Link(label, target.url, target.note))
            elif prod.url:
                from e4cli.table.templating import web_url

                productions.append(c.Link(label, web_url(prod.url)))
            elif label:
                productions.append(c.Link(label, None))
        page = None
        if real.page:
            target = self.map.link("", output, quote(real.page, safe="/"))
            if target.url:
                source = _clean(real.page)
                published = self.map.published.get(source)
                title = (
                    self._page_title(source, self.portfolio.pages[source])
                    if published is not None and source in self.portfolio.pages
                    else real.page
                )
                page = c.Link(title, target.url)
        in_stage = real.cadre == "stage" and real.stage
        stage = self.dossier.stage_by_id(real.stage) if in_stage and real.stage else None
        section = place(self.dossier, real).section
        return c.RealisationView(
            id=real.id,
            href=output,
            intitule=real.intitule or real.id,
            section=ref.sections.get(section) if section else None,
            cadre=c.CADRES.get(real.cadre or ""),
            periode=c.period_fr(real.debut, real.fin),
            stage=self._stage_view(stage) if stage else None,
            modalite=c.MODALITES.get(real.modalite, real.modalite),
            contribution=real.contribution,
            description=real.description,
            technologies=tuple(real.technologies),
            competences=tuple(uses),
            productions=tuple(productions),
            page=page,
        )

    def _stage_view(self, stage: Stage, links: tuple[c.Link, ...] = ()) -> c.StageView:
        return c.StageView(
            id=stage.id,
            organisation=stage.organisation or "organisation non renseignée",
            annee=stage.annee,
            periode=c.period_fr(stage.debut, stage.fin),
            duree=c.weeks(stage),
            realisations=links,
        )

    def _links_to(self, output: str, files: list[str]) -> tuple[c.Link, ...]:
        by_file = {r.file: r for r in self.dossier.realisations}
        return tuple(
            c.Link(by_file[f].intitule or by_file[f].id, href(output, self.map.generated[f]))
            for f in files
            if f in by_file
        )

    def _realisations_page(self) -> None:
        sections = []
        ref = self.dossier.referential
        placed: set[str] = set()
        for key, label in ref.sections.items():
            reals = [r for r in self.dossier.realisations if place(self.dossier, r).section == key]
            placed.update(r.file for r in reals)
            views = tuple(self._relative(self.real_views[r.file], REALISATIONS) for r in reals)
            if views:
                sections.append(c.SectionView(label, views))
        rest = [r for r in self.dossier.realisations if r.file not in placed]
        if rest:
            views = tuple(self._relative(self.real_views[r.file], REALISATIONS) for r in rest)
            sections.append(c.SectionView("Autres réalisations", views))
        self._render(REALISATIONS, "realisations.html.j2", "Réalisations", sections=sections)

    def _relative(self, view: c.RealisationView, page: str) -> c.RealisationView:
        from dataclasses import replace

        return replace(view, href=href(page, view.href))

    def _competences_page(self) -> None:
        files_of = {r.id: r.file for r in self.dossier.realisations}
        views = []
        for comp in self.dossier.referential.competences:
            cov = self.coverage.competences[comp.code]
            reals = self._links_to(COMPETENCES, [files_of[i] for i in cov.realisations])
            items = []
            for item in comp.items:
                ids = cov.items.get(item.code, [])
                covered = bool(ids)
                if covered or self.options.preview:
                    links = self._links_to(COMPETENCES, [files_of[i] for i in ids])
                    items.append(c.ItemCoverage(item.code, item.label, covered, links))
            if cov.covered or self.options.preview:
                views.append(
                    c.CompetenceView(
                        comp.code, comp.label, c.anchor_of(comp.code), cov.covered, reals,
                        tuple(items),
                    )
                )
        self._render(COMPETENCES, "competences.html.j2", "Compétences", competences=views)

    def _table_page(self) -> None:
        rows: dict[str, str] = {
            r.id: href(TABLE, self.map.generated[r.file]) for r in self.dossier.realisations
        }
        files: dict[str, str] = {}
        if self.options.with_table_files:
            from e4cli.table.formats import TABLE_FORMATS, RenderError

            for fmt, name in TABLE_FILES.items():
                try:
                    data = TABLE_FORMATS[fmt].render(self.table)
                    self.out.files[name] = stable_xlsx(data) if fmt == "xlsx" else stable_pdf(data)
                except RenderError as exc:
                    self._note(Location(None), f"tableau {fmt} non produit : {exc}")
                    continue
                files[fmt] = href(TABLE, name)
        self._render(
            TABLE,
            "tableau.html.j2",
            "Tableau de synthèse",
            t=self.table,
            row_links=rows,
            files=files,
        )

    def _stages_page(self) -> None:
        views = []
        for stage in self.dossier.stages:
            files = [r.file for r in self.dossier.realisations if r.stage == stage.id]
            views.append(self._stage_view(stage, self._links_to(STAGES, files)))
        self._render(STAGES, "stages.html.j2", "Stages", stages=views)

    def _legal_page(self) -> None:
        cand = self.dossier.candidat
        status = f"Étudiant en {self.dossier.referential.diploma}"
        if cand.option:
            status += f" option {cand.option.upper()}"
        host = c.host_of(self.dossier.portfolio_url)
        if host is None:
            self._note(
                Location("dossier.yaml"),
                "mentions légales : hébergeur inconnu (adresse du portfolio absente ou hors "
                "GitHub Pages et GitLab Pages) ; écrivez portfolio/mentions-legales.md avec le "
                "nom, l'adresse et le téléphone de l'hébergeur.",
            )
        legal = c.Legal(
            c.candidate_name(self.dossier), status, self.dossier.centre,
            self.dossier.portfolio_url, host,
        )
        self._render(LEGAL, "mentions-legales.html.j2", "Mentions légales", legal=legal)

    def _home_page(self) -> None:
        self._note(
            Location(self.portfolio.index_path),
            "pas de page d'accueil : e4 en génère une (écrivez index.md pour la vôtre).",
        )
        views = [self._relative(self.real_views[r.file], HOME) for r in self.dossier.realisations]
        self._render(HOME, "accueil.html.j2", c.candidate_name(self.dossier), realisations=views)

    # -- Markdown pages -----------------------------------------------------------------

    def _markdown_pages(self) -> None:
        count = 0
        while self.map.pending:
            rel = self.map.pending.pop(0)
            count += 1
            output = self._output(rel)
            text, links, problem = self._page_text(rel)
            if count > MAX_MARKDOWN_PAGES:
                problem = f"plus de {MAX_MARKDOWN_PAGES} pages Markdown à publier"
            if text is None:
                self._note(Location(rel), f"page non publiée : {problem} ; une page le dit.")
                self._render(output, "page.html.j2", _stem_title(rel), page=_unreadable(problem))
                continue
            portfolio_page = rel in self.portfolio.pages

            def resolve(target: str, image: bool, rel: str = rel, output: str = output) -> Target:
                return self.map.link(rel, output, target, image=image)

            for link in links:
                target = self.map.link(rel, output, link.target, image=link.image)
                if target.note and not (portfolio_page and _checked(target.note)):
                    what = "l'image" if link.image else "le lien"
                    self._note(
                        Location(rel, link.line, link.column),
                        f"{what} « {link.written} » devient du texte : {target.note}.",
                    )
            rendered = markdown.render(text, rel, resolve)
            front = self.fronts.get(rel) or rendered.front
            title = front.titre or rendered.title or _stem_title(rel)
            if front.problem:
                self._note(Location(rel, 1, 1), f"{front.problem} : il est ignoré.")
            self._render(output, "page.html.j2", title, page=rendered)

    def _page_text(self, rel: str) -> tuple[str | None, list[Link], str]:
        page = self.portfolio.pages.get(rel)
        if page is not None:
            if page.text is None:
                return None, [], "page illisible (voir e4 check)"
            return page.text, page.links, ""
        try:
            data = self.fs.read_bytes(self.fs.resolve(rel), MAX_PAGE_BYTES)
        except (FileRefused, PathOutside) as exc:
            reason = exc.reason
            return None, [], f"document refusé ({reason})"
        text, bad = decode_text(data, rel)
        if text is None:
            return None, [], "document qui n'est pas en UTF-8" if bad else "document illisible"
        return text, extract_links(text), ""

    def _note(self, where: Location, message: str) -> None:
        self.out.notes.append(Note(where, message))


def _about_links(finding: Finding) -> bool:
    path = finding.location.path or ""
    return finding.code == "P003" or (
        finding.code in SITE_CODES and path.lower().endswith((".md", ".markdown"))
    )


def _checked(note: str) -> bool:
    """Whether `e4 check` already reports this problem of a portfolio page (P003, D005)."""
    return note in ("fichier absent du dossier", "le chemin sort du dossier")


def _unreadable(problem: str) -> markdown.Rendered:
    from html import escape

    return markdown.Rendered(
        f"<p>Ce document n'a pas pu être publié : {escape(problem)}.</p>", None, False
    )


def _clean(raw: str) -> str:
    """A path as written in YAML, as the portfolio reader names its pages."""
    return posixpath.normpath(raw.replace("\\", "/").strip())


def _safe_name(name: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name)
    return kept.strip(".-")


def _stem_title(rel: str) -> str:
    stem = PurePosixPath(rel).stem.replace("-", " ").replace("_", " ").strip()
    return stem[:1].upper() + stem[1:] if stem else rel

