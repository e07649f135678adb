"""Click's own words (help headings, usage errors) reach the user in French."""

from __future__ import annotations

import pytest

from conftest import run_e4
from e4cli.cli.french import translate_error
from e4cli.util.typography import NBSP


def plain(text: str) -> str:
    """The text with its non-breaking spaces (French typography) as plain ones."""
    return text.replace(NBSP, " ")


ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Show this message",
    "[required]",
    "Error:",
    "Try '",
    # Click's and Typer's metavars, range notes and completion options
    "<file>",
    "<directory>",
    "<path>",
    "<int range>",
    "<integer>",
    "<str>",
    "<text>",
    "[x>=",
    "[x<=",
    "<=x<=",
    "{",
    "Install completion",
    "Show completion",
    "current shell",
    "COMMAND ",
    "[ARGS]",
)

COMMANDS = ["check", "explain", "schema", "init", "import", "table", "grille", "note", "report"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_french(command: str | None) -> None:
    proc = run_e4(*([command] if command else []), "--help")
    assert proc.returncode == 0
    out = plain(proc.stdout)
    assert "Utilisation : e4" in out
    assert "Affiche cette aide et quitte." in out
    for word in ENGLISH:
        assert word not in out, word
    assert "Utilisation\u00a0:" in proc.stdout  # French typography: no line starts with « : »


def test_the_command_list_shows_each_first_sentence_whole() -> None:
    out = plain(run_e4("--help").stdout)
    listed = " ".join(out.split("Commandes :")[1].split())
    assert "Vérifie un ou plusieurs dossiers comme le contrôle de conformité et le jury." in listed
    assert "..." not in listed


@pytest.mark.parametrize(
    ("args", "french"),
    [
        (["check"], "Erreur : argument manquant : dossiers."),
        (["check", ".", "--format", "yaml"], "« yaml » n'est pas une valeur possible"),
        (["check", ".", "--nope"], "Erreur : option inconnue : --nope."),
        (["chek"], "commande inconnue : « chek ». Vouliez-vous dire « check »"),
        (["check", ".", "-j", "0"], "0 : la valeur doit valoir au moins 1."),
    ],
)
def test_usage_errors_are_french_and_exit_2(args: list[str], french: str) -> None:
    proc = run_e4(*args)
    assert proc.returncode == 2
    err = plain(proc.stderr)
    assert french in err
    assert "Aide : e4" in err
    for word in ENGLISH:
        assert word not in err, word
    assert "'" not in err.split("Erreur :")[1].replace("l'", "").replace("n'", "")


def test_bare_e4_shows_the_french_help() -> None:
    proc = run_e4()
    assert proc.returncode == 2
    err = plain(proc.stderr)
    assert "Utilisation : e4" in err and "Commandes :" in err


def test_an_unknown_message_is_left_as_click_wrote_it() -> None:
    assert translate_error("Something new happened.") == "Something new happened."
    translated = plain(translate_error("Invalid value for 'X': odd."))
    assert translated == "valeur invalide pour « X » : odd."
