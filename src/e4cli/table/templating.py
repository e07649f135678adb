"""The Jinja2 environment of the table templates (templates/ at the top level)."""

from __future__ import annotations

from urllib.parse import urlsplit

import jinja2

from e4cli.util.resources import templates_dir


def environment(*, autoescape: bool) -> jinja2.Environment:
    """An environment on the shipped templates; undefined names fail loudly."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["web_url"] = web_url
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
