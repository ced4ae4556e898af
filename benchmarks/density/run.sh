#!/usr/bin/env bash
# Density benchmark: DBSCAN, OPTICS (engine vs scikit-learn on the same data file) and HDBSCAN (engine only:
# scikit-learn 1.2.1 has none), Gaussian blobs with 32 columns; plus the neighbour-index comparison (our ball tree vs
# Smile's KDTree and CoverTree vs brute force). Prints JSON lines; appends them to results/<stamp>.jsonl.
#
# Needs: the engine classes (releng/dev-test.sh compiles them to /tmp/dev-test-*/main, or the reactor's
#   plugins/org.deepcluster.core/target/classes: set ENGINE=path), the library jars, /usr/bin/python3 with sklearn.
# Usage: benchmarks/density/run.sh [SIZES...]   default sizes: 10000
#   environment: EPS (DBSCAN eps, default 6.5), MINPTS (10), OPTICS_MAX_EPS (inf), XI (0.05), MCS (HDBSCAN
#   min cluster size, 25), SKIP_SKLEARN=1, SKIP_INDEX=1, SKIP_OPTICS=1, SKIP_HDBSCAN=1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py=/usr/bin/python3
engine="${ENGINE:-$root/plugins/org.deepcluster.core/target/classes}"
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar)
if [[ ! -f "$engine/org/deepcluster/core/cluster/density/Dbscan.class" ]]; then
  echo "engine classes missing in $engine: build the engine (./mvnw ... -pl ...,plugins/org.deepcluster.core) or set ENGINE" >&2
  exit 1
fi
build="$here/build"
rm -rf "$build" && mkdir -p "$build/engine" "$build/bench" "$here/results"
cp -r "$engine/." "$build/engine/"
cp="$build/engine:$(IFS=:; echo "${libs[*]}")"
javac -nowarn -d "$build/bench" -cp "$cp" "$here/src/org/deepcluster/core/cluster/density/DensityBenchmark.java"
cp="$build/bench:$cp"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
d=32
eps="${EPS:-6.5}"; minpts="${MINPTS:-10}"; maxeps="${OPTICS_MAX_EPS:-inf}"; xi="${XI:-0.05}"; mcs="${MCS:-25}"
java=(java -Xmx6g -cp "$cp" org.deepcluster.core.cluster.density.DensityBenchmark)
for n in "${@:-10000}"; do
  data="$build/blobs_${n}x$d.bin"
  "$py" "$here/sklearn_density.py" make "$data" "$n" "$d" 0
  {
    "${java[@]}" "$data" "$n" "$d" dbscan "$eps" "$minpts"
    [[ -n "${SKIP_SKLEARN:-}" ]] || "$py" "$here/sklearn_density.py" dbscan "$data" "$n" "$d" "$eps" "$minpts"
    if [[ -z "${SKIP_OPTICS:-}" ]]; then
      "${java[@]}" "$data" "$n" "$d" optics "$minpts" "$maxeps" "$xi"
      [[ -n "${SKIP_SKLEARN:-}" ]] || "$py" "$here/sklearn_density.py" optics "$data" "$n" "$d" "$minpts" "$maxeps" "$xi"
    fi
    [[ -n "${SKIP_HDBSCAN:-}" ]] || "${java[@]}" "$data" "$n" "$d" hdbscan "$mcs"
    [[ -n "${SKIP_INDEX:-}" ]] || "${java[@]}" "$data" "$n" "$d" index 10
  } | tee -a "$out"
done
echo "results: $out" >&2
