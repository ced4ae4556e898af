#!/usr/bin/python3
"""TF-IDF + k-means baseline for text-lstm.sh: scikit-learn TfidfVectorizer (lower case, tokens = runs of letters and
digits as our Tokenizer, min_df 2, sublinear tf off, l2-normalised rows) and KMeans(k = number of labels, n_init=10,
random_state=SEED) on the sparse TF-IDF matrix. Prints one CSV line like TextLstmBenchmark.

Usage: /usr/bin/python3 text_tfidf_baseline.py DATA_DIR/SET SEED
"""
import csv
import gzip
import os
import sys
import time

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

folder, seed = sys.argv[1], int(sys.argv[2])
with gzip.open(os.path.join(folder, "texts.tsv.gz"), "rt", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
with open(os.path.join(folder, "labels.csv"), encoding="utf-8") as f:
    label = {r[0]: r[1] for r in list(csv.reader(f))[1:]}
texts = [r[1] for r in rows]
truth = [label[r[0]] for r in rows]
k = len(set(truth))
start = time.time()
x = TfidfVectorizer(lowercase=True, token_pattern=r"(?u)[^\W_]+", min_df=2).fit_transform(texts)
pred = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)
print("%s,tfidf_kmeans,%d,,%d,,%.4f,%.4f,,%.1f" % (os.path.basename(folder), seed, x.shape[1],
      adjusted_rand_score(truth, pred), normalized_mutual_info_score(truth, pred), time.time() - start))
