"""D007 · error · Fichier refusé (trop gros ou trop complexe)

Un fichier YAML dépasse 1 Mio, n'est pas un fichier ordinaire (tube, périphérique), ou se
déploie en trop de valeurs (ancres et alias en cascade, « billion laughs ») ou en trop de
niveaux d'imbrication. Il n'est pas lu.

Pourquoi : un manifeste ou une réalisation fait quelques Kio ; e4 doit répondre vite et sans
risque sur n'importe quel dossier, y compris piégé.

Correct :
    intitule: Supervision avec Zabbix

Fautif :
    a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
