"""Load a dossier folder into the typed model.

Loading reports only what keeps a file from being read (missing, not UTF-8,
not YAML, too large, outside the dossier) and dates it cannot read; judging
the content is the job of the schema validation and the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import Any, Literal

import yaml

from e4cli.dossier.dates import parse_date
from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside, decode_text, file_kind
from e4cli.dossier.model import (
    Anchor,
    Candidate,
    CompetenceRef,
    Dossier,
    E6Part,
    E6Ref,
    Production,
    Realisation,
    Stage,
)
from e4cli.dossier.problems import (
    BadFileName,
    ControlCharacter,
    DuplicateStageId,
    FolderMissing,
    FrenchDate,
    IgnoredFile,
    IgnoredFolder,
    ImpossibleDate,
    ManifestMissing,
    NotAMapping,
    Outside,
    Problem,
    Refused,
    UnknownReferential,
    YamlSyntax,
)
from e4cli.dossier.referential import DEFAULT_ID, Referential, available, load_referential
from e4cli.dossier.yamlsource import (
    MAX_YAML_BYTES,
    TooComplex,
    YamlDocument,
    field_name,
    parse_yaml,
)
from e4cli.rules.findings import Location
from e4cli.util.record import record
from e4cli.util.safetext import is_utf8, one_line

MANIFEST = "dossier.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
MAX_REALISATIONS = 500  # a dossier has a few dozen; beyond, loading would take seconds


@record(frozen=False)
class Loaded:
    """What loading gives: the model (if the folder is a dossier) and the problems met."""

    dossier: Dossier | None
    documents: list[tuple[YamlDocument, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    manifest_ok: bool = False
    fs: DossierFS | None = None  # the dossier's files, with the paths already resolved


def outside(exc: PathOutside, where: Location) -> Outside:
    return Outside(where, exc.raw, exc.reason)


def read_yaml(fs: DossierFS, path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse one YAML file of the dossier, never raising for bad input.

    The document is named by its path made safe to show (a name that is not UTF-8 is
    reported by D008 and written with escapes), so that every place, id and report that
    comes from it stays valid text.
    """
    rel = one_line(fs.relative(path))
    try:
        data = fs.read_bytes(path, MAX_YAML_BYTES)
    except FileRefused as exc:
        return None, [Refused(Location(rel), "yaml", exc.reason)]
    text, bad_encoding = decode_text(data, rel)
    if text is None:
        return None, [bad_encoding] if bad_encoding else []
    try:
        doc = parse_yaml(text, rel)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax(exc, text, rel)]
    except yaml.reader.ReaderError as exc:
        return None, [_control_character(exc, text, rel)]
    except yaml.YAMLError as exc:
        return None, [YamlSyntax(Location(rel), str(exc), None, None, None, text)]
    except (TooComplex, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, TooComplex) else "imbrication trop profonde"
        return None, [Refused(Location(rel), "yaml-complex", reason)]
    return doc, list(doc.problems)


def _mark(mark: yaml.Mark | None) -> tuple[int, int] | None:
    return (mark.line, mark.column) if mark is not None else None


def _syntax(exc: yaml.MarkedYAMLError, text: str, rel: str) -> YamlSyntax:
    return YamlSyntax(
        Location(rel),
        exc.problem or "",
        exc.context,
        _mark(exc.problem_mark),
        _mark(exc.context_mark),
        text,
    )


def _control_character(exc: yaml.reader.ReaderError, text: str, rel: str) -> ControlCharacter:
    """A control character YAML does not allow: which, and where."""
    offset = max(exc.position, 0)
    if exc.encoding == "unicode":  # PyYAML's reader counts characters
        before = text[:offset]
    else:  # libyaml counts bytes of the UTF-8 text
        before = text.encode("utf-8")[:offset].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else 0
    return ControlCharacter(Location(rel, line, column), char)


def load_dossier(path: Path, display: str | None = None) -> Loaded:
    display = display if display is not None else str(path)
    if not path.is_dir():
        return Loaded(None, problems=[FolderMissing(Location(None), display, path.exists())])
    fs = DossierFS(path)
    builder = _Builder(fs, display)
    return builder.build()


class _Builder:
    def __init__(self, fs: DossierFS, display: str) -> None:
        self.fs = fs
        self.display = display
        self.loaded = Loaded(None, fs=fs)

    def report(self, problem: Problem) -> None:
        self.loaded.problems.append(problem)

    def build(self) -> Loaded:
        manifest_doc = self._manifest()
        data: dict[str, Any] = {}
        if manifest_doc is not None and isinstance(manifest_doc.data, dict):
            data = manifest_doc.data
            self.loaded.manifest_ok = True
        elif manifest_doc is not None:
            self.report(_not_a_mapping(manifest_doc, "manifest"))
        session = _int(data.get("session"))
        referential = self._referential(data, manifest_doc)
        anchor = Anchor(manifest_doc) if manifest_doc is not None else None
        dossier = Dossier(
            root=self.fs.root,
            display=self.display,
            manifest=anchor,
            referential=referential,
            session=session,
        )
        if anchor is not None:
            self._fill_manifest(dossier, data, anchor)
        self._realisations(dossier)
        self.loaded.dossier = dossier
        return self.loaded

    def _manifest(self) -> YamlDocument | None:
        path = self.fs.root / MANIFEST
        try:
            self.fs.resolve(MANIFEST)
        except PathOutside as exc:
            self.report(outside(exc, Location(MANIFEST)))
            return None
        if file_kind(path) is None:
            near = [p.name for p in self.fs.root.iterdir() if p.name.lower() in _MANIFEST_TYPOS]
            self.report(ManifestMissing(Location(None), near[0] if near else None))
            return None
        doc, problems = read_yaml(self.fs, path)
        self.loaded.problems.extend(problems)
        if doc is not None and isinstance(doc.data, dict):  # else reported by build()
            self.loaded.documents.append((doc, "dossier.schema.json"))
        return doc

    def _referential(self, data: dict[str, Any], doc: YamlDocument | None) -> Referential:
        ref_id = data.get("referentiel")
        if isinstance(ref_id, str) and ref_id != DEFAULT_ID:
            if ref_id in available():
                return load_referential(ref_id)
            assert doc is not None
            self.report(UnknownReferential(doc.locate(["referentiel"]), ref_id, tuple(available())))
        return load_referential(DEFAULT_ID)

    def _date(self, value: Any, anchor: Anchor, *keys: str | int) -> dt.date | None:
        if not isinstance(value, str):
            return None
        parsed = parse_date(value)
        where = anchor.at(*keys)
        name = field_name(list(keys))
        if parsed.value is None:
            # the schema's pattern refuses any other form: one finding, not two
            if parsed.impossible:
                self.report(ImpossibleDate(where, name, value, parsed.error or "", parsed.french))
            return None
        if parsed.french:
            span = anchor.doc.span([*anchor.base, *keys])
            self.report(FrenchDate(where, name, value, parsed.value, span))
        return parsed.value

    def _fill_manifest(self, dossier: Dossier, data: dict[str, Any], anchor: Anchor) -> None:
        cand = data.get("candidat")
        if isinstance(cand, dict):
            statut = cand.get("statut")
            numero = cand.get("numero")
            read_as = None
            if isinstance(numero, int | float) and not isinstance(numero, bool):
                # unquoted digits: keep them as written, the table shows them (S001 says why)
                read_as = numero
                numero = anchor.doc.written(["candidat", "numero"])
            dossier.candidat = Candidate(
                nom=_str(cand.get("nom")),
                prenom=_str(cand.get("prenom")),
                numero=_str(numero),
                option=_str(cand.get("option")),
                statut=statut if isinstance(statut, str) else "scolaire",
                numero_read_as=read_as,
            )
        dossier.centre = _str(data.get("centre"))
        dossier.forme = _str(data.get("forme"))
        dossier.date_limite = self._date(data.get("date_limite"), anchor, "date_limite")
        portfolio = data.get("portfolio")
        if isinstance(portfolio, dict):
            dossier.portfolio_url = _str(portfolio.get("url"))
            chemin = _str(portfolio.get("chemin"))
            if chemin:
                dossier.portfolio_dir = chemin.rstrip("/") or chemin
                dossier.portfolio_dir_declared = True
        dossier.tableau = _str(data.get("tableau"))
        realisations_dir = _str(data.get("realisations"))
        if realisations_dir:
            dossier.realisations_dir = realisations_dir.rstrip("/") or realisations_dir
        stages = data.get("stages")
        if isinstance(stages, list):
            for index, raw in enumerate(stages):
                if isinstance(raw, dict):
                    stage = self._stage(raw, index, anchor)
                    first = dossier.stage_by_id(stage.id)
                    if first is not None:
                        self._same_stage_id(stage, first)
                    dossier.stages.append(stage)

    def _same_stage_id(self, stage: Stage, first: Stage) -> None:
        """Two stages with one id: a réalisation's `stage:` could not tell them apart."""
        written = stage.anchor.has("id")
        self.report(
            DuplicateStageId(
                stage.anchor.at("id") if written else stage.anchor.at(),
                stage.index,
                stage.id,
                written,
                first.index,
                first.organisation or first.id,
            )
        )

    def _stage(self, raw: dict[str, Any], index: int, manifest: Anchor) -> Stage:
        anchor = Anchor(manifest.doc, ("stages", index))
        annee = raw.get("annee")
        return Stage(
            id=_str(raw.get("id")) or f"stage{index + 1}",
            index=index,
            organisation=_str(raw.get("organisation")),
            annee=annee if annee in (1, 2) and not isinstance(annee, bool) else None,
            debut=self._date(raw.get("debut"), manifest, "stages", index, "debut"),
            fin=self._date(raw.get("fin"), manifest, "stages", index, "fin"),
            attestation=_str(raw.get("attestation")),
            anchor=anchor,
        )

    def _check_name(self, path: Path) -> None:
        rel = self.fs.relative(path)
        if not is_utf8(rel):
            self.report(BadFileName(Location(one_line(rel)), one_line(path.name)))

    def _ignored(self, dossier: Dossier, others: list[Path]) -> None:
        """What looks like a réalisation but will not be read (R008).

        `01-glpi.yaml.txt` (Windows hides known extensions) and YAML files in a
        sub-folder are the usual cases; other files (notes, images) are left alone.
        """
        for path in sorted(others):
            rel = self.fs.relative(path)
            if file_kind(path) == "dir":
                nested = sorted(
                    p.name for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES
                )[:3]
                if nested:
                    self.report(
                        IgnoredFolder(
                            Location(rel + "/"), rel, tuple(nested), dossier.realisations_dir
                        )
                    )
            elif ".yaml" in path.name.lower() or ".yml" in path.name.lower():
                stem = path.name[: path.name.lower().rfind(".y")]
                self.report(IgnoredFile(Location(rel), stem))

    def _realisations(self, dossier: Dossier) -> None:
        where = dossier.manifest.at("realisations") if dossier.manifest else Location(None)
        try:
            folder = self.fs.resolve(dossier.realisations_dir)
        except PathOutside as exc:
            self.report(outside(exc, where))
            return
        if file_kind(folder) != "dir":
            return
        try:
            entries = [p for p in folder.iterdir() if not p.name.startswith((".", "~$"))]
            for entry in entries:
                self._check_name(entry)
            files = sorted(p for p in entries if p.suffix.lower() in YAML_SUFFIXES)
            self._ignored(dossier, [p for p in entries if p.suffix.lower() not in YAML_SUFFIXES])
        except OSError as exc:
            self.report(Refused(where, "folder", exc.strerror or str(exc)))
            return
        if len(files) > MAX_REALISATIONS:
            self.report(
                Refused(
                    Location(dossier.realisations_dir + "/"),
                    "too-many-realisations",
                    dossier.realisations_dir,
                    count=len(files),
                    limit=MAX_REALISATIONS,
                )
            )
            files = files[:MAX_REALISATIONS]
        for path in files:
            try:
                self.fs.resolve(self.fs.relative(path))
            except PathOutside as exc:
                self.report(outside(exc, Location(self.fs.relative(path))))
                continue
            doc, problems = read_yaml(self.fs, path)
            self.loaded.problems.extend(problems)
            if doc is None:
                continue
            if not isinstance(doc.data, dict):  # one finding; the schema would only repeat it
                self.report(_not_a_mapping(doc, "realisation"))
                continue
            self.loaded.documents.append((doc, "realisation.schema.json"))
            dossier.realisations.append(self._realisation(dossier, doc.data, doc, path))

    def _realisation(
        self, dossier: Dossier, data: dict[str, Any], doc: YamlDocument, path: Path
    ) -> Realisation:
        anchor = Anchor(doc)
        raw_periode = data.get("periode")
        periode: dict[str, Any] = raw_periode if isinstance(raw_periode, dict) else {}
        competences: list[CompetenceRef] = []
        raw_refs = data.get("competences")
        if isinstance(raw_refs, list):
            for index, ref in enumerate(raw_refs):
                if isinstance(ref, str | int | float) and not isinstance(ref, bool):
                    text = str(ref)
                    competences.append(
                        CompetenceRef(text, index, dossier.referential.resolve(text))
                    )
        productions: list[Production] = []
        raw_prods = data.get("productions")
        if isinstance(raw_prods, list):
            for index, prod in enumerate(raw_prods):
                if isinstance(prod, dict):
                    productions.append(
                        Production(
                            _str(prod.get("titre")),
                            _str(prod.get("fichier")),
                            _str(prod.get("url")),
                            index,
                        )
                    )
        techs = data.get("technologies")
        modalite = data.get("modalite")
        return Realisation(
            id=_str(data.get("id")) or one_line(path.stem),
            file=doc.path,
            intitule=_str(data.get("intitule")),
            cadre=_str(data.get("cadre")),
            stage=_str(data.get("stage")),
            debut=self._date(periode.get("debut"), anchor, "periode", "debut"),
            fin=self._date(periode.get("fin"), anchor, "periode", "fin"),
            competences=competences,
            modalite=modalite if modalite in ("seul", "equipe") else "seul",
            contribution=_str(data.get("contribution")),
            description=_str(data.get("description")),
            technologies=[t for t in techs if isinstance(t, str)]
            if isinstance(techs, list)
            else [],
            productions=productions,
            page=_str(data.get("page")),
            anchor=anchor,
            e6=_e6(dossier, data.get("e6"), doc),
        )


def _e6(dossier: Dossier, raw: Any, doc: YamlDocument) -> E6Part | None:
    """The `e6:` block; its bloc 2 references resolved against the candidate's option."""
    if not isinstance(raw, dict):
        return None  # absent; another type is the schema's to report
    refs: list[E6Ref] = []
    raw_refs = raw.get("competences")
    if isinstance(raw_refs, list):
        for index, ref in enumerate(raw_refs):
            if isinstance(ref, str | int | float) and not isinstance(ref, bool):
                refs.append(_e6_ref(dossier, str(ref), index))
    numero = raw.get("numero")
    return E6Part(
        numero=numero if numero in (1, 2) and not isinstance(numero, bool) else None,
        competences=refs,
        conditions=_str(raw.get("conditions")),
        ressources=_str(raw.get("ressources")),
        acces=_str(raw.get("acces")),
        lieu=_str(raw.get("lieu")),
        descriptif=_str(raw.get("descriptif")),
        anchor=Anchor(doc, ("e6",)),
    )


def _e6_ref(dossier: Dossier, text: str, index: int) -> E6Ref:
    """A bloc 2 reference, and, when it is not of the option, what else it could be (F004)."""
    e6 = dossier.referential.e6
    option = dossier.candidat.option
    block = e6.block(option) if e6 is not None else None
    if e6 is None or block is None:
        return E6Ref(text, index, None)
    found = block.resolve(text)
    if found is not None:
        return E6Ref(text, index, found)
    for name, other in e6.blocks.items():
        there = other.resolve(text) if name != option else None
        if there is not None:
            return E6Ref(text, index, None, other_option=name, other=there)
    return E6Ref(text, index, None, bloc1=dossier.referential.resolve(text) is not None)


def _not_a_mapping(doc: YamlDocument, document: Literal["manifest", "realisation"]) -> NotAMapping:
    """A YAML file whose top is not a block of keys: empty, a list, a lone value."""
    if doc.data is None:
        found: Literal["empty", "list", "scalar"] = "empty"
    elif isinstance(doc.data, list):
        found = "list"
    else:
        found = "scalar"
    return NotAMapping(doc.locate(), document, found)


_MANIFEST_TYPOS = {
    "dossier.yaml",
    "dossier.yml",
    "dossier.yaml.txt",
    "dossier.yaml ",
    "dossier.json",
}


def _str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
