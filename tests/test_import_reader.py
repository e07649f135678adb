"""The reader on the real filled official model (session 2024, SLAM), row by row."""

from __future__ import annotations

import datetime as dt

import pytest

from e4cli.dossier.referential import load_referential
from e4cli.importer.reader import OfficialTable, read_table
from import_support import FIXTURE

D = dt.date
# Every row of the fixture as a reader must see it: section, sheet row, intitulé,
# période (start, end) and the competencies ticked. Written from the sheet itself.
EXPECTED = [
    ("formation", 9, "Création d'une entreprise fictive virtuelle (AP-1)",
     (D(2022, 10, 10), D(2023, 2, 6)), ["B1.3"]),
    ("formation", 10, "Répondre aux problèmatiques de M2L (AP-2)",
     (D(2023, 2, 6), D(2023, 4, 1)), ["B1.5"]),
    ("formation", 11, "Mise en place d'un outil de gestion de projet",
     (D(2022, 10, 10), D(2023, 2, 6)), ["B1.4"]),
    ("formation", 12, "Création d'un profil LinkedIn",
     (D(2022, 11, 7), D(2022, 11, 7)), ["B1.6"]),
    ("formation", 13, "Inventaire des équipements réseaux",
     (D(2022, 11, 8), D(2022, 11, 8)), ["B1.1"]),
    ("formation", 14, "Mettre en place un outil de veille technologique",
     (D(2022, 10, 10), D(2024, 5, 3)), ["B1.6"]),
    ("formation", 15, "Developpement d'un site E-commerce en ReactJS et Node.js",
     (D(2023, 10, 24), D(2024, 1, 15)), ["B1.5"]),
    ("formation", 16, "Portfolio : créer un site personnel",
     (D(2023, 3, 3), D(2024, 5, 1)), ["B1.6"]),
    ("formation", 17, "Développement d'une API (NodeJs)",
     (D(2023, 11, 7), D(2024, 1, 15)), ["B1.1", "B1.3", "B1.5"]),
    ("formation", 18, "Installation et configuration d'un outil d'inventaire et ticketing (GLPI)",
     (D(2022, 11, 21), D(2022, 11, 21)), ["B1.1", "B1.2", "B1.4", "B1.5"]),
    ("formation", 19, "Développement d’une application mobile de gestion de produits en Flutter",
     (None, None), []),
    ("formation", 20, "Création d'une Base de données MySQL", (None, None), ["B1.1"]),
    ("stage-annee-1", 22, "Développement d'un site vitrine en HTML, CSS, JavaScript",
     (D(2023, 5, 9), D(2023, 6, 27)), ["B1.3", "B1.4", "B1.5"]),
    ("stage-annee-1", 23,
     "Développement d'une application de calcul HTML, CSS, JavaScript (TimeHebdo)",
     (D(2023, 5, 9), D(2023, 6, 27)), ["B1.5"]),
    ("stage-annee-2", 25, "Implémentation d'une API REST",
     (D(2023, 12, 11), D(2024, 1, 26)), ["B1.4", "B1.5"]),
    ("stage-annee-2", 26, "Migration des composants AngularJS vers Angular2+",
     (D(2023, 10, 13), D(2023, 11, 1)), ["B1.4", "B1.5"]),
    ("stage-annee-2", 27, "Hybridation angularJS et angular 2+", (None, None), []),
    ("stage-annee-2", 28, "Projet NoSQL", (None, None), []),
]  # fmt: skip


@pytest.fixture(scope="module")
def table() -> OfficialTable:
    return read_table(FIXTURE, load_referential())


def test_the_fixture_has_eighteen_rows_in_the_three_sections(table: OfficialTable) -> None:
    assert len(table.rows) == len(EXPECTED) == 18
    assert [len(table.rows_of(k)) for k in ("formation", "stage-annee-1", "stage-annee-2")] == [
        12,
        2,
        4,
    ]
    assert table.sheet == "Tableau de synthèse Épreuve E4"


@pytest.mark.parametrize("index", range(len(EXPECTED)), ids=[str(e[1]) for e in EXPECTED])
def test_each_row_of_the_fixture_reads_as_written(table: OfficialTable, index: int) -> None:
    section, sheet_row, title, period, ticks = EXPECTED[index]
    row = table.rows[index]
    assert (row.section, row.sheet_row) == (section, sheet_row)
    assert row.intitule == title
    assert row.documents == []  # "…(AP-2)\n" has a trailing line break, not a document
    assert (row.period.debut, row.period.fin) == period
    assert row.codes() == ticks
    assert row.period.notes == ()  # every filled period of the fixture is a plain range
    assert all(t.note is None for t in row.ticks.values())  # "X" and "x" both tick


def test_lower_case_x_ticks_like_upper_case(table: OfficialTable) -> None:
    api = next(r for r in table.rows if r.sheet_row == 17)
    assert api.ticks["B1.3"].raw == "x" and api.ticks["B1.3"].ticked


def test_four_digit_years_of_the_fixture(table: OfficialTable) -> None:
    api = next(r for r in table.rows if r.sheet_row == 25)
    assert api.period.raw == "11/12/2023 au 26/01/2024"
    assert (api.period.debut, api.period.fin) == (D(2023, 12, 11), D(2024, 1, 26))


def test_the_fixture_header_lines(table: OfficialTable) -> None:
    ident = table.identity
    assert ident.name_text == "DURAND Camille"
    assert (ident.name.nom, ident.name.prenom) == ("DURAND", "Camille")
    assert ident.numero == "01234567890"  # leading zero kept
    assert ident.centre == "Centre de formation exemple"
    assert ident.option == "SLAM"  # '▢ SISR' / ' X SLAM'
    assert ident.portfolio_url == "https://candidat-exemple.github.io/portfolio/"
    assert ident.session == 2024
    assert table.notes == []
