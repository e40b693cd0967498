//! Tokens and sentences.
//!
//! All offsets here are UTF-8 byte ranges into the input; conversion to
//! UTF-16 happens only at the output boundary ([`crate::text::offsets`]).

pub mod pieces;
mod scan;
pub use scan::{estimate, scan_each};
mod sentences;

use crate::lang::Lang;

/// What a token is; serialised in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
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

    /// Whether the annotation layers see the token as one opaque piece
    /// ([`pieces`]): a URL, e-mail address, hashtag or mention.
    pub fn is_opaque(self) -> bool {
        matches!(self, TokenKind::Url | TokenKind::Email | TokenKind::Hashtag | TokenKind::Mention)
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
    #[inline]
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
///
/// ```
/// use lupa::{lang::Lang, tokenize::tokenize};
/// let text = "El Sr. Bono llegó a EE.UU. ayer. Hubo 100.000 personas.";
/// let tokens = tokenize(text, Lang::Es);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["El", "Sr.", "Bono", "llegó", "a", "EE.UU.", "ayer", ".", "Hubo", "100.000", "personas", "."]);
/// assert_eq!(tokens[8].sentence, 1);
/// ```
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    let mut tokens = scan::scan(text, lang);
    sentences::assign(text, &mut tokens, lang);
    tokens
}

/// Calls `f` with every token of `text`, in order, sentence index filled in:
/// [`tokenize`] without the token list, in constant memory.
pub fn tokenize_each(text: &str, lang: Lang, mut f: impl FnMut(&Token)) {
    let mut sentences = sentences::Assigner::new(text, lang);
    scan_each(text, lang, |start, end, kind| {
        let mut t = Token { start, end, kind, sentence: 0 };
        t.sentence = sentences.next(&t);
        f(&t);
    });
}

/// Groups tokens into sentences, from the `sentence` index of each token.
pub fn sentences(tokens: &[Token]) -> Vec<Sentence> {
    sentences::group(tokens)
}
