"""`e4 fiche` on one dossier or a whole class: check, build the fiches, render, write, tell.

Each dossier goes the one way through (`check_dossier`, then `build_fiche`), in
the order given; with several, one file per candidate in --output-dir, named
after the dossier's folder. A dossier with E6 findings (F001–F004) still gets
its fiches, with what it has, and the findings are listed on stderr; a dossier
without any `e4:` block, without an option, or not a dossier at all gets none,
is said on stderr, and the others go on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from e4cli.cli.runner import (
    EXIT_FAILURE,
    EXIT_FINDINGS,
    EXIT_OK,
    CommandError,
    make_folder,
    say,
    write,
)
from e4cli.jury.run import Options, Target, format_finding, targets
from e4cli.util.errors import PageError

if TYPE_CHECKING:
    from e4cli.jury.fiche.formats import FicheRenderer
    from e4cli.util.formats import Format

E6_CODES = ("F001", "F002", "F003", "F004")


def run_fiche(paths: Sequence[Path], options: Options) -> int:
    """The fiches of each dossier; 1 if one has none, 2 on usage or tool failure."""
    from e4cli.jury.fiche.formats import FICHE_FORMATS
    from e4cli.jury.formats import pick
    from e4cli.util.printer import printing

    chosen = targets(paths)
    if len(chosen) > 1 and options.output_dir is None:
        raise CommandError(
            "plusieurs dossiers : donnez --output-dir DOSSIER (un fichier par candidat, nommé "
            "d'après son dossier)."
        )
    fmt = pick(options.fmt, options.output, options.output_dir, FICHE_FORMATS)
    if options.output_dir is not None:
        make_folder(options.output_dir)
    code = EXIT_OK
    with printing():  # one browser for the class's PDFs, started on the first one
        for target in chosen:
            code = max(code, _fiche_of(target, fmt, options))
    return code


def _fiche_of(target: Target, fmt: Format[FicheRenderer], options: Options) -> int:
    """Write the fiches of one dossier; the exit code it adds."""
    destination = (
        options.output_dir / f"{target.name}{fmt.extensions[0]}"
        if options.output_dir is not None
        else options.output
    )
    try:
        data = _one(target, fmt.name, options.online)
    except PageError as exc:  # the browser failed on this dossier's page only
        say(f"e4 : pas de fiche pour « {target.display} » : {exc}")
        return EXIT_FAILURE
    except CommandError:
        raise  # the tool cannot go on (no browser for pdf…): the same for every dossier
    except Exception as exc:  # one dossier e4 fails on must not stop the class
        if os.environ.get("E4_DEBUG"):
            raise
        say(
            f"e4 : pas de fiche pour « {target.display} » : erreur interne "
            f"({type(exc).__name__}: {exc}) ; signalez-la."
        )
        return EXIT_FINDINGS
    if data is None:
        return EXIT_FINDINGS
    write(data, destination)
    where = f"écrites dans « {destination} »" if destination else "écrites sur la sortie standard"
    say(f"e4 : fiches descriptives de « {target.display} » ({fmt.name}) {where}.")
    return EXIT_OK


def _one(target: Target, fmt: str, online: bool) -> bytes | None:
    from e4cli.check.pipeline import check_dossier
    from e4cli.jury.fiche.formats import FICHE_FORMATS
    from e4cli.jury.fiche.model import NoFiche, build_fiche

    checked = check_dossier(target.path, target.display, online=online)
    if checked.dossier is None:
        for finding in checked.findings:
            say(f"e4 : pas de fiche pour « {target.display} » : {finding.message}")
        return None
    try:
        model = build_fiche(checked.dossier)
    except NoFiche as exc:
        say(f"e4 : pas de fiche pour « {target.display} » : {exc}.")
        return None
    for finding in checked.findings:
        if finding.code in E6_CODES:
            say(format_finding(finding))
    for note in model.notes:
        say(f"  - {note}")
    return FICHE_FORMATS[fmt].render(model)
