#!/usr/bin/env bash
# Rebuilds RESULTS.md from head.md (protocol, machine), the tables of summarize.py and conclusion.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
{
  sed "s/@END@/${END_TIME:-$(date -u +%H:%M)}/" "$here/head.md"
  echo
  echo "## Results (mean ± population std over the seeds; peers' rows copied from /work/shared/peers/RESULTS.md)"
  echo
  echo "\`final loss\` is the last epoch's training loss (AE/DAE/SAE: MSE averaged over all entries; VAE: per-row sum"
  echo "of squared errors + KL, so not comparable). Peers' \`cluster s\`/\`AE train s\` are their \`sec\`/\`AE sec\`."
  echo
  python3 "$here/summarize.py" "$here/results/results.csv"
  if [[ -f "$here/results/pbmc2100_seeds5-9.csv" ]]; then
    echo "## pbmc2100, extra seeds 5..9 (robustness of the acceptance check; not in the peers' protocol)"
    echo
    echo "Same program and settings, seeds 5..9 (\`results/pbmc2100_seeds5-9.csv\`); the peer rows are still their seeds 0..4."
    echo
    python3 "$here/summarize.py" "$here/results/pbmc2100_seeds5-9.csv" | grep -v "not run here" | tail -n +2
  fi
  if [[ -f "$here/results/pbmc2100_kmeans_restarts.csv" ]]; then
    echo "## pbmc2100: k-means with 10 vs 100 restarts on the PCA embeddings"
    echo
    echo "\`results/pbmc2100_kmeans_restarts.csv\` (same PCA, same seeds; \`_r100\` = best of 100 k-means++ restarts by"
    echo "inertia instead of 10). ARI per seed:"
    echo
    python3 "$here/per_seed.py" pbmc2100 kmeans_pca50,kmeans_pca50_r100,kmeans_pca10,kmeans_pca10_r100 \
      "$here/results/pbmc2100_kmeans_restarts.csv"
    echo
    echo "Inertia (sum of squared distances to the centres, lower = better k-means optimum) of the same runs:"
    echo
    python3 "$here/per_seed.py" pbmc2100 kmeans_pca50,kmeans_pca50_r100,kmeans_pca10,kmeans_pca10_r100 \
      "$here/results/pbmc2100_kmeans_restarts.csv" --inertia
    echo
  fi
  if [[ -f "$here/results/ablation_pbmc2100.csv" ]]; then
    echo "## AE ablation on pbmc2100 (what changes the AE embedding + k-means ARI)"
    echo
    echo "\`src/AeAblation.java\`, raw rows \`results/ablation_pbmc2100.csv\`, table by \`summarize_ablation.py\`. Each"
    echo "configuration is the \`ae_kmeans\` protocol (2000-256-64-10, ReLU, MSE, Adam 1e-3, batch 256, 100 epochs,"
    echo "k-means 10 restarts) with the listed changes; a \`_r100\` row scores the same embedding with 100 k-means restarts."
    echo "Settings \`init=torch\` and \`weightDecay\` were experimental system-property switches on commit 7b2840d (see"
    echo "the change log below); \`baseline\` is the former He/Xavier initialisation on the same build."
    echo
    python3 "$here/summarize_ablation.py" "$here/results/ablation_pbmc2100.csv"
    echo
  fi
  if [[ -f "$here/results/pbmc2100_weight_decay.csv" ]]; then
    echo "## pbmc2100 on the final code: PCA-50 vs AE, with and without weight decay (the acceptance run)"
    echo
    echo "\`results/pbmc2100_weight_decay.csv\`: run on the merged main of 2026-11-28 21:00 UTC (quiet machine), with the"
    echo "engine's own k-means (scikit-learn's greedy k-means++, 10 restarts) on both sides, the PyTorch-style dense"
    echo "initialisation, and the Encoder Learner's new weight-decay setting (\`ae_kmeans_wd1e-3\`: λ = 1e-3). ARI per seed:"
    echo
    python3 "$here/per_seed.py" pbmc2100 kmeans_pca50,ae_kmeans,ae_kmeans_wd1e-3 "$here/results/pbmc2100_weight_decay.csv"
    echo
    python3 "$here/summarize.py" "$here/results/pbmc2100_weight_decay.csv" | grep -v "not run here" | tail -n +2
  fi
  if [[ -f "$here/results/other_architectures.csv" ]]; then
    echo "## AAE, LSTM-AE and CAE on the final code"
    echo
    echo "AAE on pbmc2100 and LSTM-AE (28 time steps × 28 pixels) on breastmnist: \`results/other_architectures.csv\`"
    echo "(session 2: AAE seeds 0-1, LSTM-AE seed 0) and \`results/other_architectures_more_seeds.csv\` (session 3: AAE"
    echo "seeds 2-4, LSTM-AE seeds 1-4), same build of the dense and LSTM code. CAE (28×28×1, filters 16-8, the new"
    echo "\`ConvTrainer\` step) on breastmnist, seeds 0-4: \`results/breastmnist_cae.csv\` (session 3). Same protocol as"
    echo "above (100 epochs, embedding 10, k-means with 10 restarts); all on the shared 2-core machine under load, so the"
    echo "seconds are pessimistic."
    echo
    combined="$(mktemp)"
    { cat "$here/results/other_architectures.csv"
      for f in other_architectures_more_seeds.csv breastmnist_cae.csv; do
        [[ -f "$here/results/$f" ]] && tail -n +2 "$here/results/$f"
      done; } > "$combined"
    python3 "$here/summarize.py" "$combined" | grep -v "not run here" | tail -n +2
    rm -f "$combined"
    echo
  fi
  echo "## Acceptance criterion on pbmc2100 (AE embedding + k-means ARI ≥ PCA + k-means ARI, same k)"
  echo
  echo "ARI per seed (same seed for both sides; \`_r100\`: the same embedding, k-means with 100 restarts; \`@he_init\`:"
  echo "the former initialisation):"
  echo
  python3 "$here/per_seed.py" pbmc2100 \
    kmeans_pca50,kmeans_pca50_r100,ae_kmeans,ae_kmeans_r100,ae_kmeans@he_init,dae_kmeans,sae_kmeans,vae_kmeans,vae_kmeans_r100,aae_kmeans,aae_kmeans_r100 \
    "$here/results/results.csv"
  echo
  [[ -f "$here/conclusion.md" ]] && cat "$here/conclusion.md"
} > "$here/RESULTS.md"
