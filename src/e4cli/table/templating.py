"""The Jinja2 environment of the table templates (templates/ at the top level)."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import jinja2

from e4cli.util.resources import templates_dir


@functools.cache
def environment(*, autoescape: bool) -> jinja2.Environment:
    """An environment on the shipped templates; undefined names fail loudly.

    One per process (and per autoescape), so each template is compiled once: a class's
    30 grids would otherwise compile `grille.html.j2` 30 times (0.1 s each).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["web_url"] = web_url
    env.filters["short_url"] = short_url
    return env


def web_url(url: str | None) -> str | None:
    """The URL if it may become a link (http or https with a host), else None.

    A `javascript:` or `data:` address written in a dossier must stay text.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


SHORT_URL = 60  # characters: one line under a title in the printed table


def short_url(url: str | None, limit: int = SHORT_URL) -> str:
    """An address as paper shows it: no scheme, no `www.`, no final slash, and when long,
    the host, the start of the path, « … » and the last part (`github.com/lea/…/inventaire`).

    On paper a link is lost; its title alone does not say where the production is.
    """
    if not url:
        return ""
    text = url.strip()
    for prefix in ("https://", "http://"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
            break
    if text.lower().startswith("www."):
        text = text[4:]
    text = text.rstrip("/")
    if len(text) <= limit:
        return text
    head, _, rest = text.partition("/")
    parts = [p for p in rest.split("/") if p]
    last = parts[-1] if parts else ""
    if len(last) > limit // 3:
        last = last[: limit // 3 - 1] + "…"
    first = parts[0] if len(parts) > 1 else ""
    shortened = "/".join(x for x in (head, first, "…", last) if x)
    if len(shortened) > limit:
        shortened = "/".join(x for x in (head, "…", last) if x)
    return shortened[: limit - 1] + "…" if len(shortened) > limit else shortened
