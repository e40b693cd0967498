//! Parts of a year, a month or a relative period: "el primer trimestre de
//! 2023", "Q3 2024", "2017-q1", "la tercera semana de enero", "the last week
//! of 2016", "el noveno mes del próximo año", "semana 27 del año pasado".
//!
//! The n-th week of a month or a year is the week (Monday to Sunday) of
//! its n-th Thursday, and its last week that of its last Thursday: the ISO
//! rule that a week belongs to the period holding most of its days, so that
//! "la primera semana de 2015" is 2015-W01.

use super::{DateKind, Scan, M};
use crate::extract::calendar::{days_in_month, CivilDate};
use crate::extract::lexicon::Unit;
use crate::tokenize::pieces::PieceKind;

/// What an ordinal of a part counts: the n-th, or the last.
#[derive(Clone, Copy)]
enum Nth {
    N(u32),
    Last,
}

/// The first and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value.
fn span_of(v: &str) -> Option<(CivilDate, CivilDate)> {
    let y: i32 = v.get(..4)?.parse().ok()?;
    match v.len() {
        4 => Some((CivilDate::new(y, 1, 1)?, CivilDate::new(y, 12, 31)?)),
        7 => {
            let m: u32 = v.get(5..7)?.parse().ok()?;
            Some((CivilDate::new(y, m, 1)?, CivilDate::new(y, m, days_in_month(y, m as u8) as u32)?))
        }
        10 => CivilDate::parse(v).ok().map(|d| (d, d)),
        _ => None,
    }
}

/// The Thursday of the n-th (or last) week of `first..=last`.
fn week_thursday(first: CivilDate, last: CivilDate, nth: Nth) -> Option<CivilDate> {
    let t = match nth {
        Nth::N(n) => first.add_days((11 - first.weekday() as i64) % 7 + 7 * (n as i64 - 1)),
        Nth::Last => last.add_days(-((last.weekday() as i64 + 3) % 7)),
    };
    (t >= first && t <= last).then_some(t)
}

impl Scan<'_> {
    /// "3rd", "1º", "tercera": an ordinal in words or digits with a glued suffix.
    pub(super) fn ordinal_at(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(d) = self.int_at(i, 2) {
            return self.c.ordinal_suffixes.has(self.lx, i + 1).filter(|_| self.glued(i + 1)).map(|e| (e, d));
        }
        self.c.ordinal_words.at(self.lx, i).or_else(|| self.spaced_ordinal_day(i).map(|(e, d)| (e, u32::from(d))))
    }

    /// "Q3", "q1", "T1", "H2": a code letter glued to the part's number.
    fn code_at(&self, i: usize) -> Option<(usize, char, u8)> {
        self.l(i).filter(|l| l.kind == PieceKind::Word && l.end - l.start == 1)?;
        let (_, (letter, count)) = self.c.year_part_codes.at(self.lx, i)?;
        let n = self.int_at(i + 1, 1).filter(|_| self.glued(i + 1))?;
        // "Q3s", "H1N1" are something else.
        if self.l(i + 2).is_some_and(|x| self.glued(i + 2) && x.kind != PieceKind::Punct) {
            return None;
        }
        (1..=count as u32).contains(&n).then_some((i + 2, letter, n as u8))
    }

    /// A period a part is taken of: a month (and year), a year, or a
    /// relative one ("next month", "del año pasado"). Its end and days.
    pub(super) fn period_at(&self, k: usize) -> Option<(usize, CivilDate, CivilDate)> {
        // After "la semana de", "the week of" a lower-case "may" is the month.
        let month = self.month_at(k, true).or_else(|| self.c.months.at(self.lx, k).map(|(e, m)| (e, m, false)));
        if let Some((e, m, _)) = month {
            let (end, year) = self.year_tail(e);
            let y = year.or(self.r.map(|r| r.year))?;
            let (a, b) = span_of(&format!("{y:04}-{m:02}"))?;
            return Some((end, a, b));
        }
        if let Some((e, y)) = self.year_at(k) {
            let (a, b) = span_of(&format!("{y:04}"))?;
            return Some((e, a, b));
        }
        let m = self.relative(k).filter(|m| m.end_value.is_none())?;
        let (a, b) = span_of(m.value.as_deref()?)?;
        Some((m.end, a, b))
    }

    /// "el primer trimestre de 2023", "the second quarter", "Q3 2024",
    /// "2017-q1", "q1-2019", "1st quarter of 2013".
    pub(super) fn year_part(&self, i: usize) -> Option<M> {
        let lx = self.lx;
        // "2017 q1", "2019-T1": the year first.
        if let Some((e, y)) = self.year_at(i) {
            let k = if self.punct(e, "-") && self.glued(e) && self.glued(e + 1) { e + 1 } else { e };
            let (end, letter, n) = self.code_at(k)?;
            return Some(M::new(i, end, DateKind::Date, Some(format!("{y:04}-{letter}{n}"))));
        }
        let (end, letter, n) = match self.code_at(i) {
            Some(c) => c,
            None => {
                let (e, v) = self.ordinal_at(i)?;
                let (e2, (letter, count)) = self.c.year_parts.at(lx, e)?;
                if v == 0 || v > count as u32 {
                    return None;
                }
                (e2, letter, v as u8)
            }
        };
        let mut e = end;
        let mut year = None;
        let link = self.c.day_month_link.has(lx, e).or_else(|| (self.punct(e, "-") && self.glued(e)).then_some(e + 1));
        if let Some((e2, y)) = link.and_then(|k| self.year_at(k)).or_else(|| self.year_at(e)) {
            e = e2;
            year = Some(y);
        }
        let y = year.or(self.r.map(|r| r.year));
        let value = match y {
            Some(y) => format!("{y:04}-{letter}{n}"),
            None => format!("XXXX-{letter}{n}"),
        };
        Some(M::new(i, e, DateKind::Date, Some(value)))
    }

    /// "la tercera semana de enero", "the last week of 2016", "the 15th day
    /// of next month", "el noveno mes del próximo año".
    pub(super) fn nth_part(&self, i: usize) -> Option<M> {
        let j = self.c.date_articles.has(self.lx, i).unwrap_or(i);
        let (e, nth) = match self.c.last_part.has(self.lx, j) {
            Some(e) => (e, Nth::Last),
            None => {
                let (e, n) = self.ordinal_at(j)?;
                (e, Nth::N(n))
            }
        };
        if matches!(nth, Nth::N(0)) {
            return None;
        }
        let (e2, unit) = self.c.units.at(self.lx, e)?;
        let k = self.c.month_year_link.has(self.lx, e2)?;
        let (end, first, last) = self.period_at(k)?;
        let value = match unit {
            Unit::Week => week_thursday(first, last, nth)?.week_string(),
            Unit::Day => {
                let d = match nth {
                    Nth::N(n) => first.add_days(n as i64 - 1),
                    Nth::Last => last,
                };
                (d <= last).then(|| d.to_string())?
            }
            Unit::Month => {
                let d = match nth {
                    Nth::N(n) => first.add_months(n as i64 - 1),
                    Nth::Last => CivilDate { day: 1, ..last },
                };
                (d <= last).then(|| format!("{:04}-{:02}", d.year, d.month))?
            }
            _ => return None,
        };
        Some(M::new(i, end, DateKind::Date, Some(value)))
    }

    /// "semana 27 del año pasado", "week 23", "la semana 1 de 2019": an ISO week.
    pub(super) fn week_number(&self, i: usize) -> Option<M> {
        let j = self.c.date_articles.has(self.lx, i).unwrap_or(i);
        let (e, unit) = self.c.units.at(self.lx, j)?;
        if unit != Unit::Week {
            return None;
        }
        let n = self.int_at(e, 2).filter(|n| (1..=53).contains(n))?;
        // "semana 3 de dos mil veintisiete" and "week 3 of 2027": the year after a link.
        let tail = self.c.month_year_link.has(self.lx, e + 1).and_then(|k| self.period_at(k));
        let (end, year) = match tail {
            Some((end, first, last)) if first.month == 1 && first.day == 1 && last.month == 12 && last.day == 31 => {
                (end, first.year)
            }
            _ => (e + 1, self.r?.year),
        };
        let jan1 = CivilDate::new(year, 1, 1)?;
        let t = week_thursday(jan1, CivilDate::new(year, 12, 31)?, Nth::N(n))?;
        Some(M::new(i, end, DateKind::Date, Some(t.week_string())))
    }
}
