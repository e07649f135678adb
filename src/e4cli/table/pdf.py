"""The synthesis table as PDF: the HTML page printed by headless Chromium.

Why Chromium and not WeasyPrint: the HTML page is already tested by printing
it in Chromium (one A4 landscape page), so the PDF is exactly what that test
measures; WeasyPrint would be a second layout engine with its own CSS support
(its table and grid layouts differ), plus Pango and cairo system libraries
that are harder to get on Windows than a browser. Candidates nearly always
have Chrome, Chromium or Edge already; `E4_CHROMIUM` names one explicitly.
The page has no script and forbids network access (Content-Security-Policy),
and the browser runs with a throwaway profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from e4cli.table import html
from e4cli.table.formats import RenderError
from e4cli.table.model import TableModel

ENV_BROWSER = "E4_CHROMIUM"
TIMEOUT_SECONDS = 90
_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "msedge",
)
_PLACES = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
)


def find_browser() -> str | None:
    """The browser to print with: $E4_CHROMIUM, then the usual names and places."""
    explicit = os.environ.get(ENV_BROWSER)
    if explicit:
        return explicit if Path(explicit).is_file() else shutil.which(explicit)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _PLACES if Path(place).is_file()), None)


def command(browser: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    args = [
        browser,
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
    ]
    # Chromium refuses to start as root with its sandbox; the page runs no script.
    if sys.platform != "win32" and os.geteuid() == 0:
        args.insert(2, "--no-sandbox")
    args.append(page.resolve().as_uri())
    return args


def render(model: TableModel) -> bytes:
    return print_html(html.render(model))


def print_html(page_html: str) -> bytes:
    """Print a self-contained HTML page to PDF; its CSS `@page` decides size and orientation.

    Shared by every document e4 prints (synthesis table, evaluation grid, fiche).
    """
    browser = find_browser()
    if browser is None:
        raise RenderError(
            "le format pdf est imprimé par Chromium, Google Chrome ou Microsoft Edge, et aucun "
            f"n'a été trouvé. Installez-en un (Debian/Ubuntu : apt install chromium), ou "
            f"indiquez son chemin dans la variable {ENV_BROWSER} ; à défaut, produisez le "
            "document en html et imprimez-le en PDF depuis le navigateur."
        )
    with tempfile.TemporaryDirectory(prefix="e4-pdf-") as tmp:
        folder = Path(tmp)
        page, pdf, profile = folder / "page.html", folder / "page.pdf", folder / "profil"
        page.write_text(page_html, encoding="utf-8")
        try:
            proc = subprocess.run(
                command(browser, page, pdf, profile),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise RenderError(
                f"le navigateur « {browser} » n'a pas produit le PDF en {TIMEOUT_SECONDS} s."
            ) from exc
        except OSError as exc:
            raise RenderError(
                f"le navigateur « {browser} » ne se lance pas : {exc.strerror or exc}."
            ) from exc
        if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = (proc.stderr or "").strip().splitlines()[-1:] or ["aucun message"]
            raise RenderError(
                f"le navigateur « {browser} » n'a pas produit le PDF "
                f"(code {proc.returncode} : {detail[0]})."
            )
        return pdf.read_bytes()
