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

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
