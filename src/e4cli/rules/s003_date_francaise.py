"""S003 · warning · Date écrite à la française

Une date est écrite JJ/MM/AAAA ou JJ/MM/AA. Elle est comprise et acceptée, mais la forme ISO
AAAA-MM-JJ est la seule sans ambiguïté pour les outils (et pour YAML).

Pourquoi : 03/04/27 se lit 3 avril en France et 4 mars ailleurs ; l'écrire 2027-04-03 évite
toute erreur de période dans le tableau.

Correct :
    debut: 2027-01-19

Fautif :
    debut: 19/01/2027
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
