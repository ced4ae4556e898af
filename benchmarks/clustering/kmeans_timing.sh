#!/usr/bin/env bash
# Quick side-by-side k-means timing, ours vs scikit-learn (not the real benchmark; the lead's benchmark command
# records seconds and memory properly). Compiles the engine sources with javac (no Maven; the library jars must
# have been copied once, as for releng/dev-test.sh) and runs both on the same Gaussian blobs.
# Usage: benchmarks/clustering/kmeans_timing.sh [ROWS] [DIMS] [K] [REPEATS]   (default 100000 32 10 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-100000}"; dims="${2:-32}"; k="${3:-10}"; repeats="${4:-3}"
out="$(mktemp -d /tmp/kmeans-timing.XXXXXX)"
cp="$(ls "$root"/plugins/org.deepcluster.libs/lib/*.jar | tr '\n' ':')"
javac -nowarn -encoding UTF-8 -d "$out/classes" -cp "$cp" \
  $(find "$root/plugins/org.deepcluster.core/src/main/java" -name '*.java') "$here/src/KMeansTiming.java" 2>&1 \
  | grep -v '^Note:' || true
/usr/bin/python3 "$here/kmeans_timing.py" "$rows" "$dims" "$k" "$out/blobs.bin" "$repeats"
for algorithm in lloyd elkan; do
  java -cp "$out/classes:$cp" KMeansTiming "$out/blobs.bin" "$dims" "$k" "$repeats" "$algorithm"
done
rm -rf "$out"
