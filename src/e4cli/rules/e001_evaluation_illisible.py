"""E001 · error · Évaluation illisible

Le fichier d'évaluation donné à `e4 note --evaluation` ne se lit pas : il n'existe pas, il
n'est pas encodé en UTF-8, ce n'est pas du YAML valide (ligne et colonne de l'erreur), une
clé y apparaît deux fois, ou ce n'est pas un bloc de clés. Aucune fiche n'est produite.

Pourquoi : la note d'un candidat ne se calcule pas à partir d'un fichier à moitié lu ; une
clé en double ferait perdre l'une des deux valeurs sans le dire.

Correct :
    note: 15.5
    appreciation: "Présentation claire : démarche structurée."

Fautif :
    note: 15.5
    appreciation: Présentation claire : démarche structurée.
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
