# Sourced by the install scripts: which Debian packages the portal needs, and installing the
# missing ones. Not root and something missing: says so and returns 1.

# The running portal: WeasyPrint's Pango and HarfBuzz subsetter, and fonts carrying Albanian,
# Serbian and Macedonian letters (DejaVu Sans), for the PDFs (printing/); unzip for the local
# Elasticsearch distribution (scripts/elasticsearch.sh).
RUN_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core unzip)

# apt_install_missing WHO PACKAGE...
apt_install_missing() {
  local who=$1 pkg log
  shift
  local missing=()
  for pkg in "$@"; do
    [ -n "$pkg" ] || continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "$who: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
    return 1
  fi
  echo "$who: installing ${missing[*]}" >&2
  log=$(mktemp)
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    return 1
  fi
  rm -f "$log"
}
