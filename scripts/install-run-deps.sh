#!/usr/bin/env bash
# Installs the Debian packages the running portal needs beyond Python (scripts/debian.sh), only
# those missing. Not root and something missing: says so and exits 1 (the portal runs; PDFs fail
# until installed).
set -euo pipefail
. "$(dirname "$0")/debian.sh"
apt_install_missing install-run-deps "${RUN_PACKAGES[@]}"
