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
use super::lexicon::{compiled, Compiled, Unit};
use super::numbers::number_at;
use crate::lang::Lang;
use crate::tokenize::Token;

mod holidays;
mod numeric;
mod offsets;
mod periods;
mod weekdays;
mod years;
mod windows;

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

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// ISO 8601 duration for `v` units.
pub fn iso_duration(v: f64, unit: Unit) -> String {
    let whole = v.trunc();
    let frac = v - whole;
    match unit {
        Unit::Year => {
            let months = (frac * 12.0).round();
            match (whole > 0.0, months > 0.0) {
                (_, false) => format!("P{}Y", fmt_num(whole)),
                (false, true) => format!("P{}M", fmt_num(months)),
                (true, true) => format!("P{}Y{}M", fmt_num(whole), fmt_num(months)),
            }
        }
        Unit::Month => {
            let days = (frac * 30.0).round();
            match (whole > 0.0, days > 0.0) {
                (_, false) => format!("P{}M", fmt_num(whole)),
                (false, true) => format!("P{}D", fmt_num(days)),
                (true, true) => format!("P{}M{}D", fmt_num(whole), fmt_num(days)),
            }
        }
        Unit::Week if frac == 0.0 => format!("P{}W", fmt_num(whole)),
        Unit::Weekend => format!("P{}WE", fmt_num(v)),
        Unit::Week => format!("P{}D", fmt_num(v * 7.0)),
        Unit::Day => {
            let hours = (frac * 24.0).round();
            match (whole > 0.0, hours > 0.0) {
                (_, false) => format!("P{}D", fmt_num(whole)),
                (false, true) => format!("PT{}H", fmt_num(hours)),
                (true, true) => format!("P{}DT{}H", fmt_num(whole), fmt_num(hours)),
            }
        }
        Unit::Hour => {
            let mins = (frac * 60.0).round();
            match (whole > 0.0, mins > 0.0) {
                (_, false) => format!("PT{}H", fmt_num(whole)),
                (false, true) => format!("PT{}M", fmt_num(mins)),
                (true, true) => format!("PT{}H{}M", fmt_num(whole), fmt_num(mins)),
            }
        }
        Unit::Minute => format!("PT{}M", fmt_num(v)),
        Unit::Second => format!("PT{}S", fmt_num(v)),
        Unit::Decade => format!("P{}Y", fmt_num(v * 10.0)),
        Unit::Century => format!("P{}Y", fmt_num(v * 100.0)),
    }
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
        let (e, v) = self.c.ordinal_words.at(self.lx, i)?;
        if (1..=31).contains(&v) {
            Some((e, v as u8))
        } else {
            None
        }
    }

    /// "veintiocho", "twenty five": a cardinal day in words (before "de", "of").
    fn day_in_words(&self, i: usize) -> Option<(usize, u8)> {
        let n = number_at(self.t, self.lx, i, self.c).filter(|n| n.words && !n.weak && n.value.fract() == 0.0)?;
        (1.0..=31.0).contains(&n.value).then_some((n.end, n.value as u8))
    }

    fn name_ok(&self, i: usize) -> bool {
        !self.c.lx.names_capitalized || self.l(i).is_some_and(|l| l.upper)
    }

    /// A month name or abbreviation (abbreviations only if `abbr`).
    fn month_at(&self, i: usize, abbr: bool) -> Option<(usize, u8, bool)> {
        // A lower-case name where names are capitalised ("march 3") needs a
        // number after it.
        if !self.name_ok(i) && !self.l(i + 1).is_some_and(|l| l.kind == PieceKind::Num) {
            return None;
        }
        if let Some((e, m)) = self.c.months.at(self.lx, i) {
            return Some((e, m, false));
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
        let (e, day) = self.day_at(i).or_else(|| self.day_in_words(i))?;
        let mut j = e;
        if let Some(e2) = self.c.day_month_link.has(self.lx, j) {
            j = e2;
        } else if self.l(i).is_some_and(|l| l.kind == PieceKind::Word) && self.day_at(i).is_none() {
            return None; // "cuatro julio" is no date; "cuatro de julio" is
        }
        let (e3, month, _) = self.month_at(j, true)?;
        let (end, year) = self.year_tail(e3);
        Self::valid_dm(day, month, year).then_some(Dmy { end, day, month, year })
    }

    /// "September 17[, 2023]", "Sept. 17" (month-first languages only).
    /// Also in day-first languages, as modern news writes "julio 12".
    fn md(&self, i: usize) -> Option<Dmy> {
        let (e, month, _) = self.month_at(i, true)?;
        let (e2, day) = self.day_at(e)?;
        if self.l(e).is_some_and(|l| l.kind != PieceKind::Num) {
            return None; // "May first" is too ambiguous
        }
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

    fn any_dmy(&self, i: usize) -> Option<Dmy> {
        self.dm(i).or_else(|| self.md(i))
    }

    fn at(&self, i: usize) -> Option<M> {
        self.part_of_day(i)
            .or_else(|| self.week_of(i))
            .or_else(|| self.first_units_of(i))
            .or_else(|| self.count_window(i))
            .or_else(|| self.range(i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.coordinated_day(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.year_part(i))
            .or_else(|| self.nth_part(i))
            .or_else(|| self.week_number(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.weekday_in_week(i))
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.weekday_day(i))
            .or_else(|| self.day_of_month(i, 0))
            .or_else(|| self.relative(i))
            .or_else(|| self.any_dmy(i).map(|d| M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d)))))
            .or_else(|| self.ago_before(i))
            .or_else(|| self.within(i))
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
            .or_else(|| self.bare_weekday(i))
    }

    /// "anoche", "this morning": `2023-10-14TNI`.
    fn part_of_day(&self, i: usize) -> Option<M> {
        let (e, (off, code)) = self.c.parts_of_day.at(self.lx, i)?;
        let v = self.r.map(|r| format!("{}T{code}", r.add_days(off as i64)));
        let mut m = M::rel(i, e, v);
        m.kind = DateKind::Time;
        Some(m)
    }

    // ---- ranges ----

    fn range(&self, i: usize) -> Option<M> {
        let (j, from) = match self.c.range_from.has(self.lx, i) {
            Some(e) => (e, true),
            None => (i, false),
        };
        let between = self.c.range_between.has(self.lx, i).is_some();
        let to = |k: usize| -> Option<usize> {
            let e = self.c.range_to.has(self.lx, k)?;
            let dash = self.l(k).is_some_and(|l| l.kind == PieceKind::Punct);
            // Only after "between" does "and" or "y" link two dates ("from 2015 and 2016"
            // are two years); "to", "through" link them after any opener.
            let coord = self.c.day_coord.has(self.lx, k).is_some();
            (between || dash || !coord).then_some(e)
        };
        let mk = |first: String, d2: &Dmy, second: String| M {
            start: i,
            end: d2.end,
            kind: DateKind::Date,
            value: Some(first),
            end_value: Some(second),
            unresolved: None,
        };
        // "del 3 al 5 de mayo", "3-5 May"
        if let Some((e, d1)) = self.day_at(j) {
            if let Some(k) = to(e) {
                if let Some(d2) = self.dm(k) {
                    if d1 < d2.day {
                        let first = Dmy { end: e, day: d1, month: d2.month, year: d2.year };
                        return Some(mk(self.dmy_value(&first), &d2, self.dmy_value(&d2)));
                    }
                }
            }
        }
        // "del 3 de mayo al 5 de junio", "from May 3 to June 5"
        if let Some(d1) = self.any_dmy(j) {
            if let Some(k) = to(d1.end) {
                if let Some(mut d2) = self.any_dmy(k) {
                    let first = Dmy { year: d1.year.or(d2.year), ..d1 };
                    // "entre el 1 de diciembre y el 4 de febrero": the end is in the next year.
                    if d1.year.is_none() && d2.year.is_none() && (d2.month, d2.day) < (d1.month, d1.day) {
                        d2.year = self.r.map(|r| r.year + 1);
                    }
                    return Some(mk(self.dmy_value(&first), &d2, self.dmy_value(&d2)));
                }
                // "May 3-5, 2023", "from May 3 to 5"
                if let Some((e2, day2)) = self.day_at(k) {
                    if !self.c.lx.day_first && day2 > d1.day {
                        let (end, year) = self.year_tail(e2);
                        let y = year.or(d1.year);
                        let first = Dmy { year: y, ..d1 };
                        let second = Dmy { end, day: day2, month: d1.month, year: y };
                        if Self::valid_dm(day2, d1.month, y) {
                            return Some(mk(self.dmy_value(&first), &second, self.dmy_value(&second)));
                        }
                    }
                }
            }
        }
        if let Some(m) = self.endpoint_range(i, j, &to) {
            return Some(m);
        }
        // "de 2020 a 2022", "2020-2022"
        if let Some((e, y1)) = self.year_at(j) {
            if let Some(k) = to(e) {
                if let Some((e2, y2)) = self.year_at(k) {
                    let word_to = self.l(e).is_some_and(|l| l.kind == PieceKind::Word);
                    if y2 > y1 && (from || word_to || self.glued(e) && self.glued(k) && !self.in_chain(j, e2)) {
                        return Some(M {
                            start: i,
                            end: e2,
                            kind: DateKind::Date,
                            value: Some(format!("{y1:04}")),
                            end_value: Some(format!("{y2:04}")),
                            unresolved: None,
                        });
                    }
                }
            }
        }
        None
    }

    /// One end of a range: a numeric date, a day and month, a month with
    /// or without its year, or (after "from") a year. Its value, and whether
    /// a year was written.
    fn endpoint(&self, k: usize, year_ok: bool) -> Option<(usize, String, bool)> {
        // "entre ahora y el 15 de noviembre", "between Jan 2019 and yesterday", "from March to date".
        if let Some(e) = self.c.now_words.has(self.lx, k) {
            return Some((e, self.r?.to_string(), true));
        }
        if let Some((e, off)) = self.c.day_words.at(self.lx, k) {
            return Some((e, self.r?.add_days(off as i64).to_string(), true));
        }
        if let Some(m) = self.year_part(k).filter(|m| m.value.as_deref().is_some_and(|v| !v.starts_with('X'))) {
            return Some((m.end, m.value?, true));
        }
        // "this May", "next friday", "el próximo viernes", "Christmas": a single day or month.
        let single = |m: M| (m.end_value.is_none() && m.value.as_deref().is_some_and(|v| v.len() == 7 || v.len() == 10)).then_some(m);
        if let Some(m) = self.relative(k).and_then(single).or_else(|| self.holiday(k).and_then(single)) {
            return Some((m.end, m.value?, true));
        }
        if let Some(m) = self.numeric(k).filter(|m| m.kind == DateKind::Date && m.end_value.is_none()) {
            return Some((m.end, m.value?, self.numeric_has_year(k)));
        }
        if let Some(d) = self.any_dmy(k) {
            return Some((d.end, self.dmy_value(&d), d.year.is_some()));
        }
        // After "from", "between" a lower-case name is the month ("between august and october").
        let month = self.month_at(k, true).or_else(|| self.c.months.at(self.lx, k).filter(|_| year_ok).map(|(e, m)| (e, m, false)));
        if let Some((e, m, abbr)) = month {
            let (end, year) = self.year_tail(e);
            // An abbreviation needs its year, a "from" or a glued dash ("de sept. a nov.", "Jan-Feb 2017").
            if abbr && year.is_none() && !year_ok && !(self.punct(end, "-") && self.glued(end)) {
                return None;
            }
            let y = year.or(self.r.map(|r| r.year))?;
            return Some((end, format!("{y:04}-{m:02}"), year.is_some()));
        }
        let (e, y) = self.year_at(k).filter(|_| year_ok)?;
        Some((e, format!("{y:04}"), true))
    }

    /// "de marzo a mayo", "from March to May", "10/1/2018 - 10/7/2018",
    /// "de 2014 hasta mayo de 2018": two ends of any kinds. An end without a
    /// year that falls before the start is in the next year.
    fn endpoint_range(&self, i: usize, j: usize, to: &dyn Fn(usize) -> Option<usize>) -> Option<M> {
        let from = j > i;
        let (e1, mut v1, y1) = self.endpoint(j, from)?;
        let k = to(e1)?;
        let (e2, mut v2, y2) = self.endpoint(k, from)?;
        // "de noviembre a febrero de 2017": the first end takes the year of the second, or the one before.
        if !y1 && y2 && v1.len() > 4 {
            let y: i32 = v2.get(..4)?.parse().ok()?;
            let later = v1[4..] > *v2.get(4..v1.len().min(v2.len()))?;
            v1 = format!("{:04}{}", if later { y - 1 } else { y }, &v1[4..]);
        }
        if v2.len() == v1.len() && v2 < v1 {
            if y2 {
                return None;
            }
            let y: i32 = v2.get(..4)?.parse().ok()?;
            v2 = format!("{:04}{}", y + 1, &v2[4..]);
        }
        Some(M { start: i, end: e2, kind: DateKind::Date, value: Some(v1), end_value: Some(v2), unresolved: None })
    }

    /// "el 7 y el 8 de noviembre": the first day takes the month of the second.
    fn coordinated_day(&self, i: usize) -> Option<M> {
        let (e, d1) = self.day_at(i)?;
        if self.l(i).is_some_and(|l| l.kind != PieceKind::Num) {
            return None;
        }
        let k = self.c.day_coord.has(self.lx, e)?;
        let d2 = self.dm(k)?;
        let first = Dmy { end: e, day: d1, month: d2.month, year: d2.year };
        Self::valid_dm(d1, d2.month, d2.year).then(|| M::new(i, e, DateKind::Date, Some(self.dmy_value(&first))))
    }

    /// "los años 90", "la década de los ochenta", "the 1990s": TIMEX3 decade `199`.
    fn decade(&self, i: usize) -> Option<M> {
        let (j, intro) = match self.c.decade_intro.has(self.lx, i) {
            Some(e) => (e, true),
            None => (i, false),
        };
        let (e, v) = if let Some(v) = self.int_at(j, 4) {
            (j + 1, v)
        } else if intro {
            let n = number_at(self.t, self.lx, j, self.c)?;
            if n.value.fract() != 0.0 || n.weak {
                return None;
            }
            (n.end, n.value as u32)
        } else {
            return None;
        };
        let (e, suffixed) = match self.c.decade_suffix.has(self.lx, e) {
            Some(e2) if self.glued(e) => (e2, true),
            _ => (e, false),
        };
        // A bare "los 90" needs the suffix or a longer intro.
        if !(suffixed || intro && e - i >= 3 || intro && self.lx[i..j].len() >= 2) {
            return None;
        }
        let year = match v {
            10..=90 if v % 10 == 0 => 1900 + v,
            1000..=2990 if v % 10 == 0 => v,
            _ => return None,
        };
        Some(M::new(i, e, DateKind::Date, Some(format!("{}", year / 10))))
    }

    // ---- numeric dates ----

    // ---- weekday + date ----

    fn weekday_date(&self, i: usize) -> Option<M> {
        let (e, _) = self.weekday_at(i)?;
        let j = if self.punct(e, ",") { e + 1 } else { e };
        if let Some(d) = self.any_dmy(j) {
            return Some(M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d))));
        }
        // "el sábado día 27"
        let mut m = self.day_of_month(j, 0)?;
        m.start = i;
        Some(m)
    }

    /// "día 27" (after an optional direction): the day of the reference
    /// month, or the nearest such day after (`dir` 1) or before (-1) it.
    fn day_of_month(&self, i: usize, dir: i64) -> Option<M> {
        let k = self.c.day_noun.has(self.lx, i)?;
        if let Some(d) = self.dm(k) {
            return Some(M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d))));
        }
        let (e, day) = self.day_at(k)?;
        if self.l(k).is_some_and(|l| l.kind != PieceKind::Num) {
            return None;
        }
        let Some(r) = self.r else {
            return Some(M::new(i, e, DateKind::Date, Some(format!("XXXX-XX-{day:02}"))));
        };
        // Walk month by month (at most a year) to a month that has this day.
        let mut month = CivilDate { day: 1, ..r };
        for _ in 0..13 {
            let fits = day <= days_in_month(month.year, month.month);
            let ok = fits
                && match dir {
                    1 => (month.year, month.month, day) > (r.year, r.month, r.day),
                    -1 => (month.year, month.month, day) < (r.year, r.month, r.day),
                    _ => true,
                };
            if ok {
                return Some(M::new(i, e, DateKind::Date, Some(ymd(month.year, month.month, day))));
            }
            month = month.add_months(if dir < 0 { -1 } else { 1 });
        }
        None
    }

    // ---- relative expressions ----

    fn relative(&self, i: usize) -> Option<M> {
        let lx = self.lx;
        // "los próximos tres días", "las últimas 2 semanas".
        if let Some((k, dir)) = self.c.window_before.at(lx, i) {
            if let Some(m) = self.window(i, k, dir as i64) {
                return Some(m);
            }
        }
        let (j, article) = match self.c.date_articles.has(lx, i) {
            Some(e) => (e, true),
            None => (i, false),
        };
        // Direction before the head: "el pasado lunes", "next Tuesday", "este mes".
        let before = if let Some(e) = self.c.last_before.has(lx, j) {
            Some((e, -1))
        } else if let Some(e) = self.c.next_before.has(lx, j) {
            Some((e, 1))
        } else if !article {
            self.c.this_words.has(lx, j).map(|e| (e, 0))
        } else if self.c.this_words.has(lx, i).is_some() {
            Some((j, 0)) // the article itself is "este"
        } else {
            None
        };
        if let Some((k, dir)) = before {
            if let Some(m) = self.window(i, k, dir) {
                return Some(m);
            }
            // "el pasado 17 de septiembre", "el próximo 3 de mayo": the nearest such day in that direction.
            if let Some(numeric::Numeric::Day(d)) = self.numeric_date(k).filter(|_| dir == 0) {
                return Some(M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d))));
            }
            if let Some(m) = self.directed_day(i, k, dir) {
                return Some(m);
            }
            if let Some(mut m) = self.day_of_month(k, dir) {
                m.start = i;
                return Some(m);
            }
            let by_week = self.c.cal.weekday_by_week.has(lx, j) == Some(k) && self.c.this_words.has(lx, i).is_none();
            if let Some((e, v)) = self.head_value(k, if by_week { 2 * dir } else { dir }) {
                return Some(M::rel(i, e, v));
            }
        }
        // "los 2 días siguientes", "the 5 past years".
        if let Some((e, _, _, _)) = self.amount_unit(j) {
            if let Some((e2, dir)) = self.c.window_after.at(lx, e) {
                let dir = dir as i64;
                if let Some(mut m) = self.window(i, j, dir) {
                    m.end = e2;
                    return Some(m);
                }
            }
        }
        // Direction after the head: "el mes pasado", "el año que viene", "septiembre pasado".
        let head_end = self
            .c
            .units
            .at(lx, j)
            .map(|(e, _)| e)
            .or_else(|| self.weekday_at(j).map(|(e, _)| e))
            .or_else(|| self.month_at(j, false).map(|(e, _, _)| e))
            .or_else(|| self.c.year_parts.at(lx, j).map(|(e, _)| e))?;
        let dir = if let Some(e) = self.c.last_after.has(lx, head_end) {
            Some((e, -1))
        } else if let Some(e) = self.c.next_after.has(lx, head_end) {
            Some((e, 1))
        } else {
            self.c.this_after.has(lx, head_end).map(|e| (e, 0))
        };
        if let Some((e, dir)) = dir {
            let by_week = self.c.cal.weekday_by_week.has(lx, head_end) == Some(e);
            if let Some((he, v)) = self.head_value(j, if by_week { 2 * dir } else { dir }) {
                if he == head_end {
                    return Some(M::rel(i, e, v));
                }
            }
        }
        None
    }

    /// "el pasado 17 de septiembre", "next May 3": the nearest such day that way.
    fn directed_day(&self, i: usize, k: usize, dir: i64) -> Option<M> {
        if dir == 0 {
            return None;
        }
        let numeric_dm = || match self.numeric_date(k) {
            Some(numeric::Numeric::Day(d)) => Some(d),
            _ => None,
        };
        let d = self.dm(k).or_else(numeric_dm)?;
        let value = match (d.year, self.r) {
            (None, Some(r)) => {
                let md = (d.month, d.day);
                let today = (r.month, r.day);
                let y = match dir {
                    -1 if md <= today => r.year,
                    -1 => r.year - 1,
                    _ if md >= today => r.year,
                    _ => r.year + 1,
                };
                Some(ymd(y, d.month, d.day))
            }
            _ => Some(self.dmy_value(&d)),
        };
        Some(M::new(i, d.end, DateKind::Date, value))
    }

    /// A window of days next to the reference: "los próximos tres días",
    /// "next 3 days" (from tomorrow), "the last 2 weeks" (to yesterday);
    /// with `dir` 0, "within 9 months" (from today). Only day-sized units.
    fn window(&self, i: usize, k: usize, dir: i64) -> Option<M> {
        let (e, n, unit, _) = self.amount_unit(k)?;
        if n.fract() != 0.0 || !(1.0..=10_000.0).contains(&n) {
            return None;
        }
        let n = n as i64;
        let Some(r) = self.r else {
            return Some(M::rel(i, e, None));
        };
        let (a, b) = windows::window_days(r, n, unit, dir)?;
        Some(M { start: i, end: e, kind: DateKind::Date, value: Some(a.to_string()), end_value: Some(b.to_string()), unresolved: None })
    }

    /// "within 9 months": a window from the reference.
    fn within(&self, i: usize) -> Option<M> {
        let j = self.c.within.has(self.lx, i)?;
        let j = self.c.next_before.has(self.lx, j).unwrap_or(j);
        self.window(i, j, 0)
    }

    /// The value of a unit, weekday or month shifted by `dir` (-1, 0, 1) from the reference.
    fn head_value(&self, k: usize, wdir: i64) -> Option<(usize, Option<String>)> {
        let r = self.r;
        let dir = wdir.signum();
        // "el próximo trimestre", "last quarter": the part of the year holding the reference, shifted.
        if let Some((e, (letter, count))) = self.c.year_parts.at(self.lx, k) {
            let count = count as i64;
            let v = r.map(|r| {
                let idx = r.year as i64 * count + (r.month as i64 - 1) / (12 / count) + dir;
                format!("{:04}-{letter}{}", idx.div_euclid(count), idx.rem_euclid(count) + 1)
            });
            return Some((e, v));
        }
        if let Some((e, unit)) = self.c.units.at(self.lx, k) {
            let v = r.map(|r| match unit {
                Unit::Day => Some(r.add_days(dir).to_string()),
                Unit::Week => Some(r.add_days(7 * dir).week_string()),
                Unit::Weekend => Some(format!("{}-WE", r.add_days(7 * dir).week_string())),
                Unit::Month => {
                    let d = r.add_months(dir);
                    Some(format!("{:04}-{:02}", d.year, d.month))
                }
                Unit::Year => Some(format!("{:04}", r.year as i64 + dir)),
                Unit::Decade => Some(format!("{}", (r.year as i64).div_euclid(10) + dir)),
                Unit::Century => Some(format!("{}", (r.year as i64).div_euclid(100) + dir)),
                _ => None,
            });
            return match v {
                Some(None) => None,
                Some(Some(s)) => Some((e, Some(s))),
                None => matches!(
                    unit,
                    Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year | Unit::Decade | Unit::Century
                )
                .then_some((e, None)),
            };
        }
        if let Some((e, wd)) = self.weekday_at(k) {
            let v = r.map(|r| {
                let rw = r.weekday() as i64;
                let wd = wd as i64;
                // "el lunes pasado" is the nearest one; "previous Monday" (by week, ±2)
                // the Monday of last week, as TIMEX resolves it.
                let delta = match wdir {
                    -1 => -(((rw - wd).rem_euclid(7) + 6) % 7 + 1),
                    1 => ((wd - rw).rem_euclid(7) + 6) % 7 + 1,
                    -2 => wd - rw - 7,
                    2 => wd - rw + 7,
                    _ => wd - rw,
                };
                r.add_days(delta).to_string()
            });
            return Some((e, v));
        }
        if let Some((e, m, _)) = self.month_at(k, false) {
            let v = r.map(|r| {
                let y = match dir {
                    -1 if m < r.month => r.year,
                    -1 => r.year - 1,
                    1 if m > r.month => r.year,
                    1 => r.year + 1,
                    _ => r.year,
                };
                format!("{y:04}-{m:02}")
            });
            return Some((e, v));
        }
        None
    }

    /// A whole amount of a unit: "dos semanas", "3 días", "un mes".
    fn amount_unit(&self, i: usize) -> Option<(usize, f64, Unit, bool)> {
        let i = self.c.approx.has(self.lx, i).unwrap_or(i);
        let Some(n) = number_at(self.t, self.lx, i, self.c) else {
            // "año y medio": one and a half
            let (e, unit) = self.c.units.at(self.lx, i)?;
            let e2 = self.c.and_half.has(self.lx, e)?;
            return Some((e2, 1.5, unit, false));
        };
        let (mut e, unit) = self.c.units.at(self.lx, n.end)?;
        if n.value < 0.0 || !n.value.is_finite() {
            return None;
        }
        let mut v = n.value;
        if let Some(e2) = self.c.and_half.has(self.lx, e) {
            v += 0.5;
            e = e2;
        }
        Some((e, v, unit, n.weak))
    }

    fn offset_value(&self, n: f64, unit: Unit, sign: i64) -> (Option<String>, Option<&'static str>) {
        // A year and a half is eighteen months.
        if unit == Unit::Year && n.fract() == 0.5 && n < 100_000.0 {
            return self.offset_value(n * 12.0, Unit::Month, sign);
        }
        if n.fract() != 0.0 || n > 100_000.0 {
            return (None, Some("fractional or huge offset"));
        }
        let n = n as i64 * sign;
        let Some(r) = self.r else { return (None, Some(NEEDS_REFERENCE)) };
        let v = match unit {
            Unit::Day => r.add_days(n).to_string(),
            Unit::Week => r.add_days(7 * n).week_string(),
            Unit::Weekend => format!("{}-WE", r.add_days(7 * n).week_string()),
            Unit::Month => {
                let d = r.add_months(n);
                format!("{:04}-{:02}", d.year, d.month)
            }
            Unit::Year => format!("{:04}", r.year as i64 + n),
            Unit::Decade => format!("{}", (r.year as i64 + 10 * n).div_euclid(10)),
            Unit::Century => format!("{}", (r.year as i64 + 100 * n).div_euclid(100)),
            _ => return (None, Some(BELOW_DAY)),
        };
        (Some(v), None)
    }

    /// "hace dos semanas".
    fn ago_before(&self, i: usize) -> Option<M> {
        let j = self.c.ago_before.has(self.lx, i)?;
        if let Some(a) = self.amounts(j) {
            return Some(M::rel(i, a.end, self.r.map(|r| a.shift(r, -1).to_string())));
        }
        let (e, n, unit, _) = self.amount_unit(j)?;
        let (value, unresolved) = self.offset_value(n, unit, -1);
        Some(M { start: i, end: e, kind: DateKind::Date, value, end_value: None, unresolved })
    }

    /// "dentro de tres días", "in two weeks".
    fn in_future(&self, i: usize) -> Option<M> {
        let j = self.c.in_future.has(self.lx, i)?;
        if let Some(a) = self.amounts(j) {
            // "en dos años de gobierno", "in two years of talks": a duration.
            if self.c.day_month_link.has(self.lx, a.end).is_some() {
                return None;
            }
            return Some(M::rel(i, a.end, self.r.map(|r| a.shift(r, 1).to_string())));
        }
        let (e, n, unit, _) = self.amount_unit(j)?;
        let (value, unresolved) = self.offset_value(n, unit, 1);
        Some(M { start: i, end: e, kind: DateKind::Date, value, end_value: None, unresolved })
    }

    /// "cada lunes", "todos los días", "every two weeks".
    fn set(&self, i: usize) -> Option<M> {
        let j = self.c.set_words.has(self.lx, i)?;
        if let Some((e, wd)) = self.weekday_at(j) {
            return Some(M::new(i, e, DateKind::Set, Some(format!("XXXX-WXX-{wd}"))));
        }
        if let Some((e, unit)) = self.c.units.at(self.lx, j) {
            return Some(M::new(i, e, DateKind::Set, Some(iso_duration(1.0, unit))));
        }
        let (e, n, unit, weak) = self.amount_unit(j)?;
        if weak {
            return None;
        }
        Some(M::new(i, e, DateKind::Set, Some(iso_duration(n, unit))))
    }

    // ---- clock times ----

    fn time(&self, i: usize) -> Option<M> {
        if let Some((e, h)) = self.c.fixed_times.at(self.lx, i) {
            return Some(M::new(i, e, DateKind::Time, Some(format!("T{h:02}:00"))));
        }
        let (j, strong_intro) = match self.c.time_intro.has(self.lx, i) {
            Some(e) => (e, e - i >= 2),
            None => (i, false),
        };
        let intro = j > i;
        let l = self.l(j)?;
        if l.kind != PieceKind::Num {
            return None;
        }
        let raw = &self.t[l.start..l.end];
        let (h, mut m, mut e) = if let Some((a, b)) = raw.split_once('.').or_else(|| raw.split_once(',')) {
            if a.len() > 2
                || b.len() != 2
                || !a.bytes().all(|c| c.is_ascii_digit())
                || !b.bytes().all(|c| c.is_ascii_digit())
            {
                return None;
            }
            (a.parse::<u32>().ok()?, Some(b.parse::<u32>().ok()?), j + 1)
        } else {
            (self.int_at(j, 2)?, None, j + 1)
        };
        if m.is_none() && self.punct(e, ":") && self.glued(e) && self.glued(e + 1) {
            let mm = self.l(e + 1)?;
            if mm.end - mm.start == 2 {
                m = Some(self.int_at(e + 1, 2)?);
                e += 2;
            }
        }
        let mut hour = h;
        let mut marked = false;
        // "a las 9 y media", "las 10 menos cuarto"
        if m.is_none() {
            if let Some((e2, delta)) = self.c.time_fractions.at(self.lx, e) {
                if !(0..=24).contains(&h) {
                    return None;
                }
                let total = (h as i32 * 60 + delta).rem_euclid(24 * 60);
                hour = (total / 60) as u32;
                m = Some((total % 60) as u32);
                e = e2;
                marked = true;
            }
        }
        if let Some(e2) = self.c.am.has(self.lx, e) {
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = if hour == 12 { 0 } else { hour };
            e = e2;
            marked = true;
        } else if let Some(e2) = self.c.pm.has(self.lx, e) {
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = if hour == 12 { 12 } else { hour + 12 };
            e = e2;
            marked = true;
        } else if let Some(e2) = self.c.night.has(self.lx, e) {
            hour = match hour {
                6..=11 => hour + 12,
                12 => 0,
                _ => hour,
            };
            e = e2;
            marked = true;
        } else if let Some(e2) = self.c.time_after.has(self.lx, e) {
            if m.is_some() || intro {
                e = e2;
                marked = true;
            } else {
                return None; // "48 horas" is a duration
            }
        }
        let colon_minutes = m.is_some() && self.t[self.lx[j].start..self.lx[e - 1].end].contains(':');
        if !(marked || strong_intro || colon_minutes || (intro && m.is_some())) {
            return None;
        }
        if hour > 24 || m.is_some_and(|m| m > 59) {
            return None;
        }
        let value = format!("T{:02}:{:02}", hour % 24, m.unwrap_or(0));
        Some(M::new(i, e, DateKind::Time, Some(value)))
    }

    // ---- amounts: "dos semanas", "two weeks ago", "dos años y medio" ----

    fn amount(&self, i: usize) -> Option<M> {
        // "medio año", "half a year"
        if let Some(e) = self.c.half.has(self.lx, i) {
            if let Some((e2, unit)) = self.c.units.at(self.lx, e) {
                return Some(M::new(i, e2, DateKind::Duration, Some(iso_duration(0.5, unit))));
            }
        }
        // "more than two years ago": the approximation belongs to the date; a
        // duration starts at its number.
        let approx = self.c.approx.has(self.lx, i);
        // "varias semanas", "a few hours": three, as TIMEX reads them.
        // After "hace" the count belongs to the date.
        let after_ago = i > 0 && self.c.ago_before.ending_at(self.lx, i, 2).is_some();
        if let Some((e, unit)) = self.c.cal.vague_counts.has(self.lx, i).filter(|_| !after_ago).and_then(|e| self.c.units.at(self.lx, e)) {
            return Some(M::new(i, e, DateKind::Duration, Some(iso_duration(3.0, unit))));
        }
        let n = number_at(self.t, self.lx, approx.unwrap_or(i), self.c)?;
        if !n.value.is_finite() || n.value < 0.0 {
            return None;
        }
        let mut value = n.value;
        let mut j = n.end;
        // "two and a half years"
        if let Some(e) = self.c.and_half.has(self.lx, j) {
            if self.c.units.at(self.lx, e).is_some() {
                value += 0.5;
                j = e;
            }
        }
        let (mut e, unit) = self.c.units.at(self.lx, j)?;
        if value == n.value {
            if let Some(e2) = self.c.and_half.has(self.lx, e) {
                value += 0.5;
                e = e2;
            }
        }
        if let Some(e2) = self.c.ago_after.has(self.lx, e) {
            let (v, unresolved) = self.offset_value(value, unit, -1);
            return Some(M { start: i, end: e2, kind: DateKind::Date, value: v, end_value: None, unresolved });
        }
        if approx.is_some() {
            return None;
        }
        // "a day", and "a second round" (the unit is an ordinal too, and a word follows).
        let ordinal = self.c.ordinal_words.at(self.lx, j).is_some() && self.l(e).is_some_and(|l| l.kind == PieceKind::Word);
        if n.weak && (matches!(unit, Unit::Day) || ordinal) {
            return None;
        }
        Some(M::new(i, e, DateKind::Duration, Some(iso_duration(value, unit))))
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
