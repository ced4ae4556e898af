#!/usr/bin/python3
"""Reference dendrograms for DendrogramLayoutTest and HierarchicalClusteringMergeHistoryTest, made with SciPy.

Run: /usr/bin/python3 dendrogram_reference.py > dendrogram_reference.json   (in this folder)

Each case holds the rows (where the test clusters them itself), SciPy's linkage matrix (left id, right id, height,
size) and, per p, what scipy.cluster.hierarchy.dendrogram(Z, truncate_mode="lastp", p=p, no_plot=True) lays out:
"ivl" (leaf labels left to right: a row number, or "(size)" for a truncated subtree), "leaves" (their ids) and the
links as "icoord"/"dcoord" (x at 5, 15, 25, ... for leaves 0, 1, 2, ...; heights).
"""
import json

import numpy as np
import scipy
from scipy.cluster.hierarchy import dendrogram, linkage


def layouts(z, ps):
    out = {}
    for p in ps:
        d = dendrogram(z, truncate_mode="lastp", p=p, no_plot=True)
        out[str(p)] = {"ivl": d["ivl"], "leaves": [int(x) for x in d["leaves"]],
                       "icoord": d["icoord"], "dcoord": d["dcoord"]}
    return out


def case(rows, z, ps):
    return {"rows": None if rows is None else rows.tolist(), "linkage": z.tolist(), "lastp": layouts(z, ps)}


rng = np.random.default_rng(20261129)
centres = np.array([[0.0, 0.0], [8.0, 1.0], [3.0, 9.0]])
blobs = np.vstack([c + rng.normal(scale=1.2, size=(20, 2)) for c in centres])  # 60 rows, 2 columns
line = np.arange(8, dtype=float).reshape(-1, 1)  # 8 equally spaced rows: every single-linkage merge at height 1
two = np.array([[0.0, 0.0], [3.0, 4.0]])
cases = {
    "scipy": scipy.__version__,
    "blobs_ward": case(blobs, linkage(blobs, method="ward"), [30, 5, 2, 60]),
    "blobs_average": case(blobs, linkage(blobs, method="average"), [30]),
    "line_single": case(line, linkage(line, method="single"), [5, 8]),
    "two_ward": case(two, linkage(two, method="ward"), [30, 2]),
}
print(json.dumps(cases, indent=1))
