"""The synthesis table's content as JSON, schema_version 1 (schemas/table.schema.json).

Fields may be added, none removed or renamed: scripts and CI depend on them.
"""

from __future__ import annotations

import json
from typing import Any

from e4cli import __version__
from e4cli.table.model import Row, TableModel

SCHEMA_VERSION = 1


def _row(row: Row, model: TableModel) -> dict[str, Any]:
    return {
        "id": row.id,
        "file": row.file,
        "intitule": row.intitule,
        "productions": [
            {"titre": d.titre, "fichier": d.fichier, "url": d.url} for d in row.documents
        ],
        "periode": {
            "debut": row.debut.isoformat() if row.debut else None,
            "fin": row.fin.isoformat() if row.fin else None,
            "text": row.periode,
        },
        "ticks": [col.code for col, tick in zip(model.columns, row.ticks, strict=True) if tick],
        "items": list(row.items),
    }


def table_object(model: TableModel) -> dict[str, Any]:
    """Structural keys in English as in the check report; dossier fields keep their names."""
    ident = model.identity
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "e4", "version": __version__},
        "dossier": model.dossier,
        "title": {
            "diploma": model.diploma,
            "session": model.session,
            "session_line": model.session_line,
            "title": model.title,
            "epreuve": model.epreuve,
            "epreuve_title": model.epreuve_title,
            "annex": model.annex,
        },
        "identity": {
            "nom": ident.nom,
            "prenom": ident.prenom,
            "full_name": ident.full_name or None,
            "numero": ident.numero,
            "centre": ident.centre,
            "option": ident.option,
            "portfolio_url": ident.portfolio_url,
        },
        "columns": [
            {
                "code": col.code,
                "label": col.label,
                "items": [{"code": code, "label": label} for code, label in col.items],
            }
            for col in model.columns
        ],
        "sections": [
            {
                "key": section.key,
                "label": section.label,
                "rows": [_row(row, model) for row in section.rows],
            }
            for section in model.sections
        ],
        "unplaced": [_row(row, model) for row in model.unplaced],
        "missing": list(model.missing),
    }


def render(model: TableModel) -> str:
    return json.dumps(table_object(model), ensure_ascii=False, indent=2) + "\n"
