#!/usr/bin/env python3
"""Cross-checks test workflow gmm-assigner-blobs with scikit-learn (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/gmm-assigner-blobs -reset -nosave -outputDir=/tmp/gmm-assigner-blobs
       /usr/bin/python3 test-workflows/expected/gmm-assigner-blobs.crosscheck.py /tmp/gmm-assigner-blobs

Fits sklearn.mixture.GaussianMixture(4, covariance_type="full", init_params="kmeans", n_init=10) to the node's input
columns and prints its mean log-likelihood, BIC and AIC (to compare with the flow variables gmm_log_likelihood,
gmm_bic, gmm_aic), the ARI between its partition and the Gaussian Mixture node's Cluster column, the largest
difference between its and the node's membership probabilities (components matched by the partition), and the ARI
of the Cluster Assigner's Assigned column vs the node's Cluster column and vs the true labels.
"""
import csv
import sys

import numpy as np
from sklearn.metrics import adjusted_rand_score, confusion_matrix
from sklearn.mixture import GaussianMixture


def main(out_dir):
    with open(f"{out_dir}/3_Cluster_Assigner_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    assigned = [r["Assigned"] for r in rows]
    names = [f"Cluster_{j}" for j in range(4)]
    p_ours = np.array([[float(r[f"P({n})"]) for n in names] for r in rows])
    gm = GaussianMixture(4, covariance_type="full", init_params="kmeans", n_init=10, random_state=0).fit(x)
    ref = gm.predict(x)
    ours_idx = np.array([names.index(c) for c in ours])
    match = confusion_matrix(ours_idx, ref).argmax(axis=1)  # our component j <-> scikit-learn's match[j]
    p_ref = gm.predict_proba(x)[:, match]
    print(f"scikit-learn: mean log-likelihood {gm.score(x):.6f}, BIC {gm.bic(x):.4f}, AIC {gm.aic(x):.4f}, "
          f"converged {gm.converged_}; ARI workflow Cluster vs scikit-learn {adjusted_rand_score(ours, ref):.6f}; "
          f"max |P difference| {np.abs(p_ours - p_ref).max():.2e}; ARI Assigned vs Cluster "
          f"{adjusted_rand_score(ours, assigned):.6f}, Assigned vs truth {adjusted_rand_score(truth, assigned):.6f}, "
          f"scikit-learn vs truth {adjusted_rand_score(truth, ref):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
