"""Build official-like synthesis tables with openpyxl, in the variants real files come in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Border, Side

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "tableau-e4-2024-slam.xlsx"
COMPETENCES = (
    ("B1.1", "Gérer le patrimoine informatique"),
    ("B1.2", "Répondre aux incidents et aux demandes d’assistance et d’évolution"),
    ("B1.3", "Développer la présence en ligne de l’organisation"),
    ("B1.4", "Travailler en mode projet"),
    ("B1.5", "Mettre à disposition des utilisateurs un service informatique"),
    ("B1.6", "Organiser son développement professionnel"),
)
SECTIONS = (
    "Réalisation en cours de formation",
    "Réalisations en milieu professionnel en cours de première année",
    "Réalisations en milieu professionnel en cours de seconde année",
)
THIN = Side(style="thin")

# A row of the table as a test writes it: title, period, then one value per competency.
Cells = Sequence[object]


@dataclass
class Model:
    """What to put in a built model; every field is one of the variants the reader meets."""

    formation: list[Cells] = field(default_factory=list)
    annee1: list[Cells] = field(default_factory=list)
    annee2: list[Cells] = field(default_factory=list)
    session: str | None = "SESSION 2025"
    name: Sequence[object] = ("NOM et prénom : MARTIN Léa",)  # the label cell, then cells after
    number: Sequence[object] = ("N° candidat : 02248211114",)
    centre: Sequence[object] = ("Centre de formation : Lycée Félix Le Dantec",)
    option: Sequence[object] = ("Option :", "☐ SISR", "☒ SLAM")
    portfolio: Sequence[object] | None = ("Adresse URL du portfolio : https://lea.example.org/",)
    sections: Sequence[str] = SECTIONS
    top: int = 0  # blank rows above the title
    left: int = 0  # blank columns before the table
    extra_column: str | None = None  # a column the school added after the competencies
    extra_values: dict[int, str] = field(default_factory=dict)  # (row index in table) → value
    sheet_title: str = "Tableau de synthèse"
    other_sheet_first: bool = False


def build(path: Path, model: Model) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if model.other_sheet_first:
        ws.title = "Consignes"
        ws["A1"] = "Remplir le tableau de l'onglet suivant."
        ws = wb.create_sheet(model.sheet_title)
    else:
        ws.title = model.sheet_title
    c0 = 1 + model.left
    r = 1 + model.top
    ws.cell(r, c0, "BTS SERVICES INFORMATIQUES AUX ORGANISATIONS")
    if model.session is not None:
        ws.cell(r, c0 + 6, model.session)
    ws.cell(r + 1, c0, "Tableau de synthèse des réalisations professionnelles")
    _line(ws, r + 2, c0, model.name)
    _line(ws, r + 2, c0 + 5, model.number)
    _line(ws, r + 3, c0, model.centre)
    _line(ws, r + 3, c0 + 5, model.option)
    r += 4
    if model.portfolio is not None:
        _line(ws, r, c0, model.portfolio)
        r += 1
    ws.cell(r, c0, "Compétences mises en œuvre\n\n\nRéalisations professionnelles")
    ws.cell(r, c0 + 1, "Période (sous la forme du JJ/MM/AA au JJ/MM/AA)")
    for index, (_, label) in enumerate(COMPETENCES):
        ws.cell(r, c0 + 2 + index, label)
        ws.cell(r + 1, c0 + 2 + index, "▸item un\n▸item deux")
    last_col = c0 + 7
    if model.extra_column:
        last_col += 1
        ws.cell(r, last_col, model.extra_column)
    r += 2
    index = 0
    sections = (model.formation, model.annee1, model.annee2)
    for label, rows in zip(model.sections, sections, strict=False):
        ws.cell(r, c0, label)
        r += 1
        for cells in rows:
            for offset, value in enumerate(cells):
                if value is not None:
                    ws.cell(r, c0 + offset, value)
            if model.extra_column and index in model.extra_values:
                ws.cell(r, last_col, model.extra_values[index])
            for c in range(c0, last_col + 1):
                ws.cell(r, c).border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            index += 1
            r += 1
    ws.cell(r + 2, c0, "Fait à Lannion, le 2 avril")  # a line under the table, not drawn
    wb.save(path)
    return path


def _line(ws: object, row: int, col: int, cells: Sequence[object]) -> None:
    for offset, value in enumerate(cells):
        if value is not None:
            ws.cell(row, col + offset, value)  # type: ignore[attr-defined]


def row(title: object, period: object = None, *ticks: object) -> list[object]:
    """A table row: ticks given in competency order (None for an empty cell)."""
    return [title, period, *ticks]
