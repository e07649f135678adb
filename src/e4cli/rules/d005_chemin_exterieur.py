"""D005 · error · Chemin qui sort du dossier

Un chemin du dossier mène hors de celui-ci : chemin absolu, `..` qui remonte au-dessus de la
racine, ou lien symbolique vers l'extérieur. Il n'est ni suivi ni lu.

Pourquoi : le jury reçoit le dossier seul ; un fichier hors du dossier n'existera pas chez lui.

Correct :
    fichier: productions/procedure.pdf

Fautif :
    fichier: C:/Users/lea/Documents/procedure.pdf
"""

from e4cli.dossier.problems import Outside
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(Outside)
def describe(problem: Outside) -> Description:
    return Description(
        f"Le chemin « {problem.raw} » sort du dossier ({problem.reason}) : il n'est ni suivi "
        "ni lu.",
        problem.where,
        "Placez le fichier dans le dossier et écrivez un chemin relatif à sa racine, "
        "par exemple « productions/procedure.pdf ».",
    )
