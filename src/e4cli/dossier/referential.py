"""The competency framework (referential), loaded from data.

A referential is a YAML file under `dossier/referentiels/`, validated against
`schemas/referentiel.schema.json` when loaded: a new reform is a new file.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from e4cli.dossier.e6 import E6Referential, build_e6
from e4cli.dossier.forms import OfficialForms, build_forms
from e4cli.util.errors import ReferentialError
from e4cli.util.record import record
from e4cli.util.resources import load_schema, referentials_dir
from e4cli.util.textnorm import fold, nearest

DEFAULT_ID = "bts-sio-2019"


@record
class Item:
    code: str
    label: str


@record
class Competence:
    code: str
    label: str
    aliases: tuple[str, ...]
    items: tuple[Item, ...]
    indicators: str


@record
class SessionLabels:
    epreuve: str
    unite: str
    title: str
    annex_table: str
    annex_grid: str
    annex_appraisal: str
    forms: OfficialForms  # the commission's forms this session's circulaire prints


@record
class StageRule:
    weeks: float | None
    floor: float | None
    proof: str
    rule: str


@record
class Resolved:
    """A competency reference resolved to its competency and, if any, its item."""

    competence: str
    item: str | None


@record
class Referential:
    id: str
    diploma: str
    block_number: int
    block_label: str
    competences: tuple[Competence, ...]
    sections: dict[str, str]
    team_label: str
    levels: tuple[str, ...]
    stage_rules: dict[str, StageRule]
    forms: dict[str, OfficialForms]  # by id; each session names its own
    _sessions: tuple[dict[str, Any], ...]
    _lookup: dict[str, Resolved]
    e6: E6Referential | None = None  # bloc 2 of each option and the fiche descriptive (E6)

    def session_labels(self, session: int | None) -> SessionLabels:
        """Labels for a session; the most recent range when the session is unknown."""
        chosen = self._sessions[-1]
        if session is not None:
            for entry in self._sessions:
                if entry["de"] <= session <= entry.get("a", 10_000):
                    chosen = entry
                    break
            else:
                if session < self._sessions[0]["de"]:
                    chosen = self._sessions[0]
        annexes = chosen["annexes"]
        return SessionLabels(
            chosen["epreuve"],
            chosen["unite"],
            chosen["intitule"],
            annexes["tableau"],
            annexes["grille"],
            annexes["fiche"],
            self.forms[chosen["formulaires"]],
        )

    def competence(self, code: str) -> Competence:
        return next(c for c in self.competences if c.code == code)

    def resolve(self, reference: str) -> Resolved | None:
        """A code (B1.3), an item code (B1.3.2), a label or an alias; None if unknown."""
        return self._lookup.get(fold(reference))

    def code_of(self, reference: str) -> str | None:
        """The exact code (item or competency) a reference stands for; None if unknown."""
        found = self.resolve(reference)
        return None if found is None else found.item or found.competence

    def suggest(self, reference: str) -> str | None:
        codes = [c.code for c in self.competences]
        codes += [i.code for c in self.competences for i in c.items]
        codes += [a for c in self.competences for a in c.aliases]
        if re.match(r"^\s*[A-Za-z]\d", reference):
            return nearest(reference, codes, cutoff=0.5)
        labels = [c.label for c in self.competences] + [
            i.label for c in self.competences for i in c.items
        ]
        return nearest(reference, codes + labels, cutoff=0.5)


def available() -> list[str]:
    return sorted(p.stem for p in referentials_dir().glob("*.yaml"))


@cache
def load_referential(ref_id: str = DEFAULT_ID) -> Referential:
    path = referentials_dir() / f"{ref_id}.yaml"
    if not path.is_file():
        raise ReferentialError(
            f"référentiel « {ref_id} » inconnu (disponibles : {', '.join(available())})"
        )
    try:
        raw = path.read_bytes()
        compiled = _compiled(path, raw)
        if compiled is not None:  # validated when it was generated, from these very bytes
            return build_referential(compiled, source=str(path), validated=True)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster
        data = yaml.load(raw.decode("utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ReferentialError(f"référentiel {path} illisible : {exc}") from exc
    return build_referential(data, source=str(path))


def _compiled(path: Path, raw: bytes) -> Any:
    """The data of `ID.json` beside the YAML (check/compile_schemas.py), if made from `raw`."""
    import json

    from e4cli.util.cache import digest

    try:
        entry = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("source_sha256") != digest(raw):
        return None  # absent, or made from another version of the YAML: read the YAML
    return entry.get("data")


def build_referential(
    data: Any, source: str = "<référentiel>", *, validated: bool = False
) -> Referential:
    """Validate referential data against its schema (unless already done) and build the model."""
    if not validated and not _valid_fast(data):
        _refuse(data, source)
    competences = tuple(
        Competence(
            code=c["code"],
            label=" ".join(c["intitule"].split()),
            aliases=tuple(c.get("alias", [])),
            items=tuple(
                Item(f"{c['code']}.{n}", " ".join(label.split()))
                for n, label in enumerate(c["items"], start=1)
            ),
            indicators=" ".join(c.get("indicateurs", "").split()),
        )
        for c in data["competences"]
    )
    lookup: dict[str, Resolved] = {}
    for comp in competences:
        whole = Resolved(comp.code, None)
        for key in (comp.code, comp.label, *comp.aliases):
            _register(lookup, key, whole, source)
        for item in comp.items:
            _register(lookup, item.code, Resolved(comp.code, item.code), source)
            lookup.setdefault(fold(item.label), Resolved(comp.code, item.code))
    stage_rules = {
        statut: StageRule(
            weeks=rule.get("semaines"),
            floor=rule.get("plancher"),
            proof=rule["justificatif"],
            rule=" ".join(rule["regle"].split()),
        )
        for statut, rule in data["stages"].items()
    }
    forms = build_forms(
        data, len(data.get("niveaux", [])), tuple(c.code for c in competences), source
    )
    for entry in data["sessions"]:
        if entry["formulaires"] not in forms:
            raise ReferentialError(
                f"référentiel {source} : la session {entry['de']} cite les formulaires "
                f"« {entry['formulaires']} », absents de « formulaires »"
            )
    return Referential(
        id=data["id"],
        diploma=data["diplome"],
        block_number=data["bloc"]["numero"],
        block_label=data["bloc"]["intitule"],
        competences=competences,
        sections=dict(data["sections"]),
        team_label=" ".join(data.get("equipe", "").split()),
        levels=tuple(data.get("niveaux", [])),
        stage_rules=stage_rules,
        forms=forms,
        _sessions=tuple(sorted(data["sessions"], key=lambda s: s["de"])),
        _lookup=lookup,
        e6=build_e6(data, source),
    )


def _valid_fast(data: Any) -> bool:
    """The schema's compiled check (`check/compiled/`): no jsonschema import when valid."""
    from e4cli.check.compiled import referentiel_schema

    try:
        referentiel_schema.validate(data)  # type: ignore[no-untyped-call]
    except ValueError:
        return False
    return True


def _refuse(data: Any, source: str) -> None:
    """Raise the first error jsonschema finds (the compiled check only says yes or no)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema("referentiel.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(racine)"
        raise ReferentialError(f"référentiel {source} invalide à « {where} » : {errors[0].message}")


def _register(lookup: dict[str, Resolved], key: str, value: Resolved, source: str) -> None:
    folded = fold(key)
    if folded in lookup and lookup[folded] != value:
        raise ReferentialError(f"référentiel {source} : « {key} » désigne deux compétences")
    lookup[folded] = value
