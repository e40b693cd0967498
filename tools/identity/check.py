#!/usr/bin/env python3
"""Checks that two builds of the `lupa` CLI give byte-identical `extract` JSON.

    python3 tools/identity/check.py BASE_BIN NEW_BIN [--out DIR]

The inputs are the seed articles, every text file under tests/testdata, and the
documents of the CoNLL dev splits and Wikigold in ../shared/data (rebuilt here
as text, tokens joined by spaces and one sentence a line; they are never
written into the repository). Each input runs four times: --lang es, en and
auto, and auto with a reference date. Prints each input whose output differs,
with the first differing lines, and exits 1 if any does.

`tools/identity/run.sh REV` builds REV's CLI and runs this against the
working tree's.
"""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
RUNS = [["--lang", "es"], ["--lang", "en"], ["--lang", "auto"], ["--lang", "auto", "--reference-date", "2023-10-15"]]


def conll_docs(path, per_doc=None):
    """Documents of a CoNLL file as text. Without -DOCSTART- lines, every
    `per_doc` sentences make a document."""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(" ".join(sent))
                    sent = []
                if doc:
                    docs.append("\n".join(doc) + "\n")
                doc = []
            elif not line.strip():
                if sent:
                    doc.append(" ".join(sent))
                    sent = []
                    if per_doc and len(doc) >= per_doc:
                        docs.append("\n".join(doc) + "\n")
                        doc = []
            else:
                sent.append(line.split()[0])
    if sent:
        doc.append(" ".join(sent))
    if doc:
        docs.append("\n".join(doc) + "\n")
    return docs


def inputs(tmp):
    """(name, path) of every input."""
    out = []
    for d in ["seeds", "tests/testdata"]:
        for dirpath, _, files in os.walk(os.path.join(ROOT, d)):
            for f in sorted(files):
                p = os.path.join(dirpath, f)
                try:
                    with open(p, encoding="utf-8") as fh:
                        fh.read()
                except (UnicodeDecodeError, OSError):
                    continue
                out.append((os.path.relpath(p, ROOT), p))
    corpora = [
        ("conll2002-es/esp.testa", 20),
        ("conll2003-en/eng.testa", None),
        ("wikigold-en/wikigold.conll.txt", None),
    ]
    for rel, per in corpora:
        src = os.path.join(DATA, rel)
        if not os.path.exists(src):
            print(f"identity: {src} missing, skipped", file=sys.stderr)
            continue
        for i, text in enumerate(conll_docs(src, per)):
            p = os.path.join(tmp, rel.replace("/", "_") + f".{i:04}.txt")
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(text)
            out.append((f"{rel}#{i}", p))
    return sorted(out)


def run(binary, path, flags):
    r = subprocess.run([binary, "extract", path, *flags], capture_output=True)
    return r.stdout + b"\nexit " + str(r.returncode).encode() + b"\n" + r.stderr


def spans(out):
    """The spans of one output, as (layer, short description) pairs, or None
    when it is not JSON."""
    try:
        x = json.loads(out.split(b"\nexit ")[0])
    except ValueError:
        return None
    found = []
    for layer, items in x.items():
        if isinstance(items, list):
            for it in items:
                found.append((layer, json.dumps(it, ensure_ascii=False, sort_keys=True)))
        else:
            found.append((layer, json.dumps(items, ensure_ascii=False)))
    return found


def explain(a, b):
    """What differs between two outputs: spans only in one, else a text diff."""
    sa, sb = spans(a), spans(b)
    if sa is None or sb is None:
        d = difflib.unified_diff(a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines(), "base", "new", n=1, lineterm="")
        return list(d)
    only_a = [f"- {l}: {t}" for l, t in sa if (l, t) not in set(sb)]
    only_b = [f"+ {l}: {t}" for l, t in sb if (l, t) not in set(sa)]
    return (only_a + only_b) or ["(same spans, other order)"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--limit", type=int, default=20, help="differing inputs to show")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(name, path, flags) for name, path in inputs(tmp) for flags in RUNS]

        def one(job):
            name, path, flags = job
            a, b = run(args.base, path, flags), run(args.new, path, flags)
            return name, flags, a, b

        diffs = 0
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for name, flags, a, b in pool.map(one, jobs):
                if a == b:
                    continue
                diffs += 1
                if diffs <= args.limit:
                    print(f"== {name} {' '.join(flags)}")
                    for line in explain(a, b)[:40]:
                        print("   " + line)
        print(f"identity: {len(jobs)} runs, {diffs} differ")
        sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
