"""The class report as one self-contained HTML page (templates/classe.html.j2)."""

from __future__ import annotations

import jinja2

from e4cli.classreport import ClassView
from e4cli.resources import templates_dir


def render(data: ClassView) -> bytes:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("classe.html.j2").render(c=data).encode("utf-8")
