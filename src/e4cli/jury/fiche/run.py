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
)
from e4cli.jury.inorder import InOrder, render_ahead
from e4cli.jury.run import Options, Target, format_finding, targets
from e4cli.util.errors import PageError

if TYPE_CHECKING:
    from e4cli.jury.fiche.formats import FicheRenderer
    from e4cli.util.formats import Format
    from e4cli.util.printer import Ticket

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
    codes = [EXIT_OK]
    out = InOrder()  # what is said and written, in the class's order
    with printing():  # one browser for the class's PDFs, started on the first one
        for target in chosen:
            codes.append(_fiche_of(target, fmt, options, out, codes))
        out.finish()
    return max(codes)


def _fiche_of(
    target: Target, fmt: Format[FicheRenderer], options: Options, out: InOrder, codes: list[int]
) -> int:
    """Write (in its turn) the fiches of one dossier; the exit code it adds, and, if the
    browser fails on its page, the one it adds to `codes` then."""
    destination = (
        options.output_dir / f"{target.name}{fmt.extensions[0]}"
        if options.output_dir is not None
        else options.output
    )

    def failed(exc: PageError) -> str:  # the browser failed on this dossier's page only
        codes.append(EXIT_FAILURE)
        return f"e4 : pas de fiche pour « {target.display} » : {exc}"

    try:
        pending = _one(target, fmt, options.online, out)
    except CommandError:
        raise  # the tool cannot go on (no browser for pdf…): the same for every dossier
    except Exception as exc:  # one dossier e4 fails on must not stop the class
        if os.environ.get("E4_DEBUG"):
            raise
        out.say(
            f"e4 : pas de fiche pour « {target.display} » : erreur interne "
            f"({type(exc).__name__}: {exc}) ; signalez-la."
        )
        return EXIT_FINDINGS
    if pending is None:
        return EXIT_FINDINGS
    where = f"écrites dans « {destination} »" if destination else "écrites sur la sortie standard"
    said = f"e4 : fiches descriptives de « {target.display} » ({fmt.name}) {where}."
    out.document(pending, destination, [said], failed)
    return EXIT_OK


def _one(
    target: Target, fmt: Format[FicheRenderer], online: bool, out: InOrder
) -> Ticket | bytes | None:
    from e4cli.check.pipeline import check_dossier
    from e4cli.jury.fiche.formats import FICHE_FORMATS
    from e4cli.jury.fiche.model import NoFiche, build_fiche

    checked = check_dossier(target.path, target.display, online=online)
    if checked.dossier is None:
        for finding in checked.findings:
            out.say(f"e4 : pas de fiche pour « {target.display} » : {finding.message}")
        return None
    try:
        model = build_fiche(checked.dossier)
    except NoFiche as exc:
        out.say(f"e4 : pas de fiche pour « {target.display} » : {exc}.")
        return None
    for finding in checked.findings:
        if finding.code in E6_CODES:
            out.say(format_finding(finding))
    for note in model.notes:
        out.say(f"  - {note}")
    return render_ahead(fmt, FICHE_FORMATS, model)
