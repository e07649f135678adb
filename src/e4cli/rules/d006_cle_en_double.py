"""D006 · error · Clé en double

La même clé apparaît deux fois dans un même bloc YAML. Un lecteur YAML ordinaire garderait la
dernière valeur sans rien dire : la première serait perdue.

Pourquoi : une donnée du candidat ne doit jamais disparaître en silence.

Correct :
    centre: Lycée Félix Le Dantec

Fautif :
    centre: Lycée Félix Le Dantec
    centre: Lycée Chaptal
"""

from e4cli.dossier.problems import DuplicateKey
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(DuplicateKey)
def describe(problem: DuplicateKey) -> Description:
    return Description(
        f"La clé « {problem.key} » apparaît deux fois dans le même bloc "
        f"(première fois ligne {problem.first_line}) : une des deux valeurs serait perdue.",
        problem.where,
        "Gardez une seule fois cette clé et fusionnez les deux valeurs.",
    )
