#!/usr/bin/env python3
"""Rebuild es-ood.conll and es-ood.ids from es-ood.ann, checking the annotation.

    python3 build_conll.py            # check, write es-ood.conll / es-ood.ids, print counts
    python3 build_conll.py --review   # also print every sentence with [LABEL entity] brackets

es-ood.ann: one sentence per line, `sent_id<TAB>text<TAB>entities`, where entities is
`text|LABEL ;; text|LABEL ...` in order of appearance. Each entity is looked up
left to right (whole-word match after the previous entity) and must start and end
on token boundaries. Documents (-DOCSTART-) are runs of sentences sharing the
sent_id without its final -sN.
"""
import collections, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = ('github:maxhof905/se_constructions@1d831a74d0309ecf547620f9e40970c37e10c750:'
          'ud/es_data/es_ancora-ud-train.txt (UD_Spanish-AnCora train)')
TOK = re.compile(r"""
 (?:[A-ZÁÉÍÓÚÑ]{1,3}\.)+[A-ZÁÉÍÓÚÑ]{1,3}\.?(?!\w)   # EE.UU. / U.D. / EE.UU
|(?:Sr|Sra|Dr|Dra|Sres|Ud|Uds|etc)\.               # abbreviations
|\d+(?:[.,:]\d+)*                                  # 1.500  22,17  20.45
|\w+(?:[-/'’]\w+)*                                 # words, hyphenated words, MP4/15
|\S                                                # any other character
""", re.X)
LABELS = ('PER', 'ORG', 'LOC', 'MISC')


def tokenize(text):
    return [(m.group(), m.start(), m.end()) for m in TOK.finditer(text)]


def load(path):
    rows = []
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        if line.startswith('#') or not line.strip():
            continue
        sid, text, ents = line.rstrip('\n').split('\t')
        ents = [tuple(x.strip().rsplit('|', 1)) for x in ents.split(';;')] if ents.strip() else []
        rows.append((n, sid, text, ents))
    return rows


def main():
    review = '--review' in sys.argv
    rows = load(os.path.join(HERE, 'es-ood.ann'))
    errors, counts, out = 0, collections.Counter(), []
    for n, sid, text, ents in rows:
        toks = tokenize(text)
        assert ''.join(t for t, _, _ in toks) == re.sub(r'\s', '', text), sid
        tags, pos, spans = ['O'] * len(toks), 0, []
        for ent, lab in ents:
            if lab not in LABELS:
                print(f'line {n}: bad label {lab}', file=sys.stderr); errors += 1; continue
            i = pos
            while True:
                i = text.find(ent, i)
                if i < 0:
                    break
                j = i + len(ent)
                if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
                    break
                i += 1
            if i < 0:
                print(f'line {n}: {ent!r} not found after offset {pos}', file=sys.stderr); errors += 1; continue
            j = i + len(ent)
            ks = [k for k, (_, s, e) in enumerate(toks) if s >= i and e <= j]
            if not ks or toks[ks[0]][1] != i or toks[ks[-1]][2] != j:
                print(f'line {n}: {ent!r} does not fall on token boundaries', file=sys.stderr); errors += 1; continue
            for m, k in enumerate(ks):
                tags[k] = ('B-' if m == 0 else 'I-') + lab
            spans.append((i, j, lab)); pos = j; counts[lab] += 1
        out.append((sid, toks, tags))
        if review:
            b = text
            for i, j, lab in reversed(spans):
                b = b[:i] + '[' + lab + ' ' + b[i:j] + ']' + b[j:]
            print(f'{sid}\t{b}')
    if errors:
        sys.exit(f'{errors} errors; nothing written')
    with open(os.path.join(HERE, 'es-ood.conll'), 'w', encoding='utf-8', newline='\n') as f, \
         open(os.path.join(HERE, 'es-ood.ids'), 'w', encoding='utf-8', newline='\n') as g:
        prev = None
        for sid, toks, tags in out:
            doc = re.sub(r'-s\d+[A-Za-z]?$', '', sid)
            if doc != prev:
                f.write('-DOCSTART- O\n\n'); prev = doc
            for (t, _, _), tg in zip(toks, tags):
                f.write(f'{t} {tg}\n')
            f.write('\n')
            g.write(f'{sid}\t{SOURCE}\n')
    ntok = sum(len(t) for _, t, _ in out)
    docs = len({re.sub(r'-s\d+[A-Za-z]?$', '', s) for s, _, _ in out})
    print(f'{len(out)} sentences, {docs} documents, {ntok} tokens, '
          f'{sum(counts.values())} mentions: ' + ', '.join(f'{l} {counts[l]}' for l in LABELS), file=sys.stderr)


if __name__ == '__main__':
    main()
