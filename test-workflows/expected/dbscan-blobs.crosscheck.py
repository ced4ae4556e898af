#!/usr/bin/env python3
"""Cross-checks test workflow dbscan-blobs with scikit-learn (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/dbscan-blobs -reset -nosave -outputDir=/tmp/dbscan-blobs
       /usr/bin/python3 test-workflows/expected/dbscan-blobs.crosscheck.py /tmp/dbscan-blobs

Runs sklearn.cluster.DBSCAN(eps=1.5, min_samples=5) on the DBSCAN node's input columns and prints its number of
clusters and noise rows, its ARI/NMI against the true labels (noise counted as one more label, as the Clustering
Scorer does with the cluster Noise), and the ARI between scikit-learn's partition and the workflow's Cluster column.
"""
import csv
import sys

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main(out_dir):
    with open(f"{out_dir}/2_DBSCAN_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    ref = DBSCAN(eps=1.5, min_samples=5).fit_predict(x)
    print(f"scikit-learn: {len(set(ref) - {-1})} clusters, {int(np.sum(ref == -1))} noise rows, "
          f"ARI vs truth {adjusted_rand_score(truth, ref):.10f}, NMI {normalized_mutual_info_score(truth, ref):.10f}; "
          f"workflow: {len(set(ours) - {'Noise'})} clusters, {ours.count('Noise')} noise rows, "
          f"ARI vs truth {adjusted_rand_score(truth, ours):.10f}, NMI {normalized_mutual_info_score(truth, ours):.10f}; "
          f"ARI workflow vs scikit-learn {adjusted_rand_score(ours, ref):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
