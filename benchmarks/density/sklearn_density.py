#!/usr/bin/python3
"""The scikit-learn side of the density benchmark, and the data maker.

  sklearn_density.py make FILE ROWS COLS SEED      Gaussian blobs (make_blobs, 10 centres, std 1) + 2 % uniform
                                                   noise, raw little-endian float64 row-major
  sklearn_density.py dbscan FILE ROWS COLS EPS MIN_PTS
  sklearn_density.py optics FILE ROWS COLS MIN_SAMPLES MAX_EPS XI
Prints one JSON line per measurement. scikit-learn 1.2.1 has no HDBSCAN.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN, OPTICS
from sklearn.datasets import make_blobs


def load(path, n, d):
    return np.fromfile(path, dtype="<f8").reshape(n, d)


def report(task, n, d, seconds, labels):
    print(json.dumps({"impl": "sklearn " + sklearn.__version__, "task": task, "rows": n, "cols": d,
                      "seconds": round(seconds, 3), "clusters": int(labels.max() + 1),
                      "noise": int((labels < 0).sum())}))


def main(argv):
    task = argv[1]
    if task == "make":
        path, n, d, seed = argv[2], int(argv[3]), int(argv[4]), int(argv[5])
        noise = n // 50
        x, _ = make_blobs(n_samples=n - noise, n_features=d, centers=10, cluster_std=1.0, random_state=seed)
        rng = np.random.default_rng(seed)
        x = np.vstack([x, rng.uniform(x.min(), x.max(), size=(noise, d))])
        x = x[rng.permutation(n)]
        x.astype("<f8").tofile(path)
        return
    path, n, d = argv[2], int(argv[3]), int(argv[4])
    x = load(path, n, d)
    if task == "dbscan":
        model = DBSCAN(eps=float(argv[5]), min_samples=int(argv[6]))
    elif task == "optics":
        model = OPTICS(min_samples=int(argv[5]), max_eps=float(argv[6]), xi=float(argv[7]))
    else:
        raise SystemExit("unknown task " + task)
    t = time.perf_counter()
    model.fit(x)
    report(task, n, d, time.perf_counter() - t, model.labels_)


if __name__ == "__main__":
    main(sys.argv)
