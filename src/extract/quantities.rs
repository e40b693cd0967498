//! Quantities: cardinals in digits or words, ordinals, percentages, money
//! (with ISO 4217 codes) and measures.
//!
//! Spans: a percentage includes its sign or words ("25 %", "25 por ciento");
//! money includes its currency symbol or noun ("3,5 millones de dólares",
//! "€200"); a measure in a known unit includes the unit ("40 km"); a count of
//! some other noun ("100.000 residentes") covers the number only and names the
//! noun in `unit`. Numbers inside dates are not quantities.

use super::dates::DateSpan;
use crate::tokenize::pieces::{pieces, Piece, PieceKind};
use super::lexicon::{compiled, Compiled, Currency};
use crate::lang::tables::{bare_minor_of, currency_used_in};
use super::fractions::denominator_at;
use super::numbers::{number_at, Number};
use crate::lang::Lang;
use crate::tokenize::Token;

/// What a quantity measures; serialised in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Number,
    Money,
    Percent,
    Ordinal,
    Measure,
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Number => "number",
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Measure => "measure",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    pub value: f64,
    /// The unit or counted noun of a measure ("km", "residentes").
    pub unit: Option<String>,
    /// ISO 4217 code of money.
    pub currency: Option<&'static str>,
    /// Money in a shared currency ("$", "pesos"): the codes it may be.
    pub(crate) candidates: Option<&'static str>,
}

pub fn find_quantities(text: &str, tokens: &[Token], lang: Lang, dates: &[DateSpan]) -> Vec<Quantity> {
    find_quantities_in(text, &pieces(text, tokens), lang, dates)
}

/// [`find_quantities`] given the lexes of `text`.
/// Each line is scanned on its own: no amount takes its unit, scale or
/// currency from the next line or paragraph.
pub(crate) fn find_quantities_in(text: &str, lx: &[Piece], lang: Lang, dates: &[DateSpan]) -> Vec<Quantity> {
    let c = compiled(lang);
    // Mark lexes inside dates (both lists are sorted by position).
    let mut in_date = vec![false; lx.len()];
    let mut di = 0;
    let mut sorted: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    sorted.sort_unstable();
    for (k, l) in lx.iter().enumerate() {
        while di < sorted.len() && sorted[di].1 <= l.start {
            di += 1;
        }
        if di < sorted.len() && sorted[di].0 < l.end && l.start < sorted[di].1 {
            in_date[k] = true;
        }
    }
    let mut out = Vec::new();
    let mut lines: Vec<&[Piece]> = Vec::new();
    let mut from = 0;
    for line in crate::tokenize::pieces::lines(lx) {
        let to = from + line.len();
        let q = Q { t: text, lx: line, c, lang, in_date: &in_date[from..to] };
        q.scan(&mut out);
        lines.push(line);
        from = to;
    }
    // The first line's mentions, counted once for all the amounts that need them.
    let first = std::cell::OnceCell::new();
    resolve_shared_currencies(&mut out, |at| {
        let own = lines.partition_point(|l| l.first().is_some_and(|p| p.start <= at)).saturating_sub(1);
        let mut counts = first.get_or_init(|| country_mentions(lines.first().copied().unwrap_or(&[]), c)).clone();
        if own > 0 {
            for (cc, n) in country_mentions(lines[own], c) {
                add_count(&mut counts, cc, n);
            }
        }
        majority(counts)
    });
    out
}

/// How often the names, demonyms and cities of each country occur in `lx`.
fn country_mentions(lx: &[Piece], c: &Compiled) -> Vec<(&'static str, usize)> {
    let mut counts = Vec::new();
    let mut i = 0;
    while i < lx.len() {
        match c.countries.at(lx, i) {
            Some((e, cc)) => {
                add_count(&mut counts, cc, 1);
                i = e;
            }
            None => i += 1,
        }
    }
    counts
}

fn add_count(counts: &mut Vec<(&'static str, usize)>, cc: &'static str, n: usize) {
    match counts.iter_mut().find(|(k, _)| *k == cc) {
        Some(x) => x.1 += n,
        None => counts.push((cc, n)),
    }
}

/// The country named in more than half of the mentions, if one is.
fn majority(counts: Vec<(&'static str, usize)>) -> Option<&'static str> {
    let total: usize = counts.iter().map(|x| x.1).sum();
    let (cc, n) = counts.into_iter().max_by_key(|x| x.1)?;
    (n * 2 > total).then_some(cc)
}

/// A shared currency ("$", "pesos") takes the code that the text itself
/// names among its candidates ("US$ 5 … $ 3", "pesos mexicanos … $ 20"),
/// when it names exactly one; else the currency of the country the text
/// says it is about, in its first line (the dateline or headline: "CIUDAD
/// DE MÉXICO.-") and the amount's own line; otherwise it keeps no code.
/// Never a guess (issue 15). `country_at(byte)` gives that country for an amount.
fn resolve_shared_currencies(out: &mut [Quantity], country_at: impl Fn(usize) -> Option<&'static str>) {
    let named: Vec<&'static str> = out.iter().filter_map(|q| q.currency.filter(|_| q.kind == QuantityKind::Money)).collect();
    for q in out.iter_mut().filter(|q| q.currency.is_none()) {
        let Some(cands) = q.candidates else { continue };
        let code = match only(cands.split(',').filter(|c| named.contains(c))) {
            Some(code) => named.iter().copied().find(|n| *n == code),
            None => country_at(q.start).and_then(|cc| only(cands.split(',').filter(|code| currency_used_in(code, cc)))),
        };
        if code.is_some() {
            q.currency = code;
            q.unit = None;
        }
    }
}

/// The single item of `it`, if it has exactly one.
fn only<T>(mut it: impl Iterator<Item = T>) -> Option<T> {
    match (it.next(), it.next()) {
        (Some(x), None) => Some(x),
        _ => None,
    }
}

struct Q<'a> {
    t: &'a str,
    lx: &'a [Piece],
    c: &'static Compiled,
    lang: Lang,
    in_date: &'a [bool],
}

/// The order of magnitude below which the next ordinal word must stay:
/// after "vigésimo" (20) only units, after "centésimo" (100) tens or units.
fn order(v: f64) -> f64 {
    if v.is_infinite() {
        return v;
    }
    let mut o = 1.0;
    while o * 10.0 <= v {
        o *= 10.0;
    }
    o
}

fn quantity(kind: QuantityKind, value: f64) -> Quantity {
    Quantity { start: 0, end: 0, kind, value, unit: None, currency: None, candidates: None }
}

impl<'a> Q<'a> {
    fn scan(&self, out: &mut Vec<Quantity>) {
        let (lx, in_date, c) = (self.lx, self.in_date, self.c);
        let mut i = 0;
        while i < lx.len() {
            if in_date[i] || !c.may_start_quantity(&lx[i]) {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some((s, e, mut quantity)) if e > s && !in_date[s..e].iter().any(|x| *x) => {
                    quantity.start = lx[s].start;
                    quantity.end = lx[e - 1].end;
                    out.push(quantity);
                    i = e;
                }
                _ => i += 1,
            }
        }
    }

    fn glued(&self, i: usize) -> bool {
        self.lx.get(i).is_some_and(|l| !l.space_before)
    }

    fn free(&self, i: usize) -> bool {
        i < self.lx.len() && !self.in_date[i]
    }

    /// A currency written before the amount: "€", "US$", "USD", "C$".
    fn currency_prefix(&self, i: usize) -> Option<(usize, Currency)> {
        if let Some(found) = self.spaced_symbol(i) {
            return Some(found);
        }
        let (mut e, cur) = self.c.currencies.at(self.lx, i)?;
        // A code glued to a dollar sign: "MXN$", "aud$ 15".
        if self.lx.get(e).is_some_and(|l| !l.space_before && l.norm == "$") && cur.code.is_some() {
            e += 1;
        }
        let symbolic = self.lx[i..e].iter().any(|l| l.kind == PieceKind::Punct);
        (symbolic || self.code_like(i, e)).then_some((e, cur))
    }

    /// Whether pieces `i..e` are one ISO-style code in capitals ("USD").
    fn code_like(&self, i: usize, e: usize) -> bool {
        e == i + 1 && {
            let s = self.lx[i].text(self.t);
            s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
        }
    }

    /// A qualifier written apart from its dollar sign: "HK $ 10", "c $ 100",
    /// "u.s $ 5" (as the symbol written together names it: "HK$").
    fn spaced_symbol(&self, i: usize) -> Option<(usize, Currency)> {
        let lx = self.lx;
        // "a $ 254 millones": a word of the sentence, not a qualifier.
        if self.c.function_words.has(lx, i).is_some() || self.c.weak_numbers.has(lx, i).is_some() {
            return None;
        }
        let mut joined = String::new();
        let mut j = i;
        while let Some(l) = lx.get(j).filter(|l| l.kind == PieceKind::Word || l.norm == "." && j > i) {
            if l.kind == PieceKind::Word {
                joined.push_str(&l.norm);
            }
            j += 1;
            if j - i > 4 || joined.len() > 3 {
                return None;
            }
        }
        lx.get(j).filter(|l| l.norm == "$" && l.space_before && !joined.is_empty())?;
        joined.push('$');
        let pieces = crate::tokenize::pieces::of_phrase(&joined);
        let (e, cur) = self.c.currencies.at(&pieces, 0)?;
        (e == pieces.len() && cur.code.is_some()).then_some((j + 1, cur))
    }

    /// Money of `value` in currency `cur` written over pieces `s..e`: a
    /// multiple or minor unit is applied ("20 mdp", "14 centavos"); a
    /// currency of no one country ("$", "pesos") keeps its sign in `unit`.
    fn money(&self, s: usize, e: usize, value: f64, cur: Currency, unit_at: (usize, usize)) -> (usize, usize, Quantity) {
        let mut q = quantity(QuantityKind::Money, value * cur.multiplier);
        // A minor unit with no major one before it: cents of a dollar or peso.
        let cur = if cur.minor && cur.code.is_none() { Currency { multiplier: cur.multiplier, minor: true, ..bare_minor_of() } } else { cur };
        q.currency = cur.code;
        q.candidates = cur.candidates;
        if cur.code.is_none() {
            q.unit = Some(self.t[self.lx[unit_at.0].start..self.lx[unit_at.1 - 1].end].to_string());
        }
        // Cents follow a whole unit only: "64.2 cents a dozen" is the price of twelve.
        let (e, q) = if cur.minor { (e, q) } else { self.cents(e, q) };
        (s, e, q)
    }

    /// An amount after a currency symbol, with the currency's name after it
    /// too ("$1,500 pesos", "$322 mil 400 pesos mexicanos"): the name is the
    /// more precise of the two. Only a word: a symbol after it begins the
    /// next amount ("$ 20,000.00 $ 37,305.97"); nor a minor unit.
    fn symbol_then_name(&self, i: usize, j: usize, e: usize, value: f64, cur: Currency) -> (usize, usize, Quantity) {
        match self.c.currencies.at(self.lx, e) {
            Some((e2, name)) if self.lx[e].kind == PieceKind::Word && !name.minor && name.multiplier == 1.0 && self.free(e) => {
                let name = if name.code.is_none() && cur.code.is_some() { cur } else { name };
                self.money(i, e2, value, name, (e, e2))
            }
            _ => self.money(i, e, value, cur, (i, j)),
        }
    }

    /// Cents after a whole amount: "15 dólares y 15 centavos", "25 euros
    /// con 50", "15 dollars 50". A bare number needs to end the clause, so
    /// that "5 dólares y 10 personas" keeps its count.
    fn cents(&self, e: usize, mut q: Quantity) -> (usize, Quantity) {
        let lx = self.lx;
        let j = self.c.cents_link.has(lx, e).unwrap_or(e);
        // Words too: "thirteen dollars forty-five cents"; not "a" ("5 dollars a dozen").
        let Some(n) = number_at(self.t, lx, j, self.c).filter(|_| self.c.weak_numbers.has(lx, j).is_none()) else {
            return (e, q);
        };
        if n.weak || n.value >= 100.0 || n.value.fract() != 0.0 || !self.free(j) {
            return (e, q);
        }
        if let Some((e2, cur)) = self.c.currencies.at(lx, n.end) {
            if cur.minor && (cur.code.is_none() || cur.code == q.currency) {
                q.value += n.value * cur.multiplier;
                return (e2, q);
            }
            return (e, q);
        }
        let ends = lx.get(n.end).is_none_or(|l| l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | "," | ";" | ")"));
        if ends {
            q.value += n.value / 100.0;
            return (n.end, q);
        }
        (e, q)
    }

    /// A run of ordinal words, each of a lower order: "vigésimo quinto",
    /// "tricentésimo cuadragésimo séptimo", "twenty-first" after a number.
    fn ordinal_run(&self, i: usize, mut total: f64, mut last: f64) -> Option<(usize, f64)> {
        let lx = self.lx;
        let mut j = i;
        let mut any = false;
        loop {
            let k = if any && lx.get(j).is_some_and(|l| l.norm == "-" && !l.space_before) { j + 1 } else { j };
            let word = self.c.ordinal_words.at(lx, k).map(|(e, v)| (e, v as f64));
            let word = word.or_else(|| self.c.ordinal_scales.at(lx, k).filter(|&(e, _)| any || self.scale_starts_run(k, e)));
            let word = word.or_else(|| if any { None } else { self.glued_ordinal(k) });
            match word {
                Some((e, v)) if v < order(last) => {
                    total += v;
                    last = v;
                    j = e;
                    any = true;
                }
                _ => break,
            }
        }
        any.then_some((j, total))
    }

    /// Whether the scale ordinal at `k..e` begins a run of ordinals: one that
    /// is also a fraction ("centésima") or follows an article ("a
    /// trillionth") only when another ordinal follows ("milésimo
    /// quingentésimo vigésimo tercero").
    fn scale_starts_run(&self, k: usize, e: usize) -> bool {
        // "a trillionth", "una milésima": an article before makes it a fraction.
        let after_article = k > 0 && self.c.weak_numbers.has(self.lx, k - 1) == Some(k);
        (self.c.fractions.has(self.lx, k) != Some(e) && !after_article)
            || self.c.ordinal_words.at(self.lx, e).is_some()
            || self.c.ordinal_scales.at(self.lx, e).is_some()
    }

    /// A cardinal glued to a scale ordinal, as the RAE writes them:
    /// "tresmillonésimo", "veintidosmilésimo" (their value and end).
    fn glued_ordinal(&self, k: usize) -> Option<(usize, f64)> {
        let l = self.lx.get(k).filter(|l| l.kind == PieceKind::Word)?;
        let norm = l.norm.as_str();
        let (w, s) = self.c.glued_ordinal_scales.iter().find(|(w, _)| norm.len() > w.len() && norm.ends_with(w.as_str()))?;
        let head_text = &norm[..norm.len() - w.len()];
        let head = crate::tokenize::pieces::of_phrase(head_text);
        let n = number_at(head_text, &head, 0, self.c).filter(|n| n.end == head.len() && !n.weak && n.words)?;
        Some((k + 1, n.value * s))
    }

    /// A whole numerator over the denominator at `k`: "tres quintos", "three
    /// twenty-fifths", "cien millonésimas"; over a singular one only "one"
    /// ("one twenty-fifth"), or "un" before a word that is only a fraction
    /// ("un veintiunavo").
    fn over_denominator(&self, n: &Number, k: usize) -> Option<(usize, f64)> {
        if n.value.fract() != 0.0 || n.value <= 0.0 || !self.free(k) {
            return None;
        }
        let d = denominator_at(self.lx, k, self.c)?;
        let one = n.value == 1.0 && (!n.weak || d.only_fraction);
        if !(d.plural || one) {
            return None;
        }
        // "one hundred thirty fifths" is 100/35: the tens go with the unit
        // denominator after them, as they would in "thirty-fifths".
        let before_tens = n.end.checked_sub(2).and_then(|b| self.c.number_and.has(self.lx, b));
        let tens = self.c.number_words.at(self.lx, n.end - 1).filter(|&(e, v)| {
            self.c.lx.compound_denominators && before_tens.is_none() && e == n.end && (20..100).contains(&v) && v % 10 == 0
        });
        match tens {
            Some((_, t)) if n.words && d.value < 10.0 && n.value > f64::from(t) => Some((d.end, (n.value - f64::from(t)) / (f64::from(t) + d.value))),
            _ => Some((d.end, n.value / d.value)),
        }
    }

    /// A whole number plus a fraction with its numerator: "three and one
    /// fourth", "forty two and a third", "cinco con un cuarto" (the number ends at `e`).
    fn whole_and_fraction(&self, e: usize, n: &Number) -> Option<(usize, f64)> {
        let (lx, c) = (self.lx, self.c);
        if n.weak || n.value.fract() != 0.0 || n.value <= 0.0 {
            return None;
        }
        let k = c.fraction_and.has(lx, e)?;
        let num = number_at(self.t, lx, k, c).filter(|m| m.value >= 1.0 && m.value.fract() == 0.0)?;
        // After "and", a unit ordinal is a denominator too: "forty two and a third".
        let unit = || c.ordinal_words.at(lx, num.end).filter(|&(_, v)| (3..=10).contains(&v)).map(|(e2, v)| (e2, f64::from(v)));
        let weak = || c.weak_denominators.at(lx, num.end);
        let (e2, d) = denominator_at(lx, num.end, c).map(|d| (d.end, d.value)).or_else(unit).or_else(weak)?;
        // After a scale, the fraction is of it: "two million and three fifths".
        let scale = c.scales.ending_at(lx, e, 2).map_or(1.0, |(_, s)| s);
        (num.value < d && self.free(k)).then_some((e2, n.value + num.value / d * scale))
    }

    /// What may follow a number and change it: a compound or scale ordinal
    /// ("twenty-fifth", "two hundredth", "dos mil millonésimo"), a
    /// denominator ("tres cuartos", "one-eighth"), "uno sobre tres", a digit
    /// fraction ("3/4", "2 1/4"). Returns the end, the value, and whether it
    /// is an ordinal.
    fn after_number(&self, i: usize, n: &Number) -> Option<(usize, f64, bool)> {
        let (lx, c, e) = (self.lx, self.c, n.end);
        let hy = if lx.get(e).is_some_and(|l| l.norm == "-" && !l.space_before) { e + 1 } else { e };
        if let Some((e2, v)) = self.over_denominator(n, hy) {
            return Some((e2, v, false));
        }
        if n.words && n.value.fract() == 0.0 {
            let units = n.value % 100.0;
            if units == 0.0 || (units % 10.0 == 0.0 && units >= 20.0) {
                let last = if units == 0.0 { 100.0 } else { 10.0 };
                if let Some((e2, v)) = self.ordinal_run(hy, n.value, last) {
                    if c.fractions.has(lx, hy).is_none() || lx.get(e2).is_none_or(|l| l.kind != PieceKind::Word) {
                        return Some((e2, v, true));
                    }
                }
            }
        }
        if let Some((e2, s)) = c.ordinal_scales.at(lx, hy) {
            // "a trillionth" is a fraction or nothing; "two hundredth" an ordinal.
            if !n.weak && (c.fractions.has(lx, hy) != Some(e2) || n.value > 1.0) {
                // The scale multiplies only the part of the number below the
                // next larger scale: "tres millones cuatrocientos milésimo" is
                // 3,400,000th. Then the lower ordinals: "dos milésimo tricentésimo".
                let low = if s >= 1000.0 { n.value % (s * 1000.0) } else { n.value };
                let v = n.value - low + low * s;
                let (e3, v) = self.ordinal_run(e2, v, s).unwrap_or((e2, v));
                return Some((e3, v, true));
            }
        }
        if let Some((e2, f)) = c.fractions.at(lx, hy) {
            if n.value.fract() == 0.0 && n.value > 0.0 {
                return Some((e2, n.value * f, false));
            }
        }
        if let Some((e2, f)) = self.whole_and_fraction(e, n) {
            return Some((e2, f, false));
        }
        if let Some((e2, d)) = self.weak_denominator(hy, n) {
            return Some((e2, n.value / d, false));
        }
        let over = c.fraction_over.has(lx, e).map(|j| (j, false)).or_else(|| c.amt.ratio_of.has(lx, e).map(|j| (j, true)));
        if let Some((j, part)) = over {
            if let Some(d) = number_at(self.t, lx, j, c).filter(|d| d.value != 0.0 && !d.weak && (!part || n.value <= d.value)) {
                return Some((d.end, n.value / d.value, false));
            }
        }
        let frac = |k: usize| -> Option<(usize, f64)> {
            let (a, slash, b) = (lx.get(k)?, lx.get(k + 1)?, lx.get(k + 2)?);
            let ok = a.kind == PieceKind::Num && slash.norm == "/" && !slash.space_before && b.kind == PieceKind::Num && !b.space_before;
            let (x, y): (f64, f64) = (a.norm.parse().ok()?, b.norm.parse().ok()?);
            let glued_after = lx.get(k + 3).is_some_and(|l| !l.space_before && l.norm == "/");
            (ok && !glued_after && x < y && y <= 100.0).then_some((k + 3, x / y))
        };
        if n.plain_digits && lx[i].kind == PieceKind::Num {
            if let Some((e2, f)) = frac(i) {
                return Some((e2, f, false));
            }
            if let Some((e2, f)) = frac(e).filter(|_| lx.get(e).is_some_and(|l| l.space_before)) {
                return Some((e2, n.value + f, false));
            }
        }
        None
    }

    /// A denominator that is also another word ("quarters" of a year) after
    /// a numerator, where it can only be a fraction: before the scale or
    /// the whole it is a part of ("three quarters billion", "a quarter of
    /// the vote"). Its end and value.
    fn weak_denominator(&self, k: usize, n: &Number) -> Option<(usize, f64)> {
        let (e, d) = self.c.weak_denominators.at(self.lx, k)?;
        let part_of = self.scale_after_fraction(e).is_some() || self.c.amt.fraction_scale_link.has(self.lx, e).is_some();
        (part_of && n.value.fract() == 0.0 && n.value > 0.0 && n.value < d && self.free(k)).then_some((e, d))
    }

    /// The scale a fraction ending at `e` is a part of: "un cuarto de
    /// millón", "two thirds of a million", "three quarters billion".
    fn scale_after_fraction(&self, e: usize) -> Option<(usize, f64)> {
        let k = self.c.amt.fraction_scale_link.has(self.lx, e).unwrap_or(e);
        self.c.scales.at(self.lx, k).filter(|&(_, s)| s >= 1000.0 && self.free(k))
    }

    /// "percent of 10", "per cent of twenty-two": the rate named first, when
    /// no figure comes before it and the figure after ends the phrase
    /// ("the percent of voters", "percent of 10 voters" are no rate).
    fn percent_first(&self, i: usize) -> Option<(usize, usize, Quantity)> {
        let lx = self.lx;
        let e = self.c.percent_words.has(lx, i).filter(|_| lx[i].kind == PieceKind::Word)?;
        if i > 0 && (lx[i - 1].kind == PieceKind::Num || number_at(self.t, lx, i - 1, self.c).is_some()) {
            return None;
        }
        let k = self.c.amt.fraction_scale_link.has(lx, e)?;
        let n = number_at(self.t, lx, k, self.c).filter(|n| !n.weak && self.free(k))?;
        let joined = |l: &Piece| self.glued(n.end) && matches!(l.norm.as_str(), "-" | "/" | "%");
        let ends = lx.get(n.end).is_none_or(|l| l.kind == PieceKind::Punct && !joined(l) || l.newline_before);
        ends.then(|| (i, n.end, quantity(QuantityKind::Percent, n.value)))
    }

    /// "la mitad de los votos", "half of the voters": a half of what follows;
    /// not a half of the year or the game ("the second half of", "la
    /// primera mitad de"), which an ordinal before it names.
    fn half_of(&self, i: usize) -> Option<(usize, usize, Quantity)> {
        let e = self.c.amt.half_nouns.has(self.lx, i)?;
        let ordinal_before = i > 0 && self.c.ordinal_words.ending_at(self.lx, i, 2).is_some();
        let link = self.c.amt.fraction_scale_link.has(self.lx, e).is_some();
        (link && !ordinal_before && self.free(i)).then(|| (i, e, quantity(QuantityKind::Number, 0.5)))
    }

    /// Where the amount after a minus sign at `i` starts: "-5 grados",
    /// "−3,2 %", "- 1,200,000" (not a dash between numbers), or a word ("minus 5").
    fn sign_end(&self, i: usize) -> Option<usize> {
        let lx = self.lx;
        let dash = lx[i].kind == PieceKind::Punct
            && matches!(lx[i].norm.as_str(), "-" | "−")
            && (lx[i].space_before || i == 0)
            && lx.get(i + 1).is_some_and(|l| l.kind == PieceKind::Num)
            && (i == 0 || lx[i - 1].kind != PieceKind::Num);
        if dash { Some(i + 1) } else { self.c.minus_words.has(lx, i) }
    }

    /// Money whose currency follows the amount `value` (pieces `i..e`):
    /// "20 euros", "3 millones de dólares", "a 12-cent dividend", "75 USD
    /// millones" (a code before the scale). `scaled`: the amount ends in a scale word.
    fn currency_after(&self, i: usize, e: usize, value: f64, scaled: bool) -> Option<(usize, usize, Quantity)> {
        let (lx, c) = (self.lx, self.c);
        let mut k = e;
        if let Some(e2) = c.currency_link.has(lx, e).filter(|&e2| scaled && c.currencies.at(lx, e2).is_some()) {
            k = e2;
        }
        if lx.get(k).is_some_and(|l| l.norm == "-" && !l.space_before) && self.glued(k + 1) && c.currencies.at(lx, k + 1).is_some() {
            k += 1;
        }
        let (e2, cur) = c.currencies.at(lx, k)?;
        // "1/2 cup", "try": a code that is a word counts only in capitals.
        if e2 == k + 1 && c.word_codes.has(lx, k).is_some() && !self.code_like(k, e2) {
            return None;
        }
        let scale = c.scales.at(lx, e2).filter(|_| !scaled && self.code_like(k, e2) && self.free(e2));
        Some(match scale {
            Some((e3, s)) => self.money(i, e3, value * s, cur, (k, e2)),
            None => self.money(i, e2, value, cur, (k, e2)),
        })
    }

    fn at(&self, i: usize) -> Option<(usize, usize, Quantity)> {
        let lx = self.lx;
        // A sign word may end the line ("… negativo"): nothing follows it.
        lx.get(i)?;
        if let Some(j) = self.sign_end(i) {
            let (s, e, mut q) = self.at(j)?;
            if s == j && matches!(q.kind, QuantityKind::Number | QuantityKind::Measure | QuantityKind::Percent) {
                q.value = -q.value;
                return Some((i, e, q));
            }
            return None;
        }
        // Part of an identifier ("G20", "COVID-19"): skip.
        if lx[i].kind == PieceKind::Num && i > 0 && !lx[i].space_before {
            let p = &lx[i - 1];
            if p.kind == PieceKind::Word || (p.norm == "-" && i > 1 && !p.space_before && lx[i - 2].kind == PieceKind::Word)
            {
                return None;
            }
        }
        if let Some((j, cur)) = self.currency_prefix(i) {
            if let Some(n) = number_at(self.t, lx, j, self.c) {
                if !n.weak && self.free(j) {
                    return Some(self.symbol_then_name(i, j, n.end, n.value, cur));
                }
            }
        }
        if let Some(found) = self.percent_first(i).or_else(|| self.half_of(i)) {
            return Some(found);
        }
        if let Some((e, v)) = self.ordinal_run(i, 0.0, f64::INFINITY) {
            return Some((i, e, quantity(QuantityKind::Ordinal, v)));
        }
        let n = number_at(self.t, lx, i, self.c)?;
        if !n.value.is_finite() {
            return None;
        }
        // "the one you mentioned", "cada uno": a pronoun, not a count.
        let one_word = n.words && n.value == 1.0 && n.end == i + 1 && !n.weak;
        if one_word && i > 0 && self.c.amt.one_pronoun_before.ending_at(lx, i, 2).is_some() {
            return None;
        }
        // "061", "007": a code, not a quantity.
        if n.plain_digits && lx[i].end - lx[i].start > 1 && self.t[lx[i].start..].starts_with('0') {
            return None;
        }
        let e = n.end;
        if lx[i].kind == PieceKind::Num && n.plain_digits {
            if let Some(found) = self.digit_ordinal(i, e, n.value) {
                return Some(found);
            }
        }
        let (e, value, ordinal) = match self.after_number(i, &n) {
            Some((e2, v, ord)) => (e2, v, ord),
            None => (e, n.value, false),
        };
        if ordinal {
            return Some((i, e, quantity(QuantityKind::Ordinal, value)));
        }
        // After a fraction ("dos décimas"), the next word is not what it counts.
        let changed = e != n.end;
        // "a quarter million jobs": after the scale, what it counts.
        let (e, value, fraction) = match self.scale_after_fraction(e).filter(|_| changed && value < 1.0) {
            Some((e2, s)) => (e2, value * s, false),
            None => (e, value, changed),
        };
        let n = Number { end: e, value, weak: n.weak && !changed, ..n };
        // "2 percentage points" is a difference of rates, not a rate; "un
        // porcentaje" is the noun, not one percent.
        let points = self.c.measure_units.has(lx, e);
        if let Some(e2) = self.c.percent_words.has(lx, e).filter(|&e2| points.is_none_or(|m| m <= e2) && !n.weak) {
            return Some((i, e2, quantity(QuantityKind::Percent, n.value)));
        }
        if n.weak {
            return self.one_of_currency(i, e, n.value);
        }
        // "3 millones y medio de dólares": the scale ends before the half.
        let before_half = self.c.and_half.ending_at(lx, e, 3).map_or(e, |(s, _)| s);
        let scaled = n.words && lx[before_half - 1].kind == PieceKind::Word && self.c.scales.at(lx, before_half - 1).is_some()
            || self.c.scales.ending_at(lx, before_half, 2).is_some();
        if let Some(found) = self.currency_after(i, e, n.value, scaled) {
            return Some(found);
        }
        if let Some(e2) = self.c.measure_units.has(lx, e) {
            // a single letter unit ("m", "t") must not be a word's start: "5 m." fine, "5 a" not listed
            let mut q = quantity(QuantityKind::Measure, n.value);
            q.unit = Some(self.t[lx[e].start..lx[e2 - 1].end].to_string());
            return Some((i, e2, q));
        }
        if lx[i].kind == PieceKind::Num && self.glued(e) && lx.get(e).is_some_and(|l| l.kind == PieceKind::Word) {
            return None; // "4x4", "5G"
        }
        // A counted noun: "100.000 residentes", "dos millones de personas".
        let mut w = e;
        if scaled {
            if let Some(e2) = self.c.currency_link.has(lx, e) {
                w = e2;
            }
        }
        let mut q = quantity(QuantityKind::Number, n.value);
        if let Some(l) = lx.get(w).filter(|_| !fraction && self.counted_noun(w)) {
            q.kind = QuantityKind::Measure;
            q.unit = Some(l.text(self.t).to_string());
        }
        Some((i, e, q))
    }

    /// Whether the word at `w` is what a number before it counts: a
    /// lower-case content word, not a verb, a number, a scale, a unit or a month.
    fn counted_noun(&self, w: usize) -> bool {
        let (lx, c) = (self.lx, self.c);
        let Some(l) = lx.get(w) else { return false };
        l.kind == PieceKind::Word
            && !l.upper
            && self.free(w)
            && c.function_words.has(lx, w).is_none()
            && !c.looks_like_verb(l.text(self.t))
            && c.number_words.has(lx, w).is_none()
            && c.scales.has(lx, w).is_none()
            && c.units.has(lx, w).is_none()
            && c.months.has(lx, w).is_none()
            && l.norm.chars().count() > 2
    }

    /// "un yen", "a dollar": one of a currency named in words after an
    /// article-like number ending at `e`; not a currency that is also a
    /// weight ("a pound of flour") or a code ("a USD account"), nor the
    /// currency itself ("un yen fuerte").
    fn one_of_currency(&self, i: usize, e: usize, value: f64) -> Option<(usize, usize, Quantity)> {
        let lx = self.lx;
        let named = lx.get(e).is_some_and(|l| l.kind == PieceKind::Word) && !self.code_like(e, e + 1) && self.c.measure_units.has(lx, e).is_none();
        let found = self.currency_after(i, e, value, false).filter(|_| named)?;
        let adjective = lx.get(found.1).is_some_and(|l| {
            l.kind == PieceKind::Word && crate::extract::pos::pos_of(self.lang, &crate::text::fold::lexicon(&l.norm)) == crate::extract::pos::Pos::Adjective
        });
        (!adjective).then_some(found)
    }

    /// Digits with an ordinal suffix glued: "17.º", "3rd" (`e` ends the digits).
    fn digit_ordinal(&self, i: usize, e: usize, value: f64) -> Option<(usize, usize, Quantity)> {
        let lx = self.lx;
        let e2 = self.c.ordinal_suffixes.has(lx, e).filter(|_| self.glued(e))?;
        // "30° C" is a temperature: a longer measure unit wins.
        let unit = self.c.measure_units.has(lx, e).is_some_and(|m| m > e2);
        let ends = !unit && !self.glued(e2) || lx.get(e2).is_some_and(|l| l.kind == PieceKind::Punct && l.norm != "º");
        ends.then(|| (i, e2, quantity(QuantityKind::Ordinal, value)))
    }
}
