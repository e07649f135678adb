"""`e4 schema`: print a schema, export them, and map them in VS Code without losing a setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from e4cli.util.jsonc import JsoncError, parse_jsonc, set_top_level_member

SETTINGS = Path(".vscode") / "settings.json"
DOSSIER_KEY = "./.e4/schemas/dossier.schema.json"
REALISATION_KEY = "./.e4/schemas/realisation.schema.json"
EVALUATION_KEY = "./.e4/schemas/evaluation.schema.json"


def test_printing_a_schema_is_unchanged() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$id"].endswith("/dossier.schema.json")
    assert json.loads(run_cli("schema", "realisation").stdout)["title"].startswith("Réalisation")


def test_an_unknown_schema_is_a_usage_error() -> None:
    result = run_cli("schema", "inconnu")
    assert result.exit_code == 2 and "disponibles" in result.output


def test_output_exports_every_shipped_schema_byte_for_byte(tmp_path: Path) -> None:
    result = run_cli("schema", "--output", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    shipped = sorted((ROOT / "schemas").glob("*.schema.json"))
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [p.name for p in shipped]
    for path in shipped:
        assert (tmp_path / "s" / path.name).read_bytes() == path.read_bytes()


def test_output_with_a_name_exports_that_schema_only(tmp_path: Path) -> None:
    assert run_cli("schema", "realisation", "-o", str(tmp_path)).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["realisation.schema.json"]


# -- VS Code ------------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings(workspace: Path) -> str:
    return (workspace / SETTINGS).read_text(encoding="utf-8")


def test_vscode_creates_the_settings_and_exports_what_they_point_at(workspace: Path) -> None:
    result = run_cli("schema", "--vscode")
    assert result.exit_code == 0, result.output
    mapping = json.loads(settings(workspace))["yaml.schemas"]
    assert mapping == {
        DOSSIER_KEY: ["dossier.yaml", "**/dossier.yaml"],
        REALISATION_KEY: ["realisations/*.yaml", "**/realisations/*.yaml"],
        # the commission's evaluations, offline like the rest (e4 note --evaluation)
        EVALUATION_KEY: [
            "evaluation.yaml",
            "**/evaluation.yaml",
            "evaluations/*.yaml",
            "**/evaluations/*.yaml",
        ],
    }
    for key in mapping:
        assert (workspace / key).is_file()


def test_vscode_keeps_comments_trailing_commas_and_other_settings(workspace: Path) -> None:
    original = (
        "// Réglages de l'espace de travail\n"
        "{\n"
        '    "editor.fontSize": 14, // plus lisible\n'
        "    /* Python */\n"
        '    "python.defaultInterpreterPath": ".venv/bin/python",\n'
        '    "files.exclude": {"**/.git": true, "url": "http://a//b"},\n'
        "}\n"
    )
    (workspace / ".vscode").mkdir()
    (workspace / SETTINGS).write_text(original, encoding="utf-8")
    result = run_cli("schema", "--vscode")
    assert result.exit_code == 0, result.output
    text = settings(workspace)
    for kept in ("// Réglages", "// plus lisible", "/* Python */", '"http://a//b"'):
        assert kept in text
    assert text.startswith(original[: original.rindex(",\n}")])  # everything before is as it was
    data = parse_jsonc(text)
    assert {k: v for k, v in data.items() if k != "yaml.schemas"} == parse_jsonc(original)
    assert set(data["yaml.schemas"]) == {DOSSIER_KEY, REALISATION_KEY, EVALUATION_KEY}


def test_vscode_keeps_the_line_ends_and_byte_order_mark_of_a_windows_file(
    workspace: Path,
) -> None:
    # VS Code on Windows writes CRLF; the settings are often committed: only our lines change.
    original = '\ufeff{\r\n    // Windows\r\n    "editor.fontSize": 14\r\n}\r\n'
    (workspace / ".vscode").mkdir()
    (workspace / SETTINGS).write_bytes(original.encode("utf-8"))
    assert run_cli("schema", "--vscode").exit_code == 0
    raw = (workspace / SETTINGS).read_bytes()
    assert raw.startswith(b'\xef\xbb\xbf{\r\n    // Windows\r\n    "editor.fontSize": 14,\r\n')
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert set(parse_jsonc(raw.decode("utf-8-sig"))["yaml.schemas"]) == {
        DOSSIER_KEY,
        REALISATION_KEY,
        EVALUATION_KEY,
    }


def test_vscode_keeps_the_comments_of_a_settings_file_with_no_setting(workspace: Path) -> None:
    # Commented-out settings are all some students have in it.
    original = '{\n    // "editor.fontSize": 14,\n    /* "files.autoSave": "on" */\n}\n'
    (workspace / ".vscode").mkdir()
    (workspace / SETTINGS).write_text(original, encoding="utf-8")
    assert run_cli("schema", "--vscode").exit_code == 0
    text = settings(workspace)
    assert text.startswith(original[: original.rindex("\n}")])
    assert '// "editor.fontSize": 14,' in text and '/* "files.autoSave": "on" */' in text
    assert set(parse_jsonc(text)) == {"yaml.schemas"}


def test_vscode_adds_to_an_existing_mapping(workspace: Path) -> None:
    (workspace / ".vscode").mkdir()
    (workspace / SETTINGS).write_text(
        '{"yaml.schemas": {"https://json.schemastore.org/github-workflow.json": '
        '".github/workflows/*.yml", "' + DOSSIER_KEY + '": ["autre.yaml"]}}',
        encoding="utf-8",
    )
    assert run_cli("schema", "--vscode").exit_code == 0
    mapping = parse_jsonc(settings(workspace))["yaml.schemas"]
    assert mapping["https://json.schemastore.org/github-workflow.json"] == ".github/workflows/*.yml"
    assert mapping[DOSSIER_KEY] == ["autre.yaml", "dossier.yaml", "**/dossier.yaml"]


def test_vscode_twice_changes_nothing_the_second_time(workspace: Path) -> None:
    assert run_cli("schema", "--vscode").exit_code == 0
    first = settings(workspace)
    result = run_cli("schema", "--vscode")
    assert result.exit_code == 0 and "déjà à jour" in result.output
    assert settings(workspace) == first


def test_vscode_with_another_schema_folder(workspace: Path) -> None:
    assert run_cli("schema", "--vscode", "--output", "outils/schemas").exit_code == 0
    mapping = json.loads(settings(workspace))["yaml.schemas"]
    assert "./outils/schemas/dossier.schema.json" in mapping
    assert (workspace / "outils/schemas/dossier.schema.json").is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"yaml.schemas": {/* à moi */ "a.json": "*.yaml"}}', "commentaires"),
        ('{"editor.fontSize": 14,, }', "JSON valide"),
        ('{"a": "non terminé', "JSON valide"),
        ("[1, 2]", "objet"),
        ('{"yaml.schemas": "texte"}', "n'est pas un objet"),
    ],
)
def test_vscode_refuses_what_it_cannot_update_without_loss(
    workspace: Path, content: str, message: str
) -> None:
    (workspace / ".vscode").mkdir()
    (workspace / SETTINGS).write_text(content, encoding="utf-8")
    result = run_cli("schema", "--vscode")
    assert result.exit_code == 2
    assert message in result.output and "laissé tel quel" in result.output
    assert settings(workspace) == content


# -- the JSONC editing on its own ---------------------------------------------------------


def test_jsonc_strings_may_hold_comment_markers() -> None:
    text = '{"a": "// pas un commentaire", "b": "/* non plus */", /* mais ceci */ "c": [1,],}'
    assert parse_jsonc(text) == {"a": "// pas un commentaire", "b": "/* non plus */", "c": [1]}


def test_jsonc_replaces_a_member_in_place() -> None:
    text = '{\n  // garde\n  "x": {"old": 1},\n  "y": 2\n}\n'
    result = set_top_level_member(text, "x", {"new": 2})
    assert "// garde" in result and result.endswith('  "y": 2\n}\n')
    assert parse_jsonc(result) == {"x": {"new": 2}, "y": 2}


def test_jsonc_empty_object_and_duplicates() -> None:
    assert parse_jsonc(set_top_level_member("{}", "k", 1)) == {"k": 1}
    with pytest.raises(JsoncError):
        set_top_level_member('{"k": 1, "k": 2}', "k", 3)
