"""scikit-learn side of src/RepeatedFits.java: the same k-means fitted several times in one process, milliseconds each.
Usage: /usr/bin/python3 repeated_fits.py /tmp/deepcluster-clustering-bench/blobs-10000.f64 15 [kmeans|gmm_diag]"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture

x = np.fromfile(sys.argv[1], "<f8").reshape(-1, 32)
times = []
for _ in range(int(sys.argv[2])):
    t = time.time()
    if len(sys.argv) > 3 and sys.argv[3] == "gmm_diag":
        GaussianMixture(n_components=10, covariance_type="diag", n_init=1, max_iter=100, random_state=0).fit(x)
    else:
        KMeans(10, n_init=1, max_iter=100, random_state=0, algorithm="lloyd").fit(x)
    times.append("%.1f" % ((time.time() - t) * 1000))
print(" ".join(times))
