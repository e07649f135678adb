"""S001 · error · Valeur non conforme au schéma

Une valeur n'a pas le type, la forme ou la valeur permise attendus, ou un champ obligatoire
manque (session, candidat, centre ; intitule et cadre d'une réalisation ; organisation,
annee, debut et fin d'un stage). En font partie aussi : une date impossible (31/02), deux
stages de même identifiant (celui que citent les réalisations dans `stage:`), un fichier vide
ou qui n'est pas un bloc de clés (une liste, une valeur seule).

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
