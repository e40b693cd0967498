//! Denominators: what a number before them is divided by. "tres quintos",
//! "three twenty-fifths", "ciento treinta y tres veintiunavos", "cien
//! millonésimas", "tres dosmilésimos". Shared by the quantity grammar.

use super::lexicon::Compiled;
use super::numbers::number_at;
use crate::tokenize::pieces::{of_phrase, Piece, PieceKind};

/// A denominator found at a piece.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Denominator {
    pub end: usize,
    pub value: f64,
    /// Plural: any numerator may come before it ("tres quintos").
    pub plural: bool,
    /// Only ever a fraction ("veintiunavo"), so "un" before it is one, not an article.
    pub only_fraction: bool,
}

/// A denominator at piece `k`.
/// Tried in turn: a denominator word ("quintos", "fifths", "vigésimas"); a
/// tens word and a unit one, said apart ("twenty fifths": 25); a cardinal
/// glued to a fraction suffix ("veintiunavos") or to a scale ordinal
/// ("dosmilésimos": 2,000).
pub(crate) fn denominator_at(lx: &[Piece], k: usize, c: &Compiled) -> Option<Denominator> {
    let word = |end, value, plural| Denominator { end, value, plural, only_fraction: false };
    if let Some((e, (d, plural))) = c.denominators.at(lx, k) {
        return Some(word(e, d, plural));
    }
    if let Some((e, d, plural)) = tens_and_unit(lx, k, c) {
        return Some(word(e, d, plural));
    }
    let l = lx.get(k).filter(|l| l.kind == PieceKind::Word)?;
    glued(&l.norm, c).map(|(value, plural)| Denominator { end: k + 1, value, plural, only_fraction: true })
}

/// "twenty fifths", "thirty-seconds": a tens word before a unit denominator.
fn tens_and_unit(lx: &[Piece], k: usize, c: &Compiled) -> Option<(usize, f64, bool)> {
    let (e, tens) = c.number_words.at(lx, k)?;
    if !(20..100).contains(&tens) || tens % 10 != 0 || e != k + 1 {
        return None;
    }
    let j = if lx.get(e).is_some_and(|l| l.norm == "-" && !l.space_before) { e + 1 } else { e };
    let (e2, (unit, plural)) = c.denominators.at(lx, j)?;
    (unit < 10.0).then_some((e2, f64::from(tens) + unit, plural))
}

/// A cardinal glued to a fraction suffix ("cincoavos") or to a scale
/// ordinal ("veintemilésimas"), as one folded word: its value, and whether
/// the word is plural.
fn glued(word: &str, c: &Compiled) -> Option<(f64, bool)> {
    for suffix in c.lx.fraction_suffixes {
        if let Some(head) = word.strip_suffix(suffix).filter(|h| !h.is_empty()) {
            // "veintiunavos": the cardinal's apocope before the suffix.
            let d = glued_cardinal(head, c).or_else(|| glued_cardinal(&format!("{head}o"), c))?;
            return (d >= 2.0).then_some((d, suffix.ends_with('s')));
        }
    }
    let (w, s) = c.glued_ordinal_scales.iter().find(|(w, _)| word.len() > w.len() && word.ends_with(w.as_str()))?;
    let head = &word[..word.len() - w.len()];
    glued_cardinal(head, c).map(|n| (n * s, w.ends_with('s')))
}

/// A cardinal written as one word, made of the language's number words and
/// joiners: "doscientos", "cientocinco", "milcinco", "treintaicinco".
/// The parts are read as the phrase they spell; none longer than a few words.
pub(crate) fn glued_cardinal(word: &str, c: &Compiled) -> Option<f64> {
    if word.is_empty() || word.len() > 64 {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    if !split_parts(word, c, &mut parts) {
        return None;
    }
    let phrase = parts.join(" ");
    let lx = of_phrase(&phrase);
    let n = number_at(&phrase, &lx, 0, c)?;
    (n.end == lx.len() && !n.weak).then_some(n.value)
}

/// Splits `word` into number words (longest first) and joiners, at most
/// eight parts, backtracking when a longer part leaves no split.
fn split_parts<'a>(word: &'a str, c: &'a Compiled, parts: &mut Vec<&'a str>) -> bool {
    if word.is_empty() {
        return !parts.is_empty() && !c.lx.glued_number_joiners.contains(parts.last().unwrap_or(&""));
    }
    if parts.len() >= 8 {
        return false;
    }
    let after_number = parts.last().is_some_and(|p| !c.lx.glued_number_joiners.contains(p));
    let joiners = c.lx.glued_number_joiners.iter().copied().filter(|_| after_number).map(|j| (j, "y"));
    let numbers = c.glued_number_parts.iter().map(|p| (p.as_str(), p.as_str()));
    for (form, part) in numbers.chain(joiners) {
        if let Some(rest) = word.strip_prefix(form) {
            parts.push(part);
            if split_parts(rest, c, parts) {
                return true;
            }
            parts.pop();
        }
    }
    false
}
