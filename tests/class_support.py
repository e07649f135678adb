"""A generated class: many dossiers on disk, some broken on purpose, with known verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import (
    ATTESTATION_1,
    ATTESTATION_2,
    MANIFEST,
    REAL_FORMATION,
    REAL_STAGE,
    tiny_pdf,
    valid_files,
    write_tree,
)


@dataclass(frozen=True)
class Student:
    name: str
    ok: bool
    codes: frozenset[str]
    uncovered: tuple[str, ...] = ()


def make_class(root: Path, count: int = 30) -> list[Student]:
    """`count` dossiers named eleve01…; every few is broken in a known way."""
    students = []
    for number in range(1, count + 1):
        name = f"eleve{number:02d}"
        files: dict[str, str | bytes | None] = dict(valid_files())
        files["dossier.yaml"] = MANIFEST.replace("Martin", f"Nom{number:02d}")
        for stage, said in (("stage1", ATTESTATION_1), ("stage2", ATTESTATION_2)):  # A008
            named = said.replace("MARTIN", f"Nom{number:02d}").replace("Martin", f"Nom{number:02d}")
            files[f"attestations/{stage}.pdf"] = tiny_pdf(named)
        ok, codes, uncovered = True, frozenset[str](), ()
        if number % 10 == 3:  # no manifest at all
            files["dossier.yaml"] = None
            ok, codes = False, frozenset({"D002"})
        elif number % 10 == 5:  # a manifest that does not parse
            files["dossier.yaml"] = "session: 2027\ncandidat: [\n"
            ok, codes = False, frozenset({"D003"})
        elif number % 10 == 7:  # a team réalisation without contribution
            files["realisations/02-zabbix.yaml"] = REAL_STAGE + "modalite: equipe\n"
            ok, codes = False, frozenset({"R005"})
        elif number % 10 == 9:  # B1.3 mobilised by nobody
            files["realisations/01-glpi.yaml"] = REAL_FORMATION.replace(", B1.3", "")
            ok, codes, uncovered = False, frozenset({"C001"}), ("B1.3",)
        write_tree(root / name, files)
        students.append(Student(name, ok, codes, uncovered))
    return students
