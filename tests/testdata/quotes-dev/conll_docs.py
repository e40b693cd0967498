#!/usr/bin/env python3
"""CoNLL documents rebuilt exactly as Lupa's `lupa eval` builds them.

    python3 conll_docs.py FILE                 # summary: documents, sentences, tokens
    python3 conll_docs.py FILE N               # print document N's text
    python3 conll_docs.py --selftest           # the cases of conll.rs's own tests

This is a Python copy of `src/train/conll.rs` (`parse`, `is_dateline`,
`join_document`); keep the two in step.

- The file is read as UTF-8 and split into lines (`\\n`, a trailing `\\r` is
  dropped). A line that is empty or only whitespace ends a sentence. Otherwise
  the line is split on whitespace; the first column is the word, the last the
  tag (which must be `O` or `B-`/`I-`/`L-`/`E-`/`U-`/`S-` + PER, ORG, LOC or MISC);
  a line with fewer than two columns is an error. Rust's notion of whitespace
  (Unicode White_Space) is used, not Python's `str.split()`.
- `-DOCSTART-` lines, where present, separate documents. When a file has none
  (CoNLL-2002), all sentences are regrouped at newswire datelines: a sentence
  starts a new document when, among its first 15 tokens, three consecutive
  tokens are `(`, X, `)` with X at least two bytes long and made only of ASCII
  capital letters (`Madrid , 23 may ( EFE ) .`), and the document being built
  is not empty. Sentences before the first dateline form document 0.
- Documents are numbered from 0 in file order: `conll2002-es/esp.testa#N` is
  the N-th document (0-based) of that file.
- A document's text is its sentences' words joined with single spaces, and the
  sentences joined with a single `\\n` (no final newline). Offsets in the dev
  sets are code points into that text.

The data is found at `$LUPA_SHARED_DATA`, else `../shared/data` beside the crate
root (`$CARGO_MANIFEST_DIR/../shared/data`, i.e. /work/shared/data here).
"""
import hashlib
import os
import sys

# Rust's char::is_whitespace: the Unicode White_Space property.
RUST_WS = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
LABELS = {"PER", "ORG", "LOC", "MISC"}
CRATE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def shared_data():
    return os.environ.get("LUPA_SHARED_DATA") or os.path.join(os.path.dirname(CRATE), "shared", "data")


def corpus_path(rel):
    """Path of a corpus file given as `conll2002-es/esp.testa`. Refuses test splits."""
    if "testb" in rel:
        sys.exit(f"refusing {rel}: test splits must not be used")
    return os.path.join(shared_data(), rel)


def split_ws(s):
    out, cur = [], []
    for ch in s:
        if ch in RUST_WS:
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def tag_ok(t):
    if t == "O":
        return True
    p, sep, l = t.partition("-")
    return bool(sep) and p in ("B", "I", "L", "E", "U", "S") and l in LABELS


def is_dateline(words):
    w = words[:15]
    for i in range(len(w) - 2):
        x0, x1, x2 = w[i], w[i + 1], w[i + 2]
        if x0 == "(" and x2 == ")" and len(x1.encode("utf-8")) >= 2 and all("A" <= c <= "Z" for c in x1):
            return True
    return False


def parse(text):
    """[[words of each sentence] of each document], as conll.rs `parse`."""
    docs, cur_doc, cur = [], [], []
    has_docstart = False
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for ln, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        cols = split_ws(line)
        if not cols:
            if cur:
                cur_doc.append(cur)
                cur = []
            continue
        if cols[0] == "-DOCSTART-":
            has_docstart = True
            if cur:
                cur_doc.append(cur)
                cur = []
            if cur_doc:
                docs.append(cur_doc)
                cur_doc = []
            continue
        if len(cols) < 2:
            raise ValueError(f"line {ln}: expected `word tag` or `word POS tag`, got {line!r}")
        if not tag_ok(cols[-1]):
            raise ValueError(f"line {ln}: bad tag {cols[-1]!r}")
        cur.append(cols[0])
    if cur:
        cur_doc.append(cur)
    if cur_doc:
        docs.append(cur_doc)
    if not has_docstart:
        sents = [s for d in docs for s in d]
        docs, d = [], []
        for s in sents:
            if is_dateline(s) and d:
                docs.append(d)
                d = []
            d.append(s)
        if d:
            docs.append(d)
    return docs


def join_document(sents):
    return "\n".join(" ".join(s) for s in sents)


_cache = {}


def documents(rel):
    """[(doc_id, text)] of a corpus file given as `conll2002-es/esp.testa`."""
    if rel not in _cache:
        with open(corpus_path(rel), encoding="utf-8") as f:
            docs = parse(f.read())
        _cache[rel] = [(f"{rel}#{i}", join_document(d)) for i, d in enumerate(docs)]
    return _cache[rel]


def doc_text(doc_id):
    """Text of `conll2002-es/esp.testa#N`."""
    rel, _, n = doc_id.partition("#")
    return documents(rel)[int(n)][1]


def sha1(s):
    """Short digest of a span's text (first 10 hex digits of SHA-1 of its UTF-8)."""
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:10]


def selftest():
    t = "-DOCSTART- O\n\nEU I-ORG\nrejects O\nGerman I-MISC\ncall O\n\nPeter I-PER\nBlackburn I-PER\nX I-PER\n\n-DOCSTART- O\n\nA I-LOC\nB B-LOC\nC I-LOC\n"
    d = parse(t)
    assert len(d) == 2 and len(d[0]) == 2, d
    t = "Melbourne NP B-LOC\n( Fpa O\nEFE NC B-ORG\n) Fpt O\n\nEl DA O\nAbogado NC B-PER\nGeneral AQ I-PER\n\nMadrid NP B-LOC\n( Fpa O\nEFE NC B-ORG\n) Fpt O\n"
    d = parse(t)
    assert len(d) == 2 and len(d[0]) == 2 and d[0][1] == ["El", "Abogado", "General"], d
    assert join_document(d[0]) == "Melbourne ( EFE )\nEl Abogado General"
    for bad in ["word\n", "word X-FOO\n"]:
        try:
            parse(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(bad)
    assert parse("") == []
    # the 15-token window, the two-byte minimum and ASCII capitals only
    assert is_dateline("a b c d e f g h i j k l ( EFE ) .".split())
    assert not is_dateline("a b c d e f g h i j k l m ( EFE ) .".split())
    assert not is_dateline("x ( E ) .".split()) and not is_dateline("x ( Efe ) .".split())
    assert not is_dateline("x ( ÑU ) .".split()) and is_dateline("x ( EFECOM ) .".split())
    print("selftest ok")


def main(argv):
    if "--selftest" in argv:
        selftest()
        return
    if len(argv) < 2:
        sys.exit(__doc__)
    rel = argv[1]
    docs = documents(rel)
    if len(argv) > 2:
        sys.stdout.write(docs[int(argv[2])][1] + "\n")
        return
    ns = sum(t.count("\n") + 1 for _, t in docs)
    print(f"{rel}: {len(docs)} documents, {ns} sentences, {sum(len(t.split()) for _, t in docs)} tokens")


if __name__ == "__main__":
    main(sys.argv)
