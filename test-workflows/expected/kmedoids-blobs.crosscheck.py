#!/usr/bin/env python3
"""Cross-checks test workflow kmedoids-blobs with a brute-force PAM in numpy (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/kmedoids-blobs -reset -nosave -outputDir=/tmp/kmedoids-blobs
       /usr/bin/python3 test-workflows/expected/kmedoids-blobs.crosscheck.py /tmp/kmedoids-blobs

scikit-learn 1.2.1 has no k-medoids (it is in scikit-learn-extra), so this is PAM by its definition (Kaufman &
Rousseeuw): BUILD, then SWAP with the best (medoid, non-medoid) exchange of each pass, on the full Euclidean distance
matrix, until no exchange lowers the total deviation. It prints the reference's medoid rows and total deviation, the
workflow's total deviation (each Cluster's best medoid), whether any single swap would improve the workflow's
medoids, ARI/NMI against the true labels and the ARI between the two partitions.
"""
import csv
import sys

import numpy as np
from scipy.spatial.distance import cdist
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

K = 4


def cost(d, medoids):
    return d[:, medoids].min(axis=1).sum()


def best_swap(d, medoids):
    best, best_cost = None, cost(d, medoids)
    for i in range(len(medoids)):
        for h in range(len(d)):
            if h in medoids:
                continue
            trial = medoids[:i] + [h] + medoids[i + 1:]
            c = cost(d, trial)
            if c < best_cost - 1e-9:
                best, best_cost = trial, c
    return best, best_cost


def pam(d, k):
    medoids = [int(np.argmin(d.sum(axis=1)))]
    while len(medoids) < k:
        medoids.append(min((h for h in range(len(d)) if h not in medoids), key=lambda h: cost(d, medoids + [h])))
    while True:
        better, _ = best_swap(d, medoids)
        if better is None:
            return medoids
        medoids = better


def main(out_dir):
    with open(f"{out_dir}/2_k_Medoids_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = np.array([r["Cluster"] for r in rows])
    d = cdist(x, x)
    ref_medoids = pam(d, K)
    ref = d[:, ref_medoids].argmin(axis=1)
    our_medoids = []
    for c in sorted(set(ours)):
        members = np.flatnonzero(ours == c)
        our_medoids.append(int(members[d[np.ix_(members, members)].sum(axis=1).argmin()]))
    improvement, _ = best_swap(d, our_medoids)
    print(f"reference PAM: medoid rows {sorted(ref_medoids)}, total deviation {cost(d, ref_medoids):.10f}, "
          f"ARI vs truth {adjusted_rand_score(truth, ref):.10f}, NMI {normalized_mutual_info_score(truth, ref):.10f}; "
          f"workflow: medoid rows {sorted(our_medoids)}, total deviation {cost(d, our_medoids):.10f}, "
          f"a single swap improves it: {improvement is not None}, ARI vs truth {adjusted_rand_score(truth, ours):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ours):.10f}; ARI workflow vs reference "
          f"{adjusted_rand_score(ours, ref):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
