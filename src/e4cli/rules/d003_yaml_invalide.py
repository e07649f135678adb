"""D003 · error · YAML invalide

Un fichier YAML du dossier ne se lit pas ; la ligne et la colonne de l'erreur sont données.

Pourquoi : un fichier illisible, c'est une réalisation ou un manifeste qui disparaît du
tableau de synthèse.

Correct :
    intitule: "Migration : serveur de fichiers"

Fautif :
    intitule: Migration : serveur de fichiers
"""

import re

from e4cli.dossier.problems import ComplexKey, ControlCharacter, YamlSyntax
from e4cli.rules.base import Description, Rule
from e4cli.rules.findings import Location

RULE = Rule.from_doc(__doc__, needs_manifest=False)

Mark = tuple[int, int] | None  # 0-based line and column, as PyYAML counts

_GENERIC_HINT = (
    "Vérifiez l'indentation (des espaces, pas de tabulations), les deux-points après chaque "
    "clé et les guillemets autour des textes qui contiennent « : »."
)
_TAB_HINT = (
    "Remplacez chaque tabulation par des espaces ; réglez l'éditeur pour qu'il insère des espaces."
)
_QUOTE_HINT = 'Mettez la valeur entre guillemets : intitule: "…".'
_INDENT_HINT = (
    "Les clés d'un même bloc commencent à la même colonne, et les éléments « - » d'une même "
    "liste aussi ; indentez avec des espaces."
)

# (words of PyYAML's or libyaml's message, French problem, hint); the first that matches wins.
# PyYAML and libyaml word the same fault differently: both are listed.
_PROBLEMS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("mapping values are not allowed",),
        "deux-points inattendu (un texte contenant « : » doit être entre guillemets)",
        _QUOTE_HINT,
    ),
    (
        ("found undefined alias",),
        "alias (*) sans ancre (&) correspondante",
        "« * » en début de valeur désigne un alias YAML : " + _QUOTE_HINT,
    ),
    (
        ("but found another document",),
        "plusieurs documents (---) dans un seul fichier",
        "Gardez un seul document : retirez la ligne « --- » et ce qui la suit, ou faites-en un "
        "autre fichier.",
    ),
    (
        ("expected escape sequence", "unknown escape", "hexdecimal", "hexadecimal"),
        "barre oblique inverse (\\) entre guillemets doubles",
        "Entre guillemets doubles, « \\ » annonce un caractère spécial : écrivez les chemins avec "
        "« / » (productions/procedure.pdf) ou mettez la valeur entre guillemets simples.",
    ),
    (
        ("expected ',' or ']'",),
        "crochet « [ » jamais refermé, ou virgule manquante dans la liste",
        "Une liste entre crochets s'écrit [B1.1, B1.2] sur une seule ligne.",
    ),
    (
        ("expected ',' or '}'",),
        "accolade « { » jamais refermée, ou virgule manquante",
        "Un bloc entre accolades s'écrit {debut: 2027-01-19, fin: 2027-02-12} sur une seule ligne.",
    ),
    (
        ("expected key", "expected <block end>", "expected '-' indicator"),
        "indentation incohérente (cette ligne ne s'aligne sur aucun bloc ouvert au-dessus)",
        _INDENT_HINT,
    ),
)


@RULE.describes(YamlSyntax)
def describe(problem: YamlSyntax) -> Description:
    """The parser's fault in French, where to point at, and how to fix it."""
    french, mark, hint = _explain(problem)
    path = problem.where.path
    where = Location(path, mark[0] + 1, mark[1] + 1) if mark else Location(path)
    return Description(f"YAML invalide : {french}.", where, hint)


@RULE.describes(ControlCharacter)
def describe_control(problem: ControlCharacter) -> Description:
    return Description(
        f"YAML invalide : caractère de contrôle U+{problem.char:04X} interdit dans un fichier "
        "YAML.",
        problem.where,
        "Ce fichier contient des caractères invisibles ou binaires : retapez la ligne, ou "
        "vérifiez qu'il s'agit bien d'un fichier texte.",
    )


@RULE.describes(ComplexKey)
def describe_key(problem: ComplexKey) -> Description:
    return Description(
        "Une clé doit être un simple mot, pas une liste ni un dictionnaire.",
        problem.where,
        "Écrivez la clé comme un mot suivi de deux-points : « intitule: ».",
    )


def _explain(error: YamlSyntax) -> tuple[str, Mark, str]:
    problem, text = error.problem, error.text
    mark = error.problem_mark or error.context_mark
    char = _char_at(text, mark)
    if "tab character" in problem or char == "\t":
        return "tabulation interdite (l'indentation se fait avec des espaces)", mark, _TAB_HINT
    if "cannot start any token" in problem:
        return f"une valeur ne peut pas commencer par « {char} »", mark, _QUOTE_HINT
    if "alphabetic or numeric character" in problem:  # `*texte*` or `& co` read as an alias
        first = _char_at(text, error.context_mark)
        return f"une valeur ne peut pas commencer par « {first} »", error.context_mark, _QUOTE_HINT
    if "could not find expected ':'" in problem:  # the key without colon is where it began
        return "deux-points manquant après une clé", error.context_mark or mark, _GENERIC_HINT
    if "expected" in problem and _after_closing_quote(text, mark):
        return (
            "texte après le guillemet fermant",
            mark,
            'Toute la valeur doit être entre les guillemets : intitule: "Projet « X » : suite".',
        )
    if "end of stream" in problem and "quoted scalar" in (error.context or ""):
        # the fault is the opening quote, not the end of the file where the parser stopped
        return (
            "guillemet jamais refermé",
            error.context_mark or mark,
            "Refermez le guillemet à la fin de la valeur, sur la même ligne.",
        )
    for words, french, hint in _PROBLEMS:
        if any(word in problem for word in words):
            if hint.endswith(_QUOTE_HINT):  # name the key of the line, not an example's
                hint = hint[: -len(_QUOTE_HINT)] + _quote_hint(text, mark)
            return french, mark, hint
    return problem or "syntaxe invalide", mark, _GENERIC_HINT


_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([^\s:#\"'][^:#]*?):[ \t]+(.+?)\s*$")


def _quote_hint(text: str, mark: Mark) -> str:
    """The quoting hint for the line the parser stopped on: its own key and value."""
    if mark is None:
        return _QUOTE_HINT
    lines = text.splitlines()
    match = _KEY_LINE.match(lines[mark[0]]) if mark[0] < len(lines) else None
    if match is None:
        return _QUOTE_HINT
    key, value = match[1], match[2]
    shown = value if len(value) <= 60 else value[:59].rstrip() + "…"
    quoted = "'" + shown.replace("'", "''") + "'" if '"' in value else f'"{shown}"'
    return f"Mettez la valeur entre guillemets : {key}: {quoted}."


def _after_closing_quote(text: str, mark: Mark) -> bool:
    """True when the parser stopped on text that follows a quoted value on its line."""
    if mark is None:
        return False
    lines = text.splitlines()
    before = lines[mark[0]][: mark[1]].rstrip() if mark[0] < len(lines) else ""
    return before.endswith(('"', "'")) and ":" in before


def _char_at(text: str, mark: Mark) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    if mark[0] >= len(lines) or mark[1] >= len(lines[mark[0]]):
        return ""
    return lines[mark[0]][mark[1]]
