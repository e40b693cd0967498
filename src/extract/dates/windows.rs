//! Spans of days around a count or a day: "los 5 próximos años", "the 10
//! previous weeks", "las próximas dos décadas", "the first 2 weeks of 2021",
//! "los últimos cuatro meses de 2021", "the week of April 10th", "3 days
//! starting from next Monday".
//!
//! A window next to the reference starts tomorrow (or ends yesterday), as
//! "the next 3 days" does not count today; decades and centuries go by
//! whole ones ("the next two decades" from 2018 are the 2020s and 2030s).
//! The n-th week of a period is the ISO week of its n-th Thursday, as in
//! `periods`.

use super::{DateKind, Scan, M};
use crate::extract::calendar::{days_in_month, CivilDate};
use crate::extract::lexicon::Unit;

/// `d` moved by `by` units of a day or more.
fn shift(d: CivilDate, unit: Unit, by: i64) -> Option<CivilDate> {
    Some(match unit {
        Unit::Day => d.add_days(by),
        Unit::Week => d.add_days(7 * by),
        Unit::Month => d.add_months(by),
        Unit::Year => d.add_months(12 * by),
        _ => return None,
    })
}

/// The first and last day of `n` units after (`dir` 1), before (-1) or
/// from (0) the reference `r`.
pub(super) fn window_days(r: CivilDate, n: i64, unit: Unit, dir: i64) -> Option<(CivilDate, CivilDate)> {
    if let Unit::Decade | Unit::Century = unit {
        let years = if unit == Unit::Decade { 10 } else { 100 };
        let now = CivilDate::new(r.year.div_euclid(years) * years, 1, 1)?;
        let first = match dir {
            1 => now.add_months(12 * years as i64),
            -1 => now.add_months(-12 * years as i64 * n),
            _ => now,
        };
        return Some((first, first.add_months(12 * years as i64 * n).add_days(-1)));
    }
    Some(match dir {
        1 => (r.add_days(1), shift(r, unit, n)?),
        -1 => (shift(r, unit, -n)?, r.add_days(-1)),
        _ => (r, shift(r, unit, n)?.add_days(-1)),
    })
}

fn span(i: usize, end: usize, a: CivilDate, b: CivilDate) -> M {
    M { start: i, end, kind: DateKind::Date, value: Some(a.to_string()), end_value: Some(b.to_string()), unresolved: None }
}

impl Scan<'_> {
    /// A window of days next to the reference: "los próximos tres días",
    /// "next 3 days" (from tomorrow), "the last 2 weeks" (to yesterday);
    /// with `dir` 0, "within 9 months" (from today). Only day-sized units.
    pub(super) fn window(&self, i: usize, k: usize, dir: i64) -> Option<M> {
        // "the next few weeks": a vague count bounds a window well enough.
        let vague = || self.vague_amount(k).map(|(e, n, unit)| (e, n, unit, false));
        let (e, n, unit, _) = self.amount_unit(k).or_else(vague)?;
        if n.fract() != 0.0 || !(1.0..=10_000.0).contains(&n) {
            return None;
        }
        let n = n as i64;
        let Some(r) = self.r else {
            return Some(M::rel(i, e, None));
        };
        let (a, b) = window_days(r, n, unit, dir)?;
        Some(M { start: i, end: e, kind: DateKind::Date, value: Some(a.to_string()), end_value: Some(b.to_string()), unresolved: None })
    }

    /// "el resto del año", "the rest of the week": from the day after the
    /// reference to the end of its week, month or year.
    pub(super) fn rest_of(&self, i: usize) -> Option<M> {
        let k = self.c.cal.rest_of.has(self.lx, i)?;
        let (e, unit) = self.c.units.at(self.lx, k)?;
        let Some(r) = self.r else {
            return matches!(unit, Unit::Week | Unit::Month | Unit::Year).then(|| M::rel(i, e, None));
        };
        let last = match unit {
            Unit::Week => r.add_days(7 - i64::from(r.weekday())),
            Unit::Month => CivilDate::new(r.year, u32::from(r.month), u32::from(days_in_month(r.year, r.month)))?,
            Unit::Year => CivilDate::new(r.year, 12, 31)?,
            _ => return None,
        };
        (last > r).then(|| span(i, e, r.add_days(1), last))
    }

    /// "the week after next", "el año después del próximo": two units ahead.
    pub(super) fn after_next(&self, i: usize) -> Option<M> {
        let k = self.c.date_articles.has(self.lx, i)?;
        let (e, unit) = self.c.units.at(self.lx, k)?;
        let end = self.c.cal.after_next.has(self.lx, e)?;
        let Some(r) = self.r else { return Some(M::rel(i, end, None)) };
        let v = super::relative::unit_shifted(r, unit, 2).filter(|_| matches!(unit, Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year))?;
        Some(M::new(i, end, DateKind::Date, Some(v)))
    }

    /// "within 9 months": a window from the reference.
    pub(super) fn within(&self, i: usize) -> Option<M> {
        let j = self.c.within.has(self.lx, i)?;
        let j = self.c.next_before.has(self.lx, j).unwrap_or(j);
        self.window(i, j, 0)
    }

    /// A whole count of at most 10,000 and its unit.
    fn whole_count(&self, k: usize) -> Option<(usize, i64, Unit)> {
        let (e, n, unit, _) = self.amount_unit(k)?;
        (n.fract() == 0.0 && (1.0..=10_000.0).contains(&n)).then_some((e, n as i64, unit))
    }

    /// "the 5 upcoming years", "los 2 próximos meses", "the 10 previous weeks":
    /// the count before its direction, after an article ("$5 last month" is money).
    pub(super) fn count_window(&self, i: usize) -> Option<M> {
        let j = self.c.date_articles.has(self.lx, i).or_else(|| self.c.determiners.has(self.lx, i))?;
        let n = crate::extract::numbers::number_at(self.t, self.lx, j, self.c).filter(|n| !n.weak && n.value.fract() == 0.0)?;
        // A plain count: "$1k last month" is an amount.
        if !(n.words || n.end == j + 1 && self.int_at(j, 4).is_some()) {
            return None;
        }
        let (k, dir) = if let Some((e, d)) = self.c.window_after.at(self.lx, n.end) {
            (e, d as i64)
        } else if let Some(e) = self.c.next_before.has(self.lx, n.end) {
            (e, 1)
        } else {
            (self.c.last_before.has(self.lx, n.end)?, -1)
        };
        let (e, unit) = self.c.units.at(self.lx, k)?;
        if !(1.0..=10_000.0).contains(&n.value) {
            return None;
        }
        let Some(r) = self.r else { return Some(M::rel(i, e, None)) };
        let (a, b) = window_days(r, n.value as i64, unit, dir)?;
        Some(span(i, e, a, b))
    }

    /// "the first 2 weeks of 2021", "los últimos cuatro meses de 2021",
    /// "first ten days of last year".
    pub(super) fn first_units_of(&self, i: usize) -> Option<M> {
        let j = self.c.date_articles.has(self.lx, i).or_else(|| self.c.determiners.has(self.lx, i)).unwrap_or(i);
        let (k, first) = self.c.cal.first_last_n.at(self.lx, j).map(|(e, d)| (e, d > 0))?;
        let (e, n, unit) = self.whole_count(k)?;
        let link = self.c.month_year_link.has(self.lx, e)?;
        let (end, from, to) = self.period_at(link)?;
        let (a, b) = match (unit, first) {
            (Unit::Week, true) => {
                let monday = from.add_days((11 - from.weekday() as i64) % 7 - 3);
                (monday, monday.add_days(7 * n - 1))
            }
            (Unit::Week, false) => {
                let sunday = to.add_days(-((to.weekday() as i64 + 3) % 7) + 3);
                (sunday.add_days(1 - 7 * n), sunday)
            }
            (_, true) => (from, shift(from, unit, n)?.add_days(-1)),
            (Unit::Month, false) => {
                let a = CivilDate { day: 1, ..to }.add_months(1 - n);
                (a, to)
            }
            (_, false) => (shift(to.add_days(1), unit, -n)?, to),
        };
        (a >= from && b <= to || unit == Unit::Week).then(|| span(i, end, a, b))
    }

    /// "the week of April 10th", "w/c Feb 4", "la semana del 18": the
    /// Monday-to-Sunday week that holds the day.
    pub(super) fn week_of(&self, i: usize) -> Option<M> {
        let k = self.c.cal.week_of.has(self.lx, i)?;
        let k = self.c.date_articles.has(self.lx, k).filter(|_| self.c.day_noun.has(self.lx, k).is_none()).unwrap_or(k);
        let m = self
            .any_dmy(k)
            .map(|d| M::new(k, d.end, DateKind::Date, Some(self.dmy_value(&d))))
            .or_else(|| self.numeric(k).filter(|m| m.end_value.is_none()))
            .or_else(|| self.month_day_alone(k))?;
        let d = CivilDate::parse(m.value.as_deref()?).ok()?;
        let monday = d.add_days(1 - d.weekday() as i64);
        Some(span(i, m.end, monday, monday.add_days(6)))
    }

    /// "the 18th", "el 4.º", "el día 29" after a word that makes it a day: the
    /// reference month's.
    fn month_day_alone(&self, k: usize) -> Option<M> {
        let k = self.c.date_articles.has(self.lx, k).unwrap_or(k);
        let (e, day) = self.day_at(k)?;
        let r = self.r?;
        (day <= days_in_month(r.year, r.month)).then(|| M::new(k, e, DateKind::Date, Some(CivilDate { day, ..r }.to_string())))
    }

    /// "3 days starting from next Monday", "2 weeks starting May 20th",
    /// "1 week, from 20th dec", "dos semanas a partir del lunes".
    pub(super) fn units_from(&self, i: usize) -> Option<M> {
        let (e, n, unit) = self.whole_count(i)?;
        let k = self.c.cal.starting_from.has(self.lx, e)?;
        // A bare "from" is an offset ("3 days from today", "3 días a partir de hoy");
        // the comma or "starting" makes it a start.
        if self.c.offset_links.at(self.lx, e).is_some_and(|(k2, _)| k2 == k) {
            return None;
        }
        let (end, from) = self.anchor(k)?;
        let to = shift(from, unit, n)?.add_days(-1);
        Some(span(i, end, from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades_go_by_whole_ones() {
        let r = CivilDate::new(2018, 7, 2).unwrap();
        let (a, b) = window_days(r, 2, Unit::Decade, 1).unwrap();
        assert_eq!((a.to_string(), b.to_string()), ("2020-01-01".into(), "2039-12-31".into()));
        let (a, b) = window_days(r, 1, Unit::Decade, -1).unwrap();
        assert_eq!((a.to_string(), b.to_string()), ("2000-01-01".into(), "2009-12-31".into()));
    }
}
