#!/usr/bin/env python3
"""Rebuild the CoNLL-2002 Spanish key-phrase articles (es-conll.keys.tsv) as a documents file.

    python3 build_conll.py [--out PATH|-] [--keys es-conll.keys.tsv] [--no-check]

The articles come from CoNLL-2002 Spanish `esp.train` (EFE newswire, May 2000), whose
terms allow research use only, so their text is never stored in the repository: the gold
file holds only document ids (`conll2002-es/esp.train#N`) and key phrases, and this script
rebuilds the text from the shared data directory (`../shared/data` beside the crate root,
i.e. `$CARGO_MANIFEST_DIR/../shared/data`, or `$LUPA_SHARED_DATA`) into an ignored place,
by default `<crate>/target/keywords-dev/es-conll.txt`.

Documents are made exactly as Lupa's `lupa eval` makes them (`src/train/conll.rs`; the
Python copy is `../quotes-dev/conll_docs.py`): sentences are grouped into documents at
newswire datelines (a sentence with `( AGENCY )` among its first 15 tokens starts a new
document), documents are numbered from 0 in file order, and a document's text is its
words joined by single spaces, one sentence a line. The output has the `### doc <id>`
format of en.txt / es.txt, so split_docs.py, lupa_predict.py (`--docs`) and score.py
work on it unchanged.

Unless --no-check is given, every key phrase is checked to occur in its document after
score.py's normalisation (NFC, lower case, non-letters/digits as spaces; unstemmed), and no
two phrases of a document may have the same stemmed form. The script stops on a failure.
"""
import argparse
import os
import sys
import unicodedata

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "quotes-dev"))
import conll_docs  # noqa: E402

SOURCE = "conll2002-es/esp.train"


def read_keys(path):
    keys = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or (n == 1 and line.startswith("doc_id\t")):
                continue
            doc, phrase = line.split("\t")
            keys.setdefault(doc, []).append(phrase)
    return keys


def words(s):
    s = unicodedata.normalize("NFC", s).lower()
    return "".join(c if c.isalnum() else " " for c in s).split()


def check(doc, text, phrases):
    errors = []
    toks = words(text)
    joined = " " + " ".join(toks) + " "
    for p in phrases:
        w = words(p)
        if not w or " " + " ".join(w) + " " not in joined:
            errors.append(f"{doc}: {p!r} does not occur in the text")
    try:
        from nltk.stem import SnowballStemmer
    except ImportError:
        print("nltk not installed: stemmed-duplicate check skipped", file=sys.stderr)
        return errors
    stem = SnowballStemmer("spanish").stem
    seen = {}
    for p in phrases:
        k = tuple(stem(x) for x in words(p))
        if k in seen:
            errors.append(f"{doc}: {p!r} and {seen[k]!r} have the same stemmed form")
        seen[k] = p
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keys", default=os.path.join(HERE, "es-conll.keys.tsv"))
    ap.add_argument("--out", default=os.path.join(conll_docs.CRATE, "target", "keywords-dev", "es-conll.txt"))
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()
    keys = read_keys(a.keys)
    docs = dict(conll_docs.documents(SOURCE))
    errors = []
    for d in keys:
        if not d.startswith(SOURCE + "#") or d not in docs:
            sys.exit(f"{a.keys}: {d}: not a document of {SOURCE}")
        if not a.no_check:
            errors += check(d, docs[d], keys[d])
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        sys.exit(f"{len(errors)} errors")
    out = sys.stdout if a.out == "-" else None
    if out is None:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        out = open(a.out, "w", encoding="utf-8", newline="\n")
    for d in keys:
        t = docs[d]
        assert not any(l.startswith("### doc ") for l in t.split("\n")), d
        out.write(f"### doc {d}\n{t}\n")
    if out is not sys.stdout:
        out.close()
        n = sum(len(v) for v in keys.values())
        print(f"{len(keys)} documents, {n} key phrases checked; written to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
