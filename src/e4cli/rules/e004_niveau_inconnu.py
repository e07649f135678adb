"""E004 · error · Niveau de maîtrise inconnu

Un niveau du profil n'est pas l'un des cinq niveaux de la grille : Non évaluable, Non
maîtrisé, Maîtrise partielle, Bonne maîtrise, Excellente maîtrise (majuscules et accents
indifférents). Le niveau le plus proche est suggéré. Aucune fiche n'est produite.

Pourquoi : le profil imprimé sur la fiche coche une case de la grille officielle ; un niveau
qu'elle ne connaît pas ne correspond à aucune case.

Correct :
    niveaux:
      B1.1: Bonne maîtrise

Fautif :
    niveaux:
      B1.1: Très bonne maîtrise
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
