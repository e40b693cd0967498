//! Whom a pronoun or a left-out subject stands for: the person the story is
//! about just then, not merely the last name written. News writers keep the
//! subject of their sentences (and the speaker of their last quote) in
//! focus: in "Smith helped Jones with the money. He described Jones as…",
//! "He" is Smith.

use super::attr::Attr;
use super::{EntitySpan, SpeakerSpan, Via};

/// How many sentences back (besides the current one) a subject or the last
/// speaker stays in focus.
const FOCUS_SENTENCES: usize = 3;

impl<'a> Attr<'a> {
    /// The first lex of the sentence `n` sentences before the one holding lex `k`.
    fn sentences_back(&self, k: usize, n: usize) -> usize {
        let mut s = self.sent_start.get(k).copied().unwrap_or(0);
        for _ in 0..n {
            if s == 0 {
                break;
            }
            s = self.sent_start[s - 1];
        }
        s
    }

    /// Whether the mention `en` (at lex `k`) is the subject of its sentence:
    /// inside the phrase that opens it ("El mexicano Mario Vázquez Raña,
    /// …", "On Monday, Smith …"), or right before a speech verb.
    fn is_subject(&self, en: &EntitySpan, k: usize) -> bool {
        let s = self.sent_start.get(k).copied().unwrap_or(k);
        let Some(j) = self.entity_from(k) else { return false };
        let first = self.np_initial(s, j + 1).or_else(|| self.np_forward(s, j + 1));
        // Inside it, or in apposition to it ("El portavoz del PP, Miguel Tellado, respondió").
        let apposed = |b: usize| self.apposition(b).is_some_and(|a| a.start == en.start) && self.punct(j + 1, &[","]);
        let opens = first.is_some_and(|(a, b)| a <= k && k <= b || apposed(b));
        let mut x = j + 1;
        while x < self.lx.len() && x < j + 3 && self.c.cue_fillers.has(self.lx, x) == Some(x + 1) {
            x += 1;
        }
        en.person && (opens || self.cue_at(x).is_some())
    }

    /// The person in focus before byte `before`: the most recent of the
    /// subjects of the last few sentences and the last quote's speaker, else
    /// the most recent person mentioned. `cands` are the recent mentions,
    /// most recent first.
    pub(super) fn in_focus<'e>(&self, before: usize, cands: impl Iterator<Item = &'e EntitySpan>, gender: Option<crate::lang::lexicon::Gender>) -> Option<SpeakerSpan> {
        let k = self.lx.partition_point(|l| l.start < before);
        let from = self.sentences_back(k.min(self.lx.len().saturating_sub(1)), FOCUS_SENTENCES);
        let lex = |en: &EntitySpan| self.lx.partition_point(|l| l.start < en.start);
        let mut first = None;
        let mut subject = None;
        for en in cands.filter(|en| en.person) {
            first = first.or(Some(en));
            let x = lex(en);
            if x < from {
                break;
            }
            if self.is_subject(en, x) {
                subject = Some(en);
                break;
            }
        }
        let in_reach = |sp: &&SpeakerSpan| sp.end <= before && sp.start >= self.lx.get(from).map_or(0, |l| l.start);
        // "el ministro", "she": a person, so not the organisation that spoke last.
        // A speaker linked to an entity starts where that entity does (entities are sorted by start).
        let a_person = |sp: &&SpeakerSpan| {
            let first = self.entities.partition_point(|en| en.start < sp.start);
            let fits = |en: &EntitySpan| gender.is_none() || en.gender.is_none() || en.gender == gender;
            sp.entity.map_or(true, |id| self.entities[first..].iter().take_while(|en| en.start == sp.start).any(|en| en.id == id && en.person && fits(en)))
        };
        let speaker = self.last_speaker.borrow().as_ref().filter(in_reach).filter(a_person).cloned();
        let as_span = |en: &EntitySpan| en.speaker(Via::Pronoun);
        match (subject, speaker) {
            (Some(en), Some(sp)) if sp.start > en.start => Some(SpeakerSpan { via: Via::Pronoun, ..sp }),
            (Some(en), _) => Some(as_span(en)),
            (None, Some(sp)) => Some(SpeakerSpan { via: Via::Pronoun, ..sp }),
            (None, None) => first.map(as_span),
        }
    }
}
