"""`e4 import TABLE DOSSIER`: read the table (.xlsx, .ods, PDF), plan the dossier, write, report.

An existing dossier is never touched: the target must be a new folder, or an
empty one (a lone `.git`, from `git init`, counts as empty). Every file is
planned before the first is written, each is written atomically, and
dossier.yaml comes last, so an interrupted import never looks complete.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from e4cli.dossier.editor import DOCUMENT_SCHEMAS, DOSSIER_SCHEMA_DIR, export_schemas
from e4cli.dossier.referential import load_referential
from e4cli.importer.reader import OfficialTable, TableReadError, read_table
from e4cli.importer.writer import FORMAT_WORDS, ImportPlan, plan_import
from e4cli.util.atomic import write_atomic
from e4cli.util.errors import CommandError
from e4cli.util.record import record

IGNORED_IN_EMPTY = frozenset({".git"})
SECTION_WORDS = {
    "formation": "en formation",
    "stage-annee-1": "en stage de première année",
    "stage-annee-2": "en stage de seconde année",
}


class ImportFailure(CommandError):
    """The import cannot be done; the message says why, in French (exit 2)."""


@record(frozen=False)
class ImportResult:
    target: Path
    table: OfficialTable
    plan: ImportPlan


def target_is_free(target: Path) -> str | None:
    """Why `target` cannot receive a new dossier, or None when it can."""
    if not target.exists() and not target.is_symlink():
        return None
    if not target.is_dir():
        return f"« {target} » existe et n'est pas un dossier"
    try:
        entries = [p.name for p in target.iterdir() if p.name not in IGNORED_IN_EMPTY]
    except OSError as exc:
        return f"« {target} » ne se lit pas ({exc.strerror or exc})"
    if entries:
        return f"« {target} » existe déjà et n'est pas vide ({len(entries)} élément(s))"
    return None


def run_import(table_path: Path, target: Path) -> ImportResult:
    busy = target_is_free(target)
    if busy:
        raise ImportFailure(
            f"{busy} : e4 import n'écrase jamais un dossier ; donnez un nouveau dossier."
        )
    referential = load_referential()
    try:
        table = read_table(table_path, referential)
    except TableReadError as exc:
        raise ImportFailure(str(exc)) from exc
    plan = plan_import(table, referential, table_path.name)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for folder in plan.folders:
            (target / folder).mkdir(parents=True, exist_ok=True)
        export_schemas(target / DOSSIER_SCHEMA_DIR, DOCUMENT_SCHEMAS)
        ordered = sorted(plan.files, key=lambda name: name == "dossier.yaml")
        for name in ordered:
            path = target / name
            if path.exists():  # the folder was empty: only a race could put a file here
                raise ImportFailure(f"« {path} » est apparu pendant l'import : rien n'est écrasé.")
            write_atomic(path, plan.files[name].encode("utf-8"))
        for folder in plan.folders:
            keep = target / folder / ".gitkeep"
            if not any((target / folder).iterdir()):
                write_atomic(keep, b"")
    except OSError as exc:
        raise ImportFailure(
            f"écriture impossible dans « {target} » : {exc.strerror or exc} ; "
            "les fichiers déjà écrits y restent, sans dossier.yaml."
        ) from exc
    return ImportResult(target, table, plan)


def print_report(result: ImportResult, display: str, stream: TextIO) -> None:
    plan, table = result.plan, result.table
    total = sum(plan.counts.values())
    parts = [
        f"{plan.counts[key]} {words}" for key, words in SECTION_WORDS.items() if key in plan.counts
    ]
    stream.write(
        f"e4 : dossier « {display} » créé depuis « {table.path.name} » "
        f"({FORMAT_WORDS.get(table.format, table.format)}, feuille « {table.sheet} ») :\n"
        f"  dossier.yaml et {total} réalisation(s)"
        + (f" : {', '.join(parts)}" if parts else "")
        + ".\n"
    )
    if table.empty_rows:
        stream.write(f"  {table.empty_rows} ligne(s) vide(s) du tableau ignorée(s).\n")
    if plan.notes:
        stream.write(
            f"\nÀ vérifier ({len(plan.notes)}) — gardé en commentaire dans le fichier indiqué :\n"
        )
        for note in plan.notes:
            cell = f" ({note.cell})" if note.cell else ""
            stream.write(f"  {note.file}{cell} : {note.message}\n")
    stream.write(
        f"\nSuite : « e4 check {display} » liste ce qui reste à compléter "
        "(valeurs « À COMPLÉTER », attestations, portfolio).\n"
    )


def run(table_path: Path, target: Path) -> None:
    """`e4 import`: write the dossier, then say what was read and what to check."""
    print_report(run_import(table_path, target), str(target), sys.stdout)
