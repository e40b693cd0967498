#!/usr/bin/env python3
"""Rebuild the document texts of the quote dev set from their sources.

    python3 build_docs.py en GUM_GIT_DIR > en.txt
    python3 build_docs.py es [--tsv es.tsv] [--out PATH|-] [--review] [--ann PATH]
    python3 build_docs.py es-ud ANCORA_TRAIN_CONLLU [GSD_TRAIN_CONLLU] [--docs FILE] > es-ud.txt

English: GUM (https://github.com/amir-zeldes/gum), read from a git directory
with `git show HEAD:dep/<doc>.conllu`. A document is the `# text =` lines of
its sentences, joined with one space inside a paragraph (`# newpar`), and
paragraphs joined with a blank line. Only documents of the train list in
splits.md are accepted; the script stops if a dev/test document is asked for.

Spanish (`es`): CoNLL-2002 Spanish, dev split `esp.testa` (EFE newswire,
research use only), read from ../shared/data beside the crate root (or
$LUPA_SHARED_DATA). Its text may not be stored in the repository, so es.txt is
rebuilt from it into an ignored place, by default <crate>/target/quotes-dev/es.txt.
The documents are the ones es.tsv names (`conll2002-es/esp.testa#N`), in file
order; each is rebuilt by conll_docs.py exactly as `lupa eval` builds it
(dateline grouping of src/train/conll.rs; words joined by spaces, sentences by
"\n"). Every row of es.tsv is then checked: the SHA-1 digests in its
quote_text, speaker_text and role_text columns must match the text at its
offsets, and each quote must sit between quotation marks. `--review` prints
every row in context, for checking by eye. `--ann PATH` writes es.tsv as an
editable resolve_ann.py annotation (quote prefixes, speaker and role strings
with their occurrence numbers); it quotes the text, so write it under target/
and never commit it. `python3 resolve_ann.py --hash ES_TXT PATH es.tsv`
turns it back into es.tsv. The test split is never read.

Spanish, UD (`es-ud`, not built): UD AnCora (or GSD) *train* CoNLL-U. A document is the run of
sentences whose sent_id shares the part before the last `-sN` (AnCora ids look
like `CESS-CAST-P-20010301-176-s6`); its sentences are joined with one space in
groups of four per paragraph, in file order. The `# text` lines are kept exactly
(UD's tokenisation spaces included). Only files named *-train.conllu are read.

Output format (see README.md): each document is a header line
`### doc <id>` followed by its text and one newline.
"""
import csv
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import conll_docs  # noqa: E402

EN_DOCS = """
GUM_news_afghan GUM_news_asylum GUM_news_clock GUM_news_crane GUM_news_defector
GUM_news_election GUM_news_expo GUM_news_flag GUM_news_hackers GUM_news_ie9
GUM_news_imprisoned GUM_news_korea GUM_news_questionnaire GUM_news_soccer
GUM_news_taxes GUM_news_warhol GUM_news_warming
GUM_interview_ants GUM_interview_brotherhood GUM_interview_cocktail GUM_interview_daly
GUM_interview_dungeon GUM_interview_herrick GUM_interview_mcguire GUM_interview_messina
GUM_interview_onion GUM_interview_peres GUM_interview_stardust
GUM_bio_bernoulli GUM_bio_chao GUM_bio_fillmore GUM_bio_galois GUM_bio_goode
GUM_bio_gordon GUM_bio_hadid GUM_bio_higuchi GUM_bio_jerome GUM_bio_marbles
GUM_bio_moreau GUM_bio_nida GUM_bio_padalecki GUM_bio_theodorus
GUM_textbook_artwork GUM_textbook_grit GUM_textbook_spacetime GUM_textbook_anthropology
GUM_textbook_sociology GUM_textbook_cognition GUM_textbook_evoethics
GUM_court_property GUM_court_fire
GUM_speech_data GUM_speech_maiden GUM_speech_school
""".split()

PARA_SENTS = 4


def git_show(gitdir, path):
    return subprocess.run(["git", "-C", gitdir, "show", "HEAD:" + path],
                          check=True, capture_output=True, text=True).stdout


def gum_splits(gitdir):
    sec, split = None, {}
    for line in git_show(gitdir, "splits.md").splitlines():
        if line.startswith("## "):
            sec = line[3:].strip()
        m = re.match(r"\s*\*\s*(\S+)", line)
        if m:
            split[m.group(1)] = sec
    return split


def gum_doc(gitdir, name):
    pars, cur = [], []
    for line in git_show(gitdir, f"dep/{name}.conllu").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if cur:
                pars.append(cur)
            cur = []
        elif line.startswith("# text = "):
            cur.append(line[len("# text = "):])
    if cur:
        pars.append(cur)
    return "\n\n".join(" ".join(p) for p in pars)


def ud_docs(path):
    if not path.endswith("-train.conllu"):
        sys.exit(f"refusing {path}: only *-train.conllu files may be used")
    docs, order = {}, []
    sid = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# sent_id = "):
            sid = line[len("# sent_id = "):].strip()
        elif line.startswith("# text = ") and sid:
            doc = re.sub(r"-s\d+$", "", sid)
            if doc not in docs:
                docs[doc] = []
                order.append(doc)
            docs[doc].append((sid, line[len("# text = "):]))
    return [(docs[d][0][0], docs[d]) for d in order]


def emit(doc_id, text, out=None):
    assert "\r" not in text and not any(l.startswith("### doc ") for l in text.split("\n")), doc_id
    (out or sys.stdout).write(f"### doc {doc_id}\n{text}\n")


OPEN_MARKS = '"“‘\'«‹„`'
CLOSE_MARKS = '"”’\'»›“'
TEXT_COLS = [("quote_start", "quote_end", "quote_text"), ("speaker_start", "speaker_end", "speaker_text"),
             ("role_start", "role_end", "role_text")]


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head = rows[0]
    return head, [dict(zip(head, r)) for r in rows[1:]]


def check_rows(rows, texts, name="es.tsv"):
    """Checks every row of es.tsv against the rebuilt texts; returns the number of errors."""
    bad = 0
    for n, r in enumerate(rows, 2):
        t = texts[r["doc_id"]]
        for a, b, col in TEXT_COLS:
            s, e = int(r[a]), int(r[b])
            want = r[col]
            if s < 0:
                ok = want == "" and e < 0
            else:
                ok = 0 <= s < e <= len(t) and want == "sha1:" + conll_docs.sha1(t[s:e])
            if not ok:
                bad += 1
                print(f"{name}:{n}: {col} {want!r} does not match the text at {s}:{e}", file=sys.stderr)
        qs, qe = int(r["quote_start"]), int(r["quote_end"])
        before, after = t[:qs].rstrip(" "), t[qe:].lstrip(" ,")
        if not before or before[-1] not in OPEN_MARKS or not after or after[0] not in CLOSE_MARKS:
            bad += 1
            print(f"{name}:{n}: quote {qs}:{qe} is not between quotation marks", file=sys.stderr)
        if t[qs:qe] != t[qs:qe].strip():
            bad += 1
            print(f"{name}:{n}: quote {qs}:{qe} has surrounding whitespace", file=sys.stderr)
    return bad


def review(rows, texts):
    for n, r in enumerate(rows, 2):
        t = texts[r["doc_id"]]
        qs, qe = int(r["quote_start"]), int(r["quote_end"])
        q = t[qs:qe]
        q = q if len(q) < 90 else q[:40] + " … " + q[-40:]
        kind = "S" if r["scare"] == "1" else r["via"]
        q = q.replace("\n", " ⏎ ")
        print(f"{n:4} {r['doc_id'].split('#')[1]:>4} {kind:12} {t[max(0, qs - 2):qs]}[{q}]{t[qe:qe + 2]}")
        ss, se = int(r["speaker_start"]), int(r["speaker_end"])
        if ss >= 0:
            rs, re_ = int(r["role_start"]), int(r["role_end"])
            role = t[rs:re_] if rs >= 0 else ""
            ctx = f"{t[max(0, ss - 30):ss]}{{{t[ss:se]}}}{t[se:se + 30]}".replace("\n", " ⏎ ")
            print(f"          SPK …{ctx}…  ROLE {role!r}")


def find_all(t, sub):
    out, i = [], t.find(sub)
    while i >= 0:
        out.append(i)
        i = t.find(sub, i + 1)
    return out


def to_ann(rows, texts):
    """es.tsv as an editable resolve_ann.py annotation (it quotes the text: keep it out of the repository)."""
    lines = ["# es.tsv as a resolve_ann.py file, written by build_docs.py es --ann. It quotes the",
             "# CoNLL-2002 text: never commit it. After editing: python3 resolve_ann.py --hash ES_TXT THIS es.tsv"]
    cur = None
    for r in rows:
        d, t = r["doc_id"], texts[r["doc_id"]]
        if d != cur:
            lines.append("@" + d)
            cur = d
        qs, qe = int(r["quote_start"]), int(r["quote_end"])
        good = []
        for i in range(len(t)):
            j = i - 1
            while j >= 0 and t[j] == " ":
                j -= 1
            if j >= 0 and t[j] in OPEN_MARKS:
                good.append(i)
        words = t[qs:qe].split(" ")
        pre = " ".join(words[:4])
        pre = pre.split(" ... ")[0].split(" | ")[0].split("\n")[0] or t[qs:qe]
        cands = [i for i in find_all(t, pre) if i in good]
        sel = pre + (f" #{cands.index(qs) + 1}" if len(cands) > 1 else "")
        k = qs + len(pre)
        closer = next((k2 for k2 in range(k, len(t)) if t[k2] in CLOSE_MARKS), None)
        end = closer
        while end is not None and end > qs and (t[end - 1].isspace() or t[end - 1] == ","):
            end -= 1
        if end != qe:  # the next mark is not the closing one (nested quotes): give a suffix
            for n in range(1, len(words) + 1):
                suf = " ".join(words[-n:])
                if " ... " not in suf and " | " not in suf and "\n" not in suf and t.find(suf, qs) + len(suf) == qe:
                    sel = f"{sel} ... {suf}"
                    break
            else:
                raise ValueError(f"{d}: no suffix for quote at {qs}")
        if r["scare"] == "1":
            lines.append(f"S | {sel}")
        elif r["via"] == "none":
            lines.append(f"N | {sel}")
        else:
            ss, se = int(r["speaker_start"]), int(r["speaker_end"])
            sp = t[ss:se]
            line = f"Q | {sel} | {sp} @{find_all(t, sp).index(ss) + 1} | {r['via']}"
            rs, re_ = int(r["role_start"]), int(r["role_end"])
            if rs >= 0:
                role = t[rs:re_]
                line += f" | {role} @{find_all(t, role).index(rs) + 1}"
            lines.append(line)
    return "\n".join(lines) + "\n"


def build_es(args):
    tsv = os.path.join(HERE, "es.tsv")
    out = os.path.join(conll_docs.CRATE, "target", "quotes-dev", "es.txt")
    if "--tsv" in args:
        tsv = args[args.index("--tsv") + 1]
    if "--out" in args:
        out = args[args.index("--out") + 1]
    head, rows = read_tsv(tsv)
    ids = sorted({r["doc_id"] for r in rows}, key=lambda d: (d.split("#")[0], int(d.split("#")[1])))
    for d in ids:
        if not d.startswith("conll2002-es/esp.testa#"):
            sys.exit(f"{tsv}: {d}: only conll2002-es/esp.testa documents belong in this set")
    texts = {d: conll_docs.doc_text(d) for d in ids}
    bad = check_rows(rows, texts, os.path.basename(tsv))
    if out == "-":
        f = sys.stdout
    else:
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        f = open(out, "w", encoding="utf-8", newline="\n")
    for d in ids:
        emit(d, texts[d], f)
    if f is not sys.stdout:
        f.close()
        print(f"{len(ids)} documents, {len(rows)} rows checked, {bad} errors; written to {out}", file=sys.stderr)
    if "--review" in args:
        review(rows, texts)
    if "--ann" in args:
        with open(args[args.index("--ann") + 1], "w", encoding="utf-8") as f:
            f.write(to_ann(rows, texts))
    if bad:
        sys.exit(1)


def main(argv):
    if len(argv) < 2 or (len(argv) < 3 and argv[1] != "es"):
        sys.exit(__doc__)
    if argv[1] == "en":
        split = gum_splits(argv[2])
        for name in EN_DOCS:
            if split.get(name) != "train":
                sys.exit(f"{name} is not a GUM train document ({split.get(name)})")
            emit("gum:" + name, gum_doc(argv[2], name))
    elif argv[1] == "es":
        build_es(argv[2:])
    elif argv[1] == "es-ud":
        args, wanted = argv[2:], None
        if "--docs" in args:
            i = args.index("--docs")
            wanted = [l.strip() for l in open(args[i + 1]) if l.strip()]
            args = args[:i] + args[i + 2:]
        found = {}
        for path in args:
            tb = "ancora" if "ancora" in path else "gsd"
            for first_sid, sents in ud_docs(path):
                found[f"{tb}:{first_sid}"] = sents
        for doc_id in (wanted or list(found)):
            sents = found[doc_id]
            pars = [" ".join(t for _, t in sents[i:i + PARA_SENTS]) for i in range(0, len(sents), PARA_SENTS)]
            emit(doc_id, "\n\n".join(pars))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
