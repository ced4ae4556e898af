#!/usr/bin/env python3
"""Tables for RESULTS.md: mean +- population std over seeds per (set, pipeline), next to the peers' numbers.

Usage: summarize.py results/results.csv [/work/shared/peers/RESULTS.md] > tables.md
Peer rows are read from the "Summary: mean ± std over seeds" table of the peers' RESULTS.md.
"""
import csv
import statistics
import sys
from collections import OrderedDict

rows = list(csv.DictReader(open(sys.argv[1])))
peers_path = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/peers/RESULTS.md"
peers = {}
try:
    for line in open(peers_path):
        f = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(f) >= 11 and f[1] in ("kmeans_pca50", "ae_kmeans", "dec", "idec", "spectral_pca50") and "±" in f[3] or (
                len(f) >= 11 and f[1] in ("ward_pca50",)):
            peers[(f[0], f[1])] = {"seeds": f[2], "ARI": f[3], "NMI": f[4], "ACC": f[5], "sec": f[9], "ae_sec": f[10]}
except OSError:
    pass


def ms(vals, fmt="{:.3f}"):
    if not vals:
        return ""
    m = statistics.fmean(vals)
    s = statistics.pstdev(vals) if len(vals) > 1 else 0.0
    return (fmt + " ± " + fmt).format(m, s)


groups = OrderedDict()
for r in rows:
    groups.setdefault(r["set"], OrderedDict()).setdefault(r["pipeline"], []).append(r)

for st, pipes in groups.items():
    print(f"### {st}\n")
    print("| pipeline | who | seeds | epochs | ARI | NMI | ACC | n_clusters | cluster s | AE train s | final loss |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for p, rs in pipes.items():
        get = lambda k: [float(r[k]) for r in rs if r[k] != ""]
        ep = sorted({r["epochs"] for r in rs})
        print(f"| {p} | ours | {','.join(r['seed'] for r in rs)} | {','.join(ep)} | {ms(get('ari'))} | {ms(get('nmi'))} "
              f"| {ms(get('acc'))} | {ms(get('n_clusters'), '{:.1f}')} | {ms(get('seconds'), '{:.2f}')} "
              f"| {ms(get('ae_seconds'), '{:.1f}')} | {ms(get('final_loss'), '{:.4f}')} |")
        peer = peers.get((st, p))
        if peer:
            print(f"| {p} | peers (sklearn/PyTorch) | {peer['seeds']} | {'100' if p != 'kmeans_pca50' else '0'} "
                  f"| {peer['ARI']} | {peer['NMI']} | {peer['ACC']} |  | {peer['sec']} | {peer['ae_sec']} |  |")
    for p in ("dec", "idec", "spectral_pca50", "ward_pca50"):
        peer = peers.get((st, p))
        if peer and p not in pipes:
            print(f"| {p} (not run here) | peers | {peer['seeds']} |  | {peer['ARI']} | {peer['NMI']} | {peer['ACC']} "
                  f"|  | {peer['sec']} | {peer['ae_sec']} |  |")
    print()
