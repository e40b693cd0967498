//! Years: "en 2022", "abril del 87", "dos mil dieciocho", "nineteen
//! ninety six", and a year joined to the one before it ("2007 y 2009").
//!
//! A bare four-digit number is a year only where the text says so: after a
//! year preposition or a month, joined to a year just found, or closing its
//! clause as a figure of the last two centuries ("dates back to 1865,",
//! "algún texto 2020"). Elsewhere it is more often a count ("2019 votos").

use super::{DateKind, Scan, M};
use crate::extract::numbers::number_at;
use crate::tokenize::pieces::PieceKind;

/// Punctuation that can close the clause of a closing year.
const CLAUSE_END: [&str; 11] = [".", ",", ";", ":", ")", "]", "!", "?", "»", "”", "\""];

impl Scan<'_> {
    pub(super) fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        let l = self.l(i)?;
        if l.end - l.start != 4 {
            return None;
        }
        let y = self.int_at(i, 4)?;
        if (1000..=2999).contains(&y) {
            // "2023" followed by a glued letter or digit group is something else.
            Some((i + 1, y as i32))
        } else {
            None
        }
    }

    /// "[link] YYYY" after a month.
    pub(super) fn year_tail(&self, j: usize) -> (usize, Option<i32>) {
        if let Some(e) = self.c.month_year_link.has(self.lx, j) {
            if let Some((e2, y)) = self.year_at(e) {
                return (e2, Some(y));
            }
            // "abril del 87", "April of 87": a two-digit year after a word link;
            // after a comma it is the next figure ("el 3 de mayo, 25 %").
            let word_link = self.l(j).is_some_and(|l| l.kind == PieceKind::Word);
            if let Some(y) = self.l(e).filter(|l| word_link && l.end - l.start == 2 && l.kind == PieceKind::Num).and_then(|_| self.int_at(e, 2)) {
                if !self.l(e + 1).is_some_and(|l| !l.space_before && l.kind != PieceKind::Punct) {
                    let y = y as i32;
                    return (e + 1, Some(if y >= 50 { 1900 + y } else { 2000 + y }));
                }
            }
        }
        if let Some((e2, y)) = self.year_at(j) {
            return (e2, Some(y));
        }
        // "28 june in 2020", "26 de junio en 2020"
        if let Some((e2, y)) = self.c.month_year_in.has(self.lx, j).and_then(|e| self.year_at(e)) {
            return (e2, Some(y));
        }
        // "de mil novecientos noventa y dos", "nineteen eighty six": a year in words.
        let k = self.c.month_year_link.has(self.lx, j).unwrap_or(j);
        if let Some((e2, y)) = self.year_in_words(k) {
            return (e2, Some(y));
        }
        (j, None)
    }

    /// "dos mil dieciocho", "two thousand and fifteen", "nineteen ninety six".
    pub(super) fn year_in_words(&self, k: usize) -> Option<(usize, i32)> {
        let n = number_at(self.t, self.lx, k, self.c).filter(|n| n.words && !n.weak && n.value.fract() == 0.0)?;
        if (1000.0..3000.0).contains(&n.value) {
            return Some((n.end, n.value as i32));
        }
        // Two pairs of digits said as numbers.
        if (10.0..30.0).contains(&n.value) {
            let m = number_at(self.t, self.lx, n.end, self.c).filter(|m| m.words && !m.weak)?;
            if (10.0..100.0).contains(&m.value) && m.value.fract() == 0.0 {
                return Some((m.end, (n.value * 100.0 + m.value) as i32));
            }
        }
        None
    }

    /// "en 2022", "in nineteen ninety six", "dates back to 1865.".
    pub(super) fn bare_year(&self, i: usize) -> Option<M> {
        let prep = self.c.year_preps.ending_at(self.lx, i, 2).is_some();
        let (e, y) = match self.year_at(i) {
            Some((e, _)) if self.l(e).is_some_and(|l| !l.space_before && l.kind != PieceKind::Punct) => return None,
            Some((e, y)) if prep || self.closes_clause(i, e, y) => (e, y),
            Some(_) => return None,
            None if prep => self.spelled_year(i)?,
            None => return None,
        };
        Some(M::new(i, e, DateKind::Date, Some(format!("{y:04}"))))
    }

    /// "2009" in "en 2007 y 2009", "1998" in "after 2010 … but not 1998":
    /// a year joined by coordinators to the year that ended at `prev_end`.
    pub(super) fn coordinated_year(&self, i: usize, prev_end: usize) -> Option<M> {
        let mut k = prev_end;
        while k < i {
            k = self.c.year_coord.has(self.lx, k)?;
        }
        let (e, y) = self.year_at(i).filter(|_| k == i && prev_end < i)?;
        if self.l(e).is_some_and(|l| !l.space_before && l.kind != PieceKind::Punct) {
            return None;
        }
        Some(M::new(i, e, DateKind::Date, Some(format!("{y:04}"))))
    }

    /// A figure of 1800–2099 after a word (or alone) and before the end of
    /// its clause: "Copyright 2019", "hoy 2018", "=2019".
    fn closes_clause(&self, i: usize, e: usize, y: i32) -> bool {
        let before_ok = match i.checked_sub(1).and_then(|b| self.l(b)) {
            None => true,
            Some(b) => b.kind == PieceKind::Word && number_at(self.t, self.lx, i - 1, self.c).is_none() || b.norm == "=" || b.norm == "(",
        };
        let after_ok = match self.l(e) {
            None => true,
            Some(a) => a.kind == PieceKind::Punct && CLAUSE_END.contains(&a.norm.as_str()),
        };
        (1800..=2099).contains(&y) && before_ok && after_ok
    }

    /// A year in words after a year preposition: the paired form
    /// ("nineteen ninety six") always; a whole number ("dos mil dieciocho")
    /// when it is no round hundred and no noun follows it as a count.
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let (e, y) = self.year_in_words(i)?;
        let n = number_at(self.t, self.lx, i, self.c)?;
        if n.end < e {
            return Some((e, y));
        }
        let word_after = self.l(e).is_some_and(|l| l.kind == PieceKind::Word);
        let joined = self.c.year_coord.has(self.lx, e).is_some() || self.c.range_to.has(self.lx, e).is_some();
        ((1900..=2099).contains(&y) && y % 100 != 0 || !word_after || joined).then_some((e, y))
    }
}
