"""The fiches as one self-contained HTML page (templates/fiche-descriptive.html.j2), and as PDF.

Same rules as the other documents: inline CSS only, no script, no network (the
Content-Security-Policy allows only the images embedded as data: URIs), every
value escaped. Printed on A4 portrait by `util.printer.print_html`.
"""

from __future__ import annotations

from markupsafe import Markup

from e4cli.jury.fiche.markdown import Markdown, to_html
from e4cli.jury.fiche.model import FicheModel
from e4cli.table.templating import environment


def _html(md: Markdown) -> Markup:
    return Markup(to_html(md))


def render(model: FicheModel) -> str:
    template = environment(autoescape=True).get_template("fiche-descriptive.html.j2")
    return template.render(m=model, html=_html)


def render_pdf(model: FicheModel) -> bytes:
    from e4cli.util.printer import print_html

    return print_html(render(model))
