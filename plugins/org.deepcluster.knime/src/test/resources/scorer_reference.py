#!/usr/bin/python3
"""Reference scores for ClusteringScorerNodeModelTest, computed with scikit-learn (Debian python3-sklearn).

Run: /usr/bin/python3 scorer_reference.py   -- the printed values are pasted into the test.
"""
import numpy as np
import sklearn
from scipy.optimize import linear_sum_assignment
from sklearn import metrics

truth = ["B cell", "B cell", "B cell", "T cell", "T cell", "T cell", "NK", "NK", "NK", "NK", "T cell", "B cell"]
pred = ["Cluster_2", "Cluster_2", "Cluster_0", "Cluster_0", "Cluster_0", "Cluster_0", "Cluster_1", "Cluster_1",
        "Cluster_1", "Cluster_2", "Cluster_3", "Cluster_2"]

c = metrics.cluster.contingency_matrix(truth, pred)
r, k = linear_sum_assignment(-c)
h, comp, v = metrics.homogeneity_completeness_v_measure(truth, pred)
print("sklearn", sklearn.__version__)
print("ARI", repr(metrics.adjusted_rand_score(truth, pred)))
print("NMI", repr(metrics.normalized_mutual_info_score(truth, pred)))
print("ACC", repr(c[r, k].sum() / len(truth)))
print("Homogeneity", repr(h))
print("Completeness", repr(comp))
print("V-measure", repr(v))
