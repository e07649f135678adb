"""The synthesis table as one self-contained HTML page (templates/table.html.j2).

Inline CSS only, no script, no network (a Content-Security-Policy forbids
both); prints on one A4 landscape page, becomes one card per réalisation on a
phone. Jinja2 autoescaping is on: every dossier value is escaped.
"""

from __future__ import annotations

import math

from e4cli.table.model import Document, TableModel
from e4cli.table.templating import environment, short_url, web_url

# Print density: CSS cannot shrink a table to fit a page, so the page picks its
# print style from an estimate of the height its rows take, in lines of text plus
# a fraction of a line per row for paddings and borders (calibrated on Chromium
# with the column widths and font sizes of templates/table.html.j2). Up to 15
# réalisations of usual length (titles under 100 characters, up to 3 documents)
# fit one A4 landscape page; longer content goes on, with the header repeated.
COMFORTABLE_BUDGET = 20.0  # 7.5 pt type, one document per line
DENSE_BUDGET = 38.0  # 6.5 pt type, documents run on one line under the title


def _lines(text: str, per_line: int) -> int:
    return max(1, math.ceil(len(text) / per_line))


def _address_shown(document: Document) -> bool:
    """Whether the printed table writes the document's address under its title."""
    return bool(web_url(document.url)) and document.titre != document.url


def _dense(document: Document) -> str:
    if _address_shown(document):
        return f"{document.titre} ({short_url(document.url)})"
    return document.titre


def density(model: TableModel) -> str:
    """The print style: "" (comfortable), "dense" or "dense compact"."""
    rows = [row for section in model.sections for row in section.rows]
    comfortable = sum(
        _lines(r.intitule, 62)
        + sum(_lines(d.titre, 80) + (1 if _address_shown(d) else 0) for d in r.documents)
        + 0.6
        for r in rows
    )
    if comfortable <= COMFORTABLE_BUDGET:
        return ""
    dense = sum(
        _lines(r.intitule, 90)
        + (_lines(" · ".join(_dense(d) for d in r.documents), 125) if r.documents else 0)
        + 0.4
        for r in rows
    )
    return "dense" if dense <= DENSE_BUDGET else "dense compact"


def render(model: TableModel) -> str:
    template = environment(autoescape=True).get_template("table.html.j2")
    return template.render(t=model, density=density(model))
