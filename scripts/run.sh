#!/usr/bin/env bash
# One command to a running portal: virtualenv, requirements, a local Elasticsearch node
# when Java is there, SQLite migrations, demo content, search index, admin account, server.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DEBUG=${DEBUG:-1}
export SEARCH_INDEX_PREFIX=${SEARCH_INDEX_PREFIX:-portal-dev}

scripts/install-run-deps.sh || echo "run: PDFs need the Debian packages above; the portal runs without them" >&2
scripts/setup.sh requirements.txt

if [ -z "${ELASTICSEARCH_URL:-}" ]; then
  if url=$(scripts/elasticsearch.sh start | tail -n 1) && [ -n "$url" ]; then
    export ELASTICSEARCH_URL=$url
  else
    echo "run: Elasticsearch could not be started (is Java installed?). The portal runs anyway;" >&2
    echo "run: search falls back to the database until a node is reachable." >&2
    export ELASTICSEARCH_URL=http://127.0.0.1:9
  fi
fi

py=.venv/bin/python
$py manage.py migrate --noinput -v 0
$py manage.py createcachetable  # the rate limits' counters (security/ratelimit.py)
$py manage.py load_demo_content
$py manage.py rebuild_search_index || echo "run: search index not built (Elasticsearch unreachable)" >&2
$py manage.py ensure_admin
# Demo professionals (one per Beneficiary), a pending request and a focal point (docs/accounts.md).
$py manage.py ensure_demo_accounts
# The index worker: sends the index changes the node did not accept at once (docs/search.md).
$py manage.py process_index_queue -v 0 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT
echo "run: serving http://127.0.0.1:8000/ (search: $ELASTICSEARCH_URL), index worker pid $worker. Ctrl-C stops both." >&2
$py manage.py runserver "${PORT:-127.0.0.1:8000}"
