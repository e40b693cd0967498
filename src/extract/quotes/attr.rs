//! Attribution: the cue and the speaker of one quote.

use crate::extract::lexicon::Compiled;
use crate::lang::lexicon::Gender;
use super::{EntitySpan, SpeakerSpan, Via, NP_MAX};
use crate::tokenize::pieces::{Piece, PieceKind};


pub(super) struct Attr<'a> {
    /// The opening of the quote being attributed: mentions a pronoun may
    /// stand for come before it (never from inside the quote itself).
    pub(super) open_at: std::cell::Cell<usize>,
    pub(super) t: &'a str,
    /// The first lex of each lex's sentence.
    pub(super) sent_start: &'a [usize],
    pub(super) lx: &'a [Piece],
    pub(super) c: &'static Compiled,
    pub(super) lang: crate::lang::Lang,
    pub(super) entities: &'a [EntitySpan],
    pub(super) inside: &'a [bool],
    /// The speaker of the last quote attributed by name, kept in focus for
    /// the pronouns that follow.
    pub(super) last_speaker: std::cell::RefCell<Option<SpeakerSpan>>,
}

pub(super) type Found = (Option<SpeakerSpan>, Option<(usize, usize)>);

impl<'a> Attr<'a> {
    pub(super) fn punct(&self, k: usize, set: &[&str]) -> bool {
        self.lx.get(k).is_some_and(|l| l.kind == PieceKind::Punct && set.contains(&l.norm.as_str()))
    }

    pub(super) fn is_det(&self, k: usize) -> bool {
        self.c.determiners.has(self.lx, k) == Some(k + 1)
    }

    pub(super) fn is_internal(&self, k: usize) -> bool {
        self.c.np_internal.has(self.lx, k) == Some(k + 1)
    }

    /// A word that can be part of a noun phrase: a capitalised word or a
    /// content word (not a function word, not a cue).
    pub(super) fn is_content(&self, k: usize) -> bool {
        let Some(l) = self.lx.get(k) else { return false };
        match l.kind {
            PieceKind::Num => true,
            PieceKind::Punct | PieceKind::Opaque => false,
            PieceKind::Word => {
                if self.is_cue_start(k) {
                    return false;
                }
                // A lower-case word with a verb ending ("informaron", "tendrá") ends the phrase.
                if !l.upper && self.c.looks_like_verb(l.text(self.t)) {
                    return false;
                }
                self.c.function_words.has(self.lx, k).is_none()
            }
        }
    }

    /// A word of time ("ayer", "lunes"), never a bare speaker.
    pub(super) fn temporal(&self, k: usize) -> bool {
        let lx = self.lx;
        self.c.day_words.has(lx, k).is_some()
            || self.c.weekdays.has(lx, k).is_some()
            || self.c.months.has(lx, k).is_some()
            || self.c.units.has(lx, k).is_some()
    }

    /// A glued hyphen inside a name ("Nagorno-Karabaj").
    pub(super) fn is_joiner(&self, k: usize) -> bool {
        self.punct(k, &["-", "'", "’"])
            && !self.lx[k].space_before
            && self.lx.get(k + 1).is_some_and(|l| !l.space_before && l.kind == PieceKind::Word)
    }

    /// The speaker a noun phrase (lexes `a..=b`) stands for: a person named
    /// in it, with the rest of the phrase as its role ("team member Rodaba
    /// Noori", "el técnico Joan Jané"); a pronoun resolved to the most recent
    /// compatible mention; a description, as a role; or the phrase itself.
    pub(super) fn span(&self, a: usize, b_incl: usize) -> SpeakerSpan {
        let (s, e) = (self.lx[a].start, self.lx[b_incl].end);
        if a == b_incl && self.is_pronoun(a) {
            let nonperson = self.c.nonperson_pronouns.has(self.lx, a).is_some();
            let gender = self.c.gendered_pronouns.at(self.lx, a).map(|(_, g)| g);
            return self.recent_as(s, !nonperson, gender).unwrap_or(SpeakerSpan { start: s, end: e, entity: None, role: None, via: Via::Pronoun });
        }
        if let Some(en) = self.person_in(s, e).filter(|en| !self.complement(a, en)) {
            let role = if en.start > s {
                self.trim(s, en.start)
            } else {
                self.trim(en.end, e)
            };
            return SpeakerSpan { start: en.start, end: en.end, entity: Some(en.id), role, via: Via::Name };
        }
        // "Mr. Clarke": the honorific is the role, the rest the name.
        if let Some(h) = self.c.honorifics.has(self.lx, a) {
            if h <= b_incl {
                let sp = self.with_entity(self.lx[h].start, e);
                return SpeakerSpan { role: Some((s, self.lx[h - 1].end)), ..sp };
            }
        }
        let sp = self.with_entity(s, e);
        // "en palabras del ministro de Economía, Martín Guzmán,": a bare
        // description after a contracted article names its person too.
        let bare_description = !self.is_det(a) && !self.lx[a].upper && self.lx[a].kind == PieceKind::Word;
        if let Some(en) = self.apposition(b_incl).filter(|_| sp.entity.is_none() && bare_description) {
            return SpeakerSpan { start: en.start, end: en.end, entity: Some(en.id), role: Some((s, e)), via: Via::Name };
        }
        if sp.entity.is_none() && self.is_det(a) {
            // "El presidente de la CONFIEP, Roque Benavides,": the name in apposition.
            if let Some(en) = self.apposition(b_incl) {
                return SpeakerSpan { start: en.start, end: en.end, entity: Some(en.id), role: Some((s, e)), via: Via::Name };
            }
            // "dijo el líder cubano": the person named last before is the one
            // described; not so for a new referent ("one poster") or a text.
            // Only the head counts: "el jefe del Gobierno" is a person.
            let head = self.head_noun(a, b_incl);
            let linkable = self.c.indefinites.has(self.lx, a).is_none() && head.map_or(true, |h| self.c.text_nouns.has(self.lx, h).is_none());
            // Not past a new referent introduced since ("Un alto diplomático … Según el enviado").
            let near = |p: &SpeakerSpan| {
                let k = self.lx.partition_point(|l| l.start < p.start);
                a.saturating_sub(k) <= Self::DESCRIBED || !(k..a).any(|x| self.c.indefinites.has(self.lx, x).is_some() && self.lx[x].upper)
            };
            if let Some(en) = self.described_earlier(a, b_incl).filter(|_| linkable) {
                return SpeakerSpan { start: en.start, end: en.end, entity: Some(en.id), role: Some((s, e)), via: Via::Role };
            }
            let same_title = |p: &SpeakerSpan| head.map_or(true, |h| !self.titled_otherwise(p.start, h));
            if let Some(p) = self.recent(s, true).filter(|p| linkable && near(p) && same_title(p)) {
                return SpeakerSpan { role: Some((s, e)), via: Via::Role, ..p };
            }
            return SpeakerSpan { role: Some((s, e)), via: Via::Role, ..sp };
        }
        sp
    }

    /// A person named in apposition right after lex `b`: `, Name ,` (past a
    /// parenthesised acronym, "( CONFIEP )").
    pub(super) fn apposition(&self, b: usize) -> Option<&EntitySpan> {
        let mut x = b + 1;
        if self.punct(x, &["("]) {
            x = (x + 1..(x + 8).min(self.lx.len())).find(|&y| self.punct(y, &[")"]))? + 1;
        }
        if !self.punct(x, &[","]) {
            return None;
        }
        let l = self.lx.get(x + 1)?;
        let p = self.entities.partition_point(|e| e.start < l.start);
        self.entities.get(p).filter(|e| e.start == l.start && e.person)
    }

    /// The byte span `s..e` without surrounding spaces and commas, if anything is left.
    pub(super) fn trim(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let t = self.t.get(s..e)?;
        let lead = t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
        let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        (t2.len() > lead).then(|| (s + lead, s + t2.len()))
    }

    /// The last person named inside the byte span `s..e`.
    pub(super) fn person_in(&self, s: usize, e: usize) -> Option<&EntitySpan> {
        let first = self.entities.partition_point(|en| en.start < s);
        let last = self.entities.partition_point(|en| en.start < e);
        self.entities.get(first..last)?.iter().rev().find(|en| en.person && en.end <= e)
    }

    /// How many lexes back from a mention a pronoun or a left-out subject may look.
    const RECENT: usize = 30;
    /// How many lexes back from a description ("el enviado") the person it
    /// describes may be named: a reader links it to a person of the same or
    /// the last sentence, not to any name further up.
    const DESCRIBED: usize = 40;

    /// The most recent mention before byte `before`, outside quotes, of a
    /// person (or, when `person` is false, an organisation first): what a
    /// pronoun or a left-out subject refers to. Looks at a bounded number of
    /// mentions, so each lookup is logarithmic plus a constant.
    pub(super) fn recent(&self, before: usize, person: bool) -> Option<SpeakerSpan> {
        self.recent_as(before, person, None)
    }

    /// [`Attr::recent`] for a pronoun of `gender`: a person whose first name
    /// says the other gender is not the one it refers to.
    pub(super) fn recent_as(&self, before: usize, person: bool, gender: Option<Gender>) -> Option<SpeakerSpan> {
        let before = before.min(self.open_at.get());
        let p = self.entities.partition_point(|en| en.end <= before);
        let outside = |en: &EntitySpan| {
            let k = self.lx.partition_point(|l| l.start < en.start);
            !self.inside.get(k).copied().unwrap_or(false)
        };
        let fits = |en: &EntitySpan| gender.is_none() || en.gender.is_none() || en.gender == gender;
        let near = || self.entities[..p].iter().rev().take(Self::RECENT).filter(|en| outside(en) && fits(en));
        if person {
            return self.in_focus(before, near(), gender);
        }
        let en = if person {
            near().find(|en| en.person)
        } else {
            near().find(|en| en.org).or_else(|| near().find(|en| en.person))
        }?;
        Some(en.speaker(Via::Pronoun))
    }

    /// Links a speaker span to an entity that heads it (not one inside a
    /// prepositional phrase: "un funcionario de la UE" stays a phrase).
    pub(super) fn with_entity(&self, s: usize, e: usize) -> SpeakerSpan {
        let plain = |start, end, entity| SpeakerSpan { start, end, entity, role: None, via: Via::Name };
        // Entities that start inside the span, and the few that start before it and reach into it.
        let first = self.entities.partition_point(|en| en.start < s);
        let last = self.entities.partition_point(|en| en.start <= e);
        let before = self.entities[..first].iter().rev().take(4);
        for en in before.chain(self.entities.get(first..last).unwrap_or(&[]).iter()) {
            if en.start >= s && en.end <= e && en.end == e {
                let (from, to) = (self.lx.partition_point(|l| l.start < s), self.lx.partition_point(|l| l.start < en.start));
                let has_prep = self.lx[from..to]
                    .iter()
                    .any(|l| l.kind == PieceKind::Word && self.c.np_preps.at(std::slice::from_ref(l), 0).is_some());
                if !has_prep {
                    return plain(en.start, en.end, Some(en.id));
                }
            }
            if en.start <= s && en.end >= e {
                return plain(en.start, en.end, Some(en.id));
            }
        }
        plain(s, e, None)
    }

    /// The speaker `sp` at its entity's last mention before lex `oi`, outside
    /// quotes ("la Unión Europea ( UE ) … la UE registra …"): a carried-over
    /// speaker points at the name the reader saw last.
    pub(super) fn latest_mention(&self, sp: SpeakerSpan, oi: usize) -> SpeakerSpan {
        let (Some(id), Some(open)) = (sp.entity, self.lx.get(oi)) else { return sp };
        let p = self.entities.partition_point(|en| en.end <= open.start);
        let outside = |en: &&EntitySpan| {
            let k = self.lx.partition_point(|l| l.start < en.start);
            !self.inside.get(k).copied().unwrap_or(false)
        };
        match self.entities[..p].iter().rev().take(Self::RECENT).filter(outside).find(|en| en.id == id) {
            Some(en) if en.start > sp.start => SpeakerSpan { start: en.start, end: en.end, role: None, ..sp },
            _ => sp,
        }
    }

    /// Paragraph breaks (blank lines) between lexes `a` and `b`.
    pub(super) fn paragraph_breaks(&self, a: usize, b: usize) -> usize {
        let (Some(x), Some(y)) = (self.lx.get(a), self.lx.get(b)) else { return 0 };
        self.t.get(x.end..y.start.max(x.end)).map_or(0, |g| g.matches("\n\n").count())
    }

    /// Whether a person or organisation other than `sp` is mentioned, outside
    /// quotes, between lexes `a` and `b`: then a later quote may be theirs.
    pub(super) fn other_speaker_between(&self, a: usize, b: usize, sp: &SpeakerSpan) -> bool {
        let (Some(x), Some(y)) = (self.lx.get(a), self.lx.get(b)) else { return false };
        let from = self.entities.partition_point(|en| en.start < x.end);
        let to = self.entities.partition_point(|en| en.start < y.start);
        // `b` may end before `a` does (a speaker span that runs past the quote): nothing between.
        self.entities.get(from..to).unwrap_or(&[]).iter().any(|en| {
            let k = self.lx.partition_point(|l| l.start < en.start);
            let same = sp.entity == Some(en.id) || self.t.get(en.start..en.end) == self.t.get(sp.start..sp.end);
            (en.person || en.org) && !same && !self.inside.get(k).copied().unwrap_or(false)
        })
    }

    /// An entity starting at lex `k`: (end lex, inclusive).
    pub(super) fn entity_from(&self, k: usize) -> Option<usize> {
        let l = self.lx.get(k)?;
        let p = self.entities.partition_point(|e| e.start < l.start);
        let en = self.entities.get(p).filter(|e| e.start == l.start)?;
        let mut j = k;
        while j + 1 < self.lx.len() && self.lx[j + 1].end <= en.end {
            j += 1;
        }
        Some(j)
    }

    /// A personal pronoun, compared with its accents ("él" is not "el").
    pub(super) fn is_pronoun(&self, k: usize) -> bool {
        let Some(l) = self.lx.get(k) else { return false };
        let raw = l.text(self.t).to_lowercase();
        self.c.lx.pronouns.iter().any(|p| *p == raw)
    }

    /// A noun phrase starting at `k`, bounded by `hi`: (first, last inclusive).
    pub(super) fn np_forward(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        self.np_forward_opt(k, hi, false)
    }

    /// As [`np_forward`], also accepting a bare lower-case phrase ("fuentes diplomáticas").
    pub(super) fn np_forward_opt(&self, k: usize, hi: usize, bare: bool) -> Option<(usize, usize)> {
        let lx = self.lx;
        if k >= hi || k >= lx.len() {
            return None;
        }
        if let Some((en, j)) = self.entity_at(k) {
            let person = if en.person { None } else { self.person_after(j, hi) };
            return Some((k, person.unwrap_or(j)));
        }
        if self.is_pronoun(k) {
            return Some((k, k));
        }
        // "Mr. Clarke", "Sen. Grassley": the title and the name after it.
        if let Some(h) = self.c.honorifics.has(lx, k) {
            if let Some((_, b)) = self.np_forward(h, hi).filter(|&(s, _)| lx[s].upper) {
                return Some((k, b));
            }
        }
        let det = self.is_det(k) || bare;
        if !self.is_det(k) && !(self.is_content(k) && (lx[k].upper || bare)) {
            return None;
        }
        let mut last = if self.is_det(k) { None } else { Some(k) };
        let mut j = k + 1;
        while j < hi && j < lx.len() && j - k < NP_MAX {
            // "los manifestantes frente a la Casa Rosada": a phrasal preposition ends the phrase.
            if self.c.object_preps.has(lx, j).is_some_and(|e| e > j + 1) {
                break;
            }
            if self.is_content(j) && !self.inside[j] {
                // Without a determiner, a name is a run of capitalised words.
                if !det && !lx[j].upper {
                    break;
                }
                last = Some(j);
            } else if self.is_joiner(j) || self.is_initial_dot(j) {
                // keep going
            } else if self.is_internal(j) {
                // "de la UE", "of State"
            } else {
                break;
            }
            j += 1;
        }
        last.map(|l| (k, l))
    }

    /// A noun phrase ending at `k` (inclusive), not before `lo`.
    pub(super) fn np_backward(&self, k: usize, lo: usize) -> Option<(usize, usize)> {
        let lx = self.lx;
        if k < lo || k >= lx.len() {
            return None;
        }
        let entity = || {
            let from = self.entities.partition_point(|e| e.start < lx[lo].start);
            let to = self.entities.partition_point(|e| e.start <= lx[k].start);
            let en = self.entities[from..to].iter().find(|e| e.end == lx[k].end)?;
            let mut s = k;
            while s > lo && lx[s - 1].start >= en.start {
                s -= 1;
            }
            Some((s, k))
        };
        if self.is_pronoun(k) {
            return Some((k, k));
        }
        if !self.is_content(k) || self.inside[k] {
            return entity();
        }
        let mut j = k;
        let mut cap_start = if lx[k].upper { Some(k) } else { None };
        let mut cap_run = lx[k].upper;
        loop {
            if j == lo || k - j >= NP_MAX {
                break;
            }
            let p = j - 1;
            if self.is_det(p) {
                let internal = p > lo && self.c.np_preps.has(lx, p - 1) == Some(p);
                if !internal {
                    return Some((p, k));
                }
            } else if self.is_content(p) && !self.inside[p] {
                if cap_run && lx[p].upper {
                    cap_start = Some(p);
                } else {
                    cap_run = false;
                }
            } else if self.is_joiner(p) || self.is_internal(p) || self.is_initial_dot(p) {
                // continue
            } else {
                break;
            }
            j = p;
        }
        cap_start.map(|s| (s, k)).or_else(entity)
    }

    /// The first noun phrase of the clause from `lo`: at its start, or after a
    /// leading connective closed by a comma ("Sin embargo, un funcionario …").
    pub(super) fn np_initial(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let lo = if self.intro_adverb(lo) { lo + 2 } else { lo };
        if let Some(np) = self.np_forward(lo, hi) {
            // A determiner phrase, an entity, or a name set off by a comma ("Smith, a spokesman, said").
            if self.is_det(lo) || self.entity_from(lo).is_some() || self.punct(np.1 + 1, &[","]) {
                return Some(np);
            }
        }
        for k in lo..hi.min(lo + 5) {
            if self.punct(k, &[","]) {
                return self.np_forward(k + 1, hi).filter(|&(s, _)| self.is_det(s) || self.entity_from(s).is_some());
            }
        }
        None
    }

    pub(super) fn cue_span(&self, a: usize, b_excl: usize) -> (usize, usize) {
        (self.lx[a].start, self.lx[b_excl - 1].end)
    }

    pub(super) fn speaker_of(&self, np: Option<(usize, usize)>) -> Option<SpeakerSpan> {
        np.map(|(a, b)| self.span(a, b))
    }

    /// The speaker of a cue that names none: a left-out subject ("«…»,
    /// añadió") or a cue after a named speaker's sentence stands for the
    /// most recent person mentioned before byte `at`.
    pub(super) fn dropped(&self, at: usize) -> Option<SpeakerSpan> {
        // Not a name in the cue's own clause: "En el programa de Évole
        // declaró" leaves out a subject that is not Évole.
        // The clause runs back to the sentence start or to a quote.
        let k = self.lx.partition_point(|l| l.start < at);
        let lo = self.sent_start.get(k).copied().unwrap_or(k);
        let mut s = k.min(self.lx.len());
        while s > lo && k - s < super::WINDOW && !self.inside[s - 1] {
            s -= 1;
        }
        let from = self.lx.get(s).map_or(at, |l| l.start.min(at));
        self.recent(from, true)
    }

    /// The subject after a cue, past adverbs and objects: "explicó ayer con
    /// gran tristeza José María Pérez", "afirmó a Efe el técnico Joan Jané",
    /// "said in a statement Smith". Stops at sentence punctuation and quotes.
    pub(super) fn np_after_cue(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        let lx = self.lx;
        let mut x = k;
        let lim = hi.min(k + 12);
        while x < lim {
            if self.inside[x] || (lx[x].kind == PieceKind::Punct && !self.punct(x, &[","])) {
                return None;
            }
            if let Some(e) = self.c.object_preps.has(lx, x) {
                // The preposition's object: an entity, or determiners and lower-case words.
                // ("a EL PAÍS", "a la BBC": past the object's determiners.)
                let mut d = e;
                while d < lim && self.is_det(d) {
                    d += 1;
                }
                x = e;
                let capitalised = |y: usize| y < lim && lx[y].kind == PieceKind::Word && lx[y].upper;
                if let Some(j) = self.entity_from(d) {
                    x = j + 1;
                } else if d > e && capitalised(d) {
                    x = d;
                    while capitalised(x) {
                        x += 1;
                    }
                } else {
                    // A determiner after the object's noun opens the subject: "en entrevista el dirigente".
                    let mut noun = false;
                    while x < lim && lx[x].kind == PieceKind::Word && (self.is_det(x) && !noun || !lx[x].upper && !self.is_det(x)) && self.c.object_preps.has(lx, x).is_none() && !self.is_cue_start(x) {
                        noun |= !self.is_det(x);
                        x += 1;
                    }
                    // A name right after the preposition is a place or a medium ("en Madrid", "a Efe"),
                    // and so is one that completes the object's noun ("en su cuenta de Twitter").
                    let opens_name = |x: usize| self.c.object_preps.has(lx, x - 1).is_some() || noun && self.c.np_preps.has(lx, x - 1) == Some(x);
                    while x < lim && lx[x].kind == PieceKind::Word && lx[x].upper && x > 0 && opens_name(x) {
                        x = self.entity_from(x).map_or(x + 1, |j| j + 1);
                    }
                }
                continue;
            }
            if self.punct(x, &[","]) || self.c.cue_fillers.has(lx, x) == Some(x + 1) || self.temporal(x) {
                x += 1;
                continue;
            }
            if let Some(np) = self.np_forward(x, hi) {
                // "declaró el martes que", "said last week": a time, not the subject.
                let time = (np.0..=np.1).filter(|&y| !self.is_det(y) && lx[y].kind != PieceKind::Punct).all(|y| self.temporal(y) || lx[y].kind == PieceKind::Num);
                if !time {
                    return Some(np);
                }
                x = np.1 + 1;
                continue;
            }
            // Right after the cue, a bare phrase is the subject ("dijeron fuentes del Ministerio").
            if x == k && !self.temporal(x) {
                if let Some(np) = self.np_forward_opt(x, hi, true).filter(|&(a, b)| b > a) {
                    return Some(np);
                }
            }
            // ("añadió, antes de cargar contra la oposición": a verb opens a clause of its own.)
            let verb = |x: usize| {
                self.c.looks_like_verb(lx[x].text(self.t))
                    || crate::extract::pos::pos_of(self.lang, &crate::text::fold::lexicon(&lx[x].norm)) == crate::extract::pos::Pos::Verb
            };
            if lx[x].kind == PieceKind::Word && !lx[x].upper && !self.is_cue_start(x) && !verb(x) {
                // A preposition's phrase is its object, not the subject ("añadió, contra la oposición").
                let agent = self.c.quo.agent_preps.has(lx, x).is_some();
                let prep = !self.is_det(x) && !agent && self.c.function_words.has(lx, x) == Some(x + 1);
                x = match self.np_forward(x + 1, hi).filter(|_| prep) {
                    Some((_, b)) => b + 1,
                    None => x + 1,
                };
                continue;
            }
            return None;
        }
        None
    }

    /// `"…," team member Rodaba Noori told the press`, `"…," Mr. Greenfield
    /// said`, `"…," Smith, the minister, said`: a subject of a few words,
    /// then a cue. The subject's first comma-set phrase is the name, the
    /// rest an apposition (its role).
    pub(super) fn subject_then_cue(&self, k: usize, hi: usize) -> Option<Found> {
        let lx = self.lx;
        // "Later, the Court said": an adverb set off by a comma opens the clause, not the subject.
        let k = if self.intro_adverb(k) { k + 2 } else { k };
        let lim = hi.min(k + 16);
        let mut j = k;
        let mut words = 0;
        while j < lim {
            if self.inside[j] || self.punct(j, &[".", "!", "?", ";", ":", "(", ")"]) && !(self.punct(j, &["."]) && j > k && lx[j].start == lx[j - 1].end) {
                return None;
            }
            if j > k && (self.cue_at(j).is_some() || self.homograph_ends_clause(j).is_some()) {
                break;
            }
            if lx[j].kind == PieceKind::Word {
                // A lower-case verb-like word or a function word that cannot sit in a subject.
                let ok = self.is_det(j) || self.is_internal(j) || self.is_content(j) || self.c.honorifics.has(lx, j).is_some() || self.is_pronoun(j) || self.c.cue_fillers.has(lx, j).is_some();
                if !ok {
                    return None;
                }
                words += 1;
            }
            j += 1;
        }
        if j >= lim || words == 0 || words > 10 {
            return None;
        }
        // "and", "but": a clause goes on, no subject starts here.
        if self.is_internal(k) && !self.is_det(k) {
            return None;
        }
        let e = self.cue_at(j).or_else(|| self.homograph_ends_clause(j))?;
        // "«…», miembros de su equipo explicaron que …": a cue that opens a
        // reported clause of its own attributes that clause, not the quote.
        if lx.get(e).is_some_and(|l| l.kind == PieceKind::Word) && self.c.complementizers.has(lx, e).is_some() {
            return None;
        }
        let mut b = j;
        while b > k && (self.c.cue_fillers.has(lx, b - 1) == Some(b) || self.punct(b - 1, &[","])) {
            b -= 1;
        }
        if b <= k {
            return None;
        }
        // "Smith, the minister,": the name before the first comma, the rest its role.
        let comma = (k..b).find(|&x| self.punct(x, &[","]));
        let name_end = comma.unwrap_or(b);
        let mut sp = self.span(k, name_end - 1);
        if let (Some(c1), None) = (comma, sp.role) {
            sp.role = self.trim(lx[c1].end, lx[b - 1].end);
        }
        Some((Some(sp), Some(self.cue_span(j, e))))
    }

    /// Attribution after the closing mark `ci`.
    /// A word that is mostly an adverb or the like, set off by a comma ("Later,", "However,"), and not a name.
    fn intro_adverb(&self, k: usize) -> bool {
        let is_word = self.lx.get(k).is_some_and(|l| l.kind == PieceKind::Word);
        is_word && self.punct(k + 1, &[","]) && self.entity_from(k).is_none() && crate::extract::pos::pos_of(self.lang, &crate::text::fold::lexicon(&self.lx[k].norm)) == crate::extract::pos::Pos::Other
    }

    pub(super) fn after(&self, ci: usize, hi: usize) -> Option<Found> {
        let mut k = ci + 1;
        let mut dash = false;
        while k < hi && self.punct(k, &[",", "—", "–", "-", "―"]) {
            dash |= !self.punct(k, &[","]);
            k += 1;
        }
        if k >= hi {
            return None;
        }
        // «…», según explicó la vocera: the verb after "según" is the cue,
        // unless a cue earlier in the sentence has the quote ("X calificó
        // … de «…», según relató Y": Y reports X's words).
        if let Some(e) = self.c.source_cues.has(self.lx, k).filter(|&e| e < hi && self.cue_at(e).is_some()) {
            let lo = self.sent_start[ci.min(self.sent_start.len() - 1)].max(ci.saturating_sub(super::WINDOW));
            if self.reports_speech(lo, ci) {
                return None;
            }
            k = e;
        }
        // «…», dijo el funcionario / "…," said Smith. A homograph needs the
        // quote set off ("“…,” yells", "«…», denuncia"), not inside a
        // clause ("los diarios «chicha» siguen haciendo").
        let set_off = k > ci + 1 || self.punct(ci.wrapping_sub(1), &[",", "?", "!", "…"]);
        let cue = if set_off { self.cue_by_quote(k) } else { self.cue_at(k) };
        if let Some(e) = cue {
            let mut j = e;
            while j < hi && self.c.cue_fillers.has(self.lx, j) == Some(j + 1) {
                j += 1;
            }
            // ("dijo respecto al partido": a preposition opens no subject.)
            let bare = !self.temporal(j) && !self.punct(j, &[".", ";"]) && self.c.object_preps.has(self.lx, j).is_none();
            let np = self.np_after_cue(j, hi).or_else(|| self.np_forward_opt(j, hi, bare));
            let sp = self.speaker_of(np).or_else(|| self.dropped(self.lx[k].start));
            return Some((sp, Some(self.cue_span(k, e))));
        }
        // «…», según X
        if let Some(e) = self.c.source_cues.has(self.lx, k) {
            let np = self.np_forward_opt(e, hi, true);
            return np.map(|np| (self.speaker_of(Some(np)), Some(self.cue_span(k, e))));
        }
        // "…," the official said / Smith told Reuters
        if let Some(found) = self.subject_then_cue(k, hi) {
            return Some(found);
        }
        // `"…" ― Stephanie Egan`: a dash byline that ends the sentence.
        if dash {
            if let Some((a, b)) = self.np_forward(k, hi).filter(|&(a, _)| self.lx[a].upper) {
                if b + 1 >= hi || self.punct(b + 1, &[".", ")", ","]) || self.lx.get(b + 1).is_some_and(|l| l.newline_before) {
                    return Some((self.speaker_of(Some((a, b))), None));
                }
            }
        }
        None
    }

    /// Attribution by a cue before the opening mark `oi`: right before it (up
    /// to a complementizer, "dijo que «…»"), or anywhere earlier in the
    /// sentence, so that fragments in a reported clause ("indicó que hay
    /// «…»", "Smith said the plan had failed and “nobody cares”", "manifestó
    /// su «profunda preocupación»") have a speaker: news writers quote a
    /// speaker's words inside their own sentences, and the marks say whose
    /// words they are. `nested`: the quote is inside another, whose words are
    /// all inside quotes.
    pub(super) fn before(&self, oi: usize, lo: usize, nested: bool) -> Option<Found> {
        if oi == 0 || oi <= lo {
            return None;
        }
        let lx = self.lx;
        let mut q = oi;
        while q > lo && q + 2 > oi && self.c.complementizers.has(lx, q - 1) == Some(q) {
            q -= 1;
        }
        for end in (lo + 1..=q).rev() {
            if end < q
                && lx[end..q]
                    .iter()
                    .any(|l| l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | ";" | "!" | "?"))
            {
                break;
            }
            if self.inside[end - 1] && !nested {
                continue;
            }
            let Some(s) = self.cue_ending_at(end).or_else(|| self.homograph_leading(end, oi)) else { continue };
            if s < lo {
                continue;
            }
            let cue = self.cue_span(s, end);
            // The speaker before the cue, skipping clitics and adverbs.
            let mut k = s;
            while k > lo && self.c.cue_fillers.has(lx, k - 1) == Some(k) {
                k -= 1;
            }
            // ", el ministro, que dijo": the phrase before the relative pronoun.
            let mut relative = false;
            if k > lo + 1 {
                if let Some((r, ())) = self.c.relatives.ending_at(lx, k, 2) {
                    if r > lo && self.punct(r - 1, &[","]) {
                        k = r - 1;
                        relative = true;
                    }
                }
            }
            let _ = relative;
            // In a sentence that opens with a preposition, a phrase right
            // after a preposition is an adjunct, not the subject ("En el
            // programa de Évole en laSexta declaró que …").
            let prep_before = |a: usize| (self.c.object_preps.ending_at(lx, a, 3).is_some() || self.c.np_preps.ending_at(lx, a, 2).is_some()) && a > lo;
            let after_prep = |a: usize| self.c.object_preps.has(lx, lo).is_some() && prep_before(a);
            // ("Ante la insistencia de los periodistas Menem sostuvo": the
            // name that ends such a phrase is still the subject.)
            let last_name = |(a, b): (usize, usize)| {
                let en = self.person_in(lx[a].start, lx[b].end).filter(|en| en.end == lx[b].end)?;
                let x = lx.partition_point(|l| l.start < en.start);
                (x > a && !prep_before(x)).then_some((x, b))
            };
            // "Smith met the board, and later said": the subject of the clause.
            let shared = k > lo && self.c.predicate_and.ending_at(lx, k, 2).is_some();
            let back = if k > lo && !shared { self.np_backward(k - 1, lo).and_then(|np| if after_prep(np.0) { last_name(np) } else { Some(np) }) } else { None };
            let initial = self.np_initial(lo, s).filter(|&(_, b)| b < s);
            let initial = if shared { initial.or_else(|| self.np_forward(lo, s).filter(|&(_, b)| b < s)) } else { initial };
            // A description just before the cue loses to a person who opens
            // the sentence ("Manel Andreu, presidente de …, que forma parte de
            // la plataforma, ha indicado").
            let person_first = initial.is_some_and(|(a, b)| self.person_in(lx[a].start, lx[b].end).is_some() || self.apposition(b).is_some());
            let back = back.filter(|&(a, b)| !person_first || self.person_in(lx[a].start, lx[b].end).is_some());
            // After "dijo que" comes the reported clause's subject, never the speaker.
            // Nor is a pronoun with a verb after it ("and said it was “…”").
            let clause_subject = |(a, b): &(usize, usize)| a == b && self.is_pronoun(*a) && lx.get(b + 1).is_some_and(|l| l.kind == PieceKind::Word);
            let inverted = if self.c.complementizers.has(lx, end).is_some() { None } else { self.np_after_cue(end, q).filter(|&(_, b)| b < q) };
            let inverted = inverted.filter(|np| !clause_subject(np));
            // "John Kasich of Ohio, a Republican candidate, said": the name before the apposition.
            let apposed = if back.is_none() { self.apposed(k, lo) } else { None };
            let np = back.or(inverted).or(initial);
            let sp = apposed.or_else(|| self.speaker_of(np)).or_else(|| self.dropped(lx[s].start));
            return Some((sp, Some(cue)));
        }
        None
    }

    /// The subject of a cue at lex `k` set off by an apposition: `Name,
    /// apposition, said` gives the name, with the apposition as its role.
    fn apposed(&self, k: usize, lo: usize) -> Option<SpeakerSpan> {
        if k < lo + 4 || !self.punct(k - 1, &[","]) {
            return None;
        }
        let (a1, b1) = self.np_backward(k - 2, lo)?;
        if b1 != k - 2 || a1 < lo + 2 || !self.punct(a1 - 1, &[","]) {
            return None;
        }
        let person = |a: usize, b: usize| self.person_in(self.lx[a].start, self.lx[b].end).is_some();
        // "El presidente del Consejo, organismo observador, Francisco Díez,
        // consideró": the name is the last part; its role is the rest.
        if person(a1, b1) {
            let sp = self.span(a1, b1);
            let first = (lo..a1 - 1).rev().take_while(|&x| !self.inside[x] && !self.punct(x, &[".", ";", ":"])).last();
            let role = sp.role.or_else(|| first.and_then(|f| self.trim(self.lx[f].start, self.lx[a1 - 1].start)));
            return (sp.via == Via::Name).then_some(SpeakerSpan { role, ..sp });
        }
        let (a0, b0) = self.np_backward(a1 - 2, lo).filter(|&(a, b)| person(a, b))?;
        let sp = self.span(a0, b0);
        let role = sp.role.or(Some((self.lx[a1].start, self.lx[b1].end)));
        (sp.via == Via::Name).then_some(SpeakerSpan { role, ..sp })
    }
}
