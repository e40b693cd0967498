//! What introduces a quote besides a cue right next to it: a naming word
//! ("el diario «…»"), a source cue ("según X"), a sentence that ends in a
//! colon, and the subject of the sentence before.

use super::attr::{Attr, Found};
use super::{SpeakerSpan, Via};

impl Attr<'_> {
    /// Whether a naming word comes right before the quote opening at `oi`,
    /// past determiners ("el diario «…»", "the so-called “…”", "bajo el lema «…»").
    pub(super) fn named_before(&self, oi: usize) -> bool {
        let mut j = oi;
        while j > 0 && j + 3 > oi && self.is_det(j - 1) {
            j -= 1;
        }
        self.c.naming_words.ending_at(self.lx, j, 4).is_some()
    }

    /// Whether the cue `found` ends right before the opening mark at lex
    /// `oi`, past a comma, a colon or "that" at most: `stated "…"`, `dijo: «…»`.
    pub(super) fn cue_leads(&self, found: &Found, oi: usize) -> bool {
        let Some((_, cue_end)) = found.1 else { return false };
        // The first lex after the cue.
        let k = self.lx.partition_point(|l| l.end <= cue_end);
        k == oi || k + 1 == oi && self.c.complementizers.has(self.lx, k).is_some()
    }

    /// "Según el enviado, … «…»": a source cue earlier in the sentence.
    pub(super) fn source_before(&self, oi: usize, lo: usize, tight: bool) -> Option<Found> {
        for k in lo..oi {
            let opinion = (k == lo).then(|| self.c.quo.opinion_cues.has(self.lx, k)).flatten();
            if let Some(e) = self.c.source_cues.has(self.lx, k).or(opinion) {
                // A short quote is the source's words only right after it: "Según Pérez, «está lista»".
                let tight = tight || opinion.is_some();
                let close = |np: &(usize, usize)| !tight || np.1 + 2 == oi && self.punct(np.1 + 1, &[",", ":"]);
                if let Some(np) = self.np_forward_opt(e, oi, true).filter(close) {
                    return Some((self.speaker_of(Some(np)), Some(self.cue_span(k, e))));
                }
            }
        }
        None
    }

    /// `El ministro X: «…»`, `Sunak defended the record: "…"`: a sentence
    /// that introduces the quote with a colon speaks through its subject.
    pub(super) fn colon_intro(&self, oi: usize, lo: usize) -> Option<Found> {
        if oi == 0 || oi <= lo + 1 || !self.punct(oi - 1, &[":"]) {
            return None;
        }
        let np = self.np_initial(lo, oi - 1).or_else(|| self.np_forward(lo, oi - 1))?;
        Some((self.speaker_of(Some(np)), None))
    }

    /// `AMLO: «No habrá gasolinazo»`: a name and a colon alone before a
    /// quote, as headlines and summaries attribute even a short one.
    pub(super) fn name_colon(&self, oi: usize, lo: usize) -> Option<Found> {
        if oi < lo + 2 || !self.punct(oi - 1, &[":"]) {
            return None;
        }
        let (en, _) = self.entity_at(lo).filter(|(en, b)| b + 2 == oi && (en.person || en.org))?;
        Some((Some(en.speaker(Via::Name)), None))
    }

    /// The person or organisation that opens the sentence `lo..hi` as its
    /// subject, and whether it was a pronoun (resolved to the most recent
    /// mention).
    pub(super) fn sentence_subject(&self, lo: usize, hi: usize) -> Option<(SpeakerSpan, bool)> {
        let (s, b) = self.np_initial(lo, hi).or_else(|| self.np_forward(lo, hi))?;
        if s == b && self.is_pronoun(s) {
            return Some((self.span(s, b), true));
        }
        let sp = self.span(s, b);
        (sp.entity.is_some() && sp.via == Via::Name).then_some((sp, false))
    }

    /// Whether the quote opening at lex `oi` starts a sentence (an opening
    /// mark is inside its quote, so never a sentence start of its own).
    pub(super) fn opens_sentence(&self, oi: usize) -> bool {
        // (A dialogue turn that resumes after the narrator's words opens at their full stop.)
        oi == 0 || self.sent_start[oi] == oi || self.lx[oi].newline_before || self.punct(oi - 1, &[".", "!", "?", "…"]) || self.punct(oi, &["."])
    }

    /// Whether the lexes `lo..hi` hold a speech cue outside quotes.
    pub(super) fn reports_speech(&self, lo: usize, hi: usize) -> bool {
        (lo..hi).any(|k| !self.inside[k] && self.cue_at(k).is_some())
    }
}
