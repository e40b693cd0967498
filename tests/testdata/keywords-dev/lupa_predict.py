#!/usr/bin/env python3
"""Run the Lupa CLI on every dev document and write predictions for score.py.

    cargo build --release
    python3 tests/testdata/keywords-dev/lupa_predict.py --lang en > /tmp/lupa.en.jsonl
    python3 tests/testdata/keywords-dev/score.py tests/testdata/keywords-dev/en.keys.tsv /tmp/lupa.en.jsonl

Each document's text goes to ``lupa extract --lang LANG --include keywords`` on standard
input; the ``text`` of its ``keywords`` (Lupa's ranked ten best key phrases) are written
as ``{"doc": id, "keywords": [...]}``, one JSON line per document, in file order.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from split_docs import read_docs  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["en", "es"], required=True)
    ap.add_argument("--docs", help="documents file (default: <lang>.txt beside this script)")
    ap.add_argument("--lupa", default=os.path.join(HERE, "..", "..", "..", "target", "release", "lupa"),
                    help="the lupa binary (default: target/release/lupa)")
    a = ap.parse_args()
    path = a.docs or os.path.join(HERE, f"{a.lang}.txt")
    for doc_id, text in read_docs(path):
        r = subprocess.run([a.lupa, "extract", "--lang", a.lang, "--include", "keywords"],
                           input=text.encode("utf-8"), capture_output=True, check=True)
        kws = json.loads(r.stdout).get("keywords", [])
        out = {"doc": doc_id, "keywords": [k["text"] for k in kws]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
