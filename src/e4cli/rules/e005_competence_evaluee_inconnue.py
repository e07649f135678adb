"""E005 · error · Compétence inconnue dans l'évaluation

Une clé de `niveaux` ne désigne pas une compétence du bloc : code inconnu (B1.7), item au
lieu d'une compétence (B1.1.2 : la grille donne un niveau par compétence), ou deux clés pour
la même compétence (`B1.4` et `projet`). Hormis `equipe`, une clé est un code (B1.1), un
intitulé ou un alias de compétence. Aucune fiche n'est produite.

Pourquoi : chaque ligne du tableau d'aide à la décision est une compétence du bloc ; un
niveau qui ne s'y rattache pas serait perdu, et deux niveaux pour la même ligne se
contrediraient.

Correct :
    niveaux:
      B1.4: Bonne maîtrise

Fautif :
    niveaux:
      B1.4.2: Bonne maîtrise
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
