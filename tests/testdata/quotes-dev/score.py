#!/usr/bin/env python3
"""Score Lupa's quotes against the dev-set gold.

    python3 score.py en.txt en.tsv pred.json [--docs REGEX] [--errors] [--json]
    python3 score.py ../../../target/quotes-dev/es.txt es.tsv pred.json ...   # after build_docs.py es
    python3 score.py --selftest

pred.json: what `lupa extract FILE --include quotes,entities` prints for each
document of en.txt, in file order, as one JSON list (split_docs.py combine
builds it). Each element has `quotes`: [{text, start, end, scare, speaker?:
{text, start, end}}], offsets in UTF-16 code units. A mapping {doc_id: object}
is accepted too. The scorer converts offsets to code points and checks that the
converted span reproduces `text` (mismatches are counted and reported).

Documents are read with split_docs.read_docs (the definition in README.md).
The gold's quote_text / speaker_text / role_text hold either the span's text
(en.tsv) or `sha1:` and the first hex digits of the SHA-1 of its UTF-8 (es.tsv,
whose CoNLL-2002 text may not be stored in the repository); either way every
span is checked against the document text, and the scorer stops on a mismatch.

Detection: a predicted quote matches a gold quote when their spans overlap by
at least 50% of the longer of the two; matching is one-to-one (greedy, largest
overlap first). Non-scare quotes (gold scare=0 against predicted scare=false)
and scare quotes (gold scare=1 against predicted scare=true) are scored
separately; "any" ignores the scare flag on both sides.

Speaker accuracy: over gold non-scare quotes whose via is not `none`, the
fraction that are matched (non-scare) AND whose predicted speaker span overlaps
a mention of the gold speaker, i.e. (a) the gold speaker span, or (b) any
occurrence in the document of the same string as the gold speaker text, or
(c) shares a word, other than a few function words (the, of, de, la…), with the
gold speaker text. Reported overall and per via (name, role, pronoun,
continuation). Gold quotes with via `none` are counted but not scored.
"""
import csv
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split_docs import read_docs  # noqa: E402

VIAS = ["name", "role", "pronoun", "continuation", "none"]
STOP = set("""the a an of and de del la el los las un una y en to for at in on by with from his her their its
my our your said says dijo según""".split())
WORD = re.compile(r"\w+", re.UNICODE)


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(s[i + 1], "\\" + s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def read_gold(path, docs):
    texts = dict(docs)
    gold = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head, rows = rows[0], rows[1:]
    need = ["doc_id", "quote_start", "quote_end", "scare", "speaker_start", "speaker_end", "via",
            "role_start", "role_end", "quote_text", "speaker_text", "role_text"]
    if head != need:
        sys.exit(f"{path}: header must be {need}")
    bad = 0
    for n, r in enumerate(rows, 2):
        r = dict(zip(head, r))
        d = r["doc_id"]
        if d not in texts:
            sys.exit(f"{path}:{n}: unknown doc {d}")
        t = texts[d]
        g = {k: int(r[k]) for k in ["quote_start", "quote_end", "scare", "speaker_start", "speaker_end",
                                     "role_start", "role_end"]}
        g.update(via=r["via"], speaker_text=unescape(r["speaker_text"]), line=n)
        for a, b, field in [("quote_start", "quote_end", "quote_text"), ("speaker_start", "speaker_end", "speaker_text"),
                            ("role_start", "role_end", "role_text")]:
            s, e = g[a], g[b]
            want = unescape(r[field])
            got = t[s:e] if s >= 0 else ""
            if want.startswith("sha1:") and s >= 0:
                # es.tsv stores a digest instead of the (research-only) text
                if field == "speaker_text":
                    g["speaker_text"] = got
                got = "sha1:" + hashlib.sha1(got.encode("utf-8")).hexdigest()[:len(want) - 5]
            if got != want:
                bad += 1
                print(f"{path}:{n}: {field} {want!r} != text at {s}:{e} {got!r}", file=sys.stderr)
        if g["scare"] == 0 and g["via"] not in VIAS:
            sys.exit(f"{path}:{n}: bad via {g['via']}")
        gold[d].append(g)
    if bad:
        sys.exit(f"{path}: {bad} span/text mismatches")
    return gold


def utf16_to_cp(text):
    """Array m with m[u] = code-point index of UTF-16 offset u (len = utf16 length + 1)."""
    m = []
    for i, ch in enumerate(text):
        m.append(i)
        if ord(ch) > 0xFFFF:
            m.append(i)  # an offset inside a surrogate pair maps to the character's start
    m.append(len(text))
    return m


def conv(m, u):
    u = int(u)
    return m[max(0, min(u, len(m) - 1))]


def read_pred(path, docs):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and "quotes" not in data:
        data = [data.get(d, {"quotes": []}) for d, _ in docs]
    if isinstance(data, dict):
        data = [data]
    if len(data) != len(docs):
        sys.exit(f"{path}: {len(data)} predictions for {len(docs)} documents")
    pred, mism = {}, 0
    for (d, t), obj in zip(docs, data):
        if isinstance(obj, dict) and obj.get("doc_id", d) != d:
            sys.exit(f"{path}: prediction for {obj['doc_id']} where {d} was expected")
        m = utf16_to_cp(t)
        out = []
        for q in (obj.get("quotes") or []):
            s, e = conv(m, q["start"]), conv(m, q["end"])
            if "text" in q and t[s:e] != q["text"]:
                mism += 1
            sp = q.get("speaker")
            spk = None
            if sp and sp.get("start") is not None:
                spk = (conv(m, sp["start"]), conv(m, sp["end"]))
            out.append({"s": s, "e": e, "scare": bool(q.get("scare")), "spk": spk, "text": t[s:e]})
        pred[d] = out
    return pred, mism


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(golds, preds):
    """One-to-one matching; returns {gold index: pred index}."""
    cands = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            ov = overlap((g["quote_start"], g["quote_end"]), (p["s"], p["e"]))
            longer = max(g["quote_end"] - g["quote_start"], p["e"] - p["s"])
            if longer > 0 and ov >= 0.5 * longer:
                cands.append((ov, -abs(g["quote_start"] - p["s"]), i, j))
    cands.sort(reverse=True)
    gi, pj, out = set(), set(), {}
    for _, _, i, j in cands:
        if i not in gi and j not in pj:
            gi.add(i)
            pj.add(j)
            out[i] = j
    return out


def mentions(text, s):
    if not s:
        return []
    out, i = [], text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def content_words(s):
    return {w.lower() for w in WORD.findall(s) if w.lower() not in STOP}


def speaker_ok(text, g, spk):
    if spk is None or spk[1] <= spk[0]:
        return False
    gs = (g["speaker_start"], g["speaker_end"])
    if overlap(spk, gs) > 0:
        return True
    if any(overlap(spk, m) > 0 for m in mentions(text, g["speaker_text"])):
        return True
    return bool(content_words(text[spk[0]:spk[1]]) & content_words(g["speaker_text"]))


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs, gold, pred, errors=False):
    texts = dict(docs)
    det = {k: Counter() for k in ["nonscare", "scare", "any"]}
    spk = {v: Counter() for v in VIAS}
    errs = []
    for d, t in docs:
        G, P = gold.get(d, []), pred.get(d, [])
        for kind, gsel, psel in [("nonscare", lambda g: g["scare"] == 0, lambda p: not p["scare"]),
                                 ("scare", lambda g: g["scare"] == 1, lambda p: p["scare"]),
                                 ("any", lambda g: True, lambda p: True)]:
            gg = [g for g in G if gsel(g)]
            pp = [p for p in P if psel(p)]
            mm = match(gg, pp)
            det[kind].update(tp=len(mm), pred=len(pp), gold=len(gg))
            if kind == "nonscare":
                for i, g in enumerate(gg):
                    v = g["via"]
                    spk[v]["gold"] += 1
                    if i in mm:
                        spk[v]["matched"] += 1
                        ok = v != "none" and speaker_ok(t, g, pp[mm[i]]["spk"])
                        spk[v]["correct"] += ok
                        if errors and v != "none" and not ok:
                            p = pp[mm[i]]
                            ps = t[p["spk"][0]:p["spk"][1]] if p["spk"] else None
                            errs.append(f"SPEAKER {d} [{v}] gold={g['speaker_text']!r} pred={ps!r} :: {t[g['quote_start']:g['quote_end']][:60]!r}")
                    elif errors:
                        errs.append(f"MISSED  {d} [{v}] {t[g['quote_start']:g['quote_end']][:70]!r}")
                if errors:
                    for j, p in enumerate(pp):
                        if j not in mm.values():
                            errs.append(f"SPURIOUS {d} {p['text'][:70]!r}")
    return det, spk, errs


def report(docs, gold, det, spk, as_json=False):
    allg = [g for d, _ in docs for g in gold.get(d, [])]
    counts = Counter("scare" if g["scare"] else g["via"] for g in allg)
    res = {"documents": len(docs), "gold": dict(counts)}
    for k, c in det.items():
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        res["detection_" + k] = {"P": p, "R": r, "F1": f, "tp": c["tp"], "pred": c["pred"], "gold": c["gold"]}
    tot = Counter()
    res["speaker"] = {}
    for v in VIAS:
        c = spk[v]
        if v != "none":
            tot.update(c)
        res["speaker"][v] = {"gold": c["gold"], "matched": c["matched"], "correct": c["correct"],
                             "accuracy": (c["correct"] / c["gold"]) if c["gold"] and v != "none" else None}
    res["speaker"]["overall"] = {"gold": tot["gold"], "matched": tot["matched"], "correct": tot["correct"],
                                 "accuracy": tot["correct"] / tot["gold"] if tot["gold"] else None}
    if as_json:
        print(json.dumps(res, indent=2))
        return res
    print(f"documents: {len(docs)}")
    print("gold quotes: " + ", ".join(f"{k}={counts.get(k, 0)}" for k in ["scare"] + VIAS)
          + f"  (non-scare total {sum(counts[v] for v in VIAS)})")
    for k, label in [("nonscare", "direct quotes (non-scare)"), ("scare", "scare quotes"), ("any", "any quote, scare flag ignored")]:
        d = res["detection_" + k]
        print(f"{label:32} P={d['P']:.3f} R={d['R']:.3f} F1={d['F1']:.3f}  (tp {d['tp']}, pred {d['pred']}, gold {d['gold']})")
    print("speaker accuracy (correct / gold non-scare quotes):")
    for v in ["overall"] + VIAS:
        c = res["speaker"][v]
        acc = "   -  " if c["accuracy"] is None else f"{c['accuracy']:.3f}"
        note = "  (not scored)" if v == "none" else ""
        print(f"  {v:13} {acc}  correct {c['correct']:4} / gold {c['gold']:4}  (detected {c['matched']}){note}")
    return res


def selftest():
    import tempfile
    text1 = "Ana 😀 dijo: «Hola, mundo». Luego: «Adiós»,\n\ndijo 𝒳 Ana."
    text2 = 'He said "we won" and the "experts" agreed.'
    with tempfile.TemporaryDirectory() as tmp:
        txt = os.path.join(tmp, "t.txt")
        with open(txt, "w", encoding="utf-8", newline="") as f:
            f.write(f"### doc a\n{text1}\n### doc b\n{text2}\n")
        docs = read_docs(txt)
        assert docs == [("a", text1), ("b", text2)], docs
        q1 = text1.index("Hola"), text1.index("»")
        q2 = text1.index("Adiós"), text1.index("»", q1[1] + 1)
        sp = text1.index("Ana"), text1.index("Ana") + 3
        sp2 = text1.rindex("Ana"), text1.rindex("Ana") + 3
        w = text2.index("we won"), text2.index("we won") + 6
        e = text2.index("experts"), text2.index("experts") + 7
        he = text2.index("He"), 2
        tsv = os.path.join(tmp, "t.tsv")
        rows = [("a", *q1, 0, *sp, "name", -1, -1), ("a", *q2, 0, *sp2, "name", -1, -1),
                ("b", *w, 0, *he, "pronoun", -1, -1), ("b", *e, 1, -1, -1, "-", -1, -1)]
        texts = dict(docs)
        with open(tsv, "w", encoding="utf-8") as f:
            f.write("doc_id\tquote_start\tquote_end\tscare\tspeaker_start\tspeaker_end\tvia\trole_start\trole_end\tquote_text\tspeaker_text\trole_text\n")
            for r in rows:
                t = texts[r[0]]
                f.write("\t".join(map(str, r)) + f"\t{t[r[1]:r[2]]}\t{t[r[4]:r[5]] if r[4] >= 0 else ''}\t\n")
        gold = read_gold(tsv, docs)

        def u16(t, i):
            return len(t[:i].encode("utf-16-le")) // 2

        def q(t, s, e, scare, spk=None):
            o = {"text": t[s:e], "start": u16(t, s), "end": u16(t, e), "scare": scare}
            if spk:
                o["speaker"] = {"text": t[spk[0]:spk[1]], "start": u16(t, spk[0]), "end": u16(t, spk[1])}
            return o
        pred = [{"quotes": [q(text1, *q1, False, sp), q(text1, *q2, False, sp)]},
                {"quotes": [q(text2, *w, False, he), q(text2, *e, True)]}]
        pj = os.path.join(tmp, "p.json")
        with open(pj, "w", encoding="utf-8") as f:
            json.dump(pred, f, ensure_ascii=False)
        P, mism = read_pred(pj, docs)
        assert mism == 0, mism
        det, spk, _ = score(docs, gold, P)
        assert det["nonscare"] == Counter(tp=3, pred=3, gold=3), det
        assert det["scare"] == Counter(tp=1, pred=1, gold=1), det
        assert spk["name"]["correct"] == 2 and spk["pronoun"]["correct"] == 1, spk
        # a raw code-point offset (wrong convention) is detected as a text mismatch
        bad = [{"quotes": [{"text": text1[q2[0]:q2[1]], "start": q2[0], "end": q2[1], "scare": False}]}, {"quotes": []}]
        with open(pj, "w", encoding="utf-8") as f:
            json.dump(bad, f, ensure_ascii=False)
        _, mism = read_pred(pj, docs)
        assert mism == 1
    print("selftest ok")


def main(argv):
    if "--selftest" in argv:
        selftest()
        return
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) < 3:
        sys.exit(__doc__)
    rx = None
    if "--docs" in argv:
        rx = re.compile(argv[argv.index("--docs") + 1])
        args = [a for a in args if a != rx.pattern]
    txt, tsv, pj = args[:3]
    docs = read_docs(txt)
    gold = read_gold(tsv, docs)
    pred, mism = read_pred(pj, docs)
    if rx:
        docs = [(d, t) for d, t in docs if rx.search(d)]
    if mism:
        print(f"warning: {mism} predicted quotes whose text differs from the text at their converted offsets "
              "(offsets not UTF-16?)", file=sys.stderr)
    det, spk, errs = score(docs, gold, pred, errors="--errors" in argv)
    report(docs, gold, det, spk, as_json="--json" in argv)
    for e in errs:
        print(e)


if __name__ == "__main__":
    main(sys.argv)
