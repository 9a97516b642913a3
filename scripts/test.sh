#!/usr/bin/env bash
# One command for the whole suite: installs what the tests need (PostgreSQL, hunspell
# dictionaries, Chromium, the Python packages), runs the linters (ruff, the import contracts),
# starts PostgreSQL and Elasticsearch on loopback with throwaway data, runs pytest, stops both.
# Extra arguments go to pytest.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

scripts/install-test-deps.sh
scripts/setup.sh requirements-dev.txt
# Okapi's XLIFF 2 library and the schemas it ships, which the XLIFF validity tests read.
scripts/okapi.sh fetch >/dev/null

# Lint first, before any service starts: a finding stops the run here.
lint() {
  local what=$1
  shift
  if ! "$@"; then
    echo "test: $what failed (\`$*\`); fix it before the tests run" >&2
    exit 1
  fi
}
lint "ruff check" .venv/bin/ruff check .
lint "ruff format check" .venv/bin/ruff format --check .
lint "import contracts" .venv/bin/lint-imports

cleanup() {
  scripts/elasticsearch.sh stop >/dev/null 2>&1 || true
  scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

es_url=$(scripts/elasticsearch.sh start --test | tail -n 1)
db_url=$(scripts/postgres.sh start | tail -n 1)

export ELASTICSEARCH_URL=$es_url
export DATABASE_URL=$db_url
export SEARCH_INDEX_PREFIX=portal-test
export SECRET_KEY=test-only-secret-key
export ALLOWED_HOSTS=localhost,127.0.0.1,testserver
export PORTAL_REQUIRE_SERVICES=1
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
# Tests run the production configuration (DEBUG off, hashed static files), so collect first.
export STATIC_ROOT=$repo/var/static-test
.venv/bin/python manage.py collectstatic --noinput -v 0

echo "test: PostgreSQL at $db_url, Elasticsearch at $es_url" >&2
start=$(date +%s)
status=0
.venv/bin/python -m pytest "$@" || status=$?
echo "test: pytest exited $status after $(( $(date +%s) - start )) s" >&2
exit $status
