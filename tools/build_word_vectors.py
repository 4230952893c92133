#!/usr/bin/env python3
"""Build score/model/word_vectors.bin: static word vectors for the same-fact
matcher, from WordLlama's token embeddings (MIT licence; PyPI package
`wordllama`, which ships its tokenizer and weights inside the wheel).

WordLlama embeds a text as the mean of its tokens' embeddings. Summing each
word's token embeddings ahead of time gives a word table whose sums, added up
over a claim's words, give the same vector (up to scale) without a tokenizer
at run time. The vocabulary is the most frequent surface forms in the AllSides
text (words split as credence splits them); the first 64 dimensions are kept
(WordLlama is trained Matryoshka-style: on MRPC, the cosine of 64-dimension
sentence vectors ranks pairs with AUC 0.721 against 0.729 at 256), and each
vector is quantised to int8 with its own scale.

Reproduce (deterministic for the pinned versions):

    python3 -m venv /tmp/wl && /tmp/wl/bin/pip install wordllama==0.4.0.post1
    /tmp/wl/bin/python tools/build_word_vectors.py ../shared/data/allsides/articles.jsonl.gz score/model/word_vectors.bin

Format (little-endian): b"CRDWV1\\n", u32 words, u32 dims, then the words
(UTF-8, each ending in \\n), then per word an f32 scale and `dims` i8 values.
"""
import collections, gzip, json, re, struct, sys
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer
import wordllama

WORDS = 50_000
DIMS = 64
# Runs of letters and digits, as credence's `normalize::words` splits a claim.
WORD = re.compile(r"[^\W_]+")


def main(corpus: str, out: str) -> None:
    counts = collections.Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            counts.update(WORD.findall(text))
    vocab = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDS]
    words = sorted(w for w, _ in vocab)
    base = Path(wordllama.__file__).parent
    tok = Tokenizer.from_file(str(base / "tokenizers/l2_supercat_tokenizer_config.json"))
    table = load_file(str(base / "weights/l2_supercat_256.safetensors"))["embedding.weight"]
    table = table[:, :DIMS].astype(np.float32)
    with open(out, "wb") as f:
        f.write(b"CRDWV1\n")
        f.write(struct.pack("<II", len(words), DIMS))
        f.write("".join(w + "\n" for w in words).encode("utf-8"))
        for w in words:
            ids = tok.encode(w, add_special_tokens=False).ids
            v = table[ids].sum(axis=0)
            scale = float(np.abs(v).max()) / 127.0 or 1.0
            q = np.clip(np.rint(v / scale), -127, 127).astype(np.int8)
            f.write(struct.pack("<f", scale))
            f.write(q.tobytes())
    print(f"{len(words)} words x {DIMS} dims -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
