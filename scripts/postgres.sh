#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test run.
#   scripts/postgres.sh start   -> prints DATABASE_URL as the last line
#   scripts/postgres.sh stop
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user that
# Debian's package creates, in a directory that user owns.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
state="$repo/var/postgres"
mkdir -p "$state"

log() { echo "postgres.sh: $*" >&2; }

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bindir data port
  bindir=$(pg_bindir) || { log "PostgreSQL server not found; install Debian's 'postgresql' package"; exit 1; }
  if [ "$(id -u)" = 0 ]; then
    data=$(mktemp -d /var/tmp/portal-pg.XXXXXX)
    chown postgres: "$data"
  else
    data=$(mktemp -d "$state/data.XXXXXX")
  fi
  port=$(free_port)
  as_owner "$bindir/initdb" -D "$data/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
  echo "$data" >"$state/data_dir"
  echo "$port" >"$state/port"
  log "started on 127.0.0.1:$port (data in $data)"
  echo "postgres://postgres@127.0.0.1:$port/portal"
}

stop() {
  local bindir data
  [ -f "$state/data_dir" ] || { log "not running"; return 0; }
  data=$(cat "$state/data_dir")
  bindir=$(pg_bindir)
  as_owner "$bindir/pg_ctl" -D "$data/db" -m fast -w stop >&2 || true
  rm -rf "$data" "$state/data_dir" "$state/port"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
