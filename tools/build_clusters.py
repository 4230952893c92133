#!/usr/bin/env python3
"""Build word clusters of the AllSides text (an experiment, not shipped).

The README ("Accuracy on PolNeAR dev" -> "Tried and dropped") reports what
these clusters did as tagger features: little, for a cost in speed, so no
clusters file is committed and the tagger does not use one. This script is
kept so the experiment can be repeated or taken further.

PolNeAR's training split has about 240k words, so the cue tagger has seen few
of the verbs and phrases news uses to credit a source ("conceded",
"acknowledged", "bristled at"). Word clusters learned from unlabelled news
let a cue seen in training lend its weight to words used the same way
(Turian et al. 2010, "Word representations"; Koo et al. 2008).

How: word2vec (CBOW, 100 dimensions, window 5) over the AllSides article
text, tokenised and lowercased the way the tagger normalises tokens, then
k-means on the unit vectors of up to 60,000 of the most frequent words
(31,592 are seen 20 times or more in AllSides), twice: 1,024
fine clusters and 128 coarse ones (the tried features were the token's
fine and coarse cluster in the cue tagger). One line per word: `word<TAB>fine<TAB>coarse`,
most frequent first. Deterministic: one worker thread, fixed seeds,
PYTHONHASHSEED=0.

Needs numpy, scikit-learn and gensim (pip install gensim scikit-learn).
Run from the repository root (about 4 minutes on 2 cores):

    PYTHONHASHSEED=0 python tools/build_clusters.py \
        ../shared/data/allsides/articles.jsonl.gz clusters.tsv

The clusters are derived data (word ids, no text); the word list is the
corpus vocabulary, as in score/model/word_vectors.bin.
"""

import gzip
import json
import os
import re
import sys

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import KMeans

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*|[^\w\s]")
WORDS = 60_000
FINE, COARSE = 1024, 128


def tokens(text):
    out = []
    for t in TOKEN.findall(text):
        if t[0].isdigit():
            out.append("0")
        else:
            out.append(t.lower().replace("’", "'"))
    return out


class Sentences:
    """The corpus, one paragraph per sentence, re-read each epoch."""

    def __init__(self, path):
        self.path = path

    def __iter__(self):
        opener = gzip.open if self.path.endswith(".gz") else open
        with opener(self.path, "rt", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                for para in text.split("\n"):
                    toks = tokens(para)
                    if len(toks) > 2:
                        yield toks


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit("set PYTHONHASHSEED=0 (word2vec's vocabulary order depends on it)")
    corpus, out = sys.argv[1], sys.argv[2]
    model = Word2Vec(
        Sentences(corpus),
        vector_size=100,
        window=5,
        min_count=20,
        sg=0,
        epochs=5,
        workers=1,
        seed=1,
    )
    words = model.wv.index_to_key[:WORDS]
    vectors = np.array([model.wv[w] for w in words], dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    fine = KMeans(n_clusters=FINE, n_init=1, random_state=0).fit_predict(vectors)
    coarse = KMeans(n_clusters=COARSE, n_init=1, random_state=0).fit_predict(vectors)
    with open(out, "w", encoding="utf-8") as f:
        for w, a, b in zip(words, fine, coarse):
            if "\t" in w or "\n" in w:
                continue
            f.write(f"{w}\t{a}\t{b}\n")


if __name__ == "__main__":
    main()
