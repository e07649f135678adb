"""E007 · warning · Évaluation incomplète

Une compétence du bloc, ou la ligne du travail en équipe, n'a pas de niveau, ou
l'appréciation est absente. La fiche est produite avec la ligne ou le cadre vide, à
compléter à la main.

Pourquoi : la grille dresse le profil complet du candidat (une ligne par compétence) et
fonde l'harmonisation entre commissions ; la fiche d'appréciation porte une appréciation
motivée.

Correct :
    niveaux:
      equipe: Bonne maîtrise
      B1.1: Bonne maîtrise
      B1.2: Maîtrise partielle
      B1.3: Bonne maîtrise
      B1.4: Excellente maîtrise
      B1.5: Bonne maîtrise
      B1.6: Bonne maîtrise
    appreciation: Démarche rigoureuse, communication adaptée.

Fautif :
    niveaux:
      B1.1: Bonne maîtrise
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
