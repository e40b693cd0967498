//! Continuation quotes: a quote with no attribution of its own.

use super::attr::Attr;
use super::{Quote, SpeakerSpan, Via};

/// A quote with no cue of its own takes the speaker of the attributed quote
/// just before it, in the same or the previous paragraph, when no other
/// person or organisation is mentioned in between (outside quotes): news
/// writers attribute the first quote of a run and let the next ones follow.
/// `meta` holds each quote's opening and closing lexes and whether it may
/// continue (top level, not a title, more than three words).
pub(super) fn continuations(a: &Attr, out: &mut [Quote], meta: &[(usize, usize, bool)]) {
    let mut prev: Option<(usize, SpeakerSpan)> = None; // (closing lex, speaker)
    for (q, &(oi, ci, may)) in out.iter_mut().zip(meta) {
        if q.speaker.is_none() && q.cue.is_none() && may {
            if let Some((pc, sp)) = &prev {
                if a.paragraph_breaks(*pc, oi) <= 1 && !a.other_speaker_between(*pc, oi, sp) {
                    q.speaker = Some(SpeakerSpan { via: Via::Continuation, ..sp.clone() });
                    q.scare = false;
                }
            }
        }
        match &q.speaker {
            Some(sp) => prev = Some((ci, sp.clone())),
            // An unattributed quote ends the run, unless it is a term inside
            // the text (a short or nested one).
            None if may => prev = None,
            None => {}
        }
    }
}
