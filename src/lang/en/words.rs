//! English language data: the word lists the algorithms consult. Keep each list sorted and lower-case (a unit test checks).

use crate::lang::stem::{StemCondition::*, StemStep, SuffixRule};
use crate::lang::LangData;

/// Abbreviations whose final period does not end a sentence, lower-case, without that period.
pub const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "approx", "apr", "aug", "ave", "b.a", "blvd", "bros", "capt", "cf", "cmdr",
    "co", "col", "corp", "d.c", "dec", "dept", "det", "dr", "e.g", "e.u", "etc", "feb", "fig",
    "fri", "ft", "gen", "gov", "hon", "hwy", "i.e", "inc", "insp", "jan", "jr", "jul", "jun",
    "llc", "lt", "ltd", "m.a", "m.d", "mr", "mrs", "ms", "mt", "nos", "nov", "oct", "p.m",
    "ph.d", "plc", "pp", "pres", "prof", "rd", "rep", "rev", "sec", "sen", "sep", "sept", "sgt",
    "sr", "st", "supt", "thu", "thur", "thurs", "tue", "tues", "u.k", "u.n", "u.s", "u.s.a",
    "vol", "vs",
];

/// Function words.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said",
    "same", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours",
];

/// Titles and roles written before a person's name.
pub const TITLES: &[&str] = &[
    "ambassador", "bishop", "capt", "captain", "cardinal", "chairman", "chancellor", "col",
    "colonel", "director", "dr", "envoy", "gen", "general", "gov", "governor", "judge",
    "justice", "king", "lady", "lord", "lt", "mayor", "minister", "miss", "mr", "mrs", "ms",
    "pope", "president", "prince", "princess", "prof", "queen", "rep", "representative", "rev",
    "secretary", "sen", "senator", "sgt", "sir", "spokesman", "spokeswoman", "vice",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

pub static DATA: LangData = LangData {
    abbreviations: ABBREVIATIONS,
    stop_words: STOP_WORDS,
    titles: TITLES,
    months: &MONTHS,
    marker_chars: "",
    stemming: STEMMING,
    one_label_per_name: false,
    listed_misc_is_org: false,
    places: &[],
    office_links: &[],
    sport_words: &[],
};

const fn rule(suffix: &'static str, replace: &'static str, min_stem: usize, when: crate::lang::stem::StemCondition) -> SuffixRule {
    SuffixRule { suffix, replace, min_stem, when }
}

/// A light stemmer for folded words, after Porter's steps 1a and 1b: plurals,
/// then -ed and -ing, then a doubled consonant and a final e, so that "hope",
/// "hopes", "hoped" and "hoping" all come to "hop".
pub const STEMMING: &[StemStep] = &[
    StemStep::Suffixes(&[
        rule("sses", "ss", 1, Always),
        // "ss" and "us" end words that are not plurals: "class", "bus".
        rule("ss", "ss", 0, Always),
        rule("us", "us", 0, Always),
        rule("ies", "y", 2, Always),
        rule("es", "", 2, AfterOneOf("sxzh")),
        rule("s", "", 2, VowelBeforeLast),
    ]),
    StemStep::Suffixes(&[rule("ied", "y", 2, Always), rule("ing", "", 3, StemHasVowel), rule("ed", "", 3, StemHasVowel)]),
    StemStep::Undouble { except: "lsz" },
    StemStep::Suffixes(&[rule("e", "", 3, Always)]),
];
