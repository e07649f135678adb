#!/bin/sh
# Sauvegarde quotidienne de GLPI (base MariaDB + fichiers), lancée par cron à 22 h :
#   0 22 * * * /usr/local/sbin/sauvegarde-glpi.sh
# Auteur : Erwan Le Goff — BTS SIO SISR (novembre 2025)
set -eu
DATE=$(date +%Y%m%d)
DEST=/srv/sauvegardes/glpi
CONSERVATION=14   # jours

mkdir -p "$DEST"
# Les identifiants sont lus dans /root/.my.cnf (droits 600), jamais dans le script.
mysqldump --single-transaction glpi | gzip > "$DEST/glpi-base-$DATE.sql.gz"
tar -czf "$DEST/glpi-fichiers-$DATE.tar.gz" /etc/glpi /var/lib/glpi

# Purge des sauvegardes plus anciennes que la durée de conservation
find "$DEST" -name 'glpi-*' -mtime +"$CONSERVATION" -delete
logger -t sauvegarde-glpi "Sauvegarde GLPI du $DATE terminée"
