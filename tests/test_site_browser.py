"""The built sites in a real browser: accessibility (axe-core), screenshots, keyboard, print.

Playwright for Python drives the system Chromium (`executable_path`: no browser is
downloaded); axe-playwright-python bundles axe-core. Every page of the examples' sites
and of the Markdown-features site is checked against WCAG 2.1 A and AA. Screenshots at
desktop and phone widths are kept as test artefacts in $E4_TEST_ARTIFACTS/site (default:
tests/artifacts/site/, ignored by git). Skipped only where no Chromium is installed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import EXAMPLES, ROOT, write_tree
from e4cli.table.pdf import find_browser
from site_support import build, feature_files

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="aucun Chromium installé (paquet Debian chromium, ou E4_CHROMIUM) : tests du site "
    "dans le navigateur non lancés",
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
ARTIFACTS = Path(os.environ.get("E4_TEST_ARTIFACTS", ROOT / "tests" / "artifacts")) / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert BROWSER is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=BROWSER, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("sites")
    built = {}
    for name in ("sisr-complet", "slam-complet"):
        shutil.copytree(EXAMPLES / name, work / name)
        build(work / name, work / f"{name}-site")
        built[name] = work / f"{name}-site"
    features = write_tree(work / "features", feature_files())
    build(features, work / "features-site")
    built["features"] = work / "features-site"
    return built


def _watch(page: Page) -> list[str]:
    """Every request that is not a file of the site, and every console error (CSP…)."""
    problems: list[str] = []
    page.on(
        "request",
        lambda r: problems.append(f"request {r.url}") if not r.url.startswith("file:") else None,
    )
    page.on(
        "console", lambda m: problems.append(f"console {m.text}") if m.type == "error" else None
    )
    return problems


def _violations(result: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("name", ["sisr-complet", "slam-complet", "features"])
def test_axe_finds_no_wcag_violation_on_any_page(
    browser: Browser, sites: dict[str, Path], name: str
) -> None:
    axe = Axe()
    schemes = ["light", "dark"] if name != "slam-complet" else ["light"]
    failures: list[str] = []
    pages = sorted(sites[name].rglob("*.html"))
    assert len(pages) > 8
    for scheme in schemes:
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
        page = context.new_page()
        problems = _watch(page)
        for html in pages:
            page.goto(html.as_uri())
            rel = html.relative_to(sites[name]).as_posix()
            failures += [f"{scheme} {rel}: {p}" for p in problems]
            failures += [f"{scheme} {rel}: {v}" for v in _violations(axe.run(page, options=WCAG))]
            problems.clear()  # axe itself reads the stylesheets, which the CSP refuses it
        context.close()
    assert failures == []


def test_screenshots_at_desktop_and_phone_widths(browser: Browser, sites: dict[str, Path]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shown = ["index.html", "realisations/06-radius-wifi.html", "tableau-de-synthese.html",
             "competences.html"]  # fmt: skip
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
            page = context.new_page()
            for rel in shown:
                page.goto((sites["sisr-complet"] / rel).as_uri())
                # nothing wider than the screen: the table scrolls inside its own box
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, (rel, width_name, overflow)
                shot = ARTIFACTS / f"sisr-{rel.replace('/', '_')[:-5]}-{width_name}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 5000
            context.close()


def test_the_menu_works_with_the_keyboard_on_a_phone(
    browser: Browser, sites: dict[str, Path]
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto((sites["sisr-complet"] / "index.html").as_uri())
    button = page.locator("button.menu-button")
    menu = page.locator("#e4-menu")
    assert button.is_visible() and not menu.is_visible()
    for _ in range(3):  # skip link, site name, menu button
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "menu-button"
    page.keyboard.press("Enter")
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Accueil"
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # follows the second link of the menu
    assert page.url.endswith("/parcours.html")
    page.locator("button.menu-button").focus()
    page.keyboard.press("Space")
    assert page.locator("#e4-menu").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#e4-menu").is_visible()
    assert page.evaluate("document.activeElement.className") == "menu-button"
    context.close()
    # on a desktop the whole menu shows, and without the script too
    for javascript in (True, False):
        context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
        page = context.new_page()
        page.goto((sites["sisr-complet"] / "index.html").as_uri())
        assert page.locator("#e4-menu").is_visible()
        assert not page.locator("button.menu-button").is_visible()
        context.close()


def test_dark_mode_and_print(browser: Browser, sites: dict[str, Path]) -> None:
    index = (sites["sisr-complet"] / "index.html").as_uri()
    background = "getComputedStyle(document.body).backgroundColor"
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(index)
    assert page.evaluate(background) == "rgb(18, 20, 23)"
    page.emulate_media(media="print")
    assert page.evaluate(background) == "rgb(255, 255, 255)"
    assert not page.locator("nav.menu").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    context.close()
