//! Key phrases: unsupervised, YAKE-style (Campos et al., 2020), over noun
//! phrases and entities.
//!
//! Each word gets a score from five statistics (casing, position, frequency,
//! context diversity, spread over sentences). Candidates are the entities
//! (one per entity: its canonical name, counted once per mention) and the
//! phrases of one to three words outside any mention that neither start nor
//! end with a stop word and that the language's light part-of-speech lexicon
//! lets be a noun phrase (no verb or adverb-like word; an adjective only on
//! its noun's side). A phrase scores the product of its words' scores
//! divided by its frequency, times 1 + (11 - band) for each common word
//! (specificity: the word's log-probability band in general text), times
//! [`PHRASE_BONUS`] per extra word when it recurs. Lower YAKE scores are
//! better; the output `score` is `1 / (1 + yake)`, so higher is better and it
//! lies in (0, 1]. A phrase that occurs once is penalised per extra word,
//! unless it is a proper name (every word capitalised). Dropped:
//! near-duplicates (edit-distance similarity above 0.8), parts of a chosen
//! phrase that occur no more often than it, phrases around a chosen one, and
//! phrases sharing two words with a chosen one.
//! The result is sorted by score, ties by text, so it is deterministic.

use crate::tokenize::pieces::{norm_key, pieces, Piece, PieceKind};
use std::borrow::Cow;
use super::lexicon::{compiled, Compiled};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;
use crate::lang::{Lang, PerLang};
use crate::tokenize::{Sentence, Token};
use super::Entity;
use super::pos::{pos_of, Pos};

/// Multiplies the (lower-is-better) score of a multi-word phrase that occurs
/// once, per extra word.
const SINGLETON_PENALTY: f64 = 4.0;
/// The same for a name mentioned once: a long name is still a name, but
/// YAKE's product of word scores would put it first for its length alone.
const NAME_SINGLETON_PENALTY: f64 = 1.5;

/// Multiplies the score of a phrase that is not a name and occurs more than once, per extra word:
/// readers pick compounds ("welfare reform") where YAKE's product of word
/// scores prefers their words alone. On the dev sets (F1@10 en/es/es-conll):
/// 1 → .422/.404/.447, 0.5 → .429/.411/.456, 0.25 → .436/.417/.466,
/// 0.1 → .442/.413/.461, 0.03 → .375/.364/.407 (with the floor at 12).
const PHRASE_BONUS: f64 = 0.25;

/// The log-probability floor of [`common_table`] (tools/keywords/specificity.py
/// `--floor`): a word of band k scores `1 + (COMMON_FLOOR - k)` times worse
/// (lower is better), so "case" (log p -8.1) counts 4×, "stampede" (-14.7) 1×.
/// Floors 12 and 13 measured no better on the dev sets, with a table twice as large.
const COMMON_FLOOR: f64 = 11.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The phrase as first written in the text.
    pub text: String,
    /// Higher is better, in (0, 1].
    pub score: f64,
    /// How often the phrase occurs.
    pub count: usize,
}

/// A word of the keyword view: hyphenated words are joined ("Nagorno-Karabaj").
struct W<'a> {
    start: usize,
    end: usize,
    /// The index of its first and last lex.
    lex: usize,
    lex_end: usize,
    key: Cow<'a, str>,
    /// [`norm_key`] of `key`.
    hash: u64,
    sentence: usize,
    /// Index of the punctuation-free chunk it belongs to.
    chunk: usize,
    stop: bool,
    /// Fewer than two characters.
    short: bool,
    upper: bool,
    acronym: bool,
    initial: bool,
    number: bool,
    /// The index, in the block's entity mentions, of the mention it lies in.
    ent: Option<u32>,
    /// Its class, or `Noun` when it is capitalised inside a sentence (a name's word).
    pos: Pos,
}

#[derive(Default)]
struct Stats {
    tf: usize,
    tf_upper: usize,
    tf_acronym: usize,
    /// The sentences it occurs in, ascending.
    sentences: Vec<u32>,
    /// Distinct terms seen just before it (within two words), and how often any was.
    left_distinct: usize,
    left_total: usize,
    right_distinct: usize,
    right_total: usize,
}

/// A candidate phrase: its length and one to three term ids, or [`ENT`] and
/// the index of an entity.
type PhraseKey = [u32; 4];

/// The first element of an entity's [`PhraseKey`].
const ENT: u32 = u32::MAX;

struct Cand {
    /// Every word capitalised (not sentence-initially): a proper name.
    name: bool,
    /// Where it is first written: a byte range of the whole text.
    first: (usize, usize),
    count: u32,
}

/// An entity as a key phrase: its canonical name (its longest mention, cut
/// as below), counted once per mention.
struct EntCand {
    /// The longest mention so far, without a verb or adverb-like word at its
    /// edges (a tagger's "Remember Luis Posada"): its terms and byte span.
    terms: Vec<u32>,
    span: (usize, usize),
    cand: Cand,
}

/// Term ids by their text, probed with the hash every lex already carries
/// (so no word is hashed twice), in one arena instead of a `String` per term.
#[derive(Default)]
struct Terms {
    /// Open addressing, linear probing: a term id plus one, or 0 for empty.
    slots: Vec<u32>,
    /// By term id.
    hashes: Vec<u64>,
    ends: Vec<u32>,
    text: String,
}

impl Terms {
    fn len(&self) -> usize {
        self.hashes.len()
    }

    fn text_of(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] as usize };
        &self.text[start..self.ends[id] as usize]
    }

    /// The id of `s` (whose [`norm_key`] is `h`), and whether it is new.
    #[inline(never)]
    fn id(&mut self, h: u64, s: &str) -> (u32, bool) {
        if 2 * (self.len() + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let v = self.slots[i];
            if v == 0 {
                let id = self.len() as u32;
                self.slots[i] = id + 1;
                self.hashes.push(h);
                self.text.push_str(s);
                self.ends.push(self.text.len() as u32);
                return (id, true);
            }
            let id = (v - 1) as usize;
            if self.hashes[id] == h && self.text_of(id) == s {
                return (id as u32, false);
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(1024);
        let mut slots = vec![0u32; n];
        for (id, &h) in self.hashes.iter().enumerate() {
            let mut i = h as usize & (n - 1);
            while slots[i] != 0 {
                i = (i + 1) & (n - 1);
            }
            slots[i] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

/// A word's class as far as noun phrases care: most words are nouns (or
/// unknown, which in news are mostly names and nouns too).
/// How common each frequent word is in general text: k where its log
/// probability is in (-k-1, -k], by the lexicon fold (the most common
/// spelling wins).
fn common_table(lang: Lang) -> &'static FxHashMap<String, u8> {
    fn build(lang: Lang) -> FxHashMap<String, u8> {
        let mut m: FxHashMap<String, u8> = FxHashMap::default();
        for &(k, words) in lang.lexicon().common_words {
            for w in words.split(' ') {
                let e = m.entry(crate::text::fold::lexicon(w)).or_insert(k);
                *e = (*e).min(k);
            }
        }
        m
    }
    static TABLES: PerLang<FxHashMap<String, u8>> = PerLang::new();
    TABLES.get(lang, build)
}

/// What a term's text alone says, found once per term.
#[derive(Clone, Copy)]
struct TermInfo {
    /// Its entry in [`quick_stops`].
    quick: Option<(bool, bool)>,
    /// Fewer than two characters.
    short: bool,
    /// Its class in the language's part-of-speech lexicon.
    pos: Pos,
    /// Its band in [`common_table`], or [`RARE`].
    common: u8,
}

/// The band of a word rarer than every band of [`common_table`].
const RARE: u8 = u8::MAX;

/// The term ids of a candidate's key.
fn key_terms(key: &PhraseKey) -> &[u32] {
    &key[1..1 + key[0] as usize]
}

/// The terms of a candidate: of its key, or, when the key is [ENT, i], of entity `i`.
fn terms_of<'a>(ents: &'a [(EntCand, String)], key: &'a PhraseKey) -> &'a [u32] {
    if key[0] == ENT {
        ents.get(key[1] as usize).map_or(&[], |e| &e.0.terms)
    } else {
        key_terms(key)
    }
}

/// The sets that make a word a stop word for key phrases are stop words,
/// and calendar and scale words (dates and quantities have their own layers).
/// For each first lex of a phrase of the stop sets: whether some set has it
/// as a whole phrase, and whether some set has a longer phrase starting with
/// it (then the sets decide, as the longest match counts).
pub(crate) fn quick_stops(lang: Lang) -> &'static FxHashMap<String, (bool, bool)> {
    fn build(lang: Lang) -> FxHashMap<String, (bool, bool)> {
        let c = compiled(lang);
        let mut m: FxHashMap<String, (bool, bool)> = FxHashMap::default();
        let mut add = |firsts: &mut dyn Iterator<Item = (&str, bool, bool)>| {
            for (w, single, multi) in firsts {
                let e = m.entry(w.to_owned()).or_insert((false, false));
                e.0 |= single;
                e.1 |= multi;
            }
        };
        add(&mut c.stop.firsts());
        add(&mut c.months.firsts());
        add(&mut c.month_abbrs.firsts());
        add(&mut c.weekdays.firsts());
        add(&mut c.units.firsts());
        add(&mut c.scales.firsts());
        add(&mut c.number_words.firsts());
        add(&mut c.currencies.firsts());
        m
    }
    static TABLES: PerLang<FxHashMap<String, (bool, bool)>> = PerLang::new();
    TABLES.get(lang, build)
}

/// Key phrases of `text`: [`Keywords`] over the whole text as one block.
pub fn find_keywords(text: &str, tokens: &[Token], sentences: &[Sentence], lang: Lang, limit: usize) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let ents = super::entities_of(text, tokens, sentences, lang);
    let mut k = Keywords::new(lang);
    k.add_block(text, 0, &pieces(text, tokens), &ents);
    k.finish(text, limit)
}

/// The statistics of key phrases, gathered block by block over a text (every
/// count is document-wide), then scored once by [`Keywords::finish`]. Over one
/// block it is exactly [`find_keywords`].
pub struct Keywords {
    lang: Lang,
    c: &'static Compiled,
    terms: Terms,
    info: Vec<TermInfo>,
    stats: Vec<Stats>,
    is_stop: Vec<bool>,
    /// Co-occurring term pairs seen so far: (left, right).
    pairs: FxHashSet<u64>,
    /// Candidate phrases by their term ids: of one term (by id; count 0 if
    /// none yet), of two (packed in a `u64`) and of three.
    cands1: Vec<Cand>,
    cands2: FxHashMap<u64, Cand>,
    cands3: FxHashMap<[u32; 3], Cand>,
    /// One candidate per entity (by its id): its longest mention's terms.
    ents: FxHashMap<usize, EntCand>,
    /// The sentence count where the last block ended.
    carry: Carry,
    /// The sentence of the last word so far, plus one.
    n_sent: usize,
}

impl Keywords {
    pub fn new(lang: Lang) -> Keywords {
        Keywords {
            lang,
            c: compiled(lang),
            terms: Terms::default(),
            info: Vec::new(),
            stats: Vec::new(),
            is_stop: Vec::new(),
            pairs: FxHashSet::default(),
            cands1: Vec::new(),
            cands2: FxHashMap::default(),
            cands3: FxHashMap::default(),
            ents: FxHashMap::default(),
            carry: Carry::default(),
            n_sent: 0,
        }
    }

    /// Counts the words and phrases of one block, `block` at byte `offset` of
    /// the text, with its lexes `lx` and the entity mentions that lie in it
    /// (spans of the whole text, sorted by start).
    pub fn add_block(&mut self, block: &str, offset: usize, lx: &[Piece], ents: &[Entity]) {
        let c = self.c;
        // Stop words, and calendar and scale words (dates and quantities have their own layers).
        let one = |set: Option<usize>, k: usize| set == Some(k + 1);
        let quick = quick_stops(self.lang);
        // Most words settle with their term's entry in `quick`; the rest as the sets say.
        let stop = |k: usize, quick: Option<(bool, bool)>| {
            match quick {
                None => return false,
                Some((single, false)) => return single,
                Some(_) => {}
            }
            one(c.stop.has(lx, k), k)
                || one(c.months.has(lx, k), k)
                || one(c.month_abbrs.has(lx, k), k)
                || one(c.weekdays.has(lx, k), k)
                || one(c.units.has(lx, k), k)
                || one(c.scales.has(lx, k), k)
                || one(c.number_words.has(lx, k), k)
                || one(c.currencies.has(lx, k), k)
        };
        let (mut words, carry) = words(block, lx, self.carry, c.lx.clitics);
        self.carry = carry;
        let Some(last) = words.last() else { return };
        self.n_sent = last.sentence + 1;

        // Term ids and statistics.
        let mut term_of: Vec<u32> = Vec::with_capacity(words.len());
        for w in &mut words {
            let (id, new) = self.terms.id(w.hash, &w.key);
            if new {
                let pos = pos_of(self.lang, &w.key);
                let common = common_table(self.lang).get(&*w.key).copied().unwrap_or(RARE);
                self.info.push(TermInfo { quick: quick.get(&*w.key).copied(), short: w.key.chars().count() < 2, pos, common });
            }
            // A stop word is one lex ([`words`] joins hyphenated words).
            w.stop = w.lex_end == w.lex && stop(w.lex, self.info[id as usize].quick);
            if new {
                self.stats.push(Stats::default());
                self.is_stop.push(w.stop);
                self.cands1.push(Cand { name: false, first: (0, 0), count: 0 });
            }
            w.short = self.info[id as usize].short;
            if !w.upper || w.initial {
                w.pos = self.info[id as usize].pos;
            }
            term_of.push(id);
            let s = &mut self.stats[id as usize];
            s.tf += 1;
            if w.acronym {
                s.tf_acronym += 1;
            } else if w.upper && !w.initial {
                s.tf_upper += 1;
            }
            let sentence = w.sentence as u32;
            if s.sentences.last() != Some(&sentence) {
                s.sentences.push(sentence);
            }
        }
        self.cooccur(&words, &term_of);
        mark_mentions(&mut words, offset, ents);
        self.entities(&words, &term_of, offset, ents);
        self.candidates(lx, offset, &words, &term_of);
    }

    /// One candidate per entity: its mentions counted, the terms of its
    /// longest mention kept (its canonical name is its longest mention).
    #[inline(never)]
    fn entities(&mut self, words: &[W], term_of: &[u32], offset: usize, ents: &[Entity]) {
        let mut i = 0;
        while i < words.len() {
            let Some(m) = words[i].ent else {
                i += 1;
                continue;
            };
            let mut j = i;
            while j + 1 < words.len() && words[j + 1].ent == Some(m) {
                j += 1;
            }
            let e = &ents[m as usize];
            // The mention's words without a verb, an adverb-like word or a
            // fragment of one letter at its edges.
            let cut = |w: &W| w.short || matches!(w.pos, Pos::Verb | Pos::Other);
            let (mut a, mut b) = (i, j);
            while a < b && cut(&words[a]) {
                a += 1;
            }
            while b > a && cut(&words[b]) {
                b -= 1;
            }
            let span = (offset + words[a].start, offset + words[b].end);
            let terms = &term_of[a..=b];
            let c = self.ents.entry(e.id).or_insert_with(|| EntCand {
                terms: terms.to_vec(),
                span,
                cand: Cand { name: true, first: span, count: 0 },
            });
            c.cand.count += 1;
            if span.1 - span.0 > c.span.1 - c.span.0 {
                (c.terms, c.span) = (terms.to_vec(), span);
            }
            i = j + 1;
        }
    }

    /// Co-occurrence within a window of 2 in the same chunk.
    #[inline(never)]
    fn cooccur(&mut self, words: &[W], term_of: &[u32]) {
        for i in 0..words.len() {
            for d in 1..=2 {
                if i < d || words[i - d].chunk != words[i].chunk {
                    break;
                }
                let (a, b) = (term_of[i - d], term_of[i]);
                let new = self.pairs.insert((a as u64) << 32 | b as u64);
                let sb = &mut self.stats[b as usize];
                sb.left_total += 1;
                sb.left_distinct += usize::from(new);
                let sa = &mut self.stats[a as usize];
                sa.right_total += 1;
                sa.right_distinct += usize::from(new);
            }
        }
    }

    /// Candidate phrases.
    #[inline(never)]
    fn candidates(&mut self, lx: &[Piece], offset: usize, words: &[W], term_of: &[u32]) {
        let c = self.c;
        // A stop word (always one lex) that may sit inside a phrase ("Departamento de Estado").
        let mid_ok = |w: &W| c.np_preps.has(&lx[w.lex..w.lex + 1], 0) == Some(1);
        for i in 0..words.len() {
            for len in 1..=3 {
                let j = i + len - 1;
                if j >= words.len() || words[j].chunk != words[i].chunk {
                    break;
                }
                let (a, b) = (&words[i], &words[j]);
                if a.stop || b.stop || a.number || b.number {
                    continue;
                }
                // An entity is one candidate of its own (see [`Keywords::entities`]):
                // no part of a mention, and nothing across one ("Nacional Manuel García").
                if words[i..=j].iter().any(|w| w.number || w.short && !w.acronym || w.ent.is_some()) {
                    continue;
                }
                if !c.lx.proper_then_common
                    && words[i..j]
                        .iter()
                        .zip(&words[i + 1..=j])
                        .any(|(x, y)| (x.upper || x.acronym) && !x.initial && !y.upper && !y.stop)
                {
                    continue;
                }
                if !noun_phrase(&words[i..=j], c.lx.adjective_first) {
                    continue;
                }
                // Inside a phrase, only "of"-like prepositions ("Departamento de Estado").
                if len == 3 && words[i + 1].stop && !mid_ok(&words[i + 1]) {
                    continue;
                }
                let fresh = || Cand {
                    name: words[i..=j].iter().all(|w| w.stop || (w.upper && !w.initial) || w.acronym),
                    first: (offset + a.start, offset + b.end),
                    count: 1,
                };
                let t = &term_of[i..=j];
                let cand = match *t {
                    [x] => {
                        let e = &mut self.cands1[x as usize];
                        if e.count == 0 {
                            *e = fresh();
                            continue;
                        }
                        e
                    }
                    [x, y] => match self.cands2.entry((x as u64) << 32 | y as u64) {
                        Entry::Occupied(e) => e.into_mut(),
                        Entry::Vacant(e) => {
                            e.insert(fresh());
                            continue;
                        }
                    },
                    [x, y, z] => match self.cands3.entry([x, y, z]) {
                        Entry::Occupied(e) => e.into_mut(),
                        Entry::Vacant(e) => {
                            e.insert(fresh());
                            continue;
                        }
                    },
                    _ => unreachable!(),
                };
                cand.count += 1;
            }
        }
    }

    /// The best `limit` key phrases of `text`, the whole text the blocks came from.
    pub fn finish(self, text: &str, limit: usize) -> Vec<Keyword> {
        if limit == 0 || self.stats.is_empty() {
            return Vec::new();
        }
        let Keywords { stats, is_stop, n_sent, cands1, cands2, cands3, pairs, terms, info, ents, .. } = self;
        let ents = merge_entities(text, ents, &is_stop);
        drop((pairs, terms));
        // How general a word is: how far its band lies above the floor.
        let general = |t: u32| {
            let k = info[t as usize].common;
            if k == RARE { 0.0 } else { (COMMON_FLOOR - k as f64).max(0.0) }
        };
        let word_score = word_scores(&stats, &is_stop, n_sent);
        drop(stats);

        let surface = |cand: &Cand| text[cand.first.0..cand.first.1].split_whitespace().collect::<Vec<_>>().join(" ");
        // The same order as comparing the surfaces, without building them.
        let surface_chars = |cand: &Cand| {
            text[cand.first.0..cand.first.1]
                .split_whitespace()
                .enumerate()
                .flat_map(|(k, w)| (k > 0).then_some(' ').into_iter().chain(w.chars()))
        };
        let score = |key: &PhraseKey, cand: &Cand| {
            let terms = terms_of(&ents, key);
            let mut prod = 1.0;
            let mut sum = 0.0;
            for &t in terms {
                if is_stop[t as usize] {
                    continue;
                }
                prod *= word_score[t as usize];
                sum += word_score[t as usize];
            }
            let mut s = prod / (cand.count as f64 * (1.0 + sum));
            if !cand.name && terms.len() > 1 && cand.count > 1 {
                s *= PHRASE_BONUS.powi(terms.len() as i32 - 1);
            }
            if !cand.name {
                for &t in terms.iter().filter(|&&t| !is_stop[t as usize]) {
                    s *= 1.0 + general(t);
                }
            }
            // A phrase seen once is weak evidence of a phrase.
            if cand.count == 1 && terms.len() > 1 {
                let per_word = if cand.name { NAME_SINGLETON_PENALTY } else { SINGLETON_PENALTY };
                s *= per_word.powi(terms.len() as i32 - 1);
            }
            s
        };
        // By score, then text, then first occurrence (the order candidates were found in):
        // a total order, so the best `budget` are the same however they are found.
        type Scored<'a> = (f64, PhraseKey, &'a Cand);
        let order = |a: &Scored, b: &Scored| {
            a.0.total_cmp(&b.0)
                .then_with(|| surface_chars(a.2).cmp(surface_chars(b.2)))
                .then_with(|| (a.2.first.0, a.1[0]).cmp(&(b.2.first.0, b.1[0])))
        };
        // Bounded work when most candidates are near-duplicates; and only the
        // best `budget` candidates are kept while scoring (memory of the budget,
        // not of every candidate of the text).
        let budget = limit.saturating_mul(50).saturating_add(1000);
        let n_cands = cands1.iter().filter(|c| c.count > 0).count() + cands2.len() + cands3.len();
        let all = (cands1.iter().enumerate().filter(|(_, c)| c.count > 0).map(|(t, c)| ([1, t as u32, 0, 0], c)))
            .chain(cands2.iter().map(|(k, c)| ([2, (k >> 32) as u32, *k as u32, 0], c)))
            .chain(cands3.iter().map(|(k, c)| ([3, k[0], k[1], k[2]], c)))
            .chain(ents.iter().enumerate().map(|(i, e)| ([ENT, i as u32, 0, 0], &e.0.cand)));
        let mut scored: Vec<Scored> = Vec::with_capacity(2 * budget.min(n_cands));
        for (key, cand) in all {
            if scored.len() == 2 * budget {
                scored.select_nth_unstable_by(budget - 1, order);
                scored.truncate(budget);
            }
            scored.push((score(&key, cand), key, cand));
        }
        scored.sort_by(order);
        scored.truncate(budget);

        let mut out: Vec<Keyword> = Vec::new();
        let mut chosen: Vec<Vec<char>> = Vec::new();
        let mut chosen_terms: Vec<(PhraseKey, usize)> = Vec::new();
        for (s, key, cand) in scored {
            if out.len() >= limit {
                break;
            }
            let (terms, count) = (terms_of(&ents, &key), cand.count as usize);
            // A part of a chosen phrase that occurs no more often than it, or a
            // phrase around a chosen one, adds nothing.
            // Two phrases sharing two words ("Senate Majority Leader", "Majority Leader Chuck") are one;
            // but a name that also stands on its own more often than the
            // phrase that holds it ("Estados Unidos" beside "Departamento de
            // Estado de Estados Unidos") is a phrase of its own.
            let shared = |t: &[u32]| terms.iter().filter(|x| t.contains(x)).count();
            if chosen_terms.iter().any(|(t, n)| {
                let t = terms_of(&ents, t);
                let inside = contains(t, terms);
                (inside && count <= *n) || contains(terms, t) || (!inside && shared(t) >= 2)
            }) {
                continue;
            }
            chosen_terms.push((key, count));
            let surface = if key[0] == ENT { ents[key[1] as usize].1.clone() } else { surface(cand) };
            let folded: Vec<char> = crate::text::fold::lexicon(&surface).chars().collect();
            if chosen.iter().any(|c| similarity(c, &folded) > 0.8) {
                continue;
            }
            chosen.push(folded);
            out.push(Keyword { text: surface, score: 1.0 / (1.0 + s), count });
        }
        out
    }
}

/// YAKE's score of each term (lower is better) from its statistics: casing,
/// position (median sentence), frequency, context diversity and spread.
fn word_scores(stats: &[Stats], is_stop: &[bool], n_sent: usize) -> Vec<f64> {
    let valid: Vec<&Stats> = stats.iter().zip(is_stop).filter(|(_, s)| !**s).map(|(t, _)| t).collect();
    let tfs: Vec<f64> = valid.iter().map(|s| s.tf as f64).collect();
    let mean = if tfs.is_empty() { 1.0 } else { tfs.iter().sum::<f64>() / tfs.len() as f64 };
    let std = if tfs.is_empty() {
        0.0
    } else {
        (tfs.iter().map(|t| (t - mean).powi(2)).sum::<f64>() / tfs.len() as f64).sqrt()
    };
    let max_tf = stats.iter().map(|s| s.tf).max().unwrap_or(1) as f64;
    stats
        .iter()
        .map(|s| {
            let tf = s.tf as f64;
            let t_case = (s.tf_upper.max(s.tf_acronym) as f64) / (1.0 + tf.ln());
            let median = s.sentences[s.sentences.len() / 2] as f64;
            let t_pos = (3.0 + median).ln().ln();
            let t_norm = tf / (mean + std).max(1e-9);
            let wl = if s.left_distinct == 0 { 0.0 } else { s.left_distinct as f64 / s.left_total as f64 };
            let wr = if s.right_distinct == 0 { 0.0 } else { s.right_distinct as f64 / s.right_total as f64 };
            let t_rel = 1.0 + (wl + wr) * tf / max_tf;
            let t_sent = s.sentences.len() as f64 / n_sent as f64;
            t_rel * t_pos / (t_case + t_norm / t_rel + t_sent / t_rel)
        })
        .collect()
}

/// Where the previous block left the sentence count (see [`words`]).
#[derive(Clone, Copy, Default)]
struct Carry {
    /// Any lex came before.
    started: bool,
    /// The sentence index at the end of the previous block.
    sentence: usize,
    /// The previous block ended with a sentence mark (".", "!"…).
    after_mark: bool,
}

fn is_sentence_mark(l: &Piece) -> bool {
    l.kind == PieceKind::Punct && matches!(l.norm.as_str(), "." | "!" | "?" | "…" | ";")
}

/// The keyword view of a block's lexes, its sentence indices continuing from
/// `carry` exactly as if the blocks were one text, and the carry for the next.
/// `stop` and `short` are left for the caller, which knows the terms.
#[inline(never)]
fn words<'a>(text: &str, lx: &'a [Piece], carry: Carry, clitics: &[&str]) -> (Vec<W<'a>>, Carry) {
    let mut out: Vec<W> = Vec::new();
    let mut sentence = carry.sentence;
    if let Some(l) = lx.first() {
        // What the previous block's last lexes would have decided about this one.
        if carry.after_mark && (l.upper || l.kind == PieceKind::Punct) {
            sentence += 1;
        }
    }
    let mut chunk = 0;
    let mut initial = true;
    let mut k = 0;
    while k < lx.len() {
        let l = &lx[k];
        if l.newline_before && (k > 0 || carry.started) {
            sentence += 1;
            chunk += 1;
            initial = true;
        }
        match l.kind {
            PieceKind::Punct | PieceKind::Opaque => {
                chunk += 1;
                if is_sentence_mark(l) && lx.get(k + 1).is_some_and(|n| n.upper || n.kind == PieceKind::Punct) {
                    sentence += 1;
                    initial = true;
                }
                k += 1;
            }
            PieceKind::Word | PieceKind::Num => {
                // Join glued hyphenated words.
                let mut e = k;
                while e + 2 < lx.len()
                    && lx[e + 1].norm == "-"
                    && !lx[e + 1].space_before
                    && !lx[e + 2].space_before
                    && lx[e + 2].kind != PieceKind::Punct
                {
                    e += 2;
                }
                let raw = &text[l.start..lx[e].end];
                let (mut letters, mut upper) = (0usize, true);
                if raw.is_ascii() {
                    for &b in raw.as_bytes().iter().filter(|b| b.is_ascii_alphabetic()) {
                        letters += 1;
                        upper &= b.is_ascii_uppercase();
                    }
                } else {
                    for c in raw.chars().filter(|c| c.is_alphabetic()) {
                        letters += 1;
                        upper &= c.is_uppercase();
                    }
                }
                let (mut key, mut hash) = if e == k {
                    (Cow::Borrowed(l.norm.as_str()), l.key)
                } else {
                    let f = crate::text::fold::lexicon(raw);
                    let h = norm_key(&f);
                    (Cow::Owned(f), h)
                };
                let mut end = lx[e].end;
                if let Some((cut_key, cut_raw)) = clitic_cut(&key, raw, clitics) {
                    end = l.start + cut_raw;
                    hash = norm_key(&cut_key);
                    key = Cow::Owned(cut_key);
                }
                out.push(W {
                    start: l.start,
                    end,
                    lex: k,
                    lex_end: e,
                    key,
                    hash,
                    sentence,
                    chunk,
                    stop: false,
                    short: false,
                    upper: l.upper,
                    acronym: letters > 1 && upper,
                    initial,
                    number: letters == 0,
                    ent: None,
                    pos: Pos::Noun,
                });
                initial = false;
                k = e + 1;
            }
        }
    }
    let carry = Carry {
        started: carry.started || !lx.is_empty(),
        sentence,
        after_mark: match lx.last() {
            Some(l) => is_sentence_mark(l),
            None => carry.after_mark,
        },
    };
    (out, carry)
}

/// The entity candidates in order of first mention, without those that are
/// only stop words, and those with the same name ("Saddam Hussein's" and
/// "Saddam Hussein", whose clitic is cut) made one, their counts summed.
fn merge_entities(text: &str, ents: FxHashMap<usize, EntCand>, is_stop: &[bool]) -> Vec<(EntCand, String)> {
    let mut ents: Vec<EntCand> = ents.into_values().filter(|e| e.terms.iter().any(|&t| !is_stop[t as usize])).collect();
    // Map order is not deterministic; the first mention is.
    ents.sort_unstable_by_key(|e| e.cand.first);
    let mut out: Vec<(EntCand, String)> = Vec::with_capacity(ents.len());
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    for e in ents {
        let name = text[e.span.0..e.span.1].split_whitespace().collect::<Vec<_>>().join(" ");
        match by_name.entry(crate::text::fold::lexicon(&name)) {
            Entry::Occupied(o) => {
                let kept = &mut out[*o.get()].0;
                kept.cand.count += e.cand.count;
            }
            Entry::Vacant(v) => {
                v.insert(out.len());
                out.push((e, name));
            }
        }
    }
    out
}

/// Whether the words (no stop word at either end) can be a noun phrase: no
/// verb or adverb-like word, and an adjective only before a noun (or after
/// one, when adjectives do not come first).
fn noun_phrase(ws: &[W], adjective_first: bool) -> bool {
    if ws.iter().any(|w| matches!(w.pos, Pos::Verb | Pos::Other)) {
        return false;
    }
    let edge = if adjective_first { ws.last() } else { ws.first() };
    edge.is_some_and(|w| w.pos != Pos::Adjective)
}

/// Sets each word's `ent` to the mention of `ents` (whole-text spans, sorted
/// by start) that it overlaps; `offset` is where the block starts. Linear:
/// both lists move forward.
fn mark_mentions(words: &mut [W], offset: usize, ents: &[Entity]) {
    let mut m = 0;
    for w in words.iter_mut() {
        let (s, e) = (offset + w.start, offset + w.end);
        while m < ents.len() && ents[m].end <= s {
            m += 1;
        }
        if m < ents.len() && ents[m].start < e {
            w.ent = Some(m as u32);
        }
    }
}

/// A word without its glued clitic: the folded key left, and the byte
/// length of the raw text left; `None` if it has none (most words: only a
/// word with an apostrophe is looked at).
fn clitic_cut(key: &str, raw: &str, clitics: &[&str]) -> Option<(String, usize)> {
    if clitics.is_empty() || !raw.contains(crate::text::chars::is_apostrophe) {
        return None;
    }
    // The lists write every apostrophe as "'"; the text may have "’".
    let key = key.replace(crate::text::chars::is_apostrophe, "'");
    let c = clitics.iter().find(|c| key.len() > c.len() && key.ends_with(*c))?;
    let n = c.chars().count();
    let cut = |s: &str| s.char_indices().rev().nth(n - 1).map(|(i, _)| i);
    let (k, r) = (cut(&key)?, cut(raw)?);
    Some((key[..k].to_owned(), r))
}

fn contains(hay: &[u32], needle: &[u32]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// 1 − normalised Levenshtein distance (bounded cost for long strings).
fn similarity(a: &[char], b: &[char]) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b) = (&a[..a.len().min(64)], &b[..b.len().min(64)]);
    let max = a.len().max(b.len());
    if max == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / max as f64
}
