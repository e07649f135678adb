"""The links and images of a Markdown page, with the line and column of each.

Parsing is markdown-it-py's (CommonMark plus tables), so a link in a code block
is not a link and a reference-style link is resolved. A YAML front matter
(`---` … `---` at the top, as Jekyll and Hugo write it) is blanked first, keeping
line numbers. `src`/`href` attributes of raw HTML (`<img src="…">`) count too.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from e4cli import __version__
from e4cli.util.cache import FileCache, digest
from e4cli.util.record import record

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HTML_REF = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_FRONT_MATTER_END = ("---", "...")


@record
class Link:
    """A link or image target (percent-encoded, as markdown-it gives it), and where (1-based)."""

    target: str
    line: int
    column: int
    image: bool

    @property
    def written(self) -> str:
        """The target as the candidate typed it."""
        return unquote(self.target)


@cache
def _parser() -> MarkdownIt:
    # Imported here: a page without any link mark (`may_link`) never needs it, and
    # markdown-it is a fifth of `e4 check`'s start-up.
    from markdown_it import MarkdownIt

    # Emphasis changes no link and is the costliest inline rule on hostile input.
    return MarkdownIt("commonmark").enable("table").disable("emphasis")


def blank_front_matter(text: str) -> str:
    """`text` with a leading YAML front matter replaced by as many empty lines."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in _FRONT_MATTER_END:
            return "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    return text  # no closing line: not a front matter, a thematic break


def is_blank(text: str) -> bool:
    """True when a page has no content besides a front matter and white space."""
    return not blank_front_matter(text).strip()


def local_target(target: str) -> str | None:
    """The file a link points at inside the site, decoded; None for URLs and anchors."""
    target = target.strip()
    if not target or target.startswith(("#", "?", "//")) or _SCHEME.match(target):
        return None
    path = re.split(r"[#?]", target, maxsplit=1)[0]
    return unquote(path) or None


def may_link(text: str) -> bool:
    """False when `text` cannot hold a link: no `](`, no `]:` definition, no HTML tag."""
    return "](" in text or "]:" in text or "<" in text


def parse_cost(text: str) -> int:
    """An estimate of markdown-it's work on `text`, in units of 30 µs at most.

    Parsing time grows with lines, brackets, images and table cells, not with plain
    text, so a budget of these units bounds the time spent on a hostile page.
    """
    return sum(text.count(mark) for mark in ("\n", "[", "!", "<", "|")) + 1


class _Remembered:
    """The links of the pages parsed in the last two rounds, by text (`e4 check --watch`).

    Off by default: over a class no page comes twice. In watch mode a save changes one
    file, so the other pages' links are taken again from their unchanged text instead
    of parsing them again: the result is the parse of that very text, so the same.
    Only the pages of the previous round are kept, so memory follows the dossier.
    """

    def __init__(self) -> None:
        self.on = False
        self.previous: dict[str, tuple[Link, ...]] = {}
        self.current: dict[str, tuple[Link, ...]] = {}

    def next_round(self) -> None:
        self.on = True
        self.previous, self.current = self.current, {}


REMEMBERED = _Remembered()


def extract_links(text: str) -> list[Link]:
    """Every link and image of the page, in reading order."""
    if not may_link(text):
        return []
    if REMEMBERED.on:
        known = REMEMBERED.previous.get(text)
        if known is None:
            known = REMEMBERED.current.get(text) or tuple(_kept_or_parsed(text))
        REMEMBERED.current[text] = known
        return list(known)
    return _kept_or_parsed(text)


def _kept_or_parsed(text: str) -> list[Link]:
    """The page's links from the cache of earlier runs (util/cache.py), else parsed and kept.

    The links depend on the text and on the parser only; the cache's version names both,
    so a page is parsed again after e4 or markdown-it-py changes.
    """
    cache = _links_cache()
    key = digest(text.encode("utf-8", "surrogatepass"))
    kept = cache.get(key)
    if isinstance(kept, list) and all(_well_formed(item) for item in kept):
        return [Link(*item) for item in kept]
    links = _parse_links(text)
    cache.put(key, [[link.target, link.line, link.column, link.image] for link in links])
    return links


def _well_formed(item: object) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 4
        and type(item[0]) is str
        and type(item[1]) is int
        and type(item[2]) is int
        and type(item[3]) is bool
    )


# Bump when _parse_links finds links differently: older entries are then ignored.
_LINKS_VERSION = "1"


@cache
def _links_cache() -> FileCache:
    """The cache of page links, named after this e4 and the installed markdown-it-py.

    markdown-it-py's own `__init__.py` (which holds its version) stands for it: reading its
    size and date costs a stat, where importing the parser costs a fifth of `e4 check`.
    """
    from importlib.util import find_spec

    spec = find_spec("markdown_it")
    origin = spec.origin if spec is not None else None
    try:
        stat = Path(origin).stat() if origin else None
    except OSError:
        stat = None
    parser = f"{stat.st_size}.{stat.st_mtime_ns}" if stat is not None else "absent"
    return FileCache("links", f"{_LINKS_VERSION}-{__version__}-{parser}")


def _parse_links(text: str) -> list[Link]:
    body = blank_front_matter(text)
    lines = body.split("\n")
    links: list[Link] = []
    for token in _parser().parse(body):
        if token.map is None:
            continue
        if token.type == "inline":
            links.extend(_inline_links(token, lines))
        elif token.type == "html_block":
            links.extend(_html_links(token.content, token.map[0], lines))
    return links


def _inline_links(token: Token, lines: list[str]) -> list[Link]:
    assert token.map is not None
    line = token.map[0]
    found: list[Link] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            found.append(_link(str(child.attrGet("href") or ""), line, lines, image=False))
        elif child.type == "image":
            found.append(_link(str(child.attrGet("src") or ""), line, lines, image=True))
        elif child.type == "html_inline":
            found.extend(_html_links(child.content, line, lines))
    return found


def _html_links(html: str, first_line: int, lines: list[str]) -> list[Link]:
    found = []
    for match in _HTML_REF.finditer(html):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        line = first_line + html.count("\n", 0, match.start())
        found.append(_link(target, line, lines, image=match.group(0)[:1].lower() == "s"))
    return found


def _link(target: str, line: int, lines: list[str], *, image: bool) -> Link:
    """A Link with the column where its target is written (markdown-it encodes hrefs)."""
    source = lines[line] if 0 <= line < len(lines) else ""
    column = 0
    for form in (target, unquote(target)):
        index = source.find(form) if form else -1
        if index >= 0:
            column = index
            break
    else:
        column = len(source) - len(source.lstrip())
    return Link(target, line + 1, column + 1, image)
