#!/usr/bin/env python3
"""Cross-checks test workflow hierarchical-cosine-blobs with scikit-learn and SciPy (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/hierarchical-cosine-blobs -reset -nosave \
           -outputDir=/tmp/hierarchical-cosine-blobs
       /usr/bin/python3 test-workflows/expected/hierarchical-cosine-blobs.crosscheck.py /tmp/hierarchical-cosine-blobs

On the node's input columns (x0..x3 of the Hierarchical Clustering output) it runs
sklearn.cluster.AgglomerativeClustering(n_clusters=4, metric="cosine", linkage="average") and SciPy's
linkage(x, method="average", metric="cosine"), and asserts (exits non-zero otherwise):
- the workflow's Cluster column is the same partition as scikit-learn's and as SciPy's tree cut into 4 (ARI 1.0);
- the node's Merge history port (port 2) equals SciPy's linkage matrix: the same left and right ids and sizes in
  every merge, heights within 1e-9; row IDs and Kept flags consistent (Kept = the first n - 4 merges);
- the scores the workflow pushed (ARI, NMI, ACC, homogeneity, completeness, V-measure) equal scikit-learn's on the
  same partition (ACC: best one-to-one matching, scipy's linear_sum_assignment) within 1e-12, and equal the values
  in hierarchical-cosine-blobs.properties within its tolerance;
- the setting matters: AgglomerativeClustering(metric="euclidean", linkage="average") on the same rows gives a
  different partition (ARI vs the workflow's < 1).
"""
import csv
import os
import sys

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import AgglomerativeClustering
from sklearn.metrics import (adjusted_rand_score, completeness_score, homogeneity_score,
                             normalized_mutual_info_score, v_measure_score)
from sklearn.metrics.cluster import contingency_matrix

from merge_history import check_merge_history

K = 4
HEIGHT_TOLERANCE = 1e-9
SCORE_TOLERANCE = 1e-12
HERE = os.path.dirname(os.path.abspath(__file__))


def main(out_dir):
    with open(f"{out_dir}/2_Hierarchical_Clustering_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    assert len(set(ours)) == K, f"the workflow found {len(set(ours))} clusters, not {K}"

    ref = AgglomerativeClustering(n_clusters=K, metric="cosine", linkage="average").fit_predict(x)
    z = linkage(x, method="average", metric="cosine")
    scipy_cut = fcluster(z, K, criterion="maxclust")
    ari_sklearn, ari_scipy = adjusted_rand_score(ours, ref), adjusted_rand_score(ours, scipy_cut)
    assert ari_sklearn == 1.0, f"workflow vs scikit-learn: ARI {ari_sklearn}"
    assert ari_scipy == 1.0, f"workflow vs SciPy's cut: ARI {ari_scipy}"
    print(f"cosine, average linkage: workflow = scikit-learn = SciPy's cut (ARI 1.0); scikit-learn vs truth: "
          f"ARI {adjusted_rand_score(truth, ref):.10f}, NMI {normalized_mutual_info_score(truth, ref):.10f}, "
          f"cluster sizes {sorted(np.bincount(ref).tolist())}")
    print(f"SciPy's last merge heights {' '.join(f'{h:.6g}' for h in z[-5:, 2][::-1])}")

    check_merge_history(out_dir, z, [r["RowID"] for r in rows], ours, HEIGHT_TOLERANCE)
    check_scores(out_dir, truth, ref)

    euclidean = AgglomerativeClustering(n_clusters=K, metric="euclidean", linkage="average").fit_predict(x)
    ari_metrics = adjusted_rand_score(ours, euclidean)
    assert ari_metrics < 1.0, "the Euclidean partition is the same: the workflow would not show the setting matters"
    print(f"Euclidean, average linkage (scikit-learn): ARI vs workflow {ari_metrics:.4f}, vs truth "
          f"{adjusted_rand_score(truth, euclidean):.4f}, NMI vs truth "
          f"{normalized_mutual_info_score(truth, euclidean):.4f}, cluster sizes "
          f"{sorted(np.bincount(euclidean).tolist())}")
    print("all checks passed")


def check_scores(out_dir, truth, ref):
    """The pushed flow variables against scikit-learn's scores of the same partition and the .properties file."""
    table = contingency_matrix(truth, ref)
    matched = table[linear_sum_assignment(-table)].sum()
    expected = {"ARI": adjusted_rand_score(truth, ref), "NMI": normalized_mutual_info_score(truth, ref),
                "ACC": matched / len(truth), "Homogeneity": homogeneity_score(truth, ref),
                "Completeness": completeness_score(truth, ref), "V-measure": v_measure_score(truth, ref)}
    with open(f"{out_dir}/flow-variables.csv") as f:
        pushed = {r["name"]: float(r["value"]) for r in csv.DictReader(f) if r["type"] == "double"}
    properties = read_properties(f"{HERE}/hierarchical-cosine-blobs.properties")
    tolerance = float(properties.pop("tolerance"))
    assert set(properties) == set(expected), (sorted(properties), sorted(expected))
    for name, value in expected.items():
        assert abs(pushed[name] - value) <= SCORE_TOLERANCE, (name, pushed[name], value)
        assert abs(float(properties[name]) - value) <= tolerance, (name, properties[name], value)
    print("scores: workflow = scikit-learn = .properties: "
          + ", ".join(f"{name} {value:.10g}" for name, value in expected.items()))


def read_properties(path):
    with open(path) as f:
        lines = [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]
    return dict(line.split("=", 1) for line in lines)


if __name__ == "__main__":
    main(sys.argv[1])
