"""E008 · error · Évaluation d'un autre candidat

Le `candidat` de l'évaluation (numéro, nom ou prénom) ne correspond pas à celui de
dossier.yaml. Aucune fiche n'est produite.

Pourquoi : sur une classe entière (`e4 note classe/*/ --evaluation evaluations/`), chaque
évaluation est retrouvée par le nom du dossier ; un fichier mal nommé ou copié d'un autre
candidat donnerait à l'un la note de l'autre.

Correct :
    candidat:
      numero: "02271834506"   # le même que dans dossier.yaml
    note: 15

Fautif :
    candidat:
      numero: "02271834507"   # dossier.yaml : "02271834506"
    note: 15
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
