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
        while k < b {
            // An honorific is never part of a name; a title may be ("General Motors").
            let title = || self.c.titles.has(lx, k).filter(|_| !self.named_thing_at(k));
            match self.c.honorifics.has(lx, k).or_else(title) {
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

/// How many lexes back an earlier mention of a description may be: news
/// writers name a person once with their role and use the role alone later
/// in the story.
const DESCRIPTION_BACK: usize = 800;
/// How many lexes after a description's head its name may come ("el
/// ministro de Minas y Energía de Brasil, Rodolpho Tourinho").
const NAMED_AFTER: usize = 16;

impl<'a> Attr<'a> {
    /// The person an earlier mention of the description `a..=b` (a
    /// determiner phrase) named: "El ministro de Defensa, Hugo Unda, …" makes
    /// a later "el ministro de Defensa" Unda; so do "el técnico Joan Jané" and
    /// "Hugo Unda, ministro de Defensa,". The mention that repeats the most
    /// of the description wins, the nearest among equals.
    pub(super) fn described_earlier(&self, a: usize, b: usize) -> Option<&EntitySpan> {
        let lx = self.lx;
        let head = (a..=b).find(|&k| lx[k].kind == PieceKind::Word && !lx[k].upper && !self.is_det(k) && self.is_content(k))?;
        let tail = b - head;
        let mut best: Option<(usize, &EntitySpan)> = None;
        for k in (a.saturating_sub(DESCRIPTION_BACK)..a).rev() {
            if lx[k].key != lx[head].key || lx[k].norm.as_str() != lx[head].norm.as_str() || self.inside[k] {
                continue;
            }
            let Some(en) = self.named_by(k) else { continue };
            let same = (1..=tail).take_while(|&i| lx.get(k + i).is_some_and(|l| l.norm.as_str() == lx[head + i].norm.as_str())).count();
            if best.map_or(true, |(n, _)| same > n) {
                best = Some((same, en));
            }
            if same == tail {
                break;
            }
        }
        best.map(|(_, en)| en)
    }

    /// A person named beside the description head at lex `k`: after it, past
    /// the rest of the phrase and one comma ("ministro de Defensa, Hugo
    /// Unda"), or just before it ("Hugo Unda, el ministro").
    fn named_by(&self, k: usize) -> Option<&EntitySpan> {
        let lx = self.lx;
        let mut commas = 0;
        let mut x = k + 1;
        while x < lx.len().min(k + 1 + NAMED_AFTER) && !self.inside[x] && !lx[x].newline_before {
            if let Some((en, e)) = self.entity_at(x) {
                if en.person {
                    return Some(en);
                }
                x = e + 1;
                continue;
            }
            // A parenthesised acronym ("( CONFIEP )") is part of the phrase.
            if self.punct(x, &["("]) {
                match (x + 1..(x + 6).min(lx.len())).find(|&y| self.punct(y, &[")"])) {
                    Some(y) => x = y + 1,
                    None => break,
                }
                continue;
            }
            // "La juez federal y el secretario Ricardo Parodi": a second phrase, someone else.
            let next_phrase = self.is_det(x) && x > 0 && !self.punct(x - 1, &[","]) && self.c.np_preps.has(lx, x - 1).is_none();
            if self.punct(x, &[","]) {
                commas += 1;
            } else if next_phrase || lx[x].kind == PieceKind::Punct || self.cue_at(x).is_some() || self.is_pronoun(x) {
                break;
            }
            if commas > 1 {
                break;
            }
            x += 1;
        }
        let mut x = k;
        while x > 0 && self.is_det(x - 1) {
            x -= 1;
        }
        if x < 2 || !self.punct(x - 1, &[","]) {
            return None;
        }
        let end = lx[x - 2].end;
        let p = self.entities.partition_point(|e| e.end < end);
        self.entities[p..].iter().take(4).find(|e| e.end == end && e.person)
    }

    /// The head of the noun phrase `a..=b`: its first content word where
    /// adjectives follow the noun ("el jefe del Gobierno"), else the last one
    /// before a preposition ("the Home Office letter", "the leader of the party").
    pub(super) fn head_noun(&self, a: usize, b: usize) -> Option<usize> {
        let mut words = (a..=b).filter(|&x| !self.is_det(x) && self.is_content(x));
        if !self.c.lx.adjective_first {
            return words.next();
        }
        let pp = (a + 1..=b).find(|&x| self.c.np_preps.has(self.lx, x).is_some()).unwrap_or(b + 1);
        words.take_while(|&x| x < pp).last()
    }

    /// Whether the person at byte `start` carries a title other than the
    /// description's head `head` ("el senador Ricardo Monreal" is not a
    /// later "el ministro"); gender endings aside ("ministro", "ministra").
    pub(super) fn titled_otherwise(&self, start: usize, head: usize) -> bool {
        let lx = self.lx;
        if self.c.office_titles.has(lx, head).is_none() || self.c.quo.generic_offices.has(lx, head).is_some() {
            return false;
        }
        let stem = |k: usize| lx[k].norm.trim_end_matches('s').trim_end_matches(['a', 'o', 'e']).to_owned();
        let k = lx.partition_point(|l| l.start < start);
        let title = (k.saturating_sub(4)..k).rev().take_while(|&x| lx[x].kind == PieceKind::Word).find(|&x| self.c.office_titles.has(lx, x).is_some());
        title.is_some_and(|t| stem(t) != stem(head))
    }

    /// Whether the person `en` inside the description that starts at lex `a`
    /// is the complement of a preposition ("la portavoz de Linda Woods", "the
    /// spokesman for Mr. Smith"), not the one described.
    pub(super) fn complement(&self, a: usize, en: &EntitySpan) -> bool {
        let k = self.lx.partition_point(|l| l.start < en.start);
        self.is_det(a) && k > a && self.c.np_preps.has(self.lx, k - 1) == Some(k)
    }
}
