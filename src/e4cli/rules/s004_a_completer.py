"""S004 · error · Valeur à compléter

Une valeur commence encore par « À COMPLÉTER » : `e4 init` et `e4 import` marquent ainsi ce
que seul le candidat peut écrire (nom, centre de formation, organisation d'un stage, intitulé
d'une réalisation…), en gardant le fichier valide. Le texte qui suit dit quoi écrire. Les
pages Markdown du portfolio sont lues aussi.

Pourquoi : le tableau de synthèse et le portfolio remis au jury montreraient ces valeurs telles
quelles ; un dossier qui en contient encore n'est pas prêt à être remis.

Correct :
    centre: Lycée Félix Le Dantec

Fautif :
    centre: "À COMPLÉTER : centre de formation"
"""

from collections.abc import Iterator
from typing import Any

from e4cli.dossier.yamlsource import PathElem, YamlDocument, field_name
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__, needs_manifest=False)

MARKER = "À COMPLÉTER"
MAX_PER_PAGE = 20
HINT = "Remplacez toute la valeur, « À COMPLÉTER » compris, par la vôtre."


def _strings(
    data: Any, path: tuple[PathElem, ...] = ()
) -> Iterator[tuple[tuple[PathElem, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _in_document(doc: YamlDocument) -> Iterator[Finding]:
    for path, text in _strings(doc.data):
        if text.lstrip().startswith(MARKER):
            yield RULE.finding(
                f"« {field_name(list(path))} » est encore à compléter : « {text.strip()} ».",
                doc.locate(list(path)),
                HINT,
            )


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    if dossier.manifest is not None:
        yield from _in_document(dossier.manifest.doc)
    for real in dossier.realisations:
        yield from _in_document(real.anchor.doc)
    portfolio = ctx.portfolio
    if portfolio is None:
        return
    for page in portfolio.pages.values():
        if page.text is None or MARKER not in page.text:
            continue
        found = 0
        for number, line in enumerate(page.text.splitlines(), start=1):
            column = line.find(MARKER)
            if column < 0:
                continue
            yield RULE.finding(
                f"Page du portfolio encore à compléter : « {line.strip()[:120]} ».",
                Location(page.path, number, column + 1),
                "Remplacez ce texte par le vôtre, « À COMPLÉTER » compris.",
            )
            found += 1
            if found >= MAX_PER_PAGE:
                break
