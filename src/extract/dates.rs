//! Dates, times, durations and sets ("17 de septiembre", "el mes pasado",
//! "a las 15.30 horas", "nueve meses", "cada lunes"), with ISO 8601 values.
//!
//! A left-to-right scan over [`lex`](super::lex) units tries a fixed list of
//! matchers at each position and keeps the first that matches; matched lexes
//! are consumed. Every matcher looks at a bounded number of lexes, so the scan
//! is linear. All words come from the per-language [`Lexicon`](super::lexicon::Lexicon).
//!
//! Values:
//! - dates at their grain: `2023-09-17`, `2022-02`, `2022`, `2023-W38`; a
//!   decade is `202` (TIMEX3 style); a date without year takes the reference
//!   year, else `XXXX-09-17`; a bare weekday without reference is `XXXX-WXX-1`;
//! - times: `T15:30`;
//! - durations: `P9M`, `P2Y6M`, `PT3H`;
//! - sets: `XXXX-WXX-1` (every Monday) or the period (`P1W`, `P2W`);
//! - ranges: `value` is the first day and `end_value` the last.
//!
//! A relative expression without a reference date has `value: None` and
//! `unresolved` says why; no value is ever invented.

use super::calendar::{days_in_month, CivilDate};
use crate::tokenize::pieces::{pieces, Piece, PieceKind};
use super::lexicon::{compiled, Compiled};
use super::numbers::number_at;
use crate::lang::Lang;
use crate::tokenize::Token;

mod durations;
mod eras;
mod holidays;
mod numeric;
mod offsets;
mod periods;
mod ranges;
mod relative;
mod times;
mod weekdays;
mod windows;
mod years;

pub use durations::iso_duration;

/// What a date expression denotes; serialised in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    Date,
    Time,
    Duration,
    Set,
}

impl DateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Time => "time",
            DateKind::Duration => "duration",
            DateKind::Set => "set",
        }
    }
}

/// A temporal expression: a byte range of the input and its normalised value.
#[derive(Clone, Debug, PartialEq)]
pub struct DateSpan {
    pub start: usize,
    pub end: usize,
    pub kind: DateKind,
    pub value: Option<String>,
    /// The last day of a range ("del 3 al 5 de mayo").
    pub end_value: Option<String>,
    /// Why `value` is `None`.
    pub unresolved: Option<&'static str>,
}

pub const NEEDS_REFERENCE: &str = "relative date without referenceDate";
pub const BELOW_DAY: &str = "offset smaller than a day";

/// Finds the temporal expressions of `text`, whose tokens are `tokens`.
pub fn find_dates(text: &str, tokens: &[Token], lang: Lang, reference: Option<CivilDate>) -> Vec<DateSpan> {
    find_dates_in(text, &pieces(text, tokens), lang, reference)
}

/// [`find_dates`] given the pieces of `text`. Each line is scanned on its
/// own, so that no span crosses a line break or a blank line (a paragraph).
pub(crate) fn find_dates_in(text: &str, lx: &[Piece], lang: Lang, reference: Option<CivilDate>) -> Vec<DateSpan> {
    let mut out = Vec::new();
    for line in crate::tokenize::pieces::lines(lx) {
        out.extend(find_dates_in_line(text, line, lang, reference));
    }
    out
}

fn find_dates_in_line(text: &str, lx: &[Piece], lang: Lang, reference: Option<CivilDate>) -> Vec<DateSpan> {
    let s = Scan { t: text, lx, c: compiled(lang), r: reference };
    let mut out = Vec::new();
    let mut i = 0;
    // Where the last year found ends, for a year joined to it ("2007 y 2009").
    let mut last_year = None;
    while i < lx.len() {
        if !s.c.may_start_date(&lx[i]) {
            i += 1;
            continue;
        }
        match s.at(i).or_else(|| last_year.and_then(|e| s.coordinated_year(i, e))) {
            // "at 6.45 percent": a number with a percent sign is no clock time.
            Some(m) if m.kind == DateKind::Time && s.c.percent_words.has(lx, m.end).is_some() => i += 1,
            Some(m) if m.end > m.start => {
                let is_year = m.end_value.is_none() && m.value.as_deref().is_some_and(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()));
                last_year = is_year.then_some(m.end);
                out.push(DateSpan {
                    start: lx[m.start].start,
                    end: lx[m.end - 1].end,
                    kind: m.kind,
                    value: m.value,
                    end_value: m.end_value,
                    unresolved: m.unresolved,
                });
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A match over lexes `start..end`.
struct M {
    start: usize,
    end: usize,
    kind: DateKind,
    value: Option<String>,
    end_value: Option<String>,
    unresolved: Option<&'static str>,
}

impl M {
    fn new(start: usize, end: usize, kind: DateKind, value: Option<String>) -> M {
        M { start, end, kind, value, end_value: None, unresolved: None }
    }
    fn rel(start: usize, end: usize, value: Option<String>) -> M {
        let unresolved = if value.is_none() { Some(NEEDS_REFERENCE) } else { None };
        M { start, end, kind: DateKind::Date, value, end_value: None, unresolved }
    }
}

/// A day-month(-year) found in the text.
#[derive(Clone, Copy)]
struct Dmy {
    end: usize,
    day: u8,
    month: u8,
    year: Option<i32>,
}

struct Scan<'a> {
    t: &'a str,
    lx: &'a [Piece],
    c: &'static Compiled,
    r: Option<CivilDate>,
}

fn ymd(y: i32, m: u8, d: u8) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

impl<'a> Scan<'a> {
    fn l(&self, i: usize) -> Option<&'a Piece> {
        self.lx.get(i)
    }

    fn glued(&self, i: usize) -> bool {
        self.l(i).is_some_and(|l| !l.space_before)
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        self.l(i).is_some_and(|l| l.kind == PieceKind::Punct && l.norm == p)
    }

    /// A plain integer of at most `max_len` digits.
    fn int_at(&self, i: usize, max_len: usize) -> Option<u32> {
        let l = self.l(i)?;
        if l.kind != PieceKind::Num || l.end - l.start > max_len {
            return None;
        }
        let raw = &self.t[l.start..l.end];
        if !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        raw.parse().ok()
    }

    /// A day of month: "17", "17th", "1.º", "primero".
    fn day_at(&self, i: usize) -> Option<(usize, u8)> {
        if let Some(d) = self.int_at(i, 2) {
            if !(1..=31).contains(&d) {
                return None;
            }
            let mut e = i + 1;
            if self.glued(e) {
                if let Some(e2) = self.c.ordinal_suffixes.has(self.lx, e) {
                    e = e2;
                }
            }
            return Some((e, d as u8));
        }
        if let Some((e, v)) = self.c.ordinal_words.at(self.lx, i) {
            return (1..=31).contains(&v).then_some((e, v as u8));
        }
        self.spaced_ordinal_day(i)
    }

    /// "twenty third", "thirty first": tens and a unit ordinal, written apart.
    pub(super) fn spaced_ordinal_day(&self, i: usize) -> Option<(usize, u8)> {
        let (e, tens) = self.c.number_words.at(self.lx, i).filter(|&(e, t)| e == i + 1 && (t == 20 || t == 30))?;
        let (e2, unit) = self.c.ordinal_words.at(self.lx, e).filter(|&(_, u)| (1..=9).contains(&u) && tens + u <= 31)?;
        Some((e2, (tens + unit) as u8))
    }

    /// "veintiocho", "twenty five": a cardinal day in words (before "de", "of").
    fn day_in_words(&self, i: usize) -> Option<(usize, u8)> {
        let n = number_at(self.t, self.lx, i, self.c).filter(|n| n.words && !n.weak && n.value.fract() == 0.0)?;
        (1.0..=31.0).contains(&n.value).then_some((n.end, n.value as u8))
    }

    /// A day in words after a month: an ordinal ("first", "twenty second")
    /// or a cardinal that ends the phrase ("January twenty five, 1986"); a
    /// cardinal with a word after it counts something ("January thirty people").
    fn day_in_words_after_month(&self, i: usize) -> Option<(usize, u8)> {
        let (e, d) = self.day_in_words(i)?;
        let ends = self.l(e).is_none_or(|l| l.kind != PieceKind::Word) || self.year_tail(e).0 > e;
        ends.then_some((e, d))
    }

    /// Whether a date may end at `e`: a year, a mark or a function word
    /// follows, not a noun ("Two May protesters").
    fn ends_date(&self, e: usize) -> bool {
        self.year_tail(e).1.is_some()
            || self.l(e).is_none_or(|l| l.kind != PieceKind::Word || self.c.function_words.has(self.lx, e).is_some())
    }

    fn name_ok(&self, i: usize) -> bool {
        !self.c.lx.names_capitalized || self.l(i).is_some_and(|l| l.upper)
    }

    /// A month name or abbreviation (abbreviations only if `abbr`).
    fn month_at(&self, i: usize, abbr: bool) -> Option<(usize, u8, bool)> {
        // Where names are capitalised, a lower-case full name is still the
        // month ("in july", "2 july"), except one that is also a common word
        // ("may", "march"); that one, and a lower-case abbreviation ("14 nov"),
        // needs a figure right before or after it.
        let lower = !self.name_ok(i);
        let figure = |k: usize| self.l(k).is_some_and(|l| l.kind == PieceKind::Num);
        if let Some((e, m)) = self.c.months.at(self.lx, i) {
            let common_word = self.c.ambiguous_months.has(self.lx, i).is_some();
            return (!lower || !common_word || figure(i + 1)).then_some((e, m, false));
        }
        if lower && !(figure(i + 1) || i > 0 && figure(i - 1)) {
            return None;
        }
        if abbr {
            if let Some((e, m)) = self.c.month_abbrs.at(self.lx, i) {
                let e = if self.punct(e, ".") && self.glued(e) { e + 1 } else { e };
                return Some((e, m, true));
            }
        }
        None
    }

    fn weekday_at(&self, i: usize) -> Option<(usize, u8)> {
        // Weekday names are no other word: "monday" in lower case is one too.
        if self.looks_like_name(i) {
            return None;
        }
        self.c.weekdays.at(self.lx, i)
    }

    /// In a language that writes day and month names in lower case, a
    /// capitalised one mid-sentence, or one followed by another capitalised
    /// word, is a name ("Domingo Siro", "Plaza de Mayo").
    fn looks_like_name(&self, i: usize) -> bool {
        if self.c.lx.names_capitalized || !self.l(i).is_some_and(|l| l.upper) {
            return false;
        }
        let next_upper = self.l(i + 1).is_some_and(|l| l.upper && l.kind == PieceKind::Word && l.space_before);
        next_upper || !self.sentence_initial(i)
    }

    fn valid_dm(d: u8, m: u8, y: Option<i32>) -> bool {
        d >= 1 && d <= days_in_month(y.unwrap_or(2000), m)
    }

    /// "17 de septiembre [de 2023]", "17 September 2023", "17th of September".
    fn dm(&self, i: usize) -> Option<Dmy> {
        // "$12 December 27": the figure is the price.
        if i > 0 && self.c.currencies.at(self.lx, i - 1).is_some_and(|(e, _)| e == i) && self.lx[i - 1].kind == PieceKind::Punct {
            return None;
        }
        let (e, day) = self.day_at(i).or_else(|| self.day_in_words(i))?;
        let mut j = e;
        let mut linked = true;
        if let Some(e2) = self.c.day_month_link.has(self.lx, j) {
            j = e2;
        } else if self.l(i).is_some_and(|l| l.kind == PieceKind::Word) && self.day_at(i).is_none() {
            linked = false;
        }
        let (e3, month, _) = self.month_at(j, true)?;
        // "cuatro julio" is no date ("cuatro de julio" is); English writes
        // "twenty five January", with the month's capital.
        if !linked && (self.c.lx.day_words_need_link || !self.l(j).is_some_and(|l| l.upper) || !self.ends_date(e3)) {
            return None;
        }
        let (end, year) = self.year_tail(e3);
        Self::valid_dm(day, month, year).then_some(Dmy { end, day, month, year })
    }

    /// "September 17[, 2023]", "Sept. 17" (month-first languages only).
    /// Also in day-first languages, as modern news writes "julio 12".
    fn md(&self, i: usize) -> Option<Dmy> {
        let (e, month, abbr) = self.month_at(i, true)?;
        let in_words = self.l(e).is_some_and(|l| l.kind != PieceKind::Num);
        // A day in words after a month whose name is also a common word is
        // too ambiguous ("May first"); after another ("January first",
        // "february twenty second") it is the day, where the month comes first.
        // A capital inside the sentence makes "May twenty nine" the month.
        let common_word = self.c.ambiguous_months.has(self.lx, i).is_some() && (self.sentence_initial(i) || !self.l(i).is_some_and(|l| l.upper));
        if in_words && (abbr || self.c.lx.day_first || common_word) {
            return None;
        }
        let (e2, day) = if in_words { self.day_at(e).or_else(|| self.day_in_words_after_month(e))? } else { self.day_at(e)? };
        let (end, year) = self.year_tail(e2);
        Self::valid_dm(day, month, year).then_some(Dmy { end, day, month, year })
    }

    fn dmy_value(&self, d: &Dmy) -> String {
        // "29 de febrero" without a year: the last leap year up to the reference's.
        let leap_day = d.year.is_none() && (d.month, d.day) == (2, 29);
        let year = self.r.map(|r| if leap_day { (0..8).map(|k| r.year - k).find(|&y| days_in_month(y, 2) == 29).unwrap_or(r.year) } else { r.year });
        match d.year.or(year) {
            Some(y) => ymd(y, d.month, d.day),
            None => format!("XXXX-{:02}-{:02}", d.month, d.day),
        }
    }

    /// A day and month at `i`; without a year, the one of the reference's
    /// year, or of the year before in a past-tense sentence when that one
    /// is still to come ("el 3 de marzo se reunió", written in January),
    /// or of the year after in a future one.
    fn day_of_year(&self, i: usize) -> Option<M> {
        let d = self.any_dmy(i)?;
        let mut d2 = d;
        if let (None, Some(r)) = (d.year, self.r) {
            let ahead = (d.month, d.day) > (r.month, r.day);
            let behind = (d.month, d.day) < (r.month, r.day);
            d2.year = match self.tense_agreed(i, d.end) {
                t if t < 0 && ahead => Some(r.year - 1),
                t if t > 0 && behind => Some(r.year + 1),
                _ => None,
            };
        }
        let valid = d2.year.is_none() || Self::valid_dm(d2.day, d2.month, d2.year);
        let d = if valid { d2 } else { d };
        Some(M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d))))
    }

    fn any_dmy(&self, i: usize) -> Option<Dmy> {
        self.dm(i).or_else(|| self.md(i))
    }

    fn at(&self, i: usize) -> Option<M> {
        self.part_of_day(i)
            .or_else(|| self.week_of(i))
            .or_else(|| self.first_units_of(i))
            .or_else(|| self.count_window(i))
            .or_else(|| self.range(i))
            .or_else(|| self.fraction_amount(i))
            .or_else(|| self.numeric_range(i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.coordinated_day(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.century(i))
            .or_else(|| self.year_part(i))
            .or_else(|| self.nth_part(i))
            .or_else(|| self.week_number(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.weekday_in_week(i))
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.weekday_day(i))
            .or_else(|| self.day_of_month(i, 0))
            .or_else(|| self.ordinal_day(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.day_of_year(i))
            .or_else(|| self.ago_before(i))
            .or_else(|| self.within(i))
            .or_else(|| self.rest_of(i))
            .or_else(|| self.after_next(i))
            .or_else(|| self.whole_unit(i))
            .or_else(|| self.in_future(i))
            .or_else(|| self.set(i))
            .or_else(|| self.time(i))
            .or_else(|| self.units_from(i))
            .or_else(|| self.offset(i))
            .or_else(|| self.amount(i))
            .or_else(|| self.day_word(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.year_month(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.the_weekend(i))
            .or_else(|| self.bare_weekday(i))
    }

    fn weekday_date(&self, i: usize) -> Option<M> {
        let (e, _) = self.weekday_at(i)?;
        let j = if self.punct(e, ",") { e + 1 } else { e };
        // "Friday 7/6": a numeric day after a weekday.
        let numeric_day = || match self.numeric_date(j) {
            Some(numeric::Numeric::Day(d)) => Some(d),
            _ => None,
        };
        if let Some(d) = numeric_day().or_else(|| self.any_dmy(j)) {
            return Some(M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d))));
        }
        // "el sábado día 27", "wednesday the thirty first"
        let after_article = self.c.date_articles.has(self.lx, j).and_then(|k| self.day_at(k).map(|(e2, d)| (e2, d)));
        if let Some((e2, d)) = after_article {
            return self.day_near(i, e2, d, 0);
        }
        let mut m = self.day_of_month(j, 0)?;
        m.start = i;
        Some(m)
    }

    fn day_word(&self, i: usize) -> Option<M> {
        let (e, off) = self.c.day_words.at(self.lx, i)?;
        if i > 0 && self.c.day_word_blockers.ending_at(self.lx, i, 2).is_some() {
            return None;
        }
        let v = self.r.map(|r| r.add_days(off as i64).to_string());
        Some(M::rel(i, e, v))
    }

    fn sentence_initial(&self, i: usize) -> bool {
        i == 0
            || self.l(i).is_some_and(|l| l.newline_before)
            || self.l(i - 1).is_some_and(|l| {
                l.kind == PieceKind::Punct
                    && matches!(l.norm.as_str(), "." | "!" | "?" | "¿" | "¡" | "\"" | "«" | "“" | ":")
            })
    }

    /// "febrero de 2022", "en septiembre".
    /// "2017 april", "2018 julio 12": the year first.
    fn year_month(&self, i: usize) -> Option<M> {
        let (e, y) = self.year_at(i)?;
        let (e2, m, _) = self.month_at(e, true)?;
        if let Some((e3, d)) = self.day_at(e2).filter(|_| self.l(e2).is_some_and(|l| l.kind == PieceKind::Num)) {
            if Self::valid_dm(d, m, Some(y)) {
                return Some(M::new(i, e3, DateKind::Date, Some(ymd(y, m, d))));
            }
        }
        Some(M::new(i, e2, DateKind::Date, Some(format!("{y:04}-{m:02}"))))
    }

    fn month_year(&self, i: usize) -> Option<M> {
        let (e, m, abbr) = self.month_at(i, true)?;
        let (end, year) = self.year_tail(e);
        if let Some(y) = year {
            return Some(M::new(i, end, DateKind::Date, Some(format!("{y:04}-{m:02}"))));
        }
        if abbr {
            return None;
        }
        let ambiguous = self.c.ambiguous_months.has(self.lx, i).is_some();
        let after_prep = self.c.month_preps.ending_at(self.lx, i, 3).is_some();
        if ambiguous && !after_prep {
            return None;
        }
        if self.looks_like_name(i) {
            return None;
        }
        let v = match self.r {
            Some(r) => format!("{:04}-{m:02}", r.year),
            None => format!("XXXX-{m:02}"),
        };
        Some(M::new(i, e, DateKind::Date, Some(v)))
    }

    /// "lunes": the nearest such day to the reference (within three days);
    /// the last one in a past-tense sentence ("dijo el viernes"), the next
    /// one in a future one ("se reunirá el viernes").
    fn bare_weekday(&self, i: usize) -> Option<M> {
        let (e, wd) = self.weekday_at(i)?;
        let v = match self.r {
            Some(r) => {
                let mut d = (wd as i64 - r.weekday() as i64).rem_euclid(7);
                let tense = self.tense_near(i, e);
                if tense < 0 && d > 0 || tense == 0 && d > 3 {
                    d -= 7;
                }
                r.add_days(d).to_string()
            }
            None => format!("XXXX-WXX-{wd}"),
        };
        Some(M::new(i, e, DateKind::Date, Some(v)))
    }
}
