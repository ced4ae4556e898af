"""Writes the clustering benchmark's data: Gaussian blobs in 32 dimensions, 10 centres (sklearn make_blobs,
cluster_std 1.0, centre box (-10, 10)), as raw little-endian float64 row-major files <name>.f64 plus the true labels
as little-endian int32 <name>.labels.i32, so that our engine and scikit-learn read exactly the same numbers.

Usage: /usr/bin/python3 make_data.py OUT_DIR ROWS [ROWS...]
"""
import os
import sys

import numpy as np
from sklearn.datasets import make_blobs


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for rows in (int(r) for r in sys.argv[2:]):
        path = os.path.join(out, "blobs-%d.f64" % rows)
        if os.path.exists(path):
            continue
        x, y = make_blobs(n_samples=rows, n_features=32, centers=10, cluster_std=1.0, center_box=(-10, 10),
                          random_state=42)
        x.astype("<f8").tofile(path)
        y.astype("<i4").tofile(os.path.join(out, "blobs-%d.labels.i32" % rows))


if __name__ == "__main__":
    main()
