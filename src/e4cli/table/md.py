"""The synthesis table in Markdown for a README (templates/table.md.j2).

A pipe table, the one kind that GitHub and GitLab both render. Neither allows
merged cells or line breaks inside a cell, so section titles are rows of their
own in bold and lists inside a cell are joined with `<br>`, which both accept.
Dossier text is escaped for Markdown and for inline HTML by the `md` filter.
"""

from __future__ import annotations

import re

from e4cli.table.model import TableModel
from e4cli.table.templating import environment, web_url
from e4cli.util.safetext import visible

# The punctuation that Markdown reads as syntax inside a table cell (emphasis, code,
# links, cell separators, strikethrough); a backslash makes it literal. Characters that
# only matter at the start of a line (#, -, +, 1.) never start one here.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~<>])")


def escape(text: str | None) -> str:
    """Text that Markdown and inline HTML both show as written, on one table line."""
    if not text:
        return ""
    flat = visible(" ".join(text.split()))  # no control character reaches a terminal
    flat = flat.replace("&", "&amp;")
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return flat.replace("\\<", "&lt;").replace("\\>", "&gt;")


def link(text: str, url: str | None) -> str:
    """A Markdown link when the address is http(s), else the escaped text alone."""
    target = web_url(url)
    if target is None:
        return escape(text)
    safe = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    safe = safe.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"[{escape(text)}]({safe})"


def render(model: TableModel) -> str:
    env = environment(autoescape=False)
    env.filters["md"] = escape
    env.globals["link"] = link
    return env.get_template("table.md.j2").render(t=model)
