//! Annotations over tokens: entities and, as they land, dates, quantities,
//! quotes and keywords. Every span here is a UTF-8 byte range of the input.

pub mod calendar;
pub mod dates;
pub mod entities;
pub mod keywords;
pub mod lex;
pub mod lexicon;
pub mod numbers;
pub mod quantities;
pub mod quotes;

use crate::lang::{self, Detected, Lang};
use crate::ner::Label;
use crate::tokenize::{self, Sentence, Token};
use calendar::CivilDate;

/// Which layers to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Include {
    pub entities: bool,
    pub dates: bool,
    pub quantities: bool,
    pub quotes: bool,
    pub keywords: bool,
}

impl Default for Include {
    fn default() -> Self {
        Include { entities: true, dates: true, quantities: true, quotes: true, keywords: true }
    }
}

/// Options for [`extract`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `None` detects the language.
    pub lang: Option<Lang>,
    /// Anchors relative dates such as "el mes pasado".
    pub reference_date: Option<CivilDate>,
    pub include: Include,
}

/// A mention of a named entity. Mentions of one entity share `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub id: usize,
    /// The entity's name: its longest mention in the text.
    pub canonical: String,
}

/// Everything [`extract`] finds in one text.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The language used for analysis; `None` when detection found neither.
    pub lang: Option<Lang>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub dates: Vec<dates::DateSpan>,
    pub quantities: Vec<quantities::Quantity>,
    pub quotes: Vec<quotes::Quote>,
    pub keywords: Vec<keywords::Keyword>,
}

/// How many key phrases [`extract`] returns.
pub const KEYWORD_LIMIT: usize = 10;

/// The language to analyse `text` in: the one asked for, else the detected
/// one, else Spanish (the models still find names in text of unknown language).
pub fn resolve_lang(text: &str, asked: Option<Lang>) -> (Lang, Option<Lang>) {
    match asked {
        Some(l) => (l, Some(l)),
        None => match lang::detect(text) {
            Detected::Known(l) => (l, Some(l)),
            Detected::Unknown => (Lang::Es, None),
        },
    }
}

/// Named entities, grouped into entities with shared ids.
fn find_entities(text: &str, tokens: &[Token], sentences: &[Sentence], lang: Lang) -> Vec<Entity> {
    let mentions: Vec<(usize, usize, Label)> = crate::ner::recognise(lang, text, tokens, sentences)
        .into_iter()
        .filter_map(|m| {
            let first = tokens.get(m.tokens.start)?;
            let last = tokens.get(m.tokens.end.checked_sub(1)?)?;
            Some((first.start, last.end, m.label))
        })
        .collect();
    entities::group(text, &mentions, lang)
}

/// Runs the whole pipeline on `text`.
pub fn extract(text: &str, opts: &Options) -> Extraction {
    let (lang, reported) = resolve_lang(text, opts.lang);
    let tokens = tokenize::tokenize(text, lang);
    let sentences = tokenize::sentences(&tokens);
    let inc = opts.include;
    // Quotes link their speakers to entities, so they need the entities even
    // when the caller did not ask for them.
    let entities = if inc.entities || inc.quotes { find_entities(text, &tokens, &sentences, lang) } else { Vec::new() };
    let dates = if inc.dates || inc.quantities {
        dates::find_dates(text, &tokens, lang, opts.reference_date)
    } else {
        Vec::new()
    };
    let quantities =
        if inc.quantities { quantities::find_quantities(text, &tokens, lang, &dates) } else { Vec::new() };
    let quotes =
        if inc.quotes { quotes::find_quotes(text, &tokens, &sentences, lang, &entities) } else { Vec::new() };
    let keywords = if inc.keywords {
        keywords::find_keywords(text, &tokens, &sentences, lang, KEYWORD_LIMIT)
    } else {
        Vec::new()
    };
    Extraction {
        lang: reported,
        tokens,
        sentences,
        entities: if inc.entities { entities } else { Vec::new() },
        dates: if inc.dates { dates } else { Vec::new() },
        quantities,
        quotes,
        keywords,
    }
}
