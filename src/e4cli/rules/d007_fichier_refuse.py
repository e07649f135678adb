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

from e4cli.dossier.problems import Refused
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)

_YAML_HINT = "Un fichier du dossier fait quelques Kio ; vérifiez qu'il s'agit du bon fichier."
_PAGE_HINT = (
    "Une page de portfolio est un court fichier texte ; les images et documents sont des "
    "fichiers à part, cités par un lien."
)


@RULE.describes(Refused)
def describe(problem: Refused) -> Description:
    where, detail, count, limit = problem.where, problem.detail, problem.count, problem.limit
    match problem.kind:
        case "yaml":
            return Description(f"Fichier YAML refusé : {detail}.", where, _YAML_HINT)
        case "yaml-complex":
            return Description(
                f"Fichier YAML refusé : trop complexe ({detail}).",
                where,
                "Un fichier de dossier n'a besoin ni d'ancres (&, *) en cascade ni de "
                "dizaines de niveaux d'imbrication.",
            )
        case "folder":
            return Description(
                f"Le dossier « {where.path or '.'} » ne se lit pas ({detail}).",
                where,
                "Vérifiez ses droits d'accès.",
            )
        case "too-many-realisations":
            return Description(
                f"{count} fichiers YAML dans « {detail}/ » : seuls les {limit} premiers sont lus.",
                where,
                "Un dossier compte quelques dizaines de réalisations ; vérifiez que ce "
                "dossier ne contient que les vôtres.",
            )
        case "page":
            return Description(f"Page Markdown refusée : {detail}.", where, _PAGE_HINT)
        case "portfolio-folder":
            return Description(f"Dossier du portfolio illisible ({detail}).", where, _PAGE_HINT)
        case "portfolio-entries":
            return Description(
                f"Portfolio de plus de {limit} fichiers et dossiers : la suite n'est pas vérifiée.",
                where,
                _PAGE_HINT,
            )
        case "portfolio-pages":
            return Description(
                f"Portfolio trop volumineux ({count} pages) : les {limit} dernières pages ne "
                "sont pas lues.",
                where,
                _PAGE_HINT,
            )
        case "portfolio-links":
            return Description(
                f"Liens non vérifiés dans {count} page(s) Markdown, dont celle-ci : le "
                f"portfolio dépasse {limit} lignes à analyser.",
                where,
                _PAGE_HINT,
            )
