#!/usr/bin/env python3
"""Emit the documents of en.txt / es.txt as JSON lines, one per document, in file order.

    python3 split_docs.py en.txt > en.docs.jsonl        # {"doc": id, "text": ...}
    python3 split_docs.py es.txt --lang es               # adds "lang": "es" to each line

A document starts at a line ``### doc <id>`` and runs to the next such line; its text is
the lines in between with leading and trailing blank lines removed (paragraphs stay
separated by one blank line).
"""
import argparse
import json
import sys


def read_docs(path):
    docs, cur_id, cur = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("### doc "):
                if cur_id is not None:
                    docs.append((cur_id, "\n".join(cur).strip("\n")))
                cur_id, cur = line[len("### doc "):].strip(), []
            elif cur_id is not None:
                cur.append(line)
    if cur_id is not None:
        docs.append((cur_id, "\n".join(cur).strip("\n")))
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", help="en.txt or es.txt")
    ap.add_argument("--lang", help="also write this language code as \"lang\"")
    a = ap.parse_args()
    for doc_id, text in read_docs(a.docs):
        obj = {"doc": doc_id, "text": text}
        if a.lang:
            obj["lang"] = a.lang
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
