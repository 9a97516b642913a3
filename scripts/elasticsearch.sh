#!/usr/bin/env bash
# Local Elasticsearch node for development and tests (core-only distribution + our analysis plugin).
#
#   scripts/elasticsearch.sh start [--test]   start the node (installs it first if needed); prints the URL last on stdout
#   scripts/elasticsearch.sh stop             stop it (exit 0 when it was not running); drops --test data
#   scripts/elasticsearch.sh status           human-readable state
#   scripts/elasticsearch.sh url              print the running node's URL (exit 1 when none)
#
# Exit codes: 0 ok, 1 failure, 2 a prerequisite is missing (Java 17+, javac, Maven): callers may go on
# without search. Progress goes to stderr; stdout carries only the URL. Never reads stdin.
#
# The node is Elasticsearch's core-only integ-test distribution from Maven Central, plus the plugin in
# search/analysis-plugin/ that provides analysis-common's components under the same names and settings.
# Node files: var/elasticsearch/node/ of the checkout, or, when run as root (Elasticsearch refuses to run
# as root, so the node runs as the system user portal-es, which may not reach the checkout),
# /var/tmp/portal-es-<hash of the checkout path>/. var/elasticsearch/node.env says where, and the URL.
# Environment: ES_HEAP (default 512m), ES_START_TIMEOUT (seconds, default 90), ES_JAVA_HOME (default:
# the JDK of `java` on PATH).
set -euo pipefail
umask 022

ES_VERSION=8.19.21
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ES_USER=portal-es
PLUGIN_NAME=portal-analysis
HUNSPELL_LOCALES="bs_BA hr_HR sr_RS sr_Latn_RS sq_AL"
HEAP="${ES_HEAP:-512m}"
START_TIMEOUT="${ES_START_TIMEOUT:-90}"
CLEAN_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
STATE_DIR="$REPO/var/elasticsearch"
STATE_FILE="$STATE_DIR/node.env"
DOWNLOAD_DIR="$REPO/var/downloads"
PLUGIN_SRC="$REPO/search/analysis-plugin"

log() { echo "elasticsearch.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
missing() { log "ERROR: $*"; exit 2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

default_base() {
    if is_root; then
        echo "/var/tmp/portal-es-$(printf '%s' "$REPO" | sha256sum | cut -c1-12)"
    else
        echo "$STATE_DIR/node"
    fi
}

# Values of the last start (node.env), else the defaults.
load_state() {
    BASE="$(default_base)"
    URL=""
    MODE=""
    if [ -f "$STATE_FILE" ]; then
        local key value
        while IFS='=' read -r key value; do
            case "$key" in
                ES_NODE_BASE) BASE="$value" ;;
                ES_NODE_URL) URL="$value" ;;
                ES_NODE_MODE) MODE="$value" ;;
            esac
        done < "$STATE_FILE"
    fi
    ES_HOME="$BASE/dist/elasticsearch-$ES_VERSION"
    PIDFILE="$BASE/run/elasticsearch.pid"
}

save_state() {
    mkdir -p "$STATE_DIR"
    printf 'ES_NODE_BASE=%s\nES_NODE_URL=%s\nES_NODE_MODE=%s\nES_NODE_PIDFILE=%s\n' "$BASE" "$URL" "$MODE" "$PIDFILE" \
        > "$STATE_FILE.tmp"
    mv -f "$STATE_FILE.tmp" "$STATE_FILE"
    printf '%s\n' "$URL" > "$STATE_DIR/url"
}

clear_state() { rm -f "$STATE_FILE" "$STATE_DIR/url"; }

lock() {
    mkdir -p "$STATE_DIR"
    exec 9> "$STATE_DIR/lock"
    flock -w 600 9 || die "another scripts/elasticsearch.sh is still busy (lock $STATE_DIR/lock)"
}

# PID of our running node, or nothing.
running_pid() {
    local pid
    [ -s "$PIDFILE" ] || return 1
    pid="$(tr -dc '0-9' < "$PIDFILE")"
    [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q 'org.elasticsearch' || return 1
    echo "$pid"
}

# GET $1; body on stdout; non-zero unless HTTP 200.
http_get() {
    if command -v curl > /dev/null; then
        curl -fsS -m 5 "$1" 2> /dev/null
    else
        python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' \
            "$1" 2> /dev/null
    fi
}

healthy() { [ -n "$1" ] && http_get "$1/_cluster/health" > /dev/null; }

port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

pick_port() {
    local port
    for port in $(seq 9200 9299); do
        if port_free "$port"; then
            echo "$port"
            return
        fi
    done
    die "no free TCP port in 9200-9299 on 127.0.0.1"
}

find_java() {
    local java
    if [ -n "${ES_JAVA_HOME:-}" ] && [ -x "$ES_JAVA_HOME/bin/java" ]; then
        JAVA_HOME_DIR="$ES_JAVA_HOME"
    else
        java="$(command -v java || true)"
        [ -n "$java" ] || missing "Java not found: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless); starting without Elasticsearch"
        JAVA_HOME_DIR="$(dirname "$(dirname "$(readlink -f "$java")")")"
    fi
    local version major
    version="$("$JAVA_HOME_DIR/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
    major="${version%%.*}"
    [ "$major" = 1 ] && major="$(echo "$version" | cut -d. -f2)"
    case "$major" in
        '' | *[!0-9]*) missing "cannot tell the Java version of $JAVA_HOME_DIR/bin/java" ;;
    esac
    [ "$major" -ge 17 ] || missing "Java $version at $JAVA_HOME_DIR is too old: Elasticsearch $ES_VERSION needs 17 or later"
}

ensure_user() {
    is_root || return 0
    id -u "$ES_USER" > /dev/null 2>&1 && return 0
    log "creating system user $ES_USER (Elasticsearch refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER" \
        || id -u "$ES_USER" > /dev/null 2>&1 || die "could not create user $ES_USER"
}

# Runs a command as the node's user (as root) or as ourselves, with a clean environment.
as_node_user() {
    local envs=(PATH="$CLEAN_PATH" LANG=C.UTF-8 HOME="$BASE" ES_JAVA_HOME="$JAVA_HOME_DIR")
    if is_root; then
        runuser -u "$ES_USER" -- env -i "${envs[@]}" "$@"
    else
        env -i "${envs[@]}" "$@"
    fi
}

plugin_hash() {
    (cd "$REPO" && find search/analysis-plugin -type f \( -name '*.java' -o -name '*.sh' -o -name '*.properties' -o -name '*.json' \) \
        -not -path '*/build/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

download() {
    ZIP="$DOWNLOAD_DIR/elasticsearch-$ES_VERSION.zip"
    [ -s "$ZIP" ] && return 0
    command -v mvn > /dev/null || missing "Maven (mvn) not found: it downloads the Elasticsearch distribution (Debian: apt-get install maven)"
    mkdir -p "$DOWNLOAD_DIR"
    local tmp
    tmp="$(mktemp -d "$DOWNLOAD_DIR/.download.XXXXXX")"
    log "downloading $ES_ARTIFACT from Maven Central"
    if ! (cd "$tmp" && JAVA_HOME="$JAVA_HOME_DIR" mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$tmp" < /dev/null 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2); then
        rm -rf "$tmp"
        die "download of $ES_ARTIFACT failed"
    fi
    mv -f "$tmp/elasticsearch-$ES_VERSION.zip" "$ZIP"
    rm -rf "$tmp"
}

# Unpacks the distribution and installs the plugin, unless the installed node is current.
install_node() {
    local want marker="$BASE/dist/installed"
    want="es=$ES_VERSION plugin=$(plugin_hash)"
    if [ -x "$ES_HOME/bin/elasticsearch" ] && [ "$(cat "$marker" 2> /dev/null)" = "$want" ]; then
        return 0
    fi
    [ -x "$JAVA_HOME_DIR/bin/javac" ] || missing "javac not found in $JAVA_HOME_DIR: a full JDK 17 is needed to build the analysis plugin (Debian: apt-get install openjdk-17-jdk-headless)"
    if [ ! -x "$ES_HOME/bin/elasticsearch" ] || ! grep -q "^es=$ES_VERSION " "$marker" 2> /dev/null; then
        download
        log "unpacking Elasticsearch $ES_VERSION into $BASE/dist"
        rm -rf "$BASE/dist" "$BASE/dist.tmp"
        mkdir -p "$BASE/dist.tmp"
        unzip -q "$ZIP" -d "$BASE/dist.tmp"
        mv "$BASE/dist.tmp" "$BASE/dist"
    fi
    rm -f "$marker"
    log "building the analysis plugin"
    local plugin_zip
    plugin_zip="$(PATH="$JAVA_HOME_DIR/bin:$PATH" "$PLUGIN_SRC/build.sh" "$ES_HOME/lib" "$BASE/build" | tail -n1)" \
        || die "building the analysis plugin failed (search/analysis-plugin/build.sh)"
    if [ -d "$ES_HOME/plugins/$PLUGIN_NAME" ]; then
        ES_JAVA_HOME="$JAVA_HOME_DIR" CLI_JAVA_OPTS=-Xmx1g "$ES_HOME/bin/elasticsearch-plugin" remove --purge "$PLUGIN_NAME" \
            < /dev/null >&2 9>&-
    fi
    log "installing the analysis plugin into this local node"
    ES_JAVA_HOME="$JAVA_HOME_DIR" CLI_JAVA_OPTS=-Xmx1g "$ES_HOME/bin/elasticsearch-plugin" install --batch "file://$plugin_zip" \
        < /dev/null >&2 9>&- || die "plugin install failed"
    echo "$want" > "$marker"
}

# Node directories of checkouts that are gone (CI clones into temporary directories) and not running.
sweep_stale_bases() {
    local dir repo pid
    for dir in /var/tmp/portal-es-*; do
        [ -d "$dir" ] && [ "$dir" != "$BASE" ] && [ -f "$dir/checkout" ] || continue
        [ "$(stat -c %u "$dir")" = 0 ] || continue
        repo="$(cat "$dir/checkout")"
        [ -n "$repo" ] && [ ! -e "$repo" ] || continue
        pid="$(tr -dc '0-9' 2> /dev/null < "$dir/run/elasticsearch.pid" || true)"
        if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
            continue
        fi
        log "removing the node files of a checkout that no longer exists: $dir ($repo)"
        rm -rf "$dir"
    done
}

prepare_base() {
    if is_root; then
        # /var/tmp is world-writable: only use a base that root owns; the node's user must traverse it.
        if [ -e "$BASE" ] && [ "$(stat -c %u "$BASE")" != 0 ]; then
            die "$BASE exists and is not owned by root; remove it"
        fi
        mkdir -p "$BASE"
        chmod 755 "$BASE"
        printf '%s\n' "$REPO" > "$BASE/checkout"
        sweep_stale_bases
    else
        mkdir -p "$BASE"
    fi
}

# Node-writable directories; for --test fresh data and logs.
prepare_dirs() {
    local data="$BASE/data" logs="$BASE/logs"
    if [ "$MODE" = test ]; then
        rm -rf "$BASE/test"
        data="$BASE/test/data"
        logs="$BASE/test/logs"
    fi
    mkdir -p "$BASE/config" "$BASE/run" "$BASE/tmp" "$data" "$logs"
    rm -f "$PIDFILE"
    DATA_DIR="$data"
    LOGS_DIR="$logs"
}

write_config() {
    local conf="$BASE/config" loc
    cp -f "$ES_HOME/config/jvm.options" "$ES_HOME/config/log4j2.properties" "$conf/"
    mkdir -p "$conf/jvm.options.d"
    rm -rf "$conf/hunspell"
    for loc in $HUNSPELL_LOCALES; do
        if [ -f "/usr/share/hunspell/$loc.aff" ] && [ -f "/usr/share/hunspell/$loc.dic" ]; then
            mkdir -p "$conf/hunspell/$loc"
            cp -L "/usr/share/hunspell/$loc.aff" "/usr/share/hunspell/$loc.dic" "$conf/hunspell/$loc/"
        fi
    done
    cat > "$conf/elasticsearch.yml" << EOF
# Written by scripts/elasticsearch.sh on each start: local development/test node, do not edit.
cluster.name: portal-local
node.name: portal-local
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
path.data: $DATA_DIR
path.logs: $LOGS_DIR
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
indices.analysis.hunspell.dictionary.lazy: true
EOF
    if is_root; then
        chown -R "$ES_USER:$ES_USER" "$conf" "$BASE/run" "$BASE/tmp" "$DATA_DIR" "$LOGS_DIR"
        [ "$MODE" = test ] && chown "$ES_USER:$ES_USER" "$BASE/test"
    fi
    return 0
}

cmd_start() {
    local want_mode=dev
    while [ $# -gt 0 ]; do
        case "$1" in
            --test) want_mode=test ;;
            *) die "unknown option for start: $1" ;;
        esac
        shift
    done
    find_java
    lock
    load_state

    local pid
    if pid="$(running_pid)"; then
        [ -n "$URL" ] || die "a node (pid $pid) is running but its URL is unknown ($STATE_FILE missing); try: $0 stop"
        local i
        for ((i = 0; i < START_TIMEOUT; i++)); do
            healthy "$URL" && break
            sleep 1
        done
        healthy "$URL" || die "node (pid $pid) is running but $URL/_cluster/health does not answer; try: $0 stop"
        [ "$MODE" = "$want_mode" ] || log "note: the running node was started in $MODE mode; not restarting it"
        [ "$(cat "$BASE/dist/installed" 2> /dev/null)" = "es=$ES_VERSION plugin=$(plugin_hash)" ] \
            || log "note: the analysis plugin source changed since this node started; stop and start it to rebuild"
        echo "$URL"
        return 0
    fi
    clear_state

    MODE="$want_mode"
    ensure_user
    prepare_base
    install_node
    prepare_dirs
    PORT="$(pick_port)"
    write_config
    URL="http://127.0.0.1:$PORT"

    log "starting Elasticsearch $ES_VERSION ($MODE) on $URL, files in $BASE"
    if ! (cd "$BASE" && as_node_user ES_PATH_CONF="$BASE/config" ES_TMPDIR="$BASE/tmp" ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
        "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" < /dev/null > "$LOGS_DIR/launcher.out" 2>&1 9>&-); then
        tail -n 40 "$LOGS_DIR/launcher.out" >&2 2> /dev/null || true
        die "Elasticsearch did not start (logs: $LOGS_DIR)"
    fi
    save_state
    local waited=0
    until healthy "$URL"; do
        if ! running_pid > /dev/null; then
            tail -n 40 "$LOGS_DIR/portal-local.log" >&2 2> /dev/null || true
            clear_state
            die "Elasticsearch exited during startup (logs: $LOGS_DIR)"
        fi
        if [ "$waited" -ge "$START_TIMEOUT" ]; then
            die "Elasticsearch did not answer $URL/_cluster/health within ${START_TIMEOUT}s (logs: $LOGS_DIR); $0 stop"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    log "Elasticsearch is up"
    echo "$URL"
}

cmd_stop() {
    lock
    load_state
    local pid
    if pid="$(running_pid)"; then
        log "stopping Elasticsearch (pid $pid)"
        kill -TERM "$pid" 2> /dev/null || true
        local i
        for ((i = 0; i < 60; i++)); do
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2> /dev/null; then
            log "still running after 30s: killing it"
            kill -KILL "$pid" 2> /dev/null || true
            for ((i = 0; i < 20; i++)); do
                kill -0 "$pid" 2> /dev/null || break
                sleep 0.5
            done
        fi
    else
        log "not running"
    fi
    rm -f "$PIDFILE"
    if [ "$MODE" = test ] && [ -d "$BASE/test" ]; then
        rm -rf "$BASE/test"
    fi
    clear_state
}

cmd_url() {
    load_state
    if running_pid > /dev/null && [ -n "$URL" ]; then
        echo "$URL"
    else
        log "no running node"
        return 1
    fi
}

cmd_status() {
    load_state
    local pid installed
    installed="$(cat "$BASE/dist/installed" 2> /dev/null || echo 'not installed')"
    echo "node files:  $BASE"
    echo "installed:   $installed (current plugin source: $(plugin_hash))"
    if pid="$(running_pid)"; then
        echo "state:       running, pid $pid, mode $MODE"
        echo "url:         $URL"
        local health
        if health="$(http_get "$URL/_cluster/health")"; then
            echo "health:      $(echo "$health" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
        else
            echo "health:      not answering"
        fi
    else
        echo "state:       stopped"
    fi
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    *)
        echo "usage: $0 start [--test] | stop | status | url" >&2
        exit 64
        ;;
esac
