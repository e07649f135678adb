"""E006 · warning · Niveau pour une compétence que le dossier ne mobilise pas

La commission donne un niveau de maîtrise (autre que « Non évaluable ») à une compétence
qu'aucune réalisation du dossier ne mobilise, ou à la ligne du travail en équipe alors que le
dossier n'a aucune réalisation en équipe. La fiche est produite ; vérifiez la ligne.

Pourquoi : la grille définit « Non évaluable » comme « compétence non mise en œuvre » ; un
niveau de maîtrise sans réalisation qui le fonde est le plus souvent une ligne décalée.
L'entretien peut toutefois avoir évalué la compétence : c'est un avertissement, pas une
erreur.

Correct :
    niveaux:
      B1.3: Non évaluable     # aucune réalisation ne mobilise B1.3

Fautif :
    niveaux:
      B1.3: Bonne maîtrise    # aucune réalisation ne mobilise B1.3
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
