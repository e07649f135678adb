"""The evaluation file: each fault gives its E code at the line and column of the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from e4cli.check.pipeline import check_dossier
from e4cli.jury.evaluation import TEAM, EvaluationResult, evaluate
from e4cli.rules.registry import EVALUATION_RULES, RULES
from jury_support import write_evaluation

COMPLETE = """\
niveaux:
  equipe: Bonne maîtrise
  B1.1: Bonne maîtrise
  B1.2: Excellente maîtrise
  B1.3: Maîtrise partielle
  B1.4: Bonne maîtrise
  B1.5: Bonne maîtrise
  B1.6: Bonne maîtrise
note: 15.5
appreciation: Démarche rigoureuse.
"""


def check(tmp_path: Path, text: str, example: str = "sisr-complet") -> EvaluationResult:
    path = write_evaluation(tmp_path / "eval.yaml", text)
    result = check_dossier(EXAMPLES / example)
    assert result.dossier is not None
    return evaluate(path, "eval.yaml", result.dossier, result.coverage)


def found(result: EvaluationResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(f.code, str(f.severity), f.location.line, f.location.column) for f in result.findings]


def test_a_complete_evaluation_has_no_finding(tmp_path: Path) -> None:
    result = check(tmp_path, COMPLETE)
    assert result.findings == [] and not result.failed
    evaluation = result.evaluation
    assert evaluation is not None
    assert str(evaluation.note) == "15.5"
    assert evaluation.levels[TEAM] == "Bonne maîtrise"
    assert evaluation.levels["B1.2"] == "Excellente maîtrise"


def test_the_shipped_example_evaluation_is_clean() -> None:
    result = check_dossier(EXAMPLES / "sisr-complet")
    assert result.dossier is not None
    path = EXAMPLES / "evaluations" / "sisr-complet.yaml"
    checked = evaluate(path, str(path), result.dossier, result.coverage)
    assert checked.findings == []
    assert checked.evaluation is not None and len(checked.evaluation.levels) == 7
    assert [m.nom for m in checked.evaluation.commission] == ["Anne Riou", "Yann Morvan"]


def test_a_note_of_21_is_e003_at_its_line(tmp_path: Path) -> None:
    result = check(tmp_path, COMPLETE.replace("note: 15.5", "note: 21"))
    assert found(result) == [("E003", "error", 9, 7)]
    assert "21" in result.findings[0].message and "entre 0 et 20" in result.findings[0].message
    assert result.failed


@pytest.mark.parametrize("note", ["-0.5", "20.25", '"25,5"', ".inf"])
def test_any_note_outside_0_20_is_e003(tmp_path: Path, note: str) -> None:
    result = check(tmp_path, COMPLETE.replace("note: 15.5", f"note: {note}"))
    assert [c for c, *_ in found(result)] == ["E003"]


@pytest.mark.parametrize(("note", "value"), [('"15,5"', "15.5"), ("20", "20"), ("0", "0")])
def test_notes_at_the_bounds_and_french_decimals_are_accepted(
    tmp_path: Path, note: str, value: str
) -> None:
    result = check(tmp_path, COMPLETE.replace("note: 15.5", f"note: {note}"))
    assert result.findings == []
    assert result.evaluation is not None and str(result.evaluation.note) == value


def test_an_unknown_level_is_e004_with_the_nearest_level(tmp_path: Path) -> None:
    result = check(tmp_path, COMPLETE.replace("B1.1: Bonne maîtrise", "B1.1: Très bonne maîtrise"))
    assert found(result) == [("E004", "error", 3, 9)]
    assert result.findings[0].hint == "Vouliez-vous dire « Bonne maîtrise » ?"
    assert result.failed


def test_levels_ignore_case_and_accents(tmp_path: Path) -> None:
    result = check(tmp_path, COMPLETE.replace("B1.1: Bonne maîtrise", "B1.1: BONNE MAITRISE"))
    assert result.findings == []
    assert result.evaluation is not None and result.evaluation.levels["B1.1"] == "Bonne maîtrise"


def test_a_level_for_a_competency_no_realisation_mobilises_is_a_warning(tmp_path: Path) -> None:
    # casse-couverture: no réalisation mobilises B1.3 nor B1.6, none is a team réalisation
    text = COMPLETE.replace("B1.6: Bonne maîtrise", "B1.6: Non évaluable").replace(
        "equipe: Bonne maîtrise", "equipe: Non évaluable"
    )
    result = check(tmp_path, text, "casse-couverture")
    assert found(result) == [("E006", "warning", 5, 9)]
    assert "B1.3" in result.findings[0].message
    assert not result.failed  # a warning: the fiche is produced


def test_team_level_without_team_realisation_is_a_warning(tmp_path: Path) -> None:
    text = COMPLETE.replace("B1.3: Maîtrise partielle", "B1.3: Non évaluable").replace(
        "B1.6: Bonne maîtrise", "B1.6: Non évaluable"
    )
    result = check(tmp_path, text, "casse-couverture")
    assert found(result) == [("E006", "warning", 2, 11)]
    assert "aucune réalisation en équipe" in result.findings[0].message


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("B1.7", "n'est pas une compétence du bloc 1"),
        ("B1.1.2", "est un item de B1.1"),
        ("patrimoine", "Deux niveaux pour B1.1"),
    ],
)
def test_a_key_that_is_not_a_new_competency_is_e005(tmp_path: Path, key: str, message: str) -> None:
    text = COMPLETE.replace(
        "  B1.6: Bonne maîtrise\n", f"  B1.6: Bonne maîtrise\n  {key}: Bonne maîtrise\n"
    )
    result = check(tmp_path, text)
    assert found(result) == [("E005", "error", 9, 3)]
    assert message in result.findings[0].message


def test_competencies_may_be_named_by_alias_or_label(tmp_path: Path) -> None:
    text = COMPLETE.replace("B1.4:", "projet:").replace(
        "B1.3:", "Développer la présence en ligne de l'organisation:"
    )
    result = check(tmp_path, text)
    assert result.findings == []
    assert result.evaluation is not None and set(result.evaluation.levels) >= {"B1.3", "B1.4"}


def test_schema_faults_are_e002_with_lines(tmp_path: Path) -> None:
    text = COMPLETE.replace("note: 15.5\n", "notes: 15.5\n") + "date: 2027-02-30\n"
    result = check(tmp_path, text)
    codes = found(result)
    # "notes" can only mean the required "note": one finding, at the key
    assert ("E002", "error", 1, 1) not in codes
    assert ("E002", "error", 9, 1) in codes  # unknown key "notes", at the key
    assert ("E002", "error", 11, 7) in codes  # an impossible date
    unknown = next(f for f in result.findings if f.location.line == 9)
    assert "« note » (champ obligatoire)" in unknown.message
    assert unknown.hint == "Renommez-la « note »."  # no « e4 check --fix » for this file


def test_a_note_that_is_not_a_number_is_e002(tmp_path: Path) -> None:
    result = check(tmp_path, COMPLETE.replace("note: 15.5", "note: quinze"))
    assert found(result) == [("E002", "error", 9, 7)]


def test_missing_levels_and_appreciation_are_e007_warnings(tmp_path: Path) -> None:
    result = check(tmp_path, "niveaux:\n  B1.1: Bonne maîtrise\nnote: 12\n")
    assert sorted(found(result), key=str) == sorted(
        [("E007", "warning", 1, 1), ("E007", "warning", None, None)], key=str
    )
    missing = next(f for f in result.findings if f.location.line == 1)
    assert "equipe, B1.2, B1.3, B1.4, B1.5, B1.6" in missing.message
    assert not result.failed


def test_an_evaluation_of_another_candidate_is_e008(tmp_path: Path) -> None:
    text = 'candidat:\n  numero: "02271834507"\n  nom: LE GOFF\n' + COMPLETE
    result = check(tmp_path, text)
    assert found(result) == [("E008", "error", 2, 11)]
    assert "02271834506" in result.findings[0].message


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("note: 12\nappreciation: Clair : précis.\n", 2),  # YAML syntax
        ("note: 12\nnote: 13\n", 2),  # a duplicate key
        (b"note: 12\nappreciation: \xe9t\xe9\n", 2),  # Windows-1252, not UTF-8
        ("- 12\n", 1),  # not a mapping
    ],
)
def test_an_unreadable_evaluation_is_e001_at_its_line(
    tmp_path: Path, content: str | bytes, line: int
) -> None:
    path = tmp_path / "eval.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = check_dossier(EXAMPLES / "sisr-complet")
    assert result.dossier is not None
    checked = evaluate(path, "eval.yaml", result.dossier, result.coverage)
    errors = [f for f in checked.findings if f.code == "E001"]
    assert errors and errors[0].location.path == "eval.yaml" and errors[0].location.line == line
    assert checked.failed


def test_a_missing_evaluation_is_e001(tmp_path: Path) -> None:
    result = check_dossier(EXAMPLES / "sisr-complet")
    assert result.dossier is not None
    checked = evaluate(tmp_path / "absent.yaml", "absent.yaml", result.dossier, result.coverage)
    assert [(f.code, f.location.path) for f in checked.findings] == [("E001", "absent.yaml")]
    assert checked.evaluation is None and checked.failed


def test_evaluation_codes_are_explained_but_not_run_by_check() -> None:
    assert sorted(EVALUATION_RULES) == [f"E00{n}" for n in range(1, 10)]
    assert not set(EVALUATION_RULES) & set(RULES)
    listing = run_cli("explain")
    assert all(code in listing.stdout for code in EVALUATION_RULES)
    for code, rule in EVALUATION_RULES.items():
        assert rule.check is None and rule.title and rule.summary and rule.why
        assert rule.good and rule.bad
        shown = run_cli("explain", code.lower())
        assert shown.exit_code == 0 and "Pourquoi" in shown.stdout and "Fautif" in shown.stdout


def _properties(schema: object, where: str = "") -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            found.append((f"{where}/{name}", sub))
        for key, value in schema.items():
            found += _properties(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            found += _properties(value, f"{where}/{index}")
    return found


def test_the_evaluation_schema_is_published_and_documented_in_french() -> None:
    import json

    from jsonschema import Draft202012Validator

    from e4cli.util.resources import load_schema

    schema = load_schema("evaluation.schema.json")
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "https://e4cli.github.io/schemas/1/evaluation.schema.json"
    assert schema["title"] and schema["description"]
    for where, sub in _properties(schema):
        assert sub.get("title") and sub.get("description"), where
    levels = schema["properties"]["niveaux"]["additionalProperties"]
    assert levels["title"] and levels["description"]
    shown = run_cli("schema", "evaluation")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["$id"] == schema["$id"]
