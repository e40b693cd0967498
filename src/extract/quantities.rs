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
use super::lexicon::{compiled, Compiled};
use super::numbers::number_at;
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
    let mut from = 0;
    for line in crate::tokenize::pieces::lines(lx) {
        let to = from + line.len();
        let q = Q { t: text, lx: line, c, in_date: &in_date[from..to] };
        q.scan(&mut out);
        from = to;
    }
    out
}

struct Q<'a> {
    t: &'a str,
    lx: &'a [Piece],
    c: &'static Compiled,
    in_date: &'a [bool],
}

fn quantity(kind: QuantityKind, value: f64) -> Quantity {
    Quantity { start: 0, end: 0, kind, value, unit: None, currency: None }
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

    /// A currency written before the amount: "€", "US$", "USD".
    fn currency_prefix(&self, i: usize) -> Option<(usize, &'static str)> {
        let (e, code) = self.c.currencies.at(self.lx, i)?;
        let symbolic = self.lx[i..e].iter().any(|l| l.kind == PieceKind::Punct);
        let code_like = e == i + 1 && {
            let s = self.lx[i].text(self.t);
            s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
        };
        (symbolic || code_like).then_some((e, code))
    }

    fn at(&self, i: usize) -> Option<(usize, usize, Quantity)> {
        let lx = self.lx;
        // A minus sign written before the digits: "-5 grados", "−3,2 %".
        if lx[i].kind == PieceKind::Punct
            && matches!(lx[i].norm.as_str(), "-" | "−")
            && lx[i].space_before
            && lx.get(i + 1).is_some_and(|l| l.kind == PieceKind::Num && !l.space_before)
        {
            let (s, e, mut q) = self.at(i + 1)?;
            if s == i + 1 && matches!(q.kind, QuantityKind::Number | QuantityKind::Measure | QuantityKind::Percent) {
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
        if let Some((j, code)) = self.currency_prefix(i) {
            if let Some(n) = number_at(self.t, lx, j, self.c) {
                if !n.weak && self.free(j) {
                    let mut q = quantity(QuantityKind::Money, n.value);
                    q.currency = Some(code);
                    return Some((i, n.end, q));
                }
            }
        }
        if let Some((e, v)) = self.c.ordinal_words.at(lx, i) {
            return Some((i, e, quantity(QuantityKind::Ordinal, v as f64)));
        }
        let n = number_at(self.t, lx, i, self.c)?;
        if !n.value.is_finite() {
            return None;
        }
        // "061", "007": a code, not a quantity.
        if n.plain_digits && lx[i].end - lx[i].start > 1 && self.t[lx[i].start..].starts_with('0') {
            return None;
        }
        let e = n.end;
        // ordinal digits: "17.º", "3rd"
        if lx[i].kind == PieceKind::Num && n.plain_digits && self.glued(e) {
            if let Some(e2) = self.c.ordinal_suffixes.has(lx, e) {
                if !self.glued(e2) || lx.get(e2).is_some_and(|l| l.kind == PieceKind::Punct && l.norm != "º") {
                    return Some((i, e2, quantity(QuantityKind::Ordinal, n.value)));
                }
            }
        }
        if let Some(e2) = self.c.percent_words.has(lx, e) {
            return Some((i, e2, quantity(QuantityKind::Percent, n.value)));
        }
        if n.weak {
            return None;
        }
        let scaled = n.words && lx[e - 1].kind == PieceKind::Word && self.c.scales.at(lx, e - 1).is_some()
            || self.c.scales.ending_at(lx, e, 2).is_some();
        let mut k = e;
        if scaled {
            if let Some(e2) = self.c.currency_link.has(lx, e) {
                if self.c.currencies.at(lx, e2).is_some() {
                    k = e2;
                }
            }
        }
        if let Some((e2, code)) = self.c.currencies.at(lx, k) {
            let mut q = quantity(QuantityKind::Money, n.value);
            q.currency = Some(code);
            return Some((i, e2, q));
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
        if let Some(l) = lx.get(w) {
            if l.kind == PieceKind::Word
                && !l.upper
                && self.free(w)
                && self.c.function_words.has(lx, w).is_none()
                && !self.c.looks_like_verb(l.text(self.t))
                && self.c.number_words.has(lx, w).is_none()
                && self.c.scales.has(lx, w).is_none()
                && self.c.units.has(lx, w).is_none()
                && self.c.months.has(lx, w).is_none()
                && l.norm.chars().count() > 2
            {
                q.kind = QuantityKind::Measure;
                q.unit = Some(l.text(self.t).to_string());
            }
        }
        Some((i, e, q))
    }
}
