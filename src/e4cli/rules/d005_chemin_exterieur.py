"""D005 · error · Chemin qui sort du dossier

Un chemin du dossier mène hors de celui-ci : chemin absolu, `..` qui remonte au-dessus de la
racine, ou lien symbolique vers l'extérieur. Il n'est ni suivi ni lu.

Pourquoi : le jury reçoit le dossier seul ; un fichier hors du dossier n'existera pas chez lui.

Correct :
    fichier: productions/procedure.pdf

Fautif :
    fichier: C:/Users/lea/Documents/procedure.pdf
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
