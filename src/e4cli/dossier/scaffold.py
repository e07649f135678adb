"""`e4 init DOSSIER`: a dossier to start from, commented in French, valid at once.

What only the candidate can supply (name, centre, organisations, intitulés)
is written as a value starting with "À COMPLÉTER", so that every file passes
the schemas and `e4 check` lists each of them (S004) with what to write; the
attestations are declared at the path where they are expected (A002 until
the file is there). The two example réalisations, one per cadre, show every
field; together they leave two competencies uncovered on purpose, so C001
shows how coverage is reported.

Nothing is ever overwritten: a file that exists is kept and reported, and the
examples are not added to a réalisations folder that already has files.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import field
from pathlib import Path
from typing import TextIO

from e4cli.dossier.editor import DOCUMENT_SCHEMAS, DOSSIER_SCHEMA_DIR, schema_ref, shipped_schemas
from e4cli.dossier.fs import DossierFS
from e4cli.dossier.load import read_yaml
from e4cli.dossier.referential import load_referential
from e4cli.util.atomic import write_atomic
from e4cli.util.errors import CommandError
from e4cli.util.forge import infer_portfolio_url
from e4cli.util.record import record
from e4cli.util.yamlwrite import modeline

TODO = "À COMPLÉTER"
OPTIONS = ("SISR", "SLAM")


@record(frozen=False)
class InitResult:
    session: int
    option: str | None
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # existed already: left untouched
    outside: list[str] = field(default_factory=list)  # its folder is a link out: not written
    skipped_examples: bool = False
    unused: list[str] = field(default_factory=list)  # arguments an existing dossier.yaml overrides
    portfolio_url: str | None = None  # inferred from the git remote, written in dossier.yaml


class InitFailure(CommandError):
    """The dossier cannot be created; the message says why, in French (exit 2)."""


def default_session(today: dt.date | None = None) -> int:
    """The next exam session: this year's until June, next year's from July."""
    today = today or dt.date.today()
    return today.year if today.month <= 6 else today.year + 1


def _monday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


@record
class _Dates:
    stage1: tuple[dt.date, dt.date]
    stage2: tuple[dt.date, dt.date]
    formation: tuple[dt.date, dt.date]
    in_stage2: tuple[dt.date, dt.date]


def _dates(session: int) -> _Dates:
    """Plausible dates for the examples: 5 weeks in May–June of the first year, 6 in
    January–February of the second (11 weeks, above the 10 of the voie scolaire)."""
    s1 = _monday_on_or_after(dt.date(session - 1, 5, 15))
    s2 = _monday_on_or_after(dt.date(session, 1, 6))
    f1 = _monday_on_or_after(dt.date(session - 1, 1, 6))
    return _Dates(
        (s1, s1 + dt.timedelta(weeks=5, days=-3)),
        (s2, s2 + dt.timedelta(weeks=6, days=-3)),
        (f1, f1 + dt.timedelta(weeks=6, days=-3)),
        (s2 + dt.timedelta(weeks=1), s2 + dt.timedelta(weeks=4, days=-3)),
    )


SITE_IGNORE = """\
# Créé par « e4 init » : le site que construit « e4 site » se reconstruit à chaque
# publication (intégration continue) ; il ne se versionne pas.
_site/
"""


def plan_files(
    session: int, option: str | None, e6: bool = False, portfolio_url: str | None = None
) -> dict[str, str]:
    """Every text file of the new dossier (path relative to it → content).

    With `e6`, the two example réalisations also get their `e6:` block: the two
    réalisations of épreuve E6 and what their fiches descriptives add.
    """
    dates = _dates(session)
    formation, stage = _formation(dates), _stage(dates)
    if e6:
        formation += _e6_block(session, option, 1)
        stage += _e6_block(session, option, 2)
    return {
        "dossier.yaml": _manifest(session, option, dates, portfolio_url),
        ".gitignore": SITE_IGNORE,
        "realisations/01-exemple-formation.yaml": formation,
        "realisations/02-exemple-stage.yaml": stage,
        "portfolio/index.md": _index(session, option),
        "productions/.gitkeep": "",
        "attestations/.gitkeep": "",
    }


def existing_choices(target: Path) -> tuple[int | None, str | None]:
    """The session and option that an existing dossier.yaml of `target` gives, if any."""
    manifest = target / "dossier.yaml"
    if not manifest.is_file():
        return None, None
    doc, _ = read_yaml(DossierFS(target), manifest)
    data = doc.data if doc is not None else None
    if not isinstance(data, dict):
        return None, None
    session = data.get("session")
    if isinstance(session, bool) or not isinstance(session, int) or not 2020 <= session <= 2100:
        session = None
    candidat = data.get("candidat")
    option = candidat.get("option") if isinstance(candidat, dict) else None
    option = option.strip().upper() if isinstance(option, str) else None
    return session, option if option in OPTIONS else None


def init_dossier(
    target: Path, session: int | None, option: str | None, e6: bool = False
) -> InitResult:
    """Add to `target` what a dossier lacks; the new files follow an existing dossier.yaml.

    `session` (default: the next one) and `option` are for a new dossier.yaml; when one
    exists, its own session and option win and the arguments that differ are listed
    in `unused`.
    """
    if target.exists() and not target.is_dir():
        raise InitFailure(f"« {target} » existe et n'est pas un dossier.")
    found_session, found_option = existing_choices(target)
    result = InitResult(
        session=found_session or session or default_session(),
        option=found_option or option,
    )
    if (target / "dossier.yaml").is_file():
        if option is not None and option != found_option:
            result.unused.append(f"--option {option}")
        if session is not None and session != found_session:
            result.unused.append(f"--session {session}")
    if not (target / "dossier.yaml").is_file():
        result.portfolio_url = infer_portfolio_url(target)
    files: dict[str, bytes] = {
        name: text.encode("utf-8")
        for name, text in plan_files(
            result.session, result.option, e6, result.portfolio_url
        ).items()
    }
    for name, data in shipped_schemas().items():
        if name in DOCUMENT_SCHEMAS:
            files[f"{DOSSIER_SCHEMA_DIR}/{name}"] = data
    realisations = target / "realisations"
    if realisations.is_dir() and any(
        p.suffix.lower() in (".yaml", ".yml") for p in realisations.iterdir()
    ):
        result.skipped_examples = True
        files = {k: v for k, v in files.items() if not k.startswith("realisations/")}
    try:
        root = target.resolve()
        for name in sorted(files, key=lambda n: n == "dossier.yaml"):
            path = target / name
            if path.exists() or path.is_symlink():
                result.kept.append(name)
                continue
            if not path.parent.resolve().is_relative_to(root):  # `portfolio/` links out
                result.outside.append(name)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, files[name])
            result.created.append(name)
    except OSError as exc:
        raise InitFailure(
            f"écriture impossible dans « {target} » : {exc.strerror or exc}"
            + (f" (déjà créés : {', '.join(result.created)})" if result.created else "")
        ) from exc
    return result


def _epreuve(session: int) -> str:
    """The épreuve's number for the session (E4 up to 2024, E5 since): the referential's data."""
    return load_referential().session_labels(session).epreuve


def _manifest(
    session: int, option: str | None, dates: _Dates, portfolio_url: str | None = None
) -> str:
    epreuve = _epreuve(session)
    if portfolio_url:
        url_line = (
            f"  url: {portfolio_url}   # l'adresse que publie « e4 site » en CI "
            "(déduite du dépôt git)"
        )
    else:
        url_line = (
            "  # url: https://prenom-nom.github.io/portfolio/   # l'adresse en ligne que le "
            "jury ouvrira"
        )
    if option:
        option_line = f"  option: {option}                # SISR | SLAM"
    else:
        option_line = (
            f"  # option: SISR             # {TODO} : SISR ou SLAM (obligatoire), puis ôtez le #"
        )
    (s1, e1), (s2, e2) = dates.stage1, dates.stage2
    return f"""{modeline(schema_ref("dossier.yaml", "dossier.schema.json"))}
# Le manifeste du dossier de l'épreuve {epreuve} du BTS SIO, créé par « e4 init ».
# Remplacez chaque valeur « {TODO} » ; « e4 check » les liste toutes (S004), avec ce
# qui manque encore au dossier. Les dates s'écrivent AAAA-MM-JJ. Le détail de chaque champ
# s'affiche dans l'éditeur (extension YAML de VS Code) ou avec « e4 schema dossier ».

session: {session}                 # l'année de l'examen : E4 jusqu'en 2024, E5 ensuite
candidat:
  nom: "{TODO} : votre NOM"
  prenom: "{TODO} : votre prénom"
  # numero: "02248211114"     # le numéro candidat de la convocation, entre guillemets
{option_line}
  statut: scolaire            # scolaire | apprentissage | formation-continue
                              # | experience-professionnelle
centre: "{TODO} : votre centre de formation"
# forme: ccf                  # {TODO} : ponctuelle ou ccf (contrôle en cours de formation),
#                              selon votre convocation, puis ôtez le # (sinon : S007)
# date_limite: {session}-04-01     # la date de remise du dossier
portfolio:
  chemin: portfolio/          # les pages Markdown du portfolio, index.md en premier
{url_line}
# tableau: tableau-de-synthese.xlsx   # le tableau remis s'il est dans le dossier (e4 table)

# Les périodes en organisation (stages, apprentissage, emploi), chacune avec son
# attestation (ou certificat de travail) : déposez le fichier au chemin indiqué.
# Les dates ci-dessous sont des exemples : remplacez-les par les vôtres.
stages:
  - id: stage1
    organisation: "{TODO} : l'organisation d'accueil du stage de première année"
    annee: 1                  # 1 : fin de première année ; 2 : seconde année
    debut: {s1.isoformat()}
    fin: {e1.isoformat()}
    attestation: attestations/stage1.pdf
  - id: stage2
    organisation: "{TODO} : l'organisation d'accueil du stage de seconde année"
    annee: 2
    debut: {s2.isoformat()}
    fin: {e2.isoformat()}
    attestation: attestations/stage2.pdf
"""


def _formation(dates: _Dates) -> str:
    start, end = dates.formation
    ref = schema_ref("realisations/01-exemple-formation.yaml", "realisation.schema.json")
    return f"""{modeline(ref)}
# Une réalisation professionnelle : une ligne du tableau de synthèse. Ceci est un EXEMPLE
# à remplacer. Faites un fichier par réalisation ; l'ordre des noms de fichiers (01-…, 02-…)
# est l'ordre des lignes dans chaque section du tableau.

intitule: "{TODO} : intitulé court, par exemple : Inventaire du parc avec GLPI"
cadre: formation             # formation (en cours de formation) | stage (en milieu professionnel)
periode:
  debut: {start.isoformat()}
  fin: {end.isoformat()}
competences:                 # un code (B1.1), un item (B1.2.1), un intitulé exact ou un alias
  - B1.1                     # Gérer le patrimoine informatique
  - B1.2.1                   # Collecter, suivre et orienter des demandes
modalite: seul               # seul | equipe
# description: >
#   Le contexte, la demande, ce qui a été fait.
# technologies: [GLPI, Debian, MariaDB]
# productions:               # les documents et productions associés (listés dans le tableau)
#   - titre: Procédure d'installation
#     fichier: productions/glpi/procedure.pdf
#   - titre: Dépôt du script d'inventaire
#     url: https://github.com/prenom-nom/inventaire
# page: portfolio/glpi.md    # la page du portfolio qui la présente
"""


def _stage(dates: _Dates) -> str:
    start, end = dates.in_stage2
    ref = schema_ref("realisations/02-exemple-stage.yaml", "realisation.schema.json")
    return f"""{modeline(ref)}
# Un EXEMPLE de réalisation en stage, à remplacer. « stage: » désigne un stage de
# dossier.yaml, dont l'année place la réalisation dans la bonne section du tableau.

intitule: "{TODO} : intitulé court, par exemple : Déploiement d'un serveur RADIUS"
cadre: stage
stage: stage2                # l'id d'un stage de dossier.yaml
periode:                     # comprise dans les dates du stage
  debut: {start.isoformat()}
  fin: {end.isoformat()}
competences:
  - B1.4                     # Travailler en mode projet
  - B1.5.2                   # Déployer un service
modalite: equipe             # en équipe, la contribution personnelle est obligatoire
contribution: "{TODO} : ce que vous avez fait vous-même dans l'équipe"
"""


def _e6_block(session: int, option: str | None, numero: int) -> str:
    """The `e6:` block of example réalisation `numero`: together the two cover bloc 2."""
    e6 = load_referential().e6
    assert e6 is not None
    labels = e6.labels(session, option or "SISR")
    block = labels.block
    codes = ("B2.1", "B2.2") if numero == 1 else ("B2.3",)
    if option is None:
        comment = "les codes B2.1 à B2.3 valent pour SISR et SLAM"
        lines = "\n".join(f"    - {code}" for code in codes)
    else:
        comment = f"bloc 2 {option} : {block.label}"
        lines = "\n".join(
            f"    - {code}                    # {block.competence(code).label}" for code in codes
        )
    verso = (
        "Une réalisation par fiche ; celle-ci porte le numéro 1."
        if numero == 1
        else "Les deux réalisations, ensemble, mobilisent les trois compétences du bloc 2."
    )
    return f"""
# Réalisation n°{numero} de l'épreuve {labels.epreuve} (deux réalisations, une fiche descriptive
# chacune : « e4 fiche » l'imprime).
# {verso}
e6:
  numero: {numero}
  competences:                # {comment}
{lines}
  conditions: "{TODO} : ressources fournies et résultats attendus"
  ressources: "{TODO} : ressources documentaires, matérielles et logicielles utilisées"
  acces: "{TODO} : adresse du dépôt ou de la démonstration, identifiants, stockage"
  # lieu: Lannion            # par défaut : l'organisation du stage ou le centre
  descriptif: "{TODO} : le verso de la fiche en Markdown (ou le chemin d'un fichier .md)"
"""


def _index(session: int, option: str | None) -> str:
    epreuve = _epreuve(session)
    return f"""# Portfolio — {TODO} : Prénom NOM

<!-- Créé par « e4 init » : la page d'accueil du portfolio (épreuve {epreuve} du BTS SIO).
     Les autres pages (une par réalisation, la veille…) vont dans ce dossier portfolio/. -->

BTS SIO option {option or "SISR ou SLAM"}, session {session}.

## Mon parcours

{TODO} : votre formation, vos stages et votre projet professionnel.

## Mes réalisations professionnelles

{TODO} : une ligne par réalisation, avec un lien vers sa page.
"""


def print_report(result: InitResult, display: str, stream: TextIO) -> None:
    option = result.option
    what = f"session {result.session}" + (f", option {option}" if option else "")
    if not result.created:
        stream.write(f"e4 : rien à créer dans « {display} » : tous les fichiers existent déjà.\n")
    else:
        stream.write(f"e4 : dossier « {display} » préparé ({what}) :\n")
        for name in result.created:
            stream.write(f"  + {name}\n")
    for name in result.kept:
        stream.write(f"  = {name} (existe déjà : gardé tel quel)\n")
    for name in result.outside:
        stream.write(
            f"  ! {name} (son dossier est un lien qui sort du dossier : rien n'y est écrit)\n"
        )
    if result.skipped_examples:
        stream.write("  (realisations/ contient déjà des fichiers : pas d'exemple ajouté)\n")
    if result.unused:
        verb = "non utilisée" if len(result.unused) == 1 else "non utilisées"
        stream.write(
            f"\n{' et '.join(result.unused)} {verb} : dossier.yaml existe et n'est jamais "
            "réécrit ; changez-y la valeur vous-même si besoin.\n"
        )
    if result.portfolio_url and "dossier.yaml" in result.created:
        stream.write(
            f"\nAdresse du portfolio déduite du dépôt git : {result.portfolio_url} "
            "(portfolio.url dans dossier.yaml) ; « e4 site » construit le site à y publier.\n"
        )
    if option is None and "dossier.yaml" in result.created:
        stream.write(
            "\nOption non choisie : écrivez « option: SISR » ou « option: SLAM » dans "
            "dossier.yaml (ou relancez avec --option sur un dossier neuf).\n"
        )
    stream.write(
        f"\nSuite : remplacez chaque « {TODO} », déposez les attestations, puis "
        f"« e4 check {display} » dit ce qui manque encore.\n"
    )


def run_init(target: Path, option: str | None, session: int | None, e6: bool = False) -> None:
    """`e4 init`: check the option, prepare the dossier, say what was done."""
    chosen = option.strip().upper() if option else None
    if chosen is not None and chosen not in OPTIONS:
        raise InitFailure(f"option « {option} » inconnue : SISR ou SLAM.")
    result = init_dossier(target, session, chosen, e6)
    print_report(result, str(target), sys.stdout)
    if e6 and result.skipped_examples:
        sys.stdout.write(
            "--e6 : les blocs « e6: » vont dans les réalisations d'exemple, qui n'ont pas été "
            "ajoutées ; écrivez-les dans vos deux réalisations (README, « Épreuve E6 »).\n"
        )
