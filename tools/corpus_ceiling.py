#!/usr/bin/env python3
"""How far could a meaning signal take corroboration on a corpus of one story
told by several outlets? An experiment, not part of credence.

`corpus/` is five rewritten reports of one leaked call: every claim shares the
story's names and topic with every other, and the same fact is told in other
words ("timing the Trump-Putin conversation to occur before Zelenskyy's
visit" / "arrange a Trump-Putin phone call prior to Zelenskyy's scheduled
visit"). This ranks *every* cross-outlet pair of check-worthy claims (not only
credence's candidates) by each signal and reports, against the hand-annotated
same-fact pairs (`annotations/corroboration/corpus.tsv`), how many annotated
pairs each ranking puts in its top 10, 20 and 40, and the most annotated pairs
it finds at precision >= 0.70 (the issue's bar):

- credence: the same-fact model's probability, best over the claims'
  clauses (`--candidates-out`; a pair that is never a candidate scores 0);
- all-MiniLM-L6-v2 sentence embeddings (the transformer itself, in numpy via
  `same_fact_ceiling.py`: an upper bound for any static embedding distilled
  from it);
- WordLlama static embeddings at 64 dimensions (what credence ships,
  mean-pooled here) and at 256;
- IDF-weighted coverage (harmonic mean of the two sides' covered IDF mass;
  IDF from the first 5,000 AllSides articles rather than from the five).

Reproduce (venv as in `same_fact_ceiling.py`, plus `wordllama==0.4.0.post1`,
`snowballstemmer` and `stop-words`):

    cargo run --release -- extract corpus -o /tmp/corpus-x
    cargo run --release -- eval-corroboration --gold-pairs annotations/corroboration/corpus.tsv corpus \\
        --candidates-out /tmp/corpus-candidates.tsv
    python tools/corpus_ceiling.py /tmp/corpus-x/extraction.jsonl.gz /tmp/corpus-candidates.tsv \\
        annotations/corroboration/corpus.tsv ../shared/data/allsides/articles.jsonl.gz
"""
import csv
import gzip
import itertools
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import snowballstemmer
import wordllama
from safetensors.numpy import load_file
from stop_words import get_stop_words
from tokenizers import Tokenizer

sys.path.insert(0, str(Path(__file__).parent))
from same_fact_ceiling import MiniLM  # noqa: E402

WORD = re.compile(r"[^\W_]+")
BACKGROUND = 5000


def claims_of(extraction: str):
    out = []
    with gzip.open(extraction, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            chars = d["text"]
            for c in d["claims"]:
                if c["checkworthy"]:
                    s = c["span"]
                    out.append((c["id"], d["outlet"] or d["article_id"], chars[s["start"] : s["end"]]))
    return out


def ranked(pairs, score):
    order = sorted(range(len(pairs)), key=lambda i: -score[i])
    gold = [pairs[i][2] for i in order]
    tops = [sum(gold[:n]) for n in (10, 20, 40)]
    best, tp = 0, 0
    for n, g in enumerate(gold, 1):
        tp += g
        if tp / n >= 0.7:
            best = max(best, tp)
    return tops, best


def main(extraction: str, candidates: str, annotated: str, background: str) -> None:
    claims = claims_of(extraction)
    gold = set()
    with open(annotated, encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t"))[1:]:
            gold.add(tuple(sorted(row[:2])))
    pairs = [
        (i, j, tuple(sorted((claims[i][0], claims[j][0]))) in gold)
        for i, j in itertools.combinations(range(len(claims)), 2)
        if claims[i][1] != claims[j][1]
    ]
    probability = {}
    with open(candidates, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            k = (r["claim_id"], r["other_claim_id"])
            probability[k] = max(probability.get(k, 0.0), float(r["probability"]))
    signals = {
        "credence same-fact probability": [
            probability.get(tuple(sorted((claims[i][0], claims[j][0]))), 0.0) for i, j, _ in pairs
        ]
    }
    minilm = MiniLM()
    e = np.array([minilm.embed(c[2]) for c in claims])
    signals["all-MiniLM-L6-v2 cosine"] = [float(e[i] @ e[j]) for i, j, _ in pairs]
    base = Path(wordllama.__file__).parent
    tok = Tokenizer.from_file(str(base / "tokenizers/l2_supercat_tokenizer_config.json"))
    table = load_file(str(base / "weights/l2_supercat_256.safetensors"))["embedding.weight"]
    v = np.array([table[tok.encode(c[2], add_special_tokens=False).ids].mean(0) for c in claims])
    for dims in (64, 256):
        w = v[:, :dims] / np.linalg.norm(v[:, :dims], axis=1, keepdims=True)
        signals[f"WordLlama {dims}-dim cosine"] = [float(w[i] @ w[j]) for i, j, _ in pairs]
    stem = snowballstemmer.stemmer("english").stemWord
    stop = set(get_stop_words("en"))
    df, n = Counter(), 0
    with gzip.open(background, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, BACKGROUND):
            n += 1
            df.update({stem(w.lower()) for w in WORD.findall(json.loads(line).get("text") or "")})
    terms = [
        {stem(w.lower()) for w in WORD.findall(c[2]) if w.lower() not in stop} for c in claims
    ]
    idf = lambda t: math.log((n + 1) / (df.get(t, 0) + 1))  # noqa: E731

    def coverage(i, j):
        mi, mj = sum(map(idf, terms[i])), sum(map(idf, terms[j]))
        both = sum(map(idf, terms[i] & terms[j]))
        a, b = both / mi if mi else 0.0, both / mj if mj else 0.0
        return 2 * a * b / (a + b) if a + b else 0.0

    signals["IDF coverage (AllSides IDF)"] = [coverage(i, j) for i, j, _ in pairs]
    print(
        f"{len(claims)} check-worthy claims, {len(pairs)} cross-outlet pairs, "
        f"{sum(p[2] for p in pairs)} annotated same-fact pairs\n"
    )
    print("| signal | annotated in top 10 | top 20 | top 40 | most found at precision ≥ 0.70 |")
    print("|---|---:|---:|---:|---:|")
    for name, score in signals.items():
        (t10, t20, t40), best = ranked(pairs, score)
        print(f"| {name} | {t10} | {t20} | {t40} | {best} |")


if __name__ == "__main__":
    main(*sys.argv[1:5])
