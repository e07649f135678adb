"""E002 · error · Valeur non conforme dans l'évaluation

Une valeur du fichier d'évaluation ne respecte pas son schéma (`e4 schema evaluation`) :
champ obligatoire absent (`note`), clé inconnue (avec la clé la plus proche), type ou forme
inattendus (une note qui n'est pas un nombre, une date illisible). Aucune fiche n'est
produite.

Pourquoi : la fiche d'appréciation est un document officiel ; ce qui y est imprimé doit être
exactement ce que la commission a écrit.

Correct :
    note: 14
    observations:
      entretien: Réponses précises sur la sauvegarde.

Fautif :
    notes: 14
    observation:
      entretien: Réponses précises sur la sauvegarde.
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
