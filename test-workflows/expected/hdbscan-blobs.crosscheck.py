#!/usr/bin/env python3
"""Cross-checks test workflow hdbscan-blobs with an independent HDBSCAN in numpy/scipy (run with /usr/bin/python3).

Usage: ./knime-batch -workflowDir=test-workflows/hdbscan-blobs -reset -nosave -outputDir=/tmp/hdbscan-blobs
       /usr/bin/python3 test-workflows/expected/hdbscan-blobs.crosscheck.py /tmp/hdbscan-blobs

scikit-learn 1.2.1 has no HDBSCAN and the hdbscan package is not installed, so this is the textbook algorithm
(Campello et al. 2013; the conventions of the hdbscan package and scikit-learn >= 1.3): core distance = distance to
the min_samples-th nearest row counting the row itself, mutual reachability distances, their minimum spanning tree
(scipy), the single-linkage tree condensed with min_cluster_size, clusters chosen by excess of mass (the root is not a
candidate), rows labelled with the chosen cluster they last belonged to, else noise. It prints the spanning tree's
weight (compare with the node's model summary), the number of clusters and noise rows, ARI/NMI against the true
labels and the ARI between this partition and the workflow's Cluster column.
"""
import csv
import sys

import numpy as np
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.spatial.distance import cdist
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

MIN_CLUSTER_SIZE = MIN_SAMPLES = 10


def hdbscan(x, min_cluster_size, min_samples):
    n = len(x)
    d = cdist(x, x)
    core = np.sort(d, axis=1)[:, min_samples - 1]
    reach = np.maximum(d, np.maximum(core[:, None], core[None, :]))
    np.fill_diagonal(reach, 0)
    mst = minimum_spanning_tree(reach).tocoo()
    order = np.argsort(mst.data, kind="stable")
    # single-linkage tree: node n + i merges children[i] at height heights[i]
    parent = list(range(2 * n - 1))
    size = [1] * n + [0] * (n - 1)
    children, heights = [], []

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, e in enumerate(order):
        a, b = find(mst.row[e]), find(mst.col[e])
        parent[a] = parent[b] = n + i
        size[n + i] = size[a] + size[b]
        children.append((a, b))
        heights.append(mst.data[e])

    def leaves(node):
        stack, out = [node], []
        while stack:
            v = stack.pop()
            if v < n:
                out.append(v)
            else:
                stack.extend(children[v - n])
        return out

    # condensed tree: clusters with birth lambda, parent cluster, and (point, lambda at which it falls out)
    birth, cluster_parent, kids = {0: 0.0}, {0: None}, {0: []}
    fall = {}  # point -> (cluster it last belonged to, lambda)
    stack = [(2 * n - 2, 0)]
    while stack:
        node, c = stack.pop()
        if node < n:
            fall[node] = (c, np.inf)
            continue
        a, b = children[node - n]
        lam = 1 / heights[node - n] if heights[node - n] > 0 else np.inf
        big = [v for v in (a, b) if size[v] >= min_cluster_size]
        if len(big) == 2:
            for v in (a, b):
                new = len(birth)
                birth[new], cluster_parent[new], kids[new] = lam, c, []
                kids[c].append(new)
                stack.append((v, new))
        else:
            for v in (a, b):
                if v in big:
                    stack.append((v, c))
                else:
                    for p in leaves(v):
                        fall[p] = (c, lam)
    # stability: points leaving the cluster, and the rows of child clusters leaving at the child's birth
    stability = {c: 0.0 for c in birth}
    for p, (c, lam) in fall.items():
        stability[c] += (lam if np.isfinite(lam) else 0) - birth[c]
    members = {c: 0 for c in birth}
    for p, (c, _) in fall.items():
        while c is not None:
            members[c] += 1
            c = cluster_parent[c]
    for c in birth:
        if cluster_parent[c] is not None:
            stability[cluster_parent[c]] += members[c] * (birth[c] - birth[cluster_parent[c]])
    selected, best = set(), {}
    for c in sorted(birth, reverse=True):  # children have larger ids than their parents
        child_sum = sum(best[k] for k in kids[c])
        if c != 0 and (not kids[c] or stability[c] >= child_sum):
            best[c] = stability[c]
            selected.add(c)
            todo = list(kids[c])
            while todo:
                k = todo.pop()
                selected.discard(k)
                todo.extend(kids[k])
        else:
            best[c] = child_sum
    labels = np.full(n, -1)
    names = {c: i for i, c in enumerate(sorted(selected))}
    for p, (c, _) in fall.items():
        while c is not None and c not in selected:
            c = cluster_parent[c]
        if c is not None:
            labels[p] = names[c]
    return labels, mst.data.sum()


def main(out_dir):
    with open(f"{out_dir}/2_HDBSCAN_port0.csv") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in ("x0", "x1", "x2", "x3")] for r in rows])
    truth = [r["label"] for r in rows]
    ours = [r["Cluster"] for r in rows]
    ref, weight = hdbscan(x, MIN_CLUSTER_SIZE, MIN_SAMPLES)
    print(f"reference: spanning tree weight {weight:.10g}, {len(set(ref) - {-1})} clusters, "
          f"{int(np.sum(ref == -1))} noise rows, ARI vs truth {adjusted_rand_score(truth, ref):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ref):.10f}; workflow: {len(set(ours) - {'Noise'})} clusters, "
          f"{ours.count('Noise')} noise rows, ARI vs truth {adjusted_rand_score(truth, ours):.10f}, "
          f"NMI {normalized_mutual_info_score(truth, ours):.10f}; ARI workflow vs reference "
          f"{adjusted_rand_score(ours, ref):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
