//! Tokens and sentences.
//!
//! All offsets here are UTF-8 byte ranges into the input; conversion to
//! UTF-16 happens only at the output boundary ([`crate::text::offsets`]).

use crate::lang::Lang;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
    Emoji,
}

impl TokenKind {
    pub const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Emoji,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }

    /// The small integer used by the compact `tokenSpans` form.
    pub fn code(self) -> u32 {
        self as u32
    }
}

/// One token: a byte range of the input, its kind and its sentence index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub sentence: usize,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// One sentence: its byte range and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: std::ops::Range<usize>,
}

/// Splits `text` into tokens, with sentence indices filled in.
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    let _ = lang;
    // Placeholder until the real tokenizer lands: whitespace-separated runs.
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Token { start: s, end: i, kind: TokenKind::Word, sentence: 0 });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token { start: s, end: text.len(), kind: TokenKind::Word, sentence: 0 });
    }
    out
}

/// Groups tokens into sentences, from the `sentence` index of each token.
pub fn sentences(tokens: &[Token]) -> Vec<Sentence> {
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
