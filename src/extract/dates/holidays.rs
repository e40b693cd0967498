//! Holidays by name: "Navidad", "Semana Santa", "Thanksgiving 2023", "the
//! next Easter", "Día de Muertos del año pasado", "labor day weekend".
//!
//! The names are the language's `holidays.tsv`; the rules, shared by all
//! languages, are `common/data/holidays.tsv` (checked against the PyPI
//! package `holidays`, see `tools/langdata/README.md`). A name with a rule
//! for several countries ("Día de la Independencia") takes the row of the
//! name's own country, then the default row, then the language's default
//! country; with none of these it stays unresolved, as no country is known.
//! Western Easter is computed (the computus), so movable feasts need no table.

use std::sync::OnceLock;

use super::{DateKind, Scan, M};
use crate::extract::calendar::{days_in_month, CivilDate};
use crate::extract::lexicon::Unit;
use crate::lang::tables::COMMON_HOLIDAYS;

pub(super) const UNKNOWN_COUNTRY: &str = "holiday of an unknown country";

/// How a holiday falls in a given year.
enum Rule {
    /// Month, day and the length of the span in days (1 for one day).
    Fixed(u8, u8, i64),
    /// Days from Easter Sunday to the first and last day.
    Easter(i64, i64),
    /// The n-th (0: last) weekday of a month, plus some days.
    Nth { weekday: u8, month: u8, n: u8, plus: i64 },
    /// Listed dates (lunar and Islamic calendars).
    Dates(Vec<CivilDate>),
}

struct Row {
    id: &'static str,
    rule: Rule,
    countries: &'static str,
    years: (i32, i32, i32),
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian computus.
pub(super) fn easter(y: i32) -> Option<CivilDate> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CivilDate::new(y, month as u32, day as u32)
}

fn weekday_code(s: &str) -> Option<u8> {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().position(|w| *w == s).map(|p| p as u8 + 1)
}

fn month_day(s: &str) -> Option<(u8, u8)> {
    let (m, d) = s.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

fn parse_rule(s: &str) -> Option<Rule> {
    let mut w = s.split_whitespace();
    match w.next()? {
        "fixed" => {
            let spec = w.next()?;
            let (a, b) = spec.split_once("..").unwrap_or((spec, spec));
            let ((m, d), (m2, d2)) = (month_day(a)?, month_day(b)?);
            let len = CivilDate::new(2001, m2 as u32, d2 as u32)?.to_days() - CivilDate::new(2001, m as u32, d as u32)?.to_days();
            Some(Rule::Fixed(m, d, len.max(0) + 1))
        }
        "easter" => {
            let spec = w.next()?;
            let (a, b) = spec.split_once("..").unwrap_or((spec, spec));
            Some(Rule::Easter(a.parse().ok()?, b.parse().ok()?))
        }
        kind @ ("nth" | "last") => {
            let weekday = weekday_code(w.next()?)?;
            let month: u8 = w.next()?.parse().ok()?;
            let n = if kind == "nth" { w.next()?.parse().ok()? } else { 0 };
            let plus = w.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            Some(Rule::Nth { weekday, month, n, plus })
        }
        "dates" => Some(Rule::Dates(w.next()?.split(',').filter_map(|d| CivilDate::parse(d).ok()).collect())),
        _ => None,
    }
}

/// `1984-`, `-2005`, `2002-2019`, `1937-/4`: first year, last year, step.
fn parse_years(s: &str) -> (i32, i32, i32) {
    let (span, step) = s.split_once('/').map_or((s, 1), |(a, b)| (a, b.parse().unwrap_or(1)));
    let (a, b) = span.split_once('-').unwrap_or((span, span));
    let a = a.parse().unwrap_or(i32::MIN);
    let b = if span.is_empty() || b.is_empty() { i32::MAX } else { b.parse().unwrap_or(i32::MAX) };
    (a, b, step.max(1))
}

fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        COMMON_HOLIDAYS
            .lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                let rule = parse_rule(f.get(1)?)?;
                Some(Row { id: f[0], rule, countries: f.get(2).copied().unwrap_or("*"), years: parse_years(f.get(3).copied().unwrap_or("")) })
            })
            .collect()
    })
}

impl Rule {
    /// The first and last day in year `y`.
    fn days(&self, y: i32) -> Option<(CivilDate, CivilDate)> {
        match *self {
            Rule::Fixed(m, d, len) => {
                let a = CivilDate::new(y, m as u32, d as u32)?;
                Some((a, a.add_days(len - 1)))
            }
            Rule::Easter(a, b) => {
                let e = easter(y)?;
                Some((e.add_days(a), e.add_days(b)))
            }
            Rule::Nth { weekday, month, n, plus } => {
                let d = if n == 0 {
                    let last = CivilDate::new(y, month as u32, days_in_month(y, month) as u32)?;
                    last.add_days(-((last.weekday() as i64 - weekday as i64).rem_euclid(7)))
                } else {
                    let first = CivilDate::new(y, month as u32, 1)?;
                    first.add_days((weekday as i64 - first.weekday() as i64).rem_euclid(7) + 7 * (n as i64 - 1))
                };
                let d = d.add_days(plus);
                Some((d, d))
            }
            Rule::Dates(ref v) => v.iter().find(|d| d.year == y).map(|&d| (d, d)),
        }
    }
}

/// The days of holiday `id` in year `y`, as the name's country (or else the
/// default row, or else the language's `fallback` country) keeps it.
fn holiday_days(id: &str, country: &str, fallback: &str, y: i32) -> Option<(CivilDate, CivilDate)> {
    let all: Vec<&Row> = rows().iter().filter(|r| r.id == id).collect();
    let in_year = |r: &&Row| r.years.0 <= y && y <= r.years.1 && (y - r.years.0.max(0)) % r.years.2 == 0;
    let dated: Vec<&Row> = all.iter().copied().filter(in_year).collect();
    for set in [&dated, &all] {
        let has = |c: &str| set.iter().find(|r| !c.is_empty() && r.countries.split(',').any(|x| x == c));
        if let Some(r) = has(country).or_else(|| has("*")).or_else(|| has(fallback)) {
            return r.rule.days(y);
        }
        let mut found = set.iter().filter_map(|r| r.rule.days(y));
        if let Some(first) = found.next() {
            if found.all(|d| d == first) {
                return Some(first);
            }
            return None;
        }
    }
    None
}

/// A fixed day that needs no year ("Navidad" without a reference: `XXXX-12-25`).
fn fixed_day(id: &str, country: &str, fallback: &str) -> Option<(u8, u8)> {
    let (a, b) = holiday_days(id, country, fallback, 2001)?;
    let (a2, b2) = holiday_days(id, country, fallback, 2002)?;
    ((a.month, a.day) == (a2.month, a2.day) && a == b && a2 == b2).then_some((a.month, a.day))
}

/// A holiday name at a piece: its end, id and country.
pub(super) struct Name {
    pub end: usize,
    id: &'static str,
    country: &'static str,
    weak: bool,
}

impl Scan<'_> {
    pub(super) fn holiday_name(&self, k: usize) -> Option<Name> {
        let (end, idx) = self.c.cal.holidays.at(self.lx, k)?;
        let &(name, id, country, weak) = self.c.cal.holiday_names.get(idx as usize)?;
        // Several rows of one name ("army day"): the language's country, or the first.
        let fallback = self.c.lx.holiday_country;
        let same = self.c.cal.holiday_names[idx as usize..].iter().take_while(|r| r.0 == name);
        let (id, country, weak) = same
            .clone()
            .find(|r| !fallback.is_empty() && r.2 == fallback)
            .map_or((id, country, weak), |r| (r.1, r.2, r.3));
        Some(Name { end, id, country, weak })
    }

    /// The days of a holiday in year `y`.
    pub(super) fn holiday_in(&self, n: &Name, y: i32) -> Option<(CivilDate, CivilDate)> {
        holiday_days(n.id, n.country, self.c.lx.holiday_country, y)
    }

    /// The nearest occurrence after (`dir` 1), before (-1) or on or after (2) the reference.
    fn holiday_near(&self, n: &Name, r: CivilDate, dir: i64) -> Option<(CivilDate, CivilDate)> {
        let years = [r.year - 1, r.year, r.year + 1];
        let mut spans = years.iter().filter_map(|&y| self.holiday_in(n, y));
        match dir {
            -1 => spans.filter(|s| s.1 < r).last(),
            1 => spans.find(|s| s.0 > r),
            _ => spans.find(|s| s.1 >= r),
        }
    }

    /// A holiday where an offset counts from it ("2 weeks before Christmas"):
    /// its next occurrence, weak names too.
    pub(super) fn holiday_anchor(&self, k: usize) -> Option<(usize, CivilDate)> {
        let k = self.c.date_articles.has(self.lx, k).unwrap_or(k);
        let Some(n) = self.holiday_name(k) else {
            // "la próxima Nochebuena", "last Easter": as a date of its own.
            let m = self.holiday(k).filter(|m| m.end_value.is_none())?;
            return Some((m.end, CivilDate::parse(m.value.as_deref()?).ok()?));
        };
        let (end, year) = self.holiday_year(n.end);
        let span = match year {
            Some(y) => self.holiday_in(&n, y)?,
            None => self.holiday_near(&n, self.r?, 2)?,
        };
        Some((end, span.0))
    }

    /// After a holiday name: ", 1995", "2010", "of this year", "del año pasado".
    fn holiday_year(&self, e: usize) -> (usize, Option<i32>) {
        if let Some(k) = self.c.month_year_link.has(self.lx, e) {
            if let Some(m) = self.relative(k).filter(|m| m.value.as_deref().is_some_and(|v| v.len() == 4)) {
                return (m.end, m.value.and_then(|v| v.parse().ok()));
            }
        }
        let (end, year) = self.year_tail(e);
        if year.is_some() {
            return (end, year);
        }
        (e, None)
    }

    /// "Navidad", "la próxima Semana Santa", "easter 2018", "Thanksgiving
    /// weekend", "the weekend of Halloween", "labor day 2021 weekend".
    pub(super) fn holiday(&self, i: usize) -> Option<M> {
        let lx = self.lx;
        let j = self.c.date_articles.has(lx, i).unwrap_or(i);
        // "the weekend of halloween", "el fin de semana de Navidad".
        let (j, weekend_before) = match self.c.units.at(lx, j) {
            Some((e, Unit::Weekend)) => (self.c.month_year_link.has(lx, e).or(self.c.day_month_link.has(lx, e))?, true),
            _ => (j, false),
        };
        let (k, dir) = if let Some(e) = self.c.last_before.has(lx, j) {
            (e, -1)
        } else if let Some(e) = self.c.next_before.has(lx, j) {
            (e, 1)
        } else if let Some(e) = self.c.this_words.has(lx, j) {
            (e, 0)
        } else {
            (j, 0)
        };
        let word_before = self.c.cal.holiday_words.ending_at(lx, k, 3).is_some();
        let n = self.holiday_name(k)?;
        let (mut end, year) = self.holiday_year(n.end);
        let weekend_after = self.c.units.at(lx, end).filter(|u| u.1 == Unit::Weekend);
        if let Some((e, _)) = weekend_after {
            end = e;
        }
        let weekend = weekend_before || weekend_after.is_some();
        let (end, year) = if weekend_after.is_some() && year.is_none() { self.holiday_year(end) } else { (end, year) };
        // Where names are capitalised, a weak name written so ("Freedom Day") is one.
        let capitalised = self.c.lx.names_capitalized && n.end - k >= 2 && (k..n.end).all(|x| self.l(x).is_some_and(|l| l.upper));
        if n.weak && !(year.is_some() || k > j || word_before || weekend || capitalised) {
            return None;
        }
        // "Easter Island", "Christmas Island": a name goes on.
        if self.c.lx.names_capitalized && self.l(n.end).is_some_and(|l| l.upper && l.kind == crate::tokenize::pieces::PieceKind::Word && l.space_before)
            && self.month_at(n.end, true).is_none() && self.weekday_at(n.end).is_none() {
            return None;
        }
        let span = match (year, self.r) {
            (Some(y), _) => self.holiday_in(&n, y),
            (None, Some(r)) if k > j => self.holiday_near(&n, r, dir),
            (None, Some(r)) => self.holiday_in(&n, r.year),
            (None, None) => None,
        };
        // The article is no part of the name ("la Navidad"), but "the next Easter" is one phrase.
        let start = if k > j { i } else { self.c.date_articles.has(lx, i).unwrap_or(i) };
        let mut m = M::new(start, end, DateKind::Date, None);
        match span {
            Some((a, b)) if weekend => {
                let (a, b) = weekend_of(a, b);
                m.value = Some(a.to_string());
                m.end_value = Some(b.to_string());
            }
            Some((a, b)) => {
                m.value = Some(a.to_string());
                m.end_value = (b != a).then(|| b.to_string());
            }
            None if self.r.is_none() && year.is_none() && !weekend => {
                m.value = fixed_day(n.id, n.country, self.c.lx.holiday_country).map(|(mo, d)| format!("XXXX-{mo:02}-{d:02}"));
                m.unresolved = m.value.is_none().then_some(super::NEEDS_REFERENCE);
            }
            None => m.unresolved = Some(UNKNOWN_COUNTRY),
        }
        Some(m)
    }
}

/// The long weekend a holiday makes: Saturday to a Monday holiday, a
/// Thursday or Friday holiday to Sunday, else the weekend of its week.
fn weekend_of(a: CivilDate, b: CivilDate) -> (CivilDate, CivilDate) {
    if a != b {
        return (a, b);
    }
    match a.weekday() {
        1 => (a.add_days(-2), a),
        4 | 5 => (a, a.add_days(7 - a.weekday() as i64)),
        6 => (a, a.add_days(1)),
        7 => (a.add_days(-1), a),
        wd => (a.add_days(6 - wd as i64 - 7), a.add_days(7 - wd as i64 - 7)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computus_and_rules() {
        assert_eq!(easter(2019).unwrap().to_string(), "2019-04-21");
        assert_eq!(easter(2018).unwrap().to_string(), "2018-04-01");
        assert_eq!(easter(2000).unwrap().to_string(), "2000-04-23");
        assert_eq!(holiday_days("thanksgiving", "", "US", 2023).unwrap().0.to_string(), "2023-11-23");
        assert_eq!(holiday_days("memorial_day", "", "US", 2021).unwrap().0.to_string(), "2021-05-31");
        assert_eq!(holiday_days("labour_day", "US", "US", 2021).unwrap().0.to_string(), "2021-09-06");
        assert_eq!(holiday_days("labour_day", "", "", 2021).unwrap().0.to_string(), "2021-05-01");
        let (a, b) = holiday_days("holy_week", "", "", 2019).unwrap();
        assert_eq!((a.to_string(), b.to_string()), ("2019-04-14".into(), "2019-04-21".into()));
        assert!(holiday_days("independence", "", "", 2019).is_none());
        assert_eq!(holiday_days("independence", "", "US", 2019).unwrap().0.to_string(), "2019-07-04");
    }
}
