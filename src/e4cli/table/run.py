"""`e4 table`: from a dossier to the synthesis table in the format asked for.

What the dossier lacks is told on stderr and the table is still produced
(exit 0); without a dossier to read there is no table (exit 1).
"""

from __future__ import annotations

from pathlib import Path

from e4cli.cli.runner import EXIT_FINDINGS, refuse_dossier_files, say, write
from e4cli.table.formats import choose
from e4cli.table.source import load_table


def run_table(dossier: Path, fmt: str | None, output: Path | None, template: Path | None) -> int:
    chosen = choose(fmt, output, template)
    refuse_dossier_files(output, [dossier])
    loaded = load_table(dossier, str(dossier))
    if loaded.model is None:
        for finding in loaded.fatal:
            say(f"e4 : pas de tableau : {finding.message}")
            if finding.hint:
                say(f"  conseil : {finding.hint}")
        return EXIT_FINDINGS
    model = loaded.model
    if template is not None:
        from e4cli.table.xlsx_template import fill

        data = fill(model, template)
    else:
        data = chosen.render(model)
    if model.missing:
        say("e4 : tableau incomplet, à compléter dans le dossier :")
        for note in model.missing:
            say(f"  - {note}")
    write(data, output)
    if output is not None:
        say(f"e4 : tableau de synthèse ({chosen.name}) écrit dans « {output} ».")
    return 0
