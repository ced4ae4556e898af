#!/usr/bin/env python3
"""Cross-checks test workflow leiden-blobs with igraph/leidenalg (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/leiden-blobs -reset -nosave -outputDir=/tmp/leiden-blobs
       /usr/bin/python3 test-workflows/expected/leiden-blobs.crosscheck.py /tmp/leiden-blobs

Builds the same shared-nearest-neighbour graph independently (scikit-learn NearestNeighbors, k = 20, the row and its
20 neighbours as neighbourhood, Jaccard weights, pruned below 1/15), runs leidenalg (RBConfigurationVertexPartition,
resolution 0.5, 20 seeds, n_iterations=-1) and prints, for the best of them, its modularity and ARI/NMI against the
true labels, and the ARI between leidenalg's partition and the workflow's Cluster column.
"""
import csv
import sys

import igraph as ig
import leidenalg
import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.neighbors import NearestNeighbors

K, RESOLUTION, PRUNE = 20, 0.5, 1 / 15


def main(out_dir):
    with open(f"{out_dir}/2_Graph_Clustering__Leiden_Louvain__port0.csv") as f:
        rows = list(csv.DictReader(f))
    columns = [c for c in rows[0] if c.startswith("x")]
    x = np.array([[float(r[c]) for c in columns] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    _, idx = NearestNeighbors(n_neighbors=K + 1).fit(x).kneighbors(x)
    hood = [set(r) for r in idx]
    edges, weights = [], []
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            s = len(hood[i] & hood[j])
            if s and s / (2 * (K + 1) - s) >= PRUNE:
                edges.append((i, j))
                weights.append(s / (2 * (K + 1) - s))
    g = ig.Graph(n=len(x), edges=edges)
    g.es["weight"] = weights
    best = max((leidenalg.find_partition(g, leidenalg.RBConfigurationVertexPartition, weights="weight",
                                         resolution_parameter=RESOLUTION, n_iterations=-1, seed=s)
                for s in range(20)), key=lambda p: p.quality())
    ref = best.membership
    print(f"edges {len(edges)}; leidenalg: {len(set(ref))} communities, "
          f"ARI vs truth {adjusted_rand_score(truth, ref):.6f}, NMI {normalized_mutual_info_score(truth, ref):.6f}; "
          f"workflow: {len(set(ours))} clusters, ARI vs truth {adjusted_rand_score(truth, ours):.6f}, "
          f"NMI {normalized_mutual_info_score(truth, ours):.6f}; ARI workflow vs leidenalg "
          f"{adjusted_rand_score(ours, ref):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
