"""`e4 report CLASS_FOLDER`: the class at a glance, as an HTML page or a CSV file.

`build` runs the checks (the same batch as `e4 check`) and turns the
per-dossier summaries into a `ClassView`: everything the page and the
spreadsheet show, links already worked out. `html` and `csv_report` only
format that view.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from e4cli.check.outcome import ClassSummary, DossierSummary
from e4cli.util.record import record


@record
class DossierRow:
    display: str
    link: str
    link_is_table: bool
    candidate: str
    option: str
    verdict: str
    ok: bool
    errors: int
    warnings: int
    infos: int
    penalty_points: int
    uncovered: tuple[str, ...]
    covered: frozenset[str]
    checked: bool


@record
class CompetenceRow:
    code: str
    label: str
    covering: int
    total: int
    missing: tuple[str, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.covering / self.total) if self.total else 0


@record
class ClassView:
    folder: str
    rows: tuple[DossierRow, ...]
    competences: tuple[CompetenceRow, ...]
    total: int
    failed: int
    penalised: int
    version: str


def link_for(summary: DossierSummary, base: Path) -> tuple[str, bool]:
    """A relative link from `base` (the report's folder) to the dossier's synthesis table.

    The table is the file the dossier names under `tableau:` (the one handed in,
    which `e4 table --output` produces); without one, or if it is missing, the
    link goes to the dossier folder.
    """
    folder = Path(summary.path)
    target, is_table = folder, False
    if summary.tableau:
        candidate = _inside(folder, summary.tableau)
        if candidate is not None:
            target, is_table = candidate, True
    try:
        rel = os.path.relpath(target.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        return target.resolve().as_uri(), is_table
    rel = Path(rel).as_posix()
    if not is_table:
        rel = rel.rstrip("/") + "/"
    return quote(rel, safe="/"), is_table


def _inside(folder: Path, raw: str) -> Path | None:
    """The table file `raw` names inside the dossier `folder`, or None.

    `tableau: ../../../../etc/passwd`, an absolute path or a link out of the dossier
    never becomes a link of the report (D005 reports it); a name the system refuses
    (too long, not valid) is no table either.
    """
    try:
        root = folder.resolve()
        candidate = (folder / raw).resolve()
        if Path(raw).is_absolute() or not candidate.is_relative_to(root):
            return None
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):  # ENAMETOOLONG, a NUL byte, a loop of links
        return None


def view(summary: ClassSummary, folder: str, base: Path) -> ClassView:
    from e4cli import __version__

    rows = []
    for item in summary.dossiers:
        link, is_table = link_for(item, base)
        rows.append(
            DossierRow(
                display=item.display,
                link=link,
                link_is_table=is_table,
                candidate=item.candidate or "",
                option=item.option or "",
                verdict=item.verdict,
                ok=item.ok,
                errors=item.errors,
                warnings=item.warnings,
                infos=item.infos,
                penalty_points=item.penalty_points,
                uncovered=item.uncovered,
                covered=frozenset(item.covered),
                checked=item.checked,
            )
        )
    competences = tuple(
        CompetenceRow(t.code, t.label, t.covering, summary.total, tuple(t.missing))
        for t in summary.competences.values()
    )
    return ClassView(
        folder=folder,
        rows=tuple(rows),
        competences=competences,
        total=summary.total,
        failed=summary.failed,
        penalised=summary.penalised,
        version=__version__,
    )
