"""S002 · error · Clé inconnue

Une clé ne fait pas partie du format du dossier ; la clé connue la plus proche est proposée
(les clés s'écrivent sans accents, en minuscules : `intitule`, `prenom`, `modalite`).

Pourquoi : une clé mal orthographiée est une information ignorée : l'intitulé, la période
ou les compétences ne seraient pas reportés.

Correct :
    intitule: Déploiement de GLPI

Fautif :
    intitulé: Déploiement de GLPI
"""

from e4cli.dossier.problems import UnknownKey
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__)


@RULE.describes(UnknownKey)
def describe(problem: UnknownKey) -> Description:
    return Description(problem.message, problem.where, problem.hint)
