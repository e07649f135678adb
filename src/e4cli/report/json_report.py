"""The JSON report, schema_version 1 (schemas/report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from e4cli import __version__
from e4cli.checker import CheckResult
from e4cli.findings import Severity

SCHEMA_VERSION = 1


def report_object(result: CheckResult, strict: bool = False) -> dict[str, Any]:
    dossier = result.dossier
    session = dossier.session if dossier else None
    epreuve = dossier.referential.session_labels(session).epreuve if dossier and session else None
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "e4", "version": __version__},
        "dossier": result.display,
        "session": session,
        "epreuve": epreuve,
        "ok": not result.failed(strict),
        "counts": {str(s): result.count(s) for s in Severity},
        "findings": [f.to_json() for f in result.findings],
        "coverage": result.coverage.to_json() if result.coverage else {},
        "penalties": [
            {"code": p.code, "points": p.points, "label": p.label} for p in result.penalties
        ],
        "penalty_points": result.penalty_points,
    }


def render(results: Sequence[CheckResult], strict: bool = False, *, many: bool = False) -> str:
    """One object for one dossier; an array when several were asked for."""
    objects = [report_object(r, strict) for r in results]
    payload: Any = objects if many else objects[0]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
