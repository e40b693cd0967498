//! Weekdays tied to a day or a week: "el lunes 21", "Mon 13th", "el
//! miércoles el día treinta y uno", "monday of the following week", "next
//! week on Tuesday", "el martes de la semana pasada".
//!
//! A weekday with a day of month names the nearest month (before or after
//! the reference) in which that day falls on that weekday: a text writes
//! "el lunes 21" of a day it can see on a calendar.

use super::{DateKind, Scan, M};
use crate::extract::calendar::{days_in_month, CivilDate};
use crate::extract::lexicon::Unit;
use crate::tokenize::pieces::PieceKind;

/// How far a weekday-and-day looks for a month that fits (either way).
const MONTHS_AROUND: i64 = 24;

/// The Monday of ISO week `YYYY-Www`.
pub(super) fn week_monday(v: &str) -> Option<CivilDate> {
    let y: i32 = v.get(..4)?.parse().ok()?;
    if v.get(4..6)? != "-W" || v.len() != 8 {
        return None;
    }
    let w: i64 = v.get(6..8)?.parse().ok()?;
    let jan4 = CivilDate::new(y, 1, 4)?;
    Some(jan4.add_days(-(jan4.weekday() as i64 - 1) + 7 * (w - 1)))
}

impl Scan<'_> {
    /// A weekday name, or (only here, before a day) its abbreviation.
    pub(super) fn weekday_or_abbr(&self, i: usize) -> Option<(usize, u8)> {
        if let Some(w) = self.weekday_at(i) {
            return Some(w);
        }
        // "Mar 13" is 13 March where "mar" abbreviates both.
        if self.c.month_abbrs.at(self.lx, i).is_some() {
            return None;
        }
        let (e, wd) = self.c.cal.weekday_abbrs.at(self.lx, i)?;
        Some(if self.punct(e, ".") && self.glued(e) { (e + 1, wd) } else { (e, wd) })
    }

    /// "el lunes 21", "Monday 21", "Mon 13th", "miércoles el día treinta y uno".
    pub(super) fn weekday_day(&self, i: usize) -> Option<M> {
        let (e, wd) = self.weekday_or_abbr(i)?;
        let mut k = if self.punct(e, ",") { e + 1 } else { e };
        k = self.c.date_articles.has(self.lx, k).unwrap_or(k);
        let noun = self.c.day_noun.has(self.lx, k);
        k = noun.unwrap_or(k);
        let (end, day) = match self.day_at(k) {
            // A bare number after the weekday is its day only if written as one ("21", "13th").
            Some(d) if self.l(k).is_some_and(|l| l.kind == PieceKind::Num) || noun.is_some() => d,
            _ => noun.and_then(|_| self.day_in_words(k))?,
        };
        // "el lunes 21 de mayo" is a full date, read elsewhere; "Monday 21 people" is no day.
        if self.c.day_month_link.has(self.lx, end).is_some() || self.c.units.at(self.lx, end).is_some() {
            return None;
        }
        let Some(r) = self.r else {
            return Some(M::new(i, end, DateKind::Date, Some(format!("XXXX-WXX-{wd}"))));
        };
        let first = CivilDate { day: 1, ..r };
        let fits = |k: i64| {
            let m = first.add_months(k);
            (day <= days_in_month(m.year, m.month))
                .then(|| CivilDate { day, ..m })
                .filter(|d| d.weekday() == wd)
        };
        let best = (0..=MONTHS_AROUND)
            .flat_map(|k| [fits(k), fits(-k)])
            .flatten()
            .min_by_key(|d| (d.to_days() - r.to_days()).abs())?;
        Some(M::new(i, end, DateKind::Date, Some(best.to_string())))
    }

    /// The tense of the verb nearest to pieces `i..e` in its sentence (at most
    /// a few pieces away): -1 past, 1 future, 0 none.
    pub(super) fn tense_near(&self, i: usize, e: usize) -> i64 {
        self.around(i, e, &[".", "?", "!", ";"]).find_map(|k| self.tense_at(k)).unwrap_or(0)
    }

    /// The pieces a few places before `i` (nearest first), then after `e`,
    /// each side up to a punctuation mark of `stops`.
    fn around<'s>(&'s self, i: usize, e: usize, stops: &'s [&'s str]) -> impl Iterator<Item = usize> + 's {
        const REACH: usize = 8;
        let open = move |k: usize| self.l(k).is_some_and(|l| !(l.kind == PieceKind::Punct && stops.contains(&l.norm.as_str())));
        let back = (i.saturating_sub(REACH)..i).rev().take_while(move |&k| open(k));
        back.chain((e..e + REACH).take_while(move |&k| open(k)))
    }

    /// The tense of the clause around `i..e` when every sign of it agrees
    /// (all past, or all future) and no present or conditional word leaves
    /// it open ("is scheduled for", "would be held on"); else 0. Strict,
    /// for a choice that moves a date by a year.
    pub(super) fn tense_agreed(&self, i: usize, e: usize) -> i64 {
        // The clause only: a comma may join one of another tense ("was held on
        // December 3, and the summit will …").
        let mut seen = 0;
        for k in self.around(i, e, &[".", "?", "!", ";", ","]) {
            if self.c.cal.open_tense_words.has(self.lx, k).is_some() {
                return 0;
            }
            match self.tense_at(k) {
                Some(t) if seen != 0 && t != seen => return 0,
                Some(t) => seen = t,
                None => {}
            }
        }
        seen
    }

    fn tense_at(&self, k: usize) -> Option<i64> {
        if let Some((_, t)) = self.c.cal.tense_words.at(self.lx, k) {
            return Some(t as i64);
        }
        let l = self.l(k).filter(|l| l.kind == PieceKind::Word && !l.upper)?;
        let w = self.t.get(l.start..l.end)?;
        let n = w.chars().count();
        self.c.lx.tense_endings.iter().find(|(end, _)| w.ends_with(end) && n > end.chars().count() + 2).map(|&(_, t)| t as i64)
    }

    /// A relative week: "next week", "la semana pasada", "the following week".
    fn week_at(&self, k: usize) -> Option<(usize, CivilDate)> {
        let m = self.relative(k).filter(|m| m.end_value.is_none())?;
        Some((m.end, week_monday(m.value.as_deref()?)?))
    }

    /// "monday of the following week", "el lunes de la próxima semana",
    /// "next week Wednesday", "next week on Tuesday", "previous week - Monday".
    pub(super) fn weekday_in_week(&self, i: usize) -> Option<M> {
        let day = |monday: CivilDate, wd: u8| Some(monday.add_days(wd as i64 - 1).to_string());
        if let Some((e, wd)) = self.weekday_at(i) {
            let k = self.c.cal.weekday_week_link.has(self.lx, e).unwrap_or(e);
            let (end, monday) = self.week_at(k)?;
            return Some(M::new(i, end, DateKind::Date, day(monday, wd)));
        }
        let (e, monday) = self.week_at(i)?;
        let k = self.c.cal.weekday_week_link.has(self.lx, e).unwrap_or(e);
        let (end, wd) = self.weekday_or_abbr(k)?;
        Some(M::new(i, end, DateKind::Date, day(monday, wd)))
    }
}

impl Scan<'_> {
    /// "over the weekend", "el fin de semana": the weekend of the
    /// reference's week, or of the week before in a past-tense sentence
    /// written on a weekday ("Protests continued over the weekend").
    pub(super) fn the_weekend(&self, i: usize) -> Option<M> {
        let k = self.c.date_articles.has(self.lx, i)?;
        let (e, _) = self.c.units.at(self.lx, k).filter(|&(_, u)| u == Unit::Weekend)?;
        // "the weekend of May 3", "el fin de semana del 3 de mayo": that weekend, not this one.
        let word_link = self.l(e).is_some_and(|l| l.kind == PieceKind::Word) && self.c.month_year_link.has(self.lx, e).is_some();
        if word_link || self.c.day_month_link.has(self.lx, e).is_some() {
            return None;
        }
        let Some(r) = self.r else { return Some(M::rel(i, e, None)) };
        let past = self.tense_near(i, e) < 0 && r.weekday() < 6;
        Some(M::new(i, e, DateKind::Date, super::relative::unit_shifted(r, Unit::Weekend, if past { -1 } else { 0 })))
    }
}

#[cfg(test)]
mod tests {
    use super::week_monday;

    #[test]
    fn iso_week_monday() {
        assert_eq!(week_monday("2018-W49").unwrap().to_string(), "2018-12-03");
        assert_eq!(week_monday("2021-W01").unwrap().to_string(), "2021-01-04");
        assert_eq!(week_monday("2020-W53").unwrap().to_string(), "2020-12-28");
        assert!(week_monday("2020-05").is_none());
    }
}
