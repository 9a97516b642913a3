#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those that are missing: the running
# portal's (scripts/debian.sh), PostgreSQL, the hunspell dictionaries, Chromium, gettext, a JDK
# and Maven for the local Elasticsearch and Okapi (scripts/okapi.sh), poppler-utils (pdftotext, pdfinfo,
# pdffonts) and unzip (the Elasticsearch distribution, the XLIFF schemas in Okapi's jar); then
# axe-core from npm (pinned) into var/npm/, which the accessibility browser test injects.
set -euo pipefail
. "$(dirname "$0")/debian.sh"
packages=("${RUN_PACKAGES[@]}" postgresql hunspell-bs hunspell-hr hunspell-sr myspell-sq chromium gettext poppler-utils unzip postgresql-client)
# A JDK and Maven from elsewhere (the machine image's) are as good as Debian's.
command -v javac >/dev/null || packages+=(default-jdk-headless)
command -v mvn >/dev/null || packages+=(maven)
command -v npm >/dev/null || packages+=(npm)
apt_install_missing install-test-deps "${packages[@]}"

AXE_VERSION=4.14.1
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(node -p "require('$repo/var/npm/node_modules/axe-core/package.json').version" 2>/dev/null)" != "$AXE_VERSION" ]; then
  (cd "$repo" && npm install --no-save --no-audit --no-fund --prefix var/npm "axe-core@$AXE_VERSION" >/dev/null)
fi
