#!/usr/bin/env python3
"""Run YAKE (PyPI `yake`) on every document of the keyword dev set.

    pip install yake==0.7.3 nltk
    python3 bench/keywords/yake_run.py --lang en > /tmp/yake.en.jsonl
    python3 tests/testdata/keywords-dev/score.py tests/testdata/keywords-dev/en.keys.tsv /tmp/yake.en.jsonl

Settings: KeywordExtractor(lan=en|es, n=3, top=10) with YAKE's defaults for the rest
(dedup_lim=0.9, dedup_func="seqm", window_size=1, YAKE's own stop-word list). Output:
JSON lines {"doc": id, "keywords": [...]}, best first (lowest YAKE score first), in the
order of the documents file.

This is a reference baseline for hand-run comparisons; no test imports it.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "..", "tests", "testdata", "keywords-dev")
sys.path.insert(0, DEV)

from split_docs import read_docs  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["en", "es"], required=True)
    ap.add_argument("--docs", help="documents file (default: the dev set's <lang>.txt)")
    ap.add_argument("--n", type=int, default=3)
    ap.add_argument("--top", type=int, default=10)
    a = ap.parse_args()
    import yake

    path = a.docs or os.path.join(DEV, f"{a.lang}.txt")
    kw = yake.KeywordExtractor(lan=a.lang, n=a.n, top=a.top)
    for doc_id, text in read_docs(path):
        ranked = sorted(kw.extract_keywords(text), key=lambda x: x[1])
        out = {"doc": doc_id, "keywords": [k for k, _ in ranked]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
