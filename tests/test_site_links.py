"""The site's relative links (site/links.py) computed without the disk."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from e4cli.site.links import href, relative_path

_SEGMENT = st.sampled_from(["a", "b", "pages", "réalisations", "x y", "index.html", "."])


@given(
    target=st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join),
    base=st.lists(_SEGMENT, min_size=0, max_size=5).map(lambda parts: "/".join(parts) or "."),
)
def test_relative_paths_are_relpaths(target: str, base: str) -> None:
    assert relative_path(target, base) == posixpath.relpath(target, base)


def test_links_between_pages() -> None:
    assert href("index.html", "realisations/glpi.html") == "realisations/glpi.html"
    assert href("realisations/glpi.html", "index.html") == "../index.html"
    assert href("realisations/glpi.html", "realisations/glpi.html", "x") == "glpi.html#x"
    assert href("a/b/c.html", "a/d e.html") == "../d%20e.html"
