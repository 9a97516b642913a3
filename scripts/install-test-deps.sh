#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those that are missing: the running
# portal's (scripts/debian.sh), PostgreSQL, the hunspell dictionaries, Chromium, gettext, a JDK
# and Maven for the local Elasticsearch, and poppler-utils (pdftotext, pdfinfo, pdffonts).
set -euo pipefail
. "$(dirname "$0")/debian.sh"
packages=("${RUN_PACKAGES[@]}" postgresql hunspell-bs hunspell-hr hunspell-sr myspell-sq chromium gettext poppler-utils)
# A JDK and Maven from elsewhere (the machine image's) are as good as Debian's.
command -v javac >/dev/null || packages+=(default-jdk-headless)
command -v mvn >/dev/null || packages+=(maven)
apt_install_missing install-test-deps "${packages[@]}"
