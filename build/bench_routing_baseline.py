#!/usr/bin/env python3
"""Baseline for message routing: jieba + TF-IDF (word 1-2-grams, sublinear tf) + LinearSVC.

Usage: bench_routing_baseline.py TRAIN.csv TEST.csv
Reads subject,body,label CSV files, trains on the first, predicts the second and prints
"macro_f1=<value>" on the last line. build/bench-routing.sh times the whole run.
"""
import csv
import sys

import jieba
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = [(r["subject"] + "\n" + r["body"]) for r in rows]
    return texts, [r["label"] for r in rows]


def cut(text):
    return [w for w in jieba.lcut(text) if w.strip()]


def main():
    train_x, train_y = read(sys.argv[1])
    test_x, test_y = read(sys.argv[2])
    vec = TfidfVectorizer(tokenizer=cut, lowercase=False, token_pattern=None,
                          ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    clf = LinearSVC(C=1.0)
    clf.fit(vec.fit_transform(train_x), train_y)
    pred = clf.predict(vec.transform(test_x))
    print("macro_f1=%.4f" % f1_score(test_y, pred, average="macro"))


if __name__ == "__main__":
    main()
