//! Sentence boundaries, decided token by token from the marks that end a
//! sentence, the abbreviations that do not, and line breaks.

use crate::text::chars::{is_closing, is_terminator};
use super::{Sentence, Token, TokenKind};
use crate::lang::Lang;

/// Fills in `sentence` for every token.
pub fn assign(text: &str, tokens: &mut [Token], lang: Lang) {
    let mut sentences = Assigner::new(text, lang);
    for t in tokens {
        t.sentence = sentences.next(t);
    }
}

/// The sentence index of each token of a text, given the tokens one by one in
/// order: what [`assign`] does over a token list, in constant memory, so a
/// scan can number its tokens as it goes.
pub struct Assigner<'a> {
    text: &'a str,
    lang: Lang,
    sentence: usize,
    /// The token before this one.
    prev: Option<Token>,
    /// The last sentence mark whose split is still to be decided by the next
    /// token that does not close it: its kind, the token before it, and itself.
    mark: Option<(Boundary, Option<Token>, Token)>,
}

impl<'a> Assigner<'a> {
    pub fn new(text: &'a str, lang: Lang) -> Self {
        Assigner { text, lang, sentence: 0, prev: None, mark: None }
    }

    /// The sentence index of `t`, the token after the ones given so far.
    pub fn next(&mut self, t: &Token) -> usize {
        let text = self.text;
        let closes_mark = self.mark.is_some() && self.prev.as_ref().is_some_and(|p| closes(text, p, t));
        // Closing quotes and brackets stay with the sentence they close.
        if !closes_mark {
            let mut split = match self.mark.take() {
                Some((kind, before, at)) => splits_before(text, before.as_ref(), &at, t, kind),
                None => false,
            };
            if let Some(prev) = &self.prev {
                split = split || line_break_splits(text, prev, t, self.lang);
            }
            if split {
                self.sentence += 1;
            }
            self.mark = boundary_kind(text, t, self.lang).map(|kind| (kind, self.prev, *t));
        }
        self.prev = Some(*t);
        self.sentence
    }
}

/// Groups tokens into sentences by their `sentence` index.
pub fn group(tokens: &[Token]) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let n = out.len();
        match out.last_mut() {
            Some(s) if n == t.sentence + 1 => {
                s.end = t.end;
                s.tokens.end = i + 1;
            }
            _ => out.push(Sentence { start: t.start, end: t.end, tokens: i..i + 1 }),
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// "." after an ordinary word or number.
    Period,
    /// "!", "?", "?!" and the like.
    Strong,
    /// "..." and "…": a sentence ends only if a capital follows.
    Ellipsis,
    /// "etc.", "EE.UU.": a sentence ends only if a capital follows.
    Abbreviation,
}

fn boundary_kind(text: &str, token: &Token, lang: Lang) -> Option<Boundary> {
    // Most tokens are words without a final period, and marks that do not end a sentence.
    let last = text.as_bytes()[token.end - 1];
    match token.kind {
        TokenKind::Word if last != b'.' => return None,
        TokenKind::Punct if !matches!(last, b'.' | b'!' | b'?' | 0x80..) => return None,
        TokenKind::Word | TokenKind::Punct => {}
        _ => return None,
    }
    let s = token.text(text);
    match token.kind {
        TokenKind::Punct if s.chars().all(is_terminator) => Some(if s == "." {
            Boundary::Period
        } else if s.contains(['!', '?', '！', '？']) {
            Boundary::Strong
        } else if s.contains('。') {
            Boundary::Strong
        } else {
            Boundary::Ellipsis
        }),
        TokenKind::Word if s.ends_with('.') => {
            let stem = &s[..s.len() - 1];
            let initial = stem.chars().count() == 1;
            let lower = stem.to_lowercase();
            let title = Lang::ALL.iter().any(|l| l.data().is_title(&lower)) || lang.data().is_title(&lower);
            (!initial && !title).then_some(Boundary::Abbreviation)
        }
        _ => None,
    }
}

/// Whether `t` closes what came before it rather than opening what follows:
/// a closing quote or bracket glued to the previous token, `prev`.
fn closes(text: &str, prev: &Token, t: &Token) -> bool {
    let s = t.text(text);
    let mut chars = s.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return false };
    if t.kind != TokenKind::Punct || !is_closing(c) {
        return false;
    }
    match c {
        // Straight quotes are ambiguous: closing only when glued to the previous token.
        '"' | '\'' => prev.end == t.start,
        _ => true,
    }
}

fn first_char(text: &str, t: &Token) -> char {
    t.text(text).chars().next().unwrap_or(' ')
}

/// Whether a sentence ends at the mark `at` (of `kind`, after `before`),
/// given `next`, the first token after it that does not close it.
fn splits_before(text: &str, before: Option<&Token>, at: &Token, next: &Token, kind: Boundary) -> bool {
    let c = first_char(text, next);
    let capital = c.is_uppercase();
    let lower = c.is_lowercase();
    let spaced = next.start > at.end;
    match kind {
        Boundary::Strong => !lower,
        // After "..." or "etc." only a capital, or a quote or ¿ ¡ opening a new sentence, starts one.
        Boundary::Ellipsis | Boundary::Abbreviation => capital || (spaced && matches!(c, '«' | '“' | '¿' | '¡' | '‘')),
        Boundary::Period => {
            if !lower {
                return spaced || capital;
            }
            // "armenio. escribe POLITICO": a period after a full word ends the
            // sentence even when a careless lower-case letter follows.
            spaced
                && before.is_some_and(|prev| {
                    prev.kind == TokenKind::Word && prev.end == at.start && prev.text(text).chars().count() >= 4
                })
        }
    }
}

fn newlines(gap: &str) -> usize {
    let mut n = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{85}' => n += 1,
            '\r' if chars.peek() != Some(&'\n') => n += 1,
            '\u{2029}' => n += 2,
            _ => {}
        }
    }
    n
}

/// Paragraph breaks always end a sentence; a single line break does unless
/// the line plainly goes on (a comma before it, a lower-case word after it).
fn line_break_splits(text: &str, prev: &Token, next: &Token, lang: Lang) -> bool {
    // Most gaps are a space: every line break has one of these bytes.
    if !text.as_bytes()[prev.end..next.start].iter().any(|&b| matches!(b, b'\n' | b'\r' | 0xC2 | 0xE2)) {
        return false;
    }
    let breaks = newlines(&text[prev.end..next.start]);
    if breaks == 0 {
        return false;
    }
    if breaks >= 2 {
        return true;
    }
    let p = prev.text(text);
    let continues = matches!(p, "," | ";" | ":" | "-" | "(" | "«" | "“")
        || first_char(text, next).is_lowercase()
        || (p.ends_with('.') && boundary_kind(text, prev, lang).is_none() && prev.kind == TokenKind::Word);
    !continues
}
