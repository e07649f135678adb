"""E003 · error · Note hors de l'échelle

La NOTE de la commission n'est pas comprise entre 0 et 20. Aucune fiche n'est produite.

Pourquoi : la grille d'aide à l'évaluation fait proposer au jury une note sur 20, dont on
retire ensuite les pénalités (NOTE FINALE /20). Une note de 21 ou de -1 est une faute de
frappe, jamais une note.

Correct :
    note: 17.5

Fautif :
    note: 175
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
