"""The class report as CSV for a spreadsheet, the way French Excel opens it.

`;` between fields (the comma is the decimal separator in French), a UTF-8
byte order mark (without it Excel reads the accents as Windows-1252) and
CRLF line ends. A cell that starts with = + - @ (or a tab or carriage return)
would run as a formula when opened: it gets a leading apostrophe, which the
spreadsheet shows as plain text, exactly as in the synthesis table's CSV.
"""

from __future__ import annotations

import csv
import io

from e4cli.report.classreport import ClassView
from e4cli.table.csv_render import neutralise


def safe(value: object) -> str:
    return neutralise(str(value))


def render(data: ClassView) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    codes = [c.code for c in data.competences]
    writer.writerow(
        [
            "Dossier",
            "Candidat",
            "Option",
            "Verdict",
            "Erreurs",
            "Avertissements",
            "Informations",
            "Pénalités (points)",
            "Compétences non couvertes",
            *codes,
        ]
    )
    for row in data.rows:
        writer.writerow(
            [
                safe(row.display),
                safe(row.candidate),
                safe(row.option),
                row.verdict,
                row.errors,
                row.warnings,
                row.infos,
                row.penalty_points,
                safe(", ".join(row.uncovered)),
                *(
                    ("oui" if code in row.covered else "non") if row.checked else ""
                    for code in codes
                ),
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
