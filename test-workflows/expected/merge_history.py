"""The check of a Hierarchical Clustering node's Merge history port (port 2) against SciPy's linkage matrix, shared by
the hierarchical cross-check scripts in this folder (they import it from here: Python puts a script's folder first on
its module path)."""
import csv

import numpy as np


def check_merge_history(out_dir, z, row_ids, clusters, height_tolerance=None):
    """Compares the port's merges with SciPy's linkage matrix z (ids, sizes, heights), and checks the row IDs and the
    Kept flags (Kept = the first n - k merges for the workflow's k clusters). With a height tolerance, differing ids,
    sizes or heights fail the check; without, they are only reported."""
    with open(f"{out_dir}/2_Hierarchical_Clustering_port2.csv") as f:
        merges = list(csv.DictReader(f))
    n = len(row_ids)
    assert len(merges) == n - 1 == len(z), (len(merges), len(z))
    ids = np.array([[int(m["Left"]), int(m["Right"]), int(m["Size"])] for m in merges])
    same_ids = bool((ids[:, 0] == z[:, 0]).all() and (ids[:, 1] == z[:, 1]).all() and (ids[:, 2] == z[:, 3]).all())
    height_diff = max(abs(float(m["Height"]) - z[i, 2]) for i, m in enumerate(merges))
    if height_tolerance is not None:
        assert same_ids, "merge ids or sizes differ from SciPy's linkage matrix"
        assert height_diff <= height_tolerance, f"merge heights differ from SciPy's by {height_diff}"
    for m in merges:
        for side, column in (("Left", "Left row ID"), ("Right", "Right row ID")):
            expected = row_ids[int(m[side])] if int(m[side]) < n else ""
            assert m[column] == expected, (m, column, expected)
    k = len(set(clusters))
    kept = [m["Kept"] == "true" for m in merges]
    assert kept == [i < n - k for i in range(n - 1)], "Kept = the first n - k merges"
    print(f"merge history: {len(merges)} merges, ids and sizes equal SciPy's: {same_ids}, largest height difference "
          f"{height_diff:.3g}, row IDs and Kept flags consistent")
