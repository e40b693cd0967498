//! A light part-of-speech lexicon per language (`pos_verbs`, `pos_adjectives`,
//! `pos_others` of each language's lexicon, generated from treebank train
//! files): enough to keep verbs out of key phrases and to tell an
//! introductory adverb ("Later, the Court said") from a name.

use crate::lang::{Lang, PerLang};
use rustc_hash::FxHashMap;

/// The class a word form mostly has; words the lexicon does not list are nouns.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub(crate) enum Pos {
    #[default]
    Noun,
    Verb,
    Adjective,
    /// Adverbs, pronouns, interjections and other words no phrase holds.
    Other,
}

/// The class of the word whose lexicon-fold key is `key`.
///
/// ```ignore
/// assert_eq!(pos_of(Lang::En, "later"), Pos::Other);
/// ```
pub(crate) fn pos_of(lang: Lang, key: &str) -> Pos {
    table(lang).get(key).copied().unwrap_or_default()
}

fn table(lang: Lang) -> &'static FxHashMap<String, Pos> {
    fn build(lang: Lang) -> FxHashMap<String, Pos> {
        let lx = lang.lexicon();
        let mut m = FxHashMap::default();
        for (list, pos) in [(lx.pos_verbs, Pos::Verb), (lx.pos_adjectives, Pos::Adjective), (lx.pos_others, Pos::Other)] {
            m.extend(list.split(' ').filter(|w| !w.is_empty()).map(|w| (crate::text::fold::lexicon(w), pos)));
        }
        m
    }
    static TABLES: PerLang<FxHashMap<String, Pos>> = PerLang::new();
    TABLES.get(lang, build)
}
