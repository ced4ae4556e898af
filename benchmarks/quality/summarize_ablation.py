#!/usr/bin/env python3
"""Table of the AE ablation (AeAblation.java): one row per configuration, ARI per seed and mean +- population std
of ARI/NMI/ACC over the seeds it ran.

Usage: summarize_ablation.py results/ablation_pbmc2100.csv > table.md
"""
import csv
import statistics
import sys
from collections import OrderedDict

rows = list(csv.DictReader(open(sys.argv[1])))
groups = OrderedDict()
for r in rows:
    groups.setdefault(r["config"], []).append(r)
seeds = sorted({int(r["seed"]) for r in rows})


def ms(vals):
    if not vals:
        return ""
    s = statistics.pstdev(vals) if len(vals) > 1 else 0.0
    return f"{statistics.fmean(vals):.3f} ± {s:.3f}"


print("| config | settings (besides the ae_kmeans protocol) | epochs run | "
      + " | ".join(f"ARI seed {s}" for s in seeds) + " | ARI | NMI | ACC | final loss |")
print("|---|---|---|" + "---|" * len(seeds) + "---|---|---|---|")
for name, rs in groups.items():
    by_seed = {int(r["seed"]): r for r in rs}
    spec = rs[0]["spec"]
    settings = spec.split(":", 1)[1] if ":" in spec else ""
    settings = settings.replace("sys.org.deepcluster.", "").replace(";", "; ") or "(none)"
    if name.endswith(tuple(f"_r{n}" for n in (20, 50, 100, 200))):
        settings += f"; k-means restarts {name.rsplit('_r', 1)[1]}"
    epochs = sorted({r["epochs_run"] for r in rs}, key=int)
    cells = [f"{float(by_seed[s]['ari']):.3f}" if s in by_seed else "" for s in seeds]
    get = lambda k: [float(r[k]) for r in rs]
    print(f"| {name} | {settings} | {','.join(epochs)} | " + " | ".join(cells)
          + f" | {ms(get('ari'))} | {ms(get('nmi'))} | {ms(get('acc'))} | {ms(get('final_loss'))} |")
