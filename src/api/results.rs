//! The result objects, as JavaScript and the CLI receive them: every offset
//! a UTF-16 code-unit index.

use crate::extract::dates::DateKind;
use crate::extract::quantities::QuantityKind;
use super::EntityLabel;
use crate::highlight::plan::Marked;
use crate::tokenize::TokenKind;
use serde::Serialize;

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
    /// A title, honorific, apposition or description kept apart from the
    /// name: "Mr.", "el ministro de Economía", "Republican of Iowa".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub role: Option<TextSpan>,
    /// How the speaker was found: "name", "role", "pronoun" (a pronoun or a
    /// left-out subject, resolved to a mention) or "continuation" (the
    /// speaker of the quote before).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"name\" | \"role\" | \"pronoun\" | \"continuation\""))]
    pub via: &'static str,
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
    /// Matches of the `patterns` option.
    pub patterns: Vec<PatternFound>,
}

/// A match of one of the caller's patterns.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PatternFound {
    pub text: String,
    pub start: u32,
    pub end: u32,
    /// The pattern's name.
    pub name: String,
    /// The named groups that took part in the match, in the pattern's order.
    pub groups: Vec<PatternGroup>,
}

/// A named group of a pattern match.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PatternGroup {
    pub name: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
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
    Patterns(Vec<PatternFound>),
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
            ExtractionField::Patterns(_) => "patterns",
        }
    }
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
