#!/usr/bin/env python3
"""Run TextRank (PyPI `summa`, Barrios et al.'s implementation) on every dev document.

    pip install summa==1.2.0 nltk
    python3 bench/keywords/textrank_run.py --lang es > /tmp/textrank.es.jsonl
    python3 tests/testdata/keywords-dev/score.py tests/testdata/keywords-dev/es.keys.tsv /tmp/textrank.es.jsonl

summa.keywords.keywords(text, language="english"|"spanish", scores=True) with its defaults
(window 2, PageRank over nouns and adjectives found by its own stop-word filter, adjacent
keywords merged into phrases); the phrases are ranked by score and the first 10 kept.
summa needs no spaCy model, unlike pytextrank. Output: JSON lines {"doc": id, "keywords": [...]}.
A reference baseline only; no test imports it.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "..", "tests", "testdata", "keywords-dev")
sys.path.insert(0, DEV)

from split_docs import read_docs  # noqa: E402

LANG = {"en": "english", "es": "spanish"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["en", "es"], required=True)
    ap.add_argument("--docs", help="documents file (default: the dev set's <lang>.txt)")
    ap.add_argument("--top", type=int, default=10)
    a = ap.parse_args()
    from summa import keywords

    path = a.docs or os.path.join(DEV, f"{a.lang}.txt")
    for doc_id, text in read_docs(path):
        try:
            ranked = keywords.keywords(text, language=LANG[a.lang], scores=True)
        except (ValueError, ZeroDivisionError, IndexError):
            ranked = []
        ranked = sorted(ranked, key=lambda x: -x[1])[: a.top]
        out = {"doc": doc_id, "keywords": [k for k, _ in ranked]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
