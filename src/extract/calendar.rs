//! Civil (proleptic Gregorian) dates, enough to anchor relative expressions.

use std::fmt;

/// A calendar date without time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CivilDate {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    ///
    /// ```
    /// use lupa::extract::calendar::CivilDate;
    /// assert!(CivilDate::parse("2023-10-15").is_ok());
    /// assert!(CivilDate::parse("2023-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<CivilDate, String> {
        let bad = || format!("invalid date {s:?}: expected YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        CivilDate::new(year as i32, month, day).ok_or_else(|| format!("invalid date {s:?}: no such day"))
    }

    pub fn new(year: i32, month: u32, day: u32) -> Option<CivilDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month as u8) as u32 {
            return None;
        }
        Some(CivilDate { year, month: month as u8, day: day as u8 })
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}
