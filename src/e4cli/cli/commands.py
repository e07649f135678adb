"""The command line: arguments only. Each command hands its body to `cli.runner.run`.

The bodies live with what they do (`cli/check_run.py`, `table/run.py`,
`jury/run.py`…); the runner turns their outcome into the exit code and writes
their outputs. Heavy imports stay inside the commands so `e4 --version` and
`e4 --help` start fast.
"""

from __future__ import annotations

import copy
import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.main import get_command_name

from e4cli import __version__
from e4cli.__main__ import COMPLETE_VAR
from e4cli.cli import runner
from e4cli.cli.french import FrenchCommand, FrenchGroup


# The choices of --format, as Typer wants them (an enum); each lists the names of its
# registry (report.formats, table.formats, jury.formats), which test_registries compares.
class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    sarif = "sarif"
    markdown = "markdown"


class TableFormat(StrEnum):
    html = "html"
    md = "md"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    pdf = "pdf"


class GridFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    xlsx = "xlsx"


class AppraisalFormat(StrEnum):
    html = "html"
    pdf = "pdf"


class FicheFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    docx = "docx"


class ReportFormat(StrEnum):
    html = "html"
    csv = "csv"


app = typer.Typer(
    cls=FrenchGroup,
    name="e4",
    help="Vérifie le dossier de l'épreuve E4/E5 du BTS SIO (portfolio, tableau de synthèse, "
    "attestations) et produit le tableau de synthèse officiel.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"e4 {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Affiche la version et quitte.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Vérifie le dossier E4/E5 du BTS SIO et produit son tableau de synthèse."""


@app.command(cls=FrenchCommand)
def check(
    dossiers: Annotated[
        list[Path], typer.Argument(help="Le ou les dossiers à vérifier.", show_default=False)
    ],
    fmt: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Format du rapport ; par défaut text, ou github dans GitHub Actions.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Un avertissement fait aussi échouer la vérification.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Écrit le rapport dans ce fichier.", dir_okay=False),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Rapport texte : montre aussi les informations."),
    ] = False,
    recursive: Annotated[
        bool,
        typer.Option(
            "--recursive",
            "-r",
            help="Cherche tous les dossiers (contenant dossier.yaml) sous les chemins donnés.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Nombre de processus pour vérifier plusieurs dossiers (par défaut : un par cœur).",
            show_default=False,
        ),
    ] = None,
    online: Annotated[
        bool,
        typer.Option(
            "--online",
            help="Parcourt aussi le portfolio en ligne, comme le jury (P004 à P008). Sans cette "
            "option, e4 n'accède jamais au réseau.",
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Corrige dans le dossier ce qui est mécanique et sûr (encodage, dates, clés "
            "accentuées, numéro sans guillemets, code de compétence), dit ce qui a changé, "
            "puis vérifie le résultat. Le seul mode qui écrit dans le dossier.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Montre ce que --fix changerait (diff unifié), sans rien écrire ; code 1 s'il "
            "y a quelque chose à corriger.",
        ),
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            "-w",
            help="Reste ouvert et vérifie de nouveau le dossier à chaque modification d'un de "
            "ses fichiers (Ctrl-C pour arrêter).",
        ),
    ] = False,
) -> None:
    """Vérifie un ou plusieurs dossiers comme le contrôle de conformité et le jury.

    Plusieurs dossiers (e4 check classe/*/ ou e4 check -r classe/) sont vérifiés en
    parallèle ; le rapport suit l'ordre donné et se termine par la synthèse de la classe.

    Code de sortie : 0 si aucune erreur, 1 si au moins une erreur (ou un avertissement avec
    --strict), 2 en cas d'usage incorrect ou de panne de l'outil.
    """
    from e4cli.cli.check_run import CheckOptions, default_format, run_check_command

    options = CheckOptions(
        fmt.value if fmt else default_format(),
        strict=strict,
        verbose=verbose,
        recursive=recursive,
        output=output,
        jobs=jobs,
        online=online,
        fix=fix,
        diff=diff,
    )
    run_check_command(dossiers, options, watch=watch)


@app.command(cls=FrenchCommand)
def explain(
    code: Annotated[
        str | None,
        typer.Argument(help="Le code à expliquer (par exemple R005).", show_default=False),
    ] = None,
) -> None:
    """Explique un code de constat : ce qu'il vérifie, pourquoi, un exemple correct et fautif."""
    from e4cli.rules.explain import run_explain

    runner.run(run_explain, code)


@app.command(cls=FrenchCommand)
def schema(
    name: Annotated[
        str | None,
        typer.Argument(
            help="dossier (par défaut), realisation, referentiel, report, table…",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Exporte les schémas (tous, ou celui nommé) dans ce dossier, créé au besoin.",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    vscode: Annotated[
        bool,
        typer.Option(
            "--vscode",
            help="Exporte les schémas (dans --output, par défaut .e4/schemas) et les associe "
            "aux fichiers du dossier dans .vscode/settings.json du dossier courant, sans "
            "toucher aux autres réglages.",
        ),
    ] = False,
) -> None:
    """Affiche ou exporte les schémas JSON de e4 (complétion et validation dans l'éditeur).

    Sans option, affiche un schéma. Avec --output, les écrit dans un dossier ; avec --vscode,
    configure aussi l'extension YAML de VS Code pour l'espace de travail courant.
    """
    from e4cli.cli.schema_run import run_schema

    runner.run(run_schema, name, output, vscode)


@app.command(cls=FrenchCommand)
def init(
    dossier: Annotated[
        Path, typer.Argument(help="Le dossier à créer (ou à compléter).", show_default=False)
    ],
    option: Annotated[
        str | None,
        typer.Option("--option", help="L'option du candidat : SISR ou SLAM.", show_default=False),
    ] = None,
    session: Annotated[
        int | None,
        typer.Option(
            "--session",
            min=2020,
            max=2100,
            help="L'année de la session d'examen ; par défaut la prochaine.",
            show_default=False,
        ),
    ] = None,
    e6: Annotated[
        bool,
        typer.Option(
            "--e6",
            help="Ajoute aux deux réalisations d'exemple leur bloc « e6: » (épreuve E6 : les "
            "deux réalisations et leurs fiches descriptives).",
        ),
    ] = False,
) -> None:
    """Crée un dossier de départ : dossier.yaml, portfolio, une réalisation d'exemple par cadre.

    Les fichiers sont commentés en français et valides d'emblée ; ce que seul le candidat
    peut écrire vaut « À COMPLÉTER », et « e4 check » le liste. Aucun fichier existant n'est
    écrasé. Code de sortie : 0, ou 2 en cas d'usage incorrect ou d'écriture impossible.
    """
    from e4cli.dossier.scaffold import run_init

    runner.run(run_init, dossier, option, session, e6)


@app.command("import", cls=FrenchCommand)
def import_table(
    tableau: Annotated[
        Path,
        typer.Argument(
            help="Le tableau de synthèse rempli, sur le modèle officiel (.xlsx, .ods ou PDF).",
            show_default=False,
        ),
    ],
    dossier: Annotated[
        Path,
        typer.Argument(help="Le dossier à créer : nouveau, ou vide.", show_default=False),
    ],
) -> None:
    """Crée un dossier à partir d'un tableau de synthèse officiel déjà rempli (.xlsx, .ods, PDF).

    Lit l'en-tête (nom, numéro, centre, option, portfolio, session) et chaque ligne (intitulé,
    section, période, cases cochées) ; écrit dossier.yaml et un fichier par réalisation. Ce
    qui ne se comprend pas est gardé en commentaire dans le fichier concerné et listé ici. Un
    dossier existant n'est jamais écrasé. Code de sortie : 0, ou 2 si le tableau ne se lit
    pas ou si le dossier existe déjà.
    """
    from e4cli.importer.run import run

    runner.run(run, tableau, dossier)


@app.command(cls=FrenchCommand)
def table(
    dossier: Annotated[Path, typer.Argument(help="Le dossier du candidat.", show_default=False)],
    fmt: Annotated[
        TableFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Format du tableau ; par défaut celui de l'extension de --output, sinon html.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Écrit le tableau dans ce fichier.", dir_okay=False),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Remplit ce modèle officiel .xlsx (fourni par l'établissement) au lieu d'en "
            "créer un.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Produit le tableau de synthèse officiel : html, md, csv, json, xlsx ou pdf.

    Sans --output, les formats texte vont sur la sortie standard ; xlsx et pdf exigent
    --output. Ce qui manque au dossier est signalé sur la sortie d'erreur (code 0 si le
    tableau est produit) ; code 1 sans dossier à lire, 2 en cas d'usage incorrect.
    """
    from e4cli.table.run import run_table

    runner.run(run_table, dossier, fmt.value if fmt else None, output, template)


# Parameters shared word for word by `e4 grille` and `e4 note`.
CandidateDossiers = Annotated[
    list[Path], typer.Argument(help="Le ou les dossiers des candidats.", show_default=False)
]
JuryOnline = Annotated[
    bool, typer.Option("--online", help="Vérifie aussi le portfolio en ligne (P004 à P008).")
]


@app.command(cls=FrenchCommand)
def grille(
    dossiers: CandidateDossiers,
    fmt: Annotated[
        GridFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html, pdf ou xlsx ; par défaut celui de l'extension de --output, sinon html.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Écrit la grille dans ce fichier.", dir_okay=False),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            help="Écrit une grille par candidat dans ce dossier, nommée d'après son dossier.",
            file_okay=False,
        ),
    ] = None,
    online: JuryOnline = False,
    evaluation: Annotated[
        Path | None,
        typer.Option(
            "--evaluation",
            "-e",
            help="L'évaluation de la commission (e4 schema evaluation) : date, commission, NOTE, "
            "NOTE FINALE et niveaux cochés au verso ; pour plusieurs dossiers, le dossier des "
            "évaluations (<dossier>.yaml pour chacun).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Grille d'aide à l'évaluation (annexe 6-3 / VI-3) telle que la circulaire l'imprime.

    Recto et verso officiels de la session du dossier (annexes 6-3 jusqu'à la session
    2024, VI-3 ensuite), pré-remplis : nom, numéro, forme, option, pénalités constatées par
    e4 check pré-cochées ; avec --evaluation, la date, la commission, la NOTE, la NOTE
    FINALE et le niveau de chaque ligne coché au verso. Une page d'annexe propre à e4 suit
    le verso : les réalisations du dossier qui mobilisent chaque compétence. Plusieurs
    dossiers (e4 grille classe/*/ --output-dir grilles/) : une grille par candidat.

    Code de sortie : 0 si chaque grille est produite (un dossier non conforme a la sienne,
    signalé sur la sortie d'erreur), 1 si un chemin n'est pas un dossier ou si son
    évaluation a une erreur (pas de grille pour lui), 2 en cas d'usage incorrect ou de
    panne.
    """
    from e4cli.jury.run import Options, run_grille

    options = Options(fmt.value if fmt else None, output, output_dir, online)
    runner.run(run_grille, dossiers, options, evaluation)


@app.command(cls=FrenchCommand)
def note(
    dossiers: CandidateDossiers,
    evaluation: Annotated[
        Path,
        typer.Option(
            "--evaluation",
            "-e",
            help="Le fichier YAML de l'évaluation de la commission ; pour plusieurs dossiers, le "
            "dossier des évaluations (<dossier>.yaml pour chacun).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        AppraisalFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html ou pdf ; par défaut celui de l'extension de --output, sinon html.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Écrit la fiche dans ce fichier.", dir_okay=False),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            help="Écrit une fiche par candidat dans ce dossier, nommée d'après son dossier.",
            file_okay=False,
        ),
    ] = None,
    online: JuryOnline = False,
) -> None:
    """Fiche d'appréciation (annexe 6-4 / VI-4) et NOTE FINALE à partir de l'évaluation.

    La commission écrit dans un fichier YAML (e4 schema evaluation) un niveau par
    compétence et pour le travail en équipe, sa NOTE /20, ses observations sur chacune des
    deux parties et son appréciation. La fiche est celle de la circulaire de la session.
    e4 vérifie ce fichier (codes E001 à E008, e4 explain E003), calcule
    NOTE FINALE = max(0, NOTE − pénalités constatées par e4 check) et produit la fiche.
    e4 ne propose jamais de note.

    Code de sortie : 0 si chaque fiche est produite, 1 si une évaluation a une erreur (pas
    de fiche pour elle) ou si un chemin n'est pas un dossier, 2 en cas d'usage incorrect ou
    de panne.
    """
    from e4cli.jury.run import Options, run_note

    options = Options(fmt.value if fmt else None, output, output_dir, online)
    runner.run(run_note, dossiers, evaluation, options)


@app.command(cls=FrenchCommand)
def fiche(
    dossiers: CandidateDossiers,
    fmt: Annotated[
        FicheFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html, pdf ou docx ; par défaut celui de l'extension de --output, sinon html.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Écrit les fiches dans ce fichier.", dir_okay=False),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            help="Écrit les fiches de chaque candidat dans ce dossier, un fichier nommé d'après "
            "son dossier.",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Fiches descriptives des deux réalisations de l'épreuve E6 (E5 jusqu'en 2024).

    Pour chaque réalisation qui a un bloc « e6: », la fiche officielle (annexe 7-1, 9-1 ou
    VII-1 selon la session, A en SISR, B en SLAM) : recto pré-rempli à partir de la
    réalisation et de son bloc e6, verso avec le descriptif et ses images. En html, pdf ou
    docx (Word). Plusieurs dossiers (e4 fiche classe/*/ --output-dir fiches/) : un fichier
    par candidat.

    Code de sortie : 0 si chaque dossier a ses fiches (les constats F001 à F004 sont
    signalés sur la sortie d'erreur), 1 si un dossier n'en a pas (pas de bloc e6, pas
    d'option, pas un dossier), 2 en cas d'usage incorrect ou de panne.
    """
    from e4cli.jury.fiche.run import run_fiche
    from e4cli.jury.run import Options

    runner.run(run_fiche, dossiers, Options(fmt.value if fmt else None, output, output_dir))


@app.command(cls=FrenchCommand)
def report(
    classe: Annotated[
        Path,
        typer.Argument(
            help="Le dossier de la classe : un sous-dossier par élève.", show_default=False
        ),
    ],
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html ou csv ; par défaut celui de l'extension de --output, sinon html.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Écrit le rapport dans ce fichier.", dir_okay=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Un avertissement rend aussi un dossier non conforme.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Nombre de processus (par défaut : un par cœur).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Rapport de classe : tous les dossiers d'un dossier de classe, en HTML ou en CSV.

    Une ligne par dossier (candidat, verdict, erreurs, avertissements, pénalités,
    compétences non couvertes, lien vers son tableau de synthèse) et, par compétence, le
    nombre de dossiers qui la couvrent. Code de sortie 0 quand le rapport est produit,
    quels que soient les verdicts ; 2 en cas d'usage incorrect ou de panne.
    """
    from e4cli.report.classreport.run import run_report

    runner.run(run_report, classe, fmt.value if fmt else None, output, strict=strict, jobs=jobs)


_CLICK_STYLE = re.compile(r"^(bash|zsh|fish|powershell|pwsh)_(source|complete)$")


def completion_instruction(value: str) -> str:
    """Click's `bash_source` as Typer's `source_bash`: both spellings of `_E4_COMPLETE` work.

    Click documents `_E4_COMPLETE=bash_source e4`; Typer, which e4 is built on, reads
    `source_bash`. The scripts either one prints call e4 back in Typer's spelling.
    """
    match = _CLICK_STYLE.match(value)
    return f"{match[2]}_{match[1]}" if match else value


@app.command(cls=FrenchCommand)
def site(
    dossier: Annotated[Path, typer.Argument(help="Le dossier du candidat.", show_default=False)],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Le dossier où écrire le site (remplacé à chaque construction).",
            file_okay=False,
        ),
    ] = Path("_site"),
    preview: Annotated[
        bool,
        typer.Option(
            "--preview",
            help="Aperçu : montre aussi ce qui manque (compétences non couvertes) ; à ne pas "
            "publier.",
        ),
    ] = False,
    with_attestations: Annotated[
        bool,
        typer.Option(
            "--with-attestations",
            help="Publie aussi les attestations de stage (données personnelles).",
        ),
    ] = False,
    with_table_files: Annotated[
        bool,
        typer.Option(
            "--with-table-files",
            help="Joint le tableau de synthèse en .xlsx et .pdf (le PDF demande Chromium).",
        ),
    ] = False,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve",
            help="Sert le site sur 127.0.0.1 et le reconstruit à chaque modification du dossier.",
        ),
    ] = False,
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Le port de --serve (0 : un port libre)."),
    ] = 8000,
) -> None:
    """Construit le site du portfolio à partir du dossier : pages, réalisations, tableau.

    Écrit un site statique dans _site/ (ou --output) : les pages Markdown du portfolio,
    une page par réalisation, les compétences, le tableau de synthèse, les stages et les
    mentions légales. Tous les liens sont relatifs : le site s'ouvre depuis le disque comme
    depuis GitHub Pages ou GitLab Pages. Un lien vers ce qui n'est pas publié devient du
    texte, et e4 le dit. Code de sortie : 0 si le site est écrit, 1 sans dossier à lire,
    2 en cas d'usage incorrect ou d'écriture impossible.
    """

    from e4cli.site.build import SiteOptions
    from e4cli.site.run import Request, run_site

    options = SiteOptions(preview, with_attestations, with_table_files)
    request = Request(dossier, output, options, serve=serve, port=port)
    runner.run(run_site, request, sys.stderr)


def main() -> None:
    """Console entry point: exit 2 with a short message when e4 itself fails."""
    value = os.environ.get(COMPLETE_VAR)
    if value:
        os.environ[COMPLETE_VAR] = completion_instruction(value)
    runner.console_entry(lambda: app_for(sys.argv[1:])(prog_name="e4"))


def app_for(args: list[str]) -> typer.Typer:
    """The app reduced to the command being run, when the first argument names one.

    Typer turns every command's signature into Click options before running any: for
    `e4 check`, converting the ten other commands was an eighth of its start. A first
    argument naming a command runs exactly as in the whole app (same command, same
    group options and settings); anything else (no argument, an option, a typo to
    suggest a name for, shell completion) gets the whole app. tests/test_fast_paths.py
    holds both to the same output.
    """
    if not args or os.environ.get(COMPLETE_VAR):
        return app
    named = [
        info
        for info in app.registered_commands
        if (info.name or get_command_name(info.callback.__name__ if info.callback else ""))
        == args[0]
    ]
    if len(named) != 1:
        return app
    reduced = copy.copy(app)
    reduced.registered_commands = named
    return reduced
