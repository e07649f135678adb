"""The referential is data: six competencies, their items, aliases, session labels."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from e4cli.dossier.referential import ReferentialError, build_referential, load_referential
from e4cli.util.resources import referentials_dir


def raw() -> Any:
    return yaml.safe_load((referentials_dir() / "bts-sio-2019.yaml").read_text(encoding="utf-8"))


def test_bloc_1_has_six_competencies_with_their_official_items() -> None:
    ref = load_referential()
    assert [c.code for c in ref.competences] == [f"B1.{n}" for n in range(1, 7)]
    assert [len(c.items) for c in ref.competences] == [6, 3, 3, 3, 3, 4]
    assert ref.competence("B1.4").label == "Travailler en mode projet"
    assert ref.competence("B1.1").items[4].label == "Gérer des sauvegardes"
    assert ref.competence("B1.6").items[3].code == "B1.6.4"
    assert ref.block_number == 1


@pytest.mark.parametrize(
    ("reference", "competence", "item"),
    [
        ("B1.3", "B1.3", None),
        ("b1.3.2", "B1.3", "B1.3.2"),
        ("travailler en MODE projet", "B1.4", None),
        ("Gerer des sauvegardes", "B1.1", "B1.1.5"),
        ("projet", "B1.4", None),
        ("patrimoine", "B1.1", None),
    ],
)
def test_references_resolve(reference: str, competence: str, item: str | None) -> None:
    resolved = load_referential().resolve(reference)
    assert resolved is not None
    assert (resolved.competence, resolved.item) == (competence, item)


def test_unknown_references_do_not_resolve() -> None:
    assert load_referential().resolve("B1.7") is None
    assert load_referential().resolve("B1.1.7") is None


@pytest.mark.parametrize(
    ("session", "epreuve", "annex"),
    [
        (2023, "E4", "Annexe 6-1"),
        (2024, "E4", "Annexe 6-1"),
        (2025, "E5", "Annexe VI-1"),
        (2031, "E5", "Annexe VI-1"),
    ],
)
def test_session_labels(session: int, epreuve: str, annex: str) -> None:
    labels = load_referential().session_labels(session)
    assert (labels.epreuve, labels.annex_table) == (epreuve, annex)


def test_stage_rules_by_statut() -> None:
    rules = load_referential().stage_rules
    assert (rules["scolaire"].weeks, rules["scolaire"].floor) == (10, 8)
    assert rules["apprentissage"].weeks is None


def test_a_broken_referential_is_a_clear_error() -> None:
    data = raw()
    del data["competences"][0]["intitule"]
    with pytest.raises(ReferentialError, match="competences/0"):
        build_referential(data)


def test_an_ambiguous_alias_is_refused() -> None:
    data = copy.deepcopy(raw())
    data["competences"][1]["alias"] = ["patrimoine"]
    with pytest.raises(ReferentialError, match="patrimoine"):
        build_referential(data)
