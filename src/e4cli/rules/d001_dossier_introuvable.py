"""D001 · error · Dossier introuvable

Le chemin donné à `e4 check` n'existe pas ou n'est pas un dossier.

Pourquoi : sans dossier, rien ne peut être vérifié ; le candidat remet un dossier numérique complet.

Correct :
    e4 check mon-dossier/

Fautif :
    e4 check mon-dossier/dossier.yaml
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
