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
use tsify::Tsify;

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
#[derive(Clone, Copy, Debug, Default, Deserialize, Tsify, PartialEq, Eq)]
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

#[derive(Clone, Copy, Debug, Deserialize, Tsify, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, Serialize, Deserialize, Tsify, PartialEq, Eq)]
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

#[derive(Clone, Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TokenizeOptions {
    #[tsify(optional)]
    pub lang: Option<LangOption>,
}

#[derive(Clone, Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExtractOptions {
    #[tsify(optional)]
    pub lang: Option<LangOption>,
    /// `YYYY-MM-DD`; anchors relative dates such as "el mes pasado".
    #[tsify(optional)]
    pub reference_date: Option<String>,
    /// The layers to compute; all of them when absent.
    #[tsify(optional)]
    pub include: Option<Vec<Layer>>,
}

#[derive(Clone, Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HighlightOptions {
    #[tsify(optional)]
    pub lang: Option<LangOption>,
    /// The entity labels to mark; all of them when absent.
    #[tsify(optional)]
    pub include: Option<Vec<EntityLabel>>,
    /// Prepended to each label to make the class: `lupa-` gives `lupa-PER`.
    #[tsify(optional)]
    pub class_prefix: Option<String>,
}

impl OptionsObject for TokenizeOptions {
    const FIELDS: &'static [&'static str] = &["lang"];
}

impl OptionsObject for ExtractOptions {
    const FIELDS: &'static [&'static str] = &["lang", "referenceDate", "include"];
}

impl OptionsObject for HighlightOptions {
    const FIELDS: &'static [&'static str] = &["lang", "include", "classPrefix"];
}

#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
    /// Index into the sentences of the text.
    pub sentence: u32,
}

#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct SentenceSpan {
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
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
#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct TextSpan {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// A date, time, duration or set of times.
#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DateSpan {
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub kind: DateKind,
    /// ISO 8601 at the expression's grain: `2023-09-17`, `2022-02`, `2023-W38`, `P9M`, `T15:30`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub value: Option<String>,
    /// For ranges ("del 3 al 5 de mayo"), the value of the end; `value` is the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub end_value: Option<String>,
    /// Why there is no `value`, e.g. a relative date without `referenceDate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unresolved: Option<String>,
}

/// A number, amount of money, percentage, ordinal or measure.
#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct Quantity {
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub kind: QuantityKind,
    pub value: f64,
    /// The unit or counted noun: "km", "residentes".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit: Option<String>,
    /// ISO 4217 code for money: "EUR", "USD".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub currency: Option<String>,
}

/// Who is quoted: a named entity (with its `entity` id) or a noun phrase.
#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct Speaker {
    pub text: String,
    pub start: u32,
    pub end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub entity: Option<u32>,
}

/// A quotation: the quoted words (without the marks), its speaker and cue.
#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct Quote {
    pub text: String,
    pub start: u32,
    pub end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase: "dijo", "según", "said".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub cue: Option<TextSpan>,
    /// A short quote with no cue: irony or distance ("últimos años"), not speech.
    pub scare: bool,
}

/// A key phrase of the text; a higher score is more important, in (0, 1].
#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
pub struct Keyword {
    pub text: String,
    pub score: f64,
    pub count: u32,
}

#[derive(Clone, Copy, Debug, Serialize, Tsify, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DetectedLang {
    Es,
    En,
    Unknown,
}

#[derive(Clone, Debug, Serialize, Tsify, PartialEq)]
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
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let mut spans = Spans::new(text);
    let tokens = tokenize::tokenize(text, lang);
    let mut out = Vec::with_capacity(tokens.len() * 3);
    for t in tokens {
        let (start, end) = spans.span(t.start, t.end);
        out.extend([start, end, t.kind.code()]);
    }
    Ok(out)
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

impl ExtractOptions {
    fn resolve(&self) -> Result<extract::Options, Error> {
        let reference_date = match &self.reference_date {
            None => None,
            Some(s) => Some(CivilDate::parse(s).map_err(|e| Error(format!("invalid option `referenceDate`: {e}")))?),
        };
        Ok(extract::Options {
            lang: self.lang.unwrap_or_default().lang(),
            reference_date,
            include: include(&self.include),
        })
    }
}

/// Sentences, language and entities, with UTF-16 offsets.
pub fn extract(text: &str, opts: &ExtractOptions) -> Result<Extraction, Error> {
    check_size(text)?;
    let x = extract::extract(text, &opts.resolve()?);
    let mut spans = Spans::new(text);
    let sentences = x
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = spans.span(s.start, s.end);
            SentenceSpan { start, end }
        })
        .collect();
    let entities = x
        .entities
        .iter()
        .map(|e| {
            let (start, end) = spans.span(e.start, e.end);
            Entity { text: spans.text(e.start, e.end), start, end, label: e.label.into(), id: e.id as u32, canonical: e.canonical.clone() }
        })
        .collect();
    let dates = x
        .dates
        .iter()
        .map(|d| {
            let TextSpan { text, start, end } = spans.text_span(d.start, d.end);
            DateSpan {
                text,
                start,
                end,
                kind: d.kind,
                value: d.value.clone(),
                end_value: d.end_value.clone(),
                unresolved: d.unresolved.map(str::to_owned),
            }
        })
        .collect();
    let quantities = x
        .quantities
        .iter()
        .map(|q| {
            let TextSpan { text, start, end } = spans.text_span(q.start, q.end);
            Quantity { text, start, end, kind: q.kind, value: q.value, unit: q.unit.clone(), currency: q.currency.map(str::to_owned) }
        })
        .collect();
    let quotes = x
        .quotes
        .iter()
        .map(|q| {
            let TextSpan { text, start, end } = spans.text_span(q.start, q.end);
            let speaker = q.speaker.as_ref().map(|s| {
                let TextSpan { text, start, end } = spans.text_span(s.start, s.end);
                Speaker { text, start, end, entity: s.entity.map(|id| id as u32) }
            });
            let cue = q.cue.map(|(s, e)| spans.text_span(s, e));
            Quote { text, start, end, speaker, cue, scare: q.scare }
        })
        .collect();
    let keywords = x
        .keywords
        .iter()
        .map(|k| Keyword { text: k.text.clone(), score: k.score, count: k.count as u32 })
        .collect();
    let lang = match x.lang {
        Some(Lang::Es) => DetectedLang::Es,
        Some(Lang::En) => DetectedLang::En,
        None => DetectedLang::Unknown,
    };
    Ok(Extraction { lang, sentences, entities, dates, quantities, quotes, keywords })
}

/// Safe HTML of `text` with entities wrapped in `<mark>`.
///
/// ```
/// let html = lupa::highlight("<b>hola</b>", &Default::default()).unwrap();
/// assert_eq!(html, "&lt;b&gt;hola&lt;/b&gt;");
/// ```
pub fn highlight(text: &str, opts: &HighlightOptions) -> Result<String, Error> {
    check_size(text)?;
    let prefix = opts.class_prefix.as_deref().unwrap_or("lupa-");
    if !highlight::is_valid_class_prefix(prefix) {
        return Err(Error(format!(
            "invalid option `classPrefix`: {prefix:?} must be at most 64 ASCII letters, digits, '-' or '_'"
        )));
    }
    let options = extract::Options {
        lang: opts.lang.unwrap_or_default().lang(),
        reference_date: None,
        include: Include { entities: true, dates: false, quantities: false, quotes: false, keywords: false },
    };
    let x = extract::extract(text, &options);
    let marks: Vec<Mark> = x
        .entities
        .iter()
        .filter(|e| opts.include.as_ref().is_none_or(|l| l.contains(&e.label.into())))
        .map(|e| Mark {
            start: e.start,
            end: e.end,
            class: e.label.as_str().to_owned(),
            data: vec![("label", e.label.as_str().to_owned()), ("id", e.id.to_string())],
        })
        .collect();
    Ok(highlight::render(text, &marks, prefix))
}
