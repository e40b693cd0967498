//! Counted offsets that land on a day: "hace dos semanas", "in 3 years",
//! "tres días después de mañana", "2 weeks before May 13 1999",
//! "two weeks and two days ago", "3 semanas después".
//!
//! A whole count of days, weeks, months or years from a day is a day: "in
//! two weeks" is the day two weeks from now, not the week it falls in. An
//! approximate or fractional count ("hace más de dos años", "hace año y
//! medio") keeps the coarser grain of its unit, as a day would claim a
//! precision the text does not have.

use super::{DateKind, Scan, M};
use crate::extract::calendar::CivilDate;
use crate::extract::lexicon::Unit;

/// The parts of one compound amount are bounded ("3 meses, 2 semanas y 2 días").
const MAX_PARTS: usize = 4;

/// A compound amount: its end and up to [`MAX_PARTS`] whole counts of a unit.
pub(super) struct Amounts {
    pub end: usize,
    parts: [(i64, Unit); MAX_PARTS],
    len: usize,
}

impl Amounts {
    /// The day `sign` (1 or -1) times the amount away from `d`.
    pub fn shift(&self, d: CivilDate, sign: i64) -> CivilDate {
        self.parts[..self.len].iter().fold(d, |d, &(n, unit)| {
            let n = n * sign;
            match unit {
                Unit::Day => d.add_days(n),
                Unit::Week => d.add_days(7 * n),
                Unit::Month => d.add_months(n),
                Unit::Year => d.add_months(12 * n),
                Unit::Decade => d.add_months(120 * n),
                _ => d.add_months(1200 * n),
            }
        })
    }
}

impl Scan<'_> {
    /// Whole counts of units of a day or more, joined by "y", "and" or
    /// nothing ("2 years 1 month 21 days"); none approximate.
    pub(super) fn amounts(&self, i: usize) -> Option<Amounts> {
        let mut a = Amounts { end: i, parts: [(0, Unit::Day); MAX_PARTS], len: 0 };
        let mut k = i;
        while a.len < MAX_PARTS {
            if self.c.approx.has(self.lx, k).is_some() {
                break;
            }
            let Some((e, v, unit, _)) = self.amount_unit(k) else { break };
            let whole = v.fract() == 0.0 && (1.0..=10_000.0).contains(&v);
            let day_or_more =
                matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century);
            if !whole || !day_or_more {
                break;
            }
            a.parts[a.len] = (v as i64, unit);
            a.len += 1;
            a.end = e;
            k = match self.c.amount_and.has(self.lx, e) {
                Some(e2) => e2,
                None if self.l(e).is_some_and(|l| l.kind == crate::tokenize::pieces::PieceKind::Num) => e,
                None => break,
            };
        }
        // An approximate or fractional first part is left to the coarse readings.
        (a.len > 0).then_some(a)
    }

    /// The day an offset counts from: "now", a day word, a date, a weekday.
    pub(super) fn anchor(&self, k: usize) -> Option<(usize, CivilDate)> {
        if let Some(e) = self.c.now_words.has(self.lx, k) {
            return Some((e, self.r?));
        }
        if let Some((e, off)) = self.c.day_words.at(self.lx, k) {
            return Some((e, self.r?.add_days(off as i64)));
        }
        if let Some(h) = self.holiday_anchor(k) {
            return Some(h);
        }
        let m = self
            .numeric(k)
            .or_else(|| self.relative(k))
            .or_else(|| self.weekday_date(k))
            .or_else(|| self.any_dmy(k).map(|d| M::new(k, d.end, DateKind::Date, Some(self.dmy_value(&d)))))
            .or_else(|| self.bare_weekday(k))?;
        if m.end_value.is_some() {
            return None;
        }
        let d = CivilDate::parse(m.value.as_deref()?).ok()?;
        Some((m.end, d))
    }

    /// "tres días después de mañana", "2 weeks before May 13 1999",
    /// "two weeks and two days ago", "3 weeks later".
    pub(super) fn offset(&self, i: usize) -> Option<M> {
        let a = self.amounts(i)?;
        if let Some((k, dir)) = self.c.offset_links.at(self.lx, a.end) {
            // A link needs its day: "dos días antes de las elecciones" is a duration.
            let (end, from) = self.anchor(k)?;
            return Some(M::new(i, end, DateKind::Date, Some(a.shift(from, dir as i64).to_string())));
        }
        let (end, dir) = if let Some(e) = self.c.ago_after.has(self.lx, a.end) {
            (e, -1)
        } else {
            let (e, d) = self.c.offset_after.at(self.lx, a.end)?;
            (e, d as i64)
        };
        Some(M::rel(i, end, self.r.map(|r| a.shift(r, dir).to_string())))
    }
}
