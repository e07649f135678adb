"""Generate realistic synthetic dossiers for the benchmark, deterministically from a seed.

Each dossier has a manifest, 5 to 40 réalisations (formation and both stage
years, items and codes, team work, productions), portfolio pages linking to
them and two attestations: the shape of a real candidate's repository.

    python benchmarks/generate.py OUT_DIR --count 30 --seed 7 [--broken-every 5]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ["Léa", "Erwan", "Maël", "Chloé", "Yanis", "Inès", "Noé", "Jade", "Tom", "Lou"]
LAST = ["Martin", "Le Goff", "Le Gall", "Tanguy", "Morvan", "Guillou", "Riou", "Kerleau"]
ORGS = ["Mairie de Lannion", "Armor Info", "CHU de Brest", "Breizh Réseaux", "Lannion-Trégor"]
TOPICS = [
    "Inventaire du parc avec GLPI",
    "Déploiement d'un Active Directory",
    "Plan de sauvegarde avec Veeam",
    "Supervision avec Zabbix",
    "Portail captif pfSense",
    "Site vitrine WordPress et mentions légales",
    "API REST Symfony",
    "Application mobile Flutter",
    "Veille technologique sur la cybersécurité",
    "Profil LinkedIn et identité professionnelle",
    "Migration d'un serveur de fichiers",
    "Tests d'intégration d'une application Laravel",
]
ITEMS = [
    f"B1.{c}.{i}"
    for c, n in zip(range(1, 7), (6, 3, 3, 3, 3, 4), strict=True)
    for i in range(1, n + 1)
]
PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages "
    b"/Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def manifest(rng: random.Random, index: int) -> str:
    option = rng.choice(["SISR", "SLAM"])
    return f"""\
# yaml-language-server: $schema=https://e4cli.github.io/schemas/1/dossier.schema.json
session: 2027
candidat:
  nom: {rng.choice(LAST)}
  prenom: {rng.choice(FIRST)}
  numero: "{2248200000 + index:011d}"
  option: {option}
centre: Lycée Félix Le Dantec
portfolio:
  url: https://candidat-{index}.github.io/portfolio/
  chemin: portfolio/
stages:
  - organisation: {rng.choice(ORGS)}
    annee: 1
    debut: 2026-05-25
    fin: 2026-06-26
    attestation: attestations/stage1.pdf
  - organisation: {rng.choice(ORGS)}
    annee: 2
    debut: 2027-01-11
    fin: 2027-02-19
    attestation: attestations/stage2.pdf
"""


def realisation(rng: random.Random, number: int, items: list[str]) -> str:
    cadre = rng.choice(["formation", "formation", "stage"])
    stage_year = rng.choice([1, 2])
    if cadre == "stage" and stage_year == 1:
        head, start, end = "cadre: stage\nstage: stage1\n", "2026-05-26", "2026-06-19"
    elif cadre == "stage":
        head, start, end = "cadre: stage\nstage: stage2\n", "2027-01-12", "2027-02-12"
    else:
        head, start, end = "cadre: formation\n", "2025-10-06", "2026-03-20"
    team = rng.random() < 0.3
    lines = [
        f"intitule: {rng.choice(TOPICS)} (n°{number})",
        head.rstrip("\n"),
        "periode:",
        f"  debut: {start}",
        f"  fin: {end}",
        f"competences: [{', '.join(items)}]",
    ]
    if team:
        lines += ["modalite: equipe", "contribution: J'ai conçu et testé la partie serveur."]
    lines += [
        "technologies: [Debian 12, Windows Server 2022, Git]",
        "productions:",
        "  - titre: Procédure",
        f"    fichier: productions/r{number:02d}/procedure.md",
        "  - titre: Dépôt",
        f"    url: https://github.com/exemple/r{number:02d}",
        f"page: portfolio/r{number:02d}.md",
    ]
    return "\n".join(lines) + "\n"


def generate_dossier(
    root: Path, index: int, seed: int, broken: bool = False, count: int | None = None
) -> None:
    """One dossier; `count` réalisations (default: 5 to 40, drawn from the seed)."""
    rng = random.Random(seed * 100_003 + index)
    drawn = rng.randint(5, 40)
    count = count if count is not None else drawn
    files: dict[str, str | bytes] = {"dossier.yaml": manifest(rng, index)}
    pool = ITEMS[:]
    rng.shuffle(pool)
    index_links = []
    for number in range(1, count + 1):
        # the first réalisations cover every item; the others cite a few at random
        chosen = pool[(number - 1) * 4 : number * 4] or rng.sample(ITEMS, rng.randint(1, 4))
        files[f"realisations/{number:02d}.yaml"] = realisation(rng, number, chosen)
        files[f"productions/r{number:02d}/procedure.md"] = f"# Procédure {number}\n\nÉtapes.\n"
        files[f"portfolio/r{number:02d}.md"] = (
            f"# Réalisation {number}\n\n[Procédure](../productions/r{number:02d}/procedure.md)\n"
        )
        index_links.append(f"- [Réalisation {number}](r{number:02d}.md)")
    files["portfolio/index.md"] = "# Portfolio\n\n" + "\n".join(index_links) + "\n"
    files["attestations/stage1.pdf"] = PDF
    files["attestations/stage2.pdf"] = PDF
    if broken:
        files["realisations/01.yaml"] = (
            files["realisations/01.yaml"]
            .replace(  # type: ignore[union-attr]
                "periode:", "modalite: equipe\nperiode:"
            )
            .replace("contribution:", "# contribution:")
        )
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def generate(out: Path, count: int, seed: int, broken_every: int = 0) -> list[Path]:
    paths = []
    for index in range(count):
        path = out / f"candidat-{index:05d}"
        generate_dossier(path, index, seed, broken=bool(broken_every) and index % broken_every == 0)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--broken-every", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.broken_every)


if __name__ == "__main__":
    main()
