//! Pieces: the tokens cut into the units the lexicons of the annotation layers
//! match, each with its normalised form computed once.
//!
//! A token splits into pieces at every change between letters, digits and
//! other characters: "p.m." is `p . m .`, "US$95" is `us $ 95`, "3am" is
//! `3 am`. A letter run keeps its internal apostrophes ("don't"); a digit run
//! keeps `.` or `,` before a digit ("100.000") and a no-break or thin space
//! before a group of three digits ("2 000", which the tokenizer writes as two
//! number tokens: the piece runs on into the next one). URL, e-mail, hashtag
//! and mention tokens are one [`PieceKind::Opaque`] piece each, which no
//! lexicon entry matches, so no layer reads "%28" in a link as a percent.
//!
//! Linear in the text; never panics.

use super::Token;
use crate::text::chars::{char_at, is_apostrophe, is_group_space, is_mark};
use crate::text::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Word,
    Num,
    Punct,
    /// A URL, e-mail, hashtag or mention token, kept whole and matched by nothing.
    Opaque,
}

#[derive(Clone, Debug)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: PieceKind,
    /// Lower-cased, accents folded by [`fold::lexicon_char`]; empty for an opaque piece.
    pub norm: Norm,
    /// [`norm_key`] of `norm`: lets a phrase set turn most pieces away
    /// without hashing `norm` again for every set.
    pub key: u64,
    /// Whitespace separates this piece from the previous one (or it is the first).
    pub space_before: bool,
    /// A line break separates this piece from the previous one.
    pub newline_before: bool,
    /// The first character is upper-case.
    pub upper: bool,
}

impl Piece {
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// How many bytes of a [`Norm`] are kept in the piece itself.
const NORM_INLINE: usize = 22;

/// The pieces of each line: a new line starts at every piece with
/// [`Piece::newline_before`]. The layers that must not cross a line break
/// or a paragraph (dates, quantities) scan each line on its own.
pub fn lines(lx: &[Piece]) -> impl Iterator<Item = &[Piece]> {
    let mut rest = lx;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest.iter().skip(1).position(|p| p.newline_before).map_or(rest.len(), |k| k + 1);
        let (line, tail) = rest.split_at(cut);
        rest = tail;
        Some(line)
    })
}

/// A piece's normalised form: short ones (nearly all) stored inline, so that
/// cutting a block allocates nothing per piece.
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
            // SAFETY: the bytes are a whole `&str` copied by `Norm::new` or
            // ASCII written by `normalise`.
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

/// A hash of a piece's normalised form.
pub fn norm_key(norm: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(norm.as_bytes());
    h.finish()
}

/// The pieces of `text`, given its tokens in order.
///
/// ```
/// use lupa::{lang::Lang, tokenize::{tokenize, pieces::pieces}};
/// let text = "A las 3 p.m. en https://x.com/%28";
/// let p = pieces(text, &tokenize(text, Lang::Es));
/// let norms: Vec<&str> = p.iter().map(|p| p.norm.as_str()).collect();
/// assert_eq!(norms, ["a", "las", "3", "p", ".", "m", ".", "en", ""]);
/// ```
#[inline(never)]
pub fn pieces(text: &str, tokens: &[Token]) -> Vec<Piece> {
    let mut cut = Cutter { text, out: Vec::with_capacity(tokens.len() + tokens.len() / 4), at: 0, scratch: String::new() };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind.is_opaque() {
            cut.opaque(t);
            i += 1;
            continue;
        }
        // A piece may run on past this token into the next ones, up to the
        // next opaque token.
        let limit = tokens[i + 1..].iter().find(|t| t.kind.is_opaque()).map_or(text.len(), |t| t.start);
        cut.token(t.start.max(cut.at), t.end, limit);
        i += 1;
        while i < tokens.len() && tokens[i].end <= cut.at {
            i += 1;
        }
    }
    cut.out
}

/// The pieces of a phrase written in a lexicon: the whole of `text` cut as
/// one run, with nothing opaque.
pub fn of_phrase(text: &str) -> Vec<Piece> {
    let mut cut = Cutter { text, out: Vec::new(), at: 0, scratch: String::new() };
    cut.token(0, text.len(), text.len());
    cut.out
}

struct Cutter<'a> {
    text: &'a str,
    out: Vec<Piece>,
    /// Where the text not yet cut begins.
    at: usize,
    scratch: String,
}

impl Cutter<'_> {
    /// The separation between the last piece and byte `to`.
    fn gap(&self, to: usize) -> (bool, bool) {
        let gap = &self.text[self.at.min(to)..to];
        let space = self.out.is_empty() || !gap.is_empty();
        (space, gap.contains(['\n', '\r', '\u{2029}']))
    }

    fn opaque(&mut self, t: &Token) {
        let (space, newline) = self.gap(t.start);
        let norm = Norm::new("");
        let key = norm_key(&norm);
        self.out.push(Piece { start: t.start, end: t.end, kind: PieceKind::Opaque, norm, key, space_before: space, newline_before: newline, upper: false });
        self.at = t.end;
    }

    /// Cuts `from..end` into pieces; the last may run on up to `limit`.
    fn token(&mut self, from: usize, end: usize, limit: usize) {
        let (mut space, mut newline) = self.gap(from);
        let mut i = from;
        while i < end {
            let Some((c, cl)) = char_at(self.text, i) else { break };
            if c.is_whitespace() || c.is_control() {
                space = true;
                newline |= matches!(c, '\n' | '\r' | '\u{2029}');
                i += cl;
                continue;
            }
            let (j, kind) = piece_end(self.text, i, c, cl, limit);
            let norm = self.normalise(i, j, kind);
            let key = norm_key(&norm);
            self.out.push(Piece { start: i, end: j, kind, norm, key, space_before: space, newline_before: newline, upper: c.is_uppercase() });
            space = false;
            newline = false;
            i = j;
        }
        self.at = i.max(end);
    }

    fn normalise(&mut self, start: usize, end: usize, kind: PieceKind) -> Norm {
        let raw = &self.text.as_bytes()[start..end];
        if raw.len() <= NORM_INLINE && raw.is_ascii() {
            // Most pieces: folding is ASCII lower-casing (and "`" as "'").
            let mut b = [0u8; NORM_INLINE];
            for (o, &x) in b.iter_mut().zip(raw) {
                *o = if x == b'`' { b'\'' } else { x.to_ascii_lowercase() };
            }
            return Norm::Inline(raw.len() as u8, b);
        }
        self.scratch.clear();
        if kind == PieceKind::Num && end - start > 64 {
            // Long digit runs: the norm is only compared, never parsed in
            // full. Group spaces are several bytes: cut at a character.
            let mut cut = start + 64;
            while !self.text.is_char_boundary(cut) {
                cut -= 1;
            }
            self.scratch.push_str(&self.text[start..cut]);
        } else {
            for ch in self.text[start..end].chars() {
                fold::lexicon_char(ch, &mut self.scratch);
            }
        }
        Norm::new(&self.scratch)
    }
}

/// The end of the piece that starts at `i` with `c` (`cl` bytes), at most `limit`.
fn piece_end(text: &str, i: usize, c: char, cl: usize, limit: usize) -> (usize, PieceKind) {
    let bytes = text.as_bytes();
    let at = |p: usize| if p < limit { char_at(text, p) } else { None };
    let mut j = i + cl;
    if c.is_alphabetic() {
        while let Some((d, dl)) = at(j) {
            if d.is_alphabetic() || is_mark(d) {
                j += dl;
            } else if let (true, Some((e, el))) = (is_apostrophe(d), at(j + dl)) {
                if !e.is_alphabetic() {
                    break;
                }
                j += dl + el;
            } else {
                break;
            }
        }
        return (j, PieceKind::Word);
    }
    if c.is_ascii_digit() {
        let digit = |p: usize| p < limit && bytes[p].is_ascii_digit();
        while let Some((d, dl)) = at(j) {
            if d.is_ascii_digit() {
                j += 1;
            } else if (d == '.' || d == ',') && digit(j + 1) {
                j += 2;
            } else if is_group_space(d) && (0..3).all(|k| digit(j + dl + k)) && !digit(j + dl + 3) {
                j += dl + 3;
            } else {
                break;
            }
        }
        return (j, PieceKind::Num);
    }
    (j, PieceKind::Punct)
}
