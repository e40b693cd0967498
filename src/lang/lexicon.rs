//! The shape of the word lists that the annotation layers (dates,
//! quantities, quotes, key phrases) read; each language fills one in.

/// The grammatical gender a pronoun or a first name marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

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
    /// A day in words comes before its month only with the link ("cuatro
    /// de julio"; English also writes "twenty five January").
    pub day_words_need_link: bool,

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
    /// Before a count and a unit, a window next to the reference, with its
    /// direction ("los próximos tres días", 1); only with a count.
    pub window_before: &'static [(&'static str, i32)],
    /// After a count and a unit ("los 5 años pasados", -1).
    pub window_after: &'static [(&'static str, i32)],
    /// Before a unit, what is left of the reference's week, month or year
    /// ("el resto del año", "the rest of the week"): from the next day to its end.
    pub rest_of: &'static [&'static str],
    /// After a unit, two of it ahead ("the week after next", "la semana
    /// después de la próxima").
    pub after_next: &'static [&'static str],
    /// Before a unit in the singular, one whole unit as a duration ("all
    /// day", "toda la semana").
    pub whole_unit: &'static [&'static str],
    /// "within": a window from the reference ("within 9 months").
    pub within: &'static [&'static str],
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
    /// Before one end of a range, a part of its period ("hasta finales de
    /// 2008", "to the end of June"); the range still spans the whole period.
    pub period_edges: &'static [&'static str],
    /// A noun for a day of the month ("el día 27").
    pub day_noun: &'static [&'static str],
    /// Before a day of the month written as an ordinal with its suffix and
    /// no month ("on the 18th", "on 29th"); the first word is left out of the span.
    pub ordinal_day_intro: &'static [&'static str],
    /// Joining two days of one month ("el 7 y el 8 de noviembre").
    pub day_coord: &'static [&'static str],
    /// Opening a range that "and" closes ("between", "entre"); after the
    /// other openers "and" joins two dates ("from 2015 and 2016").
    pub range_between: &'static [&'static str],
    /// Joining a year to the year before it ("2007 and 2009", "pero no 1998").
    pub year_coord: &'static [&'static str],
    /// Before a decade number ("los años 90", "la década de los ochenta").
    pub decade_intro: &'static [&'static str],
    /// Glued after a decade number ("1990s", "90s").
    pub decade_suffix: &'static [&'static str],
    /// A decade named by one word, with its tens ("nineties", 90).
    pub decade_names: &'static [(&'static str, u8)],
    /// Before a century's number ("siglo XXI", "siglo 21").
    pub century_before: &'static [&'static str],
    /// After a century's ordinal ("21st century", "nineteenth-century").
    pub century_after: &'static [&'static str],
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
    /// After an amount, before the day it counts from, with the direction
    /// ("tres días después de", 1; "two weeks before", -1).
    pub offset_links: &'static [(&'static str, i32)],
    /// After an amount, counting from the reference ("3 weeks later", 1).
    pub offset_after: &'static [(&'static str, i32)],
    /// The reference moment as an end or an anchor ("ahora", "now").
    pub now_words: &'static [&'static str],
    /// Joins the parts of a compound amount ("2 semanas y 2 días").
    pub amount_and: &'static [&'static str],
    /// "the last week of", "la última semana de": the last part of a period.
    pub last_part: &'static [&'static str],
    /// After a unit or part of a year, the current one ("el trimestre actual").
    pub this_after: &'static [&'static str],
    /// Before a year that follows a day and month ("28 june in 2020").
    pub month_year_in: &'static [&'static str],
    /// Glued letter codes of a part of a year ("Q3", "T1", "H2"), upper or lower case.
    pub year_part_codes: &'static [(&'static str, (char, u8))],
    /// `data/holidays.tsv`: holiday names and the ids of their rules in
    /// `common/data/holidays.tsv` (see `tools/langdata/README.md`).
    pub holiday_table: &'static str,
    /// The country whose holiday a name without a default rule means when
    /// the text names none ("Independence Day" in English: "US"); "" for none.
    pub holiday_country: &'static str,
    /// Words that make a weak holiday name one ("día de", "fiesta de", "holiday").
    pub holiday_words: &'static [&'static str],
    /// Weekday abbreviations ("mon", "tue", "lun", "mié"): only before a day or date.
    pub weekday_abbrs: &'static [(&'static str, u8)],
    /// Before a day, the week that holds it ("the week of", "w/c", "la semana del").
    pub week_of: &'static [&'static str],
    /// Vague counts ("several", "unos", "un par de") and the number TIMEX reads them as.
    pub vague_counts: &'static [(&'static str, u8)],
    /// Between a weekday and a relative week ("monday of next week", "el lunes de la semana que viene").
    pub weekday_week_link: &'static [&'static str],
    /// After a count of units, the day it starts from ("3 days starting from next Monday").
    pub starting_from: &'static [&'static str],
    /// The directions that take a weekday of the week before or after the
    /// reference's ("previous Monday", "el viernes siguiente"), as TIMEX does;
    /// the others take the nearest one ("el lunes pasado").
    pub weekday_by_week: &'static [&'static str],
    /// Before a count of units of a period, its first (1) or last (-1) ones
    /// ("the first 2 weeks of 2021", "los últimos cuatro meses de 2021").
    pub first_last_n: &'static [(&'static str, i32)],
    /// Tense near a bare weekday: past (-1) or future (1) verb forms
    /// ("dijo", "said", "will"), and the lower-case endings that mark them.
    pub tense_words: &'static [(&'static str, i32)],
    /// Words of a present or conditional clause ("is scheduled", "would be
    /// held", "está previsto"): beside a past form they leave the tense open.
    pub open_tense_words: &'static [&'static str],
    pub tense_endings: &'static [(&'static str, i32)],

    // ---- numbers ----
    /// Cardinal words with their value ("veintitrés", 23; "doscientos", 200).
    pub number_words: &'static [(&'static str, u32)],
    /// Number words that are usually articles ("un", "one", "a"): only numbers
    /// before a scale word, a unit or a currency.
    pub weak_numbers: &'static [&'static str],
    /// Joins tens and units or hundreds and the rest ("treinta y dos", "one hundred and five").
    pub number_and: &'static [&'static str],
    /// Joining a number below 100 to a scale before it, where the language
    /// does ("two thousand and fifteen", "a million and one").
    pub scale_and: &'static [&'static str],
    /// The joiners of `number_and` that may also come between tens and units
    /// ("treinta y dos", "twenty-three"; not "twenty and three").
    pub tens_and: &'static [&'static str],
    /// Multiplies what precedes it by 100 ("hundred").
    pub hundred: &'static [&'static str],
    /// Scale words ("mil", 1e3; "millones", 1e6).
    pub scales: &'static [(&'static str, f64)],
    /// "medio" (as in "medio año", "medio millón").
    pub half: &'static [&'static str],
    /// "y medio", "and a half".
    pub and_half: &'static [&'static str],
    /// A part of one unit before it ("un cuarto de hora", "three quarters of an hour").
    pub unit_parts: &'static [(&'static str, f64)],
    /// A part added after a unit besides `and_half` ("dos horas y cuarto", "an hour and a quarter").
    pub and_parts: &'static [(&'static str, f64)],
    pub ordinal_words: &'static [(&'static str, u32)],
    /// Glued after digits to make an ordinal ("º", "th").
    pub ordinal_suffixes: &'static [&'static str],
    pub percent_words: &'static [&'static str],
    /// Currency nouns and symbols with their ISO 4217 codes.
    pub currencies: &'static [(&'static str, &'static str)],
    /// `data/currencies.tsv`: currency names, minor units and multiples
    /// ("mdp"), read after `currencies` (which win where both list a word).
    pub currency_table: &'static str,
    /// `data/countries.tsv`: names, demonyms and cities of the countries a
    /// bare "$" or "pesos" may belong to, with their ISO 3166 codes.
    pub country_table: &'static str,
    /// `data/numbers.tsv`: cardinal, ordinal, fraction and scale words.
    pub number_table: &'static str,
    /// Glued after digits, case-sensitive, for a multiple ("10k", "3M", "5bn").
    pub glued_scales: &'static [(&'static str, f64)],
    /// Scale words that are a number on their own, first in a numeral ("mil quinientos").
    pub bare_scales: &'static [&'static str],
    /// Before a number, making it negative ("minus", "negativo").
    pub minus_words: &'static [&'static str],
    /// Joining a whole amount and its cents ("15 dólares y 15 centavos", "con 50").
    pub cents_link: &'static [&'static str],
    /// Between a numerator and a denominator ("uno sobre tres", "one over 20").
    pub fraction_over: &'static [&'static str],
    /// Before the word for one, making it a pronoun ("the one you mentioned",
    /// "which one", "cada uno"), not a number.
    pub one_pronoun_before: &'static [&'static str],
    /// The noun for a half, a number when a part of something follows ("la
    /// mitad de los votos", "half of the voters").
    pub half_nouns: &'static [&'static str],
    /// Between a part and its whole, a fraction only when the part is the
    /// smaller ("two out of five"; "12 out of 10" are two numbers).
    pub ratio_of: &'static [&'static str],
    /// Between a whole number and a fraction added to it ("three and one
    /// fourth", "cinco con un cuarto").
    pub fraction_and: &'static [&'static str],
    /// Between a fraction and the scale it is a part of ("un cuarto de
    /// millón", "two thirds of a million").
    pub fraction_scale_link: &'static [&'static str],
    /// Glued to a cardinal, making it a denominator ("veintiunavos", "doscientosavos").
    pub fraction_suffixes: &'static [&'static str],
    /// Inside a cardinal written as one word, between its parts ("treintaicinco").
    pub glued_number_joiners: &'static [&'static str],
    /// Whether tens and a unit denominator after them make one denominator,
    /// as English compound ordinals do: "one hundred thirty-fifths" is 100/35
    /// (Spanish "ciento treinta quintos" is 130/5).
    pub compound_denominators: bool,
    /// Before decimals said as a whole number, in words ("siete con cincuenta").
    pub spoken_decimal: &'static [&'static str],
    /// The decimal mark said as a word ("five point five", "dos coma cinco").
    pub decimal_words: &'static [&'static str],
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
    /// Dashes that open a line of dialogue ("—No lo sé —dijo el ministro—."):
    /// the speech runs to the next dash (the narrator's words) and goes on
    /// after the dash that closes them, to the end of the line.
    pub dialogue_dashes: &'static [char],
    /// Speech verbs and phrases that introduce or follow a quote.
    pub cues: &'static [&'static str],
    /// Cues that precede the speaker ("según X", "according to X").
    pub source_cues: &'static [&'static str],
    /// A preposition and its contraction with the article ("de" + "el" =
    /// "del"): a cue that ends in the preposition also ends in the
    /// contraction ("en palabras del ministro").
    /// Prepositions that attribute an opinion when they open the sentence
    /// and the quote follows the phrase at once ("Para el analista X, «…»").
    pub opinion_cues: &'static [&'static str],
    pub contractions: &'static [(&'static str, &'static str)],
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
    /// Joining a second verb to its clause's subject ("Smith met the board,
    /// and later said …"): a cue after it speaks through that subject.
    pub predicate_and: &'static [&'static str],
    /// Reporting-verb forms, generated from `data/speech_verbs.tsv` by
    /// `tools/langdata/speech_forms.py`: one a line, `f FORM` (a finite form
    /// or gerund, a cue by itself) or `p PARTICIPLE` (a cue after one of
    /// `cue_auxiliaries`). Added to `cues` when the tables are built.
    pub speech_forms: &'static str,
    /// Auxiliaries that make a cue of a participle ("ha dicho", "had said").
    pub cue_auxiliaries: &'static [&'static str],
    /// Verbs that make a cue of a reporting infinitive after them ("quiso
    /// dejar claro", "volvió a insistir", "went on to say"); the
    /// infinitives are the `i FORM` lines of `speech_forms`.
    pub cue_modals: &'static [&'static str],
    /// The preposition that names the agent of a passive cue ("described by
    /// The Guardian as", "calificado por el ministro de"): its phrase is the speaker.
    pub agent_preps: &'static [&'static str],
    /// Prepositions that open an object or adjunct between a cue and its
    /// subject ("afirmó a Efe el técnico", "told reporters in Ohio Smith"):
    /// the phrase after them is never the speaker.
    pub object_preps: &'static [&'static str],
    /// Titles and honorifics before a name ("Mr.", "Sen."): kept apart as the speaker's role.
    pub honorifics: &'static [&'static str],
    /// Titles written capitalised before a name ("Senator", "Vice President",
    /// "former President"): kept apart as the speaker's role, as honorifics
    /// are. Only before a capitalised name: "the senator said" is a description.
    pub titles: &'static [&'static str],
    /// Offices a description may name besides `LangData::titles` ("el
    /// mandatario", "the spokeswoman"): a description of one office is not a
    /// person introduced with another.
    pub offices: &'static [&'static str],
    /// Words for the holder of any office ("el mandatario", "the leader"):
    /// they describe a person introduced with any title ("el presidente X …
    /// dijo el mandatario"), so they never count as another office.
    pub generic_offices: &'static [&'static str],
    /// Words that name what follows them in quotes ("el diario «…»", "bajo el
    /// lema «…»", "the so-called “…”", "the film “…”"): the quote is a name
    /// or a title (a scare quote), not someone's words.
    pub naming_words: &'static [&'static str],
    /// Pronouns that stand for an organisation or a thing, not a person ("it").
    pub nonperson_pronouns: &'static [&'static str],
    /// Pronouns that say their referent's gender ("she", "él").
    pub gendered_pronouns: &'static [(&'static str, Gender)],
    /// Determiners of a new referent ("un", "one"): a description they open
    /// is not linked to a person named before.
    pub indefinites: &'static [&'static str],
    /// Nouns of written sources and of groups ("comunicado", "statement",
    /// "campaign", "crowd"): a description headed by one speaks for itself,
    /// not for a person named before.
    pub text_nouns: &'static [&'static str],

    // ---- keywords ----
    /// A key phrase may go from a proper noun to a lower-case word ("Trump
    /// administration"); in Spanish such a pair is rarely a phrase ("Turquía diseñadas").
    pub proper_then_common: bool,
    /// Extra stop words for key phrases (beyond `LangData::stop_words`).
    pub extra_stop_words: &'static [&'static str],
    /// Adjectives come before their noun ("welfare reform", "crop yields"); if
    /// not, after it ("reforma fiscal"). An adjective may not end a key phrase
    /// in the first case, nor start one in the second, nor stand alone.
    pub adjective_first: bool,
    /// Clitics written glued to a word, lower-cased, apostrophe "'" (the
    /// possessive "'s", contractions "'re", "n't"): a key phrase sees the word
    /// without them ("Friday's" is "Friday", "you'd" is "you").
    pub clitics: &'static [&'static str],
    /// Word forms that are mostly verbs, adjectives, or other words that are not
    /// nouns (adverbs, pronouns...), lower-cased, each list one string of
    /// space-separated words; from `pos.rs`.
    pub pos_verbs: &'static str,
    pub pos_adjectives: &'static str,
    pub pos_others: &'static str,
    /// The words frequent in general text, by band: (k, words) lists, space
    /// separated, the lower-case words with -k-1 < log p <= -k; from `common.rs`.
    pub common_words: &'static [(u8, &'static str)],
}
