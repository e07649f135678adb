"""Tables as candidates really fill them, built with openpyxl: each variant read right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from e4cli.dossier.referential import load_referential
from e4cli.importer.periods import read_period
from e4cli.importer.reader import OfficialTable, TableReadError, read_table
from e4cli.importer.ticks import read_option, read_tick
from import_support import Model, build, row

D = dt.date
X6 = ("X", None, None, None, None, None)


def read(tmp_path: Path, model: Model) -> OfficialTable:
    return read_table(build(tmp_path / "t.xlsx", model), load_referential())


# -- periods ----------------------------------------------------------------------------

PERIODS = [
    ("10/10/22 au 06/02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("11/12/2023 au 26/01/2024", D(2023, 12, 11), D(2024, 1, 26)),
    ("10/10/22 - 06/02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("10/10/22 – 06/02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("Du 10/10/22 au 06/02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("du 10/10/2022 au 06/02/2023", D(2022, 10, 10), D(2023, 2, 6)),
    ("10/10/22 Au 06/02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("10//10/22 au 06/02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("10/10/22 au 06//02/23", D(2022, 10, 10), D(2023, 2, 6)),
    ("  10/10/22   au   06/02/23  ", D(2022, 10, 10), D(2023, 2, 6)),
    ("2023-01-05 au 2023-02-01", D(2023, 1, 5), D(2023, 2, 1)),
]


@pytest.mark.parametrize(("text", "debut", "fin"), PERIODS, ids=[p[0] for p in PERIODS])
def test_period_forms_candidates_write(text: str, debut: dt.date, fin: dt.date) -> None:
    period = read_period(text)
    assert (period.debut, period.fin, period.notes, period.understood) == (debut, fin, (), True)


def test_an_excel_date_cell_is_one_day_and_noted() -> None:
    period = read_period(dt.datetime(2023, 5, 9))
    assert (period.debut, period.fin) == (D(2023, 5, 9), D(2023, 5, 9))
    assert "Excel" in period.notes[0]


def test_a_month_only_runs_from_its_first_to_its_last_day() -> None:
    assert (read_period("05/2025").debut, read_period("05/2025").fin) == (
        D(2025, 5, 1),
        D(2025, 5, 31),
    )
    both = read_period("02/2024 au 03/2024")
    assert (both.debut, both.fin) == (D(2024, 2, 1), D(2024, 3, 31))
    assert "mois sans jour" in both.notes[0]


def test_a_range_that_ends_before_it_starts_is_kept_as_written_and_noted() -> None:
    period = read_period("06/02/23 au 10/10/22")
    assert (period.debut, period.fin) == (D(2023, 2, 6), D(2022, 10, 10))
    assert period.understood and "la fin est avant le début" in period.notes[0]


@pytest.mark.parametrize("text", ["semaine 12", "10/10/22 au ?", "31/02/23 au 01/03/23", "oct."])
def test_what_is_not_a_period_is_not_guessed(text: str) -> None:
    period = read_period(text)
    assert (period.debut, period.fin, period.understood) == (None, None, False)
    assert period.raw == text and period.notes


# -- ticks and option boxes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ticked", "noted"),
    [
        ("X", True, False),
        ("x", True, False),
        (" X ", True, False),
        ("X ?", True, True),
        ("X h2", True, True),
        ("✓", True, False),
        ("?", False, True),
        ("non", False, True),
        ("", False, False),
        (None, False, False),
    ],
)
def test_tick_cells(value: object, ticked: bool, noted: bool) -> None:
    tick = read_tick(value)
    assert tick.ticked is ticked
    assert (tick.note is not None) is noted


@pytest.mark.parametrize(
    ("cells", "option"),
    [
        (["", "▢ SISR", " X SLAM"], "SLAM"),  # the fixture
        (["", "☒ SISR", "☐ SLAM"], "SISR"),  # what e4 table writes
        (["", "X SISR", "SLAM"], "SISR"),
        (["", "SISR", "x SLAM"], "SLAM"),
        (["☐ SISR   ☒ SLAM"], "SLAM"),  # both boxes in the label's cell
        (["SISR X", "SLAM"], "SISR"),  # a mark after the name
        (["SLAM"], "SLAM"),  # no boxes at all
        (["", "☒ SISR", "☒ SLAM"], None),
        (["", "☐ SISR", "☐ SLAM"], None),
    ],
)
def test_option_boxes(cells: list[str], option: str | None) -> None:
    choice = read_option(cells, ("SISR", "SLAM"))
    assert choice.option == option
    assert (choice.note is None) is (option is not None)


# -- whole tables -------------------------------------------------------------------------


def test_rows_of_every_kind_in_a_built_table(tmp_path: Path) -> None:
    table = read(
        tmp_path,
        Model(
            formation=[
                row("Inventaire GLPI", "10/10/22 au 06/02/23", "X", "x", None, None, None, None),
                row(None, None),  # an empty row between two filled ones
                row("Titre seul"),  # no period, no tick
                row("Sans croix", "07/11/22 au 08/11/22"),
                row("Sans période", None, *X6),
                row(None, "01/12/22 au 02/12/22", None, "X"),  # ticks but no title
            ],
            annee1=[row("Site vitrine", dt.datetime(2024, 5, 21), "X ?", None, "X h2")],
            annee2=[row("Supervision", "05/2025", None, None, None, None, "?", None)],
        ),
    )
    assert table.empty_rows == 1
    titles = [(r.section, r.intitule) for r in table.rows]
    assert titles == [
        ("formation", "Inventaire GLPI"),
        ("formation", "Titre seul"),
        ("formation", "Sans croix"),
        ("formation", "Sans période"),
        ("formation", None),
        ("stage-annee-1", "Site vitrine"),
        ("stage-annee-2", "Supervision"),
    ]
    glpi, alone, no_ticks, no_period, untitled, vitrine, supervision = table.rows
    assert glpi.codes() == ["B1.1", "B1.2"]
    assert (alone.codes(), alone.period.empty) == ([], True)
    assert no_ticks.codes() == [] and no_ticks.period.debut == D(2022, 11, 7)
    assert no_period.period.empty and no_period.codes() == ["B1.1"]
    assert untitled.codes() == ["B1.2"]
    assert vitrine.codes() == ["B1.1", "B1.3"]
    assert vitrine.ticks["B1.1"].note and vitrine.ticks["B1.3"].note
    assert vitrine.period.debut == vitrine.period.fin == D(2024, 5, 21)
    assert supervision.codes() == [] and supervision.ticks["B1.5"].note
    assert (supervision.period.debut, supervision.period.fin) == (D(2025, 5, 1), D(2025, 5, 31))


def test_labels_are_found_wherever_the_model_puts_them(tmp_path: Path) -> None:
    table = read(
        tmp_path,
        Model(
            top=3,
            left=2,
            other_sheet_first=True,
            sections=(
                "Réalisations en cours de formation",
                "Réalisations en milieu professionnel en cours de première année",
                "Réalisations en milieu professionnel en cours de deuxième année",
            ),
            name=("NOM et prénom :", None, "MARTIN Léa"),
            number=("N° candidat", "02248211114"),
            option=("Option :", "X SISR", "SLAM"),
            portfolio=None,
            formation=[row("A", "01/01/24 au 02/01/24", *X6)],
            annee2=[row("Dernier", "01/02/25 au 02/02/25", None, "X")],
        ),
    )
    assert table.sheet == "Tableau de synthèse"
    ident = table.identity
    assert (ident.name.nom, ident.name.prenom, ident.numero) == ("MARTIN", "Léa", "02248211114")
    assert ident.option == "SISR"
    assert ident.portfolio_url is None
    assert [(r.section, r.intitule) for r in table.rows] == [
        ("formation", "A"),
        ("stage-annee-2", "Dernier"),
    ]


@pytest.mark.parametrize(
    "portfolio",
    [
        ("Adresse URL du portfolio : https://lea.example.org/",),
        ("Adresse URL du portfolio https://lea.example.org/",),
        ("Adresse URL du portfolio :", None, "https://lea.example.org/"),
        ("Portfolio en ligne : https://lea.example.org/",),  # no official label: any URL above
    ],
)
def test_the_portfolio_url_wherever_it_sits(tmp_path: Path, portfolio: tuple[object]) -> None:
    table = read(tmp_path, Model(portfolio=portfolio, formation=[row("A", None, *X6)]))
    assert table.identity.portfolio_url == "https://lea.example.org/"


def test_names_in_every_order(tmp_path: Path) -> None:
    for text, nom, prenom in [
        ("NOM et prénom : DURAND Camille", "DURAND", "Camille"),
        ("NOM et prénom : LE GALL Anne-Marie", "LE GALL", "Anne-Marie"),
        ("NOM et prénom : Camille DURAND", "DURAND", "Camille"),
    ]:
        table = read(tmp_path, Model(name=(text,), formation=[row("A", None, *X6)]))
        assert (table.identity.name.nom, table.identity.name.prenom) == (nom, prenom)


def test_an_empty_header_is_noted_not_invented(tmp_path: Path) -> None:
    table = read(
        tmp_path,
        Model(
            name=("NOM et prénom :",),
            number=("N° candidat :",),
            centre=("Centre de formation :",),
            option=("Option :", "☐ SISR", "☐ SLAM"),
            session="SESSION",
            formation=[row("A", None, *X6)],
        ),
    )
    ident = table.identity
    assert (ident.name.nom, ident.numero, ident.centre, ident.option, ident.session) == (
        None,
        None,
        None,
        None,
        None,
    )
    text = " | ".join(n.message for n in table.notes)
    for word in ("NOM et prénom", "N° candidat", "Centre de formation", "option", "SESSION"):
        assert word in text


def test_a_candidate_number_typed_as_a_number_is_noted(tmp_path: Path) -> None:
    table = read(tmp_path, Model(number=("N° candidat :", 2248211114), formation=[row("A")]))
    assert table.identity.numero == "2248211114"
    assert any("zéros de tête" in n.message for n in table.notes)


def test_a_column_the_school_added_is_kept(tmp_path: Path) -> None:
    table = read(
        tmp_path,
        Model(
            extra_column="Modalité",
            extra_values={0: "en équipe"},
            formation=[row("A", None, *X6), row("B", None, *X6)],
        ),
    )
    first, second = table.rows
    assert [(h, t) for _, h, t in first.others] == [("Modalité", "en équipe")]
    assert second.others == []


def test_lines_under_the_title_are_its_documents(tmp_path: Path) -> None:
    title = "Serveur RADIUS\n– Procédure d'installation\n– Dépôt : https://github.com/lea/radius\n"
    table = read(tmp_path, Model(formation=[row(title, None, *X6)]))
    (only,) = table.rows
    assert only.intitule == "Serveur RADIUS"
    assert only.documents == [
        "– Procédure d'installation",
        "– Dépôt : https://github.com/lea/radius",
    ]


# -- what is not a table ------------------------------------------------------------------


def test_a_workbook_without_the_landmarks_is_refused(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Liste de courses"  # type: ignore[index]
    wb.save(tmp_path / "courses.xlsx")
    with pytest.raises(TableReadError, match="repères introuvables"):
        read_table(tmp_path / "courses.xlsx", load_referential())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.xlsx", b"not a zip", "ni un classeur"),
        ("t.xls", b"\xd0\xcf\x11\xe0", "ancien format Excel"),
        ("t.ods", b"PK", "ni un classeur"),
        ("t.pdf", b"%PDF-1.4\n%%EOF", "pas un PDF lisible|sans texte"),
    ],
)
def test_files_that_are_not_tables(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(TableReadError, match=message):
        read_table(tmp_path / name, load_referential())


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TableReadError, match="introuvable"):
        read_table(tmp_path / "absent.xlsx", load_referential())
