#!/usr/bin/env bash
# Quick developer loop for the engine bundle (org.deepcluster.core): compiles its main and test sources with javac
# against the library jars and runs the named JUnit 5 test classes with the console launcher, without Maven/Tycho.
# Much faster than the reactor for one test class; the reactor (`./mvnw clean verify`) stays the reference.
#
# Needs: the library jars copied once by the reactor (./mvnw -B -o -ntp package -DskipTests -pl
#   plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64) and the JUnit console launcher in the
#   local Maven repository (the reactor's test runs put it there).
# Usage: releng/dev-test.sh org.deepcluster.core.cluster.KMeansTest [more classes...]
#        releng/dev-test.sh --package org.deepcluster.core.cluster
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${DEV_TEST_OUT:-/tmp/dev-test-$(echo "$root" | tr '/' '_')}"
console="$(ls ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/*/junit-platform-console-standalone-*.jar | head -1)"
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar "$root"/plugins/org.deepcluster.libs.linux.x86_64/lib/*.jar)
if [[ ! -f "${libs[0]}" ]]; then
  echo "library jars missing: ./mvnw -B -o -ntp package -DskipTests -pl plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64" >&2
  exit 1
fi
cp="$(IFS=:; echo "${libs[*]}")"
core="$root/plugins/org.deepcluster.core"
rm -rf "$out" && mkdir -p "$out/main" "$out/test"
compile() { # DIR CLASSPATH SOURCE_ROOT
  if ! javac -nowarn -encoding UTF-8 -d "$1" -cp "$2" $(find "$3" -name '*.java') > "$out/javac.log" 2>&1; then
    grep -v '^Note:' "$out/javac.log" >&2
    echo "compilation of $3 failed" >&2
    exit 1
  fi
}
compile "$out/main" "$cp" "$core/src/main/java"
compile "$out/test" "$out/main:$cp:$console" "$core/src/test/java"
[[ -d "$core/src/test/resources" ]] && cp -r "$core/src/test/resources/." "$out/test/"
selectors=()
if [[ "${1:-}" == "--package" ]]; then
  selectors+=(--select-package "$2")
else
  for c in "$@"; do selectors+=(--select-class "$c"); done
fi
java -Xmx4g -jar "$console" execute --class-path "$out/test:$out/main:$cp" --disable-banner --details=tree "${selectors[@]}"
