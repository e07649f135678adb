"""D004 · error · Fichier texte non encodé en UTF-8

Un fichier YAML ou Markdown n'est pas en UTF-8 (souvent Windows-1252, écrit par un vieil
éditeur Windows). La ligne du premier octet invalide est donnée, avec la commande pour
convertir : `e4 check --fix` réécrit le fichier en UTF-8 (depuis Windows-1252, ou UTF-16 avec
BOM), sans rien changer d'autre. Le BOM et les fins de ligne CRLF sont acceptés.

Pourquoi : rien n'est deviné en silence ; un « é » mal décodé finirait dans le tableau remis
au jury.

Correct :
    fichier enregistré en « UTF-8 » dans l'éditeur

Fautif :
    fichier enregistré en « ANSI » ou « Windows-1252 »
"""

from e4cli.dossier.problems import NotText
from e4cli.rules.base import Description, Rule
from e4cli.rules.findings import Fix

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
    guess = problem.guess
    message = (
        f"Le fichier n'est pas encodé en UTF-8 (octet 0x{problem.byte or 0:02X} invalide) : "
        f"probablement {guess}."
    )
    if problem.in_dossier:
        return Description(
            message,
            problem.where,
            "Réenregistrez-le en UTF-8 dans votre éditeur, ou laissez e4 le convertir :",
            command="e4 check --fix {dossier}",
        )
    return Description(
        message,
        problem.where,
        "Réenregistrez-le en UTF-8 dans votre éditeur, ou convertissez-le :",
        command=f"iconv -f {guess} -t UTF-8 {{path}} > {{path}}.utf8 && mv {{path}}.utf8 {{path}}",
    )


_CODECS = {"WINDOWS-1252": "cp1252", "UTF-16": "utf-16"}


@RULE.fixes(NotText)
def fix(problem: NotText) -> Fix | None:
    """Re-encode to UTF-8: the bytes are decoded as `guess` (the whole file must decode)."""
    if problem.nul or not problem.in_dossier or problem.where.path is None:
        return None
    codec = _CODECS.get(problem.guess)
    if codec is None:
        return None
    return Fix(
        f"réencodé de {problem.guess} en UTF-8",
        reencode=problem.where.path,
        encoding=codec,
    )
