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

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
