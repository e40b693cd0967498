#!/usr/bin/env python3
"""Split a quote dev-set text file (en.txt / es.txt) into its documents.

    python3 split_docs.py split en.txt OUTDIR     # OUTDIR/0001.txt … (exact text, no added newline)
                                                  # and OUTDIR/index.tsv (file <TAB> doc_id)
    python3 split_docs.py jsonl en.txt            # one JSON object {"id","text"} per line on stdout
    python3 split_docs.py combine OUTDIR > pred.json
        # after running the CLI on every OUTDIR/NNNN.txt into OUTDIR/NNNN.json, e.g.
        #   for f in OUTDIR/*.txt; do lupa extract "$f" --lang en --include quotes,entities > "${f%.txt}.json"; done
        # writes the JSON list (one object per document, in file order) that score.py reads.

Document text, exactly (the same function is used by score.py and resolve_ann.py):
a document starts at a line `### doc <id>`; its text is everything after that
line's newline up to, but not including, the newline that precedes the next
`### doc ` line, or, for the last document, the newline that ends the file.
No text line starts with `### doc `. Paragraphs inside a text are separated by
one blank line ("\\n\\n").
"""
import json
import os
import sys

HEADER = "### doc "


def read_docs(path):
    """[(doc_id, text)] in file order, by the definition above."""
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if not data.startswith(HEADER):
        raise ValueError(f"{path}: must start with a '{HEADER}<id>' line")
    if not data.endswith("\n"):
        raise ValueError(f"{path}: must end with a newline")
    docs, pos = [], 0
    while pos < len(data):
        nl = data.index("\n", pos)
        doc_id = data[pos + len(HEADER):nl].strip()
        start = nl + 1
        nxt = data.find("\n" + HEADER, start - 1)
        if nxt == -1:
            end, pos = len(data) - 1, len(data)
        else:
            end, pos = nxt, nxt + 1
        if end < start:  # empty document: header followed directly by the next header
            end = start
        docs.append((doc_id, data[start:end]))
    ids = [d for d, _ in docs]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate document ids")
    return docs


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "split" and len(argv) == 4:
        docs = read_docs(argv[2])
        os.makedirs(argv[3], exist_ok=True)
        with open(os.path.join(argv[3], "index.tsv"), "w", encoding="utf-8") as idx:
            for i, (doc_id, text) in enumerate(docs, 1):
                name = f"{i:04d}.txt"
                with open(os.path.join(argv[3], name), "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                idx.write(f"{name}\t{doc_id}\n")
        print(f"{len(docs)} documents written to {argv[3]}", file=sys.stderr)
    elif cmd == "jsonl" and len(argv) == 3:
        for doc_id, text in read_docs(argv[2]):
            sys.stdout.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    elif cmd == "combine" and len(argv) == 3:
        out = []
        with open(os.path.join(argv[2], "index.tsv"), encoding="utf-8") as idx:
            for line in idx:
                name, doc_id = line.rstrip("\n").split("\t")
                with open(os.path.join(argv[2], name[:-4] + ".json"), encoding="utf-8") as f:
                    obj = json.load(f)
                obj["doc_id"] = doc_id
                out.append(obj)
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
