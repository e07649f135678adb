"""What e4 writes in YAML reads back, through e4's own loader, as exactly the values written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from e4cli.dossier.yamlsource import parse_yaml
from e4cli.rules.registry import report
from e4cli.util.yamlwrite import comment_lines, scalar

TITLES = [
    "Projet : API REST",
    "Projet: API",
    "Mise en place # v2",
    "C# et .NET",
    "- tiret en tête",
    "-tiret collé",
    "= formule ?",
    "=SOMME(A1:A3)",
    "+33 6 12 34 56 78",
    "@mention",
    '"guillemets" doubles',
    "l'apostrophe d'abord",
    "'apostrophe en tête'",
    "« guillemets français » et ’apostrophe’",
    "yes",
    "Non",
    "null",
    "~",
    "2024-01-05",
    "10/10/22",
    "1.5",
    "0x1F",
    "[crochets]",
    "{accolades}",
    "* étoile",
    "& esperluette",
    "! point",
    "| barre",
    "> chevron",
    "% pourcent",
    "`accent grave`",
    "? question",
    "fin par deux-points:",
    "  espaces autour  ",
    "tab\tinterne",
    "ligne 1\nligne 2",
    "retour\r\nWindows",
    "nbsp\u00a0insécable",
    "sépar\u2028ateur",
    "NEL\x85",
    "bom\ufeffici",
    "contrôle\x07",
    "émoji 🚀",
    "",
    "Réalisation — « Mise en œuvre » d’un serveur",
]


def read_back(text: str) -> object:
    doc = parse_yaml(f"k: {text}\n", "t.yaml")
    assert [report(problem) for problem in doc.problems] == []
    assert isinstance(doc.data, dict)
    return doc.data["k"]


@pytest.mark.parametrize("title", TITLES)
def test_titles_read_back_exactly(title: str) -> None:
    assert read_back(scalar(title)) == title


@pytest.mark.parametrize("title", ["Projet : API", "- tiret", "= formule", '"q"', "a # b"])
def test_risky_titles_are_quoted(title: str) -> None:
    assert scalar(title).startswith('"')


def test_plain_french_stays_plain() -> None:
    assert scalar("Création d'une entreprise fictive virtuelle (AP-1)") == (
        "Création d'une entreprise fictive virtuelle (AP-1)"
    )


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_any_text_reads_back(text: str) -> None:
    assert read_back(scalar(text)) == text


def comment_is_inert(text: str) -> None:
    lines = comment_lines(text, "  ")
    doc = parse_yaml("a: 1\n" + "\n".join(lines) + "\nb: 2\n", "t.yaml")
    assert doc.data == {"a": 1, "b": 2}


@pytest.mark.parametrize("text", ["\u20280", "a\u2029b", "\x85", "x\ry", "\x00", "\ufeff"])
def test_line_breaks_yaml_knows_stay_inside_a_comment(text: str) -> None:
    comment_is_inert(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_comment_stays_a_comment(text: str) -> None:
    comment_is_inert(text)


def test_other_scalars() -> None:
    assert scalar(2024) == "2024"
    assert scalar(dt.date(2024, 1, 5)) == "2024-01-05"
    assert scalar(True) == "true" and scalar(None) == "null"
