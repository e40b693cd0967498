#!/usr/bin/env python3
"""Write the speech-verb forms a news writer uses, from speech_verbs.tsv.

    python3 tools/langdata/speech_forms.py   # writes src/lang/{es,en}/data/speech_forms.txt

speech_verbs.tsv lists every form of hundreds of reporting verbs (1 MB for
Spanish); the wasm build embeds only this subset: third-person finite forms
(what reporting clauses use: "afirmó", "aseguran", "said", "says"), gerunds
("saying “…”", "asegurando que") and participles, which the quote layer
combines with the language's auxiliaries at table-build time ("ha dicho",
"had said"). Forms marked as homographs of common nouns (`homograph` = 1,
"cuenta", "claims") are kept apart as `h FORM`: matching ignores accents,
so "anunció" would also match the noun "anuncio", and "claims" is a noun as
often as a verb. The quote layer takes them as cues only next to a quote
(`"…," she claims`), or anywhere when the text has the form's accent
("criticó", not "critico"). Forms of a verb whose other sense is as common ("disparó", "compartió",
`homograph` = 2) are `a FORM`: cues only next to a quote, accent or not.
Infinitives are `i FORM`: cues after the language's `cue_modals` ("quiso
aclarar", "went on to say"). One form a line: `f FORM` (finite or gerund),
`p PARTICIPLE`, `i INFINITIVE`, `h FORM` or `a FORM`.
"""
import csv, os, sys
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

def forms(lang):
    path = os.path.join(ROOT, "src", "lang", lang, "data", "speech_verbs.tsv")
    out = set()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if lang == "es" and r.get("clitic"):
                continue
            k, t, p = r["kind"], r["tense"], r["person"]
            form = r["form"].strip().lower()
            if r["homograph"] != "0":
                third = p in ("3s", "3p") if lang == "es" else (t == "past" or p == "3s")
                if k.startswith("finite") and third:
                    out.add(("a" if r["homograph"] == "2" else "h", form))
                continue
            if k == "infinitive":   # after a modal: "quiso aclarar", "went on to say"
                out.add(("i", form))
                continue
            if lang == "es":
                if k.startswith("finite") and t in ("pres", "pret", "impf", "fut") and p in ("3s", "3p"):
                    out.add(("f", form))
                elif k == "gerund":
                    out.add(("f", form))
                elif t == "perf" and p == "3s":  # "ha dicho": keep the participle
                    out.add(("p", form.split()[-1]))
            else:
                if t in ("past", "pres", "ing") and (p in ("3s", "") or t == "past"):
                    out.add(("f", form))
                elif t == "part":
                    out.add(("p", form))
    return sorted(out)

for lang in ("es", "en"):
    rows = forms(lang)
    dst = os.path.join(ROOT, "src", "lang", lang, "data", "speech_forms.txt")
    with open(dst, "w", encoding="utf-8") as f:
        for kind, form in rows:
            f.write(f"{kind} {form}\n")
    print(lang, len(rows), os.path.getsize(dst), file=sys.stderr)
