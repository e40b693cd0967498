//! Direct quotations, their speakers and cues, and scare quotes.
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
//! 3. A quote of one to three words without a cue is a scare quote; so is a
//!    title or name in quotes (two or three capitalised words).

use crate::tokenize::pieces::{pieces, Piece, PieceKind};
use super::lexicon::{compiled, Compiled};
use crate::extract::Entity;
use crate::lang::Lang;
use crate::tokenize::{Sentence, Token};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerSpan {
    pub start: usize,
    pub end: usize,
    /// The id of the entity the speaker is, if any.
    pub entity: Option<usize>,
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
    let spans: Vec<EntitySpan> = entities.iter().map(|e| EntitySpan { start: e.start, end: e.end, id: e.id }).collect();
    find_quotes_in(text, &pieces(text, tokens), sentences, 0, lang, &spans)
}

/// What attribution needs of an entity mention (no canonical name to copy).
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub id: usize,
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
    // Lexes inside any quote (difference array), and word-count prefix sums.
    let mut diff = vec![0i64; n + 1];
    for p in &pairs {
        diff[p.0] += 1;
        diff[p.1 + 1] -= 1;
    }
    let mut inside = vec![false; n];
    let mut acc = 0;
    for k in 0..n {
        acc += diff[k];
        inside[k] = acc > 0;
    }
    let mut words = vec![0usize; n + 1];
    for k in 0..n {
        words[k + 1] = words[k] + usize::from(lx[k].kind != PieceKind::Punct);
    }
    // Sentence starts: our own, outside quotes, plus the tokenizer's.
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

    // Entities by start, so that lookups are logarithmic.
    let mut sorted: Vec<EntitySpan> =
        entities.iter().filter(|e| e.start < e.end && e.end <= text.len()).copied().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let a = Attr { t: text, lx, c, entities: &sorted, inside: &inside };
    let mut out = Vec::with_capacity(pairs.len());
    for &(oi, ci, parent) in &pairs {
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
        let left = sent_start[oi].max(lo).max(oi.saturating_sub(WINDOW));
        let right = sent_end[ci].min(hi).min(ci + 1 + WINDOW);
        let found = if title { None } else { a.after(ci, right).or_else(|| a.before(oi, left)) };
        let found = found.or_else(|| if nwords > 3 { a.source_before(oi, left) } else { None });
        let (speaker, cue) = match found {
            Some((sp, cue)) => (sp, Some(cue)),
            None => (None, None),
        };
        let scare = cue.is_none() && (1..=3).contains(&nwords);
        out.push(Quote { start: s, end: e, speaker, cue, scare });
    }
    out
}

fn is_mark(c: &Compiled, s: &str) -> bool {
    // `s` is the raw text of a punctuation lex.
    let mut ch = s.chars();
    match (ch.next(), ch.next()) {
        (Some(x), None) => c.lx.quote_pairs.iter().any(|(o, cl)| *o == x || *cl == x),
        _ => false,
    }
}

/// Pairs quotation marks: (opening lex, closing lex, enclosing pair), sorted by opening.
/// A quote's opening lex, closing lex and enclosing pair.
type Pair = (usize, usize, Option<(usize, usize)>);

fn pair_marks(text: &str, lx: &[Piece], c: &Compiled) -> Vec<Pair> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (open, close, depth)
    for (k, l) in lx.iter().enumerate() {
        if l.kind != PieceKind::Punct {
            continue;
        }
        let mut chars = l.text(text).chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else { continue };
        let raw = ch;
        // Closing first: an open mark near the top that this one closes.
        let closes = |open: char| c.lx.quote_pairs.iter().any(|(o, cl)| *o == open && *cl == raw);
        let depth = stack.len();
        // A mark opening a paragraph while the same kind of quote is still
        // open continues it (a quote running over paragraphs re-opens each one).
        if l.newline_before && lx.get(k + 1).is_some_and(|n| !n.space_before) {
            if let Some(&(_, open)) = stack.last() {
                if open == raw {
                    continue;
                }
            }
        }
        let mut closed = false;
        for d in 0..STACK_LOOK.min(depth) {
            let (oi, open) = stack[depth - 1 - d];
            if closes(open) {
                stack.truncate(depth - 1 - d);
                found.push((oi, k, stack.len()));
                closed = true;
                break;
            }
        }
        if closed {
            continue;
        }
        if c.lx.quote_pairs.iter().any(|(o, _)| *o == raw) {
            // A right single quote glued to a word is an apostrophe, never an opener.
            if raw == '’' && !l.space_before && k > 0 && lx[k - 1].kind == PieceKind::Word {
                continue;
            }
            stack.push((k, raw));
        }
    }
    found.sort_unstable();
    // Parent of each pair: the nearest enclosing one (the previous pair that contains it).
    let mut out = Vec::with_capacity(found.len());
    let mut open_stack: Vec<(usize, usize)> = Vec::new();
    for &(o, cl, _) in &found {
        while let Some(&(_, pc)) = open_stack.last() {
            if pc < o {
                open_stack.pop();
            } else {
                break;
            }
        }
        let parent = open_stack.last().copied().filter(|&(_, pc)| cl < pc);
        if open_stack.len() < MAX_DEPTH {
            out.push((o, cl, parent));
        }
        open_stack.push((o, cl));
    }
    out
}

struct Attr<'a> {
    t: &'a str,
    lx: &'a [Piece],
    c: &'static Compiled,
    entities: &'a [EntitySpan],
    inside: &'a [bool],
}

type Found = (Option<SpeakerSpan>, (usize, usize));

impl<'a> Attr<'a> {
    fn punct(&self, k: usize, set: &[&str]) -> bool {
        self.lx.get(k).is_some_and(|l| l.kind == PieceKind::Punct && set.contains(&l.norm.as_str()))
    }

    fn is_det(&self, k: usize) -> bool {
        self.c.determiners.has(self.lx, k) == Some(k + 1)
    }

    fn is_internal(&self, k: usize) -> bool {
        self.c.np_internal.has(self.lx, k) == Some(k + 1)
    }

    fn is_cue_start(&self, k: usize) -> bool {
        self.c.cues.has(self.lx, k).is_some() || self.c.source_cues.has(self.lx, k).is_some()
    }

    /// A word that can be part of a noun phrase: a capitalised word or a
    /// content word (not a function word, not a cue).
    fn is_content(&self, k: usize) -> bool {
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
    fn temporal(&self, k: usize) -> bool {
        let lx = self.lx;
        self.c.day_words.has(lx, k).is_some()
            || self.c.weekdays.has(lx, k).is_some()
            || self.c.months.has(lx, k).is_some()
            || self.c.units.has(lx, k).is_some()
    }

    /// A glued hyphen inside a name ("Nagorno-Karabaj").
    fn is_joiner(&self, k: usize) -> bool {
        self.punct(k, &["-", "'", "’"])
            && !self.lx[k].space_before
            && self.lx.get(k + 1).is_some_and(|l| !l.space_before && l.kind == PieceKind::Word)
    }

    fn span(&self, a: usize, b_incl: usize) -> SpeakerSpan {
        let (s, e) = (self.lx[a].start, self.lx[b_incl].end);
        self.with_entity(s, e)
    }

    /// Links a speaker span to an entity that heads it (not one inside a
    /// prepositional phrase: "un funcionario de la UE" stays a phrase).
    fn with_entity(&self, s: usize, e: usize) -> SpeakerSpan {
        // Entities that start inside the span, and the few that start before it and reach into it.
        let first = self.entities.partition_point(|en| en.start < s);
        let last = self.entities.partition_point(|en| en.start <= e);
        let before = self.entities[..first].iter().rev().take(4);
        for en in before.chain(self.entities[first..last].iter()) {
            if en.start >= s && en.end <= e && en.end == e {
                let (from, to) = (self.lx.partition_point(|l| l.start < s), self.lx.partition_point(|l| l.start < en.start));
                let has_prep = self.lx[from..to]
                    .iter()
                    .any(|l| l.kind == PieceKind::Word && self.c.np_preps.at(std::slice::from_ref(l), 0).is_some());
                if !has_prep {
                    return SpeakerSpan { start: en.start, end: en.end, entity: Some(en.id) };
                }
            }
            if en.start <= s && en.end >= e {
                return SpeakerSpan { start: en.start, end: en.end, entity: Some(en.id) };
            }
        }
        SpeakerSpan { start: s, end: e, entity: None }
    }

    /// An entity starting at lex `k`: (end lex, inclusive).
    fn entity_from(&self, k: usize) -> Option<usize> {
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
    fn is_pronoun(&self, k: usize) -> bool {
        let Some(l) = self.lx.get(k) else { return false };
        let raw = l.text(self.t).to_lowercase();
        self.c.lx.pronouns.iter().any(|p| *p == raw)
    }

    /// A noun phrase starting at `k`, bounded by `hi`: (first, last inclusive).
    fn np_forward(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        self.np_forward_opt(k, hi, false)
    }

    /// As [`np_forward`], also accepting a bare lower-case phrase ("fuentes diplomáticas").
    fn np_forward_opt(&self, k: usize, hi: usize, bare: bool) -> Option<(usize, usize)> {
        let lx = self.lx;
        if k >= hi || k >= lx.len() {
            return None;
        }
        if let Some(j) = self.entity_from(k) {
            return Some((k, j));
        }
        if self.is_pronoun(k) {
            return Some((k, k));
        }
        let det = self.is_det(k) || bare;
        if !self.is_det(k) && !(self.is_content(k) && (lx[k].upper || bare)) {
            return None;
        }
        let mut last = if self.is_det(k) { None } else { Some(k) };
        let mut j = k + 1;
        while j < hi && j < lx.len() && j - k < NP_MAX {
            if self.is_content(j) && !self.inside[j] {
                // Without a determiner, a name is a run of capitalised words.
                if !det && !lx[j].upper {
                    break;
                }
                last = Some(j);
            } else if self.is_joiner(j) {
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
    fn np_backward(&self, k: usize, lo: usize) -> Option<(usize, usize)> {
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
            } else if self.is_joiner(p) || self.is_internal(p) {
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
    fn np_initial(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
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

    fn cue_span(&self, a: usize, b_excl: usize) -> (usize, usize) {
        (self.lx[a].start, self.lx[b_excl - 1].end)
    }

    fn speaker_of(&self, np: Option<(usize, usize)>) -> Option<SpeakerSpan> {
        np.map(|(a, b)| self.span(a, b))
    }

    /// Attribution after the closing mark `ci`.
    fn after(&self, ci: usize, hi: usize) -> Option<Found> {
        let mut k = ci + 1;
        while k < hi && self.punct(k, &[",", "—", "–", "-"]) {
            k += 1;
        }
        if k >= hi {
            return None;
        }
        // «…», dijo el funcionario / "…," said Smith
        if let Some(e) = self.c.cues.has(self.lx, k) {
            let mut j = e;
            while j < hi && self.c.cue_fillers.has(self.lx, j) == Some(j + 1) {
                j += 1;
            }
            let np = self.np_forward(j, hi).or_else(|| self.np_forward_opt(j, hi, !self.temporal(j)));
            return Some((self.speaker_of(np), self.cue_span(k, e)));
        }
        // «…», según X
        if let Some(e) = self.c.source_cues.has(self.lx, k) {
            let np = self.np_forward_opt(e, hi, true);
            return np.map(|np| (self.speaker_of(Some(np)), self.cue_span(k, e)));
        }
        // "…," the official said / Smith told Reuters
        if let Some((a, b)) = self.np_forward(k, hi) {
            let mut j = b + 1;
            // "Smith, the minister, said": skip a short apposition between commas.
            if self.punct(j, &[","]) {
                if let Some(c2) = (j + 1..hi.min(j + 12)).find(|&x| self.punct(x, &[","])) {
                    if self.c.cues.has(self.lx, c2 + 1).is_some() {
                        j = c2 + 1;
                    }
                }
            }
            while j < hi && self.c.cue_fillers.has(self.lx, j) == Some(j + 1) {
                j += 1;
            }
            if let Some(e) = self.c.cues.has(self.lx, j) {
                return Some((self.speaker_of(Some((a, b))), self.cue_span(j, e)));
            }
        }
        None
    }

    /// Attribution by a cue just before the opening mark `oi`.
    fn before(&self, oi: usize, lo: usize) -> Option<Found> {
        if oi == 0 || oi <= lo {
            return None;
        }
        let lx = self.lx;
        let mut q = oi;
        let mut comp = false;
        while q > lo && q + 2 > oi && self.c.complementizers.has(lx, q - 1) == Some(q) {
            q -= 1;
            comp = true;
        }
        // The cue ends at q, or a few lexes earlier when a complementizer closes the gap.
        let max_gap = if comp { 10 } else { 0 };
        for end in (q.saturating_sub(max_gap).max(lo + 1)..=q).rev() {
            if end < q
                && lx[end..q]
                    .iter()
                    .any(|l| l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | ";" | "!" | "?"))
            {
                break;
            }
            let Some((s, ())) = self.c.cues.ending_at(lx, end, 5) else { continue };
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
            if k > lo + 1 {
                if let Some((r, ())) = self.c.relatives.ending_at(lx, k, 2) {
                    if r > lo && self.punct(r - 1, &[","]) {
                        k = r - 1;
                    }
                }
            }
            let np = if k > lo { self.np_backward(k - 1, lo) } else { None };
            let np = np
                .or_else(|| self.np_forward(end, q).filter(|&(_, b)| b < q))
                .or_else(|| self.np_initial(lo, s).filter(|&(_, b)| b < s));
            return Some((self.speaker_of(np), cue));
        }
        None
    }

    /// "Según el enviado, … «…»": a source cue earlier in the sentence.
    fn source_before(&self, oi: usize, lo: usize) -> Option<Found> {
        for k in lo..oi {
            if let Some(e) = self.c.source_cues.has(self.lx, k) {
                if let Some(np) = self.np_forward_opt(e, oi, true) {
                    return Some((self.speaker_of(Some(np)), self.cue_span(k, e)));
                }
            }
        }
        None
    }
}
