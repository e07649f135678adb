"""The candidate's Markdown on the fiche: parsed once, its images read from the dossier.

A fiche's rubrics (conditions, ressources, accès) and its verso (the descriptif)
are free text or Markdown. They are parsed with markdown-it-py (CommonMark and
tables; raw HTML is not allowed and stays text), and each renderer walks the
same tokens: `to_html` for the page and the PDF, `fiche.docx` for Word.

Images are what the verso needs ("schémas explicatifs"): a relative path is
read from the dossier, relative to the Markdown file that cites it (to the
dossier's root for Markdown written in the YAML), through `DossierFS`, so a
path leading out of the dossier is never opened. Only PNG, JPEG and GIF, up
to 5 MB, are embedded; any other image is kept as its text and said in a note.
A remote image is never fetched (e4 does not reach the network).
"""

from __future__ import annotations

import base64
import posixpath
from dataclasses import field
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside
from e4cli.util.record import record
from e4cli.util.weburl import is_web_address

MAX_IMAGE_BYTES = 5_000_000
_KINDS = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


@record
class Image:
    data: bytes
    mime: str

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


@record(frozen=False)
class Markdown:
    """One rubric's Markdown, parsed, with the images it cites that could be read."""

    source: str
    tokens: list[Token]
    images: dict[str, Image] = field(default_factory=dict)  # src as written → image
    notes: list[str] = field(default_factory=list)  # what could not be shown, in French

    @property
    def empty(self) -> bool:
        return not self.source.strip()


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def parse(source: str, fs: DossierFS | None = None, base: str = "") -> Markdown:
    """Parse `source`; `base` is the dossier folder its relative images start from."""
    md = Markdown(source, parser().parse(source))
    for token in _walk(md.tokens):
        if token.type == "image":
            src = str(token.attrGet("src") or "")
            if src and src not in md.images:
                _read_image(md, src, fs, base)
    return md


def _walk(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        if token.children:
            found.extend(_walk(token.children))
    return found


def _read_image(md: Markdown, src: str, fs: DossierFS | None, base: str) -> None:
    if is_web_address(src) or src.startswith(("data:", "//")):
        md.notes.append(f"image « {src} » non imprimée : e4 n'ouvre pas d'adresse en ligne")
        return
    if fs is None:
        return
    raw = posixpath.normpath(posixpath.join(base, src.split("#")[0].split("?")[0]))
    try:
        path = fs.resolve(raw)
        if not path.is_file():
            md.notes.append(f"image « {src} » non imprimée : « {raw} » est absente du dossier")
            return
        data = fs.read_bytes(path, MAX_IMAGE_BYTES)
    except PathOutside:
        md.notes.append(f"image « {src} » non imprimée : elle est hors du dossier")
        return
    except FileRefused as exc:
        md.notes.append(f"image « {src} » non imprimée : « {raw} » {exc.reason}")
        return
    except OSError:
        md.notes.append(f"image « {src} » non imprimée : « {raw} » est illisible")
        return
    mime = next((m for magic, m in _KINDS if data.startswith(magic)), None)
    if mime is None:
        md.notes.append(
            f"image « {src} » non imprimée : seuls PNG, JPEG et GIF sont imprimés sur la fiche"
        )
        return
    md.images[src] = Image(data, mime)


def to_html(md: Markdown) -> str:
    """HTML of the Markdown: every text escaped, images as data: URIs, only http(s) links."""
    return _blocks(md, md.tokens)


_BLOCK_TAGS = {
    "paragraph": "p",
    "bullet_list": "ul",
    "ordered_list": "ol",
    "list_item": "li",
    "blockquote": "blockquote",
    "table": "table",
    "thead": "thead",
    "tbody": "tbody",
    "tr": "tr",
    "th": "th",
    "td": "td",
}


def _blocks(md: Markdown, tokens: list[Token]) -> str:
    out: list[str] = []
    for token in tokens:
        kind = token.type
        if kind == "inline":
            out.append(_inline(md, token.children or []))
        elif kind == "heading_open":
            level = min(6, int(token.tag[1]) + 2)  # under the fiche's own headings
            out.append(f"<h{level}>")
        elif kind == "heading_close":
            level = min(6, int(token.tag[1]) + 2)
            out.append(f"</h{level}>\n")
        elif kind in ("fence", "code_block"):
            out.append(f"<pre><code>{escape(token.content)}</code></pre>\n")
        elif kind == "hr":
            out.append("<hr>\n")
        elif kind.endswith("_open") and kind[:-5] in _BLOCK_TAGS:
            if token.hidden:
                continue  # tight list paragraphs
            out.append(f"<{_BLOCK_TAGS[kind[:-5]]}>")
        elif kind.endswith("_close") and kind[:-6] in _BLOCK_TAGS:
            if token.hidden:
                continue
            out.append(f"</{_BLOCK_TAGS[kind[:-6]]}>\n")
    return "".join(out)


def _inline(md: Markdown, tokens: list[Token]) -> str:
    out: list[str] = []
    links: list[bool] = []
    for token in tokens:
        kind = token.type
        if kind == "text":
            out.append(escape(token.content))
        elif kind == "code_inline":
            out.append(f"<code>{escape(token.content)}</code>")
        elif kind in ("softbreak", "hardbreak"):
            out.append("<br>\n")  # a candidate writes line by line: keep the lines
        elif kind in ("strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"):
            tag = {"strong": "strong", "em": "em", "s": "s"}[kind.rsplit("_", 1)[0]]
            out.append(f"<{'/' if kind.endswith('close') else ''}{tag}>")
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            web = href.lower().startswith(("http://", "https://"))
            links.append(web)
            if web:
                out.append(f'<a href="{escape(href)}">')
        elif kind == "link_close":
            if links and links.pop():
                out.append("</a>")
        elif kind == "image":
            src = str(token.attrGet("src") or "")
            alt = escape(token.content or "")
            image = md.images.get(src)
            if image is not None:
                out.append(f'<img src="{image.data_uri}" alt="{alt}">')
            else:
                out.append(f'<span class="image-absente">[image : {alt or escape(src)}]</span>')
    return "".join(out)


def plain(md: Markdown) -> str:
    """The text alone, one line per block (for a one-line summary)."""
    parts = [t.content for t in _walk(md.tokens) if t.type in ("text", "code_inline")]
    return " ".join(" ".join(parts).split())
