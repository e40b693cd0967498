//! A small, language-independent scanner shared by the extraction layers.
//!
//! The layers match on the raw text at word boundaries rather than on the
//! tokenizer's output, so they behave the same whichever tokenizer is in use.
//! A [`Lex`] is a run of letters (with internal apostrophes), a run of ASCII
//! digits (with internal `.`/`,` followed by a digit), or a single other
//! non-space character. Each carries a normalised form: lower-cased, with
//! accents folded (but `ñ` kept) and typographic apostrophes made straight.
//! Linear in the input; never panics.

use crate::fxhash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexKind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Lex {
    pub start: usize,
    pub end: usize,
    pub kind: LexKind,
    pub norm: Norm,
    /// [`norm_key`] of `norm`: lets a [`PhraseSet`] turn most lexes away
    /// without hashing `norm` again for every set.
    pub key: u64,
    /// Whitespace separates this lex from the previous one (or it is the first).
    pub space_before: bool,
    /// A line break separates this lex from the previous one.
    pub newline_before: bool,
    /// The first character is upper-case.
    pub upper: bool,
}

impl Lex {
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// How many bytes of a [`Norm`] are kept in the lex itself.
const NORM_INLINE: usize = 22;

/// A lex's normalised form: short ones (nearly all) stored inline, so that
/// lexing a block allocates nothing per lex.
#[derive(Clone)]
pub enum Norm {
    Inline(u8, [u8; NORM_INLINE]),
    Heap(Box<str>),
}

impl Norm {
    pub fn new(s: &str) -> Norm {
        if s.len() <= NORM_INLINE {
            let mut b = [0u8; NORM_INLINE];
            b[..s.len()].copy_from_slice(s.as_bytes());
            Norm::Inline(s.len() as u8, b)
        } else {
            Norm::Heap(s.into())
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            // SAFETY: the bytes are a whole `&str` copied by `Norm::new`.
            Norm::Inline(n, b) => {
                debug_assert!(std::str::from_utf8(&b[..*n as usize]).is_ok());
                unsafe { std::str::from_utf8_unchecked(&b[..*n as usize]) }
            }
            Norm::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<str> for Norm {
    #[inline]
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Norm {
    #[inline]
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<String> for Norm {
    #[inline]
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}

/// Lower-cases and folds accents of one character into `out`.
#[inline]
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        // What the general path gives for ASCII, without the case tables.
        out.push(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
        return;
    }
    for l in c.to_lowercase() {
        let f = match l {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            '’' | 'ʼ' | '`' => '\'',
            other => other,
        };
        out.push(f);
    }
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The character at byte `p` of `text` (a character boundary) and its length.
#[inline]
fn char_at(text: &str, p: usize) -> (char, usize) {
    let b = text.as_bytes()[p];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[p..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

/// Scans `text` into lexes.
pub fn lex(text: &str) -> Vec<Lex> {
    let bytes = text.as_bytes();
    let n = text.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = true;
    let mut newline = false;
    let mut scratch = String::new();
    while i < n {
        let start = i;
        let (c, cl) = char_at(text, i);
        if c.is_whitespace() || c.is_control() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
            i += cl;
            continue;
        }
        let kind;
        let mut j = i + cl;
        if c.is_alphabetic() {
            kind = LexKind::Word;
            while j < n {
                let (d, dl) = char_at(text, j);
                if d.is_alphabetic() || is_mark(d) {
                    j += dl;
                } else if is_apostrophe(d) && j + dl < n && char_at(text, j + dl).0.is_alphabetic() {
                    j += dl + char_at(text, j + dl).1;
                } else {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            kind = LexKind::Num;
            let digit = |p: usize| p < n && bytes[p].is_ascii_digit();
            while j < n {
                let (d, dl) = char_at(text, j);
                if d.is_ascii_digit() {
                    j += 1;
                } else if (d == '.' || d == ',') && digit(j + 1) {
                    j += 2;
                } else if is_group_space(d) && (0..3).all(|k| digit(j + dl + k)) && !digit(j + dl + 3) {
                    // "2 000" with a no-break or thin space: one number.
                    j += dl + 3;
                } else {
                    break;
                }
            }
        } else {
            kind = LexKind::Punct;
        }
        let end = j;
        let raw = &bytes[start..end];
        let norm = if raw.len() <= NORM_INLINE && raw.is_ascii() {
            // Most lexes: folding is ASCII lower-casing (and "`" as "'").
            let mut b = [0u8; NORM_INLINE];
            for (o, &x) in b.iter_mut().zip(raw) {
                *o = if x == b'`' { b'\'' } else { x.to_ascii_lowercase() };
            }
            Norm::Inline(raw.len() as u8, b)
        } else {
            scratch.clear();
            if kind == LexKind::Num && end - start > 64 {
                // Long digit runs: the norm is only compared, never parsed in
                // full. Group spaces are several bytes: cut at a character.
                let mut cut = start + 64;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                scratch.push_str(&text[start..cut]);
            } else {
                for ch in text[start..end].chars() {
                    fold_char(ch, &mut scratch);
                }
            }
            Norm::new(&scratch)
        };
        let key = norm_key(&norm);
        out.push(Lex { start, end, kind, norm, key, space_before: space, newline_before: newline, upper: c.is_uppercase() });
        space = false;
        newline = false;
        i = j;
    }
    out
}

/// A hash of a lex's normalised form.
pub fn norm_key(norm: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::fxhash::FxHasher::default();
    h.write(norm.as_bytes());
    h.finish()
}

/// Spaces used to group digits ("2 000"): no-break and thin spaces.
pub fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A set of phrases (each one or more lexes), matched longest-first at a position.
///
/// Lexes written together in a phrase ("US$", "p.m.") must be written
/// together in the text too ("a $95" is not "A$").
pub struct PhraseSet<T: Copy> {
    /// By first lex: the rest of each phrase (norm, glued to the previous) and its value.
    map: FxHashMap<String, Vec<Phrase<T>>>,
    /// A Bloom filter (one bit per first lex) over the [`norm_key`]s of the
    /// first lexes: a lex whose bit is clear starts no phrase.
    filter: [u64; 8],
}

/// The filter bit of a [`norm_key`].
fn filter_bit(key: u64) -> (usize, u64) {
    let b = (key >> 55) as usize; // 9 bits: 512 positions
    (b >> 6, 1u64 << (b & 63))
}

type Phrase<T> = (Vec<(String, bool)>, T);

impl<T: Copy> PhraseSet<T> {
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, T)>) -> Self {
        let mut map: FxHashMap<String, Vec<Phrase<T>>> = FxHashMap::default();
        for (phrase, v) in entries {
            let lx = lex(phrase);
            if lx.is_empty() {
                continue;
            }
            let mut norms: Vec<(String, bool)> = lx.into_iter().map(|l| (l.norm.to_string(), !l.space_before)).collect();
            let first = norms.remove(0).0;
            map.entry(first).or_default().push((norms, v));
        }
        for v in map.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        let mut filter = [0u64; 8];
        for first in map.keys() {
            let (w, bit) = filter_bit(norm_key(first));
            filter[w] |= bit;
        }
        PhraseSet { map, filter }
    }

    /// The longest phrase starting at lex `i`: its end (exclusive lex index) and value.
    pub fn at(&self, lx: &[Lex], i: usize) -> Option<(usize, T)> {
        let first = lx.get(i)?;
        let (w, bit) = filter_bit(first.key);
        if self.filter[w] & bit == 0 {
            return None;
        }
        let cands = self.map.get(first.norm.as_str())?;
        'c: for (rest, v) in cands {
            if i + 1 + rest.len() > lx.len() {
                continue;
            }
            for (k, (w, glued)) in rest.iter().enumerate() {
                let l = &lx[i + 1 + k];
                if l.norm != *w || (*glued && l.space_before) {
                    continue 'c;
                }
            }
            return Some((i + 1 + rest.len(), *v));
        }
        None
    }

    /// The first lexes of the phrases: for each, whether a one-lex phrase is
    /// that lex alone, and whether longer phrases start with it.
    pub fn firsts(&self) -> impl Iterator<Item = (&str, bool, bool)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.iter().any(|p| p.0.is_empty()), v.iter().any(|p| !p.0.is_empty())))
    }

    pub fn has(&self, lx: &[Lex], i: usize) -> Option<usize> {
        self.at(lx, i).map(|(e, _)| e)
    }

    /// A phrase that ends exactly at lex `end` (exclusive), looking back at most `max` lexes.
    pub fn ending_at(&self, lx: &[Lex], end: usize, max: usize) -> Option<(usize, T)> {
        let lo = end.saturating_sub(max);
        for s in lo..end {
            if let Some((e, v)) = self.at(lx, s) {
                if e == end {
                    return Some((s, v));
                }
            }
        }
        None
    }
}

/// A filter over the first lexes of several [`PhraseSet`]s: a lex it turns
/// away starts no phrase of any of them (one it lets through may not either).
pub struct Starts {
    bits: Box<[u64; 128]>,
}

impl Starts {
    pub fn new() -> Starts {
        Starts { bits: Box::new([0; 128]) }
    }

    fn bit(key: u64) -> (usize, u64) {
        let b = (key >> 51) as usize; // 13 bits: 8192 positions
        (b >> 6, 1u64 << (b & 63))
    }

    pub fn add<T: Copy>(&mut self, set: &PhraseSet<T>) {
        for first in set.map.keys() {
            let (w, bit) = Self::bit(norm_key(first));
            self.bits[w] |= bit;
        }
    }

    #[inline]
    pub fn may_start(&self, l: &Lex) -> bool {
        let (w, bit) = Self::bit(l.key);
        self.bits[w] & bit != 0
    }
}

impl Default for Starts {
    fn default() -> Self {
        Starts::new()
    }
}

pub fn set(words: &[&'static str]) -> PhraseSet<()> {
    PhraseSet::new(words.iter().map(|w| (*w, ())))
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

#[cfg(test)]
mod tests {
    use super::*;
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
                let l = lex(&t);
                assert_eq!(l.len(), 1);
                assert!(l[0].norm.len() <= 64 && t.starts_with(l[0].norm.as_str()));
            }
        }
    }
    #[test]
    fn lexes() {
        let l = lex("Sept. 17, 2023 p.m. don’t 100.000 €200");
        let n: Vec<&str> = l.iter().map(|x| x.norm.as_str()).collect();
        assert_eq!(n, ["sept", ".", "17", ",", "2023", "p", ".", "m", ".", "don't", "100.000", "€", "200"]);
    }
}
