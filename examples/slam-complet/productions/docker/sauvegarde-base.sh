#!/bin/sh
# Sauvegarde nocturne de la base de l'application de suivi des stages (cron, 23 h 30)
# Autrice : Nolwenn Kerbrat — novembre 2025
set -eu
DEST=/srv/sauvegardes/suivi-stages
mkdir -p "$DEST"
FICHIER="$DEST/suivi_stages-$(date +%Y%m%d).sql.gz"

docker compose -f /srv/suivi-stages/docker-compose.yml exec -T db \
  sh -c 'mysqldump --single-transaction -u app -p"$MYSQL_PASSWORD" suivi_stages' | gzip > "$FICHIER"

# Contrôle : une sauvegarde vide est une sauvegarde ratée
if [ "$(gzip -dc "$FICHIER" | wc -c)" -lt 1000 ]; then
  logger -t sauvegarde "ÉCHEC : sauvegarde trop petite ($FICHIER)"
  exit 1
fi
# Conservation : 21 jours (l'incident de disque plein du 12/11/2025 venait d'une absence de purge)
find "$DEST" -name '*.sql.gz' -mtime +21 -delete
