#!/usr/bin/env bash
# Backs up the portal: the database (pg_dump, custom format) and the media (MEDIA_ROOT, a tar),
# into BACKUP_DIR with a UTC time stamp; removes backups older than BACKUP_KEEP_DAYS.
# Prints the dump's path as the last line. See docs/backups.md (restore, check_restore).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${DATABASE_URL:?set DATABASE_URL to the database of the portal}"
dir=${BACKUP_DIR:-$repo/var/backups}
media=${MEDIA_ROOT:-$repo/var/media}
keep=${BACKUP_KEEP_DAYS:-14}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$dir"

# Written under another name first: a half-written dump is never "the latest *.dump".
pg_dump --format=custom --no-owner --no-privileges --file "$dir/portal-$stamp.dump.part" "$DATABASE_URL"
mv "$dir/portal-$stamp.dump.part" "$dir/portal-$stamp.dump"
if [ -d "$media" ]; then
  tar -C "$media" -czf "$dir/media-$stamp.tar.gz.part" .
  mv "$dir/media-$stamp.tar.gz.part" "$dir/media-$stamp.tar.gz"
fi
find "$dir" \( -name 'portal-*.dump' -o -name 'media-*.tar.gz' \) -mtime +"$keep" -delete
echo "$dir/portal-$stamp.dump"
