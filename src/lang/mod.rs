//! Languages Lupa knows: one folder each ([`es`], [`en`]) holding all of the
//! language's data, described by one [`Language`] that [`REGISTRY`] lists.
//! The algorithms never hard-code a word of any language.
//!
//! Adding a language means adding its folder, its [`Lang`] variant and its
//! line in [`REGISTRY`]; `tests::every_language_provides_its_data` says what
//! the folder must provide.

pub mod detect;
pub mod en;
pub mod es;
pub mod lexicon;
pub mod tables;
pub mod stem;

pub use detect::{detect, Detected};

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A language Lupa has data and models for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Es,
    En,
}

/// Every language, in [`Lang`] order.
pub static REGISTRY: [&Language; 2] = [&es::LANGUAGE, &en::LANGUAGE];

/// Everything Lupa knows of one language.
pub struct Language {
    pub lang: Lang,
    /// The ISO 639-1 code, as used in options and output.
    pub code: &'static str,
    /// The English name, for messages.
    pub name: &'static str,
    /// Word lists of the tokenizer, the tagger and the stemmer.
    pub words: &'static LangData,
    /// Word lists of dates, quantities, quotes and key phrases.
    pub lexicon: &'static lexicon::Lexicon,
    /// The NER model's bytes (`models/CODE.bin`); empty in a build without models.
    pub model: &'static [u8],
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The language's description in [`REGISTRY`].
    pub fn language(self) -> &'static Language {
        REGISTRY[self as usize]
    }

    /// The ISO 639-1 code, as used in options and output.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// The per-language word lists.
    pub fn data(self) -> &'static LangData {
        self.language().words
    }

    /// The word lists of the annotation layers.
    pub fn lexicon(self) -> &'static lexicon::Lexicon {
        self.language().lexicon
    }
}

/// One value per language, built on first use: where each layer keeps the
/// tables it derives from a language's data.
pub struct PerLang<T>([OnceLock<T>; Lang::ALL.len()]);

impl<T> PerLang<T> {
    pub const fn new() -> Self {
        PerLang([const { OnceLock::new() }; Lang::ALL.len()])
    }

    /// The value for `lang`, built by `build` the first time.
    pub fn get(&self, lang: Lang, build: impl FnOnce(Lang) -> T) -> &T {
        self.0[lang as usize].get_or_init(|| build(lang))
    }
}

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL.into_iter().find(|l| l.code() == s).ok_or_else(|| {
            let mut msg = format!("unknown language {s:?}: expected ");
            for (i, l) in Lang::ALL.iter().enumerate() {
                msg.push_str(if i == 0 { "\"" } else { " or \"" });
                msg.push_str(l.code());
                msg.push('"');
            }
            msg
        })
    }
}

/// Word lists for one language. Every list is sorted so lookups can binary-search,
/// and every entry is lower-case.
pub struct LangData {
    /// Abbreviations, lower-case, without their final period ("sr", "ee.uu", "p. ej" is "p.ej").
    pub abbreviations: &'static [&'static str],
    /// Function words, used by language detection, keyword extraction and
    /// to keep capitalised sentence-initial words out of the entities.
    pub stop_words: &'static [&'static str],
    /// Titles and roles that precede a name ("presidente", "sr").
    pub titles: &'static [&'static str],
    /// Month names, January first.
    pub months: &'static [&'static str; 12],
    /// Characters that mark a word as written in this language rather than
    /// the others Lupa knows ("ñ", "¿" for Spanish).
    pub marker_chars: &'static str,
    /// The light stemmer's rules, for search terms with `stem: true`.
    pub stemming: &'static [stem::StemStep],
    /// Whether every mention of a name in one text takes the label most of its
    /// mentions have: Spanish gains from it, English loses (its sports pages
    /// use a country's name for the place and for the team); models/README.md
    /// has the figures.
    pub one_label_per_name: bool,
    /// Whether a one-word MISC mention that the organisation list holds is
    /// that organisation: so in Spanish, where a party is a noun ("Morena",
    /// "el PT"); not in English, where "Republican" or "Labour" is as often
    /// an adjective, which CoNLL tags MISC.
    pub listed_misc_is_org: bool,
    /// Names of countries, capitals and regions, lower-case with accents and
    /// sorted: a mention that is exactly one of them is a place (LOC), not an
    /// organisation or MISC, whatever the agent-like context ("Rusia envió a
    /// ...": CoNLL-2002 often says ORG there; readers of the news expect the
    /// country). Empty for a language that has no list.
    pub places: &'static [&'static str],
    /// Words that only sports reports use, lower-case and sorted. In a text
    /// with two or more of them a place name may be a team ("Brasil ganó",
    /// "el Barcelona"), so [`LangData::places`] does not override the tagger.
    pub sport_words: &'static [&'static str],
    /// Words that join a title to the portfolio it holds ("ministro de Asuntos
    /// Exteriores"). A MISC mention right after a title and one of these is
    /// part of the person's role, not a name of its own, and is dropped.
    pub office_links: &'static [&'static str],
}

impl LangData {
    pub fn is_abbreviation(&self, lower: &str) -> bool {
        self.abbreviations.binary_search(&lower).is_ok()
    }
    pub fn is_stop_word(&self, lower: &str) -> bool {
        self.stop_words.binary_search(&lower).is_ok()
    }
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.binary_search(&lower).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_lower_case() {
        for lang in Lang::ALL {
            let d = lang.data();
            for list in [d.abbreviations, d.stop_words, d.titles, d.places, d.sport_words] {
                for pair in list.windows(2) {
                    assert!(pair[0] < pair[1], "{lang}: {:?} before {:?}", pair[0], pair[1]);
                }
                for w in list.iter() {
                    assert_eq!(*w, w.to_lowercase(), "{lang}: {w}");
                }
            }
        }
    }

    /// What a language's folder must provide: its code, word lists that
    /// the algorithms can binary-search, twelve months, stemming rules, the
    /// lexicon of the layers (checked in `extract::lexicon`), and a model
    /// (checked in `ner`, where it is parsed).
    #[test]
    fn every_language_provides_its_data() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            let l = lang.language();
            assert_eq!(l.lang, lang, "REGISTRY is in Lang order");
            assert_eq!(REGISTRY[i].code, lang.code());
            assert_eq!(l.code.len(), 2, "{}: an ISO 639-1 code", l.name);
            assert_eq!(l.code.parse::<Lang>(), Ok(lang));
            let d = l.words;
            for (what, list) in [("abbreviations", d.abbreviations), ("stop words", d.stop_words), ("titles", d.titles)] {
                assert!(!list.is_empty(), "{}: no {what}", l.name);
            }
            assert!(d.months.iter().all(|m| !m.is_empty()), "{}: twelve month names", l.name);
            assert!(!d.stemming.is_empty(), "{}: stemming rules", l.name);
            assert!(!l.lexicon.months.is_empty() && !l.lexicon.cues.is_empty(), "{}: a lexicon", l.name);
            #[cfg(not(lupa_no_models))]
            assert!(!l.model.is_empty(), "{}: a model", l.name);
        }
    }

    #[test]
    fn detects_unknown() {
        assert_eq!(detect(""), Detected::Unknown);
        assert_eq!(detect("12345 !!!"), Detected::Unknown);
        assert_eq!(detect("Der Hund schläft unter dem Tisch und träumt."), Detected::Unknown);
    }
}
