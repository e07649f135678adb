#!/bin/sh
# Vérifie chaque matin que la sauvegarde de la nuit existe et n'est pas vide.
set -eu
DEPOT=/volume1/veeam
HIER=$(date -d yesterday +%Y-%m-%d)
if ! find "$DEPOT" -name "*$HIER*.vbk" -size +1M | grep -q .; then
  echo "Sauvegarde du $HIER absente ou vide" | mail -s "ALERTE sauvegarde" informatique@mairie.local
fi
