#!/usr/bin/python3
"""Writes Gaussian blobs as raw little-endian float64 (n x d) for the agglomerative benchmark.

Usage: make_data.py N D OUT
"""
import sys

import numpy as np
from sklearn.datasets import make_blobs

n, d, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
x, _ = make_blobs(n_samples=n, n_features=d, centers=10, cluster_std=2.0, random_state=0)
np.ascontiguousarray(x, dtype="<f8").tofile(out)
