//! Clock times ("a las 15.30 horas", "9 y media", "3pm"), parts of the day
//! ("anoche") and sets ("cada lunes", "every two weeks").

use super::{iso_duration, DateKind, Scan, M};
use crate::tokenize::pieces::PieceKind;

impl Scan<'_> {
    /// "anoche", "this morning": `2023-10-14TNI`.
    pub(super) fn part_of_day(&self, i: usize) -> Option<M> {
        let (e, (off, code)) = self.c.parts_of_day.at(self.lx, i)?;
        let v = self.r.map(|r| format!("{}T{code}", r.add_days(off as i64)));
        let mut m = M::rel(i, e, v);
        m.kind = DateKind::Time;
        Some(m)
    }

    /// "cada lunes", "todos los días", "every two weeks".
    pub(super) fn set(&self, i: usize) -> Option<M> {
        let j = self.c.set_words.has(self.lx, i)?;
        if let Some((e, wd)) = self.weekday_at(j) {
            return Some(M::new(i, e, DateKind::Set, Some(format!("XXXX-WXX-{wd}"))));
        }
        if let Some((e, unit)) = self.c.units.at(self.lx, j) {
            return Some(M::new(i, e, DateKind::Set, Some(iso_duration(1.0, unit))));
        }
        let (e, n, unit, weak) = self.amount_unit(j)?;
        if weak {
            return None;
        }
        Some(M::new(i, e, DateKind::Set, Some(iso_duration(n, unit))))
    }

    pub(super) fn time(&self, i: usize) -> Option<M> {
        if let Some((e, h)) = self.c.fixed_times.at(self.lx, i) {
            return Some(M::new(i, e, DateKind::Time, Some(format!("T{h:02}:00"))));
        }
        let (j, strong_intro) = match self.c.time_intro.has(self.lx, i) {
            Some(e) => (e, e - i >= 2),
            None => (i, false),
        };
        let intro = j > i;
        let l = self.l(j)?;
        if l.kind != PieceKind::Num {
            return None;
        }
        let raw = &self.t[l.start..l.end];
        let (h, mut m, mut e) = if let Some((a, b)) = raw.split_once('.').or_else(|| raw.split_once(',')) {
            if a.len() > 2
                || b.len() != 2
                || !a.bytes().all(|c| c.is_ascii_digit())
                || !b.bytes().all(|c| c.is_ascii_digit())
            {
                return None;
            }
            (a.parse::<u32>().ok()?, Some(b.parse::<u32>().ok()?), j + 1)
        } else {
            (self.int_at(j, 2)?, None, j + 1)
        };
        if m.is_none() && self.punct(e, ":") && self.glued(e) && self.glued(e + 1) {
            let mm = self.l(e + 1)?;
            if mm.end - mm.start == 2 {
                m = Some(self.int_at(e + 1, 2)?);
                e += 2;
            }
        }
        let mut hour = h;
        let mut marked = false;
        // "a las 9 y media", "las 10 menos cuarto"
        if m.is_none() {
            if let Some((e2, delta)) = self.c.time_fractions.at(self.lx, e) {
                if !(0..=24).contains(&h) {
                    return None;
                }
                let total = (h as i32 * 60 + delta).rem_euclid(24 * 60);
                hour = (total / 60) as u32;
                m = Some((total % 60) as u32);
                e = e2;
                marked = true;
            }
        }
        if let Some(e2) = self.c.am.has(self.lx, e) {
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = if hour == 12 { 0 } else { hour };
            e = e2;
            marked = true;
        } else if let Some(e2) = self.c.pm.has(self.lx, e) {
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = if hour == 12 { 12 } else { hour + 12 };
            e = e2;
            marked = true;
        } else if let Some(e2) = self.c.night.has(self.lx, e) {
            hour = match hour {
                6..=11 => hour + 12,
                12 => 0,
                _ => hour,
            };
            e = e2;
            marked = true;
        } else if let Some(e2) = self.c.time_after.has(self.lx, e) {
            if m.is_some() || intro {
                e = e2;
                marked = true;
            } else {
                return None; // "48 horas" is a duration
            }
        }
        let colon_minutes = m.is_some() && self.t[self.lx[j].start..self.lx[e - 1].end].contains(':');
        if !(marked || strong_intro || colon_minutes || (intro && m.is_some())) {
            return None;
        }
        if hour > 24 || m.is_some_and(|m| m > 59) {
            return None;
        }
        let value = format!("T{:02}:{:02}", hour % 24, m.unwrap_or(0));
        Some(M::new(i, e, DateKind::Time, Some(value)))
    }
}
