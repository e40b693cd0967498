//! Continuation quotes: a quote with no attribution of its own.

use super::attr::Attr;
use super::{Quote, SpeakerSpan, Via};

/// How many lexes after a quote its attribution (", Clinton said of Trump.") may run.
const ATTRIBUTION: usize = 8;

/// A quote with no cue of its own takes the speaker of the attributed quote
/// just before it, in the same or the previous paragraph: news writers
/// attribute the first quote of a run and let the next ones follow. A
/// sentence in between whose subject is another person hands the next quote
/// to that person when it reports speech ("Sanders said the system was
/// rigged. “…”"), and blocks the run when it does not; a person or
/// organisation named elsewhere in between (not as a subject, and not in
/// the attribution of the quote before) blocks it too.
/// `meta` holds each quote's opening and closing lexes and whether it may
/// continue (top level, not a title, more than three words or a sentence),
/// and whether it ends at a paragraph break (its next paragraph re-opens it).
pub(super) fn continuations(a: &Attr, out: &mut [Quote], meta: &[(usize, usize, bool, bool)]) {
    let mut prev: Option<(usize, SpeakerSpan)> = None; // (closing lex, speaker)
    for (q, &(oi, ci, may, _)) in out.iter_mut().zip(meta) {
        if q.speaker.is_none() && q.cue.is_none() && may {
            if let Some(sp) = continued(a, oi, prev.as_ref()) {
                q.speaker = Some(SpeakerSpan { via: Via::Continuation, ..a.latest_mention(sp, oi) });
                q.scare = false;
            }
        }
        // A cue with no subject and no person to resolve it to (", adding
        // that “…”"): the subject is the speaker of the quote before.
        if q.speaker.is_none() && q.cue.is_some() && may {
            if let Some((pc, sp)) = &prev {
                if a.paragraph_breaks(*pc, oi) == 0 && !a.other_speaker_between(*pc, oi, sp) {
                    q.speaker = Some(SpeakerSpan { via: Via::Pronoun, ..a.latest_mention(sp.clone(), oi) });
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
    // A quote of several paragraphs attributed only at its end ("…," he
    // said.): its first paragraphs are the same speaker's. So is a quote
    // right before an attributed one, with nothing but spaces between them
    // ("“We will win.” “It will be huge,” Trump said.").
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (_, ci, may, open_end) = meta[i];
        let next = meta[i + 1].0;
        let adjacent = may && out[i].cue.is_none() && out[i + 1].cue.is_some() && next == ci + 1 && a.paragraph_breaks(ci, next) == 0;
        if (open_end && meta[i + 1].0 == ci || adjacent) && out[i].speaker.is_none() {
            if let Some(sp) = out[i + 1].speaker.clone() {
                out[i].speaker = Some(SpeakerSpan { via: Via::Continuation, ..sp });
                out[i].scare = false;
            }
        }
    }
}

/// The speaker a quote opening at lex `oi` continues, given the last
/// attributed quote before it (its closing lex and speaker).
fn continued(a: &Attr, oi: usize, prev: Option<&(usize, SpeakerSpan)>) -> Option<SpeakerSpan> {
    // The sentence just before a quote that opens one (a quote inside a
    // sentence with no cue is a title or a term, "un debate sobre «…»").
    let lead = if oi > 0 && a.opens_sentence(oi) { a.sent_start[oi - 1] } else { oi };
    let after_prev = prev.map_or(true, |(pc, _)| lead > *pc);
    if lead < oi && after_prev && a.paragraph_breaks(lead, oi) <= 1 && !(lead..oi).any(|k| a.inside[k]) {
        if let Some((subject, pronoun)) = a.sentence_subject(lead, oi) {
            let same = |p: &SpeakerSpan| p.entity.is_some() && p.entity == subject.entity;
            match prev {
                // "Trump also attacked Clinton on trade. “…”": still Trump.
                Some((_, p)) if pronoun || same(p) => return Some(p.clone()),
                _ if a.reports_speech(lead, oi) => return Some(subject),
                _ => return None,
            }
        }
        // "As Heald told the Post, ozone has dropped. “…”": the sentence
        // reports speech whose subject does not open it.
        if a.reports_speech(lead, oi) {
            let end = (lead..oi).rev().find(|&k| a.punct(k, &[".", "!", "?", ":"])).unwrap_or(oi);
            if let Some((Some(sp), _)) = a.before(end, lead, false).filter(|(sp, _)| sp.as_ref().is_some_and(|sp| sp.entity.is_some())) {
                return Some(sp);
            }
        }
    }
    let (pc, sp) = prev?;
    // Names in the short attribution of the quote before ("…," Clinton said
    // of Trump.) are no new speaker; names further on in its sentence may be.
    let from = (*pc + 1..oi.min(*pc + 1 + ATTRIBUTION)).find(|&k| a.sent_start[k] == k).unwrap_or(*pc + 1 + ATTRIBUTION);
    (a.paragraph_breaks(*pc, oi) <= 1 && !a.other_speaker_between(from.min(oi), oi, sp)).then(|| sp.clone())
}
