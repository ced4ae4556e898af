#!/usr/bin/env bash
# CAE benchmark: the same convolutional autoencoder (28 x 28 x 1 -> conv 16, pool, conv 8, pool -> 10 -> mirrored
# decoder; ReLU, MSE, Adam 1e-3, batch 256) trained by our engine (ConvTrainer), by DL4J's own convolution layers
# (the engine before ConvTrainer, -Dorg.deepcluster.dl4jFit=true) and by PyTorch, in the same run, on the same images:
#   (a) the 780 BreastMNIST images (../shared/data; skipped when missing), A_EPOCHS epochs
#   (b) B_ROWS synthetic images (make_images.py), B_EPOCHS epochs
# Writes results/<stamp>.jsonl (one JSON line per run, with /usr/bin/time's peak RSS) and RESULTS.md.
#
# Needs: a built engine (./mvnw -B -o -ntp clean verify -DskipTests -pl plugins/org.deepcluster.libs,\
#   plugins/org.deepcluster.libs.linux.x86_64,plugins/org.deepcluster.core), Java 17, /usr/bin/time and
#   /usr/bin/python3 with torch and numpy (Debian: apt-get install -y python3-torch).
# Usage: benchmarks/cae/run.sh [REPEATS]   (environment: A_EPOCHS=10 B_ROWS=20000 B_EPOCHS=3 DL4J_EPOCHS=2
#        DATA=/work/shared/data SKIP_DL4J=1)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-2}"
a_epochs="${A_EPOCHS:-10}"
b_rows="${B_ROWS:-20000}"
b_epochs="${B_EPOCHS:-3}"
dl4j_epochs="${DL4J_EPOCHS:-2}"
data="${DATA:-/work/shared/data}"
py=/usr/bin/python3
cores="$(nproc)"

classes="$root/plugins/org.deepcluster.core/target/classes"
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar "$root"/plugins/org.deepcluster.libs.linux.x86_64/lib/*.jar)
if [[ ! -f "$classes/org/deepcluster/core/encode/ConvTrainer.class" || ! -f "${libs[0]}" ]]; then
  echo "build the engine first: ./mvnw -B -o -ntp clean verify -DskipTests -pl plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64,plugins/org.deepcluster.core" >&2
  exit 1
fi
"$py" -c "import torch, numpy" 2>/dev/null || { echo "PyTorch missing: apt-get update && apt-get install -y python3-torch" >&2; exit 1; }

# The engine's classes are copied, so that a concurrent rebuild of the module cannot pull them away mid-run.
build="$here/build"
rm -rf "$build" && mkdir -p "$build/engine" "$build/bench" "$build/images"
cp -r "$classes/." "$build/engine/"
cp="$build/engine:$(IFS=:; echo "${libs[*]}")"
javac -nowarn -d "$build/bench" -cp "$cp" "$here/src/org/deepcluster/core/encode/CaeBenchmark.java"
cp="$build/bench:$cp"
"$py" "$here/make_images.py" "$build/images" "$b_rows" "$data"

results="$here/results"
mkdir -p "$results"
out="$results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"

# run LABEL ENV... -- COMMAND...: one measured run; appends {"label", "env", "max_rss_kb", "elapsed_s", "load", ...}.
run() {
  local label="$1"; shift
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  local log="$build/time.log" res="$build/result.json" load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "== $label (load $load)" >&2
  env "${envs[@]}" /usr/bin/time -v -o "$log" "$@" > "$res"
  local rss elapsed
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")"
  "$py" - "$label" "${envs[*]:-}" "$rss" "$elapsed" "$res" "$load" >> "$out" <<'PY'
import json, sys
label, envs, rss, elapsed, res, load = sys.argv[1:7]
parts = [float(p) for p in elapsed.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
line = [l for l in open(res) if l.startswith("{")][-1]
r = json.loads(line)
r.update({"label": label, "env": envs, "max_rss_kb": int(rss), "elapsed_s": round(seconds, 2), "load": float(load)})
print(json.dumps(r))
PY
}

jvm=(java -Xmx3g -cp "$cp")
main=org.deepcluster.core.encode.CaeBenchmark
torch=("$py" "$here/torch_cae.py")
a="$build/images/breastmnist.f32"
b="$build/images/synthetic.f32"
for rep in $(seq 1 "$repeats"); do
  if [[ -f "$a" ]]; then
    run "a: engine (ConvTrainer)" -- "${jvm[@]}" $main "$a" 780 "$a_epochs"
    run "a: PyTorch, set_num_threads($cores)" -- "${torch[@]}" "$a" 780 "$a_epochs" "$cores"
    run "a: PyTorch, set_num_threads(1)" -- "${torch[@]}" "$a" 780 "$a_epochs" 1
    if [[ -z "${SKIP_DL4J:-}" && "$rep" == 1 ]]; then
      run "a: DL4J convolution layers (before ConvTrainer)" -- "${jvm[@]}" -Dorg.deepcluster.dl4jFit=true $main "$a" 780 \
        "$dl4j_epochs"
    fi
  fi
  run "b: engine (ConvTrainer)" -- "${jvm[@]}" $main "$b" "$b_rows" "$b_epochs"
  run "b: PyTorch, set_num_threads($cores)" -- "${torch[@]}" "$b" "$b_rows" "$b_epochs" "$cores"
done
"$py" "$here/summarize.py" "$out" > "$here/RESULTS.md"
echo "wrote $out and $here/RESULTS.md" >&2
