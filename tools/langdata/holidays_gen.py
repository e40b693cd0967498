"""Holidays: rules checked against the PyPI package `holidays` (MIT), names.

Writes common/data/holidays.tsv (id, rule, countries, years, observed,
public_in, source) and es|en/data/holidays.tsv (name, id, country, weak),
and returns a verification report (markdown) for tools/langdata/.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

import holidays as hol
from dateutil.easter import easter

import holidays_table as tab
from tsv import DATA, clean, fold, write_tsv

CHECK_YEARS = range(2000, 2031)
LUNAR_YEARS = range(2000, 2036)
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# weekday (0 = Monday) → days to add
OBSERVED = {
    "next_mon": {1: 6, 2: 5, 3: 4, 4: 3, 5: 2, 6: 1},
    "nearest_mon": {1: -1, 2: -2, 3: 4, 4: 3},
    "nearest_mon_sun": {1: -1, 2: -2, 3: 4, 4: 3, 6: 1},
    "nearest_mon_cl": {1: -1, 2: -2, 3: -3, 4: 3},
    "nearest_mon_latam": {1: -1, 2: -2, 3: 4, 4: 3, 5: 2, 6: 1},
    "workday_next_mon": {1: 6, 2: 5, 3: 4, 4: 3},
}
VARIES_WINDOW = 8
# Spain's national list leaves a holiday that falls on a Sunday to the regions.
SUNDAY_MOVED = {"ES"}
# (id, country): years the package leaves out, with the reason (last item).
KNOWN_MISSES = {
    ("uy_artigas", "UY"): (2001, "not in the package for that year"),
    ("uy_inauguration", "UY"): (2025, 2030, "the package lists inaugurations up to 2020"),
    ("pa_inauguration", "PA"): (2029, "the package lists inaugurations up to 2024"),
}
# Package entries that are not a holiday moved from its date (checked for `varies`).
DATE_SKIP = re.compile(r"asueto|feriado puente|bridge|día libre|day off|substitut|public holiday|national holiday", re.I)
CATEGORIES = ("public", "bank", "government", "optional", "unofficial")
# Package names that are not names of the holiday, whatever date they fall on.
NAME_SKIP = re.compile(r"observ|estimad|estimated|asueto|bancari|bank holiday|feriado nacional|feriado puente|bridge|día libre|"
                       r"day off|public holiday|national holiday|half-day|censo|census|bicentenar|visita de|visit of|"
                       r"mourning for former|duelo nacional por|substitut|transferred|trasladado", re.I)


# ------------------------------------------------------------ rules

def _nth(year, month, wd, n):
    d = dt.date(year, month, 1)
    d += dt.timedelta((wd - d.weekday()) % 7)
    return d + dt.timedelta(7 * (n - 1))


def _last(year, month, wd):
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(1)
    return d - dt.timedelta((d.weekday() - wd) % 7)


def eval_rule(rule: str, year: int, lunar: dict | None = None):
    """First day and last day of the holiday in `year`, or None."""
    p = rule.split()
    if p[0] == "fixed":
        a, _, b = p[1].partition("..")
        m, d = map(int, a.split("-"))
        start = dt.date(year, m, d)
        if b:
            m2, d2 = map(int, b.split("-"))
            return start, dt.date(year, m2, d2)
        return start, start
    if p[0] == "easter":
        a, _, b = p[1].partition("..")
        e = easter(year)
        return e + dt.timedelta(int(a)), e + dt.timedelta(int(b or a))
    if p[0] in ("nth", "last"):
        wd = WD.index(p[1])
        month = int(p[2])
        rest = p[3:]
        if p[0] == "nth":
            d = _nth(year, month, wd, int(rest[0]))
            rest = rest[1:]
        else:
            d = _last(year, month, wd)
        if rest:
            d += dt.timedelta(int(rest[0]))
        return d, d
    if p[0] == "dates":
        for s in p[1].split(","):
            d = dt.date.fromisoformat(s)
            if d.year == year:
                return d, d
        return None
    raise ValueError(f"bad rule {rule!r}")


def in_years(spec: str, year: int) -> bool:
    if not spec:
        return True
    span, _, step = spec.partition("/")
    a, _, b = span.partition("-")
    lo = int(a) if a else -10**6
    hi = int(b) if b else 10**6
    if not lo <= year <= hi:
        return False
    return not step or (year - lo) % int(step) == 0


def observed_date(rule, observed, year):
    r = eval_rule(rule, year)
    if r is None:
        return None
    start = r[0]
    if not observed or observed == "varies":
        return start
    if observed in OBSERVED:
        return start + dt.timedelta(OBSERVED[observed].get(start.weekday(), 0))
    o = eval_rule(observed, year)
    return o[0] if o else None


# ------------------------------------------------------------ package data

class Pkg:
    def __init__(self):
        self.by = {}      # (country, year) -> {date: [(en, es, category)]}
        self.start = {}

    def get(self, c, y):
        key = (c, y)
        if key not in self.by:
            out = defaultdict(list)
            if c in hol.list_supported_countries():
                cls = hol.country_holidays(c)
                self.start[c] = getattr(cls, "start_year", 1900)
                cats = [x for x in CATEGORIES if x in cls.supported_categories]
                langs = cls.supported_languages
                for cat in cats:
                    en = hol.country_holidays(c, years=y, categories=(cat,), language="en_US")
                    es = (hol.country_holidays(c, years=y, categories=(cat,), language="es")
                          if "es" in langs else {})
                    for d, n in en.items():
                        en_names = n.split("; ")
                        es_names = es[d].split("; ") if d in es else [""] * len(en_names)
                        if len(es_names) != len(en_names):
                            es_names = [""] * len(en_names)
                        for a, b in zip(en_names, es_names):
                            out[d].append((a, b, cat))
            self.by[key] = out
        return self.by[key]

    def years(self, c):
        self.get(c, 2000)
        s = self.start.get(c, 1900)
        return [y for y in CHECK_YEARS if y >= s]


def lunar_rules(pkg_version: str):
    rows = []
    for id_, (c, name, cat) in tab.LUNAR.items():
        ds = []
        for y in range(LUNAR_YEARS.start - 1, LUNAR_YEARS.stop):
            h = hol.country_holidays(c, years=y, categories=(cat,), language="en_US")
            ds.extend(d for d, n in h.items() if d.year == y and name in
                      [re.sub(r" \((estimated|estimado)\)$", "", x) for x in n.split("; ")])
        ds.sort()
        # the first day of each run of consecutive days (Hanukkah crosses New Year)
        dates = [d for i, d in enumerate(ds) if (i == 0 or (d - ds[i - 1]).days > 1) and d.year in LUNAR_YEARS]
        if not dates:
            raise ValueError(f"no dates for {id_} in holidays {pkg_version}")
        rows.append((id_, "dates " + ",".join(d.isoformat() for d in dates), "*",
                     f"{LUNAR_YEARS.start}-{LUNAR_YEARS.stop - 1}", "", "", "holidays"))
    return rows


# ------------------------------------------------------------ build

def split_name(s):
    weak = s.startswith("~")
    s = s.lstrip("~")
    name, _, country = s.partition("|")
    return name, country, weak


WEAK = {
    "es": {"reyes", "corpus", "san pedro", "san juan", "san josé", "san isidro", "caacupé", "dieciocho",
           "el dieciocho", "parada militar", "fin de año", "pascua", "pascuas", "asunción", "la asunción",
           "el grito", "día de la virgen", "ascensión", "natividad", "epifanía", "independencia", "navidades",
           "santiago", "candelaria", "la candelaria", "diada", "romería", "carnavales", "purísima concepción",
           "la purísima", "día de los santos", "la inmaculada", "acción de gracias", "día del amor",
           "holi", "8m", "8-m", "muertos", "corpus christi",
           "sagrado corazón", "gritería", "mes de la patria", "fiesta nacional", "día de la liberación",
           "día de la emancipación", "día de la victoria"},
    "en": {"eid", "muharram", "the fourth", "national day", "new year", "new year's", "all hallows",
           "the assumption", "ascension", "carnival", "holi", "easter saturday", "sacred heart", "el grito",
           "whitsun", "corpus christi", "remembrance day", "freedom day", "emancipation day", "liberation day",
           "flag day", "army day", "revolution day", "constitution day", "family day", "spring festival",
           "festival of lights", "christmas time", "pesach", "diada", "san isidro", "yuletide", "inauguration day"},
}


def build(out_dir=None):
    pkg = Pkg()
    version = hol.__version__
    rows = list(tab.T)
    for r in rows:
        eval_rule(r[1], 2024)
        if r[4] and r[4] not in OBSERVED and r[4] != "varies":
            eval_rule(r[4], 2024)
    by_id = defaultdict(list)
    for r in rows:
        by_id[r[0]].append(r)
    own = defaultdict(set)           # id -> countries with their own row
    for r in rows:
        if r[2] != "*":
            own[r[0]].update(r[2].split(","))

    report = []
    problems = 0
    public_in = {}
    names = {"es": set(), "en": set()}   # (name, id, country)

    def add_pkg_name(lang, n, id_, country):
        if not n or NAME_SKIP.search(n):
            return
        names[lang].add((clean(n).lower(), id_, country))

    explained = defaultdict(set)     # (country, date) explained by some row
    # country rows first, so that a default row does not take another holiday's date
    order = sorted(range(len(rows)), key=lambda i: rows[i][2] == "*")
    for idx in order:
        id_, rule, countries, years, observed, source = rows[idx]
        targets = ([c for c in tab.COUNTRIES if c not in own[id_]] if countries == "*"
                   else [c for c in countries.split(",") if c in tab.COUNTRIES])
        pub = []
        for c in targets:
            ys = [y for y in pkg.years(c) if in_years(years, y)]
            if not ys:
                continue
            hits = 0
            pub_hits = 0
            name_count = Counter()
            misses = []
            sunday = []
            for y in ys:
                span = eval_rule(rule, y)
                want = observed_date(rule, observed, y)
                if want is None:
                    continue
                days = pkg.get(c, y)
                cands = []
                if observed == "varies":
                    near = [d for d in days if abs((d - span[0]).days) <= VARIES_WINDOW
                            and not DATE_SKIP.search(days[d][0][0])]
                    if near:
                        best = min(near, key=lambda d: (abs((d - span[0]).days), d))
                        cands = [best]
                        # the other days of the same holiday (Honduras' Morazán week)
                        same = {en for en, _, _ in days[best]}
                        for d in near:
                            if {en for en, _, _ in days[d]} & same:
                                explained[(c, d)].add(idx)
                else:
                    cands = [want] if want in days else []
                    if countries == "*" and cands and any(
                            rows[j][0] != id_ and rows[j][2] != "*" and rows[j][1].split("..")[0] == rows[j][1]
                            for j in explained.get((c, want), ())):
                        cands = []
                    # a span: its first day, or any day inside it
                    if not cands and span[0] != span[1]:
                        cands = [d for d in days if span[0] <= d <= span[1]][:1]
                if cands:
                    hits += 1
                    d = cands[0]
                    explained[(c, d)].add(idx)
                    if span[0] != span[1]:
                        for k in range((span[1] - span[0]).days + 1):
                            explained[(c, span[0] + dt.timedelta(k))].add(idx)
                    if any(cat == "public" for _, _, cat in days[d]):
                        pub_hits += 1
                    for en, es, _cat in days[d]:
                        name_count[(en, es)] += 1
                elif c in SUNDAY_MOVED and want.weekday() == 6:
                    sunday.append(y)
                else:
                    misses.append(y)
            if pub_hits >= max(1, len(ys) // 2):
                pub.append(c)
            is_span = ".." in rule
            for (en, es), k in name_count.items():
                # the package's name for this holiday: on the date in most years,
                # for a rule checked against the package, not a span of days
                if source == "holidays" and not is_span and k >= max(2, (len(ys) + 1) // 2):
                    ctry = "" if countries == "*" else c
                    add_pkg_name("en", en, id_, ctry)
                    add_pkg_name("es", es, id_, ctry)
            known = KNOWN_MISSES.get((id_, c), ())
            accepted = [y for y in misses if y in known]
            misses = [y for y in misses if y not in known]
            note = ""
            if sunday:
                note += f"; on a Sunday, left to the regions: {sunday}"
            if accepted:
                note += f"; known gaps {accepted}: {known[-1] if isinstance(known[-1], str) else ''}"
            if source == "holidays" and countries != "*" and misses:
                problems += 1
                report.append(f"- MISMATCH `{id_}` `{rule}` {c} years {years or 'all'} observed "
                              f"{observed or '-'}: no package holiday in {misses}")
            elif source == "holidays" and countries != "*":
                report.append(f"- ok `{id_}` `{rule}` {c}: {hits}/{len(ys)} years{note}")
        public_in[idx] = ",".join(sorted(pub))
        if countries == "*":
            report.append(f"- default `{id_}` `{rule}`: a public holiday (per the package) in "
                          f"{public_in[idx] or 'none of the 21 countries'}")

    # package holidays no row explains
    uncovered = []
    for c in tab.COUNTRIES:
        cnt = Counter()
        for y in pkg.years(c):
            for d, lst in pkg.get(c, y).items():
                if explained.get((c, d)):
                    continue
                for en, es, cat in lst:
                    if cat == "public" and not NAME_SKIP.search(en):
                        cnt[en] += 1
        for n, k in sorted(cnt.items()):
            uncovered.append(f"- {c}: {n} ({k} years)")

    out_rows = [(r[0], r[1], r[2], r[3], r[4], public_in[i], r[5]) for i, r in enumerate(rows)]
    out_rows += lunar_rules(version)
    ids = {r[0] for r in out_rows}
    p_common = write_tsv(DATA["common"] / "holidays.tsv",
                         ["id", "rule", "countries", "years", "observed", "public_in", "source"],
                         sorted(out_rows, key=lambda r: (r[0], r[2] != "*", r[2], r[3], r[1])),
                         sort=False, out_dir=out_dir)

    paths = [p_common]
    counts = {}
    for lang, table in (("es", tab.NAMES_ES), ("en", tab.NAMES_EN)):
        rows_l = {}
        missing = ids - set(table)
        if missing:
            raise ValueError(f"{lang}: no names for {sorted(missing)}")
        for id_, lst in table.items():
            if id_ not in ids:
                raise ValueError(f"{lang}: names for unknown id {id_}")
            for s in lst:
                n, ctry, weak = split_name(s)
                if any(ch.isdigit() for ch in n) and lang == "es" and re.search(r"\d+ de ", n):
                    raise ValueError(f"{lang}: {n!r} is a date, not a name")
                rows_l[(fold(n), id_, ctry)] = (n, id_, ctry, weak, "hand")
        hand_ids = defaultdict(set)
        for (k, i, _c) in rows_l:
            hand_ids[k].add(i)
        for n, id_, ctry in sorted(names[lang]):
            if (fold(n), id_, ctry) in rows_l or (fold(n), id_, "") in rows_l:
                continue
            if hand_ids.get(fold(n), {id_}) - {id_}:
                continue        # the hand table gives this name to another holiday
            rows_l[(fold(n), id_, ctry)] = (n, id_, ctry, False, "holidays")
        out = []
        for (_k, id_, ctry), (n, _i, _c, weak, src) in sorted(rows_l.items()):
            w = weak or n in WEAK[lang]
            out.append((n, id_, ctry, "1" if w else "0", src))
        p = write_tsv(DATA[lang] / "holidays.tsv", ["name", "id", "country", "weak", "source"], out,
                      sort=False, out_dir=out_dir)
        paths.append(p)
        counts[lang] = len(out)

    md = [f"# Holiday rules checked against `holidays` {version}", "",
          f"Years {CHECK_YEARS.start}–{CHECK_YEARS.stop - 1} (from each country's first year in the package), "
          f"categories {', '.join(CATEGORIES)}. A row passes when the package has a holiday on the date the "
          f"rule gives (after the `observed` shift); for `varies`, on a date within {VARIES_WINDOW} days. "
          "Spain's national list leaves a holiday on a Sunday to the regions: those years are shown, not failed.", "",
          f"{problems} row/country pairs with mismatches.", "", "## Rows", ""]
    md += sorted(report, key=lambda s: (not s.startswith("- MISMATCH"), s))
    md += ["", "## Package public holidays that no row covers (one-off and regional days, mostly)", ""]
    md += uncovered
    return paths, "\n".join(md) + "\n", problems, counts
