"""The portfolio: P001–P004, its Markdown pages (D004, D005, D007) and `e4 check --online`."""

from __future__ import annotations

import http.server
import json
import os
import socket
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MANIFEST, run_e4
from e4cli.check import online
from e4cli.check.pipeline import check_dossier
from e4cli.dossier.markdown_links import extract_links, local_target
from e4cli.util.weburl import LOOPBACK_ENV, check_url
from helpers_files import build, codes, findings, line_of, located, manifest_with, only

URL_LINE = line_of(MANIFEST, "url:")
CHEMIN_LINE = line_of(MANIFEST, "chemin:")

# ---------------------------------------------------------------- P001


def test_p001_without_address_nor_pages(tmp_path: Path) -> None:
    manifest = manifest_with(
        "portfolio:\n  url: https://lea-martin.github.io/portfolio/\n  chemin: portfolio/\n", ""
    )
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "portfolio/index.md": None})
    finding = only(dossier, "P001")
    assert (finding["path"], finding["line"]) == ("dossier.yaml", None)
    assert "portfolio.url" in finding["message"]
    assert check_json_penalty(dossier) == 10


def test_p001_points_at_an_empty_portfolio_block(tmp_path: Path) -> None:
    manifest = manifest_with(
        "portfolio:\n  url: https://lea-martin.github.io/portfolio/\n  chemin: portfolio/\n",
        "portfolio: {}\n",
    )
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "portfolio/index.md": None})
    assert located(dossier, "P001") == [("dossier.yaml", line_of(manifest, "portfolio:"), 1)]


def test_an_address_alone_is_a_portfolio(tmp_path: Path) -> None:
    manifest = manifest_with("  chemin: portfolio/\n", "")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "portfolio/index.md": None})
    assert not codes(dossier) & {"P001", "P002"}


def test_local_pages_alone_are_a_portfolio(tmp_path: Path) -> None:
    manifest = manifest_with("  url: https://lea-martin.github.io/portfolio/\n", "")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    assert not codes(dossier) & {"P001", "P002"}


def check_json_penalty(dossier: Path) -> int:
    from conftest import check_json

    return int(check_json(dossier)["penalty_points"])


# ---------------------------------------------------------------- P002: the address


@pytest.mark.parametrize(
    "url",
    [
        "lea-martin.github.io/portfolio/",
        "ftp://lea-martin.fr/portfolio/",
        "http://localhost:8000/",
        "http://127.0.0.1:4000/",
        "http://[::1]/",
        "http://192.168.1.10/portfolio/",
        "http://10.0.0.5/",
        "http://172.16.3.4/",
        "http://169.254.10.10/",
        "http://0.0.0.0/",
        "http://intranet/portfolio/",
        "http://serveur.local/",
        "https://portfolio.lan/",
        "https://lea martin.github.io/",
        "https:///portfolio",
        "http://2130706433/",
        "http://lea-.github.io/",
        "https://lea.github.io:99999/",
    ],
)
def test_p002_for_an_unusable_address(tmp_path: Path, url: str) -> None:
    manifest = manifest_with("https://lea-martin.github.io/portfolio/", url)
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    finding = only(dossier, "P002")
    assert (finding["path"], finding["line"]) == ("dossier.yaml", URL_LINE)
    assert finding["hint"]


@pytest.mark.parametrize(
    "url",
    [
        "https://lea-martin.github.io/portfolio/",
        "http://lea-martin.fr",
        "https://café-des-réseaux.fr/portfolio/",
        "https://93.184.216.34/",
        "HTTPS://Lea-Martin.GitHub.io/",
    ],
)
def test_a_public_address_is_accepted(tmp_path: Path, url: str) -> None:
    manifest = manifest_with("https://lea-martin.github.io/portfolio/", url)
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    assert "P002" not in codes(dossier)


def test_the_loopback_seam_allows_loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not check_url("http://127.0.0.1:8000/").ok
    monkeypatch.setenv(LOOPBACK_ENV, "1")
    assert check_url("http://127.0.0.1:8000/").ok
    assert check_url("http://localhost/").ok
    assert not check_url("http://192.168.0.1/").ok


# ---------------------------------------------------------------- P002: the local pages


def test_p002_for_a_declared_folder_that_does_not_exist(tmp_path: Path) -> None:
    manifest = manifest_with("chemin: portfolio/", "chemin: mon-portfolio/")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    assert located(dossier, "P002") == [("dossier.yaml", CHEMIN_LINE, 11)]


def test_p002_for_a_missing_index_names_the_near_file(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"portfolio/index.md": None, "portfolio/Index.md": "# Moi\n"})
    finding = only(dossier, "P002")
    assert (finding["path"], finding["line"]) == ("dossier.yaml", CHEMIN_LINE)
    assert "portfolio/index.md" in finding["message"]
    assert "« portfolio/Index.md »" in finding["hint"] and "casse" in finding["hint"]


def test_p002_for_a_missing_index_suggests_renaming_the_readme(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"portfolio/index.md": None, "portfolio/README.md": "# Moi"})
    assert "portfolio/README.md" in only(dossier, "P002")["hint"]


@pytest.mark.parametrize("text", ["", "  \n\n", "---\ntitle: Accueil\nlayout: home\n---\n\n"])
def test_p002_for_an_empty_index(tmp_path: Path, text: str) -> None:
    dossier = build(tmp_path / "d", {"portfolio/index.md": text})
    assert located(dossier, "P002") == [("portfolio/index.md", None, None)]


def test_an_index_with_front_matter_and_content_is_fine(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d", {"portfolio/index.md": "---\ntitle: Accueil\n---\n# Léa\n"})
    assert not codes(dossier) & {"P001", "P002", "P003"}


def test_p002_and_d004_for_an_index_in_windows_1252(tmp_path: Path) -> None:
    page = "# Portfolio\n\nÉtudiante en BTS SIO.\n".encode("cp1252")
    dossier = build(tmp_path / "d", {"portfolio/index.md": page})
    d004 = only(dossier, "D004")
    assert (d004["path"], d004["line"], d004["column"]) == ("portfolio/index.md", 3, 1)
    assert d004["hint"].endswith(f"laissez e4 le convertir : e4 check --fix {dossier}")
    assert located(dossier, "P002") == [("portfolio/index.md", None, None)]


def test_p002_when_the_portfolio_path_is_a_file(tmp_path: Path) -> None:
    manifest = manifest_with("chemin: portfolio/", "chemin: portfolio.md")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "portfolio.md": "# Moi\n"})
    assert "n'est pas un dossier" in only(dossier, "P002")["message"]


def test_p002_and_d005_for_a_portfolio_outside_the_dossier(tmp_path: Path) -> None:
    (tmp_path / "ailleurs").mkdir()
    (tmp_path / "ailleurs" / "index.md").write_text("# Secret\n", encoding="utf-8")
    manifest = manifest_with("chemin: portfolio/", "chemin: ../ailleurs/")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest})
    assert located(dossier, "D005") == [("dossier.yaml", CHEMIN_LINE, 11)]
    assert located(dossier, "P002") == [("dossier.yaml", CHEMIN_LINE, 11)]


def test_penalty_is_counted_once(tmp_path: Path) -> None:
    manifest = manifest_with("https://lea-martin.github.io/portfolio/", "http://localhost/")
    dossier = build(tmp_path / "d", {"dossier.yaml": manifest, "portfolio/index.md": ""})
    assert [f["code"] for f in findings(dossier)].count("P002") == 2
    assert check_json_penalty(dossier) == 10


# ---------------------------------------------------------------- P003 and the pages' links

PAGE = """\
---
title: Supervision
---
# Supervision avec Zabbix

Voir la [note de cadrage](../productions/cadrage.pdf) et le
[schéma](images/schema.png), puis ![capture](images/capture.png "Tableau de bord").

| Document | Lien |
|---|---|
| Recette | [cahier](../productions/recette.md) |

```
[pas un lien](absent.md)
```

[Accueil](index.md) · [Parcours](parcours.html) · [Veille](veille) · [haut](#top)
[Site](https://zabbix.com) · [mail](mailto:lea@example.fr) · <img src="images/logo.png">
"""


def page_dossier(root: Path, **changes: str | bytes | None) -> Path:
    files: dict[str, str | bytes | None] = {
        "portfolio/zabbix.md": PAGE,
        "portfolio/parcours.md": "# Parcours\n",
        "portfolio/veille.md": "# Veille\n",
        "portfolio/images/schema.png": b"\x89PNG\r\n\x1a\n",
        "portfolio/images/capture.png": b"\x89PNG\r\n\x1a\n",
        "portfolio/images/logo.png": b"\x89PNG\r\n\x1a\n",
        "productions/cadrage.pdf": b"%PDF-1.4\n",
        "productions/recette.md": "# Recette\n",
    }
    files.update(changes)
    return build(root, files)


def test_links_that_resolve_give_nothing(tmp_path: Path) -> None:
    dossier = page_dossier(tmp_path / "d")
    assert not codes(dossier) & {"P003", "D005"}


def test_p003_for_a_missing_link_at_its_line_and_column(tmp_path: Path) -> None:
    dossier = page_dossier(tmp_path / "d", **{"productions/cadrage.pdf": None})
    line = line_of(PAGE, "../productions/cadrage.pdf")
    column = PAGE.splitlines()[line - 1].index("../productions") + 1
    finding = only(dossier, "P003")
    assert (finding["path"], finding["line"], finding["column"]) == (
        "portfolio/zabbix.md",
        line,
        column,
    )
    assert finding["severity"] == "warning"
    assert "« productions/cadrage.pdf »" in finding["message"]


def test_p003_for_a_missing_image_and_an_html_image(tmp_path: Path) -> None:
    dossier = page_dossier(
        tmp_path / "d",
        **{"portfolio/images/capture.png": None, "portfolio/images/logo.png": None},
    )
    found = located(dossier, "P003")
    assert [(p, line) for p, line, _ in found] == [
        ("portfolio/zabbix.md", line_of(PAGE, "![capture]")),
        ("portfolio/zabbix.md", line_of(PAGE, "<img src")),
    ]
    assert all(f["message"].startswith("L'image") for f in findings(dossier) if f["code"] == "P003")


def test_p003_in_a_table_cell(tmp_path: Path) -> None:
    dossier = page_dossier(tmp_path / "d", **{"productions/recette.md": None})
    assert [line for _, line, _ in located(dossier, "P003")] == [line_of(PAGE, "[cahier]")]


def test_p003_hint_names_the_file_that_differs_by_case(tmp_path: Path) -> None:
    dossier = page_dossier(
        tmp_path / "d",
        **{"portfolio/images/schema.png": None, "portfolio/images/Schema.PNG": b"\x89PNG"},
    )
    hint = only(dossier, "P003")["hint"]
    assert "« portfolio/images/Schema.PNG »" in hint and "casse" in hint


def test_p003_hint_names_the_file_whose_name_is_nfd(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "portfolio/images/réseau.png")
    page = "# Réseau\n\n![schéma](images/réseau.png)\n"
    dossier = build(tmp_path / "d", {"portfolio/reseau.md": page, nfd: b"\x89PNG"})
    hint = only(dossier, "P003")["hint"]
    assert "NFD" in hint and nfd in hint and "casse" not in hint


def test_a_link_out_of_the_dossier_is_d005_and_not_followed(tmp_path: Path) -> None:
    page = "# Moi\n\n[mots de passe](../../../../etc/passwd)\n"
    dossier = build(tmp_path / "d", {"portfolio/index.md": page})
    finding = only(dossier, "D005")
    assert (finding["path"], finding["line"], finding["column"]) == ("portfolio/index.md", 3, 17)
    assert "P003" not in codes(dossier)


def test_a_symlinked_page_leading_out_is_d005(tmp_path: Path) -> None:
    dossier = build(tmp_path / "d")
    (tmp_path / "secret.md").write_text("# secret [x](nope.md)\n", encoding="utf-8")
    (dossier / "portfolio" / "secret.md").symlink_to(tmp_path / "secret.md")
    assert located(dossier, "D005") == [("portfolio/secret.md", None, None)]
    assert "P003" not in codes(dossier)  # the page outside is never read


def test_a_realisation_page_outside_the_portfolio_folder_is_read(tmp_path: Path) -> None:
    real = (
        "intitule: Site vitrine\ncadre: formation\nperiode: {debut: 2026-01-05, fin: "
        "2026-01-30}\ncompetences: [B1.3]\npage: pages/site.md\n"
    )
    dossier = build(
        tmp_path / "d",
        {"realisations/03-site.yaml": real, "pages/site.md": "# Site\n\n![x](absente.png)\n"},
    )
    assert located(dossier, "P003") == [("pages/site.md", 3, 6)]


def test_d004_for_a_page_in_windows_1252(tmp_path: Path) -> None:
    page = "# Veille\n\nSécurité des postes\n".encode("cp1252")
    dossier = build(tmp_path / "d", {"portfolio/veille.md": page})
    assert located(dossier, "D004") == [("portfolio/veille.md", 3, 2)]
    assert "P002" not in codes(dossier)  # only the index makes the portfolio unusable


def test_a_page_with_bom_and_crlf_is_fine(tmp_path: Path) -> None:
    page = "\ufeff# Veille\r\n\r\n[accueil](index.md)\r\n".encode()
    dossier = build(tmp_path / "d", {"portfolio/veille.md": page})
    assert not codes(dossier) & {"D004", "P003"}


def test_markdown_links_are_parsed_with_positions() -> None:
    links = extract_links(PAGE)
    targets = [local_target(link.target) for link in links]
    assert "absent.md" not in targets  # inside a code block
    assert targets[:3] == ["../productions/cadrage.pdf", "images/schema.png", "images/capture.png"]
    assert local_target("https://zabbix.com") is None
    assert local_target("#top") is None
    assert local_target("mailto:lea@example.fr") is None
    assert local_target("notes%20de%20cours.md#partie") == "notes de cours.md"


# ---------------------------------------------------------------- P004 and --online


_OK_PAGE = "<h1>Léa</h1><p>Inventaire du parc avec GLPI</p><p>Supervision avec Zabbix</p>".encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/ok/": (200, None),
            "/absent/": (404, None),
            "/erreur/": (500, None),
            "/prive/": (403, None),
            "/redirige/": (301, "/ok/"),
            "/boucle/": (302, "/boucle/"),
            "/vers-prive/": (302, "http://10.0.0.1/"),
        }
        if self.path == "/enorme/":
            self.send_response(200)
            self.send_header("Content-Length", str(10**10))
            self.end_headers()
            self.wfile.write(b"x" * 65536)
            return
        status, location = routes.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        body = _OK_PAGE if status == 200 else b"ok"  # the page names the two réalisations
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the server's log in the test output."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An HTTP server on 127.0.0.1, and the loopback seam open, proxies off."""
    monkeypatch.setenv(LOOPBACK_ENV, "1")
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def online_dossier(root: Path, url: str) -> Path:
    return build(
        root, {"dossier.yaml": manifest_with("https://lea-martin.github.io/portfolio/", url)}
    )


def run_online(dossier: Path) -> tuple[int, list[dict[str, Any]], int]:
    """Exit code, findings above info, and penalty points of `e4 check --online`."""
    result = run_e4("check", "--online", "--format", "json", str(dossier), env=dict(os.environ))
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    serious = [f for f in report["findings"] if f["severity"] != "info"]
    return result.returncode, serious, report["penalty_points"]


def test_check_online_reports_nothing_for_a_200(tmp_path: Path, server: str) -> None:
    code, found, points = run_online(online_dossier(tmp_path / "d", server + "/ok/"))
    assert (code, found, points) == (0, [], 0)


def test_check_online_reports_p004_for_a_404(tmp_path: Path, server: str) -> None:
    code, found, points = run_online(online_dossier(tmp_path / "d", server + "/absent/"))
    assert code == 1
    assert [(f["code"], f["path"], f["line"]) for f in found] == [
        ("P004", "dossier.yaml", URL_LINE)
    ]
    assert "404" in found[0]["message"]
    assert points == 10


def test_without_online_there_is_no_p004(tmp_path: Path, server: str) -> None:
    dossier = online_dossier(tmp_path / "d", server + "/absent/")
    assert "P004" not in codes(dossier)


def test_without_online_there_is_no_network_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access without --online")

    dossier = build(tmp_path / "d")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = check_dossier(dossier)
    assert not result.failed()


@pytest.mark.parametrize(
    ("path", "outcome", "status"),
    [
        ("/ok/", online.Outcome.OK, 200),
        ("/redirige/", online.Outcome.OK, 200),
        ("/enorme/", online.Outcome.OK, 200),
        ("/absent/", online.Outcome.HTTP, 404),
        ("/erreur/", online.Outcome.HTTP, 500),
        ("/prive/", online.Outcome.HTTP, 403),
        ("/boucle/", online.Outcome.REDIRECTS, 302),
        ("/vers-prive/", online.Outcome.PRIVATE, None),
    ],
)
def test_probe_outcomes(server: str, path: str, outcome: online.Outcome, status: int) -> None:
    result = online.probe(server + path, timeout=5)
    assert (result.outcome, result.status) == (outcome, status)


def test_probe_tls_error(server: str) -> None:
    result = online.probe(server.replace("http://", "https://") + "/ok/", timeout=5)
    assert result.outcome is online.Outcome.TLS


def test_probe_connection_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOOPBACK_ENV, "1")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: the connection is refused
        result = online.probe(f"http://127.0.0.1:{port}/", timeout=5)
    assert result.outcome is online.Outcome.CONNECTION


def test_probe_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOOPBACK_ENV, "1")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)  # accepts the connection, never answers
        port = sock.getsockname()[1]
        result = online.probe(f"http://127.0.0.1:{port}/", timeout=0.5)
    assert result.outcome is online.Outcome.TIMEOUT


def test_probe_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_name(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    result = online.probe("https://portfolio-qui-nexiste-pas.example.org/", timeout=2)
    assert result.outcome is online.Outcome.DNS
    assert "Name or service not known" in result.detail


def test_probe_refuses_a_name_resolving_to_a_private_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def private(*args: object, **kwargs: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.20", 0))]

    monkeypatch.setattr(socket, "getaddrinfo", private)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    result = online.probe("https://lea-martin.fr/", timeout=2)
    assert result.outcome is online.Outcome.PRIVATE
    assert "192.168.1.20" in result.detail
