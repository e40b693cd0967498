#!/usr/bin/env python3
"""Rebuild tests/testdata/langid/paragraphs.tsv (deterministic, no network).

Reads:
  * read-only bare git mirrors under $LUPA_MIRROR (default /work/.mirror),
    each at the commit pinned in MIRRORS below (so a newer mirror HEAD does not
    change the output);
  * the verbatim ParlaMint sample files vendored in ./sources/parlamint/
    (their upstream repo is too large to mirror here; see README.md).

Only UD *train* material is read (the train file itself, or for UD_Portuguese-GSD
its per-document train files not-to-release/documents/pt_gsd-ud-train-*.conllu);
no dev/test file is ever opened.  From GUM only train-split news documents
(neither in the dev nor in the test list of splits.md) are read.

Usage:  python3 build.py            # writes paragraphs.tsv next to this file
        python3 build.py --check    # rebuilds in memory and compares
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
MIRROR = os.environ.get("LUPA_MIRROR", "/work/.mirror")
OUT = os.path.join(HERE, "paragraphs.tsv")
VENDORED = os.path.join(HERE, "sources", "parlamint")

# repo dir name under $LUPA_MIRROR -> pinned commit
MIRRORS = {
    "amir-zeldes+gum": "72ce5ac14978a324c2fd18d49484e65292cbe316",
    "UniversalDependencies+UD_Galician-TreeGal": "0b9224483beddb2c05f51228f7823aa77450c0a4",
    "UniversalDependencies+UD_French-Sequoia": "f5b049600c89d2cf15ebbec860f75d703884d32b",
    "UniversalDependencies+UD_Italian-ParlaMint": "fb2c561fb1824ccf28f7dd7228d6d69a5b0e1394",
    "UniversalDependencies+UD_Portuguese-GSD": "691a8b597cc37e1c822ba808244c8eaca498eeb2",
    "microsoft+Recognizers-Text": "90e968ea44dc8fda3f2e1c3e4b20aa233817488d",
}

# max inputs per spec file sharing their first two words (German has far fewer
# spec inputs than Spanish, so it gets a looser cap to reach >= 60 paragraphs)
SPEC_PREFIX_CAP = {"German": 10}
SPEC_PREFIX_CAP_DEFAULT = 2
PER_LANG = 100          # target monolingual paragraphs per language
MIN_LEN, MAX_LEN = 200, 600
# cycle of soft target lengths, so paragraph lengths spread over the range
TARGETS = [260, 420, 330, 520, 300, 460, 380, 560, 240, 480]


# ----------------------------------------------------------------- git access
def _git(repo, *args):
    d = os.path.join(MIRROR, repo, "repo")
    r = subprocess.run(["git", "-C", d] + list(args), capture_output=True)
    if r.returncode != 0:
        raise SystemExit("git %s failed in %s: %s" % (" ".join(args), d, r.stderr.decode()))
    return r.stdout


def show(repo, path):
    return _git(repo, "show", "%s:%s" % (MIRRORS[repo], path)).decode("utf-8").lstrip("\ufeff")


def ls(repo, prefix):
    out = _git(repo, "ls-tree", "-r", "--name-only", MIRRORS[repo], prefix).decode("utf-8")
    return sorted(p for p in out.split("\n") if p)


# ----------------------------------------------------------------- helpers
def clean(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\t", " ").replace("\r", " ").replace("\n", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def conllu_sents(text):
    """[(sent_id, text)] from '# sent_id' / '# text' comment lines."""
    out, sid = [], None
    for line in text.split("\n"):
        if line.startswith("# sent_id ="):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text =") and sid is not None:
            out.append((sid, clean(line.split("=", 1)[1])))
            sid = None
    return out


def paragraphs(doc_name, sents, ok=lambda s: True):
    """Greedy grouping of consecutive sentences of one document into paragraphs
    of MIN_LEN..MAX_LEN chars. sents: [(sent_id, text)]. A sentence failing ok()
    (or too long) breaks the run. Returns [(first_sent_id, text, sentences)]."""
    res, cur, cur_ids, first = [], [], [], None

    def flush():
        nonlocal cur, cur_ids, first
        t = " ".join(cur)
        if MIN_LEN <= len(t) <= MAX_LEN:
            res.append((first, t, tuple(zip(cur_ids, cur))))
        cur, cur_ids, first = [], [], None

    for sid, s in sents:
        if not ok(s) or len(s) > MAX_LEN:
            flush()
            continue
        t = " ".join(cur + [s])
        if len(t) > MAX_LEN:
            flush()
            t = s
        if not cur:
            first = sid
        cur.append(s)
        cur_ids.append(sid)
        if len(t) >= TARGETS[(len(res) + len(doc_name)) % len(TARGETS)]:
            flush()
    flush()
    return res


def spread(items, n):
    """n items evenly spaced over the list (deterministic)."""
    if len(items) <= n:
        return list(items)
    return [items[(i * len(items)) // n] for i in range(n)]


def ud_sentence_ok(s):
    """For treebank text: also drop headings/captions (no sentence-final punctuation)."""
    return sentence_ok(s) and s[-1] in ".!?\"”»)'…:;"


def sentence_ok(s):
    letters = sum(ch.isalpha() for ch in s)
    if len(s) < 15 or letters < 0.6 * len(s.replace(" ", "")):
        return False
    if s.upper() == s:          # headings in capitals
        return False
    return True


SPLIT_RE = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(¿¡A-ZÀ-ÝÇÑ0-9])")
# German writes ordinals as "178. Sitzung": never split after digits + '.'
SPLIT_RE_DE = re.compile(r"(?<=[.!?…])(?<![0-9]\.)\s+(?=[«\"“(¿¡A-ZÀ-ÝÇÑ0-9])")


def split_sents(text, lang=None):
    r = SPLIT_RE_DE if lang == "de" else SPLIT_RE
    return [s.strip() for s in r.split(text) if s.strip()]


# tiny stop-word vote, used ONLY to drop non-Catalan sentences that occur
# inside the Catalan ParlaMint-ES-CT transcripts (Spanish/English passages)
STOP = {
    "ca": "els les amb per però perquè molt aquest aquesta dels també és són hi han tots nosaltres vostès".split(),
    "es": "los las con por pero porque muy este esta del también es son hay han todos nosotros ustedes y que".split(),
    "en": "the and of to is are we you with for this that in on".split(),
}


def vote(s):
    w = re.findall(r"[a-zàèéíòóúïüçñ·']+", s.lower())
    score = {l: sum(x in STOP[l] for x in w) for l in STOP}
    # 'i' is the Catalan conjunction, 'y' the Spanish one
    score["ca"] += w.count("i")
    return max(score, key=lambda l: (score[l], l == "ca"))


CA_DROP = ("Tanben as aranesi",          # Aranese (Occitan) greeting
           "unidad de la patria",        # Spanish quotation inside a Catalan sentence
           "respeto a las víctimas")


# ----------------------------------------------------------------- sources
def parlamint_docs(fname, lang):
    """Vendored ParlaMint sample: lines 'utterance-id<space>text'."""
    path = os.path.join(VENDORED, fname)
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            uid, text = line.split(" ", 1)
            text = re.sub(r"\[\[.*?\]\]", " ", text)      # transcriber notes
            text = clean(text)
            sents = [("%s#s%d" % (uid, i + 1), s) for i, s in enumerate(split_sents(text, lang))]
            docs.append((uid, sents))
    return docs


def src_parlamint(fname, lang):
    out = []
    for uid, sents in parlamint_docs(fname, lang):
        if lang == "ca":
            ok = lambda s: sentence_ok(s) and vote(s) == "ca" and not any(d in s for d in CA_DROP)
        else:
            ok = sentence_ok
        for sid, t, ss in paragraphs(uid, sents, ok):
            out.append(("ParlaMint sample %s" % sid, t, ss))
    return out


def src_specs(lang_dirs):
    """Recognizers-Text Specs/*/<Lang>/*.json 'Input' strings, consecutive inputs of
    one spec file joined into paragraphs (a final '.' is added where missing)."""
    repo = "microsoft+Recognizers-Text"
    seen, out = set(), []
    for path in ls(repo, "Specs"):
        parts = path.split("/")
        if len(parts) != 4 or parts[2] not in lang_dirs or not path.endswith(".json"):
            continue
        data = json.loads(show(repo, path))
        sents, prefix, kept_keys = [], {}, []
        for i, case in enumerate(data):
            s = case.get("Input")
            if not isinstance(s, str):
                continue
            s = clean(s)
            key = s.lower()
            if any(key in k or k in key for k in kept_keys):
                continue                  # spec files also test substrings of other inputs
            if key in seen or len(s) < 20 or len(s.split()) < 4 or not sentence_ok(s):
                continue
            # the spec files list many variants of one template sentence: keep at most
            # a few inputs per file that start with the same two words
            pk = " ".join(key.split()[:2])
            if prefix.get(pk, 0) >= SPEC_PREFIX_CAP.get(parts[2], SPEC_PREFIX_CAP_DEFAULT):
                continue
            prefix[pk] = prefix.get(pk, 0) + 1
            seen.add(key)
            kept_keys.append(key)
            if s[-1].isalnum():
                s += "."
            sents.append(("%s#%d" % (path, i), s))
        for sid, t, ss in paragraphs(path, sents):
            out.append(("Recognizers-Text %s" % sid, t, ss))
    return out


def src_ud(repo, path, tb, doc_of):
    sents = conllu_sents(show(repo, path))
    docs, order = {}, []
    for sid, t in sents:
        d = doc_of(sid)
        if d not in docs:
            docs[d] = []
            order.append(d)
        docs[d].append((sid, t))
    out = []
    for d in order:
        for sid, t, ss in paragraphs(d, docs[d], ud_sentence_ok):
            out.append(("%s %s" % (tb, sid), t, ss))
    return out


def src_treegal():
    repo = "UniversalDependencies+UD_Galician-TreeGal"
    sents = conllu_sents(show(repo, "gl_treegal-ud-train.conllu"))
    # no document markers: a gap of more than 2 in the numeric sent_id starts a new run
    runs, prev = [], None
    for sid, t in sents:
        n = int(sid)
        if prev is None or n - prev > 2:
            runs.append([])
        runs[-1].append((sid, t))
        prev = n
    out = []
    for i, run in enumerate(runs):
        for sid, t, ss in paragraphs("run%d" % i, run, ud_sentence_ok):
            out.append(("UD_Galician-TreeGal %s" % sid, t, ss))
    return out


def src_pt_gsd():
    repo = "UniversalDependencies+UD_Portuguese-GSD"
    out = []
    for path in ls(repo, "not-to-release/documents"):
        if not re.search(r"/pt_gsd-ud-train-\d+\.conllu$", path):
            continue                      # never dev/test documents
        sents = conllu_sents(show(repo, path))
        for sid, t, ss in paragraphs(path, sents, ud_sentence_ok):
            out.append(("UD_Portuguese-GSD %s (%s)" % (sid, path.rsplit("/", 1)[1]), t, ss))
    return out


def gum_train_news():
    repo = "amir-zeldes+gum"
    md = show(repo, "splits.md")
    held, section = set(), None
    for line in md.split("\n"):
        if line.startswith("## "):
            section = line[3:].strip()
        m = re.match(r"\s*\*\s*(GUM_\S+)", line)
        if m and section in ("dev", "test"):
            held.add(m.group(1))
    docs = []
    for path in ls(repo, "dep"):
        m = re.match(r"dep/(GUM_news_[a-z0-9]+)\.conllu$", path)
        if m and m.group(1) not in held:
            docs.append((m.group(1), path))
    return docs, held


def src_gum():
    repo = "amir-zeldes+gum"
    docs, _ = gum_train_news()
    out = []
    for name, path in docs:
        sents = conllu_sents(show(repo, path))
        # skip the headline and dateline (first two sentences) and image captions
        ok = lambda s: ud_sentence_ok(s) and "Image:" not in s
        for sid, t, ss in paragraphs(name, sents[2:], ok):
            out.append(("GUM %s" % sid, t, ss))
    return out


def candidates():
    c = {}
    c["en"] = [src_gum()]
    c["gl"] = [src_treegal()]
    c["fr"] = [src_ud("UniversalDependencies+UD_French-Sequoia", "fr_sequoia-ud-train.conllu",
                      "UD_French-Sequoia", lambda sid: sid.rsplit("_", 1)[0])]
    c["it"] = [src_ud("UniversalDependencies+UD_Italian-ParlaMint", "it_parlamint-ud-train.conllu",
                      "UD_Italian-ParlaMint", lambda sid: sid.rsplit("_", 1)[0])]
    c["pt"] = [src_pt_gsd()]
    c["es"] = [src_parlamint("ParlaMint-ES_2022-01-25-CD220125.txt", "es"),
               src_specs({"Spanish", "SpanishMexican"})]
    c["de"] = [src_parlamint("ParlaMint-AT_2022-10-12-027-XXVII-NRSITZ-00178.txt", "de"),
               src_specs({"German"})]
    c["ca"] = [sum((src_parlamint(f, "ca") for f in (
        "ParlaMint-ES-CT_2018-05-04-0702.txt",
        "ParlaMint-ES-CT_2018-05-12-0901.first32000.txt",
        "ParlaMint-ES-CT_2020-09-09-6001.txt",
        "ParlaMint-ES-CT_2022-07-20-3601.txt")), [])]
    return c


# (majority, minority, how many) -- 40 mixed paragraphs
MIXED = [
    ("es", "en", 5), ("es", "ca", 2), ("es", "pt", 2), ("es", "gl", 1), ("es", "fr", 1), ("es", "it", 1),
    ("en", "es", 5), ("en", "fr", 2), ("en", "de", 2), ("en", "it", 1), ("en", "pt", 1), ("en", "ca", 1),
    ("ca", "es", 3), ("pt", "es", 2), ("gl", "es", 2), ("fr", "en", 2), ("it", "en", 2),
    ("de", "en", 2), ("pt", "en", 1), ("gl", "pt", 1), ("it", "es", 1),
]
LANGS = ["es", "en", "pt", "gl", "ca", "fr", "it", "de"]


def build():
    cand = candidates()
    need_major = {l: 0 for l in LANGS}
    need_minor = {l: 0 for l in LANGS}
    for a, b, n in MIXED:
        need_major[a] += n
        need_minor[b] += n
    rows, left_major, left_minor = [], {}, {}
    for lang in LANGS:
        groups = cand[lang]
        # keep aside material for the mixed rows (evenly spaced, deterministic):
        # quotes come from the first (natural-text) group, host paragraphs from the last
        n_minor = need_minor[lang] + 1 if need_minor[lang] else 0
        minor_res = spread(groups[0], n_minor) if n_minor else []
        if len(groups) > 1 and need_minor[lang] > len(groups[0]) // 3:
            # too little natural text for all the quotes: also take some from the other group
            minor_res += spread(groups[-1][1::2], n_minor)
        taken = set(id(p) for p in minor_res)
        n_major = need_major[lang] + 2 if need_major[lang] else 0
        # host paragraphs: from the natural-text group when it has material to spare
        host = groups[0] if len(groups[0]) >= PER_LANG + n_major + n_minor else groups[-1]
        last = [p for p in host if id(p) not in taken]
        major_res = spread(last, n_major)
        taken |= set(id(p) for p in major_res)
        pool = [[p for p in g if id(p) not in taken] for g in groups]
        chosen = []
        for g in pool:                  # earlier groups first (natural text before specs)
            room = PER_LANG - len(chosen)
            if room <= 0:
                break
            chosen += spread(g, room)
        for src, text, _ in chosen:
            rows.append((lang, src, text))
        left_major[lang] = major_res
        left_minor[lang] = minor_res
    # mixed rows
    minor_sents = {}
    for lang in LANGS:
        # quote source = the paragraph's source label with the quoted sentence's id
        per = [[(src.replace(sl[0][0], sid, 1), s) for sid, s in sl
                if 30 <= len(s) <= 200 and sentence_ok(s) and s[0].isupper() and s[-1] in ".?!"]
               for src, text, sl in left_minor[lang]]
        ss = []                         # round robin: first sentence of each paragraph, then second...
        for k in range(max([len(x) for x in per] + [0])):
            ss += [x[k] for x in per if len(x) > k]
        minor_sents[lang] = ss
    mi = {l: 0 for l in LANGS}
    ma = {l: 0 for l in LANGS}
    for a, b, n in MIXED:
        for _ in range(n):
            qsrc, q = minor_sents[b][mi[b]]
            mi[b] += 1
            while True:                 # next reserved majority paragraph that fits
                msrc, mtext, msl = left_major[a][ma[a]]
                ma[a] += 1
                sents = [t for _, t in msl]
                while len(sents) > 1 and len(" ".join(sents)) + len(q) + 3 > MAX_LEN:
                    sents.pop()
                cut = max(1, len(sents) // 2)
                text = " ".join(sents[:cut] + ["\u201c" + q + "\u201d"] + sents[cut:])
                share = (len(q) + 2) / len(text)
                if share < 0.4 and MIN_LEN <= len(text) <= MAX_LEN:
                    break
            rows.append((a, "mixed %s+%s: %s | quote: %s" % (a, b, msrc, qsrc), text))
    return rows


def render(rows):
    lines = ["lang\tsource\ttext"]
    for lang, src, text in rows:
        for x in (lang, src, text):
            assert "\t" not in x and "\n" not in x
        lines.append("%s\t%s\t%s" % (lang, src, text))
    return "\n".join(lines) + "\n"


def main():
    rows = build()
    data = render(rows)
    counts = {}
    for lang, src, _ in rows:
        k = (lang, src.startswith("mixed"))
        counts[k] = counts.get(k, 0) + 1
    for lang in LANGS:
        print("%s mono=%d mixed-majority=%d" % (lang, counts.get((lang, False), 0), counts.get((lang, True), 0)),
              file=sys.stderr)
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == data
        print("paragraphs.tsv is %s" % ("up to date" if same else "DIFFERENT from a fresh build"), file=sys.stderr)
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(data)
    print("wrote %s (%d rows)" % (OUT, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main()
