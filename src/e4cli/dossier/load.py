"""Load a dossier folder into the typed model.

Loading reports only what keeps a file from being read (missing, not UTF-8,
not YAML, too large, outside the dossier) and dates it cannot read; judging
the content is the job of the schema validation and the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from e4cli.check.schema import field_name
from e4cli.dossier.dates import parse_date
from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside, decode_text, file_kind
from e4cli.dossier.model import (
    Anchor,
    Candidate,
    CompetenceRef,
    Dossier,
    Production,
    Realisation,
    Stage,
)
from e4cli.dossier.referential import DEFAULT_ID, Referential, available, load_referential
from e4cli.dossier.yamlsource import MAX_YAML_BYTES, TooComplex, YamlDocument, parse_yaml
from e4cli.rules.findings import Finding, Location, Severity

MANIFEST = "dossier.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
MAX_REALISATIONS = 500  # a dossier has a few dozen; beyond, loading would take seconds


@dataclass
class Loaded:
    """What loading gives: the model (if the folder is a dossier) and its findings."""

    dossier: Dossier | None
    documents: list[tuple[YamlDocument, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    manifest_ok: bool = False
    fs: DossierFS | None = None  # the dossier's files, with the paths already resolved


def outside_finding(exc: PathOutside, where: Location) -> Finding:
    return Finding(
        "D005",
        Severity.ERROR,
        f"Le chemin « {exc.raw} » sort du dossier ({exc.reason}) : il n'est ni suivi ni lu.",
        where,
        "Placez le fichier dans le dossier et écrivez un chemin relatif à sa racine, "
        "par exemple « productions/procedure.pdf ».",
    )


def read_yaml(fs: DossierFS, path: Path) -> tuple[YamlDocument | None, list[Finding]]:
    """Read and parse one YAML file of the dossier, never raising for bad input."""
    rel = fs.relative(path)
    try:
        data = fs.read_bytes(path, MAX_YAML_BYTES)
    except FileRefused as exc:
        return None, [
            Finding(
                "D007",
                Severity.ERROR,
                f"Fichier YAML refusé : {exc.reason}.",
                Location(rel),
                "Un fichier du dossier fait quelques Kio ; vérifiez qu'il s'agit du bon fichier.",
            )
        ]
    text, bad_encoding = decode_text(data, rel)
    if text is None:
        return None, [bad_encoding] if bad_encoding else []
    try:
        doc = parse_yaml(text, rel)
    except yaml.MarkedYAMLError as exc:
        problem, mark, hint = _explain_yaml_error(exc, text)
        return None, [
            Finding(
                "D003",
                Severity.ERROR,
                f"YAML invalide : {problem}.",
                Location(rel, mark.line + 1, mark.column + 1) if mark else Location(rel),
                hint,
            )
        ]
    except yaml.reader.ReaderError as exc:
        return None, [_reader_finding(exc, text, rel)]
    except yaml.YAMLError as exc:
        return None, [Finding("D003", Severity.ERROR, f"YAML invalide : {exc}.", Location(rel))]
    except (TooComplex, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, TooComplex) else "imbrication trop profonde"
        return None, [
            Finding(
                "D007",
                Severity.ERROR,
                f"Fichier YAML refusé : trop complexe ({reason}).",
                Location(rel),
                "Un fichier de dossier n'a besoin ni d'ancres (&, *) en cascade ni de "
                "dizaines de niveaux d'imbrication.",
            )
        ]
    return doc, list(doc.findings)


def _reader_finding(exc: yaml.reader.ReaderError, text: str, rel: str) -> Finding:
    """A control character YAML does not allow: say which, and where."""
    offset = max(exc.position, 0)
    if exc.encoding == "unicode":  # PyYAML's reader counts characters
        before = text[:offset]
    else:  # libyaml counts bytes of the UTF-8 text
        before = text.encode("utf-8")[:offset].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else 0
    return Finding(
        "D003",
        Severity.ERROR,
        f"YAML invalide : caractère de contrôle U+{char:04X} interdit dans un fichier YAML.",
        Location(rel, line, column),
        "Ce fichier contient des caractères invisibles ou binaires : retapez la ligne, ou "
        "vérifiez qu'il s'agit bien d'un fichier texte.",
    )


_GENERIC_HINT = (
    "Vérifiez l'indentation (des espaces, pas de tabulations), les deux-points après chaque "
    "clé et les guillemets autour des textes qui contiennent « : »."
)
_TAB_HINT = (
    "Remplacez chaque tabulation par des espaces ; réglez l'éditeur pour qu'il insère des espaces."
)
_QUOTE_HINT = 'Mettez la valeur entre guillemets : intitule: "…".'
_INDENT_HINT = (
    "Les clés d'un même bloc commencent à la même colonne, et les éléments « - » d'une même "
    "liste aussi ; indentez avec des espaces."
)

# (words of PyYAML's or libyaml's message, French problem, hint); the first that matches wins.
# PyYAML and libyaml word the same fault differently: both are listed.
_PROBLEMS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("mapping values are not allowed",),
        "deux-points inattendu (un texte contenant « : » doit être entre guillemets)",
        _QUOTE_HINT,
    ),
    (
        ("found undefined alias",),
        "alias (*) sans ancre (&) correspondante",
        "« * » en début de valeur désigne un alias YAML : " + _QUOTE_HINT,
    ),
    (
        ("but found another document",),
        "plusieurs documents (---) dans un seul fichier",
        "Gardez un seul document : retirez la ligne « --- » et ce qui la suit, ou faites-en un "
        "autre fichier.",
    ),
    (
        ("expected escape sequence", "unknown escape", "hexdecimal", "hexadecimal"),
        "barre oblique inverse (\\) entre guillemets doubles",
        "Entre guillemets doubles, « \\ » annonce un caractère spécial : écrivez les chemins avec "
        "« / » (productions/procedure.pdf) ou mettez la valeur entre guillemets simples.",
    ),
    (
        ("expected ',' or ']'",),
        "crochet « [ » jamais refermé, ou virgule manquante dans la liste",
        "Une liste entre crochets s'écrit [B1.1, B1.2] sur une seule ligne.",
    ),
    (
        ("expected ',' or '}'",),
        "accolade « { » jamais refermée, ou virgule manquante",
        "Un bloc entre accolades s'écrit {debut: 2027-01-19, fin: 2027-02-12} sur une seule ligne.",
    ),
    (
        ("expected key", "expected <block end>", "expected '-' indicator"),
        "indentation incohérente (cette ligne ne s'aligne sur aucun bloc ouvert au-dessus)",
        _INDENT_HINT,
    ),
)


def _explain_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, yaml.Mark | None, str]:
    """The fault in French, where to point at, and how to fix it."""
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    char = _char_at(text, mark)
    if "tab character" in problem or char == "\t":
        return "tabulation interdite (l'indentation se fait avec des espaces)", mark, _TAB_HINT
    if "cannot start any token" in problem:
        return f"une valeur ne peut pas commencer par « {char} »", mark, _QUOTE_HINT
    if "alphabetic or numeric character" in problem:  # `*texte*` or `& co` read as an alias
        first = _char_at(text, exc.context_mark)
        return f"une valeur ne peut pas commencer par « {first} »", exc.context_mark, _QUOTE_HINT
    if "could not find expected ':'" in problem:  # the key without colon is where it began
        return "deux-points manquant après une clé", exc.context_mark or mark, _GENERIC_HINT
    if "expected" in problem and _after_closing_quote(text, mark):
        return (
            "texte après le guillemet fermant",
            mark,
            'Toute la valeur doit être entre les guillemets : intitule: "Projet « X » : suite".',
        )
    if "end of stream" in problem and "quoted scalar" in (exc.context or ""):
        # the fault is the opening quote, not the end of the file where the parser stopped
        return (
            "guillemet jamais refermé",
            exc.context_mark or mark,
            "Refermez le guillemet à la fin de la valeur, sur la même ligne.",
        )
    for words, french, hint in _PROBLEMS:
        if any(word in problem for word in words):
            return french, mark, hint
    return problem or "syntaxe invalide", mark, _GENERIC_HINT


def _after_closing_quote(text: str, mark: yaml.Mark | None) -> bool:
    """True when the parser stopped on text that follows a quoted value on its line."""
    if mark is None:
        return False
    lines = text.splitlines()
    before = lines[mark.line][: mark.column].rstrip() if mark.line < len(lines) else ""
    return before.endswith(('"', "'")) and ":" in before


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def load_dossier(path: Path, display: str | None = None) -> Loaded:
    display = display if display is not None else str(path)
    if not path.is_dir():
        what = "n'existe pas" if not path.exists() else "n'est pas un dossier"
        return Loaded(
            None,
            findings=[
                Finding(
                    "D001",
                    Severity.ERROR,
                    f"Le chemin « {display} » {what}.",
                    Location(None),
                    "Donnez le dossier qui contient dossier.yaml, ou créez-en un avec « e4 init ».",
                )
            ],
        )
    fs = DossierFS(path)
    builder = _Builder(fs, display)
    return builder.build()


class _Builder:
    def __init__(self, fs: DossierFS, display: str) -> None:
        self.fs = fs
        self.display = display
        self.loaded = Loaded(None, fs=fs)

    def report(self, finding: Finding) -> None:
        self.loaded.findings.append(finding)

    def build(self) -> Loaded:
        manifest_doc = self._manifest()
        data: dict[str, Any] = {}
        if manifest_doc is not None and isinstance(manifest_doc.data, dict):
            data = manifest_doc.data
            self.loaded.manifest_ok = True
        elif manifest_doc is not None:
            self.report(
                _not_a_mapping(
                    manifest_doc,
                    "dossier.yaml doit être un bloc de clés (session, candidat, centre…)",
                    "Partez de « e4 init » pour obtenir un dossier.yaml complet.",
                )
            )
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
            self.report(outside_finding(exc, Location(MANIFEST)))
            return None
        if file_kind(path) is None:
            near = [p.name for p in self.fs.root.iterdir() if p.name.lower() in _MANIFEST_TYPOS]
            hint = (
                f"Renommez « {near[0]} » en « {MANIFEST} »."
                if near
                else "Créez-le (voir « e4 init ») : c'est lui qui décrit le dossier."
            )
            self.report(
                Finding(
                    "D002",
                    Severity.ERROR,
                    "Le fichier dossier.yaml est absent.",
                    Location(None),
                    hint,
                )
            )
            return None
        doc, findings = read_yaml(self.fs, path)
        self.loaded.findings.extend(findings)
        if doc is not None and isinstance(doc.data, dict):  # else reported by build()
            self.loaded.documents.append((doc, "dossier.schema.json"))
        return doc

    def _referential(self, data: dict[str, Any], doc: YamlDocument | None) -> Referential:
        ref_id = data.get("referentiel")
        if isinstance(ref_id, str) and ref_id != DEFAULT_ID:
            if ref_id in available():
                return load_referential(ref_id)
            assert doc is not None
            self.report(
                Finding(
                    "S001",
                    Severity.ERROR,
                    f"Référentiel « {ref_id} » inconnu.",
                    doc.locate(["referentiel"]),
                    f"Référentiels disponibles : {', '.join(available())} "
                    "(ou supprimez la clé pour le choix par défaut).",
                )
            )
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
                self.report(
                    Finding(
                        "S001",
                        Severity.ERROR,
                        f"« {name} » : la date « {value} » {parsed.error}.",
                        where,
                        (
                            "À la française, le jour vient en premier (JJ/MM/AAAA). "
                            if parsed.french
                            else ""
                        )
                        + "Écrivez une date réelle au format AAAA-MM-JJ, par exemple 2027-01-19.",
                    )
                )
            return None
        if parsed.french:
            self.report(
                Finding(
                    "S003",
                    Severity.WARNING,
                    f"« {name} » : date « {value} » écrite à la française, comprise comme le "
                    f"{_spelled(parsed.value)}.",
                    where,
                    f"Écrivez-la au format ISO : {parsed.value.isoformat()}",
                )
            )
        return parsed.value

    def _fill_manifest(self, dossier: Dossier, data: dict[str, Any], anchor: Anchor) -> None:
        cand = data.get("candidat")
        if isinstance(cand, dict):
            statut = cand.get("statut")
            dossier.candidat = Candidate(
                nom=_str(cand.get("nom")),
                prenom=_str(cand.get("prenom")),
                numero=_str(cand.get("numero")),
                option=_str(cand.get("option")),
                statut=statut if isinstance(statut, str) else "scolaire",
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
            Finding(
                "S001",
                Severity.ERROR,
                f"« stages[{stage.index + 1}] » : l'identifiant « {stage.id} »"
                + ("" if written else " (donné par défaut, d'après sa place dans la liste)")
                + f" est déjà celui du stage {first.index + 1} ({first.organisation or first.id}).",
                stage.anchor.at("id") if written else stage.anchor.at(),
                "Donnez à chaque stage un identifiant unique (id: stage1, id: stage2…) : c'est "
                "lui que citent les réalisations dans « stage: ».",
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

    def _ignored(self, dossier: Dossier, others: list[Path]) -> None:
        """R008 for what looks like a réalisation but will not be read.

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
                        Finding(
                            "R008",
                            Severity.WARNING,
                            f"Le sous-dossier « {rel}/ » contient des fichiers YAML "
                            f"({', '.join(nested)}…) qui ne sont pas lus : seuls les fichiers "
                            f"placés directement dans « {dossier.realisations_dir}/ » sont des "
                            "réalisations.",
                            Location(rel + "/"),
                            f"Déplacez-les dans « {dossier.realisations_dir}/ ».",
                        )
                    )
            elif ".yaml" in path.name.lower() or ".yml" in path.name.lower():
                stem = path.name[: path.name.lower().rfind(".y")]
                self.report(
                    Finding(
                        "R008",
                        Severity.WARNING,
                        f"« {rel} » n'est pas lu : son nom ne finit pas par .yaml ou .yml.",
                        Location(rel),
                        f"Renommez-le « {stem}.yaml » (Windows cache parfois la vraie "
                        "extension : affichez les extensions dans l'Explorateur).",
                    )
                )

    def _realisations(self, dossier: Dossier) -> None:
        where = dossier.manifest.at("realisations") if dossier.manifest else Location(None)
        try:
            folder = self.fs.resolve(dossier.realisations_dir)
        except PathOutside as exc:
            self.report(outside_finding(exc, where))
            return
        if file_kind(folder) != "dir":
            return
        try:
            entries = [p for p in folder.iterdir() if not p.name.startswith((".", "~$"))]
            files = sorted(p for p in entries if p.suffix.lower() in YAML_SUFFIXES)
            self._ignored(dossier, [p for p in entries if p.suffix.lower() not in YAML_SUFFIXES])
        except OSError as exc:
            self.report(
                Finding(
                    "D007",
                    Severity.ERROR,
                    f"Le dossier « {dossier.realisations_dir}/ » ne se lit pas ({exc.strerror}).",
                    where,
                    "Vérifiez ses droits d'accès.",
                )
            )
            return
        if len(files) > MAX_REALISATIONS:
            self.report(
                Finding(
                    "D007",
                    Severity.ERROR,
                    f"{len(files)} fichiers YAML dans « {dossier.realisations_dir}/ » : seuls les "
                    f"{MAX_REALISATIONS} premiers sont lus.",
                    Location(dossier.realisations_dir + "/"),
                    "Un dossier compte quelques dizaines de réalisations ; vérifiez que ce "
                    "dossier ne contient que les vôtres.",
                )
            )
            files = files[:MAX_REALISATIONS]
        for path in files:
            try:
                self.fs.resolve(self.fs.relative(path))
            except PathOutside as exc:
                self.report(outside_finding(exc, Location(self.fs.relative(path))))
                continue
            doc, findings = read_yaml(self.fs, path)
            self.loaded.findings.extend(findings)
            if doc is None:
                continue
            if not isinstance(doc.data, dict):  # one finding; the schema would only repeat it
                self.report(
                    _not_a_mapping(
                        doc,
                        "Une réalisation doit être un bloc de clés (intitule, cadre, periode…)",
                        "Voir « e4 init » pour un exemple de réalisation.",
                    )
                )
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
            id=_str(data.get("id")) or path.stem,
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
        )


def _not_a_mapping(doc: YamlDocument, expected: str, hint: str) -> Finding:
    """S001 for a YAML file whose top is not a block of keys: empty, a list, a lone value."""
    if doc.data is None:
        found = "or le fichier est vide (ou ne contient que des commentaires)"
    elif isinstance(doc.data, list):
        found = "or le fichier est une liste (lignes commençant par « - »)"
    else:
        found = "or le fichier ne contient qu'une valeur, sans clé"
    return Finding("S001", Severity.ERROR, f"{expected}, {found}.", doc.locate(), hint)


_MANIFEST_TYPOS = {
    "dossier.yaml",
    "dossier.yml",
    "dossier.yaml.txt",
    "dossier.yaml ",
    "dossier.json",
}


_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def _spelled(day: dt.date) -> str:
    """« 6 octobre 2025 »: the month in words leaves no doubt about which number is the day."""
    return f"{'1er' if day.day == 1 else day.day} {_MONTHS[day.month - 1]} {day.year}"


def _str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
