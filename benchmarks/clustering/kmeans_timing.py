#!/usr/bin/python3
"""Side-by-side k-means timing helper (not the real benchmark): writes Gaussian blobs as raw little-endian doubles
for KMeansTiming.java and times scikit-learn's KMeans on the same data.

Usage: /usr/bin/python3 kmeans_timing.py ROWS DIMS K OUT.bin [REPEATS]
Prints one line per repeat: sklearn wall seconds, process CPU seconds (all threads; less sensitive to a busy
machine), n_iter, inertia (n_init=1, init='k-means++', max_iter=100, lloyd).
"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

rows, dims, k, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 3
x, _ = make_blobs(n_samples=rows, n_features=dims, centers=k, random_state=0)
x.astype("<f8").tofile(out)
for r in range(repeats):
    t, cpu = time.perf_counter(), time.process_time()
    km = KMeans(n_clusters=k, n_init=1, init="k-means++", max_iter=100, algorithm="lloyd", random_state=r).fit(x)
    print(f"sklearn lloyd seconds {time.perf_counter() - t:.3f} cpu {time.process_time() - cpu:.3f} "
          f"n_iter {km.n_iter_} inertia {km.inertia_:.6g}")
