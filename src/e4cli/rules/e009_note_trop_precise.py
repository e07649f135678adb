"""E009 · error · Note à plus de deux décimales

La note proposée par la commission (`note:`) est écrite avec plus de deux chiffres après la
virgule (`13,333`, `19.999999999999999999`). Une note sur 20 s'écrit au plus au centième ;
au-delà, YAML arrondit le nombre à sa façon (19,999999999999999999 deviendrait 20) et la
NOTE FINALE ne serait plus celle que la commission a écrite.

Pourquoi : la fiche d'appréciation reporte la NOTE FINALE telle que la commission l'a fixée ;
e4 ne doit ni l'arrondir ni la deviner.

Correct :
    note: 13.5

Fautif :
    note: 13.333
"""

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)
