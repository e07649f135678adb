"""Helpers for the site tests: build a site as a user would, and read it back."""

from __future__ import annotations

import http.server
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import run_e4, tiny_pdf

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
RESOURCE_ATTRS = {("img", "src"), ("script", "src"), ("link", "href"), ("source", "src")}

# One PNG pixel, valid.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101004b6f4b2f0000000049454e44ae426082"
)

FEATURES_PAGE = """\
---
titre: Toutes les fonctions
ordre: 1
---
# Fonctions du Markdown

Un paragraphe avec du **gras**, de l'*italique*, du `code` et ~~du texte barré~~.

## Un tableau aligné

| Outil | Version | Rôle |
|:------|:-------:|-----:|
| GLPI  | 10      | parc |

## Des notes

Une note de bas de page[^source].

[^source]: La source de la note.

## Une liste de tâches

- [x] Installer le serveur
- [ ] Rédiger la procédure

## Des liens et des images

![Schéma du réseau](images/schema.png)

<img src="images/schema.png" alt="Le même schéma en HTML" width="40">

[La veille](veille.md), [la veille en .html](veille.html#ma-veille),
[depuis la racine](/veille.md), [une section](#un-tableau-aligné),
[la procédure](../productions/procedure.pdf), [le guide](../productions/guide.md),
[la réalisation](../realisations/01-glpi.yaml), [une attestation](../attestations/stage1.pdf),
[un lien cassé](absent.md), [hors du dossier](../../ailleurs.pdf),
[un site](https://example.org/doc), [un courriel](mailto:lea@example.org).

![Une image distante](https://example.org/image.png)

<script>alert("non")</script>
<iframe src="https://example.org/video"></iframe>
<p onclick="alert(1)" style="color: red">Un paragraphe HTML nettoyé.</p>
<a href="javascript:alert(1)">piège</a>

```python
print("bonjour")
```

> Une citation.
"""


def feature_files() -> dict[str, str | bytes]:
    """A dossier whose portfolio uses every Markdown feature the site renders."""
    from conftest import valid_files

    files: dict[str, str | bytes] = dict(valid_files())
    files["realisations/01-glpi.yaml"] = (
        str(files["realisations/01-glpi.yaml"])
        + "modalite: equipe\ncontribution: Installation du serveur et des agents.\n"
        + "description: Inventaire automatique du parc du laboratoire.\n"
        + "technologies: [GLPI, Debian]\n"
        + "productions:\n"
        + "  - titre: Procédure d'installation\n    fichier: productions/procedure.pdf\n"
        + "  - titre: Guide\n    fichier: productions/guide.md\n"
        + "  - titre: Dépôt\n    url: https://example.org/depot\n"
        + "page: portfolio/realisations/glpi.md\n"
    )
    files.update(
        {
            "portfolio/index.md": "# Portfolio de Léa Martin\n\n- [Fonctions](fonctions.md)\n"
            "- [Veille](veille.md)\n- [GLPI](realisations/glpi.md)\n",
            "portfolio/fonctions.md": FEATURES_PAGE,
            "portfolio/veille.md": "---\nordre: 2\n---\n# Ma veille\n\n[Accueil](index.md)\n",
            "portfolio/a-propos.md": "# À propos\n\nTexte.\n",
            "portfolio/realisations/glpi.md": "# GLPI au laboratoire\n\n"
            "[Accueil](../index.md) · ![Schéma](../images/schema.png)\n",
            "portfolio/images/schema.png": PNG,
            "productions/procedure.pdf": tiny_pdf("Procédure"),
            "productions/guide.md": "# Guide\n\n[La procédure](procedure.pdf)\n",
            "notes-privees.txt": "à ne pas publier",
        }
    )
    return files


def build(dossier: Path, out: Path, *args: str, cwd: Path | None = None) -> str:
    result = run_e4("site", str(dossier), "--output", str(out), *args, cwd=cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


def read_site(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


class PageParser(HTMLParser):
    """Collects links, resources, ids; fails on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.lang: str | None = None
        self.csp: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = values.get("content")
        if "id" in values:
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if name in values:
                self.links.append((tag, name, values[name]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> unexpected (open: {self.stack[-3:]})")
            return
        self.stack.pop()


def parse_page(data: bytes) -> PageParser:
    parser = PageParser()
    parser.feed(data.decode("utf-8"))
    parser.close()
    if parser.stack:
        parser.errors.append(f"unclosed: {parser.stack}")
    return parser


def site_problems(root: Path, forbidden: tuple[str, ...] = ()) -> list[str]:
    """Everything wrong with a built site: parse errors, broken or remote links, leaks."""
    problems: list[str] = []
    files = read_site(root)
    parsed = {rel: parse_page(data) for rel, data in files.items() if rel.endswith(".html")}
    for rel, page in parsed.items():
        text = files[rel].decode("utf-8")
        problems += [f"{rel}: {e}" for e in page.errors]
        if page.lang != "fr":
            problems.append(f"{rel}: lang={page.lang}")
        if not page.csp or "default-src 'none'" not in page.csp:
            problems.append(f"{rel}: no Content-Security-Policy")
        for leak in ("file:", *forbidden):
            if leak in text:
                problems.append(f"{rel}: contains {leak!r}")
        for tag, attr, value in page.links:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//"):
                if (tag, attr) in RESOURCE_ATTRS:
                    problems.append(f"{rel}: remote resource {value}")
                elif parts.scheme not in ("http", "https", "mailto", "tel"):
                    problems.append(f"{rel}: link scheme {value}")
                continue
            if not parts.path:
                if parts.fragment and unquote(parts.fragment) not in page.ids:
                    problems.append(f"{rel}: fragment #{parts.fragment} not on the page")
                continue
            if parts.path.endswith("/"):
                problems.append(f"{rel}: link to a bare folder {value}")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if target not in files:
                problems.append(f"{rel}: broken {tag} {attr}={value} ({target})")
            elif (
                parts.fragment
                and target in parsed
                and unquote(parts.fragment) not in parsed[target].ids
            ):
                problems.append(f"{rel}: {value}: no id {parts.fragment} in {target}")
    return problems


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 for `folder`; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(Quiet, directory=str(folder))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
