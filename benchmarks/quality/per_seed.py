#!/usr/bin/env python3
"""Per-seed table of one value (ARI by default) for some pipelines of one set, read from result CSVs of
QualityBenchmark, with the mean ± population std at the bottom; pipelines without rows are left out. With --inertia, the k-means inertia recorded in the
note column ("inertia X") instead.

Usage: per_seed.py SET PIPELINE[,PIPELINE...] CSV [CSV...] [--inertia]
"""
import csv
import re
import statistics
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
inertia = "--inertia" in sys.argv
st, pipelines, files = args[0], args[1].split(","), args[2:]
values = {}
for f in files:
    for r in csv.DictReader(open(f)):
        if r["set"] != st or r["pipeline"] not in pipelines:
            continue
        if inertia:
            m = re.search(r"inertia ([0-9.eE+-]+)", r.get("note") or "")
            if not m:
                continue
            v = float(m.group(1))
        else:
            v = float(r["ari"])
        values.setdefault(r["pipeline"], {})[int(r["seed"])] = v
pipelines = [p for p in pipelines if p in values]  # pipelines without rows are left out
seeds = sorted({s for d in values.values() for s in d})
fmt = "{:.6g}" if inertia else "{:.3f}"
print("| seed | " + " | ".join(pipelines) + " |")
print("|---|" + "---|" * len(pipelines))
for s in seeds:
    print(f"| {s} | " + " | ".join(fmt.format(values[p][s]) if s in values.get(p, {}) else ""
                                   for p in pipelines) + " |")
cells = []
for p in pipelines:
    v = list(values.get(p, {}).values())
    cells.append((fmt + " ± " + fmt).format(statistics.fmean(v), statistics.pstdev(v)) if v else "")
print("| mean ± std | " + " | ".join(cells) + " |")
