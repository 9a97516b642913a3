#!/usr/bin/env bash
# Okapi's XLIFF 2 library, which CAT-tool pipelines read XLIFF with, for the tests that check the
# portal's exports (translations/tests/test_xliff_validity.py).
#
#   scripts/okapi.sh fetch    download it once from Maven Central (with the jars its reader
#                             needs) and unpack the XLIFF 2.0 schemas it ships; prints the directory
#
# The directory (var/downloads/okapi-<version>/) holds jars/ (okapi-lib-xliff2, woodstox-core,
# stax2-api, slf4j-api: the reader's class path) and schemas/ (xliff_core_2.0.xsd, modules/*.xsd and the W3C
# xml.xsd they import, as the jar lays them out). The schemas are OASIS's, copyright OASIS Open,
# so they are fetched rather than committed. Needs Maven and a JDK (scripts/install-test-deps.sh).
# Progress goes to stderr; stdout carries only the directory. Idempotent.
set -euo pipefail

OKAPI_VERSION=1.48.0
# The versions Okapi 1.48.0's build pins (build-okapi-superpom).
ARTIFACTS=(
    "net.sf.okapi.lib:okapi-lib-xliff2:$OKAPI_VERSION"
    "com.fasterxml.woodstox:woodstox-core:7.0.0"
    "org.codehaus.woodstox:stax2-api:4.2.2"
    "org.slf4j:slf4j-api:2.0.16"
)

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DIR="$REPO/var/downloads/okapi-$OKAPI_VERSION"

log() { echo "okapi.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

fetch() {
    if [ -f "$DIR/complete" ]; then
        echo "$DIR"
        return 0
    fi
    command -v mvn > /dev/null || die "Maven (mvn) not found (Debian: apt-get install maven)"
    mkdir -p "$REPO/var/downloads"
    local tmp artifact
    tmp="$(mktemp -d "$REPO/var/downloads/.okapi.XXXXXX")"
    for artifact in "${ARTIFACTS[@]}"; do
        log "downloading $artifact from Maven Central"
        if ! (cd "$tmp" && mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="$artifact" \
            -DoutputDirectory="$tmp/jars" < /dev/null 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2); then
            rm -rf "$tmp"
            die "download of $artifact failed"
        fi
    done
    mkdir -p "$tmp/schemas"
    (cd "$tmp/schemas" && unzip -q -o "$tmp/jars/okapi-lib-xliff2-$OKAPI_VERSION.jar" 'net/sf/okapi/lib/xliff2/*.xsd') \
        || { rm -rf "$tmp"; die "the jar holds no XLIFF schemas"; }
    mv "$tmp/schemas/net/sf/okapi/lib/xliff2" "$tmp/schemas.tmp"
    rm -rf "$tmp/schemas"
    mv "$tmp/schemas.tmp" "$tmp/schemas"
    touch "$tmp/complete"
    rm -rf "$DIR"
    mv "$tmp" "$DIR"
    echo "$DIR"
}

case "${1:-}" in
    fetch) fetch ;;
    *) echo "usage: scripts/okapi.sh fetch" >&2; exit 64 ;;
esac
