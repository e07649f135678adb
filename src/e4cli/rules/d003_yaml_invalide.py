"""D003 · error · YAML invalide

Un fichier YAML du dossier ne se lit pas ; la ligne et la colonne de l'erreur sont données.

Pourquoi : un fichier illisible, c'est une réalisation ou un manifeste qui disparaît du
tableau de synthèse.

Correct :
    intitule: "Migration : serveur de fichiers"

Fautif :
    intitule: Migration : serveur de fichiers
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
