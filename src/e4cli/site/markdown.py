"""A Markdown page of the dossier rendered to safe HTML, its links rewritten.

markdown-it-py (CommonMark, tables, strikethrough) with mdit-py-plugins for
footnotes, task lists and heading anchors: the same parser `e4 check` reads links
with, so what the site links is what P003 checked. Raw HTML is allowed, as in
CommonMark, but the whole body then goes through nh3 (the ammonia sanitizer):
only an allowlist of tags and attributes survives (no script, no style, no
iframe, no event handler), and its attribute filter is where every `href` and
`src` is rewritten to the built site, or dropped when it names what is not
published. Before that, the token stream is adjusted: an image that is not
published becomes its alternative text, an image on another site becomes a link
to it (the page loads nothing from elsewhere), table alignment becomes a class
(the Content-Security-Policy forbids inline styles), and the task list's
checkboxes become marks that screen readers read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from functools import cache
from typing import Any

import nh3
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from e4cli.dossier.markdown_links import blank_front_matter
from e4cli.dossier.yamlsource import TooComplex, parse_yaml
from e4cli.site.links import Target
from e4cli.util.record import record

Resolve = Callable[[str, bool], Target]  # (target, image) → what it becomes

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}  # fmt: skip
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "abbr": {"title"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
_ALIGN = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


@record(frozen=False)
class FrontMatter:
    """What a page's front matter may say: its title, its place in the menu."""

    titre: str | None = None
    ordre: float | None = None
    menu: bool = True
    problem: str | None = None  # why the front matter was not understood


@record(frozen=False)
class Rendered:
    html: str
    title: str | None  # the text of the first level-1 heading
    has_h1: bool
    front: FrontMatter = field(default_factory=FrontMatter)


@cache
def _parser() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
        .use(tasklists_plugin)
        .use(anchors_plugin, min_level=1, max_level=6)
    )
    return md


def front_matter(text: str, path: str) -> tuple[FrontMatter, str]:
    """The front matter of a page and its body (front matter lines blanked)."""
    body = blank_front_matter(text)
    if body is text:
        return FrontMatter(), text
    end = body.count("\n", 0, len(body) - len(body.lstrip("\n")))
    head = "\n".join(text.split("\n")[1 : end - 1])
    try:
        data: Any = parse_yaml(head, path).data
    except (yaml.YAMLError, TooComplex, RecursionError):
        return FrontMatter(problem="en-tête YAML illisible"), body
    if not isinstance(data, dict):
        return FrontMatter(), body
    result = FrontMatter()
    title = data.get("titre", data.get("title"))
    if isinstance(title, str | int | float) and not isinstance(title, bool) and str(title):
        result.titre = str(title).strip()
    order = data.get("ordre", data.get("nav_order", data.get("weight")))
    if isinstance(order, int | float) and not isinstance(order, bool):
        result.ordre = float(order)
    if data.get("menu") is False:
        result.menu = False
    return result, body


def render(text: str, path: str, resolve: Resolve) -> Rendered:
    """The page `text` (dossier file `path`) as sanitized HTML with its links resolved."""
    front, body = front_matter(text, path)
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(body, env)
    title, has_h1 = _adjust(tokens, resolve)
    html = md.renderer.render(tokens, md.options, env)

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name in ("href", "src"):
            return resolve(value, name == "src").url
        return value

    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=attribute,
        url_schemes=_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return Rendered(clean, front.titre or title, has_h1, front)


def _adjust(tokens: list[Token], resolve: Resolve) -> tuple[str | None, bool]:
    """Fix up the token stream in place; the first h1's text and whether there is one."""
    title: str | None = None
    has_h1 = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and not has_h1:
            has_h1 = True
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.type == "inline":
                title = _plain(following).strip() or None
        elif token.type in ("th_open", "td_open"):
            style = str(token.attrGet("style") or "").replace(" ", "")
            if style in _ALIGN:
                token.attrs.pop("style", None)
                token.attrSet("class", f"align-{_ALIGN[style]}")
        elif token.type == "inline" and token.children:
            token.children = _inline(token.children, resolve)
    return title, has_h1


def _inline(children: list[Token], resolve: Resolve) -> list[Token]:
    result: list[Token] = []
    for child in children:
        if child.type == "image":
            target = resolve(str(child.attrGet("src") or ""), True)
            alt = _plain(child)
            if target.remote is not None:
                result += _link_tokens(target.remote, alt or target.remote)
                continue
            if target.url is None:
                result.append(_text(alt))
                continue
        elif child.type == "html_inline" and "task-list-item-checkbox" in child.content:
            done = 'checked="checked"' in child.content
            child.content = (
                f'<span class="task" aria-hidden="true">{"☑" if done else "☐"}</span>'
                f'<span class="sr">{"fait" if done else "à faire"} : </span>'
            )
        elif child.children:
            child.children = _inline(child.children, resolve)
        result.append(child)
    return result


def _plain(token: Token) -> str:
    """The text of an inline token or an image, without markup."""
    if not token.children:
        return token.content
    parts = []
    for child in token.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.children:
            parts.append(_plain(child))
    return "".join(parts)


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _link_tokens(url: str, label: str) -> list[Token]:
    opening = Token("link_open", "a", 1)
    opening.attrSet("href", url)
    closing = Token("link_close", "a", -1)
    return [opening, _text(label), closing]
