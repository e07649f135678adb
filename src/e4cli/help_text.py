"""`e4 --help` at 80 columns or more, pre-rendered by `python -m e4cli.cli.prerender`.

Generated: do not edit. `e4cli.__main__` prints it without importing Typer.
"""

TEXT = (
    'Utilisation\xa0: e4 [OPTIONS] COMMANDE [ARGUMENTS]...\n'
    '\n'
    "  Vérifie le dossier de l'épreuve E4/E5 du BTS SIO (portfolio, tableau de\n"
    '  synthèse, attestations) et produit le tableau de synthèse officiel.\n'
    '\n'
    'Options\xa0:\n'
    '  -V, --version         Affiche la version et quitte.\n'
    '  --install-completion  Installe la complétion (commandes, options, chemins)\n'
    '                        pour le shell courant.\n'
    '  --show-completion     Affiche le script de complétion du shell courant, pour\n'
    "                        le copier ou l'installer à la main.\n"
    '  -h, --help            Affiche cette aide et quitte.\n'
    '\n'
    'Commandes\xa0:\n'
    '  check    Vérifie un ou plusieurs dossiers comme le contrôle de conformité et\n'
    '           le jury.\n'
    "  explain  Explique un code de constat\xa0: ce qu'il vérifie, pourquoi, un\n"
    '           exemple correct et fautif.\n'
    '  schema   Affiche ou exporte les schémas JSON de e4 (complétion et validation\n'
    "           dans l'éditeur).\n"
    '  init     Crée un dossier de départ\xa0: dossier.yaml, portfolio, une\n'
    "           réalisation d'exemple par cadre.\n"
    "  import   Crée un dossier à partir d'un tableau de synthèse officiel déjà\n"
    '           rempli (.xlsx, .ods, PDF).\n'
    '  table    Produit le tableau de synthèse officiel\xa0: html, md, csv, json, xlsx\n'
    '           ou pdf.\n'
    "  grille   Grille d'aide à l'évaluation (annexe 6-3 / VI-3) telle que la\n"
    "           circulaire l'imprime.\n"
    "  note     Fiche d'appréciation (annexe 6-4 / VI-4) et NOTE FINALE à partir de\n"
    "           l'évaluation.\n"
    "  fiche    Fiches descriptives des deux réalisations de l'épreuve E6 (E5\n"
    "           jusqu'en 2024).\n"
    "  report   Rapport de classe\xa0: tous les dossiers d'un dossier de classe, en\n"
    '           HTML ou en CSV.\n'
    '  site     Construit le site du portfolio à partir du dossier\xa0: pages,\n'
    '           réalisations, tableau.\n'
)
