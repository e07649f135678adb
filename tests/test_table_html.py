"""The HTML table: self-contained, accessible, escaped, and one A4 landscape page in Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EXAMPLES, run_cli
from e4cli.table import html
from e4cli.table.source import load_table
from table_support import (
    HOSTILE_SCRIPT,
    LONG_TITLE,
    build_dossier,
    hostile_realisations,
    phone_overflow,
    print_to_pdf,
    standard_realisations,
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def render(root: Path) -> str:
    model = load_table(root).model
    assert model is not None
    return html.render(model)


def test_page_is_self_contained_with_no_script_and_no_network(tmp_path: Path) -> None:
    page = render(build_dossier(tmp_path / "d", standard_realisations(6)))
    found = tags(page)
    names = {name for name, _ in found}
    assert "script" not in names and "link" not in names and "img" not in names
    assert "style" in names
    assert not re.search(r"""(src|href)\s*=\s*["'](?!https?://)""", page)
    assert "@import" not in page and "url(" not in page
    csp = [a for n, a in found if n == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")


def test_page_is_semantic_and_accessible(tmp_path: Path) -> None:
    page = render(build_dossier(tmp_path / "d", standard_realisations(6)))
    found = tags(page)
    assert ("html", {"lang": "fr"}) in found
    assert any(n == "meta" and a.get("name") == "viewport" for n, a in found)
    assert "<caption>" in page
    scopes = [a.get("scope") for n, a in found if n == "th"]
    assert scopes.count("col") == 8  # réalisation, période, six competencies
    assert scopes.count("row") == 6  # one per réalisation
    assert scopes.count("colgroup") == 3  # the three section titles
    assert "@page { size: A4 landscape" in page
    assert "@media screen and (max-width: 760px)" in page


def test_every_competency_header_lists_its_items(tmp_path: Path) -> None:
    page = render(build_dossier(tmp_path / "d", standard_realisations(3)))
    assert "Gérer le patrimoine informatique" in page
    assert "Gérer des sauvegardes" in page
    assert "Développer son projet professionnel" in page
    assert page.count('<ul class="items">') == 6


def test_script_in_a_title_is_escaped_and_javascript_links_stay_text(tmp_path: Path) -> None:
    page = render(build_dossier(tmp_path / "d", hostile_realisations()))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in page
    assert {n for n, _ in tags(page)} & {"script", "img", "b"} == set()


def _pdf_text(pdf: Path) -> str:
    reader = PdfReader(str(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _print(tmp_path: Path, root: Path) -> Path:
    page = tmp_path / "tableau.html"
    assert run_cli("table", str(root), "-o", str(page)).exit_code == 0
    pdf = tmp_path / "tableau.pdf"
    print_to_pdf(page, pdf)
    return pdf


def _assert_one_a4_landscape_page(pdf: Path) -> None:
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    assert width > height  # landscape
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2  # A4 in points


def _assert_rows_in_their_sections(text: str, root: Path) -> None:
    model = load_table(root).model
    assert model is not None
    starts = [text.index(section.label) for section in model.sections]
    bounds = [*starts[1:], len(text)]
    for section, start, end in zip(model.sections, starts, bounds, strict=True):
        for row in section.rows:
            title = " ".join(row.intitule.split())
            assert title in text[start:end], f"« {title} » absent de « {section.label} »"


@pytest.mark.parametrize("count", [1, 6, 15])
def test_chromium_prints_up_to_15_realisations_on_one_a4_landscape_page(
    tmp_path: Path, count: int
) -> None:
    root = build_dossier(tmp_path / "d", standard_realisations(count))
    pdf = _print(tmp_path, root)
    _assert_one_a4_landscape_page(pdf)
    text = _pdf_text(pdf)
    assert "SESSION 2026" in text and "NOM et prénom" in text and "MARTIN Léa" in text
    assert "Adresse URL du portfolio" in text and "02248211114" in text
    _assert_rows_in_their_sections(text, root)


@pytest.mark.parametrize("example", ["sisr-complet", "slam-complet"])
def test_chromium_prints_each_example_on_one_page(tmp_path: Path, example: str) -> None:
    root = EXAMPLES / example
    pdf = _print(tmp_path, root)
    _assert_one_a4_landscape_page(pdf)
    _assert_rows_in_their_sections(_pdf_text(pdf), root)


def test_very_long_titles_wrap_inside_the_page(tmp_path: Path) -> None:
    root = build_dossier(tmp_path / "d", hostile_realisations())
    pdf = _print(tmp_path, root)
    _assert_one_a4_landscape_page(pdf)
    text = _pdf_text(pdf)
    assert HOSTILE_SCRIPT.split()[0] in text  # shown as text, not run
    # The unbroken run of 160 "x" wraps within its column instead of widening the page.
    assert text.replace(" ", "").count("x" * 160) == 1
    assert LONG_TITLE.split()[-1] in text


@pytest.mark.parametrize("example", ["sisr-complet", "slam-complet"])
def test_on_a_phone_the_page_does_not_scroll_sideways(example: str) -> None:
    # The caption, hidden for sight but read aloud, must stay out of the phone layout.
    assert phone_overflow(render(EXAMPLES / example)) == 0
