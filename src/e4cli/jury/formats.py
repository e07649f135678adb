"""Output formats of the grid and the fiche, chosen like the table's (`table.formats.choose`).

Renderers are imported only when used, so Jinja2, openpyxl and the browser
are touched by the command that needs them alone.
"""

from __future__ import annotations

from pathlib import Path

from e4cli.jury.appraisal import AppraisalModel
from e4cli.jury.grid import GridModel
from e4cli.table.formats import Format, FormatError, choose

GRID_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", (".html", ".htm"), False, "e4cli.jury.html"),
        Format("pdf", (".pdf",), True, "e4cli.table.pdf"),
        Format("xlsx", (".xlsx",), True, "e4cli.jury.grid_xlsx"),
    )
}
APPRAISAL_FORMATS: dict[str, Format] = {name: GRID_FORMATS[name] for name in ("html", "pdf")}


def pick(
    name: str | None, output: Path | None, output_dir: Path | None, formats: dict[str, Format]
) -> Format:
    """The format from --format, else --output's extension, else html.

    With --output-dir the files are named by e4, so only --format decides.
    """
    if output_dir is not None:
        if output is not None:
            raise FormatError("--output et --output-dir s'excluent : gardez l'un des deux.")
        return formats[name or "html"]
    return choose(name, output, None, formats)


def render_grid(fmt: Format, model: GridModel) -> bytes:
    from e4cli.jury.html import render_grid as html_grid

    if fmt.name == "xlsx":
        from e4cli.jury.grid_xlsx import render

        return render(model)
    page = html_grid(model)
    if fmt.name == "pdf":
        from e4cli.table.pdf import print_html

        return print_html(page)
    return page.encode("utf-8")


def render_appraisal(fmt: Format, model: AppraisalModel) -> bytes:
    from e4cli.jury.html import render_appraisal as html_sheet

    page = html_sheet(model)
    if fmt.name == "pdf":
        from e4cli.table.pdf import print_html

        return print_html(page)
    return page.encode("utf-8")
