"""`e4 grille` and `e4 note` on one dossier or a whole class: check, build, render, write, tell.

Each dossier goes the one way through (`check_dossier`, then the grid model,
then the fiche when there is an evaluation), in the order given. With several
dossiers, one file per candidate is written in --output-dir, named after the
dossier's folder. A broken dossier still gets its grid (with what can be
filled) and is reported on stderr; only a path that is not a folder at all
gets none. Messages go to stderr; a single document without --output goes to
stdout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from e4cli.cli.runner import (
    EXIT_FAILURE,
    EXIT_FINDINGS,
    EXIT_OK,
    CommandError,
    make_folder,
)
from e4cli.jury.inorder import InOrder, render_ahead
from e4cli.rules.findings import Finding, Severity
from e4cli.util.errors import PageError
from e4cli.util.formats import Format, Registry
from e4cli.util.record import record

if TYPE_CHECKING:
    from e4cli.check.pipeline import Checked
    from e4cli.jury.appraisal import AppraisalModel
    from e4cli.jury.evaluation import Evaluation
    from e4cli.jury.grid import GridModel

_LABEL = {Severity.ERROR: "erreur", Severity.WARNING: "avertissement", Severity.INFO: "info"}
M = TypeVar("M")


@record
class Target:
    path: Path
    display: str
    name: str  # the dossier folder's name: the stem of its file in --output-dir


@record
class Options:
    fmt: str | None = None
    output: Path | None = None
    output_dir: Path | None = None
    online: bool = False


def targets(paths: Sequence[Path]) -> list[Target]:
    """The dossiers in the order given; two with the same folder name would share a file."""
    result: list[Target] = []
    seen: dict[str, str] = {}
    for path in paths:
        name = _folder_name(path)
        if name in seen:
            raise CommandError(
                f"« {seen[name]} » et « {path} » portent le même nom de dossier « {name} » : "
                "leurs fichiers se remplaceraient dans --output-dir. Traitez-les en deux fois."
            )
        seen[name] = str(path)
        result.append(Target(path, str(path), name))
    return result


def _folder_name(path: Path) -> str:
    """The folder's own name, as the user sees it (a symlink keeps its name; "." is resolved)."""
    name = path.absolute().name
    if name in ("", ".", ".."):
        name = path.resolve().name
    return name or "dossier"


def format_finding(finding: Finding) -> str:
    text = f"{finding.location} : {finding.code} {_LABEL[finding.severity]} : {finding.message}"
    if finding.hint:
        text += f"\n    ↳ {finding.hint}"
    return text


class _Run(Generic[M]):
    """What both commands share: format, destinations, writing, exit code."""

    def __init__(
        self,
        paths: Sequence[Path],
        options: Options,
        formats: Registry[Callable[[M], str | bytes]],
    ) -> None:
        from e4cli.jury.formats import pick

        self.targets = targets(paths)
        self.options = options
        if len(self.targets) > 1 and options.output_dir is None:
            raise CommandError(
                "plusieurs dossiers : donnez --output-dir DOSSIER (un fichier par candidat, "
                "nommé d'après son dossier)."
            )
        self.formats = formats
        self.fmt: Format[Callable[[M], str | bytes]] = pick(
            options.fmt, options.output, options.output_dir, formats
        )
        if options.output_dir is not None:
            make_folder(options.output_dir)
        self.code = EXIT_OK
        self.out = InOrder()  # what is said and written, in the class's order

    def worse(self, code: int) -> None:
        self.code = max(self.code, code)

    def destination(self, target: Target) -> Path | None:
        if self.options.output_dir is not None:
            return self.options.output_dir / f"{target.name}{self.fmt.extensions[0]}"
        return self.options.output

    def say(self, line: str) -> None:
        self.out.say(line)

    def write(
        self, model: M, destination: Path | None, target: Target, document: str, said: list[str]
    ) -> None:
        """Render one document and write it, then say `said`, in its turn (the browser
        prints it meanwhile); if the browser fails on this one only, say so instead."""

        def failed(exc: PageError) -> str:
            self.worse(EXIT_FAILURE)
            return f"e4 : pas de {document} pour « {target.display} » : {exc}"

        self.out.document(render_ahead(self.fmt, self.formats, model), destination, said, failed)

    def where(self, destination: Path | None) -> str:
        return f"écrite dans « {destination} »" if destination else "écrite sur la sortie standard"


def run_grille(paths: Sequence[Path], options: Options, evaluation: Path | None = None) -> int:
    """The grid of each dossier, filled from its evaluation when one is given; 1 if a path is
    not a dossier folder or its evaluation has errors, 2 on usage or failure."""
    from e4cli.jury.formats import GRID_FORMATS
    from e4cli.util.printer import printing

    run: _Run[GridModel] = _Run(paths, options, GRID_FORMATS)
    by_folder = _by_folder(evaluation, run)
    with printing():  # one browser for the class's PDFs, started on the first one
        for target in run.targets:
            source = None
            if evaluation is not None:
                source = _evaluation_file(evaluation, target) if by_folder else evaluation
            _one_grid(run, target, source)
        run.out.finish()
    return run.code


def _one_grid(run: _Run[GridModel], target: Target, source: Path | None) -> None:
    from e4cli.check.pipeline import check_dossier
    from e4cli.jury.grid import build_grid

    checked = check_dossier(target.path, target.display, online=run.options.online)
    if checked.dossier is None:
        for finding in checked.findings:
            run.say(f"e4 : pas de grille pour « {target.display} » : {finding.message}")
        run.worse(EXIT_FINDINGS)
        return
    judged = None
    if source is not None:
        judged = _checked_evaluation(run, source, checked, target, "grille")
        if judged is None:
            return
    grid = build_grid(checked, judged)
    destination = run.destination(target)
    said = [f"e4 : grille de « {target.display} » ({run.fmt.name}) {run.where(destination)}."]
    retained = grid.retained
    if retained:
        listed = ", ".join(f"{p.label} ({p.points} points, {p.code})" for p in retained)
        said.append(f"  pénalités pré-cochées : {listed} ; total {grid.penalty_points} points.")
    if grid.jury is not None:
        ticked = f"{grid.ticked_levels} sur {len(grid.verso)}"
        said.append(f"  niveaux cochés d'après l'évaluation : {ticked}.")
    said += [f"  - {note}" for note in grid.notes]
    run.write(grid, destination, target, "grille", said)


def _by_folder(evaluation: Path | None, run: _Run[M]) -> bool:
    """Whether --evaluation is the folder of the class's evaluations (one per dossier)."""
    by_folder = evaluation is not None and evaluation.is_dir()
    if evaluation is not None and not by_folder and len(run.targets) > 1:
        raise CommandError(
            "plusieurs dossiers : --evaluation doit être le dossier des évaluations, une par "
            "candidat, nommée d'après son dossier (evaluations/<dossier>.yaml)."
        )
    return by_folder


def _checked_evaluation(
    run: _Run[M], source: Path, checked: Checked, target: Target, document: str
) -> Evaluation | None:
    """The evaluation at `source`, its findings told; None (no document) if it has errors."""
    from e4cli.jury.evaluation import evaluate

    assert checked.dossier is not None
    result = evaluate(source, str(source), checked.dossier, checked.coverage)
    for finding in result.findings:
        run.say(format_finding(finding))
    if result.failed or result.evaluation is None:
        errors = result.count(Severity.ERROR)
        run.say(
            f"e4 : pas de {document} pour « {target.display} » : l'évaluation « {source} » a "
            f"{errors} erreur{'s' if errors > 1 else ''} à corriger."
        )
        run.worse(EXIT_FINDINGS)
        return None
    return result.evaluation


def run_note(paths: Sequence[Path], evaluation: Path, options: Options) -> int:
    """The fiche of each dossier from its evaluation; no fiche for an evaluation with errors."""
    from e4cli.jury.formats import APPRAISAL_FORMATS
    from e4cli.util.printer import printing

    run: _Run[AppraisalModel] = _Run(paths, options, APPRAISAL_FORMATS)
    by_folder = _by_folder(evaluation, run)
    with printing():  # one browser for the class's PDFs, started on the first one
        for target in run.targets:
            source = _evaluation_file(evaluation, target) if by_folder else evaluation
            _one_note(run, target, source)
        run.out.finish()
    return run.code


def _one_note(run: _Run[AppraisalModel], target: Target, source: Path) -> None:
    from e4cli.check.pipeline import check_dossier
    from e4cli.jury.appraisal import build_appraisal
    from e4cli.jury.final_mark import format_mark
    from e4cli.jury.grid import build_grid

    checked = check_dossier(target.path, target.display, online=run.options.online)
    if checked.dossier is None:
        for finding in checked.findings:
            run.say(f"e4 : pas de fiche pour « {target.display} » : {finding.message}")
        run.worse(EXIT_FINDINGS)
        return
    judged = _checked_evaluation(run, source, checked, target, "fiche")
    if judged is None:
        return
    appraisal = build_appraisal(build_grid(checked), judged)
    destination = run.destination(target)
    assert appraisal.note is not None and appraisal.final is not None
    if appraisal.penalty_points:
        labels = ", ".join(p.label for p in appraisal.penalties if p.retained)
        penalties = f" − {appraisal.penalty_points} points de pénalité ({labels}) ="
    else:
        penalties = ", aucune pénalité :"
    said = (
        f"e4 : « {target.display} » : NOTE {format_mark(appraisal.note)}/20{penalties} "
        f"NOTE FINALE {format_mark(appraisal.final)}/20 ; "
        f"fiche d'appréciation ({run.fmt.name}) "
        f"{run.where(destination)}."
    )
    run.write(appraisal, destination, target, "fiche", [said])


def _evaluation_file(folder: Path, target: Target) -> Path:
    for suffix in (".yaml", ".yml"):
        candidate = folder / f"{target.name}{suffix}"
        if candidate.exists():
            return candidate
    return folder / f"{target.name}.yaml"
