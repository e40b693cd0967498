//! The per-language word lists of the layers ([`crate::lang::lexicon`]),
//! compiled into phrase sets once per language.


use super::phrases::{set, PhraseSet, Starts};
use crate::tokenize::pieces::{Piece, PieceKind};
use crate::lang::{Lang, PerLang};
pub use crate::lang::lexicon::{Lexicon, Unit};
pub use crate::lang::tables::Currency;
use crate::lang::tables;

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
    pub within: PhraseSet<()>,
    pub window_before: PhraseSet<i32>,
    pub window_after: PhraseSet<i32>,
    pub set_words: PhraseSet<()>,
    pub approx: PhraseSet<()>,
    pub day_month_link: PhraseSet<()>,
    pub month_year_link: PhraseSet<()>,
    pub year_preps: PhraseSet<()>,
    pub month_preps: PhraseSet<()>,
    pub range_from: PhraseSet<()>,
    pub range_to: PhraseSet<()>,
    pub day_coord: PhraseSet<()>,
    pub range_between: PhraseSet<()>,
    pub year_coord: PhraseSet<()>,
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
    pub offset_links: PhraseSet<i32>,
    pub offset_after: PhraseSet<i32>,
    pub now_words: PhraseSet<()>,
    pub amount_and: PhraseSet<()>,
    pub last_part: PhraseSet<()>,
    pub this_after: PhraseSet<()>,
    pub year_part_codes: PhraseSet<(char, u8)>,
    pub month_year_in: PhraseSet<()>,
    /// Holidays and the later date phrases.
    pub cal: CalendarWords,
    pub amt: AmountWords,
    pub number_words: PhraseSet<u32>,
    pub weak_numbers: PhraseSet<()>,
    pub number_and: PhraseSet<()>,
    pub scale_and: PhraseSet<()>,
    pub tens_and: PhraseSet<()>,
    pub hundred: PhraseSet<()>,
    pub scales: PhraseSet<f64>,
    pub half: PhraseSet<()>,
    pub and_half: PhraseSet<()>,
    pub ordinal_words: PhraseSet<u32>,
    pub ordinal_suffixes: PhraseSet<()>,
    pub percent_words: PhraseSet<()>,
    /// The lexicon's currencies, then its `currencies.tsv`, then the common symbols.
    pub currencies: PhraseSet<Currency>,
    /// Currency codes that are also common words when written in lower case
    /// ("cup", "all", "try"): a code then only in capitals ("5 CUP").
    pub word_codes: PhraseSet<()>,
    /// Denominator words: value of one ("cuarto" 0.25, "thirds" 1/3).
    pub fractions: PhraseSet<f64>,
    /// What a number may be divided by, and whether the word is plural:
    /// fraction words ("cuarto" 4, "thirds" 3) and plural ordinals
    /// ("vigésimos" 20, "twenty-fifths" 25, "millonésimas" 10^6), and
    /// singular ones from eleven ("one twenty-fifth", "un centésimo").
    pub denominators: PhraseSet<(f64, bool)>,
    /// Fraction words that are also other words ("quarter", "third"):
    /// denominators only after "and" and a numerator ("five and a quarter").
    pub weak_denominators: PhraseSet<f64>,
    /// The one-word cardinals, hundreds and scales, folded, longest first:
    /// the parts of a cardinal written as one word ("cientocinco").
    pub glued_number_parts: Vec<String>,
    /// Ordinals of a power of ten that multiply the number before them ("two hundredth").
    pub ordinal_scales: PhraseSet<f64>,
    /// One-word scale ordinals from a thousand up ("milésimo", "millonésimo"),
    /// folded, for a cardinal glued in front of them ("tresmillonésimo").
    pub glued_ordinal_scales: Vec<(String, f64)>,
    /// Names of countries (and their demonyms and cities) with ISO 3166 codes.
    pub countries: PhraseSet<&'static str>,
    pub glued_scales: &'static [(&'static str, f64)],
    pub bare_scales: PhraseSet<()>,
    pub minus_words: PhraseSet<()>,
    pub cents_link: PhraseSet<()>,
    pub fraction_over: PhraseSet<()>,
    pub fraction_and: PhraseSet<()>,
    pub decimal_words: PhraseSet<()>,
    pub spoken_decimal: PhraseSet<()>,
    pub currency_link: PhraseSet<()>,
    pub measure_units: PhraseSet<()>,
    pub cues: PhraseSet<()>,
    /// Reporting-verb forms that are also nouns or adjectives ("claims",
    /// "criticó" / "crítico"): the value is the form's index in `cue_homograph_forms`.
    pub cue_homographs: PhraseSet<u32>,
    pub cue_homograph_forms: Vec<&'static str>,
    pub quo: QuoteWords,
    pub object_preps: PhraseSet<()>,
    pub honorifics: PhraseSet<()>,
    pub titles: PhraseSet<()>,
    /// Offices and titles written in lower case before a name
    /// (`LangData::titles`: "presidente", "senador").
    pub office_titles: PhraseSet<()>,
    pub naming_words: PhraseSet<()>,
    pub nonperson_pronouns: PhraseSet<()>,
    pub gendered_pronouns: PhraseSet<crate::lang::lexicon::Gender>,
    pub indefinites: PhraseSet<()>,
    pub text_nouns: PhraseSet<()>,
    pub source_cues: PhraseSet<()>,
    pub complementizers: PhraseSet<()>,
    pub determiners: PhraseSet<()>,
    pub np_internal: PhraseSet<()>,
    pub np_preps: PhraseSet<()>,
    pub pronouns: PhraseSet<()>,
    pub relatives: PhraseSet<()>,
    pub cue_fillers: PhraseSet<()>,
    pub predicate_and: PhraseSet<()>,
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

/// The later phrases of quote attribution.
pub struct QuoteWords {
    /// "Para X, «…»" (`Lexicon::opinion_cues`).
    pub opinion_cues: PhraseSet<()>,
    /// "el mandatario", "the leader" (`Lexicon::generic_offices`).
    pub generic_offices: PhraseSet<()>,
    /// "quiso", "volvió a", "went on to", before a reporting infinitive.
    pub cue_modals: PhraseSet<()>,
    /// The reporting infinitives (`i FORM` in `speech_forms`).
    pub cue_infinitives: PhraseSet<()>,
    /// "by", "por": the agent of a passive cue.
    pub agent_preps: PhraseSet<()>,
}

impl QuoteWords {
    fn new(lx: &'static Lexicon) -> QuoteWords {
        QuoteWords {
            opinion_cues: set(lx.opinion_cues),
            generic_offices: set(lx.generic_offices),
            cue_modals: set(lx.cue_modals),
            cue_infinitives: PhraseSet::new(lx.speech_forms.lines().filter_map(|l| l.strip_prefix("i ")).map(|f| (f, ()))),
            agent_preps: set(lx.agent_preps),
        }
    }
}

/// Holidays and the later date phrases of a language's lexicon.
pub struct CalendarWords {
    /// A part of one unit before it ("un cuarto de hora"), and one after ("y media", "y cuarto").
    pub unit_parts: PhraseSet<f64>,
    pub and_parts: PhraseSet<f64>,
    /// Holiday names, each to its first row in `holiday_names`.
    pub holidays: PhraseSet<u16>,
    /// The rows of the language's holiday table: (name, id, country, weak),
    /// rows of one name next to each other.
    pub holiday_names: Vec<(&'static str, &'static str, &'static str, bool)>,
    pub holiday_words: PhraseSet<()>,
    pub weekday_abbrs: PhraseSet<u8>,
    pub week_of: PhraseSet<()>,
    pub vague_counts: PhraseSet<u8>,
    pub weekday_week_link: PhraseSet<()>,
    pub starting_from: PhraseSet<()>,
    pub weekday_by_week: PhraseSet<()>,
    pub first_last_n: PhraseSet<i32>,
    pub tense_words: PhraseSet<i32>,
    pub open_tense_words: PhraseSet<()>,
    pub period_edges: PhraseSet<()>,
    pub rest_of: PhraseSet<()>,
    pub after_next: PhraseSet<()>,
    pub whole_unit: PhraseSet<()>,
    pub ordinal_day_intro: PhraseSet<()>,
    pub decade_names: PhraseSet<u8>,
    pub century_before: PhraseSet<()>,
    pub century_after: PhraseSet<()>,
}

impl CalendarWords {
    fn new(lx: &'static Lexicon) -> CalendarWords {
        let holiday_names = tables::holiday_names(lx.holiday_table);
        CalendarWords {
            unit_parts: pairs(lx.unit_parts),
            and_parts: PhraseSet::new(lx.and_half.iter().map(|w| (*w, 0.5)).chain(lx.and_parts.iter().copied())),
            holidays: PhraseSet::new(holiday_names.iter().enumerate().map(|(k, r)| (r.0, k as u16))),
            holiday_names,
            holiday_words: set(lx.holiday_words),
            weekday_abbrs: pairs(lx.weekday_abbrs),
            week_of: set(lx.week_of),
            vague_counts: pairs(lx.vague_counts),
            weekday_week_link: set(lx.weekday_week_link),
            starting_from: set(lx.starting_from),
            weekday_by_week: set(lx.weekday_by_week),
            first_last_n: pairs(lx.first_last_n),
            tense_words: pairs(lx.tense_words),
            open_tense_words: set(lx.open_tense_words),
            period_edges: set(lx.period_edges),
            rest_of: set(lx.rest_of),
            after_next: set(lx.after_next),
            whole_unit: set(lx.whole_unit),
            ordinal_day_intro: set(lx.ordinal_day_intro),
            decade_names: pairs(lx.decade_names),
            century_before: set(lx.century_before),
            century_after: set(lx.century_after),
        }
    }
}

/// The later word lists of amounts: parts, halves and pronoun "one".
pub struct AmountWords {
    pub ratio_of: PhraseSet<()>,
    pub fraction_scale_link: PhraseSet<()>,
    pub one_pronoun_before: PhraseSet<()>,
    pub half_nouns: PhraseSet<()>,
}

impl AmountWords {
    fn new(lx: &'static Lexicon) -> AmountWords {
        AmountWords {
            ratio_of: set(lx.ratio_of),
            fraction_scale_link: set(lx.fraction_scale_link),
            one_pronoun_before: set(lx.one_pronoun_before),
            half_nouns: set(lx.half_nouns),
        }
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

/// `list` and, for each phrase that ends in a preposition with a
/// contraction, the phrase ending in the contraction instead.
fn with_contractions(list: &'static [&'static str], contractions: &[(&str, &str)]) -> PhraseSet<()> {
    let contracted = list.iter().flat_map(|p| {
        contractions.iter().filter_map(move |(prep, c)| p.strip_suffix(prep).filter(|h| h.ends_with(' ')).map(|h| format!("{h}{c}")))
    });
    let all: Vec<String> = list.iter().map(|p| p.to_string()).chain(contracted).collect();
    PhraseSet::new(all.iter().map(|w| (w.as_str(), ())))
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
            // "½ hour": a vulgar fraction counts units as digits do.
            PieceKind::Punct => self.date_starts.may_start(l) || l.norm.chars().next().and_then(crate::text::chars::vulgar_fraction).is_some(),
            PieceKind::Opaque => false,
        }
    }

    /// Whether a quantity can start at `l`: `quantities::Q::at` starts with
    /// a number, a minus sign, or a word of one of the sets in `quantity_starts`, or a
    /// leading decimal mark (".77").
    #[inline]
    pub fn may_start_quantity(&self, l: &Piece) -> bool {
        l.kind == PieceKind::Num
            || self.quantity_starts.may_start(l)
            || matches!(l.norm.as_str(), "-" | "−" | "." | ",")
            || l.kind == PieceKind::Punct && l.norm.chars().next().and_then(crate::text::chars::vulgar_fraction).is_some()
            || l.kind == PieceKind::Word && self.is_glued_ordinal(l)
    }

    /// Whether the word ends in a scale ordinal with something glued in
    /// front ("tresmillonésimo"): a candidate for `quantities`' glued ordinals.
    fn is_glued_ordinal(&self, l: &Piece) -> bool {
        let n = l.norm.as_str();
        self.glued_ordinal_scales.iter().any(|(w, _)| n.len() > w.len() && n.ends_with(w.as_str()))
    }

    fn new(lang: Lang) -> Compiled {
        let mut c = Compiled::sets(lang);
        let mut q = Starts::new();
        for set in [
            &c.currencies as &dyn FirstLexes,
            &c.ordinal_words,
            &c.ordinal_scales,
            &c.half,
            &c.number_words,
            &c.bare_scales,
            &c.minus_words,
            &c.fractions,
            &c.percent_words,
            &c.amt.half_nouns,
            &c.weak_denominators,
        ] {
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
            &c.cal.decade_names,
            &c.cal.century_before,
            &c.weekdays,
            &c.day_noun,
            &c.cal.rest_of,
            &c.cal.whole_unit,
            &c.cal.ordinal_day_intro,
            &c.date_articles,
            &c.last_before,
            &c.next_before,
            &c.this_words,
            &c.units,
            &c.ago_before,
            &c.in_future,
            &c.within,
            &c.window_before,
            &c.set_words,
            &c.fixed_times,
            &c.time_intro,
            &c.half,
            &c.approx,
            &c.day_words,
            &c.number_words,
            &c.last_part,
            &c.now_words,
            &c.year_part_codes,
            &c.year_parts,
            &c.cal.holidays,
            &c.cal.holiday_words,
            &c.cal.weekday_abbrs,
            &c.cal.week_of,
            &c.cal.vague_counts,
        ] {
            set.add_to(&mut starts);
        }
        c.date_starts = starts;
        c
    }

    fn sets(lang: Lang) -> Compiled {
        let lx: &'static Lexicon = lang.lexicon();
        let numbers = tables::number_words(lx.number_table);
        let of_kind = |k: &'static str| numbers.iter().filter(move |w| w.kind == k);
        let (ordinals, scales) = ordinals_and_scales(lx, &numbers);
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
            within: set(lx.within),
            window_before: pairs(lx.window_before),
            window_after: pairs(lx.window_after),
            set_words: set(lx.set_words),
            approx: set(lx.approx),
            day_month_link: set(lx.day_month_link),
            month_year_link: set(lx.month_year_link),
            year_preps: set(lx.year_preps),
            month_preps: set(lx.month_preps),
            range_from: set(lx.range_from),
            range_to: set(lx.range_to),
            day_coord: set(lx.day_coord),
            range_between: set(lx.range_between),
            year_coord: set(lx.year_coord),
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
            offset_links: pairs(lx.offset_links),
            offset_after: pairs(lx.offset_after),
            now_words: set(lx.now_words),
            amount_and: set(lx.amount_and),
            last_part: set(lx.last_part),
            this_after: set(lx.this_after),
            year_part_codes: pairs(lx.year_part_codes),
            month_year_in: set(lx.month_year_in),
            cal: CalendarWords::new(lx),
            amt: AmountWords::new(lx),
            number_words: pairs(lx.number_words),
            weak_numbers: set(lx.weak_numbers),
            number_and: set(lx.number_and),
            scale_and: set(lx.scale_and),
            tens_and: set(lx.tens_and),
            hundred: set(lx.hundred),
            scales,
            half: set(lx.half),
            and_half: set(lx.and_half),
            ordinal_words: ordinals,
            ordinal_suffixes: set(lx.ordinal_suffixes),
            percent_words: set(lx.percent_words),
            currencies: currencies(lx),
            word_codes: word_codes(lx),
            fractions: PhraseSet::new(of_kind("fraction").filter(|w| !w.weak).map(|w| (w.word, w.value))),
            ordinal_scales: PhraseSet::new(of_kind("ordinal").filter(|w| w.value >= 100.0).map(|w| (w.word, w.value))),
            denominators: PhraseSet::new(denominators(&numbers)),
            weak_denominators: PhraseSet::new(weak_denominators(&numbers)),
            glued_number_parts: glued_number_parts(&numbers),
            countries: PhraseSet::new(tables::countries(lx.country_table)),
            glued_ordinal_scales: glued_ordinal_scales(&numbers),
            glued_scales: lx.glued_scales,
            bare_scales: set(lx.bare_scales),
            minus_words: set(lx.minus_words),
            cents_link: set(lx.cents_link),
            fraction_over: set(lx.fraction_over),
            fraction_and: set(lx.fraction_and),
            decimal_words: set(lx.decimal_words),
            spoken_decimal: set(lx.spoken_decimal),
            currency_link: set(lx.currency_link),
            measure_units: set(lx.measure_units),
            cues: cue_set(lx),
            cue_homographs: PhraseSet::new(homographs(lx).enumerate().map(|(i, f)| (f, i as u32))),
            cue_homograph_forms: accent_forms(lx),
            quo: QuoteWords::new(lx),
            object_preps: set(lx.object_preps),
            honorifics: set(lx.honorifics),
            titles: set(lx.titles),
            naming_words: set(lx.naming_words),
            nonperson_pronouns: set(lx.nonperson_pronouns),
            gendered_pronouns: pairs(lx.gendered_pronouns),
            indefinites: set(lx.indefinites),
            text_nouns: set(lx.text_nouns),
            source_cues: with_contractions(lx.source_cues, lx.contractions),
            complementizers: set(lx.complementizers),
            determiners: set(lx.determiners),
            np_internal: set(lx.np_internal),
            np_preps: set(lx.np_preps),
            pronouns: set(lx.pronouns),
            relatives: set(lx.relatives),
            cue_fillers: set(lx.cue_fillers),
            predicate_and: set(lx.predicate_and),
            stop: PhraseSet::new(lang.data().stop_words.iter().chain(lx.extra_stop_words).map(|w| (*w, ()))),
            function_words: set(lang.data().stop_words),
            office_titles: PhraseSet::new(lang.data().titles.iter().chain(lx.offices).map(|w| (*w, ()))),
            date_starts: Starts::new(),
            quantity_starts: Starts::new(),
        }
    }
}

/// The currency codes that [`Compiled::word_codes`] lists.
fn word_codes(lx: &'static Lexicon) -> PhraseSet<()> {
    let codes: std::collections::HashSet<String> =
        crate::lang::tables::currency_codes().map(|c| c.to_ascii_lowercase()).collect();
    let words = lx.common_words.iter().flat_map(|(_, ws)| ws.split(' ')).filter(|w| codes.contains(*w));
    PhraseSet::new(words.map(|w| (w, ())))
}

/// Each currency word: the language's own names with their codes, then the shared tables.
fn currencies(lx: &'static Lexicon) -> PhraseSet<Currency> {
    let own = lx.currencies.iter().map(|(w, code)| (*w, Currency { code: Some(*code), ..crate::lang::tables::ONE }));
    PhraseSet::new(own.chain(tables::currency_names(lx.currency_table)).chain(tables::currency_symbols()))
}

/// The ordinal words below 100 and the scale words, hand-written and from the number table.
fn ordinals_and_scales(lx: &'static Lexicon, numbers: &[tables::NumberWord]) -> (PhraseSet<u32>, PhraseSet<f64>) {
    let ordinals = lx.ordinal_words.iter().copied().chain(
        numbers.iter().filter(|w| w.kind == "ordinal" && w.value < 100.0 && !w.weak).map(|w| (w.word, w.value as u32)),
    );
    let scales = lx.scales.iter().copied().chain(
        numbers.iter().filter(|w| w.kind == "scale" || w.kind == "scale_abbr" && !w.weak).map(|w| (w.word, w.value)),
    );
    (PhraseSet::new(ordinals), PhraseSet::new(scales))
}

/// The hand-written cues that are not homographs, the generated reporting-verb forms and each
/// participle after each auxiliary ("ha dicho"): built here, once, so that
/// the wasm binary embeds one participle instead of every compound form.
fn cue_set(lx: &'static Lexicon) -> PhraseSet<()> {
    // A hand-written cue that is a homograph ("criticó", "cuenta") is matched
    // with the homographs, so that "crítico" and "la cuenta" are not cues.
    let homograph = |c: &str| homographs(lx).any(|h| h == c);
    let mut all: Vec<String> = lx.cues.iter().filter(|c| !homograph(c)).map(|c| c.to_string()).collect();
    for line in lx.speech_forms.lines() {
        match line.split_once(' ') {
            Some(("f", form)) => all.push(form.to_owned()),
            Some(("p", part)) => all.extend(lx.cue_auxiliaries.iter().map(|a| format!("{a} {part}"))),
            _ => {}
        }
    }
    PhraseSet::new(all.iter().map(|w| (w.as_str(), ())))
}

/// The reporting-verb forms that are homographs (`h FORM` and `a FORM` in `speech_forms`).
fn homographs(lx: &'static Lexicon) -> impl Iterator<Item = &'static str> {
    lx.speech_forms.lines().filter_map(|l| l.strip_prefix("h ").or_else(|| l.strip_prefix("a ")))
}

/// For each of [`homographs`], the form whose accent makes it a cue anywhere
/// ("criticó"), or "" for a verb with another sense ("disparó").
fn accent_forms(lx: &'static Lexicon) -> Vec<&'static str> {
    lx.speech_forms.lines().filter_map(|l| l.strip_prefix("h ").or_else(|| l.strip_prefix("a ").map(|_| ""))).collect()
}

/// The compiled lexicon for `lang`, built once.
pub fn compiled(lang: Lang) -> &'static Compiled {
    static TABLES: PerLang<Compiled> = PerLang::new();
    TABLES.get(lang, Compiled::new)
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

/// The entries of [`Compiled::denominators`] from `numbers.tsv`.
fn denominators(numbers: &[tables::NumberWord]) -> Vec<(&'static str, (f64, bool))> {
    let fractions = numbers
        .iter()
        .filter(|w| w.kind == "fraction" && !w.weak && !w.has("composed") && !w.has("hyphenated") && w.value > 0.0 && w.value <= 0.5)
        .map(|w| (w.word, ((1.0 / w.value).round(), w.has("plural"))));
    // "primeros", "segundos" and "seconds" are what they count, not parts;
    // below eleven only the fraction words are denominators ("un tercero" is a third party).
    let ordinals = numbers
        .iter()
        .filter(|w| w.kind == "ordinal" && !w.weak && (w.has("plural") && w.value >= 3.0 || w.value >= 11.0))
        .map(|w| (w.word, (w.value, w.has("plural"))));
    fractions.chain(ordinals).collect()
}

/// The entries of [`Compiled::glued_number_parts`] from `numbers.tsv`.
fn glued_number_parts(numbers: &[tables::NumberWord]) -> Vec<String> {
    let kinds = ["unit", "teen", "ten", "compound", "hundred", "scale"];
    let mut parts: Vec<String> = numbers
        .iter()
        .filter(|w| kinds.contains(&w.kind) && !w.weak && !w.word.contains([' ', '-']))
        .map(|w| crate::text::fold::lexicon(w.word))
        .collect();
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    parts.dedup();
    parts
}

/// The entries of [`Compiled::weak_denominators`] from `numbers.tsv`.
fn weak_denominators(numbers: &[tables::NumberWord]) -> Vec<(&'static str, f64)> {
    numbers
        .iter()
        .filter(|w| w.kind == "fraction" && w.weak && w.value > 0.0 && w.value <= 0.5)
        .map(|w| (w.word, (1.0 / w.value).round()))
        .collect()
}

/// The entries of [`Compiled::glued_ordinal_scales`] from `numbers.tsv`.
fn glued_ordinal_scales(numbers: &[tables::NumberWord]) -> Vec<(String, f64)> {
    numbers
        .iter()
        .filter(|w| w.kind == "ordinal" && w.value >= 1000.0 && !w.word.contains(' '))
        .map(|w| (crate::text::fold::lexicon(w.word), w.value))
        .collect()
}
