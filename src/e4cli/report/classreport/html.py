"""The class report as one self-contained HTML page (templates/classe.html.j2)."""

from __future__ import annotations

from e4cli.report.classreport import ClassView
from e4cli.table.templating import environment


def render(data: ClassView) -> bytes:
    template = environment(autoescape=True).get_template("classe.html.j2")
    return template.render(c=data).encode("utf-8")
