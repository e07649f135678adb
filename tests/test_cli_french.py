"""Click's own words (help headings, usage errors) reach the user in French."""

from __future__ import annotations

import pytest

from conftest import run_cli, run_e4
from e4cli.cli.french import translate_error

ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Show this message",
    "[required]",
    "Error:",
    "Try '",
)

COMMANDS = ["check", "explain", "schema", "init", "import", "table", "grille", "note", "report"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_french(command: str | None) -> None:
    result = run_cli(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Utilisation : e4" in result.stdout
    assert "Affiche cette aide et quitte." in result.stdout
    for word in ENGLISH:
        assert word not in result.stdout, word


@pytest.mark.parametrize(
    ("args", "french"),
    [
        (["check"], "Erreur : argument manquant : dossiers."),
        (["check", ".", "--format", "yaml"], "« yaml » n'est pas une valeur possible"),
        (["check", ".", "--nope"], "Erreur : option inconnue : --nope."),
        (["chek"], "commande inconnue : « chek ». Vouliez-vous dire 'check'"),
        (["check", ".", "-j", "0"], "0 n'est pas dans l'intervalle x>=1."),
    ],
)
def test_usage_errors_are_french_and_exit_2(args: list[str], french: str) -> None:
    proc = run_e4(*args)
    assert proc.returncode == 2
    assert french in proc.stderr
    assert "Aide : e4" in proc.stderr
    for word in ENGLISH:
        assert word not in proc.stderr, word


def test_bare_e4_shows_the_french_help() -> None:
    proc = run_e4()
    assert proc.returncode == 2
    assert "Utilisation : e4" in proc.stderr and "Commandes :" in proc.stderr


def test_an_unknown_message_is_left_as_click_wrote_it() -> None:
    assert translate_error("Something new happened.") == "Something new happened."
    assert translate_error("Invalid value for 'X': odd.") == "valeur invalide pour 'X' : odd."
