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

from merge_history import check_merge_history


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
    check_merge_history(out_dir, linkage(x, method="ward"), [r["RowID"] for r in rows], ours)


if __name__ == "__main__":
    main(sys.argv[1])
