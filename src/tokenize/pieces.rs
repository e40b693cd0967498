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
use crate::text::chars::{char_at, is_apostrophe, is_group_space, is_mark, is_space};
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
///
/// The phrase filters read its top bits, so it is 64 bits wide on every
/// target: a `usize`-wide hasher (rustc-hash's `FxHasher`) leaves the top
/// half zero on wasm32, where every piece would then pass every filter.
pub fn norm_key(norm: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = 0;
    for chunk in norm.as_bytes().chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // The high bits of a product mix every input bit; the low ones only the
    // low input bits. Tables index by the low bits, filters by the high ones.
    h ^ (h >> 32)
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
pub fn pieces(text: &str, tokens: &[Token]) -> Vec<Piece> {
    let opaque: Vec<_> = tokens.iter().filter(|t| t.kind.is_opaque()).map(|t| t.start..t.end).collect();
    pieces_around(text, &opaque, tokens.len() + tokens.len() / 4)
}

/// The pieces of `text` whose opaque tokens (URLs, e-mail addresses,
/// hashtags, mentions) are the byte ranges `opaque`, in order: all a cut
/// needs of the tokens, since the tokens of the rest split where its pieces
/// do. `capacity` is a guess of the number of pieces.
#[inline(never)]
pub fn pieces_around(text: &str, opaque: &[std::ops::Range<usize>], capacity: usize) -> Vec<Piece> {
    let mut cut = Cutter::new(text, capacity);
    for r in opaque.iter().cloned() {
        // A piece may run on up to the opaque token, never into it.
        cut.run(r.start, r.start);
        cut.opaque(r);
    }
    cut.run(text.len(), text.len());
    cut.out
}

/// The pieces of a phrase written in a lexicon: the whole of `text` cut as
/// one run, with nothing opaque.
pub fn of_phrase(text: &str) -> Vec<Piece> {
    let mut cut = Cutter::new(text, 4);
    cut.run(text.len(), text.len());
    cut.out
}

struct Cutter<'a> {
    text: &'a str,
    out: Vec<Piece>,
    /// Where the text not yet cut begins.
    at: usize,
    /// Whether a separator, and a line break, came since the last piece.
    space: bool,
    newline: bool,
    scratch: String,
}

impl<'a> Cutter<'a> {
    fn new(text: &'a str, capacity: usize) -> Self {
        Cutter { text, out: Vec::with_capacity(capacity), at: 0, space: true, newline: false, scratch: String::new() }
    }

    fn push(&mut self, start: usize, end: usize, kind: PieceKind, norm: Norm, upper: bool) {
        let key = norm_key(&norm);
        self.out.push(Piece { start, end, kind, norm, key, space_before: self.space, newline_before: self.newline, upper });
        self.space = false;
        self.newline = false;
    }

    fn opaque(&mut self, r: std::ops::Range<usize>) {
        self.push(r.start, r.end, PieceKind::Opaque, Norm::new(""), false);
        self.at = r.end;
    }

    /// Cuts the text from where the last cut ended up to `end`; the last
    /// piece may run on up to `limit`. The separators are those of the
    /// tokenizer, and control characters.
    #[inline(never)]
    fn run(&mut self, end: usize, limit: usize) {
        let mut i = self.at;
        while i < end {
            let Some((c, cl)) = char_at(self.text, i) else { break };
            if is_space(c) || c.is_control() {
                self.space = true;
                self.newline |= matches!(c, '\n' | '\r' | '\u{2029}');
                i += cl;
                continue;
            }
            let (j, kind) = piece_end(self.text, i, c, cl, limit);
            let norm = self.normalise(i, j, kind);
            self.push(i, j, kind, norm, c.is_uppercase());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::tokenize::tokenize;

    /// Pieces split tokens, join what group spaces join, and take their
    /// space flags from the tokenizer's separators (an invisible one too).
    #[test]
    fn pieces_of_a_sentence() {
        let text = "El Sr. Bono llegó a EE. UU. a las 3 p.m.\u{200b}con 2\u{a0}000 #G20 (ver www.x.es/a%28) y O’Neill.";
        let p = pieces(text, &tokenize(text, Lang::Es));
        let got: Vec<String> = p.iter().map(|p| format!("{}{}", if p.space_before { " " } else { "" }, p.text(text))).collect();
        assert_eq!(
            got.concat(),
            " El Sr. Bono llegó a EE. UU. a las 3 p.m. con 2\u{a0}000 #G20 (ver www.x.es/a%28) y O’Neill."
        );
        assert_eq!(p.len(), 27);
        assert_eq!(p.iter().filter(|p| p.kind == PieceKind::Opaque).count(), 2);
    }

    /// The filters use the key's top bits: they must vary on every target.
    #[test]
    fn norm_keys_fill_their_top_bits() {
        let tops: std::collections::HashSet<u64> = ["de", "la", "el", "enero", "mil", "dijo", "$", "%", "p", "m"].iter().map(|w| norm_key(w) >> 55).collect();
        assert!(tops.len() >= 8, "{} distinct top bytes", tops.len());
    }

    #[test]
    fn opaque_tokens_are_one_piece_and_stop_a_run() {
        let text = "2\u{a0}000 #Elecciones2024 3am http://x.es/3am 4\u{a0}500";
        let p = pieces(text, &tokenize(text, Lang::Es));
        let got: Vec<(&str, PieceKind)> = p.iter().map(|p| (p.text(text), p.kind)).collect();
        use PieceKind::*;
        assert_eq!(
            got,
            [("2\u{a0}000", Num), ("#Elecciones2024", Opaque), ("3", Num), ("am", Word), ("http://x.es/3am", Opaque), ("4\u{a0}500", Num)]
        );
        assert!(p[1].space_before && !p[3].space_before);
    }
}
