"""The dossier as typed data; every value can say where it was written.

The model is built leniently from data that may have broken the schema: a
value of the wrong type is simply absent here (the schema already reported
it), so rules never see a value they cannot use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import Any

from e4cli.dossier.e6 import Resolved2
from e4cli.dossier.referential import Referential, Resolved
from e4cli.dossier.yamlsource import PathElem, YamlDocument
from e4cli.rules.findings import Location
from e4cli.util.record import record


@record(frozen=False)
class Anchor:
    """A position in a YAML document from which sub-values are located."""

    doc: YamlDocument
    base: tuple[PathElem, ...] = ()

    def at(self, *keys: PathElem) -> Location:
        return self.doc.locate([*self.base, *keys])

    def key(self, *keys: PathElem) -> Location:
        return self.doc.locate_key([*self.base, *keys])

    def has(self, *keys: PathElem) -> bool:
        return self.doc.has([*self.base, *keys])

    def written_as(self, *keys: PathElem) -> type | None:
        """The type of the value written at `keys` (dict, list, str…), None when absent.

        Rules use it to stay silent on a value of the wrong type, which the schema reports.
        """
        value: Any = self.doc.data
        for key in (*self.base, *keys):
            found = (isinstance(value, dict) and key in value) or (
                isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value)
            )
            if not found:
                return None
            value = value[key]
        return type(value)

    @property
    def path(self) -> str:
        return self.doc.path


@record(frozen=False)
class Stage:
    id: str
    index: int
    organisation: str | None
    annee: int | None
    debut: dt.date | None
    fin: dt.date | None
    attestation: str | None
    anchor: Anchor

    @property
    def label(self) -> str:
        return f"{self.id} ({self.organisation})" if self.organisation else self.id


@record(frozen=False)
class CompetenceRef:
    raw: str
    index: int
    resolved: Resolved | None


@record(frozen=False)
class Production:
    titre: str | None
    fichier: str | None
    url: str | None
    index: int


@record(frozen=False)
class E6Ref:
    """A bloc 2 reference of an `e6:` block, resolved against the candidate's option."""

    raw: str
    index: int
    resolved: Resolved2 | None
    other_option: str | None = None  # unresolved here, but a bloc 2 reference of this option
    other: Resolved2 | None = None  # … and what it is there
    bloc1: bool = False  # unresolved here, but a bloc 1 reference


DESCRIPTIF_SUFFIXES = (".md", ".markdown")


@record(frozen=False)
class E6Part:
    """The `e6:` block of a réalisation chosen for épreuve E6: what its fiche descriptive adds.

    `descriptif` is the verso as the candidate wrote it: Markdown, or (one line ending
    in .md) the path of a Markdown file of the dossier, then in `descriptif_path`.
    """

    numero: int | None
    competences: list[E6Ref]
    conditions: str | None
    ressources: str | None
    acces: str | None
    lieu: str | None
    descriptif: str | None
    anchor: Anchor  # at the `e6` block

    @property
    def descriptif_path(self) -> str | None:
        text = self.descriptif
        if text is None or "\n" in text or not text.lower().endswith(DESCRIPTIF_SUFFIXES):
            return None
        return text

    def competence_codes(self) -> set[str]:
        return {c.resolved.competence for c in self.competences if c.resolved}

    def item_codes(self) -> set[str]:
        return {c.resolved.item for c in self.competences if c.resolved and c.resolved.item}


@record(frozen=False)
class Realisation:
    id: str
    file: str
    intitule: str | None
    cadre: str | None
    stage: str | None
    debut: dt.date | None
    fin: dt.date | None
    competences: list[CompetenceRef]
    modalite: str
    contribution: str | None
    description: str | None
    technologies: list[str]
    productions: list[Production]
    page: str | None
    anchor: Anchor
    e6: E6Part | None = None  # chosen for épreuve E6, with what its fiche descriptive adds

    @property
    def label(self) -> str:
        return f"« {self.intitule} »" if self.intitule else self.id

    def competence_codes(self) -> set[str]:
        return {c.resolved.competence for c in self.competences if c.resolved}

    def item_codes(self) -> set[str]:
        return {c.resolved.item for c in self.competences if c.resolved and c.resolved.item}



PLACEHOLDER = "À COMPLÉTER"  # how `e4 init` and `e4 import` mark what only the candidate writes


def full_name(nom: str | None, prenom: str | None) -> str:
    """« NOM Prénom », as the official forms write the candidate: the family name in capitals.

    A part still « À COMPLÉTER » (a fresh `e4 init`) is shown once, as a placeholder, never
    in capitals nor repeated: « (nom et prénom à compléter) », « MARTIN (prénom à compléter) ».
    """
    todo_nom = nom is not None and nom.lstrip().startswith(PLACEHOLDER)
    todo_prenom = prenom is not None and prenom.lstrip().startswith(PLACEHOLDER)
    if todo_nom and todo_prenom:
        return "(nom et prénom à compléter)"
    parts = [
        "(nom à compléter)" if todo_nom else (nom or "").upper(),
        "(prénom à compléter)" if todo_prenom else prenom or "",
    ]
    return " ".join(part for part in parts if part)


@record(frozen=False)
class Candidate:
    nom: str | None = None
    prenom: str | None = None
    numero: str | None = None
    option: str | None = None
    statut: str = "scolaire"
    # `numero: 02271634506` unquoted: YAML reads a number (here the octal 317143366); `numero`
    # keeps the digits as written, and this is what YAML made of them (S001 reports it)
    numero_read_as: int | float | None = None

    @property
    def full_name(self) -> str:
        return full_name(self.nom, self.prenom)


@record(frozen=False)
class Dossier:
    root: Path
    display: str
    manifest: Anchor | None
    referential: Referential
    session: int | None = None
    candidat: Candidate = field(default_factory=Candidate)
    centre: str | None = None
    forme: str | None = None
    date_limite: dt.date | None = None
    portfolio_url: str | None = None
    portfolio_dir: str = "portfolio"
    portfolio_dir_declared: bool = False
    tableau: str | None = None
    realisations_dir: str = "realisations"
    stages: list[Stage] = field(default_factory=list)
    realisations: list[Realisation] = field(default_factory=list)

    @property
    def stages_unread(self) -> bool:
        """True when `stages` is not a list, or one of its entries not a block of keys.

        The schema reports it (S001); rules about all the stages (total weeks, which stage
        a réalisation names, whether any attestation is joined) then keep silent.
        """
        if self.manifest is None:
            return False
        written = self.manifest.written_as("stages")
        return written not in (None, list) or self.manifest.has("stages", len(self.stages))

    def e6_realisations(self) -> list[Realisation]:
        """The réalisations with an `e6:` block, by their `numero` (unnumbered last)."""
        chosen = [r for r in self.realisations if r.e6 is not None]
        return sorted(chosen, key=lambda r: (r.e6.numero if r.e6 and r.e6.numero else 99))

    def stage_by_id(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)
