//! Decades and centuries: "los años 90", "the 1990s", "the nineties",
//! "siglo XXI", "the 19th century". Values are TIMEX3 style: the decade
//! `199` and the century `18` (the hundreds of its years, 1800-1899).

use super::{DateKind, Scan, M};
use crate::extract::numbers::number_at;

/// The value of a Roman numeral of at most three characters per digit
/// class ("XXI" 21), or `None` if `s` is not one.
fn roman(s: &str) -> Option<u32> {
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        _ => None,
    };
    let ds: Vec<u32> = s.bytes().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &d) in ds.iter().enumerate() {
        if ds.get(k + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    // Reject non-canonical spellings ("IIII", "VX") by writing the value back.
    let v = u32::try_from(total).ok()?;
    (v > 0 && to_roman(v) == s).then_some(v)
}

fn to_roman(mut v: u32) -> String {
    const R: [(u32, &str); 9] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut s = String::new();
    for (n, r) in R {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// The TIMEX3 value of the n-th century (the 21st is `20`).
fn century_value(n: u32) -> Option<String> {
    (1..=30).contains(&n).then(|| format!("{:02}", n - 1))
}

impl Scan<'_> {

    /// "los años 90", "la década de los ochenta", "the 1990s": TIMEX3 decade `199`.
    pub(super) fn decade(&self, i: usize) -> Option<M> {
        let (j, intro) = match self.c.decade_intro.has(self.lx, i) {
            Some(e) => (e, true),
            None => (i, false),
        };
        let (e, v) = if let Some(v) = self.int_at(j, 4) {
            (j + 1, v)
        } else if intro {
            let n = number_at(self.t, self.lx, j, self.c)?;
            if n.value.fract() != 0.0 || n.weak {
                return None;
            }
            (n.end, n.value as u32)
        } else {
            return None;
        };
        let (e, suffixed) = match self.c.decade_suffix.has(self.lx, e) {
            Some(e2) if self.glued(e) => (e2, true),
            _ => (e, false),
        };
        // A bare "los 90" needs the suffix or a longer intro.
        if !(suffixed || intro && e - i >= 3 || intro && self.lx[i..j].len() >= 2) {
            return None;
        }
        let year = match v {
            10..=90 if v % 10 == 0 => 1900 + v,
            1000..=2990 if v % 10 == 0 => v,
            _ => return None,
        };
        Some(M::new(i, e, DateKind::Date, Some(format!("{}", year / 10))))
    }

    /// "the nineties": a decade named by one word, of the 1900s.
    fn decade_name(&self, i: usize) -> Option<M> {
        let j = self.c.date_articles.has(self.lx, i).unwrap_or(i);
        let (e, tens) = self.c.cal.decade_names.at(self.lx, j)?;
        Some(M::new(i, e, DateKind::Date, Some(format!("{}", 190 + tens as u32 / 10))))
    }

    /// "siglo XXI", "el siglo 19", "the 21st century", "nineteenth-century".
    pub(super) fn century(&self, i: usize) -> Option<M> {
        if let Some(j) = self.c.cal.century_before.has(self.lx, i) {
            // An abbreviation ("s. XIX") takes a Roman numeral only, so that
            // "U.S. 30-year" is no century.
            let abbreviated = self.l(i).is_some_and(|l| l.end - l.start == 1);
            let (e, n) = if abbreviated { self.roman_at(j)? } else { self.century_number(j)? };
            return Some(M::new(i, e, DateKind::Date, Some(century_value(n)?)));
        }
        let j = self.c.date_articles.has(self.lx, i).unwrap_or(i);
        if let Some((e, n)) = self.ordinal_at(j) {
            if let Some(e2) = self.c.cal.century_after.has(self.lx, e) {
                return Some(M::new(i, e2, DateKind::Date, Some(century_value(n)?)));
            }
        }
        self.decade_name(i)
    }

    /// "XXI", "21", "21st", "vigésimo primero".
    fn century_number(&self, j: usize) -> Option<(usize, u32)> {
        self.roman_at(j).or_else(|| self.ordinal_at(j)).or_else(|| self.int_at(j, 2).map(|n| (j + 1, n)))
    }

    fn roman_at(&self, j: usize) -> Option<(usize, u32)> {
        let l = self.l(j)?;
        roman(&self.t[l.start..l.end]).map(|n| (j + 1, n))
    }
}
