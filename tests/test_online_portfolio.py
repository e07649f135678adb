"""`e4 check --online` browses the portfolio as the commission does: P005, P006, P007, P008.

Every site is served by a local HTTP server on 127.0.0.1 (the loopback test seam); the
sign-in redirections point at real identity providers, which are never contacted: the
socket guard of `guarded` fails the test if any address but 127.0.0.1 is connected to.
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MANIFEST, REAL_STAGE, run_e4
from e4cli.check import crawl
from e4cli.check.fingerprint import dossier_fingerprint, meta_tag
from e4cli.dossier.load import load_dossier
from e4cli.util.weburl import LOOPBACK_ENV
from helpers_files import build, line_of, manifest_with

URL_LINE = line_of(MANIFEST, "url:")
GLPI = "Inventaire du parc avec GLPI"
ZABBIX = "Supervision avec Zabbix"


def page(body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Portfolio</title>{head}"
        f"</head><body>{body}</body></html>"
    ).encode()


HOME = page(
    f"<h1>Léa Martin</h1><ul><li><a href='glpi.html'>{GLPI}</a></li>"
    f"<li><a href='zabbix.html'>Supervision  avec ZABBIX.</a></li></ul>"
)
SITES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/bon/": (200, {}, HOME),
    "/bon/glpi.html": (200, {}, page(f"<h1>{GLPI}</h1><a href='index.html'>Accueil</a>")),
    "/bon/zabbix.html": (200, {}, page(f"<h1>{ZABBIX}</h1><a href='/bon/'>Accueil</a>")),
    "/bon/index.html": (301, {"Location": "/bon/"}, b""),
    "/google/": (
        302,
        {"Location": "https://accounts.google.com/ServiceLogin?continue=https://sites.google.com/"},
        b"",
    ),
    "/microsoft/": (302, {"Location": "https://login.microsoftonline.com/common/oauth2"}, b""),
    "/ferme/": (401, {"WWW-Authenticate": 'Basic realm="portfolio"'}, page("Unauthorized")),
    "/drive/": (
        200,
        {},
        page(
            "<h1>Google Drive</h1><p>Vous devez disposer d'une autorisation</p>"
            "<p>Demandez l'accès ou connectez-vous avec un compte qui dispose d'une "
            "autorisation.</p><button>Demander l'accès</button>"
        ),
    ),
    "/ghpages/": (
        404,
        {},
        page("<h1>404</h1><p><strong>There isn't a GitHub Pages site here.</strong></p>"),
    ),
    "/wix/": (200, {}, page("<h1>Looks like this site isn't published yet</h1><p>Wix</p>")),
    "/manque/": (200, {}, page(f"<h1>Léa Martin</h1><p>{GLPI}</p>")),
    "/casse/": (
        200,
        {},
        page(
            f"<p>{GLPI}</p><p>{ZABBIX}</p><a href='absente.html'>Veille</a>"
            "<a href='rapport.pdf'>Rapport</a><a href='https://www.linkedin.com/in/lea'>in</a>"
            "<a href='{PROD}/depot'>Dépôt de la supervision</a>"
        ),
    ),
    "/casse/rapport.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
}
HITS: list[str] = []


class _Handler(http.server.BaseHTTPRequestHandler):
    fingerprint = ""

    def _answer(self, body_too: bool) -> None:
        HITS.append(self.path)
        path = self.path
        if path.startswith("/lent/"):
            time.sleep(0.5)
            self._send(200, {}, page(f"{GLPI} {ZABBIX} <a href='/lent/{len(HITS)}'>suite</a>"))
            return
        if path.startswith("/infini/"):
            links = "".join(f"<a href='{path.rstrip('/')}/{n}/'>page {n}</a>" for n in range(10))
            self._send(200, {}, page(f"{GLPI} {ZABBIX} {links}"))
            return
        if path == "/enorme/":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**10))
            self.end_headers()
            with_text = page(f"<p>{GLPI}</p><p>{ZABBIX}</p>")[:-14]
            try:
                self.wfile.write(with_text)
                for _ in range(400):  # 26 MB, far past the bound on one page
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except OSError:
                pass  # e4 stopped reading: that is the point
            return
        if path in ("/e4-ancien/", "/e4-actuel/"):
            stamp = "sha256:" + "0" * 64 if path == "/e4-ancien/" else self.fingerprint
            self._send(200, {}, page(f"<p>{GLPI}</p><p>{ZABBIX}</p>", meta_tag(stamp)))
            return
        if path == "/prod/depot":
            self._send(500, {}, b"erreur")
            return
        status, headers, body = SITES.get(path, (404, {}, page("Not Found")))
        port = self.server.server_address[1]
        body = body.replace(b"{PROD}", f"http://localhost:{port}/prod".encode())
        self._send(status, headers, body if body_too else b"")

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the server's log in the test output."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(LOOPBACK_ENV, "1")
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    HITS.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def guarded(monkeypatch: pytest.MonkeyPatch, server: str) -> str:
    """The server, and any connection to an address other than loopback fails the test."""
    real = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1"):
            raise AssertionError(f"connection to {address} during a test")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return server


def dossier_at(root: Path, url: str, production: str | None = None) -> Path:
    changes: dict[str, str | bytes | None] = {
        "dossier.yaml": manifest_with("https://lea-martin.github.io/portfolio/", url)
    }
    if production:
        changes["realisations/02-zabbix.yaml"] = (
            REAL_STAGE + f"productions:\n  - titre: Dépôt\n    url: {production}\n"
        )
    return build(root, changes)


def run_online(dossier: Path) -> tuple[int, list[dict[str, Any]], int]:
    result = run_e4("check", "--online", "--format", "json", str(dossier), env=dict(os.environ))
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    serious = [f for f in report["findings"] if f["severity"] != "info"]
    return result.returncode, serious, report["penalty_points"]


def at_url(found: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [(f["code"], f["path"], f["line"]) for f in found]


def test_a_good_site_gives_nothing(tmp_path: Path, guarded: str) -> None:
    code, found, points = run_online(dossier_at(tmp_path / "d", guarded + "/bon/"))
    assert (code, found, points) == (0, [], 0)
    assert {"/bon/", "/bon/glpi.html", "/bon/zabbix.html"} <= set(HITS)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/google/", ["Google", "connecter"]),
        ("/microsoft/", ["Microsoft"]),
        ("/ferme/", ["401"]),
        ("/drive/", ["Demander l'accès"]),
        ("/ghpages/", ["GitHub Pages site here"]),
        ("/wix/", ["Wix"]),
    ],
)
def test_p005_for_a_portfolio_behind_a_wall(
    tmp_path: Path, guarded: str, path: str, words: list[str]
) -> None:
    code, found, points = run_online(dossier_at(tmp_path / "d", guarded + path))
    assert code == 1
    assert at_url(found) == [("P005", "dossier.yaml", URL_LINE)]
    assert all(word in found[0]["message"] for word in words), found[0]["message"]
    assert found[0]["hint"]
    assert points == 10  # the one "Portfolio inaccessible" penalty
    assert "accounts.google.com" not in " ".join(HITS)


def test_the_sign_in_redirection_is_never_followed(guarded: str) -> None:
    result = crawl.crawl(guarded + "/google/")
    assert result.blocked is not None and result.blocked.provider == "Google"
    assert result.blocked.url.startswith("https://accounts.google.com/ServiceLogin")
    assert result.pages == ()


def test_p006_for_a_realisation_on_no_page(tmp_path: Path, guarded: str) -> None:
    code, found, points = run_online(dossier_at(tmp_path / "d", guarded + "/manque/"))
    assert (code, points) == (0, 0)
    assert at_url(found) == [("P006", "dossier.yaml", URL_LINE)]
    assert ZABBIX in found[0]["message"] and GLPI not in found[0]["message"]


def test_p007_for_a_broken_page_and_a_broken_production(tmp_path: Path, guarded: str) -> None:
    production = guarded.replace("127.0.0.1", "localhost") + "/prod/depot"  # another origin
    dossier = dossier_at(tmp_path / "d", guarded + "/casse/", production=production)
    code, found, points = run_online(dossier)
    assert (code, points) == (0, 0)
    assert at_url(found) == [("P007", "dossier.yaml", URL_LINE)] * 2
    messages = " | ".join(f["message"] for f in found)
    assert "absente.html" in messages and "404" in messages
    assert "/prod/depot" in messages and "500" in messages
    assert "/casse/rapport.pdf" in HITS  # a file is asked for, and answers
    assert not any("linkedin" in hit for hit in HITS)


def test_a_link_to_another_site_is_never_requested(guarded: str) -> None:
    result = crawl.crawl(guarded + "/casse/")  # links to linkedin.com: the guard would fail
    assert [b.target.rsplit("/", 1)[-1] for b in result.broken] == ["absente.html"]


def test_p008_for_a_site_built_from_another_version(tmp_path: Path, guarded: str) -> None:
    _, found, _ = run_online(dossier_at(tmp_path / "d", guarded + "/e4-ancien/"))
    assert at_url(found) == [("P008", "dossier.yaml", URL_LINE)]
    assert "plus ancien" in found[0]["message"]


def test_no_p008_for_a_site_built_from_this_dossier(tmp_path: Path, guarded: str) -> None:
    dossier = dossier_at(tmp_path / "d", guarded + "/e4-actuel/")
    loaded = load_dossier(dossier, "d")
    assert loaded.dossier is not None
    _Handler.fingerprint = dossier_fingerprint(loaded.dossier)
    assert (_Handler.fingerprint, len(_Handler.fingerprint)) > ("sha256:", 70)
    code, found, _ = run_online(dossier)
    assert (code, found) == (0, [])


def test_the_fingerprint_follows_the_content(tmp_path: Path) -> None:
    first = build(tmp_path / "a")
    second = build(tmp_path / "b")
    loaded = [load_dossier(d, "d").dossier for d in (first, second)]
    assert loaded[0] is not None and loaded[1] is not None
    assert dossier_fingerprint(loaded[0]) == dossier_fingerprint(loaded[1])
    (second / "realisations/02-zabbix.yaml").write_text(REAL_STAGE + "description: plus\n")
    changed = load_dossier(second, "d").dossier
    assert changed is not None
    assert dossier_fingerprint(changed) != dossier_fingerprint(loaded[0])


def test_a_huge_page_is_read_within_its_bound(tmp_path: Path, guarded: str) -> None:
    started = time.monotonic()
    code, found, _ = run_online(dossier_at(tmp_path / "d", guarded + "/enorme/"))
    assert (code, found) == (0, [])
    assert time.monotonic() - started < 30


def test_a_site_that_links_forever_stops_at_the_page_bound(guarded: str) -> None:
    result = crawl.crawl(guarded + "/infini/")
    assert len(result.pages) == crawl.MAX_PAGES
    assert result.stopped == f"{crawl.MAX_PAGES} pages lues"
    assert len(HITS) <= crawl.MAX_PAGES + crawl.WORKERS


def test_a_slow_site_stops_at_the_time_bound(guarded: str) -> None:
    # deep enough that only the time bound can end the walk (2 s at 0.5 s a page)
    bounds = crawl.Bounds(seconds=2.0, timeout=1.0, depth=100)
    started = time.monotonic()
    result = crawl.crawl(guarded + "/lent/", bounds=bounds)
    elapsed = time.monotonic() - started
    assert result.stopped is not None and "2 s" in result.stopped
    assert 1 <= len(result.pages) <= 6
    assert elapsed < bounds.seconds + bounds.timeout + 1.5


def test_the_user_agent_says_e4(guarded: str) -> None:
    seen: list[str] = []
    original = _Handler._answer

    def spy(self: _Handler, body_too: bool) -> None:
        seen.append(self.headers.get("User-Agent", ""))
        original(self, body_too)

    _Handler._answer = spy  # type: ignore[method-assign]
    try:
        crawl.crawl(guarded + "/bon/")
    finally:
        _Handler._answer = original  # type: ignore[method-assign]
    assert seen and all(agent.startswith("e4/") for agent in seen)
