"""The synthesis table as CSV for French Excel and LibreOffice.

French Excel splits on `;` (the comma is the decimal separator), reads UTF-8
only when the file starts with a BOM, and expects CRLF line ends; a line break
inside a cell is kept when the cell is quoted, which the csv module does. As
in the official model, identity labels and values share a cell ("N° candidat :
0224…"), which also keeps Excel from turning a candidate number into a number
without its leading zeros.
"""

from __future__ import annotations

import csv
import io

from e4cli.table.model import TableModel
from e4cli.util.safetext import visible

# A cell starting with one of these is read as a formula by Excel or LibreOffice
# (the full-width forms too, in some locales); a leading apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(cell: str) -> str:
    """The cell as text that no spreadsheet will evaluate, and no terminal will obey."""
    text = "'" + cell if cell.startswith(FORMULA_STARTS) else cell
    # a carriage return is the CSV's own business (a cell over several lines, quoted)
    return "\r".join(visible(part) for part in text.split("\r"))


def rows(model: TableModel) -> list[list[str]]:
    """The table as a grid of cells, before CSV quoting."""
    ident = model.identity
    options = "   ".join(f"{box} {option}" for box, option in ident.option_boxes())
    grid: list[list[str]] = [
        [model.diploma],
        [model.session_line],
        [model.title],
        [f"{model.epreuve_title} · {model.annex}"],
        [],
        [f"{model.label_name} : {ident.full_name}"],
        [f"{model.label_number} : {ident.numero or ''}"],
        [f"{model.label_centre} : {ident.centre or ''}"],
        [f"{model.label_option} : {options}"],
        [f"{model.label_portfolio} : {ident.portfolio_url or ''}"],
        [],
        [
            model.header_realisation,
            model.header_period,
            *(
                "\n".join([f"{col.code} {col.label}", *(f"▸ {label}" for _, label in col.items)])
                for col in model.columns
            ),
        ],
    ]
    for section in model.sections:
        grid.append([section.label])
        for row in section.rows:
            first = "\n".join([row.intitule, *(f"– {d.titre}" for d in row.documents)])
            grid.append([first, row.periode, *(model.tick if tick else "" for tick in row.ticks)])
    width = 2 + len(model.columns)
    return [[neutralise(cell) for cell in line] + [""] * (width - len(line)) for line in grid]


def render(model: TableModel) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows(model))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
