#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those that are missing: the running
# portal's (scripts/debian.sh), PostgreSQL, the hunspell dictionaries, Chromium, gettext, a JDK
# and Maven for the local Elasticsearch and Okapi (scripts/okapi.sh), poppler-utils (pdftotext, pdfinfo,
# pdffonts) and unzip (the Elasticsearch distribution, the XLIFF schemas in Okapi's jar).
set -euo pipefail
. "$(dirname "$0")/debian.sh"
packages=("${RUN_PACKAGES[@]}" postgresql hunspell-bs hunspell-hr hunspell-sr myspell-sq chromium gettext poppler-utils unzip postgresql-client)
# A JDK and Maven from elsewhere (the machine image's) are as good as Debian's.
command -v javac >/dev/null || packages+=(default-jdk-headless)
command -v mvn >/dev/null || packages+=(maven)
apt_install_missing install-test-deps "${packages[@]}"
