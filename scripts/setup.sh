#!/usr/bin/env bash
# Creates the virtualenv, installs the pinned requirements and compiles the interface
# catalogues. Idempotent; the run and test commands both start with it.
#   scripts/setup.sh [requirements file]   (default requirements.txt)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
reqs=${1:-requirements.txt}
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($python --version)" >&2
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements*.txt | sha1sum | cut -c1-12)-$(basename "$reqs")"
if [ ! -f "$stamp" ]; then
  echo "setup: installing $reqs" >&2
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$reqs"
  touch "$stamp"
fi
mkdir -p var
# Catalogues are compiled from the committed .po files; .mo files are build output.
DEBUG=1 .venv/bin/python manage.py compilemessages --ignore=.venv -v 0
# Montenegrin strings of Django and Wagtail themselves (they ship none): locale-system/cnr.
DEBUG=1 .venv/bin/python manage.py build_system_catalogues -v 0 >/dev/null
