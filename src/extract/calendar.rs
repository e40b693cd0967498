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

/// Days since 1970-01-01 (negative before), for the proleptic Gregorian calendar.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = y as i64 - if m <= 2 { 1 } else { 0 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + if m <= 2 { 1 } else { 0 }) as i32, m, d)
}

impl CivilDate {
    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    pub fn from_days(days: i64) -> CivilDate {
        let (year, month, day) = civil_from_days(days);
        CivilDate { year, month, day }
    }

    /// ```
    /// use lupa::extract::calendar::CivilDate;
    /// let d = CivilDate::parse("2023-10-15").unwrap();
    /// assert_eq!(d.add_days(-30).to_string(), "2023-09-15");
    /// assert_eq!(d.add_days(80).to_string(), "2024-01-03");
    /// ```
    pub fn add_days(self, n: i64) -> CivilDate {
        CivilDate::from_days(self.to_days().saturating_add(n))
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// Adds calendar months, clamping the day to the month's length.
    pub fn add_months(self, n: i64) -> CivilDate {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        CivilDate { year, month, day }
    }

    /// ISO 8601 week-numbering year and week.
    ///
    /// ```
    /// use lupa::extract::calendar::CivilDate;
    /// assert_eq!(CivilDate::parse("2023-10-15").unwrap().iso_week(), (2023, 41));
    /// assert_eq!(CivilDate::parse("2021-01-03").unwrap().iso_week(), (2020, 53));
    /// assert_eq!(CivilDate::parse("2024-12-30").unwrap().iso_week(), (2025, 1));
    /// ```
    pub fn iso_week(self) -> (i32, u8) {
        // The Thursday of this week decides the year.
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = days_from_civil(thursday.year, 1, 1);
        let week = (thursday.to_days() - jan1) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// `YYYY-Www`.
    pub fn week_string(self) -> String {
        let (y, w) = self.iso_week();
        format!("{y:04}-W{w:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn round_trip_and_weekday() {
        for z in -800_000..800_000i64 {
            if z % 997 != 0 {
                continue;
            }
            let d = CivilDate::from_days(z);
            assert_eq!(d.to_days(), z);
            assert!(CivilDate::new(d.year, d.month as u32, d.day as u32).is_some());
        }
        assert_eq!(CivilDate::parse("2023-10-15").unwrap().weekday(), 7);
        assert_eq!(CivilDate::parse("2000-01-01").unwrap().weekday(), 6);
        assert_eq!(CivilDate::parse("2024-01-31").unwrap().add_months(1).to_string(), "2024-02-29");
        assert_eq!(CivilDate::parse("2023-01-15").unwrap().add_months(-1).to_string(), "2022-12-15");
    }
}
