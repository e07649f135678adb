"""`e4 schema`: print one of e4's JSON schemas, or export them for the editor."""

from __future__ import annotations

import sys
from pathlib import Path

from e4cli.cli.runner import CommandError, say
from e4cli.util.resources import schemas_dir


def run_schema(name: str | None, output: Path | None, vscode: bool) -> None:
    """Without option, print a schema; with --output, export; with --vscode, also map them."""
    available = sorted(p.name.split(".")[0] for p in schemas_dir().glob("*.schema.json"))
    if name is not None and name not in available:
        raise CommandError(f"schéma « {name} » inconnu (disponibles : {', '.join(available)})")
    if output is None and not vscode:
        path = schemas_dir() / f"{name or 'dossier'}.schema.json"
        sys.stdout.write(path.read_text(encoding="utf-8"))
        return
    from e4cli.dossier.editor import (
        DOSSIER_SCHEMA_DIR,
        EditorError,
        add_vscode_mapping,
        export_schemas,
    )

    target = output if output is not None else Path(DOSSIER_SCHEMA_DIR)
    try:
        written = export_schemas(target, (f"{name}.schema.json",) if name else None)
    except OSError as exc:
        raise CommandError(
            f"impossible d'écrire dans « {target} » : {exc.strerror or exc}"
        ) from exc
    say(
        f"e4 : {len(written)} schéma(s) exporté(s) dans « {target} » : "
        + ", ".join(p.name for p in written)
    )
    if not vscode:
        return
    try:
        update = add_vscode_mapping(Path.cwd(), target)
    except (EditorError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    state = "créé" if update.created else ("mis à jour" if update.changed else "déjà à jour")
    say(f"e4 : « {update.path} » {state} (yaml.schemas).")
