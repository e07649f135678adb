"""The table model: what each format shows is decided once, from the loaded dossier."""

from __future__ import annotations

from pathlib import Path

from e4cli.table.source import load_table
from table_support import build_dossier, realisation, standard_realisations


def test_each_realisation_lands_in_its_section_in_file_name_order(tmp_path: Path) -> None:
    root = build_dossier(
        tmp_path / "d",
        {
            "03-stage2": realisation("C", cadre="stage", stage="stage2"),
            "01-formation": realisation("A"),
            "02-stage1": realisation("B", cadre="stage", stage="stage1"),
            "00-formation": realisation("Z"),
        },
    )
    model = load_table(root).model
    assert model is not None
    assert [s.key for s in model.sections] == ["formation", "stage-annee-1", "stage-annee-2"]
    assert [s.label for s in model.sections] == [
        "Réalisation en cours de formation",
        "Réalisations en milieu professionnel en cours de première année",
        "Réalisations en milieu professionnel en cours de seconde année",
    ]
    assert [[r.intitule for r in s.rows] for s in model.sections] == [["Z", "A"], ["B"], ["C"]]
    assert model.missing == ()


def test_ticks_are_per_competency_and_an_item_ticks_its_competency(tmp_path: Path) -> None:
    root = build_dossier(
        tmp_path / "d",
        {"01": realisation("A", competences=["B1.1.5", "projet", "B1.6", "B1.6.2"])},
    )
    model = load_table(root).model
    assert model is not None
    (row,) = model.sections[0].rows
    assert [c.code for c in model.columns] == ["B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6"]
    assert row.ticks == (True, False, False, True, False, True)
    assert row.items == ("B1.1.5", "B1.6.2")
    assert model.columns[0].items[4] == ("B1.1.5", "Gérer des sauvegardes")


def test_period_is_written_jj_mm_aa_au_jj_mm_aa(tmp_path: Path) -> None:
    root = build_dossier(
        tmp_path / "d", {"01": realisation("A", debut="2025-01-06", fin="2025-04-11")}
    )
    model = load_table(root).model
    assert model is not None
    assert model.sections[0].rows[0].periode == "06/01/25 au 11/04/25"


def test_session_decides_the_epreuve_and_annex_labels(tmp_path: Path) -> None:
    old = load_table(build_dossier(tmp_path / "a", {"01": realisation("A")}, session=2024)).model
    new = load_table(build_dossier(tmp_path / "b", {"01": realisation("A")}, session=2026)).model
    assert old is not None and new is not None
    assert (old.epreuve, old.annex, old.session_line) == ("E4", "Annexe 6-1", "SESSION 2024")
    assert (new.epreuve, new.annex, new.session_line) == ("E5", "Annexe VI-1", "SESSION 2026")


def test_identity_lines(tmp_path: Path) -> None:
    model = load_table(build_dossier(tmp_path / "d", standard_realisations(3))).model
    assert model is not None
    ident = model.identity
    assert ident.full_name == "MARTIN Léa"
    assert ident.numero == "02248211114"
    assert ident.option == "SISR"
    assert ident.portfolio_url == "https://lea-martin.github.io/portfolio/"


def test_an_incomplete_dossier_still_gives_a_table_and_notes_what_is_missing(
    tmp_path: Path,
) -> None:
    no_section = realisation("Sans stage connu", cadre="stage", stage="stage9")
    no_period = realisation("Sans période")
    del no_period["periode"]
    no_competence = realisation("Sans compétence", competences=[])
    root = build_dossier(
        tmp_path / "d",
        {"01": no_section, "02": no_period, "03": no_competence},
        candidat={"nom": "Martin", "option": "SISR"},
    )
    model = load_table(root).model
    assert model is not None
    assert [r.intitule for r in model.unplaced] == ["Sans stage connu"]
    assert [r.intitule for r in model.sections[0].rows] == ["Sans période", "Sans compétence"]
    notes = "\n".join(model.missing)
    assert "realisations/01.yaml" in notes and "stage9" in notes
    assert "realisations/02.yaml : période absente" in notes
    assert "realisations/03.yaml : aucune compétence" in notes
    assert "candidat.prenom" in notes and "candidat.numero" in notes


def test_a_session_that_is_not_a_year_is_noted(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", {"01": realisation("A")}, session="deux mille")
    model = load_table(root).model
    assert model is not None
    assert model.session_line == "SESSION"
    assert "dossier.yaml : session absente ou invalide" in "\n".join(model.missing)


def test_no_folder_and_no_manifest_leave_nothing_to_render(tmp_path: Path) -> None:
    missing = load_table(tmp_path / "absent")
    assert missing.model is None and [f.code for f in missing.fatal] == ["D001"]
    (tmp_path / "vide").mkdir()
    empty = load_table(tmp_path / "vide")
    assert empty.model is None and [f.code for f in empty.fatal] == ["D002"]
