"""Editor integration: the JSON Schemas where an editor finds them, and VS Code's mapping.

Files that `e4 init` and `e4 import` write start with a modeline,
`# yaml-language-server: $schema=<path>`, which the YAML extension of VS Code
(and every editor built on yaml-language-server) reads to complete and
validate the file as it is typed. The path is relative to the file and leads
to a copy of the schemas inside the dossier (`.e4/schemas/`): it works
offline, in an exam room as at home, and always matches the version of e4
that wrote the dossier (`e4 schema --output DOSSIER/.e4/schemas` refreshes
it after an upgrade). See the README for why not the published URLs.
"""

from __future__ import annotations

import codecs
import json
import posixpath
from pathlib import Path
from typing import Any

from e4cli.util.atomic import write_atomic
from e4cli.util.jsonc import MAX_BYTES, JsoncError, parse_jsonc, set_top_level_member
from e4cli.util.record import record
from e4cli.util.resources import schemas_dir

DOSSIER_SCHEMA_DIR = ".e4/schemas"  # inside a dossier, relative to its root
DOCUMENT_SCHEMAS = ("dossier.schema.json", "realisation.schema.json")
SETTINGS = Path(".vscode") / "settings.json"
SETTINGS_KEY = "yaml.schemas"
# Which files each schema is for, as globs relative to the workspace folder.
SCHEMA_GLOBS = {
    "dossier.schema.json": ["dossier.yaml", "**/dossier.yaml"],
    "realisation.schema.json": ["realisations/*.yaml", "**/realisations/*.yaml"],
    # the commission's files (e4 note --evaluation), beside the dossiers, never in one
    "evaluation.schema.json": [
        "evaluation.yaml",
        "**/evaluation.yaml",
        "evaluations/*.yaml",
        "**/evaluations/*.yaml",
    ],
}


class EditorError(Exception):
    """Settings that cannot be updated without losing something: the message says why."""


def shipped_schemas() -> dict[str, bytes]:
    """Every schema e4 ships, by file name."""
    return {p.name: p.read_bytes() for p in sorted(schemas_dir().glob("*.schema.json"))}


def schema_ref(file: str, schema: str, schema_dir: str = DOSSIER_SCHEMA_DIR) -> str:
    """The path from the YAML file `file` (relative to the dossier) to a schema's copy."""
    folder = posixpath.dirname(file) or "."
    return posixpath.relpath(posixpath.join(schema_dir, schema), folder)


def export_schemas(directory: Path, names: tuple[str, ...] | None = None) -> list[Path]:
    """Write the schemas into `directory` (created if needed); they are e4's own files.

    Returns the files written. Copies left by an older e4 are replaced: they
    belong to e4, and a newer schema only adds optional fields.
    """
    schemas = shipped_schemas()
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in schemas.items():
        if names is not None and name not in names:
            continue
        target = directory / name
        write_atomic(target, data)
        written.append(target)
    return written


@record
class SettingsUpdate:
    path: Path
    created: bool
    changed: bool


def add_vscode_mapping(workspace: Path, schema_dir: Path) -> SettingsUpdate:
    """Map the dossier and réalisation schemas in `.vscode/settings.json`, keeping the rest.

    `schema_dir` is where the schemas were exported, relative to the
    workspace. The file may be JSON with comments and trailing commas, as VS
    Code writes it: the member is replaced or added in the text itself, so the
    comments and the other settings stay as they are. When that cannot be done
    without loss (a comment inside "yaml.schemas", a file that does not parse),
    EditorError says so and the file is left untouched.
    """
    path = workspace / SETTINGS
    text = None
    bom, crlf = False, False
    if path.exists() or path.is_symlink():
        if not path.is_file() or path.is_symlink():
            raise EditorError(
                f"« {path} » n'est pas un fichier ordinaire (lien, tube, dossier) : laissé tel "
                "quel ; remplacez-le par un fichier JSON."
            )
        try:
            if path.stat().st_size > MAX_BYTES:
                raise EditorError(f"« {path} » est trop gros pour un fichier de réglages.")
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise EditorError(
                f"« {path} » ne se lit pas ({exc}) : fichier laissé tel quel."
            ) from exc
        # A file VS Code wrote on Windows keeps its BOM and CRLF line ends: only our lines change.
        bom = raw.startswith(codecs.BOM_UTF8)
        crlf = "\r\n" in text and text.count("\n") == text.count("\r\n")
        if crlf:
            text = text.replace("\r\n", "\n")
    current: dict[str, Any] = {}
    if text is not None and text.strip():
        try:
            data = parse_jsonc(text)
        except JsoncError as exc:
            raise EditorError(
                f"« {path} » n'est pas un JSON valide ({exc}) : fichier laissé tel quel ; "
                "corrigez-le dans VS Code, puis relancez."
            ) from exc
        if not isinstance(data, dict):
            raise EditorError(
                f"« {path} » ne contient pas un objet JSON : fichier laissé tel quel."
            )
        current = data
    existing = current.get(SETTINGS_KEY, {})
    if not isinstance(existing, dict):
        raise EditorError(
            f"« {SETTINGS_KEY} » de « {path} » n'est pas un objet : fichier laissé tel quel."
        )
    mapping = dict(existing)
    folder = _settings_path(workspace, schema_dir)
    for schema, globs in SCHEMA_GLOBS.items():
        key = f"{folder}/{schema}"
        before = mapping.get(key, [])
        merged = list(before) if isinstance(before, list) else [before]
        merged += [g for g in globs if g not in merged]
        mapping[key] = merged
    if mapping == existing and text is not None:
        return SettingsUpdate(path, created=False, changed=False)
    if text is None or not text.strip():
        new_text = json.dumps({SETTINGS_KEY: mapping}, indent=4, ensure_ascii=False) + "\n"
    else:
        try:
            new_text = set_top_level_member(text, SETTINGS_KEY, mapping)
        except JsoncError as exc:
            raise EditorError(f"« {path} » : {exc} ; fichier laissé tel quel.") from exc
    # The promise: every other setting as it was, and ours as wanted.
    expected = {**current, SETTINGS_KEY: mapping}
    if parse_jsonc(new_text) != expected:  # pragma: no cover - a bug, never a user's fault
        raise EditorError(f"« {path} » : mise à jour incohérente, fichier laissé tel quel.")
    if crlf:
        new_text = new_text.replace("\n", "\r\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (codecs.BOM_UTF8 if bom else b"") + new_text.encode("utf-8"))
    return SettingsUpdate(path, created=text is None, changed=True)


def _settings_path(workspace: Path, schema_dir: Path) -> str:
    """The schema folder as VS Code wants it: "./…" from the workspace, else absolute."""
    absolute = (schema_dir if schema_dir.is_absolute() else Path.cwd() / schema_dir).resolve()
    try:
        relative = absolute.relative_to(workspace.resolve())
    except ValueError:
        return absolute.as_posix()
    return "./" + relative.as_posix() if relative.parts else "."
