#!/usr/bin/env bash
# Encoder benchmark: the same dense autoencoder (2000 -> 512 -> 128 -> 32 -> 128 -> 512 -> 2000, ReLU, MSE,
# Adam 1e-3, batch 256) trained by our engine (DL4J 1.0.0-M2.1, generic nd4j-native jar) and by PyTorch, in the same
# run, on synthetic low-rank float data:
#   (a) 2,100 x 2,000, A_EPOCHS epochs, every thread setting we tried (the tuning log)
#   (b) 100,000 x 2,000, B_EPOCHS epochs, the chosen setting against PyTorch
# Writes results/*.jsonl (one JSON line per run, with /usr/bin/time's peak RSS) and RESULTS.md.
#
# Needs: a built engine (./mvnw -B -o -ntp clean verify -pl plugins/org.deepcluster.libs,\
#   plugins/org.deepcluster.libs.linux.x86_64,plugins/org.deepcluster.core), Java 17, /usr/bin/time and
#   /usr/bin/python3 with torch (Debian: apt-get install -y python3-torch).
# Usage: benchmarks/encoder/run.sh [REPEATS]   (environment: A_EPOCHS=6 B_EPOCHS=2 SKIP_A=1 SKIP_B=1 B_DL4J_FIT=1)
# Several result files can be merged into one report: /usr/bin/python3 summarize.py results/A.jsonl results/B.jsonl
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-2}"
a_epochs="${A_EPOCHS:-6}"
b_epochs="${B_EPOCHS:-2}"
py=/usr/bin/python3
cores="$(nproc)"

classes="$root/plugins/org.deepcluster.core/target/classes"
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar "$root"/plugins/org.deepcluster.libs.linux.x86_64/lib/*.jar)
if [[ ! -f "$classes/org/deepcluster/core/encode/EncoderTrainer.class" || ! -f "${libs[0]}" ]]; then
  echo "build the engine first: ./mvnw -B -o -ntp clean verify -pl plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64,plugins/org.deepcluster.core" >&2
  exit 1
fi
"$py" -c "import torch" 2>/dev/null || { echo "PyTorch missing: apt-get update && apt-get install -y python3-torch" >&2; exit 1; }

# The engine's classes are copied, so that a concurrent rebuild of the module cannot pull them away mid-run.
build="$here/build"
rm -rf "$build" && mkdir -p "$build/engine" "$build/bench"
cp -r "$classes/." "$build/engine/"
cp="$build/engine:$(IFS=:; echo "${libs[*]}")"
javac -nowarn -d "$build/bench" -cp "$cp" "$here/src/org/deepcluster/core/encode/EncoderBenchmark.java"
cp="$build/bench:$cp"

results="$here/results"
mkdir -p "$results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$results/$stamp.jsonl"

# run LABEL ENV... -- COMMAND...: one measured run; appends {"label", "env", "max_rss_kb", "elapsed_s", ...result}.
run() {
  local label="$1"; shift
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  local log="$build/time.log" res="$build/result.json"
  echo "== $label" >&2
  env "${envs[@]}" /usr/bin/time -v -o "$log" "$@" > "$res"
  local rss elapsed
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")"
  "$py" - "$label" "${envs[*]:-}" "$rss" "$elapsed" "$res" >> "$out" <<'PY'
import json, sys
label, envs, rss, elapsed, res = sys.argv[1:6]
parts = [float(p) for p in elapsed.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
line = [l for l in open(res) if l.startswith("{")][-1]
r = json.loads(line)
r.update({"label": label, "env": envs, "max_rss_kb": int(rss), "elapsed_s": round(seconds, 2)})
print(json.dumps(r))
PY
}

jvm=(java -Xmx3g -cp "$cp")
main=org.deepcluster.core.encode.EncoderBenchmark
nd4j_defaults=-Dorg.deepcluster.nativeTuning=false
dl4j_fit=-Dorg.deepcluster.dl4jFit=true
torch=("$py" "$here/torch_ae.py")
for rep in $(seq 1 "$repeats"); do
  [[ -n "${SKIP_A:-}" ]] && break
  # (a) the tuning log, interleaved with PyTorch so that machine noise hits every setting alike
  run "a: DL4J fit(), ND4J thread defaults" -- "${jvm[@]}" $nd4j_defaults $dl4j_fit $main 2100 "$a_epochs"
  run "a: DL4J fit(), ND4J thread defaults, OMP_NUM_THREADS=1" OMP_NUM_THREADS=1 -- \
    "${jvm[@]}" $nd4j_defaults $dl4j_fit $main 2100 "$a_epochs"
  run "a: DL4J fit(), engine thread settings" -- "${jvm[@]}" $dl4j_fit $main 2100 "$a_epochs"
  run "a: engine (DenseTrainer, engine thread settings)" -- "${jvm[@]}" $main 2100 "$a_epochs"
  run "a: engine, BLAS on 1 thread" -- "${jvm[@]}" -Dorg.deepcluster.blasThreads=1 $main 2100 "$a_epochs"
  run "a: engine, OMP_NUM_THREADS=1" OMP_NUM_THREADS=1 -- "${jvm[@]}" $main 2100 "$a_epochs"
  run "a: PyTorch, set_num_threads($cores)" -- "${torch[@]}" 2100 "$a_epochs" "$cores"
  run "a: PyTorch, set_num_threads(1), OpenBLAS on all cores" -- "${torch[@]}" 2100 "$a_epochs" 1
  run "a: PyTorch, 1 thread (set_num_threads(1), OPENBLAS_NUM_THREADS=1)" OPENBLAS_NUM_THREADS=1 -- \
    "${torch[@]}" 2100 "$a_epochs" 1
done
if [[ -z "${SKIP_B:-}" ]]; then
  run "b: engine (DenseTrainer, engine thread settings)" -- "${jvm[@]}" $main 100000 "$b_epochs"
  run "b: PyTorch, set_num_threads(1), OpenBLAS on all cores" -- "${torch[@]}" 100000 "$b_epochs" 1
  [[ -z "${SKIP_B_TORCH2:-}" ]] && run "b: PyTorch, set_num_threads($cores)" -- "${torch[@]}" 100000 "$b_epochs" "$cores"
  if [[ -n "${B_DL4J_FIT:-}" ]]; then
    run "b: DL4J fit(), engine thread settings" -- "${jvm[@]}" $dl4j_fit $main 100000 "$b_epochs"
  fi
fi
"$py" "$here/summarize.py" "$out" > "$here/RESULTS.md"
echo "wrote $out and $here/RESULTS.md" >&2
