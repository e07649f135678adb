"""S005 · error · Étiquette YAML non prise en charge

Une valeur porte une étiquette YAML explicite (`!!binary`, `!!set`, `!!omap`, `!perso`…).
Un dossier n'en a pas besoin : e4 garde la valeur telle qu'elle est écrite, comme du texte, et
la signale, car elle ne serait pas lue comme son auteur l'entendait (un `!!binary` montrerait
au jury une suite de lettres en base64).

Pourquoi : le tableau de synthèse et les documents de la commission reprennent les valeurs du
dossier ; une valeur codée n'y serait pas lisible.

Correct :
    intitule: Déploiement d'un serveur GLPI

Fautif :
    intitule: !!binary RMOpcGxvaWVtZW50IGQndW4gc2VydmV1ciBHTFBJ
"""

from e4cli.dossier.problems import UnsupportedTag
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(UnsupportedTag)
def describe(problem: UnsupportedTag) -> Description:
    tag = problem.tag.replace("tag:yaml.org,2002:", "!!")
    return Description(
        f"Étiquette YAML « {tag} » : la valeur est gardée telle qu'elle est écrite, comme du "
        "texte.",
        problem.where,
        f"Retirez « {tag} » et écrivez la valeur en clair (entre guillemets si elle contient "
        "« : »).",
    )
