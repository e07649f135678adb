"""D004 · error · Fichier texte non encodé en UTF-8

Un fichier YAML ou Markdown n'est pas en UTF-8 (souvent Windows-1252, écrit par un vieil
éditeur Windows). La ligne du premier octet invalide est donnée, avec la commande pour
convertir. Le BOM et les fins de ligne CRLF sont acceptés.

Pourquoi : rien n'est deviné en silence ; un « é » mal décodé finirait dans le tableau remis
au jury.

Correct :
    fichier enregistré en « UTF-8 » dans l'éditeur

Fautif :
    fichier enregistré en « ANSI » ou « Windows-1252 »
"""

from e4cli.dossier.problems import NotText
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(NotText)
def describe(problem: NotText) -> Description:
    if problem.nul:
        return Description(
            "Le fichier contient des octets nuls : ce n'est pas un fichier texte (fichier "
            "binaire, ou texte UTF-16 sans BOM).",
            problem.where,
            "Vérifiez qu'il s'agit du bon fichier (une image ou un PDF renommé ne se lit pas) ; "
            "un texte doit être enregistré en UTF-8.",
        )
    name, guess = problem.name, problem.guess
    return Description(
        f"Le fichier n'est pas encodé en UTF-8 (octet 0x{problem.byte or 0:02X} invalide) : "
        f"probablement {guess}.",
        problem.where,
        f"Réenregistrez-le en UTF-8 dans votre éditeur, ou convertissez-le : "
        f"iconv -f {guess} -t UTF-8 {name} > {name}.utf8 && mv {name}.utf8 {name}",
    )
