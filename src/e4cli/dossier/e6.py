"""Bloc 2 of each option and the fiche descriptive of épreuve E6, as data from the referential.

The E6 dossier (E5 up to session 2024) rests on two réalisations which, together,
mobilise every competency of bloc 2 of the candidate's option; each has its fiche
descriptive, printed on the circulaire's model. The competencies, the épreuve's
number and the fiche's annex per session, and every printed phrase of the fiche
live in the referential's `bloc2`: a new circulaire is a data change.
"""

from __future__ import annotations

import re
from typing import Any

from e4cli.util.errors import ReferentialError
from e4cli.util.record import record
from e4cli.util.textnorm import fold, nearest

OPTIONS = ("SISR", "SLAM")


def _text(value: str) -> str:
    """One printed phrase: YAML's folded lines back on one line."""
    return " ".join(value.split())


@record
class Item2:
    code: str
    label: str


@record
class Competence2:
    code: str
    label: str
    aliases: tuple[str, ...]
    items: tuple[Item2, ...]


@record
class Resolved2:
    """A bloc 2 reference resolved to its competency and, if any, its item."""

    competence: str
    item: str | None


@record
class Block2:
    """Bloc 2 of one option."""

    option: str  # SISR or SLAM
    label: str  # "Administration des systèmes et des réseaux"
    option_label: str  # "Solutions d’infrastructure, systèmes et réseaux"
    competences: tuple[Competence2, ...]
    _lookup: dict[str, Resolved2]

    def resolve(self, reference: str) -> Resolved2 | None:
        """A code (B2.1), an item code (B2.1.3), a label or an alias; None if unknown."""
        return self._lookup.get(fold(reference))

    def competence(self, code: str) -> Competence2:
        return next(c for c in self.competences if c.code == code)

    def suggest(self, reference: str) -> str | None:
        codes = [c.code for c in self.competences]
        codes += [i.code for c in self.competences for i in c.items]
        codes += [a for c in self.competences for a in c.aliases]
        if re.match(r"^\s*[A-Za-z]\d", reference):
            return nearest(reference, codes, cutoff=0.5)
        labels = [c.label for c in self.competences]
        labels += [i.label for c in self.competences for i in c.items]
        return nearest(reference, codes + labels, cutoff=0.5)

    def describe(self, resolved: Resolved2) -> str:
        """« B2.1 Concevoir … » or « B2.1.3 Élaborer … »: how a reference reads in a message."""
        comp = self.competence(resolved.competence)
        if resolved.item is None:
            return f"{comp.code} « {comp.label} »"
        item = next(i for i in comp.items if i.code == resolved.item)
        return f"{item.code} « {item.label} »"


@record
class FicheWording:
    """Every phrase the fiche descriptive prints, with {placeholders} still in the titles."""

    epreuve: str
    session: str
    recto_title: str
    verso_title: str
    verso_subtitle: str
    description: str
    number: str
    name: str
    candidate: str
    formes: tuple[tuple[str, str], ...]  # (key, label): ponctuelle, ccf
    date: str
    blank_date: str
    organisation: str
    title: str
    period: str
    place: str
    modality: str
    alone: str
    team: str
    competences: str
    conditions: str
    conditions_more: str
    resources: str
    access: str
    access_more: str
    descriptif: str
    notes: tuple[str, ...]


@record
class E6Labels:
    """The épreuve and the fiche's annex for one session and option, titles filled in."""

    session: int | None
    epreuve: str
    annex: str
    block: Block2
    wording: FicheWording

    def fill(self, text: str) -> str:
        return text.format(
            epreuve=self.epreuve,
            intitule=self.block.label,
            option=self.block.option,
            annexe=self.annex,
            session=self.session if self.session is not None else "",
        )

    @property
    def epreuve_line(self) -> str:
        return self.fill(self.wording.epreuve)

    @property
    def session_line(self) -> str:
        return self.fill(self.wording.session).strip()

    @property
    def recto_title(self) -> str:
        return self.fill(self.wording.recto_title)

    @property
    def verso_title(self) -> str:
        return self.fill(self.wording.verso_title)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(self.fill(note) for note in self.wording.notes)


@record
class E6Referential:
    number: int
    blocks: dict[str, Block2]  # by option
    wording: FicheWording
    _sessions: tuple[dict[str, Any], ...]

    def block(self, option: str | None) -> Block2 | None:
        return self.blocks.get(option) if option is not None else None

    def labels(self, session: int | None, option: str) -> E6Labels:
        """The épreuve and annex of a session; the latest range when the session is unknown,
        the earliest before the first; a later session follows the latest range."""
        chosen = self._sessions[-1]
        if session is not None:
            for entry in self._sessions:
                if entry["de"] <= session <= entry.get("a", 10_000):
                    chosen = entry
                    break
            else:
                if session < self._sessions[0]["de"]:
                    chosen = self._sessions[0]
        return E6Labels(
            session, chosen["epreuve"], chosen["annexes"][option], self.blocks[option], self.wording
        )


def build_e6(data: dict[str, Any], source: str) -> E6Referential | None:
    """The `bloc2` part of a schema-valid referential; None when it has none."""
    raw = data.get("bloc2")
    if raw is None:
        return None
    blocks = {option: _block(option, raw["options"][option], source) for option in OPTIONS}
    f = raw["fiche"]
    wording = FicheWording(
        epreuve=_text(f["epreuve"]),
        session=_text(f["session"]),
        recto_title=_text(f["titre-recto"]),
        verso_title=_text(f["titre-verso"]),
        verso_subtitle=_text(f["sous-titre-verso"]),
        description=_text(f["description"]),
        number=_text(f["numero"]),
        name=_text(f["nom"]),
        candidate=_text(f["candidat"]),
        formes=tuple((k, _text(v)) for k, v in f["formes"].items()),
        date=_text(f["date"]),
        blank_date=f["date-vide"].strip(),
        organisation=_text(f["organisation"]),
        title=_text(f["intitule"]),
        period=_text(f["periode"]),
        place=_text(f["lieu"]),
        modality=_text(f["modalite"]),
        alone=_text(f["seul"]),
        team=_text(f["equipe"]),
        competences=_text(f["competences"]),
        conditions=_text(f["conditions"]),
        conditions_more=_text(f["conditions-suite"]),
        resources=_text(f["ressources"]),
        access=_text(f["acces"]),
        access_more=_text(f["acces-suite"]),
        descriptif=_text(f["descriptif"]),
        notes=tuple(_text(n) for n in f["notes"]),
    )
    return E6Referential(
        raw["numero"], blocks, wording, tuple(sorted(raw["sessions"], key=lambda s: s["de"]))
    )


def _block(option: str, raw: dict[str, Any], source: str) -> Block2:
    competences = tuple(
        Competence2(
            c["code"],
            _text(c["intitule"]),
            tuple(c.get("alias", [])),
            tuple(Item2(f"{c['code']}.{n}", _text(label)) for n, label in enumerate(c["items"], 1)),
        )
        for c in raw["competences"]
    )
    lookup: dict[str, Resolved2] = {}
    for comp in competences:
        whole = Resolved2(comp.code, None)
        for key in (comp.code, comp.label, *comp.aliases):
            folded = fold(key)
            if folded in lookup and lookup[folded] != whole:
                raise ReferentialError(
                    f"référentiel {source} : « {key} » désigne deux compétences du bloc 2 {option}"
                )
            lookup[folded] = whole
        for item in comp.items:
            lookup[fold(item.code)] = Resolved2(comp.code, item.code)
            lookup.setdefault(fold(item.label), Resolved2(comp.code, item.code))
    return Block2(option, _text(raw["intitule"]), _text(raw["option"]), competences, lookup)
