"""`e4 import`: the real fixture becomes a dossier whose rows match the table, and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_cli, run_e4
from e4cli.check.pipeline import check_dossier
from e4cli.check.placement import place
from e4cli.dossier.load import load_dossier
from e4cli.dossier.referential import load_referential
from e4cli.dossier.yamlsource import parse_yaml
from e4cli.importer.reader import read_table
from import_support import FIXTURE, Model, build, row
from test_import_reader import EXPECTED

D = dt.date
SCHEMA_CODES = {"S001", "S002", "D003", "D004", "D006", "D007"}


def imported(tmp_path: Path, table: Path = FIXTURE, name: str = "d") -> tuple[Path, str]:
    target = tmp_path / name
    result = run_cli("import", str(table), str(target))
    assert result.exit_code == 0, result.output
    return target, result.output


def test_the_fixture_imports_row_by_row(tmp_path: Path) -> None:
    target, _ = imported(tmp_path)
    loaded = load_dossier(target)
    dossier = loaded.dossier
    assert dossier is not None
    reals = dossier.realisations
    assert len(reals) == len(EXPECTED)
    for real, (section, sheet_row, title, (debut, fin), ticks) in zip(reals, EXPECTED, strict=True):
        assert place(dossier, real).section == section, sheet_row
        assert real.intitule == title
        assert (real.debut, real.fin) == (debut, fin)
        assert sorted(real.competence_codes()) == ticks
        assert f"ligne {sheet_row}" in (target / real.file).read_text(encoding="utf-8")


def test_the_fixture_header_becomes_the_manifest(tmp_path: Path) -> None:
    target, _ = imported(tmp_path)
    dossier = load_dossier(target).dossier
    assert dossier is not None
    cand = dossier.candidat
    assert (cand.nom, cand.prenom, cand.numero, cand.option) == (
        "DURAND",
        "Camille",
        "01234567890",
        "SLAM",
    )
    assert dossier.centre == "Centre de formation exemple"
    assert dossier.portfolio_url == "https://candidat-exemple.github.io/portfolio/"
    assert dossier.session == 2024
    stages = {s.id: (s.annee, s.debut, s.fin) for s in dossier.stages}
    assert stages == {  # placeholders dated by their section's rows
        "stage1": (1, D(2023, 5, 9), D(2023, 6, 27)),
        "stage2": (2, D(2023, 10, 13), D(2024, 1, 26)),
    }


def test_the_imported_dossier_is_valid_and_only_asks_for_what_is_missing(tmp_path: Path) -> None:
    target, output = imported(tmp_path)
    result = check_dossier(target)
    codes = {f.code for f in result.findings}
    assert not codes & SCHEMA_CODES
    failing = {f.code for f in result.findings if f.severity != "info"}
    # Organisations (S004), attestation files (A002), the rows the table left empty, and
    # the form of the épreuve, which no synthesis table says (S007).
    assert failing == {"S004", "A002", "R001", "R006", "S007"}
    r001 = sorted(f.location.path for f in result.findings if f.code == "R001")
    assert [p.split("/")[1][:2] for p in r001] == ["11", "12", "17", "18"]  # rows 19, 20, 27, 28
    assert "18 réalisation(s) : 12 en formation, 2 en stage de première année, 4" in output
    for sheet_row in (19, 20, 27, 28):
        assert f"(B{sheet_row}) : période vide" in output


def test_every_written_file_starts_with_the_schema_modeline(tmp_path: Path) -> None:
    target, _ = imported(tmp_path)
    manifest = (target / "dossier.yaml").read_text(encoding="utf-8")
    assert manifest.startswith("# yaml-language-server: $schema=.e4/schemas/dossier.schema.json\n")
    for path in (target / "realisations").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../.e4/schemas/realisation.schema.json"
    assert (target / ".e4/schemas/dossier.schema.json").is_file()
    assert (target / ".e4/schemas/realisation.schema.json").is_file()


@pytest.mark.parametrize("template", [False, True], ids=["new-sheet", "official-model"])
def test_e4_table_of_the_import_round_trips_to_the_same_content(
    tmp_path: Path, template: bool
) -> None:
    target, _ = imported(tmp_path)
    out = tmp_path / "retour.xlsx"
    args = ["table", str(target), "--format", "xlsx", "--output", str(out)]
    if template:
        args += ["--template", str(FIXTURE)]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    ref = load_referential()
    before, after = read_table(FIXTURE, ref), read_table(out, ref)

    def content(table: object) -> list[tuple[object, ...]]:
        return [
            (r.section, r.intitule, r.period.debut, r.period.fin, r.codes())
            for r in table.rows  # type: ignore[attr-defined]
        ]

    assert content(after) == content(before)
    a, b = after.identity, before.identity
    assert (a.name.nom, a.name.prenom, a.numero, a.centre, a.option, a.portfolio_url) == (
        b.name.nom,
        b.name.prenom,
        b.numero,
        b.centre,
        b.option,
        b.portfolio_url,
    )
    assert a.session == b.session == 2024


# -- never overwrites ---------------------------------------------------------------------


def test_an_existing_dossier_is_never_touched(tmp_path: Path) -> None:
    target = tmp_path / "d"
    target.mkdir()
    (target / "dossier.yaml").write_text("session: 2027\n", encoding="utf-8")
    result = run_e4("import", str(FIXTURE), str(target))
    assert result.returncode == 2
    assert "n'écrase jamais" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["dossier.yaml"]
    assert (target / "dossier.yaml").read_text(encoding="utf-8") == "session: 2027\n"


def test_a_target_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d").write_text("x", encoding="utf-8")
    result = run_e4("import", str(FIXTURE), str(tmp_path / "d"))
    assert result.returncode == 2 and "n'est pas un dossier" in result.stderr


@pytest.mark.parametrize("content", [[], [".git"]], ids=["empty", "git-init"])
def test_an_empty_folder_or_a_fresh_git_repository_is_filled(
    tmp_path: Path, content: list[str]
) -> None:
    target = tmp_path / "d"
    target.mkdir()
    for name in content:
        (target / name).mkdir()
    imported(tmp_path)
    assert (target / "dossier.yaml").is_file()


def test_a_bad_table_creates_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "t.xlsx"
    bad.write_bytes(b"pas un classeur")
    result = run_e4("import", str(bad), str(tmp_path / "d"))
    assert result.returncode == 2
    assert "ni un classeur" in result.stderr
    assert not (tmp_path / "d").exists()


# -- what cannot be interpreted is kept, in the file it belongs to --------------------------

HOSTILE = [
    "Projet : API # v2",
    "- tiret en tête",
    "=SOMME(A1:A2)",
    '"Guillemets" et l\'apostrophe',
    "2024-01-05",
    "yes",
]


def test_messy_rows_are_imported_and_what_is_unclear_is_kept(tmp_path: Path) -> None:
    table = build(
        tmp_path / "t.xlsx",
        Model(
            session=None,
            formation=[
                row(HOSTILE[0], "10/10/22 - 06/02/23", "X ?"),
                row(HOSTILE[1], "Du 10/10/22 au 06/02/23", None, "X h2"),
                row(HOSTILE[2], "semaine 12", None, None, "X"),
                row(HOSTILE[3], "06/02/23 au 10/10/22", None, None, None, "x"),
                row(HOSTILE[4], "05/2025", None, None, None, None, "?", "X"),
                row(HOSTILE[5], dt.datetime(2024, 5, 21), "X"),
                row(None, "10//10/22 Au 06/02/23", None, "X"),
            ],
            annee1=[row("Stage sans dates", None, "X")],
        ),
    )
    target, output = imported(tmp_path, table)
    dossier = load_dossier(target).dossier
    assert dossier is not None
    reals = dossier.realisations
    assert [r.intitule for r in reals[:6]] == HOSTILE
    assert reals[6].intitule.startswith("À COMPLÉTER : intitulé de la ligne")
    periods = [(r.debut, r.fin) for r in reals]
    assert periods[:7] == [
        (D(2022, 10, 10), D(2023, 2, 6)),
        (D(2022, 10, 10), D(2023, 2, 6)),
        (None, None),  # "semaine 12": not guessed
        (D(2023, 2, 6), D(2022, 10, 10)),  # kept as written
        (D(2025, 5, 1), D(2025, 5, 31)),
        (D(2024, 5, 21), D(2024, 5, 21)),
        (D(2022, 10, 10), D(2023, 2, 6)),
    ]
    assert [sorted(r.competence_codes()) for r in reals[:6]] == [
        ["B1.1"],
        ["B1.2"],
        ["B1.3"],
        ["B1.4"],
        ["B1.6"],  # "?" under B1.5 is not a tick
        ["B1.1"],
    ]

    def text(index: int) -> str:
        return (target / reals[index].file).read_text(encoding="utf-8")

    assert '"semaine 12"' in text(2) and "période non comprise" in text(2)
    assert "X ?" in text(0) and "X h2" in text(1)
    assert "la fin est avant le début" in text(3)
    assert "mois sans jour" in text(4) and "case « ? » non comprise" in text(4)
    assert "Excel" in text(5)
    for fragment in ("semaine 12", "X ?", "X h2", "la fin est avant le début", "mois sans jour"):
        assert fragment in output
    assert "session absente du tableau : 2025 déduite des périodes" in output
    assert dossier.session == 2025
    (stage,) = dossier.stages
    assert stage.id == "stage1" and (stage.debut, stage.fin) == (D(2024, 5, 15), D(2024, 6, 19))
    assert "dates inconnues" in (target / "dossier.yaml").read_text(encoding="utf-8")
    codes = {f.code for f in check_dossier(target).findings}
    assert not codes & SCHEMA_CODES


def test_documents_under_the_title_become_productions_or_comments(tmp_path: Path) -> None:
    title = "Serveur RADIUS\n– Procédure d'installation\n– Dépôt : https://github.com/lea/radius"
    table = build(tmp_path / "t.xlsx", Model(formation=[row(title, "01/01/24 au 02/01/24", "X")]))
    target, output = imported(tmp_path, table)
    (real,) = load_dossier(target).dossier.realisations  # type: ignore[union-attr]
    assert [(p.titre, p.url) for p in real.productions] == [
        ("Dépôt", "https://github.com/lea/radius")
    ]
    raw = (target / real.file).read_text(encoding="utf-8")
    assert '#   - titre: "Procédure d\'installation"' in raw
    assert "1 document(s) listé(s)" in output


def test_text_beside_an_address_is_kept_and_punctuation_is_not_part_of_it(
    tmp_path: Path,
) -> None:
    title = (
        "Serveur RADIUS\n"
        "– https://github.com/lea/radius (dépôt privé, accès sur demande)\n"
        "– Démo : https://a.example.org et https://b.example.org\n"
        "– Documentation (https://doc.example.org/radius)."
    )
    table = build(tmp_path / "t.xlsx", Model(formation=[row(title, "01/01/24 au 02/01/24", "X")]))
    target, output = imported(tmp_path, table)
    (real,) = load_dossier(target).dossier.realisations  # type: ignore[union-attr]
    assert [(p.titre, p.url) for p in real.productions] == [
        ("https://github.com/lea/radius", "https://github.com/lea/radius"),
        ("Démo", "https://a.example.org"),
        ("Documentation", "https://doc.example.org/radius"),
    ]
    raw = (target / real.file).read_text(encoding="utf-8")
    # Nothing of the cell is lost: what is not an entry stays in a comment, and is reported.
    assert "(dépôt privé, accès sur demande)" in raw
    assert "et https://b.example.org" in raw
    assert output.count("texte autour de l'adresse") == 2


def test_a_column_the_school_added_is_kept_as_a_comment(tmp_path: Path) -> None:
    table = build(
        tmp_path / "t.xlsx",
        Model(extra_column="Modalité", extra_values={0: "en équipe"}, formation=[row("A b c")]),
    )
    target, output = imported(tmp_path, table)
    raw = next((target / "realisations").glob("*.yaml")).read_text(encoding="utf-8")
    assert 'colonne « Modalité » : "en équipe"' in raw
    assert "colonne « Modalité »" in output


def test_missing_header_values_become_placeholders_and_comments(tmp_path: Path) -> None:
    table = build(
        tmp_path / "t.xlsx",
        Model(
            name=("NOM et prénom :",),
            number=("N° candidat :",),
            centre=("Centre de formation :",),
            option=("Option :", "☐ SISR", "☐ SLAM"),
            portfolio=None,
            formation=[row("Inventaire", "01/01/24 au 02/01/24", "X")],
        ),
    )
    target, output = imported(tmp_path, table)
    raw = (target / "dossier.yaml").read_text(encoding="utf-8")
    data = parse_yaml(raw, "dossier.yaml").data
    assert data["candidat"]["nom"].startswith("À COMPLÉTER")
    assert data["centre"].startswith("À COMPLÉTER")
    assert "option" not in data["candidat"] and "# option: SISR" in raw
    assert "stages" not in data  # no stage section has rows
    assert "option non lue" in output and "aucune case cochée" in output
    findings = check_dossier(target).findings
    assert {f.code for f in findings if f.code.startswith("S")} == {"S001", "S004", "S007"}
    (s001,) = [f for f in findings if f.code == "S001"]
    assert "option" in s001.message
