//! English: everything Lupa knows of the language, in this folder.
//!
//! - `words.rs`: abbreviations, stop words, titles, months, the stemmer's rules;
//! - `lexicon.rs`: the word lists of dates, quantities, quotes and key phrases;
//! - `pos.rs`: the key phrases' light part-of-speech lexicon (tools/keywords/pos_lexicon.py);
//! - `common.rs`: the words frequent in general text, for key phrases' specificity (tools/keywords/specificity.py);
//! - `data/`: gazetteers and other lists with their sources (`data/SOURCES.md`);
//! - the NER model, `models/en.bin`, embedded here.

mod lexicon;
mod pos;
mod common;
mod words;

use super::{Lang, Language};

#[cfg(not(lupa_no_models))]
const MODEL: &[u8] = include_bytes!("../../../models/en.bin");
// Only for measuring the code's own size (bench/core-size): empty bytes parse
// as a missing model, so such a build runs, without entities.
#[cfg(lupa_no_models)]
const MODEL: &[u8] = &[];

pub static LANGUAGE: Language = Language {
    lang: Lang::En,
    code: "en",
    name: "English",
    words: &words::DATA,
    lexicon: &lexicon::LEXICON,
    model: MODEL,
};
