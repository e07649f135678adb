"""S002 · error · Clé inconnue

Une clé ne fait pas partie du format du dossier ; la clé connue la plus proche est proposée
(les clés s'écrivent sans accents, en minuscules : `intitule`, `prenom`, `modalite`). Une clé
accentuée (`intitulé:`, `début:`, `prénom:`) donne un seul constat, à la clé, même quand la
clé qu'elle voulait dire est obligatoire ; `e4 check --fix` la renomme quand une seule clé
connue peut être voulue.

Pourquoi : une clé mal orthographiée est une information ignorée : l'intitulé, la période
ou les compétences ne seraient pas reportés.

Correct :
    intitule: Déploiement de GLPI

Fautif :
    intitulé: Déploiement de GLPI
"""

from e4cli.dossier.problems import UnknownKey
from e4cli.rules.base import Description, Rule
from e4cli.rules.findings import Fix

RULE = Rule.from_doc(__doc__)


@RULE.describes(UnknownKey)
def describe(problem: UnknownKey) -> Description:
    hint = problem.hint
    if problem.rename is not None and hint is not None:  # the dossier's keys only: E002 reuses
        hint = f"{hint[:-1]} (e4 check --fix le fait)."  # the schema's words without --fix
    return Description(problem.message, problem.where, hint)


@RULE.fixes(UnknownKey)
def fix(problem: UnknownKey) -> Fix | None:
    """Rename the key when it can only mean one known key, absent from its block."""
    if problem.rename is None or problem.span is None:
        return None
    span = problem.span
    if span.line != span.end_line or span.text.startswith(("'", '"')):
        return None  # a quoted or multi-line key: left to the candidate
    return Fix(f"clé « {span.text} » → « {problem.rename} »", (span.replaced_by(problem.rename),))
