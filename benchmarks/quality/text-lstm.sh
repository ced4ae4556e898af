#!/usr/bin/env bash
# Quality check of the LSTM autoencoder on token sequences (text) against a TF-IDF + k-means baseline, on a shared
# text set (default biomedical-text: 19,448 BioASQ titles, 20 topics). One seed, few epochs: a sanity check, not a
# tuned benchmark. Results and the command: text-lstm.md.
#
# Builds the engine from this checkout with javac (no Maven) against the library jars the reactor copied into
# plugins/org.deepcluster.libs*/lib (run `./mvnw -B -o -ntp package -DskipTests -pl
# plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64` once if they are missing).
#
# Usage: benchmarks/quality/text-lstm.sh [V T EPOCHS SEED [HIDDEN EMBEDDING TOKEN_EMBEDDING BATCH LR]]
#   defaults: V=2000 T=16 EPOCHS=3 SEED=0 (hidden 64, embedding 20, token embedding 32, batch 128, lr 0.002)
# Environment: DATA (default /work/shared/data), SET (default biomedical-text), BUILD (default /tmp/text-lstm-build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${DATA:-/work/shared/data}"
set_name="${SET:-biomedical-text}"
build="${BUILD:-/tmp/text-lstm-build}"
libs=("$root"/plugins/org.deepcluster.libs/lib/*.jar "$root"/plugins/org.deepcluster.libs.linux.x86_64/lib/*.jar)
cp="$(IFS=:; echo "${libs[*]}")"
rm -rf "$build" && mkdir -p "$build"
javac -nowarn -encoding UTF-8 -d "$build" -cp "$cp" \
  $(find "$root/plugins/org.deepcluster.core/src/main/java" -name '*.java') "$here/src/TextLstmBenchmark.java" 2>&1 \
  | grep -v '^Note:' || true
echo "set,pipeline,seed,epochs,V,T,ari,nmi,final_loss,train_seconds"
java -Xmx4g -cp "$build:$cp" TextLstmBenchmark "$data" "$set_name" "${1:-2000}" "${2:-16}" "${3:-3}" "${4:-0}" \
  "${5:-64}" "${6:-20}" "${7:-32}" "${8:-128}" "${9:-0.002}"
/usr/bin/python3 "$here/text_tfidf_baseline.py" "$data/$set_name" "${4:-0}"
