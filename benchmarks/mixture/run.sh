#!/usr/bin/env bash
# Gaussian mixture timing, engine vs scikit-learn, side by side in one run, on the same data (scikit-learn's
# make_blobs, written to a file): diagonal GMM on Gaussian blobs with 32
# dimensions, k = 10, one k-means initialisation, at most 100 EM iterations, for each size in SIZES; once with
# tol 1e-3 (the default: both stop when converged) and once with tol 0 (exactly 100 iterations each, so the time per
# iteration compares directly). Prints JSON lines (also appended to results/<stamp>.jsonl).
#
# Needs: the engine compiled (releng/dev-test.sh compiles it into /tmp/dev-test-*; or the reactor's target/classes),
#   Java 17, /usr/bin/python3 with scikit-learn.
# Usage: benchmarks/mixture/run.sh [REPEATS]   (environment: SIZES="10000 100000" TYPE=diag DIMS=32 K=10)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-3}"
sizes="${SIZES:-10000 100000}"
type="${TYPE:-diag}"
dims="${DIMS:-32}"
k="${K:-10}"
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar)
build="$here/build"
rm -rf "$build" && mkdir -p "$build/engine" "$build/bench"
javac -nowarn -encoding UTF-8 -d "$build/engine" -cp "$(IFS=:; echo "${libs[*]}")" \
  $(find "$root/plugins/org.deepcluster.core/src/main/java" -name '*.java')
cp="$build/engine:$(IFS=:; echo "${libs[*]}")"
javac -nowarn -encoding UTF-8 -d "$build/bench" -cp "$cp" "$here/src/org/deepcluster/core/cluster/mixture/GaussianMixtureBenchmark.java"
mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
for n in $sizes; do
  data="$build/blobs-$n.f64"
  /usr/bin/python3 "$here/sklearn_gmm.py" --write-data "$data" "$n" "$dims" "$k"
  for tol in 1e-3 0; do
    java -Xmx8g -cp "$build/bench:$cp" org.deepcluster.core.cluster.mixture.GaussianMixtureBenchmark \
      "$data" "$n" "$dims" "$k" "$type" 100 "$tol" 1 "$repeats" 2>/dev/null | tee -a "$out"
    /usr/bin/python3 "$here/sklearn_gmm.py" "$data" "$n" "$dims" "$k" "$type" 100 "$tol" 1 "$repeats" | tee -a "$out"
  done
done
echo "results: $out" >&2
