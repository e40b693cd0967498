//! Direct quotations, their speakers and cues, and scare quotes. Marks are
//! paired in `marks`, one quote is attributed in `attr`, names inside
//! speaker phrases (titles, initials, descriptions named earlier) are read in
//! `names`, pronouns and left-out subjects resolve to the person in focus in
//! `salience`, and quotes with no attribution of their own take a speaker in
//! `continuation`.
//!
//! `Quote::start..end` is the quoted text *without* its quotation marks (and
//! without the spaces just inside them, or a trailing comma that belongs to
//! the attribution: `"We won," she said`), so it is exactly DESIGN's
//! `Quote.text`.
//!
//! 1. Pairing: quotation marks are matched with a stack (nested quotes are
//!    reported too); a mark that closes its own kind (`"`) alternates. A
//!    closing mark only looks a few levels down the stack, so unbalanced input
//!    stays linear.
//! 2. Attribution, tried in order:
//!    - after the quote: `«…», dijo el funcionario`, `"…," the official said`,
//!      `«…», según X`;
//!    - before the quote, a cue right before it (up to a short gap ending in
//!      "que"/":"/","): `un funcionario de la UE dijo que "…"`, with the speaker
//!      the noun phrase before the cue, else the noun phrase after it, else
//!      the noun phrase that opens the sentence;
//!    - a source cue earlier in the sentence: `Según el enviado, … “…”`.
//!
//!    The speaker is a named entity (with its id) when one heads the phrase,
//!    else a determiner-initiated noun phrase, a capitalised name or a pronoun.
//!    A title or honorific before the name is its role ("Mr.", "Senator"); a
//!    description ("el ministro de Defensa") is the person an earlier mention
//!    of it named, else the person in focus nearby; a pronoun or a left-out
//!    subject is the person in focus (a recent subject or the last speaker).
//!    Reporting verbs that are also nouns ("claims", "denuncia") are cues only
//!    next to a quote set off by a comma, or with the verb's accent ("criticó").
//! 3. A quote of one to three words without a cue is a scare quote; so is a
//!    title or name in quotes (two or three capitalised words, one capitalised
//!    word inside a sentence, or what a naming word introduces: "el diario
//!    «…»", "the film “…”").

use crate::tokenize::pieces::{pieces, Piece, PieceKind};
use crate::extract::lexicon::{compiled, Compiled};
use crate::extract::Entity;
use crate::lang::Lang;
use crate::tokenize::{Sentence, Token};

mod attr;
mod continuation;
mod cues;
mod intro;
mod marks;
mod names;
mod salience;

use attr::{Attr, Found};
use continuation::continuations;
use marks::{is_mark, mark_at, pair_marks};

/// How a speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The attribution names the speaker ("said Smith", "según el Gobierno").
    Name,
    /// The attribution describes the speaker ("the spokesman said"); the
    /// span is the description, or the person it was linked to.
    Role,
    /// A pronoun or a left-out subject ("she said", "«…», añadió"), resolved
    /// to the most recent compatible mention.
    Pronoun,
    /// No attribution of its own: the speaker of the quote just before.
    Continuation,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Role => "role",
            Via::Pronoun => "pronoun",
            Via::Continuation => "continuation",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerSpan {
    /// The name (or description, or pronoun when nothing resolves it).
    pub start: usize,
    pub end: usize,
    /// The id of the entity the speaker is, if any.
    pub entity: Option<usize>,
    /// A title, honorific, apposition or description kept apart from the
    /// name ("Mr.", "el ministro de Economía", "Republican of Iowa").
    pub role: Option<(usize, usize)>,
    pub via: Via,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, without the marks.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<SpeakerSpan>,
    /// The speech verb or phrase ("dijo", "se limitó a decir", "según").
    pub cue: Option<(usize, usize)>,
    /// A short quote with no cue: irony or distance, not speech.
    pub scare: bool,
}

/// How far down the stack a closing mark looks for its opener.
const STACK_LOOK: usize = 4;
/// Quotes nested deeper than this are not reported: each one's text repeats
/// its inner quotes', so the output for n nested quotes would grow as n².
const MAX_DEPTH: usize = 4;
/// How many lexes around a quote attribution looks at.
const WINDOW: usize = 40;
/// Longest noun phrase, in lexes.
const NP_MAX: usize = 14;

pub fn find_quotes(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    lang: Lang,
    entities: &[Entity],
) -> Vec<Quote> {
    let spans: Vec<EntitySpan> = entities.iter().map(EntitySpan::of).collect();
    find_quotes_in(text, &pieces(text, tokens), sentences, 0, lang, &spans)
}

/// What attribution needs of an entity mention (no canonical name to copy).
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub id: usize,
    /// A person (PER) or an organisation (ORG): the mentions a pronoun or a
    /// left-out subject may stand for.
    pub person: bool,
    pub org: bool,
    /// A person's gender, where the first name of the entity's canonical
    /// name says it ("Hillary Clinton"): "he" is not her.
    pub gender: Option<crate::lang::lexicon::Gender>,
}

impl EntitySpan {
    /// This mention as a speaker found `via`, with no role.
    pub(crate) fn speaker(&self, via: Via) -> SpeakerSpan {
        SpeakerSpan { start: self.start, end: self.end, entity: Some(self.id), role: None, via }
    }

    pub(crate) fn of(e: &Entity) -> EntitySpan {
        use crate::ner::Label;
        let person = e.label == Label::Per;
        let first = e.canonical.split_whitespace().next().filter(|_| person && e.canonical.contains(' '));
        let gender = first.and_then(|w| crate::lang::tables::first_name_gender(&crate::text::fold::lexicon(w)));
        EntitySpan { start: e.start, end: e.end, id: e.id, person, org: e.label == Label::Org, gender }
    }
}

/// For each lex, where its sentence starts and ends (lex indices): the
/// sentence starts are Lupa's own, outside quotes, plus the tokenizer's.
fn sentence_bounds(
    text: &str,
    lx: &[Piece],
    sentences: &[Sentence],
    shift: usize,
    lang: Lang,
    inside: &[bool],
) -> (Vec<usize>, Vec<usize>) {
    let c = compiled(lang);
    let n = lx.len();
    let mut starts = vec![false; n];
    let mut si = 0;
    for k in 0..n {
        if k == 0 || lx[k].newline_before {
            starts[k] = true;
            continue;
        }
        while si < sentences.len() && sentences[si].start - shift < lx[k].start {
            si += 1;
        }
        // An initial's stop ("Charles E. Grassley") ends no sentence.
        let initial = k >= 2
            && lx[k - 1].norm == "."
            && !lx[k - 1].space_before
            && lx[k - 2].upper
            && lx[k - 2].kind == PieceKind::Word
            && lx[k - 2].text(text).chars().count() == 1;
        if initial {
            continue;
        }
        if si < sentences.len() && sentences[si].start - shift == lx[k].start && !inside[k] {
            starts[k] = true;
        }
        let p = &lx[k - 1];
        let term = |l: &Piece| l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | "!" | "?" | "…");
        let after_term = (term(p) && !inside[k - 1])
            || (k >= 2 && p.kind == PieceKind::Punct && is_mark(c, p.text(text)) && term(&lx[k - 2]) && !inside[k]);
        if after_term && (lx[k].upper || lx[k].kind == PieceKind::Punct) && !inside[k] {
            let abbr = k >= 2 && p.norm == "." && lang.data().is_abbreviation(&lx[k - 2].norm);
            if !abbr {
                starts[k] = true;
            }
        }
    }
    let mut sent_start = vec![0usize; n];
    for k in 0..n {
        sent_start[k] = if starts[k] {
            k
        } else if k > 0 {
            sent_start[k - 1]
        } else {
            0
        };
    }
    let mut sent_end = vec![n; n];
    for k in (0..n).rev() {
        sent_end[k] = if k + 1 < n && starts[k + 1] {
            k + 1
        } else if k + 1 < n {
            sent_end[k + 1]
        } else {
            n
        };
    }
    (sent_start, sent_end)
}

/// Which lexes are inside a quote (a difference array over the pairs).
fn inside_quotes(n: usize, pairs: &[marks::Pair]) -> Vec<bool> {
    let mut diff = vec![0i64; n + 1];
    for p in pairs {
        // A quote that ends at a line or paragraph break closes at the next
        // line's first lex, which is not inside it.
        diff[p.0] += 1;
        diff[if p.3 { p.1 } else { p.1 + 1 }] -= 1;
    }
    let mut inside = vec![false; n];
    let mut acc = 0;
    for k in 0..n {
        acc += diff[k];
        inside[k] = acc > 0;
    }
    inside
}

/// The entities inside the text, by start, so that lookups are logarithmic.
fn sorted_entities(text: &str, lx: &[Piece], c: &Compiled, entities: &[EntitySpan]) -> Vec<EntitySpan> {
    let mut sorted: Vec<EntitySpan> =
        entities.iter().filter(|e| e.start < e.end && e.end <= text.len()).copied().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    // A name after an honorific ("Mr. Trump", "la Sra. Díaz") is a person's,
    // whatever the tagger called it.
    for en in &mut sorted {
        let k = lx.partition_point(|l| l.start < en.start);
        if c.honorifics.has(lx, k).is_some_and(|h| lx.get(h).is_some_and(|l| l.start < en.end)) {
            (en.person, en.org) = (true, false);
        }
    }
    sorted
}

/// [`find_quotes`] given the lexes of `text`; `sentences` start `shift`
/// bytes after their offsets in `text` (they may be spans of a larger text).
pub(crate) fn find_quotes_in(
    text: &str,
    lx: &[Piece],
    sentences: &[Sentence],
    shift: usize,
    lang: Lang,
    entities: &[EntitySpan],
) -> Vec<Quote> {
    let c = compiled(lang);
    let pairs = pair_marks(text, lx, c);
    if pairs.is_empty() {
        return Vec::new();
    }
    let n = lx.len();
    let inside = inside_quotes(n, &pairs);
    // Word-count prefix sums.
    let mut words = vec![0usize; n + 1];
    for k in 0..n {
        words[k + 1] = words[k] + usize::from(lx[k].kind != PieceKind::Punct);
    }
    let (sent_start, sent_end) = sentence_bounds(text, lx, sentences, shift, lang, &inside);

    let sorted = sorted_entities(text, lx, c, entities);
    let a = Attr {
        open_at: std::cell::Cell::new(0),
        t: text,
        lx,
        c,
        lang,
        entities: &sorted,
        inside: &inside,
        sent_start: &sent_start,
        last_speaker: std::cell::RefCell::new(None),
    };
    let mut out = Vec::with_capacity(pairs.len());
    let mut meta = Vec::with_capacity(pairs.len());
    for &(oi, ci, parent, open_end) in &pairs {
        let (mut s, mut e) = (lx[oi].end, lx[ci].start);
        while s < e && text[s..e].starts_with(char::is_whitespace) {
            s += text[s..e].chars().next().map_or(1, char::len_utf8);
        }
        while s < e && text[s..e].ends_with(|ch: char| ch.is_whitespace() || ch == ',') {
            e -= text[s..e].chars().next_back().map_or(1, char::len_utf8);
        }
        if s >= e {
            continue;
        }
        let nwords = words[ci] - words[oi + 1];
        // Two or three capitalised words in quotes are a title or a name ("The Web Hatchery").
        let title =
            (2..=3).contains(&nwords) && lx[oi + 1..ci].iter().filter(|l| l.kind == PieceKind::Word).all(|l| l.upper);
        let (lo, hi) = match parent {
            Some((po, pc)) => (po + 1, pc),
            None => (0, n),
        };
        // A doubled mark's other lex is part of the mark, not of the attribution.
        let oi_a = if oi > 0 && mark_at(text, lx, oi - 1).is_some_and(|m| m.1) { oi - 1 } else { oi };
        let ci_a = if mark_at(text, lx, ci).is_some_and(|m| m.1) { ci + 1 } else { ci };
        let (oi, ci) = (oi_a, ci_a.min(n - 1));
        // A capitalised word inside a sentence ("declaró a «Reforma»", "Edson
        // Arantes do Nascimento «Pelé»") is a name; so is whatever a naming
        // word introduces ("el diario «…»", "the film “…”").
        // The quote's last lex inside the marks: whether it ends as a sentence does, and with a full stop.
        let last_punct = lx[..ci].last().filter(|l| l.kind == PieceKind::Punct).map(|l| l.norm.as_str());
        let ends_as_sentence = matches!(last_punct, Some("." | "!" | "?" | "…"));
        let one_name = nwords == 1 && lx.get(oi + 1).is_some_and(|l| l.upper) && !a.opens_sentence(oi) && !ends_as_sentence;
        let title = title || one_name || a.named_before(oi);
        let left = sent_start[oi].max(lo).max(oi.saturating_sub(WINDOW));
        // `"…?" asked Smith`: the mark after `?`/`!` made "asked" a sentence
        // start, but the attribution runs on to the end of that sentence.
        let next = if ci + 1 < n && !lx[ci + 1].newline_before { ci + 1 } else { ci };
        let right = sent_end[next].min(hi).min(ci + 1 + WINDOW);
        a.open_at.set(lx[oi].start);
        // `the Court stated "… ." Later, …`: a quote closed by a full stop
        // belongs to the cue right before it, not to the next sentence's.
        let full_stop = last_punct == Some(".");
        // Without the full stop, a cue leading into the quote with its own
        // named subject still wins ("The Department notes, “…”, highlighting …").
        let leads = |f: &Found| a.cue_leads(f, oi) && (full_stop || f.0.as_ref().is_some_and(|sp| sp.entity.is_some() || sp.via == Via::Role));
        let led = if title { None } else { a.before(oi, left, parent.is_some()).filter(leads) };
        let after = if title || open_end || led.is_some() { None } else { a.after(ci, right) };
        let found = if title { None } else { led.or(after).or_else(|| a.before(oi, left, parent.is_some())) };
        let found = found.or_else(|| if title { None } else { a.source_before(oi, left, nwords <= 3) });
        let found = found.or_else(|| if nwords > 3 && !title { a.colon_intro(oi, left) } else { None });
        let found = found.or_else(|| if title { None } else { a.name_colon(oi, left) });
        let (speaker, cue) = match found {
            Some((sp, cue)) => (sp, cue),
            None => (None, None),
        };
        // No cue and no speaker: a short quote, or a phrase of a few words
        // that does not end as a sentence does, is a term or a title.
        let scare = cue.is_none() && speaker.is_none() && ((1..=3).contains(&nwords) || (nwords <= 10 && !ends_as_sentence));
        if let Some(sp) = speaker.as_ref().filter(|sp| sp.via == Via::Name || sp.entity.is_some()) {
            *a.last_speaker.borrow_mut() = Some(sp.clone());
        }
        out.push(Quote { start: s, end: e, speaker, cue, scare });
        // A short quote may continue a speaker when it is a sentence of its
        // own ("Yes.", "We will see."), not a term inside a sentence.
        let term = |k: usize| lx.get(k).is_some_and(|l| l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | "!" | "?" | "…"));
        let opens = a.opens_sentence(oi);
        let ends = ends_as_sentence || ci + 1 >= n || term(ci + 1) || lx[ci + 1].newline_before;
        let own_sentence = opens && ends;
        meta.push((oi, ci, parent.is_none() && !title && (nwords > 3 || own_sentence), open_end));
    }
    continuations(&a, &mut out, &meta);
    for q in &mut out {
        q.speaker = q.speaker.take().map(|sp| a.split_title(sp));
    }
    out
}
