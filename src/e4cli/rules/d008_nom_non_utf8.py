r"""D008 · error · Nom de fichier non UTF-8

Le nom d'un fichier du dossier n'est pas écrit en UTF-8 : c'est ce qui arrive quand une
archive .zip faite sous Windows (noms en Windows-1252) est décompressée sous Linux. e4 lit le
fichier, mais son nom s'affiche mal partout ailleurs (« r\xe9seau.yaml ») et un lien vers lui
ne fonctionne pas sur le serveur du jury.

Pourquoi : le dossier remis est lu sur d'autres machines que celle du candidat ; un nom
illisible y devient un fichier introuvable.

Correct :
    realisations/10-reseau.yaml

Fautif :
    realisations/10-r?seau.yaml   # l'octet 0xE9 de « é » en Windows-1252
"""

from e4cli.dossier.problems import BadFileName
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(BadFileName)
def describe(problem: BadFileName) -> Description:
    return Description(
        f"Le nom « {problem.shown} » n'est pas écrit en UTF-8 (octets notés \\xNN) : il "
        "s'affichera mal et ne se retrouvera pas sur une autre machine.",
        problem.where,
        "Renommez le fichier avec des lettres sans accent, ou refaites l'archive avec un "
        "outil qui écrit les noms en UTF-8 (convmv -f cp1252 -t utf-8 --notest NOM).",
    )
