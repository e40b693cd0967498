//! Sentence boundaries, decided token by token from the marks that end a
//! sentence, the abbreviations that do not, and line breaks.

use super::chars::{is_closing, is_terminator};
use super::{Sentence, Token, TokenKind};
use crate::lang::Lang;

/// Fills in `sentence` for every token.
pub fn assign(text: &str, tokens: &mut [Token], lang: Lang) {
    let mut sentence = 0;
    let mut i = 0;
    while i < tokens.len() {
        tokens[i].sentence = sentence;
        let mut last = i;
        let mut split = false;
        if let Some(kind) = boundary_kind(text, &tokens[i], lang) {
            // Closing quotes and brackets stay with the sentence they close.
            while last + 1 < tokens.len() && closes(text, tokens, last + 1) {
                last += 1;
                tokens[last].sentence = sentence;
            }
            split = match tokens.get(last + 1) {
                Some(next) => splits_before(text, tokens, i, next, kind),
                None => false,
            };
        }
        if let Some(next) = tokens.get(last + 1) {
            split = split || line_break_splits(text, &tokens[last], next, lang);
        }
        if split {
            sentence += 1;
        }
        i = last + 1;
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

/// Whether the token at `i` closes what came before it rather than opening
/// what follows: a closing quote or bracket glued to the previous token.
fn closes(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let s = t.text(text);
    let mut chars = s.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return false };
    if t.kind != TokenKind::Punct || !is_closing(c) {
        return false;
    }
    match c {
        // Straight quotes are ambiguous: closing only when glued to the previous token.
        '"' | '\'' => tokens[i - 1].end == t.start,
        _ => true,
    }
}

fn first_char(text: &str, t: &Token) -> char {
    t.text(text).chars().next().unwrap_or(' ')
}

fn splits_before(text: &str, tokens: &[Token], at: usize, next: &Token, kind: Boundary) -> bool {
    let c = first_char(text, next);
    let capital = c.is_uppercase();
    let lower = c.is_lowercase();
    let spaced = next.start > tokens[at].end;
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
            spaced && at > 0 && {
                let prev = &tokens[at - 1];
                prev.kind == TokenKind::Word && prev.end == tokens[at].start && prev.text(text).chars().count() >= 4
            }
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
