"""The commission's evaluation file: read it, check it against its schema and the dossier.

The file is YAML (`schemas/evaluation.schema.json`), read by the same
positioned reader as the dossier, so every finding points at the line and
column of the value at fault. Findings carry the E codes documented in
`rules/e0*.py`: reading and schema faults become E001/E002, and the checks
that need the dossier (levels of the referential, competencies mobilised,
candidate) give E003 to E008. Nothing here prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from e4cli.check.coverage import Coverage
from e4cli.check.schema import validate
from e4cli.dossier.dates import parse_date
from e4cli.dossier.fs import DossierFS
from e4cli.dossier.load import read_yaml
from e4cli.dossier.model import Dossier
from e4cli.dossier.problems import NotText
from e4cli.dossier.yamlsource import YamlDocument
from e4cli.jury.final_mark import MAX_DECIMALS, decimals, format_mark, in_range, parse_mark
from e4cli.rules import (
    e001_evaluation_illisible as e001,
)
from e4cli.rules import (
    e002_evaluation_non_conforme as e002,
)
from e4cli.rules import (
    e003_note_hors_echelle as e003,
)
from e4cli.rules import (
    e004_niveau_inconnu as e004,
)
from e4cli.rules import (
    e005_competence_evaluee_inconnue as e005,
)
from e4cli.rules import (
    e006_niveau_sans_realisation as e006,
)
from e4cli.rules import (
    e007_evaluation_incomplete as e007,
)
from e4cli.rules import (
    e008_autre_candidat as e008,
)
from e4cli.rules import (
    e009_note_trop_precise as e009,
)
from e4cli.rules.findings import Finding, Location, Severity, with_command
from e4cli.rules.registry import PROBLEM_RULES
from e4cli.util.record import record
from e4cli.util.textnorm import fold, nearest

SCHEMA = "evaluation.schema.json"
TEAM = "equipe"  # the key of the grid's row on team work
MAX_BYTES = 1 << 20


@record
class Member:
    nom: str
    qualite: str | None = None


@record(frozen=False)
class Evaluation:
    """What the commission decided, as the evaluation file says it (levels made canonical)."""

    path: str
    note: Decimal | None = None
    levels: dict[str, str] = field(default_factory=dict)  # competency code or TEAM → level
    date: dt.date | None = None
    commission_number: str | None = None
    commission: tuple[Member, ...] = ()
    presentation: str | None = None
    entretien: str | None = None
    appreciation: str | None = None


@record(frozen=False)
class EvaluationResult:
    evaluation: Evaluation | None
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def failed(self) -> bool:
        """An error leaves no fiche: the official document shows only what was checked."""
        return self.evaluation is None or self.count(Severity.ERROR) > 0


def evaluate(
    path: Path, display: str, dossier: Dossier, coverage: Coverage | None
) -> EvaluationResult:
    """Read the evaluation at `path` (named `display` in findings) and check it."""
    doc, findings = _read(path, display)
    if doc is None:
        return EvaluationResult(None, findings)
    if not isinstance(doc.data, dict):
        findings.append(
            e001.RULE.finding(
                "Le fichier d'évaluation doit être un bloc de clés (note, niveaux, appreciation…).",
                doc.locate(),
                "Partez de l'exemple du README (section « e4 note »).",
            )
        )
        return EvaluationResult(None, findings)
    for violation in validate(doc, SCHEMA):
        findings.append(e002.RULE.finding(violation.message, violation.where, violation.hint))
    checker = _Checker(doc, dossier, coverage)
    evaluation = checker.build()
    findings.extend(checker.findings)
    findings.sort(key=Finding.sort_key)
    return EvaluationResult(evaluation, findings)


def _read(path: Path, display: str) -> tuple[YamlDocument | None, list[Finding]]:
    where = Location(display)
    if not path.exists():
        return None, [
            e001.RULE.finding(
                "Le fichier d'évaluation n'existe pas.",
                where,
                "Vérifiez le chemin donné à --evaluation ; pour une classe, le fichier porte le "
                "nom du dossier du candidat (evaluations/<dossier>.yaml).",
            )
        ]
    if path.is_dir():
        return None, [
            e001.RULE.finding(
                f"« {display} » est un dossier, pas un fichier d'évaluation.",
                where,
                "Pour un dossier d'évaluations, chacune s'appelle <dossier>.yaml.",
            )
        ]
    doc, problems = read_yaml(DossierFS(path.parent), path)
    rel = path.name
    findings = []
    for problem in problems:
        if isinstance(problem, NotText):  # not a dossier's file: no `e4 check --fix`
            problem = dataclasses.replace(problem, in_dossier=False)
        described = PROBLEM_RULES[type(problem)].describe(problem)
        if described.where.path == rel:
            described = dataclasses.replace(
                described, where=dataclasses.replace(described.where, path=display)
            )
        findings.append(with_command(e001.RULE.stamp(described), display, display))
    if doc is not None:
        doc.path = display
    return doc, findings


class _Checker:
    """The checks that need the dossier: its referential, coverage and candidate."""

    def __init__(self, doc: YamlDocument, dossier: Dossier, coverage: Coverage | None) -> None:
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.dossier = dossier
        self.coverage = coverage
        self.findings: list[Finding] = []

    def build(self) -> Evaluation:
        observations = self.data.get("observations")
        observations = observations if isinstance(observations, dict) else {}
        evaluation = Evaluation(
            path=self.doc.path,
            note=self._note(),
            levels=self._levels(),
            date=self._date(),
            commission_number=_number(self.data.get("numero_commission")),
            commission=self._commission(),
            presentation=_text(observations.get("presentation")),
            entretien=_text(observations.get("entretien")),
            appreciation=_text(self.data.get("appreciation")),
        )
        self._candidate()
        self._completeness(evaluation)
        return evaluation

    def _note(self) -> Decimal | None:
        if "note" not in self.data:
            return None  # the schema reported the missing field
        raw = self.data["note"]
        node, depth = self.doc.node_at(["note"])
        value = getattr(node, "value", None) if depth == 1 else None
        written = value if isinstance(value, str) else ""
        if decimals(written) > MAX_DECIMALS:
            self.findings.append(
                e009.RULE.finding(
                    f"La note « {written} » a plus de {MAX_DECIMALS} décimales.",
                    self.doc.locate(["note"]),
                    "Écrivez la note au plus au centième (13,33 ou 13.33), comme la commission "
                    "la reporte sur la fiche.",
                )
            )
            return None
        mark = parse_mark(raw)
        if mark is None:
            if isinstance(raw, float):  # .inf or .nan: a number YAML accepts, never a mark
                self.findings.append(
                    e003.RULE.finding(
                        f"La note « {raw} » n'est pas une note sur 20.",
                        self.doc.locate(["note"]),
                        "Écrivez la note proposée par la commission, de 0 à 20.",
                    )
                )
            return None
        if not in_range(mark):
            self.findings.append(
                e003.RULE.finding(
                    f"La note {format_mark(mark)} est hors de l'échelle : une note est comprise "
                    "entre 0 et 20.",
                    self.doc.locate(["note"]),
                    "Écrivez la NOTE /20 proposée par la commission, avant pénalités : e4 retire "
                    "lui-même les pénalités pour la NOTE FINALE.",
                )
            )
            return None
        return mark

    def _levels(self) -> dict[str, str]:
        raw = self.data.get("niveaux")
        if not isinstance(raw, dict):
            return {}
        referential = self.dossier.referential
        levels = referential.levels
        by_fold = {fold(level): level for level in levels}
        result: dict[str, str] = {}
        first_key: dict[str, str] = {}
        for key, value in raw.items():
            code = self._level_key(str(key), first_key)
            if code is None or value is None or not isinstance(value, str):
                continue  # unknown key reported; an empty value is "not rated"; a non-string E002
            level = by_fold.get(fold(value))
            if level is None:
                suggestion = nearest(value, levels)
                self.findings.append(
                    e004.RULE.finding(
                        f"Niveau « {value} » inconnu pour {self._name(code)}.",
                        self.doc.locate(["niveaux", key]),
                        f"Vouliez-vous dire « {suggestion} » ?"
                        if suggestion
                        else f"Niveaux de la grille : {', '.join(levels)}.",
                    )
                )
                continue
            result[code] = level
            if level != levels[0] and not self._has_evidence(code):
                self.findings.append(
                    e006.RULE.finding(
                        self._no_evidence_message(code, level),
                        self.doc.locate(["niveaux", key]),
                        "Si la compétence n'a pas été mise en œuvre, le niveau est "
                        f"« {levels[0]} ».",
                    )
                )
        return result

    def _level_key(self, key: str, first_key: dict[str, str]) -> str | None:
        """The competency code (or TEAM) a key of `niveaux` names; None after a finding."""
        where = self.doc.locate_key(["niveaux", key])
        referential = self.dossier.referential
        if fold(key) == TEAM:
            code = TEAM
        else:
            resolved = referential.resolve(key)
            if resolved is None:
                suggestion = referential.suggest(key)
                self.findings.append(
                    e005.RULE.finding(
                        f"« {key} » n'est pas une compétence du bloc {referential.block_number}.",
                        where,
                        f"Vouliez-vous dire « {suggestion} » ?"
                        if suggestion
                        else "Clés possibles : equipe, "
                        + ", ".join(c.code for c in referential.competences)
                        + ".",
                    )
                )
                return None
            if resolved.item is not None:
                self.findings.append(
                    e005.RULE.finding(
                        f"« {key} » est un item de {resolved.competence} : la grille donne un "
                        "niveau par compétence, pas par item.",
                        where,
                        f"Écrivez le niveau de la compétence : « {resolved.competence}: … ».",
                    )
                )
                return None
            code = resolved.competence
        if code in first_key:
            self.findings.append(
                e005.RULE.finding(
                    f"Deux niveaux pour {self._name(code)} (« {first_key[code]} » et « {key} »).",
                    where,
                    "Gardez une seule ligne par compétence.",
                )
            )
            return None
        first_key[code] = key
        return code

    def _has_evidence(self, code: str) -> bool:
        if code == TEAM:
            return any(r.modalite == "equipe" for r in self.dossier.realisations)
        if self.coverage is None or code not in self.coverage.competences:
            return False
        return self.coverage.competences[code].covered

    def _name(self, code: str) -> str:
        if code == TEAM:
            return "le travail en équipe"
        return f"{code} « {self.dossier.referential.competence(code).label} »"

    def _no_evidence_message(self, code: str, level: str) -> str:
        if code == TEAM:
            return (
                f"Niveau « {level} » pour le travail en équipe, alors que le dossier n'a aucune "
                "réalisation en équipe."
            )
        return (
            f"Niveau « {level} » pour {self._name(code)}, qu'aucune réalisation du dossier ne "
            "mobilise."
        )

    def _date(self) -> dt.date | None:
        raw = self.data.get("date")
        if not isinstance(raw, str):
            return None
        parsed = parse_date(raw)
        if parsed.value is None:
            self.findings.append(
                e002.RULE.finding(
                    f"« date » : « {raw} » {parsed.error}.",
                    self.doc.locate(["date"]),
                    "Écrivez la date de l'épreuve au format AAAA-MM-JJ, par exemple 2027-05-18.",
                )
            )
        return parsed.value

    def _commission(self) -> tuple[Member, ...]:
        raw = self.data.get("commission")
        if not isinstance(raw, list):
            return ()
        members = []
        for entry in raw:
            if isinstance(entry, dict) and _text(entry.get("nom")):
                members.append(Member(_text(entry.get("nom")) or "", _text(entry.get("qualite"))))
        return tuple(members)

    def _candidate(self) -> None:
        raw = self.data.get("candidat")
        if not isinstance(raw, dict):
            return
        cand = self.dossier.candidat
        pairs = (
            ("numero", cand.numero, lambda a, b: a.strip() == b.strip(), "numéro"),
            ("nom", cand.nom, lambda a, b: fold(a) == fold(b), "nom"),
            ("prenom", cand.prenom, lambda a, b: fold(a) == fold(b), "prénom"),
        )
        for key, expected, same, word in pairs:
            given = raw.get(key)
            if isinstance(given, str) and expected and not same(given, expected):
                self.findings.append(
                    e008.RULE.finding(
                        f"Cette évaluation est celle du {word} « {given} », alors que le dossier "
                        f"« {self.dossier.display} » est celui du {word} « {expected} ».",
                        self.doc.locate(["candidat", key]),
                        "Vérifiez que le fichier d'évaluation est celui de ce candidat (pour une "
                        "classe : evaluations/<dossier>.yaml).",
                    )
                )

    def _completeness(self, evaluation: Evaluation) -> None:
        referential = self.dossier.referential
        missing = [c.code for c in referential.competences if c.code not in evaluation.levels]
        if TEAM not in evaluation.levels:
            missing.insert(0, TEAM)
        has_levels = isinstance(self.data.get("niveaux"), dict)
        where = self.doc.locate_key(["niveaux"]) if has_levels else Location(self.doc.path)
        unrated_errors = any(f.code in ("E004", "E005") for f in self.findings)
        if missing and not unrated_errors:
            self.findings.append(
                e007.RULE.finding(
                    f"Sans niveau : {', '.join(missing)} ; la ligne reste vide sur la fiche.",
                    where,
                    "Donnez un niveau à chaque ligne de la grille (« Non évaluable » si la "
                    "compétence n'a pas été mise en œuvre).",
                )
            )
        if evaluation.appreciation is None:
            self.findings.append(
                e007.RULE.finding(
                    "Pas d'appréciation : le cadre « Appréciation » de la fiche reste vide.",
                    Location(self.doc.path),
                    "Ajoutez « appreciation: » avec l'appréciation motivée de la commission.",
                )
            )


def _number(value: object) -> str | None:
    """A commission number written as text ("12B") or as a YAML integer (12)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
