"""S001 · error · Valeur non conforme au schéma

Une valeur n'a pas le type, la forme ou la valeur permise attendus, ou un champ obligatoire
manque (session, candidat, centre ; intitule et cadre d'une réalisation ; organisation,
annee, debut et fin d'un stage). Une date impossible (31/02) en fait partie.

Pourquoi : chaque champ alimente le tableau de synthèse ou une vérification ; une valeur mal
formée ne peut pas être reportée correctement.

Correct :
    session: 2027
    candidat:
      numero: "02248211114"

Fautif :
    session: deux mille vingt-sept
    candidat:
      numero: 02248211114
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
