#!/usr/bin/env python3
"""Cross-checks test workflow som-blobs with a batch SOM written in numpy (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/som-blobs -reset -nosave -outputDir=/tmp/som-blobs
       /usr/bin/python3 test-workflows/expected/som-blobs.crosscheck.py /tmp/som-blobs

No SOM library is installed, so this is Kohonen's batch SOM as the node documents it: a 5 x 5 grid (unit u at row
u // 5, column u % 5), codebook initialised on the plane of the first two principal components (numpy's
eigendecomposition of the covariance; mean + 2 (a sd1 pc1 + b sd2 pc2) with a, b evenly spaced in [-1, 1], each
component's largest entry positive), 20 epochs with a Gaussian neighbourhood whose radius falls linearly from 2.5
(half the grid side) to 0.5, each unit the neighbourhood-weighted mean of the rows; the used units are then merged
into 4 clusters with scikit-learn's KMeans(n_init=10). It prints how many rows get the same unit as in the workflow,
the quantization and topographic errors (compare with the flow variables), ARI/NMI against the true labels and the
ARI between this partition and the workflow's Cluster column.
"""
import csv
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROWS = COLS = 5
EPOCHS, RADIUS_START, RADIUS_END, MERGE = 20, 2.5, 0.5, 4


def som(x):
    grid = np.array([(u // COLS, u % COLS) for u in range(ROWS * COLS)], dtype=float)
    mean = x.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(x, rowvar=False))
    pcs, sds = [], []
    for i in (-1, -2):
        v = vectors[:, i]
        pcs.append(v if v[np.argmax(np.abs(v))] > 0 else -v)
        sds.append(np.sqrt(values[i]))
    a = -1 + 2 * grid[:, 0] / (ROWS - 1)
    b = -1 + 2 * grid[:, 1] / (COLS - 1)
    codebook = mean + 2 * (np.outer(a * sds[0], pcs[0]) + np.outer(b * sds[1], pcs[1]))
    grid_d2 = ((grid[:, None, :] - grid[None, :, :]) ** 2).sum(axis=2)
    for epoch in range(EPOCHS):
        sigma = RADIUS_START + (RADIUS_END - RADIUS_START) * epoch / (EPOCHS - 1)
        bmu = ((x[:, None, :] - codebook[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        h = np.exp(-grid_d2 / (2 * sigma ** 2))[:, bmu]  # units x rows
        codebook = h @ x / h.sum(axis=1, keepdims=True)
    d2 = ((x[:, None, :] - codebook[None, :, :]) ** 2).sum(axis=2)
    order = d2.argsort(axis=1)
    bmu, second = order[:, 0], order[:, 1]
    quantization = np.sqrt(d2[np.arange(len(x)), bmu]).mean()
    topographic = np.mean(np.abs(grid[bmu] - grid[second]).max(axis=1) > 1)
    used = np.unique(bmu)
    merged = KMeans(MERGE, n_init=10, random_state=0).fit(codebook[used])
    unit_cluster = merged.predict(codebook)
    return bmu, unit_cluster[bmu], quantization, topographic


def main(out_dir):
    with open(f"{out_dir}/2_Self_Organizing_Map_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    our_units = np.array([int(r["SOM unit"]) for r in rows])
    units, ref, quantization, topographic = som(x)
    print(f"reference: same unit as the workflow for {int(np.sum(units == our_units))} of {len(x)} rows, "
          f"quantization error {quantization:.10f}, topographic error {topographic:.4f}, "
          f"ARI vs truth {adjusted_rand_score(truth, ref):.10f}, NMI {normalized_mutual_info_score(truth, ref):.10f}; "
          f"workflow: ARI vs truth {adjusted_rand_score(truth, ours):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ours):.10f}; ARI workflow vs reference "
          f"{adjusted_rand_score(ours, ref):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
