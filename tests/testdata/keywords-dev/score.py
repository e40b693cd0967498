#!/usr/bin/env python3
"""F1@10 (and @5) of ranked key phrases against the dev gold, stemmed exact match.

    python3 score.py en.keys.tsv predictions.jsonl [--lang en|es] [--per-doc]

gold: TSV rows ``doc_id<TAB>keyphrase`` (a ``#`` line or a ``doc_id`` header is skipped).
predictions: JSON lines, one per document, ``{"doc": id, "keywords": [..]}``, best first.

Matching, as in the keyphrase-extraction literature (e.g. Kim et al. 2010, SemEval-2010
task 5; Campos et al. 2020, YAKE!): each phrase is NFC-normalised, lower-cased, every
character that is not a letter or a digit becomes a space, each remaining word is
stemmed (English: NLTK's PorterStemmer, default NLTK_EXTENSIONS mode; Spanish: NLTK's
SnowballStemmer("spanish")), and a predicted phrase matches a gold phrase when the two
stemmed word sequences are equal. Predicted phrases are deduplicated after stemming
(first occurrence kept) before the top k are taken; gold phrases are deduplicated too.

Per document: P@k = matches / number predicted (at most k; 0 when nothing is
predicted), R@k = matches / number of gold phrases, F1 = 2PR / (P + R) (0 when P + R = 0).
Reported values are macro averages over the gold documents (a document with no
prediction line counts as an empty prediction, with a warning).
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import OrderedDict

from nltk.stem import PorterStemmer, SnowballStemmer

_NON_WORD = re.compile(r"[^\w]|_", re.UNICODE)


def make_normaliser(lang):
    stem = PorterStemmer().stem if lang == "en" else SnowballStemmer("spanish").stem

    def norm(phrase):
        s = unicodedata.normalize("NFC", phrase).lower()
        s = _NON_WORD.sub(" ", s)
        return tuple(stem(w) for w in s.split())

    return norm


def read_gold(path):
    gold = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                sys.exit(f"{path}:{n}: expected 'doc_id<TAB>keyphrase'")
            if n == 1 and parts[0] == "doc_id":
                continue
            gold.setdefault(parts[0], []).append(parts[1])
    return gold


def read_predictions(path):
    preds = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            kws = obj.get("keywords", [])
            # accept [{"text": ..}] as well as ["..."] (Lupa's extract() shape)
            kws = [k["text"] if isinstance(k, dict) else k for k in kws]
            if obj["doc"] in preds:
                print(f"warning: {path}:{n}: second line for doc {obj['doc']}, ignored", file=sys.stderr)
                continue
            preds[obj["doc"]] = kws
    return preds


def dedup(seqs):
    seen, out = set(), []
    for s in seqs:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def prf(pred, gold, k):
    top = pred[:k]
    if not top or not gold:
        return 0.0, 0.0, 0.0, 0
    g = set(gold)
    m = sum(1 for p in top if p in g)
    p, r = m / len(top), m / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, m


def guess_lang(path):
    base = os.path.basename(path)
    if base.startswith("es"):
        return "es"
    if base.startswith("en"):
        return "en"
    sys.exit("cannot tell the language from the gold file name: pass --lang en|es")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("predictions")
    ap.add_argument("--lang", choices=["en", "es"])
    ap.add_argument("--per-doc", action="store_true", help="print P/R/F1@10 per document")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    a = ap.parse_args()
    lang = a.lang or guess_lang(a.gold)
    norm = make_normaliser(lang)
    gold = read_gold(a.gold)
    preds = read_predictions(a.predictions)

    order = [d for d in preds if d in gold]
    if order != [d for d in gold if d in preds]:
        print("warning: prediction lines are not in gold file order", file=sys.stderr)
    missing = [d for d in gold if d not in preds]
    if missing:
        print(f"warning: {len(missing)} documents have no prediction line: {', '.join(missing[:5])}"
              + (" ..." if len(missing) > 5 else ""), file=sys.stderr)
    extra = [d for d in preds if d not in gold]
    if extra:
        print(f"warning: {len(extra)} predicted documents are not in the gold, ignored", file=sys.stderr)

    sums = {k: [0.0, 0.0, 0.0] for k in (5, 10)}
    rows = []
    for d, phrases in gold.items():
        g = dedup(norm(x) for x in phrases)
        p = dedup(norm(x) for x in preds.get(d, []))
        for k in (5, 10):
            pk, rk, fk, m = prf(p, g, k)
            sums[k][0] += pk
            sums[k][1] += rk
            sums[k][2] += fk
            if k == 10:
                rows.append((d, pk, rk, fk, m, len(g)))
    n = len(gold)
    avg = {k: [v / n for v in sums[k]] for k in sums}
    if a.per_doc:
        print("doc\tP@10\tR@10\tF1@10\tmatched/gold")
        for d, pk, rk, fk, m, ng in rows:
            print(f"{d}\t{pk:.3f}\t{rk:.3f}\t{fk:.3f}\t{m}/{ng}")
    if a.json:
        print(json.dumps({"lang": lang, "docs": n,
                          "P@10": round(avg[10][0], 4), "R@10": round(avg[10][1], 4),
                          "F1@10": round(avg[10][2], 4), "P@5": round(avg[5][0], 4),
                          "R@5": round(avg[5][1], 4), "F1@5": round(avg[5][2], 4)}))
    else:
        print(f"lang={lang} docs={n}")
        print(f"P@10={avg[10][0]:.4f} R@10={avg[10][1]:.4f} F1@10={avg[10][2]:.4f}")
        print(f"P@5={avg[5][0]:.4f} R@5={avg[5][1]:.4f} F1@5={avg[5][2]:.4f}")


if __name__ == "__main__":
    main()
