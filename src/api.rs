//! The public contract, shared by JavaScript and the CLI: validated options
//! in, plain result objects out, with every offset a UTF-16 code-unit index
//! so that `text.slice(start, end)` works in JS.

use crate::extract::dates::DateKind;
use crate::extract::quantities::QuantityKind;
use crate::extract::{self, calendar::CivilDate, Include};
use crate::highlight::{self, Mark};
use crate::lang::Lang;
use crate::ner::Label;
use crate::text::offsets::Utf16Offsets;
use crate::tokenize::{self, TokenKind};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest input accepted, in UTF-8 bytes. Larger inputs are refused with
/// an error instead of risking an out-of-memory abort in a 4 GiB wasm heap.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// A refused input or option, with a message meant for the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Deserializes options from any serde source (a JS object, JSON), naming the
/// offending option in the error: `options.include[1]: unknown variant ...`.
pub fn parse_options<'de, T, D>(de: D) -> Result<T, Error>
where
    T: DeserializeOwned,
    D: serde::Deserializer<'de>,
    D::Error: fmt::Display,
{
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde-wasm-bindgen renders its errors as JS `Error`s, "Error: ..."; the caller gets one Error already.
        let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
        if path == "." {
            Error(format!("invalid options: {inner}"))
        } else {
            Error(format!("invalid option `{path}`: {inner}"))
        }
    })
}

/// An options object: its field names, for the check that some deserializers
/// (serde-wasm-bindgen) skip even with `deny_unknown_fields`.
pub trait OptionsObject: DeserializeOwned + Default {
    const FIELDS: &'static [&'static str];
}

/// Refuses option names that `T` does not have, naming the first one.
pub fn check_option_names<T: OptionsObject>(names: impl IntoIterator<Item = String>) -> Result<(), Error> {
    for name in names {
        if !T::FIELDS.contains(&name.as_str()) {
            let expected: Vec<String> = T::FIELDS.iter().map(|f| format!("`{f}`")).collect();
            return Err(Error(format!("unknown option `{name}`, expected one of {}", expected.join(", "))));
        }
    }
    Ok(())
}

fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error(format!(
            "input too large: {} bytes (UTF-8); the maximum is {} bytes",
            text.len(),
            MAX_INPUT_BYTES
        )));
    }
    Ok(())
}

/// `"es"`, `"en"`, or `"auto"` to detect.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum LangOption {
    Es,
    En,
    #[default]
    Auto,
}

impl LangOption {
    fn lang(self) -> Option<Lang> {
        match self {
            LangOption::Es => Some(Lang::Es),
            LangOption::En => Some(Lang::En),
            LangOption::Auto => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Entities,
    Dates,
    Quantities,
    Quotes,
    Keywords,
}

/// An entity label, as used in options and results.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum EntityLabel {
    PER,
    ORG,
    LOC,
    MISC,
}

impl From<Label> for EntityLabel {
    fn from(l: Label) -> Self {
        match l {
            Label::Per => EntityLabel::PER,
            Label::Org => EntityLabel::ORG,
            Label::Loc => EntityLabel::LOC,
            Label::Misc => EntityLabel::MISC,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TokenizeOptions {
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Option<LangOption>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExtractOptions {
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Option<LangOption>,
    /// `YYYY-MM-DD`; anchors relative dates such as "el mes pasado".
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reference_date: Option<String>,
    /// The layers to compute; all of them when absent.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub include: Option<Vec<Layer>>,
}

/// What `highlight` can mark: an entity label or a layer.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum HighlightLayer {
    PER,
    ORG,
    LOC,
    MISC,
    #[serde(rename = "dates")]
    Dates,
    #[serde(rename = "quantities")]
    Quantities,
    #[serde(rename = "quotes")]
    Quotes,
    #[serde(rename = "terms")]
    Terms,
}

impl From<Label> for HighlightLayer {
    fn from(l: Label) -> Self {
        match l {
            Label::Per => HighlightLayer::PER,
            Label::Org => HighlightLayer::ORG,
            Label::Loc => HighlightLayer::LOC,
            Label::Misc => HighlightLayer::MISC,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HighlightOptions {
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Option<LangOption>,
    /// What to mark: entity labels and layers. When absent, every entity
    /// label, dates, quantities, quotes, and the terms if `terms` is given.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub include: Option<Vec<HighlightLayer>>,
    /// `YYYY-MM-DD`; anchors relative dates such as "el mes pasado".
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reference_date: Option<String>,
    /// Search terms to mark: whole words, ignoring case and accents.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub terms: Option<Vec<String>>,
    /// Whether terms also match their inflections ("camión" finds "camiones").
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub stem: Option<bool>,
    /// Prepended to each label to make the class: `lupa-` gives `lupa-PER`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub class_prefix: Option<String>,
}

/// How `highlightElement` marks: `auto` uses the CSS Custom Highlight API
/// where the browser has it, else `<mark>` elements.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum HighlightMode {
    #[default]
    Auto,
    HighlightApi,
    Mark,
}

/// The options of `highlightElement`: those of `highlight`, and `mode`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HighlightElementOptions {
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Option<LangOption>,
    /// What to mark: entity labels and layers. When absent, every entity
    /// label, dates, quantities, quotes, and the terms if `terms` is given.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub include: Option<Vec<HighlightLayer>>,
    /// `YYYY-MM-DD`; anchors relative dates such as "el mes pasado".
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reference_date: Option<String>,
    /// Search terms to mark: whole words, ignoring case and accents.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub terms: Option<Vec<String>>,
    /// Whether terms also match their inflections ("camión" finds "camiones").
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub stem: Option<bool>,
    /// Prepended to each label to make the class and the highlight name: `lupa-` gives `lupa-PER`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub class_prefix: Option<String>,
    /// `auto` (the default): the CSS Custom Highlight API where the browser has it, else `<mark>` elements.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub mode: Option<HighlightMode>,
}

impl HighlightElementOptions {
    /// The options that choose what to mark, apart from how.
    pub fn highlight_options(&self) -> HighlightOptions {
        HighlightOptions {
            lang: self.lang,
            include: self.include.clone(),
            reference_date: self.reference_date.clone(),
            terms: self.terms.clone(),
            stem: self.stem,
            class_prefix: self.class_prefix.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FindTermsOptions {
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Option<LangOption>,
    /// Whether terms also match their inflections.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub stem: Option<bool>,
}

impl OptionsObject for TokenizeOptions {
    const FIELDS: &'static [&'static str] = &["lang"];
}

impl OptionsObject for ExtractOptions {
    const FIELDS: &'static [&'static str] = &["lang", "referenceDate", "include"];
}

impl OptionsObject for HighlightOptions {
    const FIELDS: &'static [&'static str] = &["lang", "include", "referenceDate", "terms", "stem", "classPrefix"];
}

impl OptionsObject for HighlightElementOptions {
    const FIELDS: &'static [&'static str] =
        &["lang", "include", "referenceDate", "terms", "stem", "classPrefix", "mode"];
}

impl OptionsObject for FindTermsOptions {
    const FIELDS: &'static [&'static str] = &["lang", "stem"];
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
    /// Index into the sentences of the text.
    pub sentence: u32,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SentenceSpan {
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Entity {
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub label: EntityLabel,
    /// Mentions of one entity share an id.
    pub id: u32,
    /// The entity's name: its longest mention ("Vladimir Putin" for "Putin").
    pub canonical: String,
}

/// A span of the text: where it is and what it says.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TextSpan {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// A date, time, duration or set of times.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DateSpan {
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub kind: DateKind,
    /// ISO 8601 at the expression's grain: `2023-09-17`, `2022-02`, `2023-W38`, `P9M`, `T15:30`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub value: Option<String>,
    /// For ranges ("del 3 al 5 de mayo"), the value of the end; `value` is the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub end_value: Option<String>,
    /// Why there is no `value`, e.g. a relative date without `referenceDate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub unresolved: Option<String>,
}

/// A number, amount of money, percentage, ordinal or measure.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Quantity {
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub kind: QuantityKind,
    pub value: f64,
    /// The unit or counted noun: "km", "residentes".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub unit: Option<String>,
    /// ISO 4217 code for money: "EUR", "USD".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub currency: Option<String>,
}

/// Who is quoted: a named entity (with its `entity` id) or a noun phrase.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Speaker {
    pub text: String,
    pub start: u32,
    pub end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub entity: Option<u32>,
}

/// A quotation: the quoted words (without the marks), its speaker and cue.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Quote {
    pub text: String,
    pub start: u32,
    pub end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase: "dijo", "según", "said".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cue: Option<TextSpan>,
    /// A short quote with no cue: irony or distance ("últimos años"), not speech.
    pub scare: bool,
}

/// A key phrase of the text; a higher score is more important, in (0, 1].
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Keyword {
    pub text: String,
    pub score: f64,
    pub count: u32,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum DetectedLang {
    Es,
    En,
    Unknown,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Extraction {
    /// The language the text was analysed as; `unknown` when detection found
    /// neither Spanish nor English (the analysis then uses Spanish rules).
    pub lang: DetectedLang,
    pub sentences: Vec<SentenceSpan>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateSpan>,
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
    pub keywords: Vec<Keyword>,
}

/// Converts byte spans of one text to UTF-16 spans, taking each span's text.
struct Spans<'a> {
    text: &'a str,
    map: Utf16Offsets<'a>,
}

impl<'a> Spans<'a> {
    fn new(text: &'a str) -> Self {
        Spans { text, map: Utf16Offsets::new(text) }
    }
    fn span(&mut self, start: usize, end: usize) -> (u32, u32) {
        (self.map.to_utf16(start) as u32, self.map.to_utf16(end) as u32)
    }
    fn text(&self, start: usize, end: usize) -> String {
        self.text[start..end].to_owned()
    }
    fn text_span(&mut self, start: usize, end: usize) -> TextSpan {
        let (s, e) = self.span(start, end);
        TextSpan { text: self.text(start, end), start: s, end: e }
    }
}

/// Tokens with their kinds, UTF-16 offsets and sentence indices.
///
/// ```
/// let tokens = lupa::tokenize("¡Hola, 😀!", &Default::default()).unwrap();
/// let texts: Vec<_> = tokens.iter().map(|t| (t.text.as_str(), t.start, t.end)).collect();
/// assert_eq!(texts, [("¡", 0, 1), ("Hola", 1, 5), (",", 5, 6), ("😀", 7, 9), ("!", 9, 10)]);
/// ```
pub fn tokenize(text: &str, opts: &TokenizeOptions) -> Result<Vec<Token>, Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let mut spans = Spans::new(text);
    Ok(tokenize::tokenize(text, lang)
        .into_iter()
        .map(|t| {
            let (start, end) = spans.span(t.start, t.end);
            Token { text: spans.text(t.start, t.end), kind: t.kind, start, end, sentence: t.sentence as u32 }
        })
        .collect())
}

/// The compact form of [`tokenize`]: `[start, end, kind]` triples, UTF-16
/// offsets, `kind` an index into `word, number, punct, symbol, url, email,
/// hashtag, mention, emoji`.
pub fn token_spans(text: &str, opts: &TokenizeOptions) -> Result<Vec<u32>, Error> {
    let mut out: Vec<u32> = Vec::new();
    token_spans_each(text, opts, |chunk, total| {
        if out.is_empty() {
            // The first chunk gives the token rate.
            out.reserve_exact(total);
        }
        out.extend_from_slice(chunk)
    })?;
    Ok(out)
}

/// How many tokens [`token_spans_each`] and [`token_quads_each`] hand over at a time.
pub const TOKEN_CHUNK: usize = 16 * 1024;

/// [`token_spans`] in chunks of at most [`TOKEN_CHUNK`] triples, each passed
/// to `f` in order with an estimate of the whole output's length in u32s
/// (from the token rate so far; exact with the last chunk): written straight from the scanner, converting offsets on
/// the way (one forward pass over the text), into one small reused buffer,
/// so the whole result never exists on the Rust side.
pub fn token_spans_each(text: &str, opts: &TokenizeOptions, mut f: impl FnMut(&[u32], usize)) -> Result<(), Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    triples(text, lang, |buf, total| f(buf, total));
    Ok(())
}

/// [`token_spans`] as the filled chunks themselves, each of at most
/// [`TOKEN_CHUNK`] triples, in order: the wasm facade copies them into one
/// `Uint32Array` of the exact length, the only copy of the result.
pub fn token_spans_chunks(text: &str, opts: &TokenizeOptions) -> Result<Vec<Vec<u32>>, Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let mut chunks = Vec::new();
    triples(text, lang, |buf, _| chunks.push(std::mem::take(buf)));
    Ok(chunks)
}

/// The scan of [`token_spans`], writing triples into buffers of
/// [`TOKEN_CHUNK`] tokens: `full(buf, total)` gets each buffer when it is full
/// (and the last one), with the estimate of [`token_spans_each`], and may take
/// it (a fresh one follows) or leave it to be cleared and reused.
fn triples(text: &str, lang: crate::lang::Lang, mut full: impl FnMut(&mut Vec<u32>, usize)) {
    let mut map = Utf16Offsets::new(text);
    let mut buf: Vec<u32> = Vec::with_capacity(3 * TOKEN_CHUNK);
    let (mut count, mut done) = (0, 0);
    tokenize::scan_each(text, lang, |start, end, kind| {
        let s = map.to_utf16(start) as u32;
        let e = map.to_utf16(end) as u32;
        // Three pushes into a buffer that never grows (`extend_from_slice`
        // stays an out-of-line call at the wasm build's opt-level).
        buf.push(s);
        buf.push(e);
        buf.push(kind.code());
        count += 1;
        done = end;
        if buf.len() == 3 * TOKEN_CHUNK {
            full(&mut buf, 3 * tokenize::estimate(text.len(), done, count));
            if buf.capacity() == 0 {
                buf = Vec::with_capacity(3 * TOKEN_CHUNK);
            }
            buf.clear();
        }
    });
    if !buf.is_empty() {
        full(&mut buf, 3 * count);
    }
}

/// [`tokenize`] without the texts, in chunks of at most [`TOKEN_CHUNK`]
/// tokens passed to `f` in order: `[start, end, kind, sentence]` for every
/// token, UTF-16 offsets, `kind` as in [`token_spans`].
pub fn token_quads_each(text: &str, opts: &TokenizeOptions, mut f: impl FnMut(&[u32])) -> Result<(), Error> {
    token_records(text, opts, 4, |t, s, e, _| [s, e, t.kind.code(), t.sentence as u32, 0], &mut f)
}

/// No text id: the token's text is to be sliced from the caller's string.
pub const NO_TEXT_ID: u32 = u32::MAX;

/// Distinct token texts given ids by [`token_records_each`] (fewer for short
/// texts, see [`TextIds`]): the most frequent words of a language, which make
/// most of any text's tokens, come first.
const MAX_TEXT_IDS: usize = 32 * 1024;
/// Longer tokens (URLs, long numbers) rarely repeat.
const MAX_TEXT_ID_BYTES: usize = 24;

/// [`token_quads_each`] with a fifth number per token, `[start, end, kind,
/// sentence, text id]`: tokens of the same text share an id (numbered from 0
/// in order of first appearance), so that the JS facade slices each distinct
/// text once and shares the string (a JS string per token, and its garbage,
/// is most of building the objects). [`NO_TEXT_ID`] for a token to slice on
/// its own: a long one, one beyond the first [`MAX_TEXT_IDS`] distinct texts,
/// or one holding U+FFFD, which may stand for different lone surrogates of
/// the original string.
pub fn token_records_each(text: &str, opts: &TokenizeOptions, mut f: impl FnMut(&[u32])) -> Result<(), Error> {
    let maybe_lone = may_have_lone_surrogates(text);
    let mut ids = TextIds::new(text);
    token_records(
        text,
        opts,
        5,
        |t, s, e, text| {
            let id = if t.end - t.start > MAX_TEXT_ID_BYTES || (maybe_lone && text[t.start..t.end].contains('\u{FFFD}')) {
                NO_TEXT_ID
            } else {
                ids.id(t.start, t.end)
            };
            [s, e, t.kind.code(), t.sentence as u32, id]
        },
        &mut f,
    )
}

/// Whether `text`, as decoded from a JS string, may have had lone
/// surrogates, which arrive as U+FFFD: a byte search for its first byte
/// first, as `str::contains` of a non-ASCII char is a substring search.
pub fn may_have_lone_surrogates(text: &str) -> bool {
    text.as_bytes().contains(&0xEF) && text.contains('\u{FFFD}')
}

/// The ids of [`token_records_each`]: an open-addressing table probed with a
/// hash of a token's first and last eight bytes and its length. Each id keeps
/// those bytes, which are the whole token up to 16 bytes, so that nearly
/// every compare is of two words in a small table, not of the text far back
/// where the token first appeared. A hash map of `&str` took ~40 ns a token
/// in wasm.
struct TextIds<'t> {
    text: &'t [u8],
    /// Zero for an empty slot, else the hash's top 16 bits above `id + 1`.
    slots: Vec<u32>,
    /// Each id's key and its first token's start.
    keys: Vec<(Key, u32)>,
    /// At most half the slots are used.
    max_ids: usize,
}

/// A token's first and last eight bytes (overlapping; below eight, its first
/// and last four, or its first, middle and last byte) and its length: the
/// whole token up to 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key(u64, u64, u32);

impl<'t> TextIds<'t> {
    fn new(text: &'t str) -> Self {
        // Sized for the text's tokens, so a short text does not clear a large table.
        let slots = (2 * tokenize::estimate(text.len(), 0, 0)).clamp(64, 2 * MAX_TEXT_IDS).next_power_of_two();
        TextIds { text: text.as_bytes(), slots: vec![0; slots], keys: Vec::new(), max_ids: slots / 2 }
    }

    fn key(w: &[u8]) -> Key {
        let n = w.len();
        let u64_at = |k: usize| u64::from_le_bytes(w[k..k + 8].try_into().unwrap());
        // No `copy_from_slice` into a padded word: a small copy is a call in
        // wasm. Below eight bytes, overlapping loads cover every byte too.
        let u32_at = |k: usize| u32::from_le_bytes(w[k..k + 4].try_into().unwrap()) as u64;
        let (a, b) = match n {
            8.. => (u64_at(0), u64_at(n - 8)),
            4..=7 => (u32_at(0) | u32_at(n - 4) << 32, 0),
            1..=3 => (w[0] as u64 | (w[n / 2] as u64) << 8 | (w[n - 1] as u64) << 16, 0),
            0 => (0, 0),
        };
        Key(a, b, n as u32)
    }

    /// The id of the text at `start..end` (at most [`MAX_TEXT_ID_BYTES`]), or
    /// [`NO_TEXT_ID`] if it is new and the table full.
    fn id(&mut self, start: usize, end: usize) -> u32 {
        let w = &self.text[start..end];
        let key = Self::key(w);
        // A product's high bits depend on all of its input's bits: the slot
        // comes from the top, the tag from below it.
        let h = key.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key.1.rotate_left(29) ^ key.2 as u64;
        let h = (h ^ h >> 32).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        let tag = (h >> 16) as u32 & 0xFFFF;
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.slots.len().trailing_zeros())) as usize;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                if self.keys.len() >= self.max_ids {
                    return NO_TEXT_ID;
                }
                let id = self.keys.len() as u32;
                self.keys.push((key, start as u32));
                self.slots[i] = tag << 16 | (id + 1);
                return id;
            }
            if slot >> 16 == tag {
                let id = (slot & 0xFFFF) - 1;
                let (k, s) = self.keys[id as usize];
                // The middle bytes of a token of 17 to 24 bytes are not in its key.
                if k == key && (w.len() <= 16 || self.text[s as usize..s as usize + w.len()] == *w) {
                    return id;
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// The chunks of [`token_quads_each`] and [`token_records_each`]: the first
/// `width` numbers of `record(token, start, end, text)` for every token.
fn token_records<'t>(
    text: &'t str,
    opts: &TokenizeOptions,
    width: usize,
    mut record: impl FnMut(&tokenize::Token, u32, u32, &'t str) -> [u32; 5],
    f: &mut impl FnMut(&[u32]),
) -> Result<(), Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let mut map = Utf16Offsets::new(text);
    let mut buf: Vec<u32> = Vec::with_capacity(width * TOKEN_CHUNK.min(tokenize::estimate(text.len(), 0, 0)));
    // Straight from the scan, sentences numbered on the way: no token list.
    tokenize::tokenize_each(text, lang, |t| {
        let s = map.to_utf16(t.start) as u32;
        let e = map.to_utf16(t.end) as u32;
        let r = record(t, s, e, text);
        for &x in &r[..width] {
            buf.push(x);
        }
        if buf.len() == width * TOKEN_CHUNK {
            f(&buf);
            buf.clear();
        }
    });
    if !buf.is_empty() {
        f(&buf);
    }
    Ok(())
}

fn include(layers: &Option<Vec<Layer>>) -> Include {
    match layers {
        None => Include::default(),
        Some(list) => Include {
            entities: list.contains(&Layer::Entities),
            dates: list.contains(&Layer::Dates),
            quantities: list.contains(&Layer::Quantities),
            quotes: list.contains(&Layer::Quotes),
            keywords: list.contains(&Layer::Keywords),
        },
    }
}

fn reference_date(option: &Option<String>) -> Result<Option<CivilDate>, Error> {
    match option {
        None => Ok(None),
        Some(s) => Ok(Some(CivilDate::parse(s).map_err(|e| Error(format!("invalid option `referenceDate`: {e}")))?)),
    }
}

impl ExtractOptions {
    fn resolve(&self) -> Result<extract::Options, Error> {
        Ok(extract::Options {
            lang: self.lang.unwrap_or_default().lang(),
            reference_date: reference_date(&self.reference_date)?,
            include: include(&self.include),
        })
    }
}

/// One field of an [`Extraction`], as [`extract_fields`] hands it over.
pub enum ExtractionField {
    Lang(DetectedLang),
    Sentences(Vec<SentenceSpan>),
    Entities(Vec<Entity>),
    Dates(Vec<DateSpan>),
    Quantities(Vec<Quantity>),
    Quotes(Vec<Quote>),
    Keywords(Vec<Keyword>),
}

impl ExtractionField {
    /// The field's name in the result object.
    pub fn name(&self) -> &'static str {
        match self {
            ExtractionField::Lang(_) => "lang",
            ExtractionField::Sentences(_) => "sentences",
            ExtractionField::Entities(_) => "entities",
            ExtractionField::Dates(_) => "dates",
            ExtractionField::Quantities(_) => "quantities",
            ExtractionField::Quotes(_) => "quotes",
            ExtractionField::Keywords(_) => "keywords",
        }
    }
}

/// Sentences, language and entities, with UTF-16 offsets.
pub fn extract(text: &str, opts: &ExtractOptions) -> Result<Extraction, Error> {
    let mut out = Extraction {
        lang: DetectedLang::Unknown,
        sentences: Vec::new(),
        entities: Vec::new(),
        dates: Vec::new(),
        quantities: Vec::new(),
        quotes: Vec::new(),
        keywords: Vec::new(),
    };
    extract_fields(text, opts, |field| match field {
        ExtractionField::Lang(v) => out.lang = v,
        ExtractionField::Sentences(v) => out.sentences = v,
        ExtractionField::Entities(v) => out.entities = v,
        ExtractionField::Dates(v) => out.dates = v,
        ExtractionField::Quantities(v) => out.quantities = v,
        ExtractionField::Quotes(v) => out.quotes = v,
        ExtractionField::Keywords(v) => out.keywords = v,
    })?;
    Ok(out)
}

/// [`extract`] field by field, in the order of [`Extraction`]'s fields: each
/// layer is converted to UTF-16 spans and handed to `f` only when the layers
/// before it are, and its byte-offset form is freed as it is converted, so a
/// caller that passes each field on (to JS) never holds the whole result twice.
pub fn extract_fields(text: &str, opts: &ExtractOptions, mut f: impl FnMut(ExtractionField)) -> Result<(), Error> {
    check_size(text)?;
    let x = extract::extract(text, &opts.resolve()?);
    let mut spans = Spans::new(text);
    f(ExtractionField::Lang(match x.lang {
        Some(Lang::Es) => DetectedLang::Es,
        Some(Lang::En) => DetectedLang::En,
        None => DetectedLang::Unknown,
    }));
    let extract::Extraction { sentences, entities, dates, quantities, quotes, keywords, .. } = x;
    f(ExtractionField::Sentences(
        sentences
            .into_iter()
            .map(|s| {
                let (start, end) = spans.span(s.start, s.end);
                SentenceSpan { start, end }
            })
            .collect(),
    ));
    f(ExtractionField::Entities(
        entities
            .into_iter()
            .map(|e| {
                let (start, end) = spans.span(e.start, e.end);
                Entity { text: spans.text(e.start, e.end), start, end, label: e.label.into(), id: e.id as u32, canonical: e.canonical }
            })
            .collect(),
    ));
    f(ExtractionField::Dates(
        dates
            .into_iter()
            .map(|d| {
                let TextSpan { text, start, end } = spans.text_span(d.start, d.end);
                DateSpan {
                    text,
                    start,
                    end,
                    kind: d.kind,
                    value: d.value,
                    end_value: d.end_value,
                    unresolved: d.unresolved.map(str::to_owned),
                }
            })
            .collect(),
    ));
    f(ExtractionField::Quantities(
        quantities
            .into_iter()
            .map(|q| {
                let TextSpan { text, start, end } = spans.text_span(q.start, q.end);
                Quantity { text, start, end, kind: q.kind, value: q.value, unit: q.unit, currency: q.currency.map(str::to_owned) }
            })
            .collect(),
    ));
    f(ExtractionField::Quotes(
        quotes
            .into_iter()
            .map(|q| {
                let TextSpan { text, start, end } = spans.text_span(q.start, q.end);
                let speaker = q.speaker.as_ref().map(|s| {
                    let TextSpan { text, start, end } = spans.text_span(s.start, s.end);
                    Speaker { text, start, end, entity: s.entity.map(|id| id as u32) }
                });
                let cue = q.cue.map(|(s, e)| spans.text_span(s, e));
                Quote { text, start, end, speaker, cue, scare: q.scare }
            })
            .collect(),
    ));
    f(ExtractionField::Keywords(
        keywords.into_iter().map(|k| Keyword { text: k.text, score: k.score, count: k.count as u32 }).collect(),
    ));
    Ok(())
}

/// What a highlighted span is: an entity label or a layer. The class of its
/// mark is the class prefix and this: `lupa-PER`, `lupa-date`.
#[allow(clippy::upper_case_acronyms, non_camel_case_types)]
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum MarkLabel {
    PER,
    ORG,
    LOC,
    MISC,
    date,
    quantity,
    quote,
    term,
}

impl MarkLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            MarkLabel::PER => "PER",
            MarkLabel::ORG => "ORG",
            MarkLabel::LOC => "LOC",
            MarkLabel::MISC => "MISC",
            MarkLabel::date => "date",
            MarkLabel::quantity => "quantity",
            MarkLabel::quote => "quote",
            MarkLabel::term => "term",
        }
    }

    /// Among marks with the same extent, which goes outside: a quote around
    /// an entity around a date, quantity or term.
    pub fn rank(self) -> u8 {
        match self {
            MarkLabel::quote => 0,
            MarkLabel::PER | MarkLabel::ORG | MarkLabel::LOC | MarkLabel::MISC => 1,
            MarkLabel::date => 2,
            MarkLabel::quantity => 3,
            MarkLabel::term => 4,
        }
    }
}

impl From<Label> for MarkLabel {
    fn from(l: Label) -> Self {
        match l {
            Label::Per => MarkLabel::PER,
            Label::Org => MarkLabel::ORG,
            Label::Loc => MarkLabel::LOC,
            Label::Misc => MarkLabel::MISC,
        }
    }
}

/// A highlighted span, as `highlightElement` reports it; its fields are the
/// `data-*` attributes of its `<mark>` in `highlight`'s HTML.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Marked {
    pub text: String,
    pub label: MarkLabel,
    /// The entity id; mentions of one entity share it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub id: Option<u32>,
    /// The normalised value: ISO 8601 for dates (`2023-09-17`, `P9M`, `2023-05-03/2023-05-05`
    /// for ranges), the number for quantities (`1500000`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub value: Option<String>,
    /// The date kind (`date`, `time`, `duration`, `set`) or quantity kind (`money`, `percent`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: Option<String>,
    /// The unit or counted noun of a quantity: "km".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub unit: Option<String>,
    /// ISO 4217 code of an amount of money: "EUR".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub currency: Option<String>,
    /// Who is quoted, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub speaker: Option<String>,
    /// The search term a term match matched, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub term: Option<String>,
    /// A scare quote: a short quote with no cue, irony rather than speech.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub scare: bool,
}

impl Marked {
    /// A span's description, without its text (see [`Annotation`]).
    fn new(label: MarkLabel) -> Marked {
        Marked {
            text: String::new(),
            label,
            id: None,
            value: None,
            kind: None,
            unit: None,
            currency: None,
            speaker: None,
            term: None,
            scare: false,
        }
    }

    /// The `data-*` attributes of this span's marks, `label` first.
    pub fn data(&self) -> Vec<(&'static str, String)> {
        let mut data = vec![("label", self.label.as_str().to_owned())];
        data.extend(self.id.map(|id| ("id", id.to_string())));
        let optional = [
            ("value", &self.value),
            ("kind", &self.kind),
            ("unit", &self.unit),
            ("currency", &self.currency),
            ("speaker", &self.speaker),
            ("term", &self.term),
        ];
        data.extend(optional.into_iter().filter_map(|(name, v)| v.clone().map(|v| (name, v))));
        if self.scare {
            data.push(("scare", "true".to_owned()));
        }
        data
    }
}

/// One span to highlight: a byte range of the text and what it is. Its
/// `marked.text` is left empty: copying the text of every span would be
/// quadratic for nested quotes, and the HTML renderer has no use for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub marked: Marked,
}

/// The highlight options, checked.
pub struct HighlightPlan {
    pub class_prefix: String,
    layers: Vec<HighlightLayer>,
    options: extract::Options,
    terms: Vec<String>,
    stem: bool,
}

impl HighlightOptions {
    /// Checks the options, naming the first bad one.
    pub fn plan(&self) -> Result<HighlightPlan, Error> {
        let prefix = self.class_prefix.as_deref().unwrap_or("lupa-");
        if !highlight::is_valid_class_prefix(prefix) {
            return Err(Error(format!(
                "invalid option `classPrefix`: {prefix:?} must be at most 64 ASCII letters, digits, '-' or '_'"
            )));
        }
        use HighlightLayer::*;
        let layers = match &self.include {
            Some(list) => list.clone(),
            None => {
                let mut all = vec![PER, ORG, LOC, MISC, Dates, Quantities, Quotes];
                all.extend(self.terms.is_some().then_some(Terms));
                all
            }
        };
        let has = |l| layers.contains(&l);
        let include = Include {
            entities: [PER, ORG, LOC, MISC].into_iter().any(has),
            dates: has(Dates),
            quantities: has(Quantities),
            quotes: has(Quotes),
            keywords: false,
        };
        Ok(HighlightPlan {
            class_prefix: prefix.to_owned(),
            options: extract::Options {
                lang: self.lang.unwrap_or_default().lang(),
                reference_date: reference_date(&self.reference_date)?,
                include,
            },
            terms: if has(Terms) { self.terms.clone().unwrap_or_default() } else { Vec::new() },
            stem: self.stem.unwrap_or(false),
            layers,
        })
    }
}

/// The spans to highlight in `text`, in document order: by start, and at one
/// start the longer first, then quotes, entities, dates, quantities, terms.
/// That is also the nesting order: an earlier span contains a later one that
/// starts inside it.
pub fn annotate(text: &str, plan: &HighlightPlan) -> Result<Vec<Annotation>, Error> {
    check_size(text)?;
    let x = extract::extract(text, &plan.options);
    let mut out = Vec::new();
    let mut add = |start: usize, end: usize, marked: Marked| out.push(Annotation { start, end, marked });
    for q in &x.quotes {
        let mut m = Marked::new(MarkLabel::quote);
        m.speaker = q.speaker.as_ref().map(|s| text[s.start..s.end].to_owned());
        m.scare = q.scare;
        add(q.start, q.end, m);
    }
    for e in &x.entities {
        let label = MarkLabel::from(e.label);
        if plan.layers.contains(&HighlightLayer::from(e.label)) {
            let mut m = Marked::new(label);
            m.id = Some(e.id as u32);
            add(e.start, e.end, m);
        }
    }
    for d in &x.dates {
        let mut m = Marked::new(MarkLabel::date);
        m.value = d.value.as_ref().map(|v| match &d.end_value {
            Some(end) => format!("{v}/{end}"),
            None => v.clone(),
        });
        m.kind = Some(d.kind.as_str().to_owned());
        add(d.start, d.end, m);
    }
    for q in &x.quantities {
        let mut m = Marked::new(MarkLabel::quantity);
        m.value = Some(q.value.to_string());
        m.kind = Some(q.kind.as_str().to_owned());
        m.unit = q.unit.clone();
        m.currency = q.currency.map(str::to_owned);
        add(q.start, q.end, m);
    }
    if !plan.terms.is_empty() {
        let lang = x.lang.unwrap_or(Lang::Es);
        let terms = highlight::terms::Terms::new(&plan.terms, lang, plan.stem);
        for t in terms.find(text, &tokenize::tokenize(text, lang)) {
            let mut m = Marked::new(MarkLabel::term);
            m.term = Some(plan.terms[t.term].clone());
            add(t.start, t.end, m);
        }
    }
    out.sort_by(|a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.marked.label.rank().cmp(&b.marked.label.rank()))
    });
    Ok(out)
}

/// Safe HTML of `text` with entities, dates, quantities, quotes and search
/// terms wrapped in `<mark>`, nested where they overlap.
///
/// ```
/// let html = lupa::highlight("<b>hola</b>", &Default::default()).unwrap();
/// assert_eq!(html, "&lt;b&gt;hola&lt;/b&gt;");
/// ```
pub fn highlight(text: &str, opts: &HighlightOptions) -> Result<String, Error> {
    let plan = opts.plan()?;
    let marks: Vec<Mark> = annotate(text, &plan)?
        .into_iter()
        .map(|a| Mark {
            start: a.start,
            end: a.end,
            class: a.marked.label.as_str().to_owned(),
            data: a.marked.data(),
        })
        .collect();
    Ok(highlight::render(text, &marks, &plan.class_prefix))
}

/// How `highlightElement` marked the element.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum MarkingMode {
    /// Ranges registered with the CSS Custom Highlight API, named like the
    /// classes (`lupa-PER`), for `::highlight(lupa-PER)` rules.
    HighlightApi,
    /// `<mark>` elements around pieces of text nodes.
    Mark,
}

/// What `highlightElement` marked, in document order. A span split across
/// elements (`<b>Vladimir</b> Putin`) is one entry.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ElementHighlights {
    pub mode: MarkingMode,
    pub marks: Vec<Marked>,
}

/// A match of a search term, with UTF-16 offsets.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct FoundTerm {
    pub text: String,
    pub start: u32,
    pub end: u32,
    /// The term that matched, as given.
    pub term: String,
}

/// Where `terms` occur in `text`: whole words, ignoring case and accents,
/// leftmost-longest and without overlaps.
///
/// ```
/// let opts = lupa::api::FindTermsOptions { stem: Some(true), ..Default::default() };
/// let found = lupa::api::find_terms("Dos camiones en Azerbaiyán", &["camion".into(), "azerbaiyan".into()], &opts).unwrap();
/// let found: Vec<_> = found.iter().map(|t| (t.text.as_str(), t.start, t.end)).collect();
/// assert_eq!(found, [("camiones", 4, 12), ("Azerbaiyán", 16, 26)]);
/// ```
pub fn find_terms(text: &str, terms: &[String], opts: &FindTermsOptions) -> Result<Vec<FoundTerm>, Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let tokens = tokenize::tokenize(text, lang);
    let matcher = highlight::terms::Terms::new(terms, lang, opts.stem.unwrap_or(false));
    let mut spans = Spans::new(text);
    Ok(matcher
        .find(text, &tokens)
        .into_iter()
        .map(|m| {
            let TextSpan { text, start, end } = spans.text_span(m.start, m.end);
            FoundTerm { text, start, end, term: terms[m.term].clone() }
        })
        .collect())
}
