#!/usr/bin/env bash
# Builds the portal-analysis stable plugin zip with plain javac (no Maven/Gradle).
#
#   build.sh ES_LIB_DIR OUT_DIR
#
# ES_LIB_DIR: lib/ of the Elasticsearch distribution (holds the plugin API and Lucene jars).
# OUT_DIR:    where to build; the plugin ends up as OUT_DIR/portal-analysis.zip (path printed on stdout).
set -euo pipefail

PLUGIN_NAME=portal-analysis
PLUGIN_VERSION=1.0.0

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
lib="${1:?usage: build.sh ES_LIB_DIR OUT_DIR}"
out="${2:?usage: build.sh ES_LIB_DIR OUT_DIR}"

api_jar="$(ls "$lib"/elasticsearch-plugin-api-*.jar)"
es_version="$(basename "$api_jar" .jar)"
es_version="${es_version#elasticsearch-plugin-api-}"
cp="$api_jar:$(ls "$lib"/elasticsearch-plugin-analysis-api-*.jar):$(ls "$lib"/lucene-core-*.jar):$(ls "$lib"/lucene-analysis-common-*.jar)"

rm -rf "$out/classes" "$out/stage" "$out/$PLUGIN_NAME.zip"
mkdir -p "$out/classes" "$out/stage"

find "$here/src" -name '*.java' | sort > "$out/sources.txt"
javac --release 17 -encoding UTF-8 -nowarn -cp "$cp" -d "$out/classes" @"$out/sources.txt"

# The installer's own scan misses TokenizerFactory components: ship our own list.
java -cp "$cp" "$here/tools/NamedComponents.java" "$out/classes" > "$out/stage/named_components.json"

jar --create --file "$out/stage/$PLUGIN_NAME-$PLUGIN_VERSION.jar" -C "$out/classes" .
cat > "$out/stage/stable-plugin-descriptor.properties" <<PROPS
description=Portal analysis components for the local core-only Elasticsearch node (analysis-common names and settings)
version=$PLUGIN_VERSION
name=$PLUGIN_NAME
java.version=17
elasticsearch.version=$es_version
PROPS

(cd "$out/stage" && jar --create --no-manifest --file "../$PLUGIN_NAME.zip" .)
echo "$out/$PLUGIN_NAME.zip"
