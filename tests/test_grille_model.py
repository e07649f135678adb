"""The grid model: built from `e4 check`'s result, it lists the evidence and pre-ticks penalties."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, MANIFEST
from e4cli.check.pipeline import check_dossier
from e4cli.dossier.referential import ReferentialError, build_referential, load_referential
from e4cli.jury.grid import CHECKED, UNCHECKED, GridModel, build_grid
from e4cli.util.resources import referentials_dir
from jury_support import no_portfolio_dossier


def grid_of(path: Path) -> GridModel:
    return build_grid(check_dossier(path, str(path)))


@pytest.mark.parametrize("example", ["sisr-complet", "slam-complet"])
def test_each_competency_lists_exactly_the_realisations_that_mobilise_it(example: str) -> None:
    result = check_dossier(EXAMPLES / example)
    grid = build_grid(result)
    assert result.coverage is not None
    assert [c.code for c in grid.competences] == [f"B1.{n}" for n in range(1, 7)]
    for comp in grid.competences:
        assert [e.id for e in comp.evidence] == result.coverage.competences[comp.code].realisations
        assert comp.covered and comp.items
    assert [r.code for r in grid.verso] == [""] + [f"B1.{n}" for n in range(1, 7)]
    assert all(r.indicators for r in grid.verso[1:]) and grid.ticked_levels == 0
    assert grid.penalty_points == 0 and not grid.retained
    assert grid.notes == ()


def test_evidence_says_where_when_which_items_and_flags_team_work() -> None:
    grid = grid_of(EXAMPLES / "sisr-complet")
    b14 = next(c for c in grid.competences if c.code == "B1.4")
    zabbix = next(e for e in b14.evidence if e.id == "05-supervision-zabbix")
    assert zabbix.where == "En formation"
    assert zabbix.periode == "du 05/10/26 au 27/11/26"
    assert zabbix.items == ("B1.4.1", "B1.4.2", "B1.4.3")
    assert zabbix.team and zabbix.contribution and "chef de projet" in zabbix.contribution
    b11 = next(c for c in grid.competences if c.code == "B1.1")
    veeam = next(e for e in b11.evidence if e.id == "03-sauvegardes-veeam")
    assert veeam.where == "Stage de 1re année – Mairie de Lannion"
    assert not veeam.team
    assert [e.id for e in grid.team_evidence] == ["05-supervision-zabbix"]


def test_header_ticks_the_dossiers_form_and_option() -> None:
    grid = grid_of(EXAMPLES / "sisr-complet")
    header = grid.header
    assert header.identity.full_name == "LE GOFF Erwan"
    assert header.identity.numero == "02271834506"
    assert header.session_line == "SESSION 2027"
    assert grid.annex == "Annexe VI-3"  # session 2027: E5, annexes VI-x
    assert grid.forms.id == "annexes-vi"
    assert header.forme_boxes() == (
        (CHECKED, "Épreuve ponctuelle"),
        (UNCHECKED, "Contrôle en cours de formation"),
    )
    assert header.option_boxes() == ((CHECKED, "OPTION SISR"), (UNCHECKED, "OPTION SLAM"))
    assert header.title_lines("X") == (
        "X",
        "Épreuve E5 – Support et mise à disposition de services informatiques",
    )


def test_a_2024_session_gets_the_annex_6_3_labels(make_dossier: Callable[..., Path]) -> None:
    root = make_dossier({"dossier.yaml": MANIFEST.replace("session: 2027", "session: 2024")})
    grid = grid_of(root)
    assert grid.annex == "Annexe 6-3"
    assert grid.header.epreuve == "E4"
    assert grid.forms.id == "annexes-6"
    assert grid.forms.grid_recto_title == "ANNEXE 6-3 : Grille d’aide à l’évaluation (recto)"
    assert grid.forms.appraisal.title.startswith("ANNEXE 6-4 : Fiche d’appréciation")
    assert grid.header.title_lines("X")[0].startswith("Épreuve E4")  # 2024: épreuve first


def test_missing_table_pre_ticks_the_2_point_penalty_with_its_finding() -> None:
    grid = grid_of(EXAMPLES / "casse-stages")
    ticked = {p.label: p for p in grid.penalties}
    assert [p.label for p in grid.penalties] == [
        "Portfolio inaccessible",
        "Absence de tableau de synthèse",
    ]
    assert not ticked["Portfolio inaccessible"].retained
    table = ticked["Absence de tableau de synthèse"]
    assert table.retained and table.points == 2 and table.code == "T001"
    assert table.reason and table.reason.startswith("dossier.yaml:15:")
    assert grid.penalty_points == 2
    assert any("Dossier non conforme" in note for note in grid.notes)


def test_no_portfolio_pre_ticks_the_10_point_penalty(tmp_path: Path) -> None:
    grid = grid_of(no_portfolio_dossier(tmp_path / "d"))
    assert [(p.label, p.retained, p.code) for p in grid.retained] == [
        ("Portfolio inaccessible", True, "P001")
    ]
    assert grid.penalty_points == 10


def test_an_uncovered_competency_has_no_evidence_and_is_still_on_the_grid() -> None:
    grid = grid_of(EXAMPLES / "casse-couverture")
    by_code = {c.code: c for c in grid.competences}
    assert not by_code["B1.3"].covered and not by_code["B1.6"].covered
    assert by_code["B1.1"].covered


def test_a_folder_without_dossier_yaml_still_gets_a_grid_with_notes(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    grid = grid_of(tmp_path / "vide")
    assert len(grid.competences) == 6 and all(not c.covered for c in grid.competences)
    assert any("candidat.nom absent" in note for note in grid.notes)
    assert grid.header.session_line == "SESSION"


def test_the_forms_wording_comes_from_the_referential() -> None:
    grid = grid_of(EXAMPLES / "slam-complet")
    ref = load_referential()
    assert grid.levels == ref.levels and len(grid.levels) == 5
    forms = grid.forms
    assert forms.levels == (
        "Non évaluable",
        "Non maitrisé",
        "Maitrise partielle",
        "Bonne maitrise",
        "Excellente maitrise",
    )  # as the circulaire spells them; the evaluation file keeps the referential's
    criteria = forms.recto.criteria
    assert len(criteria.rows) == 5 and all(len(r) == 4 for r in criteria.rows)
    assert criteria.rows[0][0].startswith("N’identifie pas, n’exploite pas ou n’intègre pas")
    assert criteria.not_assessable.startswith("Compétence non mise en œuvre")
    assert grid.verso[0].title.startswith("Capacité à rendre compte d’un travail réalisé")
    b12 = grid.verso[2]
    assert b12.code == "B1.2" and b12.indicators[0].startswith("En utilisant les outils adaptés")


def referential_data() -> dict[str, Any]:
    text = (referentials_dir() / "bts-sio-2019.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return copy.deepcopy(data)  # the forms share blocks through YAML anchors


def test_a_criterion_needs_one_descriptor_per_level_after_the_first() -> None:
    broken = referential_data()
    broken["formulaires"]["annexes-6"]["grille"]["recto"]["criteres"]["lignes"][0].pop()
    with pytest.raises(ReferentialError, match="3 descripteurs pour 5 niveaux"):
        build_referential(broken)


def test_the_verso_must_print_every_competency_and_sessions_known_forms() -> None:
    broken = referential_data()
    del broken["formulaires"]["annexes-vi"]["grille"]["verso"]["lignes"]["B1.6"]
    with pytest.raises(ReferentialError, match=r"manquantes : B1\.6"):
        build_referential(broken)
    broken = referential_data()
    broken["sessions"][0]["formulaires"] = "annexes-7"
    with pytest.raises(ReferentialError, match="« annexes-7 », absents"):
        build_referential(broken)
    broken = referential_data()
    broken["formulaires"]["annexes-6"]["niveaux"].pop()
    with pytest.raises(ReferentialError, match="4 niveaux imprimés pour 5 niveaux"):
        build_referential(broken)


def test_what_the_header_lacks_is_said_as_the_synthesis_table_says_it() -> None:
    # casse-manifeste has no prénom and an invalid session: the grid and the table
    # tell the candidate the same thing, in the same words.
    from e4cli.table.source import load_table

    table = load_table(EXAMPLES / "casse-manifeste").model
    assert table is not None
    grid = build_grid(check_dossier(EXAMPLES / "casse-manifeste"))
    header_notes = [n for n in grid.notes if n.startswith("dossier.yaml : ")]
    assert header_notes and all(n in table.missing for n in header_notes if "forme" not in n)
    assert any("session absente" in n for n in header_notes)


def test_a_half_known_period_reads_as_in_the_synthesis_table(
    make_dossier: Callable[..., Path],
) -> None:
    from conftest import REAL_FORMATION
    from e4cli.table.source import load_table

    root = make_dossier(
        {"realisations/01-glpi.yaml": REAL_FORMATION.replace("  debut: 2026-01-05\n", "")}
    )
    table = load_table(root).model
    assert table is not None
    (row,) = table.sections[0].rows
    glpi = next(e for e in grid_of(root).competences[0].evidence if e.id == "01-glpi")
    assert row.periode == "??/??/?? au 13/02/26"
    assert glpi.periode == f"du {row.periode}"
