#!/usr/bin/env python3
"""Cross-checks test workflow hierarchical-blobs with scikit-learn (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/hierarchical-blobs -reset -nosave -outputDir=/tmp/hierarchical-blobs
       /usr/bin/python3 test-workflows/expected/hierarchical-blobs.crosscheck.py /tmp/hierarchical-blobs

Runs sklearn.cluster.AgglomerativeClustering(n_clusters=4, linkage="ward") on the node's input columns and prints
its ARI/NMI against the true labels, the ARI between scikit-learn's partition and the workflow's Cluster column, and
the heights of the last merges (scipy's Ward linkage, to compare with the node's model summary). It also compares
the node's Merge history port (port 2) with scipy's linkage matrix (ids, sizes, heights, row IDs, Kept flags).
"""
import csv
import sys

import numpy as np
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import AgglomerativeClustering
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main(out_dir):
    with open(f"{out_dir}/2_Hierarchical_Clustering_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    ref = AgglomerativeClustering(n_clusters=4, linkage="ward").fit_predict(x)
    heights = linkage(x, method="ward")[-5:, 2][::-1]
    print(f"scikit-learn: ARI vs truth {adjusted_rand_score(truth, ref):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ref):.10f}; workflow: ARI vs truth "
          f"{adjusted_rand_score(truth, ours):.10f}, NMI {normalized_mutual_info_score(truth, ours):.10f}; "
          f"ARI workflow vs scikit-learn {adjusted_rand_score(ours, ref):.6f}; "
          f"scipy's last merge heights {' '.join(f'{h:.6g}' for h in heights)}")
    check_merge_history(out_dir, x, [r["RowID"] for r in rows], ours)


def check_merge_history(out_dir, x, row_ids, clusters):
    """The Merge history port against scipy's linkage matrix and the workflow's clusters."""
    with open(f"{out_dir}/2_Hierarchical_Clustering_port2.csv") as f:
        merges = list(csv.DictReader(f))
    z = linkage(x, method="ward")
    n = len(x)
    assert len(merges) == n - 1 == len(z), (len(merges), len(z))
    ids = np.array([[int(m["Left"]), int(m["Right"]), int(m["Size"])] for m in merges])
    same_ids = bool((ids[:, 0] == z[:, 0]).all() and (ids[:, 1] == z[:, 1]).all() and (ids[:, 2] == z[:, 3]).all())
    height_diff = max(abs(float(m["Height"]) - z[i, 2]) for i, m in enumerate(merges))
    for m in merges:
        for side, column in (("Left", "Left row ID"), ("Right", "Right row ID")):
            expected = row_ids[int(m[side])] if int(m[side]) < n else ""
            assert m[column] == expected, (m, column, expected)
    k = len(set(clusters))
    kept = [m["Kept"] == "true" for m in merges]
    assert kept == [i < n - k for i in range(n - 1)], "Kept = the first n - k merges"
    print(f"merge history: {len(merges)} merges, ids and sizes equal scipy's: {same_ids}, largest height difference "
          f"{height_diff:.3g}, row IDs and Kept flags consistent")


if __name__ == "__main__":
    main(sys.argv[1])
