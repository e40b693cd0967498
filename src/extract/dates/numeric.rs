//! Dates written with digits and separators: "1/10/2023", "2023-10-01",
//! "1.10.2023", "31-dic-1994", "sep-23-2020", "2019/aug/01", "Dec/2018",
//! "2015-3", "12-2015", "22/04", "Oct/2".
//!
//! Up to three parts glued by one separator, each digits or a month name.
//! A day and month without a year ("11/20") need a two-digit part or a date
//! word before them ("this 5/12"), as "1/2" is more often a fraction. A
//! reading whose month is over 12 is read the other way round ("22/04" in
//! English is 22 April).

use super::{DateKind, Dmy, Scan, M};
use crate::tokenize::pieces::PieceKind;

/// One part of a numeric date: digits (value, length) or a month.
#[derive(Clone, Copy)]
enum Part {
    Num(u32, usize),
    Month(u8),
}

/// A numeric date: a day (its year may be missing) or a month of a year.
pub(super) enum Numeric {
    Day(Dmy),
    Month { end: usize, year: i32, month: u8 },
}

fn two_digit_year(y: u32) -> i32 {
    y as i32 + if y < 50 { 2000 } else { 1900 }
}

impl Scan<'_> {
    fn part_at(&self, k: usize) -> Option<Part> {
        let l = self.l(k)?;
        if l.kind == PieceKind::Num {
            let n = self.int_at(k, 4)?;
            return Some(Part::Num(n, l.end - l.start));
        }
        let (e, m) = self.c.months.at(self.lx, k).or_else(|| self.c.month_abbrs.at(self.lx, k))?;
        (e == k + 1).then_some(Part::Month(m))
    }

    /// The parts from `i`: at most three, one separator, all glued.
    fn parts(&self, i: usize) -> Option<(usize, [Part; 3], usize)> {
        let l = self.l(i)?;
        let raw = l.text(self.t);
        // "1.10.2023" is one piece.
        if l.kind == PieceKind::Num && !raw.contains(',') && raw.matches('.').count() == 2 {
            let mut p = [Part::Num(0, 0); 3];
            for (k, s) in raw.split('.').enumerate() {
                if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                p[k] = Part::Num(s.parse().ok()?, s.len());
            }
            return Some((i + 1, p, 3));
        }
        let mut p = [self.part_at(i)?; 3];
        let mut n = 1;
        let mut end = i + 1;
        let mut sep: Option<&str> = None;
        while n < 3 {
            let Some(s) = self.l(end).filter(|s| s.kind == PieceKind::Punct && matches!(s.norm.as_str(), "/" | "-")) else {
                break;
            };
            if !self.glued(end) || !self.glued(end + 1) || sep.is_some_and(|x| x != s.norm.as_str()) {
                break;
            }
            let Some(part) = self.part_at(end + 1) else { break };
            sep = Some(s.norm.as_str());
            p[n] = part;
            n += 1;
            end += 2;
        }
        // A number followed by more glued digits is not a date, nor a part of a
        // longer chain ("123-12-1234", "133-03-03-2020").
        if n < 2 || self.l(end).is_some_and(|l| !l.space_before && l.kind == PieceKind::Num) || n < 3 && self.in_chain(i, end) || self.chain_before(i) {
            return None;
        }
        Some((end, p, n))
    }

    fn chain_sep(&self, k: usize) -> bool {
        self.l(k).is_some_and(|l| l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "/" | "-" | "."))
    }

    fn chain_num(&self, k: usize) -> bool {
        self.l(k).is_some_and(|l| l.kind == PieceKind::Num)
    }

    /// Digits glued by a separator before `i` ("123-12-1234" read from "12");
    /// a four-digit group may be the year that ends a first date ("10/1/2018-10/7/2018").
    fn chain_before(&self, i: usize) -> bool {
        i >= 2
            && self.glued(i)
            && self.chain_sep(i - 1)
            && self.glued(i - 1)
            && self.chain_num(i - 2)
            && self.l(i - 2).is_some_and(|l| l.end - l.start != 4)
    }

    /// Whether `i..end` is inside a longer chain of digit groups ("138-2010-2015").
    pub(super) fn in_chain(&self, i: usize, end: usize) -> bool {
        let after = self.chain_sep(end) && self.glued(end) && self.glued(end + 1) && self.chain_num(end + 1);
        self.chain_before(i) || after
    }

    /// Day `d` and month `m` in the language's order, swapped when only the other order is valid.
    fn day_month(&self, a: u32, b: u32) -> Option<(u8, u8)> {
        let (d, m) = if self.c.lx.day_first { (a, b) } else { (b, a) };
        let ok = |d: u32, m: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
        if ok(d, m) {
            Some((d as u8, m as u8))
        } else if ok(m, d) {
            Some((m as u8, d as u8))
        } else {
            None
        }
    }

    pub(super) fn numeric_date(&self, i: usize) -> Option<Numeric> {
        let (end, p, n) = self.parts(i)?;
        let months = p[..n].iter().filter(|x| matches!(x, Part::Month(_))).count();
        let month_of = p[..n].iter().find_map(|x| if let Part::Month(m) = x { Some(*m) } else { None });
        let nums: Vec<(u32, usize)> = p[..n].iter().filter_map(|x| if let Part::Num(v, l) = x { Some((*v, *l)) } else { None }).collect();
        let day = |d: u32, m: u8, y: Option<i32>| -> Option<Numeric> {
            let d = u8::try_from(d).ok()?;
            Self::valid_dm(d, m, y).then_some(Numeric::Day(Dmy { end, day: d, month: m, year: y }))
        };
        match (n, months) {
            (3, 0) => {
                let [(a, la), (b, lb), (c, lc)] = [nums[0], nums[1], nums[2]];
                if la == 4 {
                    return day(c, u8::try_from(b).ok()?, Some(a as i32)).filter(|_| lb <= 2 && lc <= 2);
                }
                if la > 2 || lb > 2 {
                    return None;
                }
                let y = match lc {
                    4 => c as i32,
                    2 => two_digit_year(c),
                    _ => return None,
                };
                let (d, m) = self.day_month(a, b)?;
                day(d as u32, m, Some(y))
            }
            (3, 1) => {
                // "31-dic-1994", "sep-23-2020", "2019/aug/01", "4-Jul-95": the year is
                // the four-digit part, else a two-digit last part.
                let m = month_of?;
                let [(a, la), (b, lb)] = [nums[0], nums[1]];
                let (d, y) = match (la, lb) {
                    (4, 1..=2) => (b, a as i32),
                    (1..=2, 4) => (a, b as i32),
                    (1..=2, 2) if matches!(p[2], Part::Num(..)) => (a, two_digit_year(b)),
                    _ => return None,
                };
                day(d, m, Some(y))
            }
            (2, 1) => {
                let m = month_of?;
                match nums[0] {
                    (y, 4) => Some(Numeric::Month { end, year: y as i32, month: m }),
                    (d, 1..=2) => day(d, m, None),
                    _ => None,
                }
            }
            (2, 0) => {
                let [(a, la), (b, lb)] = [nums[0], nums[1]];
                let sep_slash = self.punct(i + 1, "/");
                match (la, lb) {
                    // "2015-12", "2015-3", but "2011-12" is a season.
                    (4, 1..=2) if (1..=12).contains(&b) && b != (a + 1) % 100 => {
                        Some(Numeric::Month { end, year: a as i32, month: b as u8 })
                    }
                    (1..=2, 4) if (1..=12).contains(&a) => Some(Numeric::Month { end, year: b as i32, month: a as u8 }),
                    // "11/20 of them", "3/4 de los votos" are fractions.
                    (1..=2, 1..=2) if self.c.day_month_link.has(self.lx, end).is_some() => None,
                    (1..=2, 1..=2) if sep_slash && (la == 2 || lb == 2 || self.date_word_before(i)) => {
                        let (d, m) = self.day_month(a, b)?;
                        day(d as u32, m, None)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "this", "next", "el", "from", "de" or a weekday just before `i`.
    fn date_word_before(&self, i: usize) -> bool {
        let c = self.c;
        i > 0
            && [&c.this_words, &c.next_before, &c.last_before, &c.date_articles, &c.range_from, &c.range_to, &c.year_preps]
                .iter()
                .any(|s| s.ending_at(self.lx, i, 2).is_some())
            || c.weekdays.ending_at(self.lx, i, 1).is_some()
    }

    pub(super) fn numeric(&self, i: usize) -> Option<M> {
        let value = match self.numeric_date(i)? {
            Numeric::Day(d) => (d.end, self.dmy_value(&d)),
            Numeric::Month { end, year, month } => (end, format!("{year:04}-{month:02}")),
        };
        Some(M::new(i, value.0, DateKind::Date, Some(value.1)))
    }

    /// "5/1-5/7", "10/1-11/2/2017", "28/2-1/3": two days and months joined
    /// by a dash, the year written once after the second ("/2017" or ", 2020").
    pub(super) fn numeric_range(&self, i: usize) -> Option<M> {
        let num = |k: usize| self.l(k).filter(|l| l.kind == PieceKind::Num && l.end - l.start <= 2).and_then(|_| self.int_at(k, 2));
        let sep = |k: usize, p: &str| self.punct(k, p) && self.glued(k) && self.glued(k + 1);
        if self.chain_before(i) || !(sep(i + 1, "/") && sep(i + 3, "-") && sep(i + 5, "/")) {
            return None;
        }
        let ((d1, m1), (d2, m2)) = (self.day_month(num(i)?, num(i + 2)?)?, self.day_month(num(i + 4)?, num(i + 6)?)?);
        let mut end = i + 7;
        let mut year = None;
        if sep(end, "/") {
            let l = self.l(end + 1)?;
            year = Some(match l.end - l.start {
                4 => self.int_at(end + 1, 4)? as i32,
                2 => two_digit_year(self.int_at(end + 1, 2)?),
                _ => return None,
            });
            end += 2;
        }
        if self.l(end).is_some_and(|l| !l.space_before && l.kind != PieceKind::Punct) || self.chain_sep(end) && self.glued(end + 1) && self.chain_num(end + 1) {
            return None;
        }
        if year.is_none() {
            if let (e2, Some(y)) = self.year_tail(end) {
                (end, year) = (e2, Some(y));
            }
        }
        // "1/2-3/4 cup" is a span of fractions: a date needs a two-digit
        // part, a year or a date word before it, as a single one does.
        let two_digits = [i, i + 2, i + 4, i + 6].iter().any(|&k| self.l(k).is_some_and(|l| l.end - l.start == 2));
        if !(two_digits || year.is_some() || self.date_word_before(i)) {
            return None;
        }
        // Over New Year ("28/12-3/1/2024") the first day is in the year before.
        let first_year = year.map(|y| if (m1, d1) > (m2, d2) { y - 1 } else { y });
        let a = Dmy { end, day: d1, month: m1, year: first_year };
        let start = self.dmy_value(&a);
        // Without a year the second day follows the first one's ("2/29-3/1").
        let year = year.or_else(|| start[..4].parse::<i32>().ok().map(|y| if (m1, d1) > (m2, d2) { y + 1 } else { y }));
        let b = Dmy { end, day: d2, month: m2, year };
        if !Self::valid_dm(d1, m1, first_year) || !Self::valid_dm(d2, m2, year) {
            return None;
        }
        let mut m = M::new(i, end, DateKind::Date, Some(start));
        m.end_value = Some(self.dmy_value(&b));
        Some(m)
    }

    /// Whether the numeric date at `i` writes its year.
    pub(super) fn numeric_has_year(&self, i: usize) -> bool {
        match self.numeric_date(i) {
            Some(Numeric::Day(d)) => d.year.is_some(),
            Some(Numeric::Month { .. }) => true,
            None => false,
        }
    }
}
