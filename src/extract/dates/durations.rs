//! Durations ("dos semanas", "two and a half years", "varias horas") and
//! their ISO 8601 form.

use super::{DateKind, Scan, M};
use crate::extract::lexicon::Unit;
use crate::extract::numbers::number_at;
use crate::tokenize::pieces::PieceKind;

/// ISO 8601 duration for `v` units.
pub fn iso_duration(v: f64, unit: Unit) -> String {
    let whole = v.trunc();
    let frac = v - whole;
    match unit {
        Unit::Year => {
            let months = (frac * 12.0).round();
            match (whole > 0.0, months > 0.0) {
                (_, false) => format!("P{}Y", fmt_num(whole)),
                (false, true) => format!("P{}M", fmt_num(months)),
                (true, true) => format!("P{}Y{}M", fmt_num(whole), fmt_num(months)),
            }
        }
        Unit::Month => {
            let days = (frac * 30.0).round();
            match (whole > 0.0, days > 0.0) {
                (_, false) => format!("P{}M", fmt_num(whole)),
                (false, true) => format!("P{}D", fmt_num(days)),
                (true, true) => format!("P{}M{}D", fmt_num(whole), fmt_num(days)),
            }
        }
        Unit::Week if frac == 0.0 => format!("P{}W", fmt_num(whole)),
        Unit::Weekend => format!("P{}WE", fmt_num(v)),
        Unit::Week => format!("P{}D", fmt_num(v * 7.0)),
        Unit::Day => {
            let hours = (frac * 24.0).round();
            match (whole > 0.0, hours > 0.0) {
                (_, false) => format!("P{}D", fmt_num(whole)),
                (false, true) => format!("PT{}H", fmt_num(hours)),
                (true, true) => format!("P{}DT{}H", fmt_num(whole), fmt_num(hours)),
            }
        }
        Unit::Hour => {
            let mins = (frac * 60.0).round();
            match (whole > 0.0, mins > 0.0) {
                (_, false) => format!("PT{}H", fmt_num(whole)),
                (false, true) => format!("PT{}M", fmt_num(mins)),
                (true, true) => format!("PT{}H{}M", fmt_num(whole), fmt_num(mins)),
            }
        }
        Unit::Minute => format!("PT{}M", fmt_num(v)),
        Unit::Second => format!("PT{}S", fmt_num(v)),
        Unit::Decade => format!("P{}Y", fmt_num(v * 10.0)),
        Unit::Century => format!("P{}Y", fmt_num(v * 100.0)),
    }
}

impl Scan<'_> {
    /// "all day", "toda la semana", "the whole year": one unit of a day or
    /// longer, as a duration; not one that a direction makes a period
    /// ("todo el año pasado" is last year).
    pub(super) fn whole_unit(&self, i: usize) -> Option<M> {
        let k = self.c.cal.whole_unit.has(self.lx, i)?;
        let (e, unit) = self.c.units.at(self.lx, k).filter(|&(e, _)| e == k + 1)?;
        let directed = self.c.last_after.has(self.lx, e).is_some() || self.c.next_after.has(self.lx, e).is_some();
        let day_or_longer = matches!(unit, Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year);
        (!directed && day_or_longer).then(|| M::new(i, e, DateKind::Duration, Some(iso_duration(1.0, unit))))
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The designators of an ISO 8601 duration, largest first; a minute is 'm'.
const ORDER: [char; 7] = ['Y', 'M', 'W', 'D', 'H', 'm', 'S'];

/// An ISO duration's parts, as (number, designator) with minutes as 'm'.
fn iso_parts(v: &str) -> Option<Vec<(&str, char)>> {
    let body = v.strip_prefix('P')?;
    let (date, time) = body.split_once('T').unwrap_or((body, ""));
    let mut out = Vec::new();
    for (part, in_time) in [(date, false), (time, true)] {
        let mut from = 0;
        for (i, ch) in part.char_indices().filter(|(_, c)| c.is_ascii_alphabetic()) {
            let d = if in_time && ch == 'M' { 'm' } else { ch };
            if !ORDER.contains(&d) || i == from {
                return None;
            }
            out.push((&part[from..i], d));
            from = i + 1;
        }
    }
    Some(out)
}

/// "P2Y" and "P3M" as "P2Y3M", when every part of `a` is a larger unit than
/// every part of `b` ("2 years and 3 months", not "3 months and 2 years").
/// Weeks joined to other units are counted in days, as ISO 8601 writes them.
fn join_iso(a: &str, b: &str) -> Option<String> {
    let (pa, pb) = (iso_parts(a)?, iso_parts(b)?);
    let rank = |d: char| ORDER.iter().position(|&o| o == d).unwrap_or(0);
    if rank(pa.last()?.1) >= rank(pb.first()?.1) {
        return None;
    }
    let mut parts: Vec<(f64, char)> = Vec::new();
    for (n, d) in pa.iter().chain(&pb) {
        let (v, d) = if *d == 'W' { (n.parse::<f64>().ok()? * 7.0, 'D') } else { (n.parse().ok()?, *d) };
        match parts.last_mut() {
            Some((pv, pd)) if *pd == d => *pv += v,
            _ => parts.push((v, d)),
        }
    }
    let mut out = String::from("P");
    for (k, (v, d)) in parts.iter().enumerate() {
        if rank(*d) >= 4 && parts.get(k.wrapping_sub(1)).map_or(true, |p| rank(p.1) < 4) {
            out.push('T');
        }
        out.push_str(&fmt_num(*v));
        out.push(if *d == 'm' { 'M' } else { *d });
    }
    Some(out)
}

impl Scan<'_> {
    /// A duration, with the smaller units joined to it ("2 years and 3
    /// months", "una hora y treinta y dos minutos", "3 hours, 15 minutes
    /// and 20 seconds"): one span and one value, as a reader counts it.
    pub(super) fn amount(&self, i: usize) -> Option<M> {
        let mut m = self.amount_one(i)?;
        while m.kind == DateKind::Duration {
            let Some(k) = self.c.amount_and.has(self.lx, m.end) else { break };
            let k = self.c.amount_and.has(self.lx, k).unwrap_or(k);
            let Some(next) = self.amount_one(k).filter(|n| n.kind == DateKind::Duration) else { break };
            let Some(v) = m.value.as_deref().zip(next.value.as_deref()).and_then(|(a, b)| join_iso(a, b)) else { break };
            m = M::new(m.start, next.end, DateKind::Duration, Some(v));
        }
        Some(m)
    }

    /// "1/2 hour", "3/4 hora": a written fraction of a unit, read before
    /// a numeric date can take "3/4".
    pub(super) fn fraction_amount(&self, i: usize) -> Option<M> {
        let num = self.int_at(i, 2)?;
        let den = self.int_at(i + 2, 2).filter(|_| self.punct(i + 1, "/") && self.glued(i + 1) && self.glued(i + 2))?;
        if !(2..=12).contains(&den) || num == 0 || num >= den || self.glued(i + 3) {
            return None;
        }
        let (e, unit) = self.c.units.at(self.lx, i + 3)?;
        Some(M::new(i, e, DateKind::Duration, Some(iso_duration(f64::from(num) / f64::from(den), unit))))
    }

    /// "medio año", "half a year", "un cuarto de hora", "three quarters of an
    /// hour"; and one unit with a part after it ("hora y media", "año y medio").
    fn unit_part(&self, i: usize) -> Option<M> {
        let lx = self.lx;
        let before = self.c.half.has(lx, i).map(|e| (e, 0.5)).or_else(|| self.c.cal.unit_parts.at(lx, i));
        if let Some((e, v)) = before {
            let (e2, unit) = self.c.units.at(lx, e)?;
            return Some(M::new(i, e2, DateKind::Duration, Some(iso_duration(v, unit))));
        }
        // A bare unit in the singular: "hora y media", not "horas y media".
        let (e, unit) = self.c.units.at(lx, i).filter(|&(e, _)| e == i + 1 && !lx[i].norm.ends_with('s'))?;
        let (e2, v) = self.c.cal.and_parts.at(lx, e)?;
        Some(M::new(i, e2, DateKind::Duration, Some(iso_duration(1.0 + v, unit))))
    }

    fn amount_one(&self, i: usize) -> Option<M> {
        if let Some(m) = self.unit_part(i) {
            return Some(m);
        }
        // "more than two years ago": the approximation belongs to the date; a
        // duration starts at its number.
        let approx = self.c.approx.has(self.lx, i);
        // "varias semanas", "a few hours": three, as TIMEX reads them.
        // After "hace" the count belongs to the date.
        let after_ago = i > 0 && self.c.ago_before.ending_at(self.lx, i, 2).is_some();
        if let Some((e, n)) = self.c.cal.vague_counts.at(self.lx, i).filter(|_| !after_ago) {
            if let Some((e, unit)) = self.c.units.at(self.lx, e) {
                return Some(M::new(i, e, DateKind::Duration, Some(iso_duration(f64::from(n), unit))));
            }
        }
        let n = number_at(self.t, self.lx, approx.unwrap_or(i), self.c)?;
        if !n.value.is_finite() || n.value < 0.0 {
            return None;
        }
        let mut value = n.value;
        let mut j = n.end;
        // "two and a half years"
        if let Some(e) = self.c.and_half.has(self.lx, j) {
            if self.c.units.at(self.lx, e).is_some() {
                value += 0.5;
                j = e;
            }
        }
        let (mut e, unit) = self.c.units.at(self.lx, j)?;
        if value == n.value {
            if let Some((e2, part)) = self.c.cal.and_parts.at(self.lx, e) {
                value += part;
                e = e2;
            }
        }
        if let Some(e2) = self.c.ago_after.has(self.lx, e) {
            let (v, unresolved) = self.offset_value(value, unit, -1);
            return Some(M { start: i, end: e2, kind: DateKind::Date, value: v, end_value: None, unresolved });
        }
        if approx.is_some() {
            return None;
        }
        // "a day", and "a second round" (the unit is an ordinal too, and a word follows).
        let ordinal = self.c.ordinal_words.at(self.lx, j).is_some() && self.l(e).is_some_and(|l| l.kind == PieceKind::Word);
        if n.weak && (matches!(unit, Unit::Day) || ordinal) {
            return None;
        }
        // "twenty second", "three hundred twenty second": tens and a unit
        // ordinal make one ordinal, not seconds.
        let tens = n.words && n.value.fract() == 0.0 && (20.0..100.0).contains(&(n.value % 100.0)) && n.value % 10.0 == 0.0;
        if tens && self.c.ordinal_words.at(self.lx, j).is_some_and(|(_, v)| (1..=9).contains(&v)) {
            return None;
        }
        Some(M::new(i, e, DateKind::Duration, Some(iso_duration(value, unit))))
    }
}
