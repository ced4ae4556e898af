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
  [[ -f "$here/conclusion.md" ]] && cat "$here/conclusion.md"
} > "$here/RESULTS.md"
