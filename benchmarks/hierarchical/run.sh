#!/usr/bin/env bash
# Agglomerative clustering benchmark: the engine against scikit-learn's AgglomerativeClustering on the same Gaussian
# blobs (10 centres, 32 dimensions), side by side in one run. Prints JSON lines (seconds and peak RSS per run) and the
# ARI between the two partitions; writes them to results/<UTC stamp>.jsonl.
#
# Needs: Java 17, the library jars (./mvnw -B -o -ntp package -DskipTests -pl plugins/org.deepcluster.libs,
#   plugins/org.deepcluster.libs.linux.x86_64), /usr/bin/time and /usr/bin/python3 with scikit-learn.
# Usage: benchmarks/hierarchical/run.sh [SIZES] [LINKAGES] [REPEATS]
#   e.g. benchmarks/hierarchical/run.sh "5000 20000" "ward" 3      (the issue's benchmark rows; the default)
#        benchmarks/hierarchical/run.sh "2000" "ward complete average single" 1   (a quick check)
# Environment: JAVA_OPTS (default -Xmx8g), D (dimensions, default 32), K (clusters, default 10).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes="${1:-5000 20000}"
linkages="${2:-ward}"
repeats="${3:-3}"
d="${D:-32}"
k="${K:-10}"
py=/usr/bin/python3
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar "$root"/plugins/org.deepcluster.libs.linux.x86_64/lib/*.jar)
[[ -f "${libs[0]}" ]] || { echo "library jars missing: ./mvnw -B -o -ntp package -DskipTests -pl plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64" >&2; exit 1; }
build="$here/build"
rm -rf "$build" && mkdir -p "$build/classes"
cp="$(IFS=:; echo "${libs[*]}")"
javac -nowarn -encoding UTF-8 -d "$build/classes" -cp "$cp" \
  $(find "$root/plugins/org.deepcluster.core/src/main/java" -name '*.java') \
  "$here/src/org/deepcluster/core/cluster/hierarchical/AgglomerativeBenchmark.java" 2> >(grep -v '^Note:' >&2)
cp="$build/classes:$cp"
mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
echo "{\"machine\": \"$(uname -m), $(nproc) cores\", \"java\": \"$(java -version 2>&1 | head -1 | tr -d '"')\"}" | tee -a "$out"
measure() { # LABEL COMMAND...: runs it, adds peak RSS (MB) of the whole process to each JSON line
  local log="$build/time.log"
  /usr/bin/time -v -o "$log" "$@" > "$build/lines.jsonl"
  local rss; rss="$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$log")"
  sed "s/}\$/, \"peak_rss_mb\": $rss}/" "$build/lines.jsonl" | tee -a "$out"
}
for n in $sizes; do
  "$py" "$here/make_data.py" "$n" "$d" "$build/data.bin"
  for linkage in $linkages; do
    measure java ${JAVA_OPTS:--Xmx8g} -cp "$cp" org.deepcluster.core.cluster.hierarchical.AgglomerativeBenchmark \
      "$build/data.bin" "$n" "$d" "$linkage" "$k" "$repeats" "$build/engine.labels"
    measure "$py" "$here/sklearn_agglomerative.py" "$build/data.bin" "$n" "$d" "$linkage" "$k" "$repeats" \
      "$build/sklearn.labels"
    "$py" -c "import sys, numpy as np; from sklearn.metrics import adjusted_rand_score as a; \
print('{\"n\": $n, \"linkage\": \"$linkage\", \"ari_engine_vs_sklearn\": %.6f}' % a(np.loadtxt(sys.argv[1]), np.loadtxt(sys.argv[2])))" \
      "$build/engine.labels" "$build/sklearn.labels" | tee -a "$out"
  done
done
