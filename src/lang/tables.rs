//! The prepared data files of `lang/*/data/` (see `tools/langdata/README.md`),
//! embedded with `include_str!` and parsed once into lexicon entries.
//! Every table is tab-separated with a header line.

/// A currency word or symbol: its ISO 4217 code (none where the word is
/// shared, "pesos", "$", or a minor unit of whichever currency is named
/// before it, "centavos"), and what one of it is worth in `code` units
/// ("centavo" 0.01, "mdp" 10^6).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Currency {
    pub code: Option<&'static str>,
    pub multiplier: f64,
    /// A minor unit ("centavos", "pence"): added to an amount just before it.
    pub minor: bool,
    /// Without a code: the codes it may stand for, comma-separated
    /// ("ARS,CLP,COP,…" for "pesos"), of which the text may name one.
    pub candidates: Option<&'static str>,
}

/// The gender a first name (folded, as `text::fold::lexicon` gives it) almost
/// always has, from `common/data/first_names.tsv` (`tools/names/build.py`).
pub fn first_name_gender(folded: &str) -> Option<crate::lang::lexicon::Gender> {
    use crate::lang::lexicon::Gender;
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Gender>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("common/data/first_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                Some((name, if g == "f" { Gender::Female } else { Gender::Male }))
            })
            .collect()
    });
    table.get(folded).copied()
}

pub const ONE: Currency = Currency { code: None, multiplier: 1.0, minor: false, candidates: None };

/// The ISO table shared by all languages: code, symbols, minor units, countries …
pub const COMMON_CURRENCIES: &str = include_str!("common/data/currencies.tsv");
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

fn iso(code: &'static str) -> Option<&'static str> {
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

/// Every ISO 4217 code of the shared table ("USD", "CUP").
pub fn currency_codes() -> impl Iterator<Item = &'static str> {
    rows(COMMON_CURRENCIES).filter_map(|r| r.first().and_then(|c| iso(c)))
}

/// A language's `currencies.tsv` (name, code, minor, multiplier, alternatives).
/// A code written `*` or `?NAME` is not one currency: no code.
pub fn currency_names(tsv: &'static str) -> Vec<(&'static str, Currency)> {
    rows(tsv)
        .filter(|r| r.len() >= 4)
        .map(|r| {
            let multiplier = r[3].parse().unwrap_or(1.0);
            let code = iso(r[1]);
            let candidates = r.get(4).filter(|c| code.is_none() && !c.is_empty()).copied();
            (r[0], Currency { code, multiplier, minor: r[2] == "1", candidates })
        })
        .collect()
}

/// The symbols of the common table ("C$", "HK$", "R$", "₡"), and each
/// current code of a dollar or peso ("MXN", matched before "$" too).
pub fn currency_symbols() -> Vec<(&'static str, Currency)> {
    let mut out = Vec::new();
    // The codes each bare shared sign stands for ("$": ARS, AUD, …, USD).
    // Built once per language (the compiled lexicon is cached), so the few
    // leaked strings are bounded.
    let mut shared: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for r in rows(COMMON_CURRENCIES) {
        let (Some(code), Some(symbols)) = (r.first().and_then(|c| iso(c)), r.get(1)) else { continue };
        let ambiguous: Vec<&str> = r.get(5).map(|s| s.split(',').collect()).unwrap_or_default();
        let cur = Currency { code: Some(code), ..ONE };
        for s in symbols.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            // Letters-only symbols ("Kz", "P", "Br") are words too often; a
            // bare shared sign ("$", "kr") names no one currency. A qualified
            // shared one ("C$", also the córdoba's) goes to the first row.
            let bare = !s.chars().any(char::is_alphabetic);
            if bare && ambiguous.contains(&s) {
                match shared.iter_mut().find(|(x, _)| *x == s) {
                    Some((_, codes)) => codes.push(code),
                    None => shared.push((s, vec![code])),
                }
                continue;
            }
            if s.chars().all(char::is_alphabetic) && s.chars().count() < 4 {
                continue;
            }
            out.push((s, cur));
        }
        if symbols.split(',').any(|s| s.contains('$')) && r.get(6) == Some(&"current") {
            out.push((code, cur)); // the code itself, matched before "$" by the phrase
        }
    }
    for (s, codes) in shared {
        let list: &'static str = Box::leak(codes.join(",").into_boxed_str());
        out.push((s, Currency { candidates: Some(list), ..ONE }));
    }
    out
}

/// What a minor unit named with no major one before it ("50 centavos",
/// "34 cents") is a part of: the dollar or peso, resolved like a bare "$".
pub fn bare_minor_of() -> Currency {
    static DOLLAR: std::sync::OnceLock<Currency> = std::sync::OnceLock::new();
    *DOLLAR.get_or_init(|| currency_symbols().into_iter().find(|(s, _)| *s == "$").map_or(ONE, |(_, c)| c))
}

/// A language's `countries.tsv`: (name, ISO 3166 code) pairs.
pub fn countries(tsv: &'static str) -> Vec<(&'static str, &'static str)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t"))
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, cc)| (name, cc.trim()))
        .collect()
}

/// Whether the ISO 4217 currency `code` is used in the country `cc`
/// (the `countries` column of the common table).
pub fn currency_used_in(code: &str, cc: &str) -> bool {
    // (code, countries) of every currency, parsed once.
    static COUNTRIES: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();
    let table = COUNTRIES.get_or_init(|| rows(COMMON_CURRENCIES).filter_map(|r| Some((r[0], *r.get(3)?))).collect());
    table.iter().any(|(c, cs)| *c == code && cs.split(',').any(|x| x == cc))
}

/// A number word of `numbers.tsv` (word, value, kind, flags).
pub struct NumberWord {
    pub word: &'static str,
    pub value: f64,
    pub kind: &'static str,
    pub weak: bool,
    /// The flags column ("plural", "feminine,plural", "composed").
    pub flags: &'static str,
}

impl NumberWord {
    pub fn has(&self, flag: &str) -> bool {
        self.flags.split(',').any(|f| f == flag)
    }
}

pub fn number_words(tsv: &'static str) -> Vec<NumberWord> {
    rows(tsv)
        .filter(|r| r.len() >= 3)
        .filter_map(|r| {
            let value = r[1].parse().ok()?;
            let flags = r.get(3).copied().unwrap_or("");
            let weak = flags.split(',').any(|x| x == "weak");
            Some(NumberWord { word: r[0], value, kind: r[2], weak, flags })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        let s = currency_symbols();
        assert!(s.iter().any(|(w, c)| *w == "C$" && c.code == Some("CAD")));
        assert!(s.iter().filter(|(w, _)| *w == "$").all(|(_, c)| c.code.is_none() && c.candidates.is_some_and(|l| l.contains("MXN"))));
        assert!(bare_minor_of().candidates.is_some_and(|l| l.contains("USD")));
        for lang in crate::lang::Lang::ALL {
            let lx = lang.lexicon();
            assert!(currency_names(lx.currency_table).len() > 300);
            assert!(number_words(lx.number_table).len() > 100);
        }
    }
}

/// The holiday rules shared by all languages (`id rule countries years observed public_in source`).
pub const COMMON_HOLIDAYS: &str = include_str!("common/data/holidays.tsv");

/// A language's `holidays.tsv` (name, id, country, weak), sorted by name so
/// that the rows of one name are next to each other.
pub fn holiday_names(tsv: &'static str) -> Vec<(&'static str, &'static str, &'static str, bool)> {
    let mut v: Vec<_> = rows(tsv).filter(|r| r.len() >= 4).map(|r| (r[0], r[1], r[2], r[3] == "1")).collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}
