"""Validate a YAML document against a shipped JSON Schema, as located violations.

Each schema error's `absolute_path` is walked down the composed YAML node
tree, so the finding points at the offending value's line and column.
Messages are French and name the field as the candidate wrote it.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml

from e4cli.dossier.problems import InvalidValue, SchemaViolation, UnknownKey
from e4cli.dossier.yamlsource import PathElem, YamlDocument, field_name
from e4cli.util.resources import load_schema
from e4cli.util.textnorm import fold, nearest, only_match

if TYPE_CHECKING:
    # jsonschema is imported only to explain an invalid document (a third of
    # `e4 check`'s start-up); the compiled checks decide validity without it.
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "du texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "object": "un bloc de clés (clé: valeur)",
    "array": "une liste (lignes commençant par « - »)",
    "boolean": "vrai ou faux",
    "null": "vide",
}

DOCUMENT_SCHEMAS = ("dossier.schema.json", "realisation.schema.json")
MAX_SUGGESTED = 100  # unknown keys of one block for which the nearest known key is sought
_ANNOTATIONS = frozenset({"title", "description", "$comment", "examples", "default"})


@cache
def validator_for(schema_name: str) -> Draft202012Validator:
    """One validator per schema and per process: building one is costly.

    The published schemas keep their `$ref`s (editors show them); the validator gets a
    copy with every reference inlined, which validates about twice as fast, since
    jsonschema otherwise looks each reference up in its registry for every value.
    """
    schema = load_schema(schema_name)
    validator: Draft202012Validator = _ecma_validator()(inline_refs(schema, schema_name))
    return validator


@cache
def _ecma_validator() -> Any:
    """Draft 2020-12 with JavaScript's `pattern` (see `ecma_pattern`)."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": _pattern}
    )


def ecma_pattern(pattern: str) -> str:
    """`pattern` with `$` meaning the end of the text, as in the JavaScript regexes of JSON Schema.

    Python's `$` also matches before a final newline, so `id: "stage1\n"` would pass a
    `^[a-z0-9-]+$` that every editor (and the compiled fast check) refuses.
    """
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(char)
    return "".join(out)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(ecma_pattern(pattern))


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        from jsonschema.exceptions import ValidationError

        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def inline_refs(schema: Any, name: str, seen: tuple[str, ...] = ()) -> Any:
    """`schema` with each `$ref` (local or to a sibling file) replaced by its target.

    Our schemas are not recursive; a reference cycle is a fault of the installation.
    """
    if isinstance(schema, list):
        return [inline_refs(item, name, seen) for item in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return {k: v if k == "$defs" else inline_refs(v, name, seen) for k, v in schema.items()}
    if ref in seen:
        raise ValueError(f"référence circulaire dans les schémas : {' → '.join((*seen, ref))}")
    target_file, _, pointer = ref.partition("#")
    target_name = target_file or name
    target: Any = load_schema(target_name)
    for part in filter(None, pointer.split("/")):
        target = target[part]
    resolved = inline_refs(target, target_name, (*seen, ref))
    siblings = {k: inline_refs(v, name, seen) for k, v in schema.items() if k != "$ref"}
    if set(siblings) - _ANNOTATIONS & set(resolved):
        return {"allOf": [resolved], **siblings}
    return {**resolved, **siblings}


SLOW_PATHS_ENV = "E4_SLOW_PATHS"
"""Set to 1, every document goes through jsonschema: the tests compare both paths' reports."""


@cache
def fast_check(schema_name: str) -> Callable[[Any], Any] | None:
    """The compiled validity check of a shipped schema (`check/compiled/`), if it has one.

    Generated ahead of time by `check/compile_schemas.py` (fastjsonschema), it confirms
    a valid document about ten times faster than jsonschema and imports neither
    library. A document it refuses goes through jsonschema, which alone words the
    findings: the fast check only skips work on documents without any error (tests
    hold the two to the same verdict on random documents, and the reports of every
    example and hostile case to the same bytes).
    """
    from e4cli.check.compile_schemas import COMPILED

    module = COMPILED.get(schema_name)
    if module is None or os.environ.get(SLOW_PATHS_ENV) == "1":
        return None
    compiled = importlib.import_module(f"e4cli.check.compiled.{module}")
    check: Callable[[Any], Any] = compiled.validate
    return check


def is_valid_fast(data: Any, schema_name: str) -> bool | None:
    """The compiled verdict, or None when there is no compiled check for this schema."""
    check = fast_check(schema_name)
    if check is None:
        return None
    try:
        check(data)
    except ValueError:  # the generated JsonSchemaValueException
        return False
    return True


def validate(doc: YamlDocument, schema_name: str) -> Iterator[SchemaViolation]:
    """What the schema refuses in `doc`, each worded and placed; reported by S001/S002."""
    if is_valid_fast(doc.data, schema_name):
        return
    validator = validator_for(schema_name)
    errors = sorted(
        validator.iter_errors(doc.data),
        key=lambda e: (doc.locate(list(e.absolute_path)).line or 0, list(map(str, e.path))),
    )
    renamed = _renames(errors)
    for error in errors:
        if _meant_by_a_key(error, renamed):
            continue  # `intitulé:` for `intitule`: one finding, S002 at the key
        yield from _violations(doc, error, renamed)


def _renames(errors: list[ValidationError]) -> dict[tuple[PathElem, ...], dict[str, str]]:
    """For each block, the unknown keys that can only mean one known key not written there."""
    found: dict[tuple[PathElem, ...], dict[str, str]] = {}
    for error in errors:
        if str(error.validator) != "additionalProperties" or not isinstance(error.instance, dict):
            continue
        known = list(_subschema(error).get("properties", {}))
        path = tuple(error.absolute_path)
        unknown = [key for key in error.instance if key not in known]
        targets: dict[str, list[str]] = {}
        for key in unknown[:MAX_SUGGESTED]:  # a hostile block of 40,000 keys: the first only
            target = only_match(key, known)
            if target is not None and target not in error.instance:
                targets.setdefault(target, []).append(key)
        # two keys that could both mean one: a choice to make, no rename
        renames = {keys[0]: target for target, keys in targets.items() if len(keys) == 1}
        if renames:
            found[path] = renames
    return found


def _meant_by_a_key(
    error: ValidationError, renamed: dict[tuple[PathElem, ...], dict[str, str]]
) -> bool:
    """A required key reported missing while an unknown key of its block can only mean it."""
    if str(error.validator) != "required":
        return False
    missing = error.message.split("'")[1] if "'" in error.message else None
    return missing in renamed.get(tuple(error.absolute_path), {}).values()


def _subschema(error: ValidationError) -> dict[str, Any]:
    """The schema that refused the value (jsonschema types it loosely: a bool, or unset)."""
    schema = error.schema
    return dict(schema) if isinstance(schema, Mapping) else {}


def _violations(
    doc: YamlDocument,
    error: ValidationError,
    renamed: dict[tuple[PathElem, ...], dict[str, str]] | None = None,
) -> Iterator[SchemaViolation]:
    path: list[PathElem] = list(error.absolute_path)
    where = field_name(path)
    kind = str(error.validator)
    schema = _subschema(error)
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        required = set(schema.get("required", []))
        instance: Any = error.instance
        extras = [k for k in instance if k not in known]
        renames = (renamed or {}).get(tuple(path), {})
        for count, key in enumerate(extras):
            target = renames.get(key)
            # past the findings a report details one by one, no suggestion is shown
            suggestion = target or (nearest(key, known) if count < MAX_SUGGESTED else None)
            inside = f" dans « {where} »" if path else ""
            message = f"Clé inconnue « {key} »{inside}."
            if target:
                why = (
                    "les clés s'écrivent sans accents ni majuscules,"
                    if fold(target) == fold(key)
                    else "sans doute"
                )
                message = (
                    f"Clé inconnue « {key} »{inside} : {why} « {target} »"
                    + (" (champ obligatoire)." if target in required else ".")
                )
                hint = f"Renommez-la « {target} »."
            elif suggestion:
                hint = f"Vouliez-vous dire « {suggestion} » ?"
            else:
                hint = f"Clés possibles ici : {', '.join(known)}."
            yield UnknownKey(
                doc.locate_key([*path, key]),
                message,
                hint,
                rename=target,
                span=doc.key_span([*path, key]) if target else None,
            )
        return
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        subschema = schema.get("properties", {}).get(missing, {})
        title = subschema.get("title")
        label = f"« {missing} »" + (f" ({title})" if title else "")
        yield InvalidValue(
            doc.locate(path),
            f"Champ obligatoire {label} absent"
            + (f" dans « {where} »." if path else " du document."),
            subschema.get("description"),
        )
        return
    message, advice = _describe(doc, error, path)
    quoted = None
    span = None
    if _read_as_number(doc, error, path):
        span = doc.span(path)
        quoted = f'"{span.text}"' if span is not None else None
    yield InvalidValue(doc.locate(path), f"« {where} » : {message}", advice, quoted, span)


def _read_as_number(doc: YamlDocument, error: ValidationError, path: list[PathElem]) -> bool:
    """Text the schema wants, written as a plain number that quoting keeps as written."""
    if str(error.validator) != "type" or error.validator_value != "string":
        return False
    value = error.instance
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    node, depth = doc.node_at(path)
    return (
        depth == len(path)
        and isinstance(node, yaml.ScalarNode)
        and not node.style
        and re.fullmatch(r"[0-9A-Za-z_.+-]+", str(node.value)) is not None
    )


def _describe(
    doc: YamlDocument, error: ValidationError, path: list[PathElem]
) -> tuple[str, str | None]:
    kind = str(error.validator)
    value: Any = error.instance
    expected: Any = error.validator_value
    description: str | None = _subschema(error).get("description")
    node, depth = doc.node_at(path)
    raw = getattr(node, "value", None) if depth == len(path) else None
    if kind == "type":
        names = [str(n) for n in (expected if isinstance(expected, list) else [expected])]
        wanted = " ou ".join(_TYPE_NAMES.get(n, n) for n in names)
        hint = description
        shown: Any = _show(value)
        if value is None and raw == "":  # nothing written after « key: » or « - »
            return f"la valeur est vide, alors qu'elle doit être {wanted}.", description
        if names == ["string"] and isinstance(raw, str):
            from e4cli.rules.s001_valeur_invalide import read_as_number

            return read_as_number(raw, shown)
        if "string" in names and isinstance(raw, str):
            hint = f'Mettez la valeur entre guillemets pour la garder telle quelle : "{raw}".'
            shown = f"« {raw} », lu comme {shown}"
        return f"la valeur doit être {wanted}, pas {shown}.", hint
    if kind == "enum":
        allowed = ", ".join(str(v) for v in expected)
        suggestion = nearest(str(value), [str(v) for v in expected])
        hint = f"Vouliez-vous dire « {suggestion} » ?" if suggestion else description
        shown = raw if isinstance(raw, str) else value
        return f"la valeur « {shown} » n'est pas permise (valeurs possibles : {allowed}).", hint
    if kind == "minLength":
        return ("la valeur est vide." if not value else "la valeur est trop courte."), description
    if kind == "maxLength":
        return f"la valeur dépasse {expected} caractères.", "Raccourcissez-la."
    if kind in ("minimum", "maximum"):
        bound = "au moins" if kind == "minimum" else "au plus"
        return f"la valeur {value} doit valoir {bound} {expected}.", description
    if kind == "pattern":  # only strings have a pattern
        return f"la valeur « {_clip(str(value))} » n'a pas la forme attendue.", description
    if kind == "anyOf" and path and "productions" in path:
        return "une production doit avoir un « fichier » ou une « url ».", description
    if kind in ("minItems", "maxItems"):
        return "la liste n'a pas le bon nombre d'éléments.", description
    return f"valeur non conforme au schéma ({kind}) : {_show(value)}.", description


def _clip(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"le texte « {_clip(value)} »"
    if isinstance(value, bool):
        return "un booléen (true/false)"
    if isinstance(value, int | float):
        return f"le nombre {value}"
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, dict):
        return "un bloc de clés"
    if value is None:
        return "une valeur vide"
    return repr(value)
