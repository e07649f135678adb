"""D007 · error · Fichier refusé (trop gros ou trop complexe)

Un fichier YAML dépasse 1 Mio, n'est pas un fichier ordinaire (tube, périphérique), ou se
déploie en trop de valeurs (plus de 50 000 : ancres et alias en cascade, « billion laughs »)
ou en trop de niveaux d'imbrication (plus de 50). Il n'est pas lu. De même pour une page
Markdown du portfolio de plus de 256 Kio ou qui n'est pas un fichier ordinaire. Au-delà de
500 fichiers de réalisation, de 300 pages ou 2 Mio de pages Markdown, les suivants ne sont pas
lus ; au-delà de 30 000 lignes de Markdown à analyser, les liens des pages suivantes ne sont
pas vérifiés.

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
