#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those that are missing.
set -euo pipefail
# WeasyPrint (the PDFs) needs Pango and HarfBuzz's subsetter, and fonts with Albanian, Serbian and
# Macedonian letters (scripts/install-run-deps.sh, for `make run`, lists the same); poppler-utils
# gives the tests pdftotext, pdfinfo and pdffonts.
packages=(postgresql postgresql-client hunspell-bs hunspell-hr hunspell-sr myspell-sq chromium gettext maven default-jdk-headless
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
# A JDK from elsewhere (the machine image's) is as good as Debian's.
if command -v javac >/dev/null; then
  missing=("${missing[@]/default-jdk-headless}")
fi
command -v mvn >/dev/null && missing=("${missing[@]/maven}")
read -r -a missing <<<"${missing[*]}"
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-test-deps: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
  exit 1
fi
echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
