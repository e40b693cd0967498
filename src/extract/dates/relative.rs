//! Dates relative to the reference: a unit, weekday or month with a
//! direction ("el mes pasado", "next Tuesday"), "día 27", and offsets
//! ("hace dos semanas", "in two weeks").

use super::{numeric, ymd, DateKind, Scan, M, BELOW_DAY, NEEDS_REFERENCE};
use crate::extract::calendar::{days_in_month, CivilDate};
use crate::extract::lexicon::Unit;
use crate::extract::numbers::number_at;
use crate::tokenize::pieces::PieceKind;

/// The period `n` units of `unit` from the one holding `r`, as TIMEX writes
/// it ("2018-W22", "2018-05", "2020"); none for a unit below a day.
pub(super) fn unit_shifted(r: CivilDate, unit: Unit, n: i64) -> Option<String> {
    Some(match unit {
        Unit::Day => r.add_days(n).to_string(),
        Unit::Week => r.add_days(7 * n).week_string(),
        Unit::Weekend => format!("{}-WE", r.add_days(7 * n).week_string()),
        Unit::Month => {
            let d = r.add_months(n);
            format!("{:04}-{:02}", d.year, d.month)
        }
        Unit::Year => format!("{:04}", r.year as i64 + n),
        Unit::Decade => format!("{}", (r.year as i64).div_euclid(10) + n),
        Unit::Century => format!("{}", (r.year as i64).div_euclid(100) + n),
        _ => return None,
    })
}

impl Scan<'_> {
    pub(super) fn relative(&self, i: usize) -> Option<M> {
        let lx = self.lx;
        // "los próximos tres días", "las últimas 2 semanas".
        if let Some((k, dir)) = self.c.window_before.at(lx, i) {
            if let Some(m) = self.window(i, k, dir as i64).or_else(|| self.parts_window(i, k, dir as i64)) {
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
            if let Some(m) = self.window(i, k, dir).or_else(|| self.parts_window(i, k, dir)) {
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
    pub(super) fn directed_day(&self, i: usize, k: usize, dir: i64) -> Option<M> {
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

    /// The value of a unit, weekday or month shifted by `dir` (-1, 0, 1) from the reference.
    pub(super) fn head_value(&self, k: usize, wdir: i64) -> Option<(usize, Option<String>)> {
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
            let v = r.map(|r| unit_shifted(r, unit, dir));
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

    /// "the last 2 quarters", "los próximos tres trimestres": whole parts of
    /// the year before or after the one the reference is in.
    fn parts_window(&self, i: usize, k: usize, dir: i64) -> Option<M> {
        let n = number_at(self.t, self.lx, k, self.c).filter(|n| !n.weak && n.value.fract() == 0.0 && (1.0..=100.0).contains(&n.value))?;
        let (e, (_, per_year)) = self.c.year_parts.at(self.lx, n.end)?;
        if dir == 0 {
            return None;
        }
        let Some(r) = self.r else { return Some(M::rel(i, e, None)) };
        let months = 12 / i64::from(per_year);
        let own = CivilDate::new(r.year, ((i64::from(r.month) - 1) / months * months + 1) as u32, 1)?;
        let count = months * n.value as i64;
        let (a, b) = if dir > 0 { (own.add_months(months), own.add_months(months + count)) } else { (own.add_months(-count), own) };
        Some(M { start: i, end: e, kind: DateKind::Date, value: Some(a.to_string()), end_value: Some(b.add_days(-1).to_string()), unresolved: None })
    }

    /// A vague count and its unit ("a few weeks", "un par de días"): the
    /// end, the number TIMEX reads it as, and the unit.
    pub(super) fn vague_amount(&self, i: usize) -> Option<(usize, f64, Unit)> {
        let (e, n) = self.c.cal.vague_counts.at(self.lx, i)?;
        let (e2, unit) = self.c.units.at(self.lx, e)?;
        Some((e2, f64::from(n), unit))
    }

    /// A whole amount of a unit: "dos semanas", "3 días", "un mes".
    pub(super) fn amount_unit(&self, i: usize) -> Option<(usize, f64, Unit, bool)> {
        // "un par de días", "a couple of weeks": two, a count like any
        // other; "a few weeks" is no count to date a day by ("hace unos
        // días" stays no date), only to bound a window (`window`).
        if let Some((e, n, unit)) = self.vague_amount(i).filter(|v| v.1 == 2.0) {
            return Some((e, n, unit, false));
        }
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

    pub(super) fn offset_value(&self, n: f64, unit: Unit, sign: i64) -> (Option<String>, Option<&'static str>) {
        // A year and a half is eighteen months.
        if unit == Unit::Year && n.fract() == 0.5 && n < 100_000.0 {
            return self.offset_value(n * 12.0, Unit::Month, sign);
        }
        if n.fract() != 0.0 || n > 100_000.0 {
            return (None, Some("fractional or huge offset"));
        }
        let n = n as i64 * sign;
        let Some(r) = self.r else { return (None, Some(NEEDS_REFERENCE)) };
        match unit_shifted(r, unit, n) {
            Some(v) => (Some(v), None),
            None => (None, Some(BELOW_DAY)),
        }
    }

    /// "hace dos semanas".
    pub(super) fn ago_before(&self, i: usize) -> Option<M> {
        let j = self.c.ago_before.has(self.lx, i)?;
        if let Some(a) = self.amounts(j) {
            return Some(M::rel(i, a.end, self.r.map(|r| a.shift(r, -1).to_string())));
        }
        let (e, n, unit, _) = self.amount_unit(j)?;
        let (value, unresolved) = self.offset_value(n, unit, -1);
        Some(M { start: i, end: e, kind: DateKind::Date, value, end_value: None, unresolved })
    }

    /// "dentro de tres días", "in two weeks".
    pub(super) fn in_future(&self, i: usize) -> Option<M> {
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

    /// "día 27" (after an optional direction): the day of the reference
    /// month, or the nearest such day after (`dir` 1) or before (-1) it.
    pub(super) fn day_of_month(&self, i: usize, dir: i64) -> Option<M> {
        let k = self.c.day_noun.has(self.lx, i)?;
        if let Some(d) = self.dm(k) {
            return Some(M::new(i, d.end, DateKind::Date, Some(self.dmy_value(&d))));
        }
        // "el día 27", "el día veintinueve"
        let (e, day) = match self.day_at(k).filter(|_| self.l(k).is_some_and(|l| l.kind == PieceKind::Num)) {
            Some(d) => d,
            // A count after "día" goes on to its noun ("un día dos personas").
            None => self.day_in_words(k).filter(|&(e, _)| self.ends_date(e))?,
        };
        self.day_near(i, e, day, dir)
    }

    /// "on the 18th", "on 29th": a day of the month as an ordinal with its
    /// suffix, when no noun follows ("on the 18th floor" is a floor).
    pub(super) fn ordinal_day(&self, i: usize) -> Option<M> {
        let k = self.c.cal.ordinal_day_intro.has(self.lx, i)?;
        let d = self.int_at(k, 2).filter(|_| self.glued(k + 1))?;
        let e = self.c.ordinal_suffixes.has(self.lx, k + 1)?;
        let noun_after = self.l(e).is_some_and(|l| l.kind == PieceKind::Word && self.c.function_words.has(self.lx, e).is_none());
        if noun_after || self.dm(k).is_some() || self.glued(e) && self.l(e).is_some_and(|l| l.kind != PieceKind::Punct) || !(1..=31).contains(&d) {
            return None;
        }
        self.day_near(i + 1, e, d as u8, 0)
    }

    /// Day `day` of the reference's month or the nearest month that has it
    /// (after the reference when `dir` is 1, before it when -1), over `i..e`.
    pub(super) fn day_near(&self, i: usize, e: usize, day: u8, dir: i64) -> Option<M> {
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
}
