//! Cardinal numbers in digits or words, shared by dates and quantities.

use crate::text::chars::{is_group_space, vulgar_fraction};
use crate::tokenize::pieces::{Piece, PieceKind};
use super::lexicon::Compiled;

#[derive(Clone, Copy, Debug)]
pub struct Number {
    /// End piece index (exclusive).
    pub end: usize,
    pub value: f64,
    /// Written in words (at least in part).
    pub words: bool,
    /// Only an article-like word ("un", "a"): a number only in strong contexts.
    pub weak: bool,
    /// Digits without any separator or scale word (a candidate year, day, hour).
    pub plain_digits: bool,
}

/// Parses the number starting at piece `i`: digits with optional scale words
/// ("3,5 millones"), or number words ("dos millones", "one hundred and five",
/// "treinta y dos", "medio millón").
pub fn number_at(text: &str, lx: &[Piece], i: usize, c: &Compiled) -> Option<Number> {
    number_below(text, lx, i, c, f64::INFINITY)
}

/// [`number_at`] for the rest of a Mexican-style amount, whose digits may
/// carry only scale words below `limit`: the rest of "322 mil 400" is read
/// under 1,000, so each nested rest has a smaller scale and a chain of
/// amounts never recurses deeper than the number of scale words.
fn number_below(text: &str, lx: &[Piece], i: usize, c: &Compiled, limit: f64) -> Option<Number> {
    let l = lx.get(i)?;
    if l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | ",") && (i == 0 || l.space_before) {
        return leading_point(text, lx, i);
    }
    if l.kind == PieceKind::Num {
        return digits_at(text, lx, i, c, limit);
    }
    if let Some(v) = vulgar_at(text, lx, i) {
        return Some(Number { end: i + 1, value: v, words: false, weak: false, plain_digits: false });
    }
    if l.kind != PieceKind::Word {
        return None;
    }
    let mut j = i;
    let mut total = 0.0f64;
    let mut current: u64 = 0;
    let mut any = false;
    let mut weak = false;
    // The largest scale so far, and the one read last.
    let mut top = 0.0f64;
    let mut last_scale = 0.0f64;
    // "medio millón", "half a million", "quarter million"
    let part = c.half.has(lx, j).map(|e| (e, 0.5, 12.0)).or_else(|| c.weak_denominators.at(lx, j).map(|(e, d)| (e, 1.0 / d, 1000.0)));
    if let Some((e, f, least)) = part {
        if let Some((e2, s)) = c.scales.at(lx, e).filter(|&(_, s)| s >= least) {
            return Some(Number { end: e2, value: f * s, words: true, weak: false, plain_digits: false });
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
        // "mil quinientos": a scale that is a number by itself, first.
        if !any {
            if let Some(e) = c.bare_scales.has(lx, j) {
                if let Some((_, s)) = c.scales.at(lx, j) {
                    total = s;
                    top = s;
                    j = e;
                    any = true;
                    continue;
                }
            }
        }
        // "cinco y medio millones", "five and a half million".
        if any && current > 0 && total == 0.0 {
            if let Some((e, s)) = c.and_half.has(lx, j).and_then(|e| c.scales.at(lx, e)) {
                (total, top, last_scale, current, j) = ((current as f64 + 0.5) * s, s, s, 0, e);
                continue;
            }
        }
        if any && (current > 0 || total > 0.0 && top < 1e6) {
            if let Some((e, s)) = c.scales.at(lx, j) {
                last_scale = s;
                // A larger scale multiplies all before it ("dos mil millones",
                // "mil quinientos millones"); a smaller one adds ("dos millones
                // trescientos mil").
                if s > top && total > 0.0 {
                    total = (total + current as f64) * s;
                } else if current > 0 {
                    total += current as f64 * s;
                } else {
                    break;
                }
                top = top.max(s);
                current = 0;
                j = e;
                weak = false;
                continue;
            }
        }
        if any && current == 0 && total > 0.0 {
            if let Some((e, v)) = rest_after_scale(text, lx, j, c, top) {
                current = v;
                j = e;
                continue;
            }
        }
        if any && current > 0 {
            if let Some((e, v)) = and_continues(lx, j, c, current) {
                current += v;
                j = e;
                continue;
            }
        }
        break;
    }
    if !any {
        return None;
    }
    let whole = Number { end: j, value: total + current as f64, words: true, weak, plain_digits: false };
    Some(words_tail(text, lx, c, whole, (current == 0).then_some(last_scale)))
}

/// What may end a number in words: half of the scale that ends it ("un
/// millón y medio"; `last_scale` when a scale is its last word), or a
/// decimal part ("five point five").
fn words_tail(text: &str, lx: &[Piece], c: &Compiled, n: Number, last_scale: Option<f64>) -> Number {
    let strong = |end, value| Number { end, value, words: true, weak: false, plain_digits: false };
    if let Some(s) = last_scale.filter(|s| *s > 0.0) {
        if let Some(e) = c.and_half.has(lx, n.end) {
            return strong(e, n.value + 0.5 * s);
        }
    }
    // "cinco y medio", "five and a half": a half of one, after no scale.
    if last_scale.is_none() && n.value >= 1.0 {
        if let Some(e) = c.and_half.has(lx, n.end) {
            return strong(e, n.value + 0.5);
        }
    }
    match decimal_part(text, lx, n.end, c).or_else(|| spoken_decimal(text, lx, n.end, c)) {
        Some((e, frac)) => strong(e, n.value + frac),
        None => n,
    }
}

/// The decimals of a price or rate said after "con" ("siete con cincuenta":
/// 7.50; "… con quinientos doce por ciento"): a number in words that ends
/// the clause or comes before a percent or currency word, so that "cinco
/// con tres cuartos" stays a fraction and "tres con cinco goles" a count.
fn spoken_decimal(text: &str, lx: &[Piece], j: usize, c: &Compiled) -> Option<(usize, f64)> {
    let k = c.spoken_decimal.has(lx, j)?;
    let m = number_below(text, lx, k, c, 1000.0).filter(|m| m.words && !m.weak && m.value.fract() == 0.0 && m.value > 0.0)?;
    let ends = lx.get(m.end).is_none_or(|l| l.kind == PieceKind::Punct)
        || c.percent_words.has(lx, m.end).is_some()
        || c.currencies.at(lx, m.end).is_some();
    let digits = (m.value as u64).to_string();
    ends.then(|| (m.end, format!("0.{digits}").parse().unwrap_or(0.0)))
}

/// A decimal part said in words after a whole number: "five point five",
/// "cuarenta y siete coma veintiocho" (.28: the number after the mark, read
/// as the digits it is written with).
fn decimal_part(text: &str, lx: &[Piece], j: usize, c: &Compiled) -> Option<(usize, f64)> {
    let k = c.decimal_words.has(lx, j)?;
    // Digits said one by one ("point one four", "coma cero tres"), then,
    // after zeros only, a number said whole ("coma cero veinticinco").
    let mut digits = String::new();
    let mut end = k;
    while let Some((e, v)) = c.number_words.at(lx, end).filter(|&(e, v)| e == end + 1 && v <= 9 && digits.len() < 12) {
        if c.weak_numbers.has(lx, end).is_some() {
            break;
        }
        digits.push(char::from(b'0' + v as u8));
        end = e;
    }
    if digits.bytes().all(|b| b == b'0') {
        if let Some(m) = number_below(text, lx, end, c, 1000.0).filter(|m| !m.weak && m.value.fract() == 0.0 && m.value < 1e6) {
            digits.push_str(&(m.value as u64).to_string());
            end = m.end;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let value: f64 = format!("0.{digits}").parse().ok()?;
    Some((end, value))
}

/// Where "and" plus a number word continues the number `current` ("one
/// hundred and five", "treinta y dos"): after hundreds a number below 100,
/// after tens a unit. Returns the end of that word and its value.
fn and_continues(lx: &[Piece], j: usize, c: &Compiled, current: u64) -> Option<(usize, u64)> {
    let e = c.number_and.has(lx, j)?;
    let after_hundred = current % 100 == 0 && current >= 100;
    let after_tens = current % 10 == 0 && (20..100).contains(&(current % 100)) && c.tens_and.has(lx, j) == Some(e);
    let (end, v) = c.number_words.at(lx, e)?;
    let v = v as u64;
    let fits = (after_hundred && v < 100 && v > 0) || (after_tens && v > 0 && v < 10);
    // An article-like "un" is the unit after tens ("treinta y un años"), not after hundreds.
    (fits && (after_tens || c.weak_numbers.has(lx, e).is_none())).then_some((end, v))
}

/// What follows a scale and stays below it: digits, as Mexican news writes
/// "tres mil 850 millones", or "and fifteen" after "two thousand".
fn rest_after_scale(text: &str, lx: &[Piece], j: usize, c: &Compiled, top: f64) -> Option<(usize, u64)> {
    let d = lx.get(j).filter(|d| d.kind == PieceKind::Num);
    match d.and_then(|d| parse_number(d.text(text), c.lx.decimal_comma)) {
        Some(v) if v.fract() == 0.0 && v < top && v < 1000.0 => Some((j + 1, v as u64)),
        _ => and_after_scale(lx, j, c, top),
    }
}

/// "and fifteen" after "two thousand": a number below 100 joined to the
/// scale before it, unless a scale of its own follows ("three thousand and
/// four thousand" are two numbers) or a fraction ("and three quarters");
/// hundreds below a larger scale `top` join too ("two thousand and two hundred").
fn and_after_scale(lx: &[Piece], j: usize, c: &Compiled, top: f64) -> Option<(usize, u64)> {
    let e = c.scale_and.has(lx, j)?;
    let (end, v) = c.number_words.at(lx, e)?;
    // "two million and one half", "and three quarters": a fraction after the scale.
    let fraction = c.denominators.at(lx, end).is_some() || c.weak_denominators.at(lx, end).is_some() || c.fractions.at(lx, end).is_some() || c.half.has(lx, end).is_some();
    let hundreds = c.hundred.has(lx, end).is_some();
    let single = c.weak_numbers.has(lx, e).is_none() && c.scales.at(lx, end).is_none() && (!hundreds || top >= 1000.0 && v < 10);
    let single = single && !fraction;
    (single && (1..100).contains(&(v as u64))).then_some((end, v as u64))
}

/// Scientific notation glued to the digits `base` that end before piece
/// `j`: a power of ten ("1e10", "12,32e+14", "6.23x10^-4") or a power
/// ("1.1^23", "2,5^-1"). Returns the piece after it and the value; the
/// notation must end where a piece ends and not run into a word ("2e4a").
fn exponent_at(text: &str, lx: &[Piece], j: usize, base: f64) -> Option<(usize, f64)> {
    let start = lx.get(j).filter(|p| !p.space_before)?.start;
    let rest = text[start..].as_bytes();
    let ten = |p: &[u8]| rest.starts_with(p);
    let (power, mut p) = match rest.first()? {
        b'e' | b'E' => (false, 1),
        b'^' => (true, 1),
        _ if ten(b"x10^") => (false, 4),
        _ if ten("×10^".as_bytes()) => (false, "×10^".len()),
        _ => return None,
    };
    let negative = rest.get(p) == Some(&b'-');
    if matches!(rest.get(p), Some(b'-' | b'+')) {
        p += 1;
    }
    let from = p;
    while p < rest.len() && rest[p].is_ascii_digit() && p - from < 3 {
        p += 1;
    }
    if p == from || rest.get(p).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let x: i32 = std::str::from_utf8(&rest[from..p]).ok()?.parse().ok()?;
    let x = if negative { -x } else { x };
    let value = match (power, x < 0) {
        (true, _) => base.powi(x),
        (false, true) => base / 10f64.powi(-x),
        (false, false) => base * 10f64.powi(x),
    };
    let end = start + p;
    let k = lx[j..].iter().position(|l| l.start >= end).map_or(lx.len(), |o| j + o);
    (value.is_finite() && lx[k - 1].end == end).then_some((k, value))
}

/// The value of piece `i` when it is one vulgar-fraction character ("¾").
fn vulgar_at(text: &str, lx: &[Piece], i: usize) -> Option<f64> {
    let l = lx.get(i).filter(|l| l.kind == PieceKind::Punct)?;
    let mut chars = text[l.start..l.end].chars();
    match (chars.next(), chars.next()) {
        (Some(ch), None) => vulgar_fraction(ch),
        _ => None,
    }
}

/// A number written with a leading decimal mark: ".77", ",08" (the mark at
/// `i`, after a space or at the start).
fn leading_point(text: &str, lx: &[Piece], i: usize) -> Option<Number> {
    let d = lx.get(i + 1).filter(|d| d.kind == PieceKind::Num && !d.space_before)?;
    let digits = d.text(text);
    // ".25ml" is a unit glued to the digits: not a number of its own.
    if lx.get(i + 2).is_some_and(|n| !n.space_before && n.kind == PieceKind::Word) {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 18 {
        return None;
    }
    let value: f64 = format!("0.{digits}").parse().ok()?;
    Some(Number { end: i + 2, value, words: false, weak: false, plain_digits: false })
}

/// Digits with what may follow them: a glued multiple ("10k", "3M"),
/// scale words ("3,5 millones"), and in the Mexican style the rest of the
/// amount below the scale ("322 mil 400", "5 millones 340 mil").
fn digits_at(text: &str, lx: &[Piece], i: usize, c: &Compiled, limit: f64) -> Option<Number> {
    let l = &lx[i];
    let raw = &text[l.start..l.end];
    let mut value = parse_number(raw, c.lx.decimal_comma)?;
    let mut plain = raw.bytes().all(|b| b.is_ascii_digit());
    let mut j = i + 1;
    if plain && raw.len() <= 3 {
        let groups = space_groups(text, lx, j);
        if groups > 0 {
            for g in &lx[j..j + groups] {
                value = value * 1000.0 + parse_number(g.text(text), false)?;
            }
            j += groups;
            plain = false;
        }
    }
    // "2½ años", "1 ½ cups": a whole number and a vulgar fraction.
    if plain && j == i + 1 {
        if let Some(v) = vulgar_at(text, lx, j).filter(|_| !lx[j].newline_before) {
            value += v;
            j += 1;
            plain = false;
        }
    }
    if let Some((k, v)) = exponent_at(text, lx, j, value).filter(|_| j == i + 1) {
        return Some(Number { end: k, value: v, words: false, weak: false, plain_digits: false });
    }
    let mut scaled = false;
    if let Some(g) = lx.get(j).filter(|g| !g.space_before && g.kind == PieceKind::Word) {
        let after_glued = lx.get(j + 1).is_some_and(|n| !n.space_before && n.kind != PieceKind::Punct);
        if let Some((_, s)) = c.lx.glued_scales.iter().find(|(w, _)| *w == g.text(text)).filter(|_| !after_glued) {
            if *s >= limit {
                return None;
            }
            value *= s;
            j += 1;
            scaled = true;
        }
    }
    let mut last = f64::INFINITY;
    // "3 hundred", "2.12 hundred", then maybe "3 hundred thousand".
    if let Some(e) = c.hundred.has(lx, j).filter(|_| !scaled && value < 100.0) {
        if 100.0 >= limit {
            return None;
        }
        value *= 100.0;
        last = 100.0;
        j = e;
        scaled = true;
    }
    while let Some((e, s)) = c.scales.at(lx, j) {
        if s >= limit {
            return None;
        }
        value *= s;
        last = s;
        j = e;
        scaled = true;
    }
    if scaled && last.is_finite() {
        // "3 millones y medio": half of the last scale.
        if let Some(e) = c.and_half.has(lx, j) {
            return Some(Number { end: e, value: value + 0.5 * last, words: true, weak: false, plain_digits: false });
        }
    }
    // "2 mil 300 millones": digits after "mil" and before a larger scale
    // belong to it, as in "dos mil trescientos millones" (Mexican style).
    if last == 1000.0 {
        if let Some((e, s, d)) = thousands_then_scale(text, lx, j, c).filter(|&(_, s, _)| s < limit) {
            value = (value + d) * s;
            last = s;
            j = e;
        }
    }
    // The rest below the last scale: "322 mil 400"; after a hundred only
    // with "and": "3 hundred and 21".
    let rest_at = if last >= 1000.0 { Some(j) } else if last == 100.0 { c.number_and.has(lx, j) } else { None };
    if let Some(k) = rest_at.filter(|_| scaled) {
        if let Some(rest) = number_below(text, lx, k, c, last).filter(|r| !r.weak && r.value > 0.0 && r.value < last) {
            value += rest.value;
            j = rest.end;
        }
    }
    Some(Number { end: j, value, words: scaled, weak: false, plain_digits: plain && !scaled })
}

/// Plain digits below a thousand at `j` followed by a scale above a
/// thousand ("300 millones"): the end, the scale and the digits' value.
fn thousands_then_scale(text: &str, lx: &[Piece], j: usize, c: &Compiled) -> Option<(usize, f64, f64)> {
    let d = lx.get(j).filter(|d| d.kind == PieceKind::Num && d.text(text).bytes().all(|b| b.is_ascii_digit()))?;
    let v: f64 = d.text(text).parse().ok().filter(|v| *v < 1000.0)?;
    let (e, s) = c.scales.at(lx, j + 1).filter(|&(_, s)| s > 1000.0)?;
    Some((e, s, v))
}

/// How many groups of exactly three digits follow piece `j - 1`, each after
/// one space: "40 000", "1 234 567" (the SI style, which the RAE recommends
/// for Spanish). A group that runs on into a word or another separator is
/// not one ("1 234,5" keeps its decimal part with the group, so it stops).
fn space_groups(text: &str, lx: &[Piece], j: usize) -> usize {
    let mut n = 0;
    let mut prev_end = lx[j - 1].end;
    while let Some(g) = lx.get(j + n) {
        let gap = &text[prev_end..g.start];
        let one_space = gap.chars().count() == 1 && gap.chars().all(|c| c == ' ' || is_group_space(c));
        let digits = g.kind == PieceKind::Num && g.end - g.start == 3 && g.text(text).bytes().all(|b| b.is_ascii_digit());
        if !one_space || !digits || g.newline_before {
            break;
        }
        prev_end = g.end;
        n += 1;
    }
    n
}

/// Parses a run of digits with `.`/`,` separators as a number, given the
/// language's decimal mark. In comma-decimal languages, commas that all
/// precede three digits are thousands ("3,500" is 3500, as written in
/// Mexico). Otherwise every separator but the last must be followed by
/// three digits (thousands). The last is decimal if it is the language's
/// decimal mark, or if it is the other mark and not followed by exactly three
/// digits ("3.5" in Spanish text is 3.5; "100.000" is 100000).
pub fn parse_number(raw: &str, decimal_comma: bool) -> Option<f64> {
    if raw.contains(is_group_space) {
        let joined: String = raw.chars().filter(|c| !is_group_space(*c)).collect();
        return parse_number(&joined, decimal_comma);
    }
    let digits = raw.bytes().filter(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 18 {
        return None;
    }
    let dec = if decimal_comma { ',' } else { '.' };
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    let seps: Vec<char> = raw.chars().filter(|c| *c == '.' || *c == ',').collect();
    if seps.is_empty() {
        return raw.parse().ok();
    }
    // "1,000" and "3,500,000" written with comma thousands in comma-decimal
    // text (as in Mexico): every group after the first has three digits.
    if decimal_comma && seps.iter().all(|c| *c == ',') && groups[0] != "0" && groups[1..].iter().all(|g| g.len() == 3) {
        return groups.concat().parse().ok();
    }
    if !decimal_comma {
        if let Some(v) = lakh_grouped(raw) {
            return Some(v);
        }
    }
    let mut s = String::with_capacity(raw.len());
    let last = seps.len() - 1;
    for (k, g) in groups.iter().enumerate() {
        s.push_str(g);
        if k < seps.len() {
            let sep = seps[k];
            let next = groups[k + 1];
            let is_dec = if k == last {
                if sep == dec {
                    true
                } else {
                    // The other mark: thousands with exactly 3 digits, else a foreign decimal.
                    next.len() != 3
                }
            } else {
                false
            };
            if is_dec {
                s.push('.');
            } else if next.len() != 3 {
                return None;
            }
        }
    }
    s.parse().ok()
}

/// Digits in the Indian grouping, by lakhs and crores: "12,34,567.89"
/// (a last group of three, two-digit groups before it).
fn lakh_grouped(raw: &str) -> Option<f64> {
    let (whole, decimals) = raw.split_once('.').unwrap_or((raw, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let [first, middle @ .., last] = groups.as_slice() else { return None };
    let ok = !middle.is_empty()
        && (1..=2).contains(&first.len())
        && middle.iter().all(|g| g.len() == 2)
        && last.len() == 3
        && !decimals.contains(',');
    ok.then(|| format!("{}.{}", groups.concat(), if decimals.is_empty() { "0" } else { decimals }).parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::pieces::of_phrase;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("100.000", true), Some(100000.0));
        assert_eq!(parse_number("3,5", true), Some(3.5));
        assert_eq!(parse_number("1.200,50", true), Some(1200.5));
        assert_eq!(parse_number("1,000.5", false), Some(1000.5));
        assert_eq!(parse_number("3.5", true), Some(3.5));
        assert_eq!(parse_number("1,000", false), Some(1000.0));
        assert_eq!(parse_number("1.000", false), Some(1.0));
        assert_eq!(parse_number("12,34,5", false), None);
        assert_eq!(parse_number("12,34,567.89", false), Some(1234567.89));
        assert_eq!(parse_number("1,00,000", false), Some(100000.0));
        assert_eq!(parse_number("12,34,567", true), None);
        assert_eq!(parse_number("3,500", true), Some(3500.0));
        assert_eq!(parse_number("0,125", true), Some(0.125));
        assert_eq!(parse_number("1,000,000", true), Some(1e6));
        assert_eq!(parse_number("100.000,500", true), Some(100000.5));
    }

    #[test]
    fn long_grouped_numbers_do_not_split_a_character() {
        for first in ["1", "12", "123"] {
            for space in ["\u{a0}", "\u{2009}"] {
                let t = format!("{first}{}", format!("{space}456").repeat(20));
                let l = of_phrase(&t);
                assert_eq!(l.len(), 1);
                assert!(l[0].norm.len() <= 64 && t.starts_with(l[0].norm.as_str()));
                assert_eq!(parse_number(l[0].text(&t), true), None, "over 18 digits");
            }
        }
    }
}
