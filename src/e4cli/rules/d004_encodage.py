"""D004 · error · Fichier texte non encodé en UTF-8

Un fichier YAML ou Markdown n'est pas en UTF-8 (souvent Windows-1252, écrit par un vieil
éditeur Windows). La ligne du premier octet invalide est donnée, avec la commande pour
convertir. Le BOM et les fins de ligne CRLF sont acceptés.

Pourquoi : rien n'est deviné en silence ; un « é » mal décodé finirait dans le tableau remis
au jury.

Correct :
    fichier enregistré en « UTF-8 » dans l'éditeur

Fautif :
    fichier enregistré en « ANSI » ou « Windows-1252 »
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
