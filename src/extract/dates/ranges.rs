//! Explicit ranges: "del 3 al 5 de mayo", "from March to May",
//! "entre 2014 y mayo de 2018", and a day coordinated with the next
//! ("el 7 y el 8 de noviembre").

use super::{DateKind, Dmy, Scan, M};
use crate::tokenize::pieces::PieceKind;

impl Scan<'_> {
    pub(super) fn range(&self, i: usize) -> Option<M> {
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
        // "del 3 al 5 de mayo", "3-5 May", "between the ninth and the seventeenth of april"
        let article = |k: usize| self.c.date_articles.has(self.lx, k).unwrap_or(k);
        if let Some((e, d1)) = self.day_at(article(j)) {
            if let Some(k) = to(e) {
                if let Some(d2) = self.dm(article(k)) {
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
    pub(super) fn endpoint(&self, k: usize, year_ok: bool) -> Option<(usize, String, bool)> {
        let k = self.c.cal.period_edges.has(self.lx, k).unwrap_or(k);
        // "to the 28th of june"
        let k = match self.c.date_articles.has(self.lx, k) {
            Some(e) if self.any_dmy(e).is_some() => e,
            _ => k,
        };
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
    pub(super) fn endpoint_range(&self, i: usize, j: usize, to: &dyn Fn(usize) -> Option<usize>) -> Option<M> {
        let from = j > i;
        // "2014 through May 2018": a bare year opens a range whose word link
        // leads to an end with its own year.
        let year_first = || {
            let (e, y) = self.year_at(j)?;
            let k = to(e).filter(|_| self.l(e).is_some_and(|l| l.kind == PieceKind::Word))?;
            self.endpoint(k, false).filter(|x| x.2 && x.1.len() > 4).map(|_| (e, format!("{y:04}"), true))
        };
        let (e1, mut v1, y1) = self.endpoint(j, from).or_else(year_first)?;
        let k = to(e1)?;
        let (e2, mut v2, y2) = self.endpoint(k, from).or_else(|| self.weekday_after(k, &v1))?;
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

    /// "from next monday to friday": a bare weekday that ends a range opened
    /// on a day is the first such day after it.
    fn weekday_after(&self, k: usize, first: &str) -> Option<(usize, String, bool)> {
        let (e, wd) = self.weekday_at(k)?;
        let start = crate::extract::calendar::CivilDate::parse(first).ok()?;
        let ahead = (i64::from(wd) - i64::from(start.weekday())).rem_euclid(7);
        Some((e, start.add_days(if ahead == 0 { 7 } else { ahead }).to_string(), true))
    }

    /// "el 7 y el 8 de noviembre": the first day takes the month of the second.
    pub(super) fn coordinated_day(&self, i: usize) -> Option<M> {
        let (e, d1) = self.day_at(i)?;
        if self.l(i).is_some_and(|l| l.kind != PieceKind::Num) {
            return None;
        }
        let k = self.c.day_coord.has(self.lx, e)?;
        let d2 = self.dm(k)?;
        let first = Dmy { end: e, day: d1, month: d2.month, year: d2.year };
        Self::valid_dm(d1, d2.month, d2.year).then(|| M::new(i, e, DateKind::Date, Some(self.dmy_value(&first))))
    }
}
