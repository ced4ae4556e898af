#!/usr/bin/env python3
"""Cross-checks test workflow spectral-blobs with scikit-learn (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/spectral-blobs -reset -nosave -outputDir=/tmp/spectral-blobs
       /usr/bin/python3 test-workflows/expected/spectral-blobs.crosscheck.py /tmp/spectral-blobs

Runs sklearn.cluster.SpectralClustering(n_clusters=4, affinity="nearest_neighbors", n_neighbors=10) for 5 seeds on
the node's input columns and prints, for each, its ARI/NMI against the true labels and the ARI between its partition
and the workflow's Cluster column, and the smallest eigenvalues of the normalised Laplacian of the same symmetrised
graph (to compare with the node's model summary).
"""
import csv
import sys

import numpy as np
from scipy.sparse.csgraph import laplacian
from sklearn.cluster import SpectralClustering
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.neighbors import kneighbors_graph


def main(out_dir):
    with open(f"{out_dir}/2_Spectral_Clustering_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    print(f"workflow: ARI vs truth {adjusted_rand_score(truth, ours):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ours):.10f}")
    for seed in range(5):
        ref = SpectralClustering(n_clusters=4, affinity="nearest_neighbors", n_neighbors=10,
                                 random_state=seed).fit_predict(x)
        print(f"scikit-learn seed {seed}: ARI vs truth {adjusted_rand_score(truth, ref):.10f}, "
              f"NMI {normalized_mutual_info_score(truth, ref):.10f}; ARI workflow vs scikit-learn "
              f"{adjusted_rand_score(ours, ref):.6f}")
    a = kneighbors_graph(x, n_neighbors=10, include_self=True)
    a = 0.5 * (a + a.T)
    eigenvalues = np.linalg.eigvalsh(laplacian(a.toarray(), normed=True))[:5]
    print("smallest eigenvalues of the normalised Laplacian:", " ".join(f"{v:.4g}" for v in eigenvalues))


if __name__ == "__main__":
    main(sys.argv[1])
