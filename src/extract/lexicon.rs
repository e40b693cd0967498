//! The shape of the per-language data the extraction layers use, and its
//! compiled (phrase-indexed) form. The data itself lives in
//! `crate::lang::es_extract` and `crate::lang::en_extract`.

use std::sync::OnceLock;

use super::phrases::{set, PhraseSet, Starts};
use crate::tokenize::pieces::{Piece, PieceKind};
use crate::lang::Lang;

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Saturday and Sunday of a week (TIMEX3 `2023-W41-WE`).
    Weekend,
    Month,
    Year,
    Decade,
    Century,
}

/// Word lists for dates, quantities, quotes and keywords in one language.
/// Phrases may have several words ("pasado mañana", "according to"); matching
/// is case- and accent-insensitive.
pub struct Lexicon {
    /// Numeric dates are day first ("1/10/2023" is 1 October).
    pub day_first: bool,
    /// The decimal mark is a comma ("3,5").
    pub decimal_comma: bool,
    /// Month and weekday names are written with a capital ("September").
    pub names_capitalized: bool,

    // ---- dates ----
    pub months: &'static [(&'static str, u8)],
    /// Abbreviations, only recognised next to a day or a year.
    pub month_abbrs: &'static [(&'static str, u8)],
    /// Month names that are also common words ("may"): need a day, a year or a preposition.
    pub ambiguous_months: &'static [&'static str],
    /// 1 = Monday … 7 = Sunday.
    pub weekdays: &'static [(&'static str, u8)],
    /// Words for a day relative to today: ("ayer", -1).
    pub day_words: &'static [(&'static str, i32)],
    /// Words that, just before a day word, make it a part of the day ("esta mañana").
    pub day_word_blockers: &'static [&'static str],
    /// Calendar unit nouns, singular and plural.
    pub units: &'static [(&'static str, Unit)],
    /// Parts of a year: ("trimestre", ('Q', 4)) — a quarter is one of four.
    pub year_parts: &'static [(&'static str, (char, u8))],
    /// Articles that may open a relative date ("el mes pasado").
    pub date_articles: &'static [&'static str],
    /// "pasado", "last": before the unit or weekday.
    pub last_before: &'static [&'static str],
    /// "pasado", "anterior": after the unit or weekday.
    pub last_after: &'static [&'static str],
    pub next_before: &'static [&'static str],
    pub next_after: &'static [&'static str],
    pub this_words: &'static [&'static str],
    /// "hace" (before the amount).
    pub ago_before: &'static [&'static str],
    /// "ago" (after the unit).
    pub ago_after: &'static [&'static str],
    /// "dentro de", "in" (future offset).
    pub in_future: &'static [&'static str],
    /// Approximations before an amount ("más de", "about"): skipped, the value stays.
    pub approx: &'static [&'static str],
    /// "cada", "every", "todos los".
    pub set_words: &'static [&'static str],
    /// Between day and month ("17 de septiembre", "17th of September").
    pub day_month_link: &'static [&'static str],
    /// Between month and year ("febrero de 2022").
    pub month_year_link: &'static [&'static str],
    /// Before a bare year ("en 2022").
    pub year_preps: &'static [&'static str],
    /// Before a bare month name ("en septiembre").
    pub month_preps: &'static [&'static str],
    /// Opening a range ("del", "from", "between").
    pub range_from: &'static [&'static str],
    /// Joining the ends of a range ("al", "to", "and", "-").
    pub range_to: &'static [&'static str],
    /// A noun for a day of the month ("el día 27").
    pub day_noun: &'static [&'static str],
    /// Joining two days of one month ("el 7 y el 8 de noviembre").
    pub day_coord: &'static [&'static str],
    /// Before a decade number ("los años 90", "la década de los ochenta").
    pub decade_intro: &'static [&'static str],
    /// Glued after a decade number ("1990s", "90s").
    pub decade_suffix: &'static [&'static str],
    /// Before a clock time ("a las", "at").
    pub time_intro: &'static [&'static str],
    /// After a clock time ("horas", "h").
    pub time_after: &'static [&'static str],
    pub am: &'static [&'static str],
    pub pm: &'static [&'static str],
    /// Night markers: hours 6–11 after them are p.m., others a.m.
    pub night: &'static [&'static str],
    /// ("mediodía", 12).
    pub fixed_times: &'static [(&'static str, u8)],
    /// Minutes added after an hour ("y media", 30; "menos cuarto", -15).
    pub time_fractions: &'static [(&'static str, i32)],
    /// A part of a day relative to today, with its TIMEX3 code ("anoche", -1, "NI").
    pub parts_of_day: &'static [(&'static str, (i32, &'static str))],

    // ---- numbers ----
    /// Cardinal words with their value ("veintitrés", 23; "doscientos", 200).
    pub number_words: &'static [(&'static str, u32)],
    /// Number words that are usually articles ("un", "one", "a"): only numbers
    /// before a scale word, a unit or a currency.
    pub weak_numbers: &'static [&'static str],
    /// Joins tens and units or hundreds and the rest ("treinta y dos", "one hundred and five").
    pub number_and: &'static [&'static str],
    /// Multiplies what precedes it by 100 ("hundred").
    pub hundred: &'static [&'static str],
    /// Scale words ("mil", 1e3; "millones", 1e6).
    pub scales: &'static [(&'static str, f64)],
    /// "medio" (as in "medio año", "medio millón").
    pub half: &'static [&'static str],
    /// "y medio", "and a half".
    pub and_half: &'static [&'static str],
    pub ordinal_words: &'static [(&'static str, u32)],
    /// Glued after digits to make an ordinal ("º", "th").
    pub ordinal_suffixes: &'static [&'static str],
    pub percent_words: &'static [&'static str],
    /// Currency nouns and symbols with their ISO 4217 codes.
    pub currencies: &'static [(&'static str, &'static str)],
    /// Between a scale word and a currency ("millones de dólares").
    pub currency_link: &'static [&'static str],
    /// Measurement units (kept inside the quantity span).
    pub measure_units: &'static [&'static str],

    /// Word endings that mark a verb, not a counted noun ("resultaron").
    pub verb_endings: &'static [&'static str],

    // ---- quotes ----
    /// Opening and closing quotation marks (one character each). A mark that
    /// closes its own kind ("\"") pairs by alternation.
    pub quote_pairs: &'static [(char, char)],
    /// Speech verbs and phrases that introduce or follow a quote.
    pub cues: &'static [&'static str],
    /// Cues that precede the speaker ("según X", "according to X").
    pub source_cues: &'static [&'static str],
    /// Words between a cue and a quote ("que", "that").
    pub complementizers: &'static [&'static str],
    /// Determiners that open a speaker noun phrase.
    pub determiners: &'static [&'static str],
    /// Function words allowed inside a noun phrase ("de", "del", "la", "of", "the").
    pub np_internal: &'static [&'static str],
    /// Prepositions after which a determiner stays inside the noun phrase ("de la UE").
    pub np_preps: &'static [&'static str],
    pub pronouns: &'static [&'static str],
    /// Relative pronouns: ", el ministro, que dijo" speaks for the phrase before them.
    pub relatives: &'static [&'static str],
    /// Clitics and adverbs that may sit between the speaker and the cue ("le", "también").
    pub cue_fillers: &'static [&'static str],

    // ---- keywords ----
    /// A key phrase may go from a proper noun to a lower-case word ("Trump
    /// administration"); in Spanish such a pair is rarely a phrase ("Turquía diseñadas").
    pub proper_then_common: bool,
    /// Extra stop words for key phrases (beyond `LangData::stop_words`).
    pub extra_stop_words: &'static [&'static str],
}

/// Indexed form of a [`Lexicon`].
pub struct Compiled {
    pub lx: &'static Lexicon,
    pub months: PhraseSet<u8>,
    pub month_abbrs: PhraseSet<u8>,
    pub ambiguous_months: PhraseSet<()>,
    pub weekdays: PhraseSet<u8>,
    pub day_words: PhraseSet<i32>,
    pub day_word_blockers: PhraseSet<()>,
    pub units: PhraseSet<Unit>,
    pub date_articles: PhraseSet<()>,
    pub year_parts: PhraseSet<(char, u8)>,
    pub last_before: PhraseSet<()>,
    pub last_after: PhraseSet<()>,
    pub next_before: PhraseSet<()>,
    pub next_after: PhraseSet<()>,
    pub this_words: PhraseSet<()>,
    pub ago_before: PhraseSet<()>,
    pub ago_after: PhraseSet<()>,
    pub in_future: PhraseSet<()>,
    pub set_words: PhraseSet<()>,
    pub approx: PhraseSet<()>,
    pub day_month_link: PhraseSet<()>,
    pub month_year_link: PhraseSet<()>,
    pub year_preps: PhraseSet<()>,
    pub month_preps: PhraseSet<()>,
    pub range_from: PhraseSet<()>,
    pub range_to: PhraseSet<()>,
    pub day_coord: PhraseSet<()>,
    pub day_noun: PhraseSet<()>,
    pub decade_intro: PhraseSet<()>,
    pub decade_suffix: PhraseSet<()>,
    pub time_intro: PhraseSet<()>,
    pub time_after: PhraseSet<()>,
    pub am: PhraseSet<()>,
    pub pm: PhraseSet<()>,
    pub night: PhraseSet<()>,
    pub fixed_times: PhraseSet<u8>,
    pub time_fractions: PhraseSet<i32>,
    pub parts_of_day: PhraseSet<(i32, &'static str)>,
    pub number_words: PhraseSet<u32>,
    pub weak_numbers: PhraseSet<()>,
    pub number_and: PhraseSet<()>,
    pub hundred: PhraseSet<()>,
    pub scales: PhraseSet<f64>,
    pub half: PhraseSet<()>,
    pub and_half: PhraseSet<()>,
    pub ordinal_words: PhraseSet<u32>,
    pub ordinal_suffixes: PhraseSet<()>,
    pub percent_words: PhraseSet<()>,
    pub currencies: PhraseSet<&'static str>,
    pub currency_link: PhraseSet<()>,
    pub measure_units: PhraseSet<()>,
    pub cues: PhraseSet<()>,
    pub source_cues: PhraseSet<()>,
    pub complementizers: PhraseSet<()>,
    pub determiners: PhraseSet<()>,
    pub np_internal: PhraseSet<()>,
    pub np_preps: PhraseSet<()>,
    pub pronouns: PhraseSet<()>,
    pub relatives: PhraseSet<()>,
    pub cue_fillers: PhraseSet<()>,
    /// Function words and the extra key-phrase stop words.
    pub stop: PhraseSet<()>,
    /// Function words only (`LangData::stop_words`).
    pub function_words: PhraseSet<()>,
    /// The first lexes of every word phrase a date expression can start with
    /// (see [`Compiled::may_start_date`]).
    pub date_starts: Starts,
    /// The same for quantities (see [`Compiled::may_start_quantity`]).
    pub quantity_starts: Starts,
}

impl Compiled {
    /// A lower-case word with a verb ending ("resultaron"); compared with accents.
    pub fn looks_like_verb(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.lx.verb_endings.iter().any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
    }
}

/// A [`PhraseSet`] of any value type, for [`Starts`].
trait FirstLexes {
    fn add_to(&self, starts: &mut Starts);
}

impl<T: Copy> FirstLexes for PhraseSet<T> {
    fn add_to(&self, starts: &mut Starts) {
        starts.add(self);
    }
}

fn pairs<T: Copy>(v: &'static [(&'static str, T)]) -> PhraseSet<T> {
    PhraseSet::new(v.iter().map(|(w, t)| (*w, *t)))
}

impl Compiled {
    /// Whether a date expression can start at `l`: every matcher of
    /// `dates::Scan::at` starts with a number, with a word of one of the
    /// sets in `date_starts`, or (a quarter code, "Q3") with a capital letter
    /// alone. False only where no matcher can match.
    #[inline]
    pub fn may_start_date(&self, l: &Piece) -> bool {
        match l.kind {
            PieceKind::Num => true,
            PieceKind::Word => (l.upper && l.end - l.start == 1) || self.date_starts.may_start(l),
            PieceKind::Punct => self.date_starts.may_start(l),
            PieceKind::Opaque => false,
        }
    }

    /// Whether a quantity can start at `l`: `quantities::Q::at` starts with
    /// a number, a minus sign, or a word of one of the sets in `quantity_starts`.
    #[inline]
    pub fn may_start_quantity(&self, l: &Piece) -> bool {
        l.kind == PieceKind::Num || self.quantity_starts.may_start(l) || l.norm == "-" || l.norm == "−"
    }

    fn new(lang: Lang) -> Compiled {
        let mut c = Compiled::sets(lang);
        let mut q = Starts::new();
        for set in [&c.currencies as &dyn FirstLexes, &c.ordinal_words, &c.half, &c.number_words] {
            set.add_to(&mut q);
        }
        c.quantity_starts = q;
        let mut starts = Starts::new();
        for set in [
            &c.parts_of_day as &dyn FirstLexes,
            &c.range_from,
            &c.ordinal_words,
            &c.months,
            &c.month_abbrs,
            &c.decade_intro,
            &c.weekdays,
            &c.day_noun,
            &c.date_articles,
            &c.last_before,
            &c.next_before,
            &c.this_words,
            &c.units,
            &c.ago_before,
            &c.in_future,
            &c.set_words,
            &c.fixed_times,
            &c.time_intro,
            &c.half,
            &c.approx,
            &c.day_words,
            &c.number_words,
        ] {
            set.add_to(&mut starts);
        }
        c.date_starts = starts;
        c
    }

    fn sets(lang: Lang) -> Compiled {
        let lx: &'static Lexicon = match lang {
            Lang::Es => &crate::lang::es_extract::LEXICON,
            Lang::En => &crate::lang::en_extract::LEXICON,
        };
        let stop: Vec<&'static str> =
            lang.data().stop_words.iter().chain(lx.extra_stop_words.iter()).copied().collect();
        Compiled {
            lx,
            months: pairs(lx.months),
            month_abbrs: pairs(lx.month_abbrs),
            ambiguous_months: set(lx.ambiguous_months),
            weekdays: pairs(lx.weekdays),
            day_words: pairs(lx.day_words),
            day_word_blockers: set(lx.day_word_blockers),
            units: pairs(lx.units),
            date_articles: set(lx.date_articles),
            year_parts: pairs(lx.year_parts),
            last_before: set(lx.last_before),
            last_after: set(lx.last_after),
            next_before: set(lx.next_before),
            next_after: set(lx.next_after),
            this_words: set(lx.this_words),
            ago_before: set(lx.ago_before),
            ago_after: set(lx.ago_after),
            in_future: set(lx.in_future),
            set_words: set(lx.set_words),
            approx: set(lx.approx),
            day_month_link: set(lx.day_month_link),
            month_year_link: set(lx.month_year_link),
            year_preps: set(lx.year_preps),
            month_preps: set(lx.month_preps),
            range_from: set(lx.range_from),
            range_to: set(lx.range_to),
            day_coord: set(lx.day_coord),
            day_noun: set(lx.day_noun),
            decade_intro: set(lx.decade_intro),
            decade_suffix: set(lx.decade_suffix),
            time_intro: set(lx.time_intro),
            time_after: set(lx.time_after),
            am: set(lx.am),
            pm: set(lx.pm),
            night: set(lx.night),
            fixed_times: pairs(lx.fixed_times),
            time_fractions: pairs(lx.time_fractions),
            parts_of_day: pairs(lx.parts_of_day),
            number_words: pairs(lx.number_words),
            weak_numbers: set(lx.weak_numbers),
            number_and: set(lx.number_and),
            hundred: set(lx.hundred),
            scales: pairs(lx.scales),
            half: set(lx.half),
            and_half: set(lx.and_half),
            ordinal_words: pairs(lx.ordinal_words),
            ordinal_suffixes: set(lx.ordinal_suffixes),
            percent_words: set(lx.percent_words),
            currencies: pairs(lx.currencies),
            currency_link: set(lx.currency_link),
            measure_units: set(lx.measure_units),
            cues: set(lx.cues),
            source_cues: set(lx.source_cues),
            complementizers: set(lx.complementizers),
            determiners: set(lx.determiners),
            np_internal: set(lx.np_internal),
            np_preps: set(lx.np_preps),
            pronouns: set(lx.pronouns),
            relatives: set(lx.relatives),
            cue_fillers: set(lx.cue_fillers),
            stop: set(&stop),
            function_words: set(lang.data().stop_words),
            date_starts: Starts::new(),
            quantity_starts: Starts::new(),
        }
    }
}

/// The compiled lexicon for `lang`, built once.
pub fn compiled(lang: Lang) -> &'static Compiled {
    static ES: OnceLock<Compiled> = OnceLock::new();
    static EN: OnceLock<Compiled> = OnceLock::new();
    match lang {
        Lang::Es => ES.get_or_init(|| Compiled::new(Lang::Es)),
        Lang::En => EN.get_or_init(|| Compiled::new(Lang::En)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::pieces::of_phrase;

    fn check<T: Copy + PartialEq + std::fmt::Debug>(lang: Lang, name: &str, list: &[(&str, T)]) {
        let mut seen: Vec<(String, T)> = Vec::new();
        for (phrase, v) in list {
            let l = of_phrase(phrase);
            assert!(!l.is_empty(), "{lang} {name}: {phrase:?} is empty");
            assert_eq!(*phrase, phrase.to_lowercase(), "{lang} {name}: {phrase:?} is not lower-case");
            let key: String = l.iter().map(|x| x.norm.as_str()).collect::<Vec<_>>().join(" ");
            if let Some((_, w)) = seen.iter().find(|(k, _)| *k == key) {
                assert_eq!(w, v, "{lang} {name}: {phrase:?} has two values");
            }
            seen.push((key, *v));
        }
    }

    #[test]
    fn lexicons_are_well_formed() {
        for lang in Lang::ALL {
            let c = compiled(lang);
            let lx = c.lx;
            check(lang, "months", lx.months);
            check(lang, "month_abbrs", lx.month_abbrs);
            check(lang, "weekdays", lx.weekdays);
            check(lang, "day_words", lx.day_words);
            check(lang, "units", lx.units);
            check(lang, "number_words", lx.number_words);
            check(lang, "scales", lx.scales);
            check(lang, "ordinal_words", lx.ordinal_words);
            check(lang, "currencies", lx.currencies);
            check(lang, "parts_of_day", lx.parts_of_day);
            check(lang, "fixed_times", lx.fixed_times);
            for (o, cl) in lx.quote_pairs {
                assert!(!o.is_alphanumeric() && !cl.is_alphanumeric());
            }
            for code in lx.currencies.iter().map(|(_, c)| c) {
                assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            }
            // Month and weekday numbers are in range.
            assert!(lx.months.iter().chain(lx.month_abbrs).all(|(_, m)| (1..=12).contains(m)));
            assert!(lx.weekdays.iter().all(|(_, d)| (1..=7).contains(d)));
            // Every month has a full name.
            for m in 1..=12u8 {
                assert!(lx.months.iter().any(|(_, x)| *x == m), "{lang}: month {m}");
            }
        }
    }
}
