"""The commission's official forms, word for word, as plain data read from the referential.

A circulaire prints the evaluation grid (recto and verso) and the fiche
d'appréciation; their wording lives in the referential's `formulaires`, one
entry per circulaire, and each session names its own. The renderers only lay
these texts out: a new circulaire is a data change, never a template change.
The texts keep the circulaire's own spelling (typographic apostrophes,
« maitrise » without its circumflex), since a commission must recognise its
own form; the levels the commission writes in its evaluation file stay the
referential's `niveaux`, which these printed labels stand for, one for one.
"""

from __future__ import annotations

from typing import Any

from e4cli.util.errors import ReferentialError
from e4cli.util.record import record


def _text(value: str) -> str:
    """One printed phrase: YAML's folded lines back on one line."""
    return " ".join(value.split())


@record
class IdentityWording:
    """The identity frame the grid's recto and the fiche share."""

    name: str
    number: str
    formes: tuple[tuple[str, str], ...]  # (key, label): ponctuelle, ccf
    commission: str
    options: tuple[tuple[str, str], ...]  # (option, label): SISR, SLAM
    date: str
    blank_date: str


@record
class CriteriaWording:
    """The table at the foot of the recto: one row per criterion, one cell per level."""

    title: str
    not_assessable: str
    rows: tuple[tuple[str, ...], ...]


@record
class PenaltyWording:
    title: str
    before: str
    reference: str  # "annexe 6-4", bold italic on the form
    after: str
    line: str  # "{libelle} ({points} points de pénalité)"

    def line_for(self, label: str, points: int) -> str:
        return self.line.format(libelle=label, points=points)


@record
class RectoWording:
    members: str
    proposal_title: str
    proposal: tuple[str, ...]
    note: str
    out_of: str
    penalties: PenaltyWording
    final: str
    carry: str
    criteria: CriteriaWording


@record
class VersoLine:
    """A competency as the verso prints it."""

    title: str
    items: tuple[str, ...]
    indicators: tuple[str, ...]


@record
class VersoWording:
    levels: str
    competences: str
    indicators: str
    team: str
    lines: dict[str, VersoLine]  # competency code → its printed texts


@record
class Part:
    title: str
    observations: str


@record
class AppraisalWording:
    title: str
    parts: tuple[Part, ...]
    appreciation: str
    note: str
    out_of: str
    visa: str


@record
class OfficialForms:
    """The forms of one circulaire: grid recto and verso, fiche d'appréciation."""

    id: str
    header: tuple[str, ...]  # "annexe" and "epreuve", in the order printed under the title
    identity: IdentityWording
    levels: tuple[str, ...]  # as printed, one for each of the referential's levels
    grid_recto_title: str
    grid_verso_title: str
    recto: RectoWording
    verso: VersoWording
    appraisal: AppraisalWording


def build_forms(
    data: dict[str, Any], levels: int, competences: tuple[str, ...], source: str
) -> dict[str, OfficialForms]:
    """Every circulaire's forms of a schema-valid referential, checked against its levels
    and competencies (the schema cannot say "one cell per level", "every competency")."""
    return {
        key: _forms(key, raw, levels, competences, source)
        for key, raw in data.get("formulaires", {}).items()
    }


def _forms(
    key: str, raw: dict[str, Any], levels: int, competences: tuple[str, ...], source: str
) -> OfficialForms:
    where = f"référentiel {source}, formulaires « {key} »"
    printed = tuple(_text(level) for level in raw["niveaux"])
    if len(printed) != levels:
        raise ReferentialError(
            f"{where} : {len(printed)} niveaux imprimés pour {levels} niveaux (un pour un)"
        )
    ident = raw["identite"]
    grid = raw["grille"]
    recto, verso = grid["recto"], grid["verso"]
    crit = recto["criteres"]
    rows = tuple(tuple(_text(cell) for cell in row) for row in crit["lignes"])
    for number, row in enumerate(rows, start=1):
        if len(row) != levels - 1:
            raise ReferentialError(
                f"{where} : le critère n°{number} a {len(row)} descripteurs pour {levels} "
                "niveaux (il en faut un par niveau après le premier)"
            )
    lines = {
        code: VersoLine(
            _text(line["intitule"]),
            tuple(_text(i) for i in line["items"]),
            tuple(_text(i) for i in line["indicateurs"]),
        )
        for code, line in verso["lignes"].items()
    }
    missing = [code for code in competences if code not in lines]
    unknown = [code for code in lines if code not in competences]
    if missing or unknown:
        raise ReferentialError(
            f"{where} : le verso doit imprimer chaque compétence du bloc, une fois "
            f"(manquantes : {', '.join(missing) or 'aucune'} ; inconnues : "
            f"{', '.join(unknown) or 'aucune'})"
        )
    pen = recto["penalites"]
    sheet = raw["fiche"]
    content = sheet["contenu"]
    return OfficialForms(
        id=key,
        header=tuple(raw["entete"]),
        identity=IdentityWording(
            name=_text(ident["nom"]),
            number=_text(ident["numero"]),
            formes=tuple((k, _text(v)) for k, v in ident["formes"].items()),
            commission=_text(ident["commission"]),
            options=tuple((k, _text(v)) for k, v in ident["options"].items()),
            date=_text(ident["date"]),
            blank_date=ident["date-vide"].strip(),
        ),
        levels=printed,
        grid_recto_title=_text(grid["titre-recto"]),
        grid_verso_title=_text(grid["titre-verso"]),
        recto=RectoWording(
            members=_text(recto["membres"]),
            proposal_title=_text(recto["proposition"]["titre"]),
            proposal=tuple(_text(p) for p in recto["proposition"]["paragraphes"]),
            note=_text(recto["note"]),
            out_of=_text(recto["sur-vingt"]),
            penalties=PenaltyWording(
                _text(pen["titre"]),
                _text(pen["avant"]),
                _text(pen["renvoi"]),
                _text(pen["apres"]),
                _text(pen["ligne"]),
            ),
            final=_text(recto["note-finale"]),
            carry=_text(recto["report"]),
            criteria=CriteriaWording(_text(crit["titre"]), _text(crit["non-evaluable"]), rows),
        ),
        verso=VersoWording(
            levels=_text(verso["niveaux"]),
            competences=_text(verso["competences"]),
            indicators=_text(verso["indicateurs"]),
            team=_text(verso["equipe"]),
            lines=lines,
        ),
        appraisal=AppraisalWording(
            title=_text(sheet["titre"]),
            parts=tuple(
                Part(_text(p["titre"]), _text(p["observations"])) for p in content["parties"]
            ),
            appreciation=_text(content["appreciation"]),
            note=_text(content["note"]),
            out_of=_text(content["sur-vingt"]),
            visa=_text(content["visa"]),
        ),
    )
