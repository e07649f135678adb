"""The grid and the fiche as self-contained HTML pages (templates/grille.html.j2, fiche.html.j2).

Same rules as the synthesis table's page: inline CSS only, no script, no
network (a Content-Security-Policy forbids both), Jinja2 autoescaping on so
every value from the dossier or the evaluation is escaped. Both print on A4
portrait, which is how `pdf` prints them.
"""

from __future__ import annotations

from e4cli.jury.appraisal import AppraisalModel
from e4cli.jury.grid import GridModel
from e4cli.table.templating import environment


def render_grid(model: GridModel) -> str:
    return environment(autoescape=True).get_template("grille.html.j2").render(g=model)


def render_appraisal(model: AppraisalModel) -> str:
    return environment(autoescape=True).get_template("fiche.html.j2").render(f=model)


def grid_pdf(model: GridModel) -> bytes:
    from e4cli.util.printer import print_html

    return print_html(render_grid(model))


def appraisal_pdf(model: AppraisalModel) -> bytes:
    from e4cli.util.printer import print_html

    return print_html(render_appraisal(model))
