//! The options of every entry point, and their validation: a bad option is
//! refused with a message that names it.

use super::Error;
use crate::extract::{self, calendar::CivilDate, Include};
use crate::extract::patterns::{Engine, PatternSpec, Patterns};
use crate::highlight::{self, plan::Plan};
use crate::lang::Lang;
use crate::ner::Label;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

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
    check_names_at("", T::FIELDS, names)
}

/// [`check_option_names`] for the objects of the `patterns` list, which the
/// same deserializers would also pass over: `patterns[0].ignoreCase`.
pub fn check_pattern_option_names(index: usize, names: impl IntoIterator<Item = String>) -> Result<(), Error> {
    check_names_at(&format!("patterns[{index}]."), PatternOption::FIELDS, names)
}

fn check_names_at(path: &str, fields: &[&str], names: impl IntoIterator<Item = String>) -> Result<(), Error> {
    for name in names {
        if !fields.contains(&name.as_str()) {
            let expected: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            return Err(Error(format!("unknown option `{path}{name}`, expected one of {}", expected.join(", "))));
        }
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
    pub(super) fn lang(self) -> Option<Lang> {
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
    /// Regular expressions of your own, found as `patterns` (see [`PatternOption`]).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub patterns: Option<Vec<PatternOption>>,
}

/// A pattern of your own: a regular expression in the syntax of Rust's
/// `regex` crate, matched in time linear in the text whatever the pattern.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatternOption {
    /// What its matches are called (`data-pattern` in highlights): ASCII letters, digits, '-' and '_'.
    pub name: String,
    pub pattern: String,
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub case_insensitive: Option<bool>,
    /// Match ignoring accents and case, through the fold search terms use: "Gonzalez" finds "González".
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub fold_accents: Option<bool>,
}

impl PatternOption {
    const FIELDS: &'static [&'static str] = &["name", "pattern", "caseInsensitive", "foldAccents"];
}

/// The patterns of an options object, compiled; `None` when there are none.
pub(crate) fn compile_patterns(list: &Option<Vec<PatternOption>>, engine: &dyn Engine) -> Result<Option<Patterns>, Error> {
    let Some(list) = list.as_ref().filter(|l| !l.is_empty()) else { return Ok(None) };
    let specs: Vec<PatternSpec> = list
        .iter()
        .map(|p| PatternSpec {
            name: p.name.clone(),
            pattern: p.pattern.clone(),
            case_insensitive: p.case_insensitive.unwrap_or(false),
            fold_accents: p.fold_accents.unwrap_or(false),
        })
        .collect();
    Patterns::compile(&specs, engine).map(Some).map_err(Error)
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
    #[serde(rename = "patterns")]
    Patterns,
}

/// Declares an options struct with the fields that choose what `highlight`
/// marks, then its own: `HighlightOptions` and `HighlightElementOptions`
/// share them from this one list, each with [`highlight_plan`] behind `plan()`.
macro_rules! highlight_options {
    ($(#[$attr:meta])* $name:ident { $($(#[$fattr:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$attr])*
        #[derive(Clone, Debug, Default, Deserialize)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        pub struct $name {
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
            /// Regular expressions of your own, marked `lupa-pattern` with `data-pattern="NAME"`.
            #[cfg_attr(target_arch = "wasm32", tsify(optional))]
            pub patterns: Option<Vec<PatternOption>>,
            $($(#[$fattr])* pub $field: $ty,)*
        }

        impl $name {
            /// Checks the options, naming the first bad one, with the pattern engine linked in.
            pub fn plan(&self) -> Result<Plan, Error> {
                self.plan_with(super::linked_engine())
            }

            /// [`Self::plan`] with the given pattern engine.
            pub fn plan_with(&self, engine: &dyn Engine) -> Result<Plan, Error> {
                let patterns = compile_patterns(&self.patterns, engine)?;
                highlight_plan(self.lang, &self.include, &self.reference_date, &self.terms, self.stem, &self.class_prefix, patterns)
            }
        }
    };
}

highlight_options!(HighlightOptions {});

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

highlight_options!(
    /// The options of `highlightElement`: those of `highlight`, and `mode`.
    HighlightElementOptions {
        /// `auto` (the default): the CSS Custom Highlight API where the browser has it, else `<mark>` elements.
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        mode: Option<HighlightMode>,
    }
);

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
    const FIELDS: &'static [&'static str] = &["lang", "referenceDate", "include", "patterns"];
}

impl OptionsObject for HighlightOptions {
    const FIELDS: &'static [&'static str] = &["lang", "include", "referenceDate", "terms", "stem", "classPrefix", "patterns"];
}

impl OptionsObject for HighlightElementOptions {
    const FIELDS: &'static [&'static str] =
        &["lang", "include", "referenceDate", "terms", "stem", "classPrefix", "patterns", "mode"];
}

impl OptionsObject for FindTermsOptions {
    const FIELDS: &'static [&'static str] = &["lang", "stem"];
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
    pub(super) fn resolve(&self) -> Result<extract::Options, Error> {
        Ok(extract::Options {
            lang: self.lang.unwrap_or_default().lang(),
            reference_date: reference_date(&self.reference_date)?,
            include: include(&self.include),
        })
    }
}

/// The plan of `highlight` from its options, checked.
fn highlight_plan(
    lang: Option<LangOption>,
    include: &Option<Vec<HighlightLayer>>,
    reference: &Option<String>,
    terms: &Option<Vec<String>>,
    stem: Option<bool>,
    class_prefix: &Option<String>,
    patterns: Option<Patterns>,
) -> Result<Plan, Error> {
    {
        let prefix = class_prefix.as_deref().unwrap_or("lupa-");
        if !highlight::is_valid_class_prefix(prefix) {
            return Err(Error(format!(
                "invalid option `classPrefix`: {prefix:?} must be at most 64 ASCII letters, digits, '-' or '_'"
            )));
        }
        use HighlightLayer::*;
        let layers = match include {
            Some(list) => list.clone(),
            None => {
                let mut all = vec![PER, ORG, LOC, MISC, Dates, Quantities, Quotes];
                all.extend(terms.is_some().then_some(Terms));
                all.extend(patterns.is_some().then_some(Patterns));
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
        let labels = [(PER, Label::Per), (ORG, Label::Org), (LOC, Label::Loc), (MISC, Label::Misc)];
        Ok(Plan {
            class_prefix: prefix.to_owned(),
            options: extract::Options { lang: lang.unwrap_or_default().lang(), reference_date: reference_date(reference)?, include },
            labels: labels.into_iter().filter(|&(l, _)| has(l)).map(|(_, l)| l).collect(),
            terms: if has(Terms) { terms.clone().unwrap_or_default() } else { Vec::new() },
            stem: stem.unwrap_or(false),
            patterns: if has(Patterns) { patterns } else { None },
        })
    }
}

