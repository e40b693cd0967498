//! Annotations over tokens: entities and, as they land, dates, quantities,
//! quotes and keywords. Every span here is a UTF-8 byte range of the input.

pub mod calendar;

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
}

/// Everything [`extract`] finds in one text.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The language used for analysis; `None` when detection found neither.
    pub lang: Option<Lang>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
}

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

/// Runs the whole pipeline on `text`.
pub fn extract(text: &str, opts: &Options) -> Extraction {
    let (lang, reported) = resolve_lang(text, opts.lang);
    let tokens = tokenize::tokenize(text, lang);
    let sentences = tokenize::sentences(&tokens);
    let mut entities = Vec::new();
    if opts.include.entities {
        for (id, m) in crate::ner::recognise(lang, text, &tokens, &sentences).into_iter().enumerate() {
            if let (Some(first), Some(last)) = (tokens.get(m.tokens.start), tokens.get(m.tokens.end.wrapping_sub(1))) {
                entities.push(Entity { start: first.start, end: last.end, label: m.label, id });
            }
        }
    }
    Extraction { lang: reported, tokens, sentences, entities }
}
