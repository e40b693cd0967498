//! Cardinal numbers in digits or words, shared by dates and quantities.

use super::lex::{parse_number, Lex, LexKind};
use super::lexicon::Compiled;

#[derive(Clone, Copy, Debug)]
pub struct Number {
    /// End lex index (exclusive).
    pub end: usize,
    pub value: f64,
    /// Written in words (at least in part).
    pub words: bool,
    /// Only an article-like word ("un", "a"): a number only in strong contexts.
    pub weak: bool,
    /// Digits without any separator or scale word (a candidate year, day, hour).
    pub plain_digits: bool,
}

/// Parses the number starting at lex `i`: digits with optional scale words
/// ("3,5 millones"), or number words ("dos millones", "one hundred and five",
/// "treinta y dos", "medio millón").
pub fn number_at(text: &str, lx: &[Lex], i: usize, c: &Compiled) -> Option<Number> {
    let l = lx.get(i)?;
    if l.kind == LexKind::Num {
        let raw = &text[l.start..l.end];
        let mut value = parse_number(raw, c.lx.decimal_comma)?;
        let plain = raw.bytes().all(|b| b.is_ascii_digit());
        let mut j = i + 1;
        let mut scaled = false;
        while let Some((e, s)) = c.scales.at(lx, j) {
            value *= s;
            j = e;
            scaled = true;
        }
        return Some(Number { end: j, value, words: scaled, weak: false, plain_digits: plain && !scaled });
    }
    if l.kind != LexKind::Word {
        return None;
    }
    let mut j = i;
    let mut total = 0.0f64;
    let mut current: u64 = 0;
    let mut any = false;
    let mut weak = false;
    // "medio millón", "half a million"
    if let Some(e) = c.half.has(lx, j) {
        if let Some((e2, s)) = c.scales.at(lx, e) {
            return Some(Number { end: e2, value: 0.5 * s, words: true, weak: false, plain_digits: false });
        }
    }
    loop {
        if let Some((e, v)) = c.number_words.at(lx, j) {
            let v = v as u64;
            let ok = (current == 0 && (!any || total > 0.0))
                || (current % 100 == 0 && current > 0 && v < 100)
                || (current % 10 == 0 && current % 100 >= 20 && v < 10 && v > 0);
            if !ok {
                break;
            }
            if !any {
                weak = c.weak_numbers.has(lx, j) == Some(e);
            } else if c.weak_numbers.has(lx, j) == Some(e) {
                break; // "two a" is not a number
            }
            current += v;
            j = e;
            any = true;
            continue;
        }
        if any && current > 0 && current < 100 {
            if let Some(e) = c.hundred.has(lx, j) {
                current *= 100;
                j = e;
                weak = false;
                continue;
            }
        }
        if any && current > 0 {
            if let Some((e, s)) = c.scales.at(lx, j) {
                total += current as f64 * s;
                current = 0;
                j = e;
                weak = false;
                continue;
            }
        }
        if any && current > 0 {
            if let Some(e) = c.number_and.has(lx, j) {
                let after_hundred = current % 100 == 0 && current >= 100;
                let after_tens = current % 10 == 0 && (20..100).contains(&(current % 100));
                if let Some((_, v)) = c.number_words.at(lx, e) {
                    let v = v as u64;
                    if ((after_hundred && v < 100 && v > 0) || (after_tens && v > 0 && v < 10))
                        && c.weak_numbers.has(lx, e).is_none()
                    {
                        j = e;
                        continue;
                    }
                }
            }
        }
        break;
    }
    if !any {
        return None;
    }
    Some(Number { end: j, value: total + current as f64, words: true, weak, plain_digits: false })
}
