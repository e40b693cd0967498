#!/usr/bin/env python3
"""Rebuild en.txt of the keyword dev set from the source treebanks.

Reads the bare git mirrors read-only (``git show HEAD:PATH``), never a UD dev/test
file and never a GUM dev/test document:

* GUM (amir-zeldes/gum): every ``GUM_news_*`` and ``GUM_interview_*`` document that
  splits.md lists under ``## train`` (Wikinews, CC BY 2.5).
* UD English-EWT: the weblog documents that ``not-to-release/file-lists/files.train``
  lists, read from ``not-to-release/sources/weblog/`` (the train .conllu itself is
  not in the mirror), at most MAX_EWT_WORDS words each (CC BY-SA 4.0).

Each document is its ``# text`` lines, unchanged, joined by one space within a
paragraph (``# newpar`` in GUM, ``# newpar id`` in EWT), paragraphs separated by a
blank line, preceded by ``### doc <id>``.

    python3 build_en.py [--gum DIR] [--ewt DIR] [--sources sources.tsv] > en.txt

``--sources`` also writes, for attribution, one row per document of en.txt and es.txt
(the Spanish documents are translations of the English ones with the same source):
doc_id, corpus, licence, title, source URL, date created.
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split_docs import read_docs  # noqa: E402

GUM = "/work/.mirror/amir-zeldes+gum/repo"
EWT = "/work/.mirror/UniversalDependencies+UD_English-EWT/repo"
MAX_EWT_WORDS = 2500


def show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


def paragraphs(conllu):
    """Paragraphs of a one-document CoNLL-U file: lists of `# text` lines."""
    paras, cur = [], []
    for line in conllu.splitlines():
        if line == "# newpar" or line.startswith("# newpar ") or line.startswith("# newpar id"):
            if cur:
                paras.append(cur)
            cur = []
        elif line.startswith("# text = "):
            cur.append(line[len("# text = "):])
    if cur:
        paras.append(cur)
    return paras


def gum_train_docs(gum):
    splits = show(gum, "splits.md")
    train = splits.split("## train", 1)[1]
    held = set(re.findall(r"GUM_\w+", splits.split("## train", 1)[0]))
    docs = [d for d in re.findall(r"GUM_\w+", train) if re.match(r"GUM_(news|interview)_", d)]
    assert not held & set(docs)
    return docs


def ewt_train_weblogs(ewt):
    files = show(ewt, "not-to-release/file-lists/files.train").split()
    seen, out = set(), []
    for f in files:
        if f.startswith("weblog/") and f not in seen:
            seen.add(f)
            out.append(f)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gum", default=GUM)
    ap.add_argument("--ewt", default=EWT)
    ap.add_argument("--sources", help="also write the attribution table to this file")
    a = ap.parse_args()
    out, meta = [], {}
    for d in gum_train_docs(a.gum):
        src = show(a.gum, f"dep/{d}.conllu")
        paras = paragraphs(src)
        out.append((d, paras))
        m = dict(re.findall(r"^# meta::(\w+) = (.*)$", src, re.M))
        meta[d] = ("GUM (Wikinews)", "CC BY 2.5", m.get("title", ""), m.get("sourceURL", ""),
                   m.get("dateCreated", ""))
    for f in ewt_train_weblogs(a.ewt):
        src = show(a.ewt, f"not-to-release/sources/{f}")
        doc_id = re.search(r"^# newdoc id = (\S+)", src, re.M).group(1)
        paras = paragraphs(src)
        if sum(len(s.split()) for p in paras for s in p) > MAX_EWT_WORDS:
            continue
        out.append((doc_id, paras))
        blog = f.split("/", 1)[1].split("_ENG_")[0]
        meta[doc_id] = ("UD English-EWT (weblog)", "CC BY-SA 4.0", blog, "", "")
    if a.sources:
        with open(a.sources, "w", encoding="utf-8") as s:
            s.write("doc_id\tcorpus\tlicence\ttitle\turl\tdate_created\n")
            es_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "es.txt")
            es_ids = {d for d, _ in read_docs(es_path)} if os.path.exists(es_path) else set()
            for prefix in ("", "es_tr-"):
                for doc_id, _ in out:
                    if prefix and prefix + doc_id not in es_ids:
                        continue
                    corpus, lic, title, url, date = meta[doc_id]
                    if prefix:
                        corpus = "Spanish translation (this project) of " + corpus
                    s.write("\t".join([prefix + doc_id, corpus, lic, title, url, date]) + "\n")
    w = sys.stdout
    for i, (doc_id, paras) in enumerate(out):
        if i:
            w.write("\n")
        w.write(f"### doc {doc_id}\n")
        w.write("\n\n".join(" ".join(p) for p in paras) + "\n")


if __name__ == "__main__":
    main()
