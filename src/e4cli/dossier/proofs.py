"""The proof that goes with a period in an organisation, by the candidate's statut.

A stage is proved by an attestation de stage; apprenticeship and professional
experience by a certificat de travail. The wording comes from the referential
(`stages.<statut>.justificatif`), so messages name the right document.
"""

from __future__ import annotations

import os

from e4cli.dossier.filetypes import promised_kind
from e4cli.dossier.fs import DossierFS
from e4cli.dossier.model import Dossier

DEFAULT_FOLDER = "attestations"
MAX_LISTED = 1_000


def proof_label(dossier: Dossier) -> str:
    """« attestation de stage », « certificat de travail »… for the candidate's statut."""
    rules = dossier.referential.stage_rules
    rule = rules.get(dossier.candidat.statut) or rules.get("scolaire")
    return rule.proof if rule is not None else "attestation de stage"


def undeclared_files(fs: DossierFS, folder: str = DEFAULT_FOLDER) -> list[str]:
    """PDF and image files lying in the attestations folder (names only, nothing read)."""
    found: list[str] = []
    try:
        with os.scandir(fs.root / folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_LISTED:
                    break
                if promised_kind(entry.name) and not entry.name.startswith((".", "~$")):
                    found.append(f"{folder}/{entry.name}")
    except OSError:
        return []
    return sorted(found)
