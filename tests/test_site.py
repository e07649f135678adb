"""`e4 site`: the portfolio website built from the dossier, read back as a visitor would.

Every site is built by the CLI in a subprocess, then parsed page by page: every page
parses, every internal link and image names a file of the site, nothing remote is
loaded, no path of the machine leaks. The browser tests (axe, screenshots, keyboard)
are in test_site_browser.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, run_e4, valid_files, write_tree
from site_support import (
    build,
    feature_files,
    parse_page,
    read_site,
    serve_folder,
    site_problems,
)

SHIPPED = ["sisr-complet", "slam-complet"]


@pytest.fixture
def features(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "d", feature_files())


@pytest.mark.parametrize("example", SHIPPED)
def test_the_examples_sites_have_no_broken_link_and_load_nothing_remote(
    tmp_path: Path, example: str
) -> None:
    dossier = tmp_path / example
    shutil.copytree(EXAMPLES / example, dossier)
    before = read_site(dossier)
    build(dossier, tmp_path / "site")
    assert site_problems(tmp_path / "site", (str(tmp_path), str(EXAMPLES), "/home/")) == []
    assert read_site(dossier) == before  # the dossier is never modified
    pages = read_site(tmp_path / "site")
    reals = sorted(p for p in pages if p.startswith("realisations/0"))
    assert len(reals) == len(list((dossier / "realisations").glob("*.yaml")))
    for name in ("index.html", "competences.html", "tableau-de-synthese.html", "stages.html"):
        assert name in pages


def test_every_markdown_feature_is_rendered_and_its_links_rewritten(
    tmp_path: Path, features: Path
) -> None:
    err = build(features, tmp_path / "site")
    site = tmp_path / "site"
    assert site_problems(site, (str(tmp_path),)) == []
    page = (site / "fonctions.html").read_text(encoding="utf-8")
    page = page[page.index("<main") : page.index("</main>")]
    assert '<th class="align-center">Version</th>' in page  # alignment without inline style
    assert 'id="fn1"' in page and 'href="#fn1"' in page  # footnotes
    assert '<span class="sr">fait : </span> Installer le serveur' in page  # task list
    assert 'id="un-tableau-aligné"' in page  # heading anchors
    assert '<img src="images/schema.png" alt="Schéma du réseau">' in page
    assert '<a href="veille.html#ma-veille">' in page and '<a href="veille.html">depuis' in page
    assert '<a href="productions/procedure.pdf">' in page
    assert '<a href="productions/guide.html">' in page  # a Markdown production is a page
    assert '<a href="realisations/01-glpi.html">la réalisation</a>' in page
    assert '<a href="https://example.org/image.png">Une image distante</a>' in page
    for gone in ("<script", "<iframe", "onclick", "style=", "javascript:"):
        assert gone not in page
    assert "<a>une attestation</a>" in page and "<a>un lien cassé</a>" in page
    assert "<a>hors du dossier</a>" in page
    assert "attestations" not in "".join(read_site(site))
    assert "notes-privees.txt" not in read_site(site)
    # e4 site says what became text: P003 as e4 check gives it, the attestation, D005
    assert "portfolio/fonctions.md:36:17 : P003 Le lien « absent.md »" in err
    assert "attestation non publiée" in err and "D005" in err
    assert "javascript:" in err
    # the page a production links (guide.md → procedure.pdf) is published with its links
    guide = (site / "productions/guide.html").read_text(encoding="utf-8")
    assert '<a href="procedure.pdf">La procédure</a>' in guide


def test_p003_is_the_finding_check_gives(tmp_path: Path, features: Path) -> None:
    report = check_json(features)
    p003 = [f for f in report["findings"] if f["code"] == "P003"]
    err = build(features, tmp_path / "site")
    for finding in p003:
        where = f"{finding['path']}:{finding['line']}:{finding['column']}"
        assert f"{where} : P003 {finding['message']}" in err


def test_the_menu_follows_the_front_matter(tmp_path: Path, features: Path) -> None:
    build(features, tmp_path / "site")
    page = parse_page((tmp_path / "site" / "index.html").read_bytes())
    menu = [value for tag, attr, value in page.links if tag == "a" and attr == "href"]
    start = menu.index("index.html", menu.index("index.html") + 1)  # after the site name
    expected = ["index.html", "fonctions.html", "veille.html", "a-propos.html"]
    assert menu[start : start + 4] == expected
    text = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ">Toutes les fonctions<" in text  # titre: of the front matter
    assert 'aria-current="page">Accueil' in text


def test_a_realisation_page_comes_from_its_yaml(tmp_path: Path, features: Path) -> None:
    build(features, tmp_path / "site")
    page = (tmp_path / "site" / "realisations" / "01-glpi.html").read_text(encoding="utf-8")
    for expected in (
        "<h1>Inventaire du parc avec GLPI</h1>",
        "Réalisation en cours de formation",
        "du 5 janvier 2026 au 13 février 2026",
        "En équipe",
        "Installation du serveur et des agents.",
        "<li>Debian</li>",
        '<a href="../competences.html#c-b1-1"><strong>B1.1</strong> Gérer le patrimoine',
        '<a href="../productions/procedure.pdf">Procédure d&#39;installation</a>',
        '<a href="https://example.org/depot">Dépôt</a>',
        '<a href="glpi.html">GLPI au laboratoire</a>',
    ):
        assert expected in page, expected


def test_building_twice_gives_the_same_bytes(tmp_path: Path, features: Path) -> None:
    build(features, tmp_path / "a")
    build(features, tmp_path / "b")
    assert read_site(tmp_path / "a") == read_site(tmp_path / "b")


def test_attestations_are_published_only_when_asked(tmp_path: Path, features: Path) -> None:
    build(features, tmp_path / "site", "--with-attestations")
    files = read_site(tmp_path / "site")
    assert "attestations/stage1.pdf" in files
    page = (tmp_path / "site" / "fonctions.html").read_text(encoding="utf-8")
    assert '<a href="attestations/stage1.pdf">une attestation</a>' in page
    assert site_problems(tmp_path / "site") == []


def test_a_gap_is_shown_only_in_preview(tmp_path: Path) -> None:
    dossier = write_tree(tmp_path / "d", valid_files())
    (dossier / "realisations" / "02-zabbix.yaml").write_text(
        (dossier / "realisations" / "02-zabbix.yaml")
        .read_text(encoding="utf-8")
        .replace("[B1.4, B1.5, B1.6]", "[B1.4, B1.5]"),
        encoding="utf-8",
    )
    build(dossier, tmp_path / "pub")
    published = (tmp_path / "pub" / "competences.html").read_text(encoding="utf-8")
    assert "B1.6" not in published and "non couverte" not in published
    build(dossier, tmp_path / "pre", "--preview")
    preview = (tmp_path / "pre" / "competences.html").read_text(encoding="utf-8")
    assert "B1.6" in preview and "Compétence non couverte" in preview
    assert '<meta name="robots" content="noindex">' in preview


def test_the_table_page_is_the_table_model(tmp_path: Path) -> None:
    dossier = tmp_path / "ex"
    shutil.copytree(EXAMPLES / "sisr-complet", dossier)
    build(dossier, tmp_path / "site")
    page = (tmp_path / "site" / "tableau-de-synthese.html").read_text(encoding="utf-8")
    assert "Réalisations en milieu professionnel en cours de seconde année" in page
    assert '<a href="realisations/06-radius-wifi.html">Authentification Wi-Fi' in page
    assert "02271834506" not in page  # the candidate's number is not published
    assert page.count("B1.5 mobilisée") >= 1


def test_table_files_are_linked_when_built(tmp_path: Path, features: Path) -> None:
    if shutil.which("chromium") is None and not os.environ.get("E4_CHROMIUM"):
        pytest.skip("pas de Chromium : le PDF du tableau ne se produit pas ici")
    build(features, tmp_path / "site", "--with-table-files")
    files = read_site(tmp_path / "site")
    assert files["tableau-de-synthese.xlsx"][:2] == b"PK"
    assert files["tableau-de-synthese.pdf"][:5] == b"%PDF-"
    page = files["tableau-de-synthese.html"].decode("utf-8")
    assert '<a href="tableau-de-synthese.pdf">PDF</a>' in page
    assert site_problems(tmp_path / "site") == []
    build(features, tmp_path / "again", "--with-table-files")  # no date stamped in them
    assert read_site(tmp_path / "again") == files


def test_legal_notices_come_from_the_dossier_unless_the_candidate_writes_them(
    tmp_path: Path, features: Path
) -> None:
    build(features, tmp_path / "site")
    legal = (tmp_path / "site" / "mentions-legales.html").read_text(encoding="utf-8")
    assert "Léa Martin" in legal and "GitHub, Inc." in legal and "aucun cookie" in legal
    (features / "portfolio" / "mentions-legales.md").write_text(
        "# Mentions légales\n\nHébergé par mon association.\n", encoding="utf-8"
    )
    build(features, tmp_path / "site")
    legal = (tmp_path / "site" / "mentions-legales.html").read_text(encoding="utf-8")
    assert "Hébergé par mon association." in legal and "GitHub, Inc." not in legal
    assert not (tmp_path / "site" / "mentions-legales-2.html").exists()


def test_the_candidate_overrides_css_and_templates(tmp_path: Path, features: Path) -> None:
    (features / "site").mkdir()
    (features / "site" / "style.css").write_text(":root { --accent: #6a1b9a; }\n", "utf-8")
    (features / "site" / "page.html.j2").write_text(
        '{% extends "e4/page.html.j2" %}{% block content %}<p class="mine">Mon modèle</p>'
        "{{ super() }}{% endblock %}",
        encoding="utf-8",
    )
    (features / "site" / "stages.html.j2").write_text("{% if %}", encoding="utf-8")
    err = build(features, tmp_path / "site")
    site = tmp_path / "site"
    assert (site / "assets" / "site.css").read_text(encoding="utf-8").startswith(":root")
    page = (site / "veille.html").read_text(encoding="utf-8")
    assert '<p class="mine">Mon modèle</p>' in page and "Ma veille" in page
    assert '<link rel="stylesheet" href="assets/site.css">' in page
    # a broken template of the candidate: said, and e4's own is used
    assert "site/stages.html.j2:1" in err and "modèle inutilisable" in err
    assert "<h1>Stages</h1>" in (site / "stages.html").read_text(encoding="utf-8")
    assert site_problems(site) == []


def test_a_template_cannot_reach_python(tmp_path: Path, features: Path) -> None:
    (features / "site").mkdir()
    (features / "site" / "page.html.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    err = build(features, tmp_path / "site")
    assert "modèle inutilisable" in err
    assert "subclasses" not in (tmp_path / "site" / "veille.html").read_text(encoding="utf-8")


def test_the_site_works_from_a_domain_root_and_a_sub_path(tmp_path: Path, features: Path) -> None:
    build(features, tmp_path / "www" / "portfolio")
    for base in ("", "portfolio/"):
        root = tmp_path / "www" / ("portfolio" if not base else "")
        with serve_folder(root) as url:
            for rel, data in read_site(tmp_path / "www" / "portfolio").items():
                if not rel.endswith(".html"):
                    continue
                for tag, attr, value in parse_page(data).links:
                    if "://" in value or value.startswith(("#", "mailto:")):
                        continue
                    page_url = urllib.parse.urljoin(url + base, rel)
                    target = urllib.parse.urljoin(page_url, value)
                    with urllib.request.urlopen(target, timeout=10) as response:
                        assert response.status == 200, (rel, tag, attr, value)


def test_an_existing_folder_that_e4_did_not_make_is_never_replaced(
    tmp_path: Path, features: Path
) -> None:
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "cv.odt").write_text("mon CV", encoding="utf-8")
    result = run_e4("site", str(features), "--output", str(mine))
    assert result.returncode == 2
    assert "n'a pas été créé par e4 site" in result.stderr
    assert (mine / "cv.odt").read_text(encoding="utf-8") == "mon CV"
    build(features, tmp_path / "site")
    build(features, tmp_path / "site")  # its own folder is replaced
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_no_site_without_a_dossier(tmp_path: Path) -> None:
    result = run_e4("site", str(tmp_path / "absent"), "--output", str(tmp_path / "s"))
    assert result.returncode == 1 and "pas de site" in result.stderr
    assert not (tmp_path / "s").exists()


def test_check_and_site_ignore_the_site_folder_in_the_dossier(tmp_path: Path) -> None:
    files = dict(valid_files())
    manifest = str(files["dossier.yaml"]).replace("chemin: portfolio/", "chemin: .")
    files.update({"dossier.yaml": manifest, "index.md": "# Léa\n\n[Veille](veille.md)\n"})
    files["veille.md"] = "# Veille\n"
    dossier = write_tree(tmp_path / "d", files)
    before = check_json(dossier)
    build(dossier, Path("_site"), cwd=dossier)
    (dossier / "_site" / "brouillon.md").write_text("# Pas une page\n[x](absent.md)\n", "utf-8")
    assert check_json(dossier)["findings"] == before["findings"]
    build(dossier, Path("_site"), cwd=dossier)
    assert "brouillon" not in "".join(read_site(dossier / "_site"))


def test_serve_rebuilds_when_the_dossier_changes(tmp_path: Path, features: Path) -> None:
    out = tmp_path / "site"
    proc = subprocess.Popen(
        [sys.executable, "-m", "e4cli", "site", str(features), "-o", str(out), "--serve",
         "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stderr is not None
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if "site servi sur " in line:
                url = line.split("site servi sur ", 1)[1].split()[0]
        assert url is not None and url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=10) as response:
            assert "Portfolio de Léa Martin" in response.read().decode("utf-8")
        (features / "portfolio" / "index.md").write_text("# Nouvel accueil\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with urllib.request.urlopen(url, timeout=10) as response:
                if "Nouvel accueil" in response.read().decode("utf-8"):
                    break
            time.sleep(0.3)
        else:
            pytest.fail("the site was not rebuilt within 30 s")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_built_site_passes_check_online_when_served(
    tmp_path: Path, features: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(features, tmp_path / "site")
    with serve_folder(tmp_path / "site") as url:
        manifest = features / "dossier.yaml"
        manifest.write_text(
            manifest.read_text(encoding="utf-8").replace(
                "https://lea-martin.github.io/portfolio/", url + "index.html"
            ),
            encoding="utf-8",
        )
        env = {**os.environ, "E4_TEST_ALLOW_LOOPBACK": "1"}
        result = run_e4("check", "--online", "--format", "json", str(features), env=env)
        assert "P004" not in result.stdout, result.stdout
        assert '"code": "P002"' not in result.stdout
        (tmp_path / "site" / "index.html").unlink()
        result = run_e4("check", "--online", "--format", "json", str(features), env=env)
        assert '"code": "P004"' in result.stdout  # the same check sees a missing home page


def test_a_site_built_from_another_version_of_the_dossier_is_p008_online(
    tmp_path: Path, features: Path
) -> None:
    """Every page carries the dossier's fingerprint; `check --online` compares it (P008)."""
    (tmp_path / "site").mkdir()
    with serve_folder(tmp_path / "site") as url:
        manifest = features / "dossier.yaml"
        manifest.write_text(
            manifest.read_text(encoding="utf-8").replace(
                "https://lea-martin.github.io/portfolio/", url + "index.html"
            ),
            encoding="utf-8",
        )
        shutil.rmtree(tmp_path / "site")
        build(features, tmp_path / "site")
        page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
        assert '<meta name="e4-dossier" content="sha256:' in page
        env = {**os.environ, "E4_TEST_ALLOW_LOOPBACK": "1"}
        fresh = run_e4("check", "--online", "--format", "json", str(features), env=env)
        assert '"code": "P008"' not in fresh.stdout, fresh.stdout
        real = next((features / "realisations").glob("*.yaml"))
        real.write_text(real.read_text(encoding="utf-8") + "\n# modifiée\n", encoding="utf-8")
        stale = run_e4("check", "--online", "--format", "json", str(features), env=env)
        assert '"code": "P008"' in stale.stdout, stale.stdout


def test_init_writes_the_gitignore_and_the_pages_address(tmp_path: Path) -> None:
    repo = tmp_path / "depot"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text(
        '[core]\n\tbare = false\n[remote "origin"]\n'
        "\turl = git@github.com:Lea-Martin/portfolio.git\n"
        "\tfetch = +refs/heads/*:refs/remotes/origin/*\n",
        encoding="utf-8",
    )
    result = run_e4("init", str(repo / "dossier"), "--option", "SISR")
    assert result.returncode == 0, result.stderr
    manifest = (repo / "dossier" / "dossier.yaml").read_text(encoding="utf-8")
    assert "  url: https://lea-martin.github.io/portfolio/" in manifest
    assert "_site/" in (repo / "dossier" / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "déduite du dépôt git" in result.stdout
    elsewhere = run_e4("init", str(tmp_path / "seul"), "--option", "SISR")
    assert elsewhere.returncode == 0
    placeholder = (tmp_path / "seul" / "dossier.yaml").read_text(encoding="utf-8")
    assert "  # url: https://prenom-nom.github.io" in placeholder


@pytest.mark.parametrize(
    ("remote", "url"),
    [
        ("git@github.com:lea/portfolio.git", "https://lea.github.io/portfolio/"),
        ("https://github.com/Lea/portfolio", "https://lea.github.io/portfolio/"),
        ("ssh://git@github.com/lea/lea.github.io.git", "https://lea.github.io/"),
        ("https://gitlab.com/lea/bts/portfolio.git", "https://lea.gitlab.io/bts/portfolio/"),
        ("git@gitlab.com:lea/portfolio.git", "https://lea.gitlab.io/portfolio/"),
        ("https://git.lycee.fr/lea/portfolio.git", None),
        ("/srv/git/portfolio.git", None),
    ],
)
def test_pages_address_of_a_remote(remote: str, url: str | None) -> None:
    from e4cli.util.forge import pages_url

    assert pages_url(remote) == url


def test_init_follows_a_worktree_to_its_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git absent")
    repo = tmp_path / "r"
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (
        ["init", "-q", str(repo)],
        ["-C", str(repo), "remote", "add", "origin", "https://gitlab.com/lea/portfolio.git"],
        ["-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q",
         "--allow-empty", "-m", "x"],
        ["-C", str(repo), "worktree", "add", "-q", str(tmp_path / "wt")],
    ):  # fmt: skip
        subprocess.run(["git", *args], check=True, env=env, capture_output=True)
    from e4cli.util.forge import infer_portfolio_url

    assert infer_portfolio_url(tmp_path / "wt" / "dossier") == "https://lea.gitlab.io/portfolio/"
