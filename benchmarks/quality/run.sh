#!/usr/bin/env bash
# Quality benchmark of the engine (org.deepcluster.core) on the shared real data sets, following the protocol of
# /work/shared/peers/RESULTS.md (see RESULTS.md here). Appends one CSV row per (set, pipeline, seed) to
# results/results.csv; summarize.py turns it into the tables of RESULTS.md.
#
# Class path: all jars in $QUALITY_CP (default /tmp/quality-cp): the engine jar org.deepcluster.core-*.jar plus
# DL4J/ND4J (with linux-x86_64 natives), Smile 3.1.1, commons-math3, gson. When that folder is missing it is filled
# from releng/org.deepcluster.batch/target/lib, which the batch runner's build creates: run `./knime-batch -help`
# once in the repository root (it builds the runner with Maven if needed). No Maven build is started here.
#
# What was run for RESULTS.md (2 shared cores):
#   benchmarks/quality/run.sh                                   # kmeans_pca50 + AE/DAE/SAE/VAE, seeds 0..4 (He init)
#   PIPELINES=kmeans_pca10 benchmarks/quality/run.sh            # context row: k-means on PCA-10
#   OUT=benchmarks/quality/results/pbmc2100_seeds5-9.csv SEEDS=5,6,7,8,9 \
#     PIPELINES=kmeans_pca50,kmeans_pca10,ae_kmeans,vae_kmeans benchmarks/quality/run.sh pbmc2100
#   then, after the change to PyTorch's initialisation (the old AE/DAE/SAE rows were renamed <pipeline>@he_init), with
#   QUALITY_CP/QUALITY_BUILD pointing at a build of that engine, OUT=results/new_rows.csv (appended to results.csv):
#   EXTRA_RESTARTS=100: PIPELINES=kmeans_pca50_r100 run.sh pbmc2100; PIPELINES=ae_kmeans run.sh pbmc2100;
#   PIPELINES=ae_kmeans,dae_kmeans,sae_kmeans run.sh wdbc khan-srbct (their SAE rows renamed sae_kmeans@torch_init:
#   a build before the SAE kept its former initialisation; the first round's SAE rows are the SAE again);
#   OUT=results/pbmc2100_kmeans_restarts.csv PIPELINES=kmeans_pca50,kmeans_pca50_r100,kmeans_pca10,kmeans_pca10_r100
#   run.sh pbmc2100. Not finished for lack of time: cae_kmeans/lstm_ae_kmeans (breastmnist), aae_kmeans (pbmc2100).
#   AE ablation on pbmc2100 (results/ablation_pbmc2100.csv): java ... AeAblation, see src/AeAblation.java
#   benchmarks/quality/make_results.sh                          # RESULTS.md from head.md, the CSVs, conclusion.md
#
# Usage: benchmarks/quality/run.sh [SET...]       (default: pbmc2100 wdbc khan-srbct breastmnist)
# Environment: DATA (default /work/shared/data), SEEDS (default 0,1,2,3,4), EPOCHS (default 100),
#   PIPELINES (default kmeans_pca50,ae_kmeans,dae_kmeans,sae_kmeans,vae_kmeans; kmeans_pca10, aae_kmeans, dec and
#   idec (DEC / IDEC refinement of the ae_kmeans encoder, peers' settings) and, for square grey-scale images
#   (breastmnist), cae_kmeans and lstm_ae_kmeans also exist; a suffix _rN runs k-means with N restarts instead of 10,
#   e.g. kmeans_pca50_r100; a suffix _wdλ before it trains the encoder with L2 weight decay λ (AE, DAE, SAE, AAE),
#   e.g. ae_kmeans_wd1e-3 or ae_kmeans_wd1e-3_r100; when
#   PIPELINES is not set, breastmnist runs PIPELINES_BREASTMNIST, default kmeans_pca50,ae_kmeans), OUT (default
#   results/results.csv, appended to), EXTRA_RESTARTS (default 0; N > 0: every encoder pipeline also scores its
#   embedding with k-means of N restarts, row <pipeline>_rN), JAVA (default java), QUALITY_CP, QUALITY_BUILD.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cpdir="${QUALITY_CP:-/tmp/quality-cp}"
build="${QUALITY_BUILD:-/tmp/quality-build}"
data="${DATA:-/work/shared/data}"
seeds="${SEEDS:-0,1,2,3,4}"
epochs="${EPOCHS:-100}"
pipelines="${PIPELINES:-kmeans_pca50,ae_kmeans,dae_kmeans,sae_kmeans,vae_kmeans}"
out="${OUT:-$here/results/results.csv}"
java="${JAVA:-java}"

if ! ls "$cpdir"/org.deepcluster.core-*.jar >/dev/null 2>&1; then
  lib="$root/releng/org.deepcluster.batch/target/lib"
  if ! ls "$lib"/org.deepcluster.core-*.jar >/dev/null 2>&1; then
    echo "no class path: $cpdir is empty and $lib is missing; run ./knime-batch -help in $root first" >&2
    exit 1
  fi
  mkdir -p "$cpdir"
  cp "$lib"/*.jar "$cpdir/"
fi

mkdir -p "$build" "$(dirname "$out")"
javac -cp "$cpdir/*" -d "$build" "$here/src/QualityBenchmark.java"

sets=("$@")
[[ ${#sets[@]} -eq 0 ]] && sets=(pbmc2100 wdbc khan-srbct breastmnist)
for set in "${sets[@]}"; do
  p="$pipelines"
  if [[ "$set" == breastmnist && -z "${PIPELINES:-}" ]]; then p="${PIPELINES_BREASTMNIST:-kmeans_pca50,ae_kmeans}"; fi
  "$java" -Xmx6g -cp "$build:$cpdir/*" QualityBenchmark "$data" "$out" "$set" "$p" "$seeds" "$epochs" \
    "${EXTRA_RESTARTS:-0}"
done
