//! Names inside speaker phrases: initials, titles and honorifics kept apart
//! as the role, and the person a run of modifiers leads to ("US President
//! Barack Obama").

use super::attr::Attr;
use super::{EntitySpan, SpeakerSpan};
use crate::tokenize::pieces::PieceKind;

/// How many lexes of modifiers may sit between an entity and the person
/// they describe ("Civil Defense Authority director General Suleiman al-Amr").
const MODIFIERS: usize = 6;

impl<'a> Attr<'a> {
    /// The full stop of an initial inside a name ("Charles E. Grassley"): a
    /// capital letter alone, the stop glued to it, and a capitalised word next.
    pub(super) fn is_initial_dot(&self, k: usize) -> bool {
        let lx = self.lx;
        if k == 0 || !self.punct(k, &["."]) || lx[k].space_before {
            return false;
        }
        let prev = &lx[k - 1];
        let letter = prev.kind == PieceKind::Word && prev.upper && prev.text(self.t).chars().count() == 1;
        letter && lx.get(k + 1).is_some_and(|n| n.kind == PieceKind::Word && n.upper && !n.newline_before)
    }

    /// The entity that starts at lex `k`, and its last lex.
    pub(super) fn entity_at(&self, k: usize) -> Option<(&EntitySpan, usize)> {
        let l = self.lx.get(k)?;
        let p = self.entities.partition_point(|e| e.start < l.start);
        let en = self.entities.get(p).filter(|e| e.start == l.start)?;
        Some((en, self.entity_from(k)?))
    }

    /// After a place or an organisation at lexes `k..=j`, the person its
    /// modifiers lead to ("US President Barack Obama", "Labour's Shadow Home
    /// Secretary Yvette Cooper"): the last lex of that person. The words in
    /// between are capitalised, titles or an initial's stop.
    pub(super) fn person_after(&self, j: usize, hi: usize) -> Option<usize> {
        let lx = self.lx;
        let mut x = j + 1;
        while x < hi && x <= j + MODIFIERS && !lx[x].newline_before && !self.inside[x] {
            if let Some((en, e)) = self.entity_at(x) {
                return (en.person && e < hi).then_some(e);
            }
            if let Some(e) = self.c.titles.has(lx, x).or_else(|| self.c.honorifics.has(lx, x)) {
                x = e;
                continue;
            }
            // ("Labour's" is one piece: a possessive is a capitalised word.)
            let ok = (lx[x].kind == PieceKind::Word && lx[x].upper) || self.is_initial_dot(x);
            if !ok {
                return None;
            }
            x += 1;
        }
        None
    }

    /// Whether a place or organisation covers lex `k` ("General" in "General Motors").
    fn named_thing_at(&self, k: usize) -> bool {
        let s = self.lx[k].start;
        let p = self.entities.partition_point(|e| e.start <= s);
        self.entities[..p].iter().rev().take(4).any(|e| e.start <= s && s < e.end && !e.person)
    }

    /// A speaker span that opens with titles or honorifics ("Mr. Clarke",
    /// "Senator Charles E. Grassley", "former President Bill Clinton"): the
    /// name is what follows them, and they are its role unless it has one.
    pub(super) fn split_title(&self, sp: SpeakerSpan) -> SpeakerSpan {
        let lx = self.lx;
        let a = lx.partition_point(|l| l.start < sp.start);
        let b = lx.partition_point(|l| l.start < sp.end);
        let mut k = a;
        while k < b && !self.named_thing_at(k) {
            match self.c.honorifics.has(lx, k).or_else(|| self.c.titles.has(lx, k)) {
                Some(e) if e < b => k = e,
                _ => break,
            }
            // "Mr" and "Mr." are both honorifics; the stop belongs to it.
            while k < b && self.punct(k, &["."]) && !lx[k].space_before {
                k += 1;
            }
        }
        if k == a || k >= b || !(lx[k].kind == PieceKind::Word && lx[k].upper) {
            return sp;
        }
        let role = sp.role.or(Some((sp.start, lx[k - 1].end)));
        SpeakerSpan { start: lx[k].start, role, ..sp }
    }
}
