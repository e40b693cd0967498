"""Currencies: ISO 4217 codes, symbols and the names news writers use.

Source: CLDR, through the PyPI package `babel` (its locale data is CLDR's,
Unicode licence). The ISO minor units are ISO 4217's (facts; the few codes
whose CLDR display digits differ are in ISO_MINOR below). Hand additions
(symbols and name forms that CLDR does not list, and the bare nouns) are
in this file and marked `hand` in the outputs that carry a source column.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_precision

from tsv import DATA, clean, fold, write_tsv

# "Current" is judged on this date, not on the day the build runs, so that the
# output only changes when the pinned CLDR data does.
REF_DATE = (2026, 12, 1)

# ISO 4217 codes whose minor unit is not 2 ("" = N.A. in the ISO list).
ISO_MINOR = {
    **{c: 0 for c in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split()},
    **{c: 3 for c in "BHD IQD JOD KWD LYD OMR TND".split()},
    **{c: 4 for c in "CLF UYW".split()},
    **{c: "" for c in "XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX".split()},
}
# ISO lists it; CLDR has it end in 2001 (El Salvador uses USD, SVC stays legal tender on paper).
ISO_EXTRA = {"SVC": ["SV"]}
# CLDR lists it; ISO does not.
NON_ISO = {"CNH"}
SPECIAL = set("XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX XAD".split())
# Funds and units of account that ISO lists next to a country's currency.
FUNDS = set("BOV CHE CHW CLF COU MXV USN UYI UYW".split())
# Former currencies still named in news (history, prices "en pesetas").
HISTORIC = (
    "ESP DEM FRF ITL PTE GRD NLG BEF ATS IEP FIM LUF HRK BGN CUC VEF VEB ZWL SLL ECS "
    "ANG LTL LVL EEK SKK SIT CYP MTL ARA PEI XEU"
).split()

# Names never used for amounts (metals, test codes) or misleading ("oro", "sucre").
NO_NAMES = set("XAG XAU XPD XPT XTS XXX XBA XBB XBC XBD XSU XUA XAD VED CNH USN".split())

# ---------------------------------------------------------------- symbols

HAND_SYMBOLS = {
    "USD": ["$", "US$", "U$S", "USD$"],
    "CAD": ["C$", "CA$", "Can$", "CAN$"],
    "AUD": ["A$", "AU$"],
    "NZD": ["NZ$"],
    "HKD": ["HK$"],
    "SGD": ["S$"],
    "TWD": ["NT$"],
    "MXN": ["$", "MX$", "Mex$", "MXN$"],
    "ARS": ["$", "AR$", "ARS$"],
    "CLP": ["$", "CLP$", "CH$"],
    "COP": ["$", "COL$", "COP$"],
    "UYU": ["$", "$U", "UY$"],
    "CUP": ["$", "$MN", "CUP$"],
    "DOP": ["RD$"],
    "BRL": ["R$"],
    "PEN": ["S/", "S/."],
    "VES": ["Bs.", "Bs.S", "Bs.S.", "Bs"],
    "VED": ["Bs.D", "Bs.D."],
    "BOB": ["Bs", "Bs.", "$b"],
    "PYG": ["₲", "Gs.", "Gs"],
    "GTQ": ["Q"],
    "HNL": ["L", "L."],
    "NIO": ["C$"],
    "CRC": ["₡"],
    "SVC": ["₡"],
    "PAB": ["B/.", "B/"],
    "EUR": ["€"],
    "GBP": ["£", "GB£", "UK£"],
    "JPY": ["¥", "JP¥", "￥", "円"],
    "CNY": ["¥", "CN¥", "RMB", "元"],
    "INR": ["₹", "Rs", "Rs."],
    "PKR": ["Rs", "Rs."],
    "LKR": ["Rs", "Rs."],
    "NPR": ["Rs", "Rs."],
    "MUR": ["Rs", "Rs."],
    "KRW": ["₩"],
    "KPW": ["₩"],
    "RUB": ["₽"],
    "TRY": ["₺", "TL"],
    "ILS": ["₪", "NIS"],
    "THB": ["฿"],
    "CHF": ["Fr.", "SFr.", "SFr"],
    "PHP": ["₱"],
    "VND": ["₫"],
    "NGN": ["₦"],
    "UAH": ["₴"],
    "KZT": ["₸"],
    "GEL": ["₾"],
    "AZN": ["₼"],
    "PLN": ["zł"],
    "CZK": ["Kč"],
    "HUF": ["Ft"],
    "RON": ["lei"],
    "SEK": ["kr"],
    "NOK": ["kr"],
    "DKK": ["kr", "kr."],
    "ISK": ["kr", "kr."],
    "ZAR": ["R"],
    "EGP": ["E£", "£E", "LE"],
    "SAR": ["SR", "﷼"],
    "AED": ["Dh", "Dhs"],
    "MAD": ["DH"],
    "MYR": ["RM"],
    "IDR": ["Rp"],
    "BDT": ["৳", "Tk"],
    "KES": ["KSh", "Ksh"],
    "GHS": ["GH₵", "₵"],
    "XOF": ["FCFA", "F CFA", "CFA"],
    "XAF": ["FCFA", "F CFA", "CFA"],
    "XPF": ["CFP", "F CFP"],
    "XCD": ["EC$"],
    "JMD": ["J$"],
    "TTD": ["TT$"],
    "BBD": ["Bds$"],
    "BZD": ["BZ$"],
    "BSD": ["B$"],
    "FJD": ["FJ$"],
    "SBD": ["SI$"],
    "GYD": ["G$"],
    "LRD": ["L$"],
    "NAD": ["N$"],
    "KYD": ["CI$"],
    "XCG": ["Cg"],
    "ESP": ["pta", "ptas", "pts", "₧"],
    "DEM": ["DM"],
    "FRF": ["FF"],
    "ITL": ["₤"],
    "VEF": ["Bs.F", "BsF"],
}

# Which currency a shared symbol means when the text's country does not say.
SYMBOL_DEFAULT = {
    "$": "USD", "£": "GBP", "¥": "JPY", "￥": "JPY", "C$": "CAD", "Rs": "INR", "Rs.": "INR",
    "₩": "KRW", "₡": "CRC", "Bs.": "VES", "Bs": "BOB", "₤": "ITL", "FCFA": "XAF", "F CFA": "XOF",
}

# Symbols that are also ordinary words or abbreviations, beyond single letters.
SYMBOL_WORDS = {"fr.", "lei", "le", "ar", "den", "db", "da", "um", "cf", "fc", "rf", "sr", "tl",
                "dh", "dhs", "ft", "tk", "kr", "kr.", "cfa", "dm", "ff", "pts", "nu.", "pta", "p", "k", "m",
                "e", "d", "g", "s", "r", "l", "q"}


def _active(start, end) -> bool:
    return (start is None or start <= REF_DATE) and (end is None or end > REF_DATE)


def _keep_symbol(sym: str, code: str) -> bool:
    if not sym or sym == code or sym == "¤":
        return False
    letters = [c for c in sym if c.isalpha()]
    if any(unicodedata.category(c) == "Sc" for c in sym):
        # a currency sign; letters must still be Latin ("US$"), not "ج.م."
        return all("LATIN" in unicodedata.name(c, "") for c in letters)
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def currency_table():
    """{code: {"countries": [...], "status": ..., "symbols": {sym: source}}}."""
    tc = get_global("territory_currencies")
    tl = get_global("territory_languages")
    table: dict[str, dict] = {}
    for terr, lst in tc.items():
        for code, start, end, _tender in lst:
            if _active(start, end) or code in HISTORIC:
                t = table.setdefault(code, {"countries": set(), "symbols": {}})
                if terr not in ("ZZ", "AQ", "CP", "EU") or code in HISTORIC:
                    if code not in HISTORIC or not _active(start, end):
                        t["countries"].add(terr)
    for code, countries in ISO_EXTRA.items():
        table.setdefault(code, {"countries": set(), "symbols": {}})["countries"].update(countries)
    for code, t in table.items():
        if code in HISTORIC:
            t["status"] = "historic"
        elif code in NON_ISO:
            t["status"] = "non_iso"
        elif code in SPECIAL:
            t["status"] = "special"
        elif code in FUNDS:
            t["status"] = "fund"
        else:
            t["status"] = "current"
    # CLDR symbols in the locales a Spanish or English news text borrows from,
    # and in each currency's own territories.
    locs = set(localedata.locale_identifiers())
    base = sorted(l for l in locs if l.split("_")[0] in ("es", "en", "pt", "fr")
                  and not any(x in l for x in ("Dsrt", "Shaw")))
    for code in sorted(table):
        t = table[code]
        if t["status"] == "historic":
            continue
        ls = set(base)
        for terr in t["countries"]:
            for lang in tl.get(terr, {}):
                if f"{lang}_{terr}" in locs:
                    ls.add(f"{lang}_{terr}")
        for l in sorted(ls):
            sym = Locale.parse(l).currency_symbols.get(code)
            if sym:
                sym = clean(sym)
                if _keep_symbol(sym, code):
                    t["symbols"].setdefault(sym, "cldr")
    for code, syms in HAND_SYMBOLS.items():
        for s in syms:
            table[code]["symbols"].setdefault(s, "hand")
    return table


def minor_units(code: str, status: str) -> str:
    if status == "historic" or status == "non_iso":
        return str(get_currency_precision(code))
    return str(ISO_MINOR.get(code, 2))


def symbol_rows(table):
    by_key: dict[str, set[str]] = defaultdict(set)
    for code, t in table.items():
        for s in t["symbols"]:
            by_key[s.casefold()].add(code)
    rows = []
    amb_of: dict[str, set[str]] = defaultdict(set)
    for code, t in sorted(table.items()):
        for s, src in sorted(t["symbols"].items()):
            shared = len(by_key[s.casefold()]) > 1
            letters = [c for c in s if c.isalpha()]
            # a lone Latin letter ("Q", "L", "K", "M"): also an initial, a unit, a suffix
            wordy = s.casefold() in SYMBOL_WORDS or (
                len(s.rstrip(".")) == 1 and s[0].isascii() and s[0].isalpha())
            ambiguous = shared or wordy
            if ambiguous:
                amb_of[code].add(s)
            if shared:
                default = "1" if SYMBOL_DEFAULT.get(s) == code else "0"
            else:
                default = "1"
            reason = ",".join(x for x, on in (("shared", shared), ("word", wordy)) if on)
            rows.append((s, code, "1" if ambiguous else "0", default, reason, src))
    return rows, amb_of


def build_common(out_dir=None):
    table = currency_table()
    srows, amb_of = symbol_rows(table)
    rows = []
    for code, t in sorted(table.items()):
        syms = sorted(t["symbols"], key=lambda s: (len(s), s))
        amb = sorted(amb_of.get(code, ()), key=lambda s: (len(s), s))
        rows.append((code, ",".join(syms), minor_units(code, t["status"]),
                     ",".join(sorted(t["countries"])), "1" if amb else "0", ",".join(amb),
                     t["status"], get_currency_name(code, count=1, locale="en")))
    for code, t in table.items():
        for s in t["symbols"]:
            if "," in s:
                raise ValueError(f"comma in symbol {s!r}")
    p1 = write_tsv(DATA["common"] / "currencies.tsv",
                   ["code", "symbols", "minor_units", "countries", "ambiguous", "ambiguous_symbols", "status", "name_en"],
                   rows, out_dir=out_dir)
    p2 = write_tsv(DATA["common"] / "currency_symbols.tsv",
                   ["symbol", "code", "ambiguous", "default", "reason", "source"], srows, out_dir=out_dir)
    return table, [p1, p2]


# ---------------------------------------------------------------- names

# Bare nouns: (singular, plural, code, alternatives). code "?X" = no default,
# resolve from the text's country among the alternatives.
ES_BARE = [
    ("peso", "pesos", "?PESO", "ARS,CLP,COP,CUP,DOP,MXN,PHP,UYU"),
    ("dólar", "dólares", "USD", "AUD,BBD,BMD,BND,BSD,BZD,CAD,FJD,GYD,HKD,JMD,KYD,LRD,NAD,NZD,SBD,SGD,SRD,TTD,TWD,XCD"),
    ("euro", "euros", "EUR", ""),
    ("libra", "libras", "GBP", "EGP,FKP,GIP,LBP,SDG,SHP,SSP,SYP"),
    ("franco", "francos", "CHF", "BIF,CDF,DJF,GNF,KMF,RWF,XAF,XOF,XPF"),
    ("corona", "coronas", "?CORONA", "CZK,DKK,ISK,NOK,SEK"),
    ("dinar", "dinares", "?DINAR", "BHD,DZD,IQD,JOD,KWD,LYD,MKD,RSD,TND"),
    ("rupia", "rupias", "INR", "IDR,LKR,MUR,NPR,PKR,SCR"),
    ("chelín", "chelines", "?CHELIN", "KES,SOS,TZS,UGX"),
    ("rial", "riales", "?RIAL", "IRR,OMR,QAR,SAR,YER"),
    ("riyal", "riyales", "SAR", "QAR"),
    ("dírham", "dírhams", "?DIRHAM", "AED,MAD"),
    ("dirham", "dirhams", "?DIRHAM", "AED,MAD"),
    ("dírham", "dírhames", "?DIRHAM", "AED,MAD"),
    ("won", "wones", "KRW", "KPW"),
    ("won", "wons", "KRW", "KPW"),
    ("rublo", "rublos", "RUB", "BYN"),
    ("yuan", "yuanes", "CNY", ""),
    ("yuan", "yuans", "CNY", ""),
    ("renminbi", "renminbis", "CNY", ""),
    ("yen", "yenes", "JPY", ""),
    ("leu", "leus", "RON", "MDL"),
    ("leu", "lei", "RON", "MDL"),
    ("manat", "manats", "?MANAT", "AZN,TMT"),
    ("som", "soms", "?SOM", "KGS,UZS"),
    ("kuacha", "kuachas", "?KWACHA", "MWK,ZMW"),
    ("kwacha", "kwachas", "?KWACHA", "MWK,ZMW"),
    ("florín", "florines", "?FLORIN", "AWG,XCG"),
    ("colón", "colones", "CRC", "SVC"),
    ("sol", "soles", "PEN", ""),
    ("nuevo sol", "nuevos soles", "PEN", ""),
    ("real", "reales", "BRL", ""),
    ("bolívar", "bolívares", "VES", ""),
    ("bolívar soberano", "bolívares soberanos", "VES", ""),
    ("boliviano", "bolivianos", "BOB", ""),
    ("quetzal", "quetzales", "GTQ", ""),
    ("lempira", "lempiras", "HNL", ""),
    ("córdoba", "córdobas", "NIO", ""),
    ("guaraní", "guaraníes", "PYG", ""),
    ("guaraní", "guaranís", "PYG", ""),
    ("balboa", "balboas", "PAB", ""),
    ("lira", "liras", "TRY", ""),
    ("grivna", "grivnas", "UAH", ""),
    ("grivnia", "grivnias", "UAH", ""),
    ("esloti", "eslotis", "PLN", ""),
    ("zloty", "zlotys", "PLN", ""),
    ("zloty", "zlotis", "PLN", ""),
    ("forinto", "forintos", "HUF", ""),
    ("florín húngaro", "florines húngaros", "HUF", ""),
    ("rand", "rands", "ZAR", ""),
    ("séquel", "séqueles", "ILS", ""),
    ("shekel", "shekels", "ILS", ""),
    ("nuevo séquel", "nuevos séqueles", "ILS", ""),
    ("nuevo shekel", "nuevos shekels", "ILS", ""),
    ("baht", "bahts", "THB", ""),
    ("bat", "bats", "THB", ""),
    ("ringit", "ringits", "MYR", ""),
    ("ringgit", "ringgits", "MYR", ""),
    ("naira", "nairas", "NGN", ""),
    ("cedi", "cedis", "GHS", ""),
    ("dong", "dongs", "VND", ""),
    ("tenge", "tenges", "KZT", ""),
    ("kuanza", "kuanzas", "AOA", ""),
    ("kwanza", "kwanzas", "AOA", ""),
    ("gourde", "gourdes", "HTG", ""),
    ("gurde", "gurdes", "HTG", ""),
    ("taka", "takas", "BDT", ""),
    ("kiat", "kiats", "MMK", ""),
    ("kyat", "kyats", "MMK", ""),
    ("afgani", "afganis", "AFN", ""),
    ("birr", "birres", "ETB", ""),
    ("lari", "laris", "GEL", ""),
    ("dram", "drams", "AMD", ""),
    ("lek", "leks", "ALL", ""),
    ("escudo", "escudos", "CVE", ""),
    ("metical", "meticales", "MZN", ""),
    ("dólar hongkonés", "dólares hongkoneses", "HKD", ""),
    ("dólar de hong kong", "dólares de hong kong", "HKD", ""),
    ("dólar taiwanés", "dólares taiwaneses", "TWD", ""),
    ("dólar de singapur", "dólares de singapur", "SGD", ""),
    ("dólar estadounidense", "dólares estadounidenses", "USD", ""),
    ("dólar americano", "dólares americanos", "USD", ""),
    ("dólar norteamericano", "dólares norteamericanos", "USD", ""),
    ("dólar estadunidense", "dólares estadunidenses", "USD", ""),
    ("dólar de ee.uu.", "dólares de ee.uu.", "USD", ""),
    ("dólar de estados unidos", "dólares de estados unidos", "USD", ""),
    ("dólar canadiense", "dólares canadienses", "CAD", ""),
    ("dólar australiano", "dólares australianos", "AUD", ""),
    ("dólar neozelandés", "dólares neozelandeses", "NZD", ""),
    ("libra británica", "libras británicas", "GBP", ""),
    ("libra esterlina", "libras esterlinas", "GBP", ""),
    ("libra turca", "libras turcas", "TRY", ""),
    ("peso chileno", "pesos chilenos", "CLP", ""),
    ("peso mexicano", "pesos mexicanos", "MXN", ""),
    ("peso argentino", "pesos argentinos", "ARS", ""),
    ("peso colombiano", "pesos colombianos", "COP", ""),
    ("peso uruguayo", "pesos uruguayos", "UYU", ""),
    ("peso dominicano", "pesos dominicanos", "DOP", ""),
    ("peso cubano", "pesos cubanos", "CUP", ""),
    ("peso filipino", "pesos filipinos", "PHP", ""),
    ("peso cubano convertible", "pesos cubanos convertibles", "CUC", ""),
    ("peso convertible", "pesos convertibles", "CUC", ""),
    ("franco suizo", "francos suizos", "CHF", ""),
    ("franco cfa", "francos cfa", "XOF", "XAF"),
    ("yuan chino", "yuanes chinos", "CNY", ""),
    ("yen japonés", "yenes japoneses", "JPY", ""),
    ("rublo ruso", "rublos rusos", "RUB", ""),
    ("rupia india", "rupias indias", "INR", ""),
    ("won surcoreano", "wones surcoreanos", "KRW", ""),
    ("won coreano", "wones coreanos", "KRW", ""),
    ("real brasileño", "reales brasileños", "BRL", ""),
    ("bolívar digital", "bolívares digitales", "VED", ""),
    ("bolívar fuerte", "bolívares fuertes", "VEF", ""),
    ("peseta", "pesetas", "ESP", ""),
    ("marco alemán", "marcos alemanes", "DEM", ""),
    ("lira italiana", "liras italianas", "ITL", ""),
    ("franco francés", "francos franceses", "FRF", ""),
    ("escudo portugués", "escudos portugueses", "PTE", ""),
    ("dracma", "dracmas", "GRD", ""),
    ("kuna", "kunas", "HRK", ""),
    ("lev", "levas", "BGN", ""),
    ("leva", "levas", "BGN", ""),
    ("sucre", "sucres", "ECS", ""),
    ("austral", "australes", "ARA", ""),
    ("inti", "intis", "PEI", ""),
    ("ecu", "ecus", "XEU", ""),
    ("unidad de fomento", "unidades de fomento", "CLF", ""),
    ("unidad de inversión", "unidades de inversión", "MXV", ""),
    ("udi", "udis", "MXV", ""),
    ("unidad indexada", "unidades indexadas", "UYI", ""),
    ("unidad de valor real", "unidades de valor real", "COU", ""),
    ("derecho especial de giro", "derechos especiales de giro", "XDR", ""),
]

EN_BARE = [
    ("peso", "pesos", "?PESO", "ARS,CLP,COP,CUP,DOP,MXN,PHP,UYU"),
    ("dollar", "dollars", "USD", "AUD,BBD,BMD,BND,BSD,BZD,CAD,FJD,GYD,HKD,JMD,KYD,LRD,NAD,NZD,SBD,SGD,SRD,TTD,TWD,XCD"),
    ("buck", "bucks", "USD", "AUD,CAD,NZD"),
    ("greenback", "greenbacks", "USD", ""),
    ("us dollar", "us dollars", "USD", ""),
    ("u.s. dollar", "u.s. dollars", "USD", ""),
    ("american dollar", "american dollars", "USD", ""),
    ("canadian dollar", "canadian dollars", "CAD", ""),
    ("loonie", "loonies", "CAD", ""),
    ("australian dollar", "australian dollars", "AUD", ""),
    ("aussie dollar", "aussie dollars", "AUD", ""),
    ("new zealand dollar", "new zealand dollars", "NZD", ""),
    ("hong kong dollar", "hong kong dollars", "HKD", ""),
    ("singapore dollar", "singapore dollars", "SGD", ""),
    ("taiwan dollar", "taiwan dollars", "TWD", ""),
    ("euro", "euros", "EUR", ""),
    ("pound", "pounds", "GBP", "EGP,FKP,GIP,LBP,SDG,SHP,SSP,SYP"),
    ("pound sterling", "pounds sterling", "GBP", ""),
    ("sterling", "sterling", "GBP", ""),
    ("quid", "quid", "GBP", ""),
    ("uk pound", "uk pounds", "GBP", ""),
    ("franc", "francs", "CHF", "BIF,CDF,DJF,GNF,KMF,RWF,XAF,XOF,XPF"),
    ("cfa franc", "cfa francs", "XOF", "XAF"),
    ("krona", "kronor", "SEK", "ISK"),
    ("krone", "kroner", "?KRONE", "DKK,NOK"),
    ("", "krónur", "ISK", ""),
    ("koruna", "korunas", "CZK", ""),
    ("koruna", "koruny", "CZK", ""),
    ("dinar", "dinars", "?DINAR", "BHD,DZD,IQD,JOD,KWD,LYD,MKD,RSD,TND"),
    ("rupee", "rupees", "INR", "LKR,MUR,NPR,PKR,SCR"),
    ("rupiah", "rupiahs", "IDR", ""),
    ("shilling", "shillings", "?SHILLING", "KES,SOS,TZS,UGX"),
    ("rial", "rials", "?RIAL", "IRR,OMR,YER"),
    ("riyal", "riyals", "SAR", "QAR"),
    ("dirham", "dirhams", "?DIRHAM", "AED,MAD"),
    ("dirham", "dirhams", "?DIRHAM", "AED,MAD"),
    ("won", "won", "KRW", "KPW"),
    ("rouble", "roubles", "RUB", "BYN"),
    ("ruble", "rubles", "RUB", "BYN"),
    ("yuan", "yuan", "CNY", ""),
    ("renminbi", "renminbi", "CNY", ""),
    ("yen", "yen", "JPY", ""),
    ("leu", "lei", "RON", "MDL"),
    ("manat", "manats", "?MANAT", "AZN,TMT"),
    ("som", "soms", "?SOM", "KGS,UZS"),
    ("kwacha", "kwachas", "?KWACHA", "MWK,ZMW"),
    ("guilder", "guilders", "?GUILDER", "XCG,AWG"),
    ("colón", "colones", "CRC", "SVC"),
    ("colon", "colons", "CRC", "SVC"),
    ("sol", "soles", "PEN", ""),
    ("nuevo sol", "nuevos soles", "PEN", ""),
    ("real", "reais", "BRL", ""),
    ("real", "reals", "BRL", ""),
    ("bolivar", "bolivars", "VES", ""),
    ("bolívar", "bolívares", "VES", ""),
    ("bolivar", "bolivares", "VES", ""),
    ("boliviano", "bolivianos", "BOB", ""),
    ("quetzal", "quetzales", "GTQ", ""),
    ("quetzal", "quetzals", "GTQ", ""),
    ("lempira", "lempiras", "HNL", ""),
    ("córdoba", "córdobas", "NIO", ""),
    ("guarani", "guaranis", "PYG", ""),
    ("guaraní", "guaraníes", "PYG", ""),
    ("balboa", "balboas", "PAB", ""),
    ("lira", "liras", "TRY", ""),
    ("lira", "lire", "TRY", "ITL"),
    ("hryvnia", "hryvnias", "UAH", ""),
    ("hryvnia", "hryvnia", "UAH", ""),
    ("hryvnya", "hryvnyas", "UAH", ""),
    ("zloty", "zlotys", "PLN", ""),
    ("zloty", "zloties", "PLN", ""),
    ("zloty", "zlotych", "PLN", ""),
    ("forint", "forints", "HUF", ""),
    ("rand", "rand", "ZAR", ""),
    ("shekel", "shekels", "ILS", ""),
    ("new shekel", "new shekels", "ILS", ""),
    ("sheqel", "sheqels", "ILS", ""),
    ("baht", "baht", "THB", ""),
    ("ringgit", "ringgit", "MYR", ""),
    ("naira", "naira", "NGN", ""),
    ("cedi", "cedis", "GHS", ""),
    ("dong", "dong", "VND", ""),
    ("tenge", "tenge", "KZT", ""),
    ("kwanza", "kwanzas", "AOA", ""),
    ("gourde", "gourdes", "HTG", ""),
    ("taka", "taka", "BDT", ""),
    ("kyat", "kyats", "MMK", ""),
    ("afghani", "afghanis", "AFN", ""),
    ("birr", "birr", "ETB", ""),
    ("lari", "laris", "GEL", ""),
    ("dram", "drams", "AMD", ""),
    ("escudo", "escudos", "CVE", ""),
    ("metical", "meticais", "MZN", ""),
    ("zig", "zigs", "ZWG", ""),
    ("peseta", "pesetas", "ESP", ""),
    ("deutschmark", "deutschmarks", "DEM", ""),
    ("deutsche mark", "deutsche marks", "DEM", ""),
    ("french franc", "french francs", "FRF", ""),
    ("italian lira", "italian lire", "ITL", ""),
    ("drachma", "drachmas", "GRD", ""),
    ("drachma", "drachmae", "GRD", ""),
    ("kuna", "kunas", "HRK", ""),
    ("kuna", "kuna", "HRK", ""),
    ("lev", "leva", "BGN", ""),
    ("punt", "punts", "IEP", ""),
    ("ecu", "ecus", "XEU", ""),
    ("bolivar fuerte", "bolivares fuertes", "VEF", ""),
    ("digital bolivar", "digital bolivars", "VED", ""),
    ("convertible peso", "convertible pesos", "CUC", ""),
    ("unidad de fomento", "unidades de fomento", "CLF", ""),
    ("special drawing right", "special drawing rights", "XDR", ""),
]

# Minor units: (singular, plural, code, multiplier). code "*" = the major unit
# named or implied before it ("3 euros con 20 céntimos", "dos dólares y 5 centavos").
ES_MINOR = [
    ("centavo", "centavos", "*", "0.01"),
    ("céntimo", "céntimos", "*", "0.01"),
    ("cent", "cents", "*", "0.01"),
    ("centésimo", "centésimos", "UYU", "0.01"),
    ("penique", "peniques", "GBP", "0.01"),
    ("kopek", "kopeks", "RUB", "0.01"),
    ("copec", "copecs", "RUB", "0.01"),
    ("kópek", "kópeks", "RUB", "0.01"),
    ("paisa", "paisas", "INR", "0.01"),
]
EN_MINOR = [
    ("cent", "cents", "*", "0.01"),
    ("centavo", "centavos", "*", "0.01"),
    ("centime", "centimes", "*", "0.01"),
    ("céntimo", "céntimos", "*", "0.01"),
    ("penny", "pence", "GBP", "0.01"),
    ("penny", "pennies", "GBP", "0.01"),
    ("kopek", "kopeks", "RUB", "0.01"),
    ("kopeck", "kopecks", "RUB", "0.01"),
    ("kopeck", "kopecks", "RUB", "0.01"),
    ("paisa", "paise", "INR", "0.01"),
]

# Finance writes millions as "M" before a code ("30 MUSD", "120 MEUR"); only codes
# whose "M" form is no common word ("MARS", "MALL", "MAUD" are left out).
MILLION_CODES = ["USD", "EUR", "GBP", "CAD", "CHF", "JPY", "CNY", "MXN", "BRL", "SEK", "NOK", "DKK"]

# Abbreviations with a built-in scale: (name, code, multiplier, alternatives).
ES_SCALED = [
    ("mdp", "MXN", "1e6", ""),       # millones de pesos (Mexican press)
    ("mdd", "USD", "1e6", ""),       # millones de dólares
    ("mmdp", "MXN", "1e9", ""),      # miles de millones de pesos
    ("mmdd", "USD", "1e9", ""),      # miles de millones de dólares
    ("mmd", "USD", "1e9", ""),       # miles de millones de dólares (variant)
    ("mde", "EUR", "1e6", ""),       # millones de euros (rare)
    ("mdp.", "MXN", "1e6", ""),
    ("mdd.", "USD", "1e6", ""),
    *[("m" + c.lower(), c, "1e6", "") for c in MILLION_CODES],
]
EN_SCALED = [("m" + c.lower(), c, "1e6", "") for c in MILLION_CODES]


# When CLDR gives one name to several codes, the currency in use wins.
RANK = {"current": 0, "fund": 1, "non_iso": 2, "special": 2, "historic": 3}

# CLDR names that are mostly ordinary words in news text.
NAME_STOP = {"es": {"leones"}, "en": set()}


def _cldr_names(lang: str, codes, status_of):
    """{name: set(codes)} from every locale of the language, plus sources."""
    locs = sorted(l for l in localedata.locale_identifiers() if l.split("_")[0] == lang
                  and not any(x in l for x in ("Dsrt", "Shaw")))
    out: dict[str, set[str]] = defaultdict(set)
    for code in sorted(codes):
        if code in NO_NAMES:
            continue
        for l in locs:
            for cnt in (None, 1, 2):
                n = get_currency_name(code, count=cnt, locale=l)
                if not n or n == code:
                    continue
                n = clean(n)
                if "(" in n:
                    glosses = re.findall(r"\(([^)]*)\)", n)
                    dated = any(any(ch.isdigit() for ch in g) for g in glosses)
                    if dated and status_of[code] != "historic":
                        continue
                    # "unidad de inversión (UDI) mexicana", "bolívar venezolano (2008–2018)"
                    n = " ".join(re.sub(r"\s*\([^)]*\)", "", n).split())
                if not n or any(ord(c) > 0x24F and unicodedata.category(c).startswith("L") for c in n):
                    continue
                out[n.lower()].add(code)
    return out


def build_lang(lang: str, table, out_dir=None):
    status_of = {c: t["status"] for c, t in table.items()}
    cldr = _cldr_names(lang, table.keys(), status_of)
    bare = ES_BARE if lang == "es" else EN_BARE
    minor = ES_MINOR if lang == "es" else EN_MINOR
    scaled = ES_SCALED if lang == "es" else EN_SCALED
    rows: dict[str, tuple] = {}
    origin: dict[str, str] = {}

    def put(name, code, is_minor, mult, alts, src):
        name = name.lower()
        if src == "cldr" and name in NAME_STOP.get(lang, ()):
            return
        key = fold(name)
        if key in rows:
            old_code, old_src = rows[key][1], origin[key]
            if old_code == code or (old_src == "hand" and src == "cldr"):
                return
            if old_src == src == "hand":
                raise ValueError(f"{lang}: hand rows for {name!r} disagree: {old_code} / {code}")
            old_hist = status_of.get(old_code) == "historic"
            new_hist = status_of.get(code) == "historic"
            if new_hist and not old_hist:
                return
            if not (old_hist and not new_hist):
                raise ValueError(f"{lang}: {name!r} names {old_code} and {code}")
        rows[key] = (name, code, "1" if is_minor else "0", mult, alts)
        origin[key] = src

    for sg, pl, code, alts in bare:
        for n in (sg, pl):
            if n:
                put(n, code, False, "1", alts, "hand")
    for sg, pl, code, mult in minor:
        put(sg, code, True, mult, "", "hand")
        put(pl, code, True, mult, "", "hand")
    for name, code, mult, alts in scaled:
        put(name, code, False, mult, alts, "hand")
    for name in sorted(cldr):
        codes = cldr[name]
        best = min(RANK[status_of[c]] for c in codes)
        pick = sorted(c for c in codes if RANK[status_of[c]] == best)
        if len(pick) > 1:
            raise ValueError(f"{lang}: CLDR name {name!r} for {pick}")
        put(name, pick[0], False, "1", "", "cldr")
    out = sorted(rows.values(), key=lambda r: (fold(r[0]), r[0]))
    p = write_tsv(DATA[lang] / "currencies.tsv", ["name", "code", "minor", "multiplier", "alternatives"],
                  out, sort=False, out_dir=out_dir)
    return p, sum(1 for k in origin.values() if k == "cldr"), sum(1 for k in origin.values() if k == "hand")


def build(out_dir=None):
    table, paths = build_common(out_dir)
    stats = {}
    for lang in ("es", "en"):
        p, n_cldr, n_hand = build_lang(lang, table, out_dir)
        paths.append(p)
        stats[lang] = (n_cldr, n_hand)
    return paths, stats
