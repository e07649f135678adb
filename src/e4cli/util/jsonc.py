"""JSON with comments (VS Code's settings.json): read it, and change one member in place.

VS Code writes its settings as JSONC: `//` and `/* */` comments, trailing
commas. Python's json module refuses both, and rewriting the file from parsed
data would lose the comments. Here the text is tokenised once; reading drops
comments and trailing commas, and `set_top_level_member` splices one member
of the top-level object into the original text, leaving every other byte as
it was.
"""

from __future__ import annotations

import json
from typing import Any

from e4cli.util.record import record

MAX_DEPTH = 64  # settings.json nests a few levels
MAX_BYTES = 4 << 20  # a settings file is a few KiB


class JsoncError(Exception):
    """Text that is not JSON with comments; the message says where, in French."""


@record
class _Token:
    kind: str  # "string", "punct", "comment", "literal"
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n\ufeff":
            i += 1
        elif ch == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise JsoncError(f"chaîne non terminée (ligne {_line(text, i)})")
            tokens.append(_Token("string", i, j + 1))
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            tokens.append(_Token("comment", i, j))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise JsoncError(f"commentaire /* non terminé (ligne {_line(text, i)})")
            tokens.append(_Token("comment", i, j + 2))
            i = j + 2
        elif ch in "{}[],:":
            tokens.append(_Token("punct", i, i + 1))
            i += 1
        else:
            j = i
            while j < n and text[j] not in ' \t\r\n{}[],:"/':
                j += 1
            if j == i:
                raise JsoncError(f"caractère inattendu « {ch} » (ligne {_line(text, i)})")
            tokens.append(_Token("literal", i, j))
            i = j
    return tokens


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_jsonc(text: str) -> Any:
    """The data of a JSONC text (comments and trailing commas allowed)."""
    tokens = [t for t in _tokens(text) if t.kind != "comment"]
    parts: list[str] = []
    for index, token in enumerate(tokens):
        piece = text[token.start : token.end]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if piece == "," and following is not None and text[following.start] in "}]":
            continue  # a trailing comma
        parts.append(piece)
    depth = deepest = 0
    for piece in parts:  # json.loads recurses: a hostile file nests 100,000 levels
        if piece in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif piece in ("]", "}"):
            depth -= 1
    if deepest > MAX_DEPTH:
        raise JsoncError(f"plus de {MAX_DEPTH} niveaux d'imbrication")
    try:
        return json.loads(" ".join(parts))
    except json.JSONDecodeError as exc:
        raise JsoncError(exc.msg) from exc
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, a deep nest
        raise JsoncError("valeur hors limites (nombre de milliers de chiffres)") from exc


def set_top_level_member(text: str, key: str, value: Any) -> str:
    """`text` with the top-level member `key` set to `value`; all else left as written."""
    tokens = _tokens(text)
    code = [t for t in tokens if t.kind != "comment"]
    if not code or text[code[0].start] != "{" or text[code[-1].start] != "}":
        raise JsoncError("le fichier ne contient pas un objet JSON { … }")
    members = _members(text, code)
    found = [m for m in members if json.loads(text[m.key.start : m.key.end]) == key]
    if len(found) > 1:
        raise JsoncError(f"« {key} » y figure plusieurs fois")
    if found:
        member = found[0]
        span = (member.value_start, member.value_end)
        if any(t.kind == "comment" and span[0] <= t.start < span[1] for t in tokens):
            raise JsoncError(
                f"« {key} » contient des commentaires que la mise à jour effacerait ; "
                "ajoutez la correspondance à la main (voir le README)"
            )
        indent = _indent_of(text, member.key.start)
        return text[: span[0]] + _dumps(value, indent) + text[span[1] :]
    closing = code[-1].start
    insert_at = closing  # after the last member, or the last comment, before the "}"
    while insert_at > 0 and text[insert_at - 1] in " \t\r\n":
        insert_at -= 1
    if not members:
        indent = "    "
        return (
            text[:insert_at]
            + f"\n{indent}{json.dumps(key)}: {_dumps(value, indent)}\n"
            + text[closing:]
        )
    last = members[-1]
    indent = _indent_of(text, last.key.start)
    addition = f"\n{indent}{json.dumps(key)}: {_dumps(value, indent)}"
    result = text[:insert_at] + addition + text[insert_at:]
    if not last.trailing_comma:
        result = result[: last.value_end] + "," + result[last.value_end :]
    return result


@record
class _Member:
    key: _Token
    value_start: int
    value_end: int
    trailing_comma: bool


def _members(text: str, code: list[_Token]) -> list[_Member]:
    """The members of the top-level object (tokens without comments)."""
    members: list[_Member] = []
    i, last = 1, len(code) - 1
    while i < last:
        key = code[i]
        if key.kind != "string" or i + 1 >= last or text[code[i + 1].start] != ":":
            raise JsoncError(f"clé attendue (ligne {_line(text, key.start)})")
        j = i + 2
        depth = 0
        start = code[j].start if j < last else code[last].start
        end = start
        while j < last:
            piece = text[code[j].start]
            if depth == 0 and piece == ",":
                break
            if piece in "{[":
                depth += 1
            elif piece in "}]":
                depth -= 1
            end = code[j].end
            j += 1
        if end == start:
            raise JsoncError(f"valeur attendue (ligne {_line(text, key.start)})")
        comma = j < last and text[code[j].start] == ","
        members.append(_Member(key, start, end, comma))
        i = j + 1 if comma else j
    return members


def _indent_of(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    return prefix if not prefix.strip() else "    "


def _dumps(value: Any, indent: str) -> str:
    lines = json.dumps(value, indent=4, ensure_ascii=False).split("\n")
    return "\n".join([lines[0], *(indent + line for line in lines[1:])])
