"""Mistakes candidates really make, and exactly what `e4 check` says about each.

Each mistake gets one clear finding, in French, at the right line, with a hint that
fixes it; never an English parser message, and no second finding that only repeats
the first or follows from it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, MANIFEST, REAL_FORMATION, REAL_STAGE, check_json, run_e4, tiny_pdf

F = "realisations/01-glpi.yaml"
S = "realisations/02-zabbix.yaml"
M = "dossier.yaml"


# The second réalisation then covers the bloc alone: breaking the first gives no C001.
S_ALL = REAL_STAGE.replace("[B1.4, B1.5, B1.6]", "[B1.1, B1.2, B1.3, B1.4, B1.5, B1.6]")


def broken(text: str) -> dict[str, str]:
    """The first réalisation replaced by `text`, the second covering every competency."""
    return {F: text, S: S_ALL}


def non_info(report: dict[str, Any]) -> list[tuple[str, str | None, int | None]]:
    return [
        (f["code"], f["path"], f["line"]) for f in report["findings"] if f["severity"] != "info"
    ]


def only(report: dict[str, Any]) -> dict[str, Any]:
    """The one finding that is not an info."""
    (finding,) = [f for f in report["findings"] if f["severity"] != "info"]
    return finding


# --- YAML that does not parse: libyaml's English wording never reaches the candidate ---

YAML_FAULTS = [
    (
        "a tab in the indentation",
        REAL_FORMATION.replace("  debut:", "\tdebut:"),
        4,
        "tabulation",
        "espaces",
    ),
    (
        "a Windows path between double quotes",
        REAL_FORMATION + 'page: "portfolio\\glpi.md"\n',
        7,
        "barre oblique inverse",
        "« / »",
    ),
    (
        "a quote opened and never closed, pointed at where it opens",
        REAL_FORMATION.replace("intitule: Inventaire", 'intitule: "Inventaire'),
        1,
        "guillemet jamais refermé",
        "Refermez",
    ),
    (
        "text after the closing quote",
        REAL_FORMATION.replace(
            "intitule: Inventaire du parc avec GLPI", 'intitule: "Inventaire" du parc'
        ),
        1,
        "après le guillemet fermant",
        "entre les guillemets",
    ),
    (
        "a key without its colon, pointed at the key",
        REAL_FORMATION.replace("cadre: formation", "cadre formation"),
        2,
        "deux-points manquant",
        "deux-points",
    ),
    (
        "a key out of line",
        REAL_FORMATION.replace("  fin:", " fin:"),
        5,
        "indentation incohérente",
        "même colonne",
    ),
    (
        "a value that starts with @",
        REAL_FORMATION.replace("intitule: Inventaire", "intitule: @Inventaire"),
        1,
        "« @ »",
        "guillemets",
    ),
    (
        "a value that starts with * (read as an alias)",
        REAL_FORMATION.replace("intitule: Inventaire", "intitule: *Inventaire*"),
        1,
        "« * »",
        "guillemets",
    ),
    (
        "a list in brackets never closed",
        REAL_FORMATION.replace("[B1.1, B1.2, B1.3]", "[B1.1, B1.2, B1.3") + "modalite: seul\n",
        7,
        "crochet",
        "[B1.1, B1.2]",
    ),
    (
        "two documents in one file",
        REAL_FORMATION + "---\nintitule: Autre\n",
        7,
        "plusieurs documents",
        "---",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "problem", "hint"),
    [case[1:] for case in YAML_FAULTS],
    ids=[case[0] for case in YAML_FAULTS],
)
def test_a_yaml_fault_is_explained_in_french_at_its_line(
    make_dossier: Callable[..., Path], text: str, line: int, problem: str, hint: str
) -> None:
    finding = only(check_json(make_dossier(broken(text))))
    assert (finding["code"], finding["path"], finding["line"]) == ("D003", F, line)
    assert problem in finding["message"]
    assert hint in finding["hint"]
    for english in ("found", "expected", "token", "scanning", "while"):
        assert english not in finding["message"]


# --- a file that is not a block of keys: one finding, not the loader's and the schema's ---


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [("", None, "vide"), ("# à écrire\n", None, "vide"), ("- intitule: GLPI\n", 1, "liste")],
    ids=["empty", "only comments", "a list"],
)
def test_a_realisation_that_is_not_a_block_of_keys_gets_one_finding(
    make_dossier: Callable[..., Path], text: str, line: int | None, said: str
) -> None:
    report = check_json(make_dossier(broken(text)))
    finding = only(report)
    assert (finding["code"], finding["path"], finding["line"]) == ("S001", F, line)
    assert said in finding["message"]


def test_an_empty_manifest_gets_one_finding(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({M: "# à écrire\n"}))
    finding = only(report)
    assert (finding["code"], finding["path"], finding["line"]) == ("S001", M, None)
    assert "vide" in finding["message"]


# --- dates ---


@pytest.mark.parametrize("written", ["2026/02/13", "2026-2-13", "13-02-2026", "13.02.2026"])
def test_an_unambiguous_date_in_another_form_is_given_its_iso_form(
    make_dossier: Callable[..., Path], written: str
) -> None:
    finding = only(check_json(make_dossier({F: REAL_FORMATION.replace("2026-02-13", written)})))
    assert (finding["code"], finding["line"]) == ("S003", 5)
    assert "le 13 février 2026" in finding["message"]
    assert finding["hint"] == "Écrivez-la au format ISO : 2026-02-13"


@pytest.mark.parametrize("written", ["13-02-26", "2026/13", "le 13 février"])
def test_a_date_in_no_known_form_gets_one_finding(
    make_dossier: Callable[..., Path], written: str
) -> None:
    finding = only(check_json(make_dossier({F: REAL_FORMATION.replace("2026-02-13", written)})))
    assert (finding["code"], finding["line"]) == ("S001", 5)
    assert finding["message"] == (
        f"« periode.fin » : la valeur « {written} » n'a pas la forme attendue."
    )


def test_an_american_date_is_told_that_the_day_comes_first(
    make_dossier: Callable[..., Path],
) -> None:
    finding = only(
        check_json(make_dossier({F: REAL_FORMATION.replace("2026-02-13", "02/13/2026")}))
    )
    assert (finding["code"], finding["line"]) == ("S001", 5)
    assert "n'existe pas dans le calendrier" in finding["message"]
    assert "le jour vient en premier" in finding["hint"]


def test_no_stage_total_when_a_stage_has_no_usable_date(make_dossier: Callable[..., Path]) -> None:
    """The total would leave that stage out and claim too few weeks: fix the date first."""
    report = check_json(make_dossier({M: MANIFEST.replace("2027-01-11", "2027-01-32")}))
    assert non_info(report) == [("S001", M, 19)]


def test_no_stage_total_when_a_stage_ends_before_it_starts(
    make_dossier: Callable[..., Path],
) -> None:
    report = check_json(make_dossier({M: MANIFEST.replace("fin: 2026-06-26", "fin: 2026-05-01")}))
    assert non_info(report) == [("A005", M, 15)]


def test_no_r002_for_a_realisation_in_a_stage_whose_own_dates_are_inverted(
    make_dossier: Callable[..., Path],
) -> None:
    report = check_json(make_dossier({M: MANIFEST.replace("fin: 2027-02-19", "fin: 2027-01-01")}))
    assert non_info(report) == [("A005", M, 20)]


# --- a value of the wrong type: the schema's finding, not a rule's on top of it ---


def test_competences_written_as_a_text_is_not_also_without_competency(
    make_dossier: Callable[..., Path],
) -> None:
    text = REAL_FORMATION.replace("[B1.1, B1.2, B1.3]", "B1.1, B1.2, B1.3")
    assert non_info(check_json(make_dossier(broken(text)))) == [("S001", F, 6)]


def test_a_periode_written_as_a_text_is_not_also_a_missing_period(
    make_dossier: Callable[..., Path],
) -> None:
    text = REAL_FORMATION.replace(
        "periode:\n  debut: 2026-01-05\n  fin: 2026-02-13\n", "periode: du 05/01/26 au 13/02/26\n"
    )
    assert non_info(check_json(make_dossier(broken(text)))) == [("S001", F, 3)]


def test_a_stage_written_as_a_number_is_not_also_a_missing_stage(
    make_dossier: Callable[..., Path],
) -> None:
    report = check_json(make_dossier({S: REAL_STAGE.replace("stage: stage2", "stage: 2")}))
    assert non_info(report) == [("S001", S, 3)]


# --- stages ---


def test_two_stages_with_one_id_are_reported_at_the_second_id(
    make_dossier: Callable[..., Path],
) -> None:
    manifest = MANIFEST.replace(
        "  - organisation: Mairie", "  - id: stage1\n    organisation: Mairie"
    ).replace("  - organisation: Armor", "  - id: stage1\n    organisation: Armor")
    report = check_json(make_dossier({M: manifest}))
    (finding,) = [f for f in report["findings"] if f["code"] == "S001"]
    assert (finding["path"], finding["line"]) == (M, 18)
    assert "« stage1 » est déjà celui du stage 1 (Mairie de Lannion)" in finding["message"]
    (t004,) = [f for f in report["findings"] if f["code"] == "T004"]
    assert t004["hint"] == "Stages connus : stage1."


def test_a_default_stage_id_that_repeats_an_explicit_one_is_reported(
    make_dossier: Callable[..., Path],
) -> None:
    manifest = MANIFEST.replace(
        "  - organisation: Mairie", "  - id: stage2\n    organisation: Mairie"
    )
    (finding,) = [
        f for f in check_json(make_dossier({M: manifest}))["findings"] if f["code"] == "S001"
    ]
    assert finding["line"] == 18
    assert "par défaut" in finding["message"]


# --- attestations, portfolio, table ---


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("attestations/stage1.docx", "attestations/stage1.pdf"),
        ("attestations/stage1.JPG", "attestations/stage1.pdf"),
        ("attestations/stage1", "attestations/stage1.pdf"),
    ],
)
def test_a_good_pdf_under_a_wrong_name_is_to_be_renamed(
    make_dossier: Callable[..., Path], name: str, renamed: str
) -> None:
    dossier = make_dossier({M: MANIFEST.replace("attestations/stage1.pdf", name), name: tiny_pdf()})
    finding = only(check_json(dossier))
    assert (finding["code"], finding["line"]) == ("A003", 16)
    assert "contient un PDF" in finding["message"]
    assert "n'est ni un PDF" not in finding["message"]
    assert finding["hint"] == (
        f"Renommez le fichier en « {renamed} » et écrivez ce nom dans « attestation: »."
    )


def test_a_portfolio_path_that_names_its_index_page(make_dossier: Callable[..., Path]) -> None:
    dossier = make_dossier(
        {M: MANIFEST.replace("chemin: portfolio/", "chemin: portfolio/index.md")}
    )
    finding = only(check_json(dossier))
    assert (finding["code"], finding["line"]) == ("P002", 10)
    assert finding["message"] == "Le portfolio « portfolio/index.md » n'est pas un dossier."
    assert finding["hint"].endswith("écrivez « portfolio/ ».")


def test_the_table_hint_writes_the_table_inside_the_dossier(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    dossier = make_dossier({M: MANIFEST + "tableau: synthese/tableau.xlsx\n"})
    result = run_e4("check", "--format", "json", "d", cwd=tmp_path)
    report = json.loads(result.stdout)
    (finding,) = [f for f in report["findings"] if f["code"] == "T001"]
    assert finding["hint"] == "Générez-le : e4 table d --output d/synthese/tableau.xlsx"
    assert dossier.name == "d"


# --- the class summary in a pipe or a CI log (80 columns) ---


def test_the_class_summary_keeps_every_column_in_80_columns() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS")}
    result = run_e4("check", "-r", str(EXAMPLES), env={**env, "COLUMNS": "80"})
    assert result.returncode == 1, result.stderr
    summary = result.stdout.split("Synthèse de la classe", 1)[1]
    table = summary.split("Couverture des compétences dans la classe", 1)[0]
    lines = table.strip("\n").splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert all(line.endswith(("┓", "┃", "┩", "│", "┘")) for line in lines)
    assert "Pén." in table and "−2" in table
    assert "B1.3," in table  # casse-couverture's uncovered competencies


def test_a_realisations_folder_that_does_not_exist_is_named_at_its_line(
    make_dossier: Callable[..., Path],
) -> None:
    dossier = make_dossier({M: MANIFEST + "realisations: realisation/\n"})
    finding = only(check_json(dossier))
    assert (finding["code"], finding["path"], finding["line"]) == ("T001", M, 23)
    assert finding["message"].startswith(
        "Le dossier des réalisations « realisation/ » n'existe pas"
    )
    assert "realisations:" in finding["hint"]


def test_a_realisations_folder_written_in_another_case_gets_the_case_hint(
    make_dossier: Callable[..., Path],
) -> None:
    dossier = make_dossier()
    (dossier / "realisations").rename(dossier / "Realisations")
    finding = only(check_json(dossier))
    assert (finding["code"], finding["path"], finding["line"]) == ("T001", "realisations/", None)
    assert "« Realisations »" in finding["hint"] and "casse" in finding["hint"]


def test_a_broken_link_from_the_site_root_is_explained_from_the_root(
    make_dossier: Callable[..., Path],
) -> None:
    page = "# Portfolio\n\n[CV](/documents/cv.pdf)\n"
    finding = only(check_json(make_dossier({"portfolio/index.md": page})))
    assert (finding["code"], finding["line"]) == ("P003", 3)
    assert "commence par « / » part de la racine du site (« portfolio/ »" in finding["hint"]


def test_the_github_summary_line_agrees_in_number(make_dossier: Callable[..., Path]) -> None:
    good = make_dossier(name="a")
    bad = make_dossier({F: REAL_FORMATION.replace("2026-02-13", "2025-12-01")}, name="b")
    result = run_e4("check", "--format", "github", str(good), str(bad))
    assert result.stdout.splitlines()[-1] == "e4 : 2 dossiers, 1 conforme, 1 non conforme."


@pytest.mark.parametrize(
    ("stages", "line"),
    [
        (MANIFEST.split("stages:")[1].split("  - organisation: Armor")[0] + "  - Armor Info\n", 17),
        (" Mairie de Lannion, Armor Info\n", 11),
    ],
    ids=["an entry written as a text", "the list written as a text"],
)
def test_stages_the_schema_cannot_read_give_only_the_schema_finding(
    make_dossier: Callable[..., Path], stages: str, line: int
) -> None:
    """No stage total, no 'stage2 is absent', no 'no attestation': each would be false."""
    manifest = MANIFEST.split("stages:")[0] + "stages:" + stages + "forme: ccf\n"
    assert non_info(check_json(make_dossier({M: manifest}))) == [("S001", M, line)]


def test_a_value_left_empty_is_said_empty_without_a_quoting_hint(
    make_dossier: Callable[..., Path],
) -> None:
    finding = only(
        check_json(make_dossier({M: MANIFEST.replace("centre: Lycée Félix Le Dantec", "centre:")}))
    )
    assert (finding["code"], finding["line"]) == ("S001", 7)
    assert (
        finding["message"] == "« centre » : la valeur est vide, alors qu'elle doit être du texte."
    )
    assert "guillemets" not in (finding["hint"] or "")


def test_a_french_date_is_read_back_with_the_month_in_words(
    make_dossier: Callable[..., Path],
) -> None:
    finding = only(check_json(make_dossier({F: REAL_FORMATION.replace("2026-01-05", "05/01/26")})))
    assert (finding["code"], finding["line"]) == ("S003", 4)
    assert finding["message"].endswith("comprise comme le 5 janvier 2026.")


def test_d004_counts_its_column_in_characters(make_dossier: Callable[..., Path]) -> None:
    """A file mostly UTF-8 with one Windows-1252 byte: the column editors show."""
    data = (REAL_FORMATION + "description: Réseau du caf").encode("utf-8") + b"\xe9\n"
    finding = only(check_json(make_dossier({F: data, S: S_ALL})))
    assert (finding["code"], finding["line"], finding["column"]) == ("D004", 7, 27)


def test_an_attestation_given_as_a_web_address_is_to_be_joined(
    make_dossier: Callable[..., Path],
) -> None:
    manifest = MANIFEST.replace("attestations/stage1.pdf", "https://drive.google.com/file/d/x")
    finding = only(check_json(make_dossier({M: manifest})))
    assert (finding["code"], finding["line"]) == ("A002", 16)
    assert "est une adresse web" in finding["message"]
    assert "Téléchargez le document" in finding["hint"]


def test_a_production_file_given_as_a_web_address_is_told_to_use_url(
    make_dossier: Callable[..., Path],
) -> None:
    text = (
        REAL_FORMATION
        + "productions:\n  - titre: Dépôt\n    fichier: https://github.com/lea/glpi\n"
    )
    finding = only(check_json(make_dossier({F: text})))
    assert (finding["code"], finding["line"]) == ("R003", 9)
    assert "« url: » au lieu de « fichier: »" in finding["hint"]


def test_a_missing_home_page_is_one_p002_not_also_every_link_back_to_it(
    make_dossier: Callable[..., Path],
) -> None:
    back = "# Page\n\n[Accueil](index.md)\n"
    dossier = make_dossier(
        {
            "portfolio/index.md": None,
            "portfolio/README.md": "# Moi\n\n[Veille](veille.md)\n",
            "portfolio/veille.md": back,
            "portfolio/projets/glpi.md": back.replace("index.md", "../index.md"),
        }
    )
    finding = only(check_json(dossier))
    assert (finding["code"], finding["line"]) == ("P002", 10)
    assert "README.md" in finding["hint"]
