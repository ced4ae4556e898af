#!/usr/bin/env bash
# Clustering benchmark: our engine against scikit-learn, side by side in one run, on the same Gaussian blobs in 32
# dimensions (10 centres; make_data.py writes them once as raw float64 so both sides read identical numbers).
# Cases (issue 5): k-means 10k/100k/1M rows (k=10, one k-means++ init, at most 100 Lloyd iterations), diagonal GMM
# 10k/100k (k=10, k-means init, one init, at most 100 EM iterations), DBSCAN 10k/100k (eps=6, min_samples=10),
# HDBSCAN 10k/100k (min_cluster_size=50; engine only: scikit-learn 1.2.1 has no HDBSCAN), ward 5k/20k (k=10),
# OPTICS 10k (min_samples=10, xi=0.05, no max_eps).
# Each run is a fresh process measured by /usr/bin/time -v (peak RSS); seconds are the fit alone, timed inside; each
# process fits several times (first, second = "warm", median of fits 3-7 = "later"; see ClusteringBenchmark.java).
# Writes results/<stamp>.jsonl and RESULTS.md (summarize.py).
#
# Needs: Java 17, /usr/bin/time, /usr/bin/python3 with scikit-learn (Debian python3-sklearn), the library jars
# (./mvnw -B -o -ntp package -DskipTests -pl plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64).
# Usage: benchmarks/clustering/run.sh [CASE_FILTER_REGEX]   (e.g. 'kmeans|ward'; default: all cases)
#        environment: DATA_DIR (default /tmp/deepcluster-clustering-bench), REPEATS (default 1)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
filter="${1:-.}"
repeats="${REPEATS:-1}"
data="${DATA_DIR:-/tmp/deepcluster-clustering-bench}"
py=/usr/bin/python3

libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar "$root"/plugins/org.deepcluster.libs.linux.x86_64/lib/*.jar)
[[ -f "${libs[0]}" ]] || { echo "library jars missing: see the header of $0" >&2; exit 1; }
build="$here/build"
rm -rf "$build" && mkdir -p "$build/engine" "$build/bench"
cp="$(IFS=:; echo "${libs[*]}")"
javac -nowarn -encoding UTF-8 -d "$build/engine" -cp "$cp" \
  $(find "$root/plugins/org.deepcluster.core/src/main/java" -name '*.java') > "$build/javac.log" 2>&1 \
  || { cat "$build/javac.log" >&2; exit 1; }
javac -nowarn -encoding UTF-8 -d "$build/bench" -cp "$build/engine:$cp" "$here/src/ClusteringBenchmark.java"
cp="$build/bench:$build/engine:$cp"

"$py" "$here/make_data.py" "$data" 5000 10000 20000 100000 1000000

mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

run() { # CASE IMPL COMMAND...
  local case="$1" impl="$2"; shift 2
  echo "== $case $impl" >&2
  local log="$build/time.log" res="$build/result.json" load_before
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  if ! /usr/bin/time -v -o "$log" "$@" > "$res" 2> "$build/stderr.log"; then
    echo "   failed: $(tail -3 "$build/stderr.log")" >&2
    "$py" -c 'import json,sys; print(json.dumps({"case": sys.argv[1], "impl": sys.argv[2], "failed": True}))' \
      "$case" "$impl" >> "$out"
    return 0
  fi
  "$py" - "$case" "$log" "$res" "$machine" "$load_before" >> "$out" <<'PY'
import json, sys
case, log, res, machine, load = sys.argv[1:6]
r = json.loads([l for l in open(res) if l.startswith("{")][-1])
rss = [l.split(":")[1] for l in open(log) if "Maximum resident set size" in l][0]
r.update({"case": case, "max_rss_kb": int(rss), "machine": machine, "load_before": float(load)})
print(json.dumps(r))
PY
}

cases=(
  "kmeans 10000 k=10" "kmeans 100000 k=10" "kmeans 1000000 k=10"
  "gmm_diag 10000 k=10" "gmm_diag 100000 k=10"
  "dbscan 10000 eps=6 min_samples=10" "dbscan 100000 eps=6 min_samples=10"
  "hdbscan 10000 min_cluster_size=50" "hdbscan 100000 min_cluster_size=50"
  "ward 5000 k=10" "ward 20000 k=10"
  "optics 10000 min_samples=10"
)
for rep in $(seq 1 "$repeats"); do
  for c in "${cases[@]}"; do
    read -r algorithm rows opts <<< "$c"
    name="$algorithm $rows"
    [[ "$name" =~ $filter ]] || continue
    file="$data/blobs-$rows.f64"
    run "$name" engine java -Xmx10g -cp "$cp" ClusteringBenchmark "$algorithm" "$file" $opts
    if [[ "$algorithm" != hdbscan ]]; then
      run "$name" scikit-learn "$py" "$here/sklearn_bench.py" "$algorithm" "$file" $opts
    fi
  done
done
# only this run: older files in results/ may come from older code (regenerate a report from several runs with
# summarize.py FILE...)
"$py" "$here/summarize.py" "$out" > "$here/RESULTS.md"
echo "wrote $out and $here/RESULTS.md" >&2
