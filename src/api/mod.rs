//! The public contract, shared by JavaScript and the CLI: validated options
//! in ([`options`]), plain result objects out ([`results`]), with every
//! offset a UTF-16 code-unit index so that `text.slice(start, end)` works in
//! JS ([`stream`]).

mod options;
mod results;
mod stream;

pub use options::*;
pub use results::*;
pub use stream::*;

pub use crate::highlight::plan::{Annotation, MarkLabel, Marked, Plan};
use crate::extract::{self, patterns::Engine};
use crate::highlight::{self, Mark};
use crate::tokenize::{self};
use std::fmt;
use stream::Spans;

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

pub(crate) fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error(format!(
            "input too large: {} bytes (UTF-8); the maximum is {} bytes",
            text.len(),
            MAX_INPUT_BYTES
        )));
    }
    Ok(())
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
        patterns: Vec::new(),
    };
    extract_fields(text, opts, |field| match field {
        ExtractionField::Lang(v) => out.lang = v,
        ExtractionField::Sentences(v) => out.sentences = v,
        ExtractionField::Entities(v) => out.entities = v,
        ExtractionField::Dates(v) => out.dates = v,
        ExtractionField::Quantities(v) => out.quantities = v,
        ExtractionField::Quotes(v) => out.quotes = v,
        ExtractionField::Keywords(v) => out.keywords = v,
        ExtractionField::Patterns(v) => out.patterns = v,
    })?;
    Ok(out)
}

/// The pattern engine of [`extract`] and [`highlight`]: the `lupa-patterns`
/// crate with the `patterns` feature (the CLI has it); otherwise none, and a
/// call with patterns is refused with an error that says so.
pub fn linked_engine() -> &'static dyn Engine {
    #[cfg(feature = "patterns")]
    {
        &extract::patterns::Linked
    }
    #[cfg(not(feature = "patterns"))]
    {
        &extract::patterns::NoEngine("`patterns` needs the pattern engine: build Lupa with the `patterns` feature")
    }
}

/// The spans to highlight in `text` (see [`highlight::plan::annotate`]).
pub fn annotate(text: &str, plan: &Plan) -> Result<Vec<Annotation>, Error> {
    check_size(text)?;
    Ok(highlight::plan::annotate(text, plan))
}

/// Safe HTML of `text` with entities, dates, quantities, quotes and search
/// terms wrapped in `<mark>`, nested where they overlap.
///
/// ```
/// let html = lupa::highlight("<b>hola</b>", &Default::default()).unwrap();
/// assert_eq!(html, "&lt;b&gt;hola&lt;/b&gt;");
/// ```
pub fn highlight(text: &str, opts: &HighlightOptions) -> Result<String, Error> {
    highlight_with(text, opts, linked_engine())
}

/// [`highlight`] with the given pattern engine.
pub fn highlight_with(text: &str, opts: &HighlightOptions, engine: &dyn Engine) -> Result<String, Error> {
    let plan = opts.plan_with(engine)?;
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
