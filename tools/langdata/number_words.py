"""Number words: cardinals, scales, collectives, ordinals, fractions (generated).

Columns: word, value, kind, flags.
kind: unit (0–9), teen (10–19), ten (20, 30 … 90), compound (a one-word
tens-and-units number: "veintitrés", "twenty-first" is an ordinal),
hundred, scale (multiplies what precedes: "mil", "million"), scale_abbr
("bn", "mn": glued or after a figure), collective ("docena", "dozen":
counted nouns, "una docena de"), vague (plural quantities: "miles",
"thousands", "cientos de miles": an order of magnitude, not a count),
multiplier ("doble", "twice"), ordinal, fraction (value as a decimal).
flags: weak (usually not a number: "un", "a", "second", "par"),
feminine, plural, apocope ("primer", "veintiún"), hyphenated, long_scale
(Spanish "billón" = 10^12), composed (several words).
"""

from __future__ import annotations

import math

from tsv import DATA, write_tsv


def _v(x):
    """1000 → "1000", 1e9 → "1e9", 1/3 → "0.3333333333"."""
    x = float(x)
    if x.is_integer() and x >= 1e7:
        e = round(math.log10(x))
        if 10.0 ** e == x:
            return f"1e{e}"
    if x.is_integer():
        return str(int(x))
    return f"{x:.10g}"


# ------------------------------------------------------------------ Spanish

def spanish():
    rows = []

    def r(word, value, kind, *flags):
        rows.append((word, _v(value), kind, ",".join(flags)))

    units = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
    for i, w in enumerate(units):
        r(w, i, "unit")
    r("un", 1, "unit", "weak", "apocope")
    r("una", 1, "unit", "weak", "feminine")
    for i, w in enumerate(["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
                           "dieciocho", "diecinueve"]):
        r(w, 10 + i, "teen")
    r("veinte", 20, "ten")
    veinti = ["veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
              "veintisiete", "veintiocho", "veintinueve"]
    for i, w in enumerate(veinti):
        r(w, 21 + i, "compound")
    r("veintiún", 21, "compound", "apocope")
    r("veintiuna", 21, "compound", "feminine")
    for i, w in enumerate(["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]):
        r(w, 30 + 10 * i, "ten")
    # "treinta y un", "cuarenta y una": the unit after "y" takes the noun's form
    r("cien", 100, "hundred", "apocope")
    r("ciento", 100, "hundred")
    hundreds = {200: "doscient", 300: "trescient", 400: "cuatrocient", 500: "quinient", 600: "seiscient",
                700: "setecient", 800: "ochocient", 900: "novecient"}
    for v, st in hundreds.items():
        r(st + "os", v, "hundred")
        r(st + "as", v, "hundred", "feminine")
    r("mil", 1e3, "scale")
    r("millón", 1e6, "scale")
    r("millones", 1e6, "scale", "plural")
    r("millardo", 1e9, "scale")
    r("millardos", 1e9, "scale", "plural")
    r("mil millones", 1e9, "scale", "composed")
    r("billón", 1e12, "scale", "long_scale")
    r("billones", 1e12, "scale", "long_scale", "plural")
    r("mil billones", 1e15, "scale", "composed")
    r("trillón", 1e18, "scale", "long_scale")
    r("trillones", 1e18, "scale", "long_scale", "plural")
    r("cuatrillón", 1e24, "scale", "long_scale")
    r("cuatrillones", 1e24, "scale", "long_scale", "plural")
    # money abbreviations ("mdp", "mdd") are in currencies.tsv
    for w, v in (("par", 2), ("decena", 10), ("docena", 12), ("quincena", 15), ("veintena", 20),
                 ("treintena", 30), ("cuarentena", 40), ("centena", 100), ("centenar", 100), ("millar", 1000)):
        flags = ["weak"] if w in ("par", "quincena", "cuarentena") else []
        r(w, v, "collective", *flags)
        pl = w + ("es" if w.endswith(("r",)) else "s")
        r(pl, v, "collective", "plural", *flags)
    for w, v in (("cientos", 100), ("miles", 1e3), ("decenas de miles", 1e4), ("cientos de miles", 1e5),
                 ("centenares de miles", 1e5), ("miles de millones", 1e9), ("decenas de millones", 1e7),
                 ("cientos de millones", 1e8), ("millones", 1e6), ("billones", 1e12), ("decenas", 10),
                 ("centenares", 100), ("millares", 1e3), ("docenas", 12)):
        r(w, v, "vague", "plural", *(["composed"] if " " in w else []))
    for w, v in (("doble", 2), ("triple", 3), ("cuádruple", 4), ("quíntuple", 5), ("séxtuple", 6),
                 ("séptuple", 7), ("óctuple", 8), ("décuplo", 10), ("céntuplo", 100), ("duplo", 2), ("triplo", 3),
                 ("cuádruplo", 4), ("quíntuplo", 5)):
        r(w, v, "multiplier")

    # ordinals: stem + o/a/os/as
    simple = {1: "primer", 2: "segund", 3: "tercer", 4: "cuart", 5: "quint", 6: "sext", 7: "séptim",
              8: "octav", 9: "noven", 10: "décim", 11: "undécim", 12: "duodécim", 20: "vigésim",
              30: "trigésim", 40: "cuadragésim", 50: "quincuagésim", 60: "sexagésim", 70: "septuagésim",
              80: "octogésim", 90: "nonagésim", 100: "centésim", 200: "ducentésim", 300: "tricentésim",
              400: "cuadringentésim", 500: "quingentésim", 600: "sexcentésim", 700: "septingentésim",
              800: "octingentésim", 900: "noningentésim", 1000: "milésim", 10**6: "millonésim",
              10**9: "milmillonésim", 10**12: "billonésim"}
    variants = {7: ["sétim"], 9: ["non"]}
    unit_ord = {1: "primer", 2: "segund", 3: "tercer", 4: "cuart", 5: "quint", 6: "sext", 7: "séptim",
                8: "octav", 9: "noven"}

    def ordinal(stem, value, extra=()):
        base = stem if stem.endswith("r") and stem in ("primer", "tercer") else stem
        if stem.endswith(("primer", "tercer")):
            r(stem + "o", value, "ordinal", *extra)
            r(stem, value, "ordinal", "apocope", *extra)
            r(stem + "a", value, "ordinal", "feminine", *extra)
            r(stem + "os", value, "ordinal", "plural", *extra)
            r(stem + "as", value, "ordinal", "feminine", "plural", *extra)
        else:
            r(base + "o", value, "ordinal", *extra)
            r(base + "a", value, "ordinal", "feminine", *extra)
            r(base + "os", value, "ordinal", "plural", *extra)
            r(base + "as", value, "ordinal", "feminine", "plural", *extra)

    for v, st in simple.items():
        ordinal(st, v, ("weak",) if v == 2 else ())
        for alt in variants.get(v, []):
            ordinal(alt, v)
    # 11–19 and 21–29 as one word (RAE: "decimotercero", "vigesimoprimero"), 11/12 also "decimoprimero"
    for tens, prefix in ((10, "decimo"), (20, "vigesimo")):
        for u, st in unit_ord.items():
            ordinal(prefix + st, tens + u)
            if st.startswith("o"):  # the two o's merge, as the RAE prefers: "decimoctavo"
                ordinal(prefix[:-1] + st, tens + u)
    # and as two words: "décimo tercero", "vigésimo primero" are the two ordinals in a row (composed by the code)

    # fractions
    frac = {2: ["medio", "media", "mitad"], 3: ["tercio"], 4: ["cuarto"], 5: ["quinto"], 6: ["sexto"],
            7: ["séptimo"], 8: ["octavo"], 9: ["noveno"], 10: ["décimo", "décima"]}
    for d, ws in frac.items():
        for w in ws:
            flags = ["feminine"] if w in ("media", "mitad", "décima") else []
            r(w, 1 / d, "fraction", *flags)
            if w not in ("medio", "media"):
                r(w + ("es" if w.endswith("d") else "s"), 1 / d, "fraction", "plural", *flags)
    r("medios", 0.5, "fraction", "plural")
    avos = {11: "onceavo", 12: "doceavo", 13: "treceavo", 14: "catorceavo", 15: "quinceavo", 16: "dieciseisavo",
            17: "diecisieteavo", 18: "dieciochoavo", 19: "diecinueveavo", 20: "veinteavo", 30: "treintavo",
            40: "cuarentavo", 50: "cincuentavo", 60: "sesentavo", 70: "setentavo", 80: "ochentavo", 90: "noventavo"}
    for d, w in avos.items():
        r(w, 1 / d, "fraction")
        r(w + "s", 1 / d, "fraction", "plural")
    for w, v in (("centésimo", 0.01), ("centésima", 0.01), ("milésimo", 0.001), ("milésima", 0.001),
                 ("millonésimo", 1e-6), ("millonésima", 1e-6), ("centésimas", 0.01), ("milésimas", 0.001)):
        r(w, v, "fraction", *(["feminine"] if w.endswith(("a", "as")) else []),
          *(["plural"] if w.endswith("s") else []))
    for d, w in ((3, "tercera parte"), (4, "cuarta parte"), (5, "quinta parte"), (10, "décima parte")):
        r(w, 1 / d, "fraction", "composed")
    for n, d, w in ((2, 3, "dos tercios"), (3, 4, "tres cuartos"), (2, 3, "dos terceras partes"),
                    (3, 4, "tres cuartas partes"), (2, 5, "dos quintos"), (3, 5, "tres quintos"),
                    (4, 5, "cuatro quintos"), (3, 5, "tres quintas partes"), (2, 5, "dos quintas partes"),
                    (4, 5, "cuatro quintas partes"), (1, 2, "la mitad")):
        r(w, n / d, "fraction", "composed")
    return rows


# ------------------------------------------------------------------ English

EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EN_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"]
EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
           90: "ninety"}
EN_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
          9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
          15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth"}


def _en_tens_ord(w):
    return w[:-1] + "ieth"


def english():
    rows = []

    def r(word, value, kind, *flags):
        rows.append((word, _v(value), kind, ",".join(flags)))

    for i, w in enumerate(EN_UNITS):
        r(w, i, "unit")
    r("nought", 0, "unit")
    r("naught", 0, "unit")
    r("nil", 0, "unit", "weak")
    r("a", 1, "unit", "weak")
    r("an", 1, "unit", "weak")
    for i, w in enumerate(EN_TEENS):
        r(w, 10 + i, "teen")
    for v, w in EN_TENS.items():
        r(w, v, "ten")
        for u in range(1, 10):
            r(f"{w}-{EN_UNITS[u]}", v + u, "compound", "hyphenated")
    r("hundred", 100, "hundred")
    r("hundreds", 100, "vague", "plural")
    for w, v in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
                 ("quadrillion", 1e15)):
        r(w, v, "scale")
        r(w + "s", v, "vague", "plural")
    # South Asian English: "13 lakh", "6 crore", "three lakh crore"
    for w, v in (("lakh", 1e5), ("crore", 1e7)):
        r(w, v, "scale")
        r(w + "s", v, "scale", "plural")
    for w, v in (("k", 1e3), ("m", 1e6), ("mn", 1e6), ("mln", 1e6), ("bn", 1e9), ("b", 1e9),
                 ("bln", 1e9), ("tn", 1e12), ("trn", 1e12), ("tln", 1e12), ("t", 1e12)):
        r(w, v, "scale_abbr", *(["weak"] if len(w) == 1 else []))
    for w, v, weak in (("pair", 2, True), ("couple", 2, True), ("dozen", 12, False), ("score", 20, True),
                       ("gross", 144, True), ("half-dozen", 6, False), ("half a dozen", 6, False)):
        r(w, v, "collective", *(["weak"] if weak else []), *(["composed"] if " " in w else []))
    for w, v in (("dozens", 12), ("scores", 20), ("tens", 10), ("tens of thousands", 1e4),
                 ("hundreds of thousands", 1e5), ("tens of millions", 1e7), ("hundreds of millions", 1e8),
                 ("tens of billions", 1e10), ("hundreds of billions", 1e11), ("thousands of millions", 1e9),
                 ("a couple", 2), ("a few", 3), ("several", 3)):
        r(w, v, "vague", *(["plural"] if w.endswith("s") else []), *(["composed"] if " " in w else []),
          *(["weak"] if w in ("a few", "several", "a couple", "tens") else []))
    for w, v in (("once", 1), ("twice", 2), ("thrice", 3), ("double", 2), ("triple", 3), ("quadruple", 4),
                 ("quintuple", 5), ("twofold", 2), ("threefold", 3), ("fourfold", 4), ("fivefold", 5),
                 ("sixfold", 6), ("tenfold", 10), ("hundredfold", 100), ("thousandfold", 1000)):
        r(w, v, "multiplier", *(["weak"] if w == "once" else []))
    # ordinals
    for v, w in EN_ORD.items():
        r(w, v, "ordinal", *(["weak"] if w == "second" else []))
    for v, w in EN_TENS.items():
        r(_en_tens_ord(w), v, "ordinal")
        r(_en_tens_ord(w) + "s", v, "ordinal", "plural")
        for u in range(1, 10):
            r(f"{w}-{EN_ORD[u]}", v + u, "ordinal", "hyphenated")
            # plural: a denominator ("three twenty-fifths")
            r(f"{w}-{EN_ORD[u]}s", v + u, "ordinal", "hyphenated,plural", *(["weak"] if u == 2 else []))
    r("nineth", 9, "ordinal", "misspelt")   # a common misspelling of "ninth"
    for w, v in (("hundredth", 100), ("thousandth", 1000), ("millionth", 10**6), ("billionth", 10**9),
                 ("trillionth", 10**12)):
        r(w, v, "ordinal")
    # fractions
    r("half", 0.5, "fraction")
    r("halves", 0.5, "fraction", "plural")
    r("quarter", 0.25, "fraction", "weak")
    r("quarters", 0.25, "fraction", "plural", "weak")
    for d in range(3, 11):
        w = EN_ORD[d]
        r(w, 1 / d, "fraction", *(["weak"] if d in (3,) else []))
        r(w + "s", 1 / d, "fraction", "plural")
    for w, v in (("hundredth", 0.01), ("hundredths", 0.01), ("thousandth", 0.001), ("thousandths", 0.001),
                 ("millionth", 1e-6), ("millionths", 1e-6), ("billionths", 1e-9), ("trillionths", 1e-12)):
        r(w, v, "fraction", *(["plural"] if w.endswith("s") else []))
    names = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"),
             6: ("sixth", "sixths"), 8: ("eighth", "eighths"), 10: ("tenth", "tenths")}
    for d, (sg, pl) in names.items():
        for n in range(1, d):
            w = f"{EN_UNITS[n]}-{sg if n == 1 else pl}"
            r(w, n / d, "fraction", "hyphenated")
            if d == 4:
                r(f"{EN_UNITS[n]}-{'fourth' if n == 1 else 'fourths'}", n / d, "fraction", "hyphenated")
    r("one and a half", 1.5, "fraction", "composed")
    r("two and a half", 2.5, "fraction", "composed")
    return rows


def build(out_dir=None):
    paths = []
    counts = {}
    for lang, rows in (("es", spanish()), ("en", english())):
        seen = {}
        for w, v, k, f in rows:
            if (w, k) in seen and seen[(w, k)] != v:
                raise ValueError(f"{lang} numbers: {w!r} ({k}) has two values")
            seen[(w, k)] = v
        counts[lang] = len(set(rows))
        paths.append(write_tsv(DATA[lang] / "numbers.tsv", ["word", "value", "kind", "flags"], rows,
                               out_dir=out_dir))
    return paths, counts
