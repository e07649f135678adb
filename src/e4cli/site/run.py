"""`e4 site` as the command line runs it: build, write, report, and serve if asked."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from e4cli.site.build import BuiltSite, SiteFailure, SiteOptions, build_site
from e4cli.site.write import WriteFailure, write_site
from e4cli.util.errors import CommandError
from e4cli.util.record import record

EXIT_OK, EXIT_NO_DOSSIER, EXIT_FAILURE = 0, 1, 2


class RunFailure(CommandError):
    """The site cannot be written or served (exit 2)."""


@record
class Request:
    dossier: Path
    output: Path
    options: SiteOptions
    serve: bool = False
    port: int = 8000


def run_site(request: Request, stream: TextIO) -> int:
    display = str(request.dossier)
    try:
        site = _build_and_write(request, stream)
    except SiteFailure as exc:
        stream.write(f"e4 : pas de site : {exc}\n")
        return EXIT_NO_DOSSIER
    if not request.serve:
        return EXIT_OK
    from e4cli.site.serve import serve

    def rebuild() -> None:
        try:
            _build_and_write(request, stream)
        except (SiteFailure, RunFailure) as exc:
            stream.write(f"e4 : site non reconstruit : {exc}\n")

    del site
    try:
        serve(request.output, request.dossier, rebuild, request.port, stream)
    except OSError as exc:
        raise RunFailure(
            f"impossible de servir le site sur le port {request.port} de {display} "
            f"({exc.strerror or exc}) ; --port 0 en choisit un libre."
        ) from exc
    return EXIT_OK


def _build_and_write(request: Request, stream: TextIO) -> BuiltSite:
    site = build_site(request.dossier, request.options, str(request.dossier))
    try:
        write_site(site, request.output)
    except WriteFailure as exc:
        raise RunFailure(str(exc)) from exc
    report(site, request, stream)
    return site


def report(site: BuiltSite, request: Request, stream: TextIO) -> None:
    pages = sum(1 for p in site.files if p.endswith(".html"))
    others = len(site.paths) - pages
    stream.write(
        f"e4 : site de « {request.dossier} » écrit dans « {request.output} » : {pages} pages, "
        f"{others} autres fichiers"
        + (" (aperçu : ne pas publier)" if request.options.preview else "")
        + ".\n"
    )
    if site.overrides:
        stream.write(f"  modèles du dossier (site/) : {', '.join(site.overrides)}\n")
    base = str(request.dossier).rstrip("/")
    for finding in site.findings:
        stream.write(
            f"  {base}/{finding.location} : {finding.code} {finding.message} Sur le site, le "
            "lien devient du texte.\n"
        )
        if finding.hint:
            stream.write(f"    conseil : {finding.hint}\n")
    for note in site.notes:
        where = f"{base}/{note.where}" if note.where.path else base
        stream.write(f"  {where} : {note.message}\n")
    if site.errors:
        stream.write(
            f"  Le dossier a {site.errors} erreur(s) : « e4 check {request.dossier} » les "
            "détaille.\n"
        )
    stream.flush()
