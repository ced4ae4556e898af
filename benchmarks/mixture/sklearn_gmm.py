#!/usr/bin/python3
"""scikit-learn peer of GaussianMixtureBenchmark.java: same arguments, same JSON lines.

Usage: /usr/bin/python3 sklearn_gmm.py DATA_FILE ROWS DIMS K TYPE MAX_ITER TOL N_INIT REPEATS
       /usr/bin/python3 sklearn_gmm.py --write-data DATA_FILE ROWS DIMS K
(make_blobs: spread 1, centres in [-10, 10], random_state 42; raw little-endian float64, row-major)
"""
import json
import os
import sys
import time
import warnings

from sklearn.datasets import make_blobs
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

import numpy as np

if sys.argv[1] == "--write-data":
    rows, dims, k = (int(a) for a in sys.argv[3:6])
    x, _ = make_blobs(n_samples=rows, n_features=dims, centers=k, cluster_std=1.0, center_box=(-10, 10),
                      random_state=42)
    x.astype("<f8").tofile(sys.argv[2])
    sys.exit(0)
rows, dims, k = (int(a) for a in sys.argv[2:5])
cov = sys.argv[5]
max_iter, tol, n_init, repeats = int(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9])
x = np.fromfile(sys.argv[1], dtype="<f8").reshape(rows, dims)
warnings.simplefilter("ignore", ConvergenceWarning)
for r in range(repeats):
    start = time.perf_counter()
    gm = GaussianMixture(n_components=k, covariance_type=cov, max_iter=max_iter, tol=tol, n_init=n_init,
                         reg_covar=1e-6, init_params="kmeans", random_state=42).fit(x)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": "sklearn", "rows": rows, "dims": dims, "k": k, "type": cov, "max_iter": max_iter,
                      "tol": tol, "n_init": n_init, "repeat": r, "seconds": round(seconds, 4), "n_iter": int(gm.n_iter_),
                      "converged": bool(gm.converged_), "lower_bound": float(gm.lower_bound_),
                      "threads": os.cpu_count()}), flush=True)
