"""The command line: parse arguments, call the steps, choose the exit code.

Kept thin, with heavy imports inside the commands so `e4 --version` and
`e4 --help` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from e4cli import __version__
from e4cli.cli.french import FrenchCommand, FrenchGroup
from e4cli.report.formats import CheckFormat

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2

app = typer.Typer(
    cls=FrenchGroup,
    name="e4",
    help="Vérifie le dossier de l'épreuve E4/E5 du BTS SIO (portfolio, tableau de synthèse, "
    "attestations) et produit le tableau de synthèse officiel.",
    no_args_is_help=True,
    add_completion=False,
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


def fail(message: str) -> NoReturn:
    """The tool itself cannot go on (exit 2): never used for a problem in a dossier."""
    typer.echo(f"e4 : {message}", err=True)
    raise typer.Exit(EXIT_FAILURE)


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from e4cli.util.atomic import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        fail(f"impossible d'écrire « {output} » : {exc.strerror or exc}")


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
            help="Ouvre aussi l'adresse du portfolio en ligne, comme le jury (P004). Sans cette "
            "option, e4 n'accède jamais au réseau.",
        ),
    ] = False,
) -> None:
    """Vérifie un ou plusieurs dossiers comme le contrôle de conformité et le jury.

    Plusieurs dossiers (e4 check classe/*/ ou e4 check -r classe/) sont vérifiés en
    parallèle ; le rapport suit l'ordre donné et se termine par la synthèse de la classe.

    Code de sortie : 0 si aucune erreur, 1 si au moins une erreur (ou un avertissement avec
    --strict), 2 en cas d'usage incorrect ou de panne de l'outil.
    """
    from e4cli.cli import check_run as checkrun

    chosen = fmt or checkrun.default_format()
    options = checkrun.CheckOptions(
        chosen,
        strict=strict,
        verbose=verbose,
        recursive=recursive,
        output=output,
        jobs=jobs,
        online=online,
    )
    try:
        code = checkrun.run_check(dossiers, options)
    except checkrun.UsageError as exc:
        fail(str(exc))
    except BrokenPipeError:  # e4 check … | head: the reader has seen enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    raise typer.Exit(code)


@app.command(cls=FrenchCommand)
def explain(
    code: Annotated[
        str | None,
        typer.Argument(help="Le code à expliquer (par exemple R005).", show_default=False),
    ] = None,
) -> None:
    """Explique un code de constat : ce qu'il vérifie, pourquoi, un exemple correct et fautif."""
    from e4cli.rules.explain import explain_code, list_codes

    if code is None:
        list_codes(sys.stdout)
        return
    if not explain_code(code, sys.stdout):
        typer.echo(f"e4 : code « {code} » inconnu ; « e4 explain » les liste tous.", err=True)
        raise typer.Exit(EXIT_FAILURE)


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
    from e4cli.util.resources import schemas_dir

    available = sorted(p.name.split(".")[0] for p in schemas_dir().glob("*.schema.json"))
    if name is not None and name not in available:
        fail(f"schéma « {name} » inconnu (disponibles : {', '.join(available)})")
    if output is None and not vscode:
        path = schemas_dir() / f"{name or 'dossier'}.schema.json"
        sys.stdout.write(path.read_text(encoding="utf-8"))
        return
    from e4cli.dossier.editor import (
        DOSSIER_SCHEMA_DIR,
        EditorError,
        add_vscode_mapping,
        export_schemas,
    )

    target = output if output is not None else Path(DOSSIER_SCHEMA_DIR)
    try:
        written = export_schemas(target, (f"{name}.schema.json",) if name else None)
    except OSError as exc:
        fail(f"impossible d'écrire dans « {target} » : {exc.strerror or exc}")
    typer.echo(
        f"e4 : {len(written)} schéma(s) exporté(s) dans « {target} » : "
        + ", ".join(p.name for p in written),
        err=True,
    )
    if not vscode:
        return
    try:
        update = add_vscode_mapping(Path.cwd(), target)
    except (EditorError, OSError) as exc:
        fail(str(exc))
    state = "créé" if update.created else ("mis à jour" if update.changed else "déjà à jour")
    typer.echo(f"e4 : « {update.path} » {state} (yaml.schemas).", err=True)


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
) -> None:
    """Crée un dossier de départ : dossier.yaml, portfolio, une réalisation d'exemple par cadre.

    Les fichiers sont commentés en français et valides d'emblée ; ce que seul le candidat
    peut écrire vaut « À COMPLÉTER », et « e4 check » le liste. Aucun fichier existant n'est
    écrasé. Code de sortie : 0, ou 2 en cas d'usage incorrect ou d'écriture impossible.
    """
    from e4cli.dossier.scaffold import OPTIONS, InitFailure, init_dossier, print_report

    chosen = option.strip().upper() if option else None
    if chosen is not None and chosen not in OPTIONS:
        fail(f"option « {option} » inconnue : SISR ou SLAM.")
    try:
        result = init_dossier(dossier, session, chosen)
    except InitFailure as exc:
        fail(str(exc))
    print_report(result, str(dossier), sys.stdout)


@app.command("import", cls=FrenchCommand)
def import_table(
    tableau: Annotated[
        Path,
        typer.Argument(
            help="Le tableau de synthèse rempli, sur le modèle officiel (.xlsx).",
            show_default=False,
        ),
    ],
    dossier: Annotated[
        Path,
        typer.Argument(help="Le dossier à créer : nouveau, ou vide.", show_default=False),
    ],
) -> None:
    """Crée un dossier à partir d'un tableau de synthèse officiel déjà rempli (.xlsx).

    Lit l'en-tête (nom, numéro, centre, option, portfolio, session) et chaque ligne (intitulé,
    section, période, cases cochées) ; écrit dossier.yaml et un fichier par réalisation. Ce
    qui ne se comprend pas est gardé en commentaire dans le fichier concerné et listé ici. Un
    dossier existant n'est jamais écrasé. Code de sortie : 0, ou 2 si le tableau ne se lit
    pas ou si le dossier existe déjà.
    """
    from e4cli.importer.run import ImportFailure, print_report, run_import

    try:
        result = run_import(tableau, dossier)
    except ImportFailure as exc:
        fail(str(exc))
    print_report(result, str(dossier), sys.stdout)


class TableFormat(StrEnum):
    html = "html"
    md = "md"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    pdf = "pdf"


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
    from e4cli.table.formats import FormatError, RenderError, choose
    from e4cli.table.source import load_table

    try:
        chosen = choose(fmt.value if fmt else None, output, template)
    except FormatError as exc:
        fail(str(exc))
    loaded = load_table(dossier, str(dossier))
    if loaded.model is None:
        for finding in loaded.fatal:
            typer.echo(f"e4 : pas de tableau : {finding.message}", err=True)
            if finding.hint:
                typer.echo(f"  conseil : {finding.hint}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    model = loaded.model
    try:
        if template is not None:
            from e4cli.table.xlsx_template import fill

            data = fill(model, template)
        else:
            data = chosen.render(model)
    except RenderError as exc:
        fail(str(exc))
    if model.missing:
        typer.echo("e4 : tableau incomplet, à compléter dans le dossier :", err=True)
        for note in model.missing:
            typer.echo(f"  - {note}", err=True)
    if output is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:  # e4 table … | head: the reader has seen enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return
    from e4cli.util.atomic import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        fail(f"impossible d'écrire « {output} » : {exc.strerror or exc}")
    typer.echo(f"e4 : tableau de synthèse ({chosen.name}) écrit dans « {output} ».", err=True)


# Parameters shared word for word by `e4 grille` and `e4 note`.
CandidateDossiers = Annotated[
    list[Path], typer.Argument(help="Le ou les dossiers des candidats.", show_default=False)
]
JuryOnline = Annotated[
    bool, typer.Option("--online", help="Vérifie aussi le portfolio en ligne (pénalité P004).")
]


class GridFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    xlsx = "xlsx"


class AppraisalFormat(StrEnum):
    html = "html"
    pdf = "pdf"


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
    from e4cli.jury.run import Options, RunError, UsageError, run_grille

    options = Options(fmt.value if fmt else None, output, output_dir, online)
    try:
        code = run_grille(dossiers, options, sys.stderr, sys.stdout.buffer, evaluation)
    except (UsageError, RunError) as exc:
        fail(str(exc))
    raise typer.Exit(code)


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
    from e4cli.jury.run import Options, RunError, UsageError, run_note

    options = Options(fmt.value if fmt else None, output, output_dir, online)
    try:
        code = run_note(dossiers, evaluation, options, sys.stderr, sys.stdout.buffer)
    except (UsageError, RunError) as exc:
        fail(str(exc))
    raise typer.Exit(code)


class ReportFormat(StrEnum):
    html = "html"
    csv = "csv"


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
    from e4cli.report.classreport.run import ReportError, run_report

    chosen = fmt.value if fmt else None
    if chosen is None:
        suffix = output.suffix.lower() if output else ""
        chosen = "csv" if suffix == ".csv" else "html"
    try:
        code = run_report(classe, chosen, output, strict=strict, jobs=jobs)
    except ReportError as exc:
        fail(str(exc))
    raise typer.Exit(code)


def main() -> None:
    """Console entry point: exit 2 with a short message when e4 itself fails."""
    from e4cli.util.errors import ReferentialError

    try:
        app(prog_name="e4")
    except ReferentialError as exc:
        typer.echo(f"e4 : installation défectueuse : {exc}", err=True)
        sys.exit(EXIT_FAILURE)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the tool failed: say so in one line, never a traceback
        if os.environ.get("E4_DEBUG"):
            raise
        typer.echo(
            f"e4 : erreur interne ({type(exc).__name__}: {exc}). Relancez avec E4_DEBUG=1 pour "
            "le détail, et signalez-la.",
            err=True,
        )
        sys.exit(EXIT_FAILURE)
