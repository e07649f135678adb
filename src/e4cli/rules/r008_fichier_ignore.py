"""R008 · warning · Fichier de réalisation ignoré

Un fichier du dossier des réalisations semble en être une mais n'est pas lu : son nom ne finit
pas par `.yaml` ou `.yml` (`01-glpi.yaml.txt`, souvent parce que Windows cache la vraie
extension), ou il est rangé dans un sous-dossier. Les autres fichiers (notes, images) sont
laissés tranquilles.

Pourquoi : une réalisation qui n'est pas lue manque au tableau de synthèse et à la couverture
des compétences, sans que rien ne le dise.

Correct :
    realisations/01-glpi.yaml

Fautif :
    realisations/01-glpi.yaml.txt
    realisations/stage/02-zabbix.yaml
"""

from e4cli.dossier.problems import IgnoredFile, IgnoredFolder
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__)


@RULE.describes(IgnoredFolder)
def describe_folder(problem: IgnoredFolder) -> Description:
    folder = problem.realisations_dir
    return Description(
        f"Le sous-dossier « {problem.folder}/ » contient des fichiers YAML "
        f"({', '.join(problem.names)}…) qui ne sont pas lus : seuls les fichiers placés "
        f"directement dans « {folder}/ » sont des réalisations.",
        problem.where,
        f"Déplacez-les dans « {folder}/ ».",
    )


@RULE.describes(IgnoredFile)
def describe_file(problem: IgnoredFile) -> Description:
    return Description(
        f"« {problem.where.path} » n'est pas lu : son nom ne finit pas par .yaml ou .yml.",
        problem.where,
        f"Renommez-le « {problem.stem}.yaml » (Windows cache parfois la vraie extension : "
        "affichez les extensions dans l'Explorateur).",
    )
