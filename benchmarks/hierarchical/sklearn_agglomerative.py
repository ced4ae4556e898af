#!/usr/bin/python3
"""Times scikit-learn's AgglomerativeClustering on a data file written by make_data.py.

Usage: sklearn_agglomerative.py DATA N D LINKAGE K REPEATS LABELS
Prints one JSON line per repeat; writes the labels of the last repeat to LABELS.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import AgglomerativeClustering

data, n, d, linkage, k, repeats, labels_out = sys.argv[1:8]
n, d, k, repeats = int(n), int(d), int(k), int(repeats)
x = np.fromfile(data, dtype="<f8").reshape(n, d)
labels = None
for r in range(repeats):
    start = time.perf_counter()
    labels = AgglomerativeClustering(n_clusters=k, linkage=linkage).fit(x).labels_
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"scikit-learn {sklearn.__version__}", "linkage": linkage, "n": n, "d": d,
                      "repeat": r, "seconds": round(seconds, 3)}), flush=True)
np.savetxt(labels_out, labels, fmt="%d")
