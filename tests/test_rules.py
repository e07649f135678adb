"""Every code: a dossier that raises it at the right place, and the valid one that does not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MANIFEST, REAL_FORMATION, REAL_STAGE, check_json, codes_at

ALL_ITEMS = (
    "[B1.1.1, B1.1.2, B1.1.3, B1.1.4, B1.1.5, B1.1.6, B1.2.1, B1.2.2, B1.2.3, B1.3.1, "
    "B1.3.2, B1.3.3, B1.4.1, B1.4.2, B1.4.3, B1.5.1, B1.5.2, B1.5.3, B1.6.1, B1.6.2, "
    "B1.6.3, B1.6.4]"
)
F = "realisations/01-glpi.yaml"
S = "realisations/02-zabbix.yaml"
M = "dossier.yaml"

# (case id, files changed in the valid dossier, [(code, path, line)] that must be exactly
# the findings of that code)
CASES: list[tuple[str, dict[str, str | bytes | None], list[tuple[str, str | None, int | None]]]] = [
    ("D002 manifest missing", {M: None}, [("D002", None, None)]),
    (
        "D003 colon in an unquoted value",
        {F: REAL_FORMATION.replace("intitule: Inventaire", "intitule: Inventaire: GLPI")},
        [("D003", F, 1)],
    ),
    (
        "D004 latin-1 file, bad byte on line 2",
        {F: REAL_FORMATION.replace("cadre", "# réalisée\ncadre").encode("latin-1")},
        [("D004", F, 2)],
    ),
    (
        "D005 realisations folder outside",
        {M: MANIFEST + "realisations: ../ailleurs/\n"},
        [("D005", M, 23)],
    ),
    ("D006 duplicate key", {F: REAL_FORMATION + "cadre: stage\n"}, [("D006", F, 7)]),
    (
        "D007 alias bomb",
        {
            F: 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
            + "".join(
                f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
                for p, n in zip("abcdefg", "bcdefgh", strict=True)
            )
        },
        [("D007", F, None)],
    ),
    ("S001 wrong type", {M: MANIFEST.replace("session: 2027", "session: deux")}, [("S001", M, 1)]),
    (
        "S001 impossible date",
        {F: REAL_FORMATION.replace("2026-02-13", "2026-02-30")},
        [("S001", F, 5)],
    ),
    (
        "S001 missing required intitule",
        {F: REAL_FORMATION.replace("intitule: Inventaire du parc avec GLPI\n", "")},
        [("S001", F, 1)],
    ),
    (
        "S002 accented key",
        {F: REAL_FORMATION.replace("intitule:", "intitulé:")},
        [("S002", F, 1)],
    ),
    (
        "S003 French date",
        {F: REAL_FORMATION.replace("2026-01-05", "05/01/2026")},
        [("S003", F, 4)],
    ),
    ("T001 no réalisation", {F: None, S: None}, [("T001", "realisations/", None)]),
    (
        "T001 declared table missing",
        {M: MANIFEST + "tableau: tableau.xlsx\n"},
        [("T001", M, 23)],
    ),
    (
        "R001 no period",
        {F: "intitule: Inventaire\ncadre: formation\ncompetences: [B1.1, B1.2, B1.3]\n"},
        [("R001", F, 1)],
    ),
    (
        "R001 inverted period",
        {F: REAL_FORMATION.replace("2026-02-13", "2025-12-01")},
        [("R001", F, 5)],
    ),
    ("T004 unknown stage", {S: REAL_STAGE.replace("stage2", "stage9")}, [("T004", S, 3)]),
    (
        "R002 outside its stage",
        {S: REAL_STAGE.replace("2027-02-10", "2027-03-10")},
        [("R002", S, 6)],
    ),
    ("R004 unknown competency", {S: REAL_STAGE.replace("B1.6]", "B1.6, B1.7]")}, [("R004", S, 7)]),
    (
        "R005 team without contribution",
        {S: REAL_STAGE + "modalite: equipe\n"},
        [("R005", S, 8)],
    ),
    (
        "R006 no competency",
        {
            F: REAL_FORMATION.replace("[B1.1, B1.2, B1.3]", "[]"),
            S: REAL_STAGE.replace("B1.4", "B1.1, B1.2, B1.3, B1.4"),
        },
        [("R006", F, 6)],
    ),
    (
        "R007 same title",
        {S: REAL_STAGE.replace("Supervision avec Zabbix", "inventaire du  parc avec glpi")},
        [("R007", S, 1)],
    ),
    (
        "C001 competency uncovered",
        {F: REAL_FORMATION.replace(", B1.3]", "]")},
        [("C001", "realisations/", None)],
    ),
    (
        "A004 short stages",
        {M: MANIFEST.replace("2027-02-19", "2027-01-15")},
        [("A004", M, 11)],
    ),
    (
        "A005 overlapping stages",
        {M: MANIFEST.replace("2027-01-11", "2026-06-15").replace("annee: 2", "annee: 1")},
        [("A005", M, 19)],
    ),
    (
        "A005 stage ends before it starts",
        {M: MANIFEST.replace("fin: 2027-02-19", "fin: 2027-01-01")},
        [("A005", M, 20)],
    ),
]


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_code_is_raised_at_the_right_place(
    make_dossier: Callable[..., Path],
    changes: dict[str, str | bytes | None],
    expected: list[tuple[str, str | None, int | None]],
) -> None:
    report = check_json(make_dossier(changes))
    code = expected[0][0]
    found = [c for c in codes_at(report) if c[0] == code]
    assert found == expected, report["findings"]


def test_the_valid_dossier_raises_no_error_and_no_warning(
    make_dossier: Callable[..., Path],
) -> None:
    report = check_json(make_dossier())
    assert report["ok"] is True
    assert [f for f in report["findings"] if f["severity"] != "info"] == []
    assert {f["code"] for f in report["findings"]} == {"C002"}


def test_citing_every_item_leaves_no_c002(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({F: REAL_FORMATION.replace("[B1.1, B1.2, B1.3]", ALL_ITEMS)}))
    assert report["findings"] == []
    assert report["counts"] == {"error": 0, "warning": 0, "info": 0}


def test_c002_names_each_uncited_item(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier())
    items = sorted(f["message"].split()[1] for f in report["findings"] if f["code"] == "C002")
    assert len(items) == 22
    assert items[0] == "B1.1.1" and items[-1] == "B1.6.4"


def test_d001_for_a_missing_folder(tmp_path: Path) -> None:
    report = check_json(tmp_path / "absent")
    assert codes_at(report) == [("D001", None, None)]
    assert report["session"] is None and report["epreuve"] is None


def test_an_item_counts_for_its_competency(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({F: REAL_FORMATION.replace("B1.3]", "B1.3.2]")}))
    assert report["coverage"]["B1.3"]["covered"] is True
    assert report["coverage"]["B1.3"]["items"]["B1.3.2"] == ["01-glpi"]
    assert "C001" not in {f["code"] for f in report["findings"]}


def test_labels_and_aliases_are_accepted(make_dossier: Callable[..., Path]) -> None:
    refs = (
        "[patrimoine, 'repondre aux incidents et aux demandes d’assistance et d’évolution', B1.3]"
    )
    report = check_json(make_dossier({F: REAL_FORMATION.replace("[B1.1, B1.2, B1.3]", refs)}))
    assert not [f for f in report["findings"] if f["severity"] == "error"], report["findings"]
    assert report["coverage"]["B1.2"]["realisations"] == ["01-glpi"]


def test_r004_suggests_the_nearest_reference(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({S: REAL_STAGE.replace("B1.6]", "B1.6, B16]")}))
    (finding,) = [f for f in report["findings"] if f["code"] == "R004"]
    assert finding["hint"] == "Vouliez-vous dire « B1.6 » ?"


def test_s002_suggests_the_unaccented_key(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({F: REAL_FORMATION.replace("intitule:", "intitulé:")}))
    # one finding at the key: not also « intitule » missing (S001)
    (finding,) = [f for f in report["findings"] if f["severity"] != "info"]
    assert (finding["code"], finding["line"], finding["column"]) == ("S002", 1, 1)
    assert "« intitule » (champ obligatoire)" in finding["message"]
    assert finding["hint"] == "Renommez-la « intitule » (e4 check --fix le fait)."


@pytest.mark.parametrize(
    ("statut", "weeks_fin", "raised"),
    [
        ("scolaire", "2027-02-19", False),  # 5 + 6 weeks
        ("scolaire", "2027-02-05", True),  # 5 + 4 weeks: under 10, floor 8 reached
        ("apprentissage", "2027-01-15", False),  # a certificat de travail replaces stages
        ("experience-professionnelle", "2027-01-15", False),
        ("formation-continue", "2027-02-05", True),
    ],
)
def test_a004_depends_on_the_statut(
    make_dossier: Callable[..., Path], statut: str, weeks_fin: str, raised: bool
) -> None:
    manifest = MANIFEST.replace("option: SISR", f"option: SISR\n  statut: {statut}")
    report = check_json(make_dossier({M: manifest.replace("2027-02-19", weeks_fin)}))
    a004 = [f for f in report["findings"] if f["code"] == "A004"]
    assert bool(a004) is raised
    if raised and statut == "scolaire":
        assert "9 semaines" in a004[0]["message"]
        assert (
            "8 semaines au minimum sur décision motivée du recteur (atteint)" in a004[0]["message"]
        )


def test_realisation_files_load_in_file_name_order(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier())
    assert report["coverage"]["B1.1"]["realisations"] == ["01-glpi"]
    assert report["coverage"]["B1.4"]["realisations"] == ["02-zabbix"]


def test_r008_for_a_realisation_that_would_not_be_read(make_dossier: Callable[..., Path]) -> None:
    path = make_dossier(
        {
            "realisations/03-radius.yaml.txt": REAL_STAGE,
            "realisations/stage/04-wifi.yml": REAL_STAGE,
            "realisations/notes.md": "# mes notes\n",
            "realisations/capture.png": b"\x89PNG\r\n\x1a\n",
        }
    )
    report = check_json(path)
    r008 = sorted((f["path"], f["severity"]) for f in report["findings"] if f["code"] == "R008")
    assert r008 == [
        ("realisations/03-radius.yaml.txt", "warning"),
        ("realisations/stage/", "warning"),
    ]
    hint = next(f["hint"] for f in report["findings"] if f["path"].endswith(".txt"))
    assert "03-radius.yaml" in hint
