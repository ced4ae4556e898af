#!/usr/bin/env python3
"""Cross-checks test workflow optics-blobs with scikit-learn (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/optics-blobs -reset -nosave -outputDir=/tmp/optics-blobs
       /usr/bin/python3 test-workflows/expected/optics-blobs.crosscheck.py /tmp/optics-blobs

Runs sklearn.cluster.OPTICS(min_samples=10, xi=0.05) on the node's input columns and prints the largest differences
between its and the node's ordering, reachability and core distances, its number of clusters and noise rows, ARI/NMI
against the true labels (noise counted as one more label) and the ARI between the two partitions.
"""
import csv
import sys

import numpy as np
from sklearn.cluster import OPTICS
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main(out_dir):
    with open(f"{out_dir}/2_OPTICS_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    reach = np.array([float(r["Reachability"]) if r["Reachability"] else np.inf for r in rows])
    core = np.array([float(r["Core distance"]) for r in rows])
    position = np.array([int(r["Ordering index"]) for r in rows])
    ref = OPTICS(min_samples=10, xi=0.05).fit(x)
    ref_position = np.empty(len(x), dtype=int)
    ref_position[ref.ordering_] = np.arange(len(x))
    finite = np.isfinite(ref.reachability_)
    print(f"ordering identical: {bool(np.all(position == ref_position))}; reachability infinite at the same rows: "
          f"{bool(np.all(finite == np.isfinite(reach)))}, max |difference| "
          f"{np.abs(reach[finite] - ref.reachability_[finite]).max():.2e}; core distances max |difference| "
          f"{np.abs(core - ref.core_distances_).max():.2e}")
    labels = ref.labels_
    print(f"scikit-learn: {len(set(labels) - {-1})} clusters, {int(np.sum(labels == -1))} noise rows, "
          f"ARI vs truth {adjusted_rand_score(truth, labels):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, labels):.10f}; workflow: {len(set(ours) - {'Noise'})} clusters, "
          f"{ours.count('Noise')} noise rows, ARI vs truth {adjusted_rand_score(truth, ours):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ours):.10f}; ARI workflow vs scikit-learn "
          f"{adjusted_rand_score(ours, labels):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
