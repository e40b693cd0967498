//! Tagging with a two-stage model without materialising features.
//!
//! Most first-stage features depend on one word only, at a fixed offset from
//! the token they describe (its form, affixes, shape and flags; the forms,
//! shapes and flags of its neighbours; the bags of words around it). Their
//! weights are summed once per distinct word into one row per offset, for
//! both stages at once, and kept across the blocks of a text ([`Store`]), so
//! a token's emission is seven row additions, a word-pair and a shape row
//! from caches, and a few rows from small tables by value (document and
//! gazetteer evidence, runs, quotes). Per token only a few bytes are kept
//! (which word it is, its context flags, the first stage's tag); emissions
//! live one line at a time. Weights are integers until the final scaling
//! (sums in any order are the same), so the scores are bit for bit those of
//! [`super::tag_words`], which stays the reference.

use super::features::{
    self, bucket, mix, t, Featurizer, Stage2, Stage2Cursor, StageWord, TokInfo,
    F_ALLCAP, F_CAP, F_INITIAL, F_NOALNUM, F_OPEN, F_QUOTE, F_STOP, F_TITLE,
};
use super::model::{self, Model};
use super::Label;
use rustc_hash::FxHashMap;
use crate::lang::Lang;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Hash of a word's bytes (Fx-style, eight bytes at a time): the words come
/// from the user's own document, so a keyed hash buys nothing but time.
#[inline]
fn text_hash(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ x).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    h
}

/// What the contextual features need of one distinct word.
#[derive(Clone, Copy, Default)]
struct Word {
    lower: u64,
    fold: u64,
    short: u64,
    /// Bucket of the word-form feature (the second stage's `OWN_FORM`).
    form: u32,
    /// Flags that depend on the word alone (all but `F_INITIAL`).
    flags: u32,
    len: u8,
    /// [`TokInfo::casing`].
    casing: u8,
    /// Small ids of the folded form (for the document counts) and of the short shape.
    fold_id: u32,
    short_id: u32,
    /// Where the word's text is in [`Store::text`], and its hash.
    at: u32,
    bytes: u32,
    hash: u64,
}

/// Rows of the per-word cache: the word itself, as the token's left
/// neighbour at distance 1, 2, 3, and as its right neighbour at 1, 2, 3.
const OWN: usize = 0;
const SLOTS: [(usize, isize); 6] = [(1, -1), (2, -2), (3, -3), (4, 1), (5, 2), (6, 3)];
/// And a last row: the second stage's weights (in the second half) of its
/// word-form feature with the first stage's tag O, the tag of most tokens.
const OWN_FORM_O: usize = 7;
const ROWS: usize = 8;

/// The per-word rows, in blocks of fixed size: growing never copies them
/// (a doubling `Vec` would briefly hold three times the rows).
struct Rows<const W: usize> {
    blocks: Vec<Vec<[[i16; W]; ROWS]>>,
}

const BLOCK: usize = 1024;

impl<const W: usize> Rows<W> {
    fn push(&mut self, rows: [[i16; W]; ROWS], hint: usize) {
        match self.blocks.last_mut() {
            Some(b) if b.len() < BLOCK => b.push(rows),
            _ => {
                let cap = if self.blocks.is_empty() { hint.clamp(1, BLOCK) } else { BLOCK };
                let mut b = Vec::with_capacity(cap);
                b.push(rows);
                self.blocks.push(b);
            }
        }
    }
    fn truncate(&mut self, len: usize) {
        self.blocks.truncate(len.div_ceil(BLOCK));
        if let Some(b) = self.blocks.last_mut() {
            b.truncate(len - (len - 1) / BLOCK * BLOCK);
        }
    }
    fn get_mut(&mut self, id: u32) -> &mut [[i16; W]; ROWS] {
        let id = id as usize;
        &mut self.blocks[id / BLOCK][id % BLOCK]
    }
    #[inline]
    fn get(&self, id: u32) -> &[[i16; W]; ROWS] {
        let id = id as usize;
        &self.blocks[id / BLOCK][id % BLOCK]
    }
}

/// The word beyond either end of the text ("empty" in [`Featurizer::document_with`]).
const EDGE: u32 = 0;

/// At most this many distinct words are kept across the blocks of a text
/// (about 3 MB with their rows), those met twice (see [`Store::keep`]); the
/// others are kept for their block only. More costs memory and gains no
/// speed (bench/README.md).
const MAX_WORDS: usize = 1 << 13;

/// Rows summed once per value of a small key (a feature with few values).
struct Table<const W: usize> {
    rows: Vec<[i16; W]>,
    done: Vec<bool>,
}

impl<const W: usize> Table<W> {
    fn new(n: usize) -> Self {
        Table { rows: vec![[0; W]; n], done: vec![false; n] }
    }
    #[inline]
    fn get(&mut self, k: usize, f: impl FnOnce() -> [i16; W]) -> &[i16; W] {
        if !self.done[k] {
            self.rows[k] = f();
            self.done[k] = true;
        }
        &self.rows[k]
    }
}

/// What the streaming tagger keeps from one block of a text to the next
/// (a text is tagged block by block): the distinct words met so far, each
/// with its summed rows, and the caches of rows by word pair and by the
/// values of the features with few values. Nothing in it depends on the
/// block: a word's rows are the same wherever it occurs.
pub(crate) struct Store<const W: usize> {
    lang: Lang,
    /// The words' bytes.
    text: Vec<u8>,
    words: Vec<Word>,
    rows: Rows<W>,
    /// Open addressing over word ids + 1 (0 is empty), by [`text_hash`]:
    /// the words kept, and (once they are [`MAX_WORDS`]) the block's others.
    table: Vec<u32>,
    local: Vec<u32>,
    /// How many words are kept across blocks (the rest are the block's),
    /// how often each of the block's others occurred in it, and which words
    /// (by 20 bits of their hash) were met in an earlier block.
    kept: usize,
    count: Vec<u32>,
    seen: Vec<u64>,
    folds: FxHashMap<u64, u32>,
    shorts: FxHashMap<u64, u32>,
    pairs: PairCache<W>,
    tri: PairCache<W>,
    own_form: PairCache<W>,
    doc: Table<W>,
    quote: Table<W>,
    run: Table<W>,
    gaz: PairCache<W>,
    gazt: Table<W>,
}

impl<const W: usize> Store<W> {
    pub(crate) fn new(lang: Lang) -> Self {
        Store {
            lang,
            text: Vec::new(),
            words: Vec::new(),
            rows: Rows { blocks: Vec::new() },
            table: Vec::new(),
            local: Vec::new(),
            kept: 0,
            count: Vec::new(),
            seen: Vec::new(),
            folds: FxHashMap::default(),
            shorts: FxHashMap::default(),
            pairs: PairCache::new(0),
            tri: PairCache::new(0),
            own_form: PairCache::new(0),
            doc: Table::new(256),
            quote: Table::new(4),
            run: Table::new(64),
            // By the token's class bits (2 per class: too many values for a table).
            gaz: PairCache::new(GAZ_SLOTS),
            gazt: Table::new(16),
        }
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// Sizes the caches for a block of `n` tokens, and starts afresh when
    /// the words of earlier blocks fill the store.
    fn begin(&mut self, m: &Model, n: usize) {
        if self.words.len() > self.kept {
            self.keep();
        }
        if self.words.is_empty() {
            // Room for the words of a few blocks at once: growing by doubling
            // would leave holes in the wasm heap that later calls cannot use.
            let cap = (4 * n).clamp(64, MAX_WORDS + 1);
            self.words.reserve_exact(cap);
            self.text.reserve_exact(8 * cap);
            self.folds.reserve(cap);
            self.table = vec![0; (4 * cap).next_power_of_two()];
            self.seen = vec![0; 1 << 14];
            self.add(m, &TokInfo::EDGE, 0, 0, 0, n);
            self.kept = 1;
        }
        let slots = n.next_power_of_two().clamp(64, PAIR_SLOTS);
        if self.pairs.len() < slots {
            self.pairs = PairCache::new(slots);
            self.tri = PairCache::new(slots.min(TRI_SLOTS));
            // Stage 2's word-form rows for tags other than O (few tokens).
            self.own_form = PairCache::new(slots.min(OWN_FORM_SLOTS));
        }
    }

    /// At the end of a block: keeps the block's new words that occurred
    /// twice in it or were met in an earlier block (while there is room),
    /// and forgets the others. The kept words stay first (ids below `kept`);
    /// the caches by word id never hold the others.
    fn keep(&mut self) {
        let (kept, len) = (self.kept, self.words.len());
        let mut d = kept;
        let mut end = self.words[kept - 1].at as usize + self.words[kept - 1].bytes as usize;
        for id in kept..len {
            let mut x = self.words[id];
            let bit = (x.hash >> 44) as usize;
            let seen = (self.seen[bit >> 6] >> (bit & 63)) & 1 == 1;
            self.seen[bit >> 6] |= 1 << (bit & 63);
            if (seen || self.count[id - kept] >= 2) && d < MAX_WORDS {
                // Ids, rows and text only move down.
                let (at, bytes) = (x.at as usize, x.bytes as usize);
                self.text.copy_within(at..at + bytes, end);
                x.at = end as u32;
                end += bytes;
                self.words[d] = x;
                let r = *self.rows.get(id as u32);
                *self.rows.get_mut(d as u32) = r;
                d += 1;
            }
        }
        self.words.truncate(d);
        self.rows.truncate(d);
        self.text.truncate(end);
        self.local.fill(0);
        self.count.clear();
        self.kept = d;
        if self.table.len() < 2 * d + 2 {
            self.table = self.rehash(1, d);
        } else {
            let mask = self.table.len() - 1;
            for (id, x) in self.words.iter().enumerate().skip(kept) {
                let mut k = (x.hash >> 40) as usize & mask;
                while self.table[k] != 0 {
                    k = (k + 1) & mask;
                }
                self.table[k] = id as u32 + 1;
            }
        }
    }

    fn add(&mut self, m: &Model, ti: &TokInfo, at: u32, bytes: u32, hash: u64, hint: usize) -> u32 {
        let next = self.folds.len() as u32;
        let fold_id = *self.folds.entry(ti.fold).or_insert(next);
        let next = self.shorts.len() as u32;
        let short_id = *self.shorts.entry(ti.short).or_insert(next);
        let id = self.words.len() as u32;
        self.words.push(Word {
            lower: ti.lower,
            fold: ti.fold,
            short: ti.short,
            form: bucket(t::FORM, ti.form),
            flags: ti.flags,
            len: ti.len,
            casing: ti.casing() as u8,
            fold_id,
            short_id,
            at,
            bytes,
            hash,
        });
        self.rows.push(word_rows::<W>(m, ti), hint);
        id
    }

    /// The id of word `w`, adding it (with its rows) when it is new.
    #[inline]
    fn id(&mut self, m: &Model, fz: &mut Featurizer, w: &str, hint: usize) -> u32 {
        let h = text_hash(w.as_bytes());
        if let Ok(id) = self.find(&self.table, h, w) {
            return id;
        }
        if self.local.len() < 2 * (self.words.len() - self.kept) + 2 {
            self.local = self.rehash(self.kept, self.words.len());
        }
        let k = match self.find(&self.local, h, w) {
            Ok(id) => {
                self.count[id as usize - self.kept] += 1;
                return id;
            }
            Err(k) => k,
        };
        let at = self.text.len() as u32;
        self.text.extend_from_slice(w.as_bytes());
        let ti = fz.info(w);
        let id = self.add(m, &ti, at, w.len() as u32, h, hint);
        self.local[k] = id + 1;
        self.count.push(1);
        id
    }

    /// The id of `w` in `table`, or the empty slot where it would go.
    #[inline]
    fn find(&self, table: &[u32], h: u64, w: &str) -> Result<u32, usize> {
        let mask = table.len() - 1;
        let mut k = (h >> 40) as usize & mask;
        loop {
            let e = table[k];
            if e == 0 {
                return Err(k);
            }
            let x = &self.words[e as usize - 1];
            if x.hash == h && x.bytes as usize == w.len() && &self.text[x.at as usize..][..w.len()] == w.as_bytes() {
                return Ok(e - 1);
            }
            k = (k + 1) & mask;
        }
    }

    /// A table of the words `from..upto`: the kept ones (id 0, the edge, is
    /// never looked up by text) or the block's others.
    fn rehash(&self, from: usize, upto: usize) -> Vec<u32> {
        let size = (4 * (upto + 1 - from)).next_power_of_two().max(1024);
        let mut table = vec![0; size];
        let mask = size - 1;
        for (id, x) in self.words.iter().enumerate().take(upto).skip(from) {
            let mut k = (x.hash >> 40) as usize & mask;
            while table[k] != 0 {
                k = (k + 1) & mask;
            }
            table[k] = id as u32 + 1;
        }
        table
    }
}

/// The sum of the joint rows of `buckets`.
fn rows_of<const W: usize>(m: &Model, buckets: &[u32]) -> [i16; W] {
    let mut a = [0i16; W];
    for &b in buckets {
        if let Some(r) = m.joint_row(b, W) {
            add8(&mut a, r);
        }
    }
    a
}

/// Tags `n` tokens (`word(i)` is the text of token `i`) with a two-stage model
/// whose joint table has rows of width `W` (twice the number of tags).
/// `None` when the model is not of that shape. `store` carries the words
/// of earlier blocks of the same text (any store of the same language will do).
pub fn tag<'t, const W: usize>(
    m: &Model,
    store: &mut Store<W>,
    n: usize,
    word: impl Fn(usize) -> &'t str,
    starts: &[bool],
    breaks: &[bool],
) -> Option<Vec<(usize, usize, Label)>> {
    let m2 = m.next.as_deref()?;
    if m.joint_width()? != W || m.tags.len() * 2 != W {
        return None;
    }
    let nt = W / 2;
    let lang = store.lang;
    let mut fz = Featurizer::new(lang, &m.gazetteer);
    store.begin(m, n);

    // Distinct words, each with its summed weights per slot.
    let mut tid: Vec<u32> = Vec::with_capacity(n);
    for i in 0..n {
        tid.push(store.id(m, &mut fz, word(i), n));
    }
    let st = &mut *store;
    let words = &st.words[..];
    let (ctx, doc) = document_context(words, &tid, starts, st.folds.len());

    // Name-list matches (class bits, training-data entity tags).
    let (gaz, tg) = if m.gazetteer.keys.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let word = |j: usize| {
            let w = &words[tid[j] as usize];
            (w.flags & F_CAP != 0, w.fold)
        };
        features::list_matches(n, starts, word, |k| m.gaz_lookup(k))
    };
    let run = features::capital_runs(n, starts, |j| {
        let w = &words[tid[j] as usize];
        (w.flags, w.len)
    });

    let cx = Context { m, words, cache: &st.rows, tid: &tid, ctx: &ctx, doc: &doc, gaz: &gaz, tg: &tg, run: &run, kept: st.kept as u32 };
    let mut caches = Caches {
        win: [[0; W]; 8],
        fed: -3,
        own_form_o: vec![0; n * nt],
        left: (usize::MAX, [0; W]),
        pairs: &mut st.pairs,
        tri: &mut st.tri,
        doc: &mut st.doc,
        quote: &mut st.quote,
        run: &mut st.run,
        gaz: &mut st.gaz,
        gazt: &mut st.gazt,
    };
    let (path1, shared2) = stage1(&cx, &mut caches, breaks);
    let own_form_o = std::mem::take(&mut caches.own_form_o);
    let s2 = Stage2In { words, tid: &tid, ctx: &ctx, path1: &path1, shared2: &shared2, own_form_o: &own_form_o, kept: st.kept };
    Some(stage2(m, m2, &s2, &mut st.own_form, breaks))
}

/// Per token, bit 0 sentence-initial and bit 1 inside quotes; and the
/// document evidence per folded form, as in `document_with`.
#[inline(always)]
fn document_context(words: &[Word], tid: &[u32], starts: &[bool], folds: usize) -> (Vec<u8>, Vec<[u32; 3]>) {
    let n = tid.len();
    let is_start = |i: usize| starts.get(i).copied().unwrap_or(i == 0);
    let mut ctx = vec![0u8; n];
    let mut doc: Vec<[u32; 3]> = vec![[0; 3]; folds];
    let (mut seen_word, mut q) = (false, false);
    for i in 0..n {
        let w = &words[tid[i] as usize];
        if is_start(i) {
            seen_word = false;
            q = false;
        }
        let mut init = false;
        if w.flags & F_NOALNUM == 0 {
            if !seen_word {
                init = true;
                ctx[i] |= 1;
            }
            seen_word = true;
        }
        if w.flags & F_QUOTE != 0 {
            q = !q;
        } else if q {
            ctx[i] |= 2;
        }
        if w.flags & F_NOALNUM == 0 {
            let e = &mut doc[w.fold_id as usize];
            match w.casing {
                0 => e[0] += 1,
                1 if !init => e[1] += 1,
                2 => e[2] += 1,
                _ => {}
            }
        }
    }
    (ctx, doc)
}

/// Stage 1, line by line: its path, and stage 2's integer scores of the same
/// features, kept for its pass.
#[inline(always)]
fn stage1<const W: usize>(cx: &Context<'_, W>, caches: &mut Caches<'_, W>, breaks: &[bool]) -> (Vec<u8>, Vec<i16>) {
    let (m, n, nt) = (cx.m, cx.tid.len(), W / 2);
    let i1 = m.inv_scale();
    let end1 = super::end_ok(m);
    let mut path1 = vec![0u8; n];
    // Each score of either stage is a sum of fewer than 70 i8 weights (under
    // 9,000 in magnitude), so it fits an i16 exactly; `shared` sums in i16 lanes.
    let mut shared2 = vec![0i16; n * nt];
    let (mut em, mut path): (Vec<f32>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut buf: Vec<u32> = Vec::with_capacity(32);
    for (s, e) in super::segments(n, breaks) {
        em.clear();
        em.resize((e - s) * nt, 0.0);
        for i in s..e {
            let acc = cx.shared(i, &mut buf, caches);
            scale_into(&acc[..nt], i1, &mut em[(i - s) * nt..(i - s + 1) * nt]);
            shared2[i * nt..(i + 1) * nt].copy_from_slice(&acc[nt..]);
        }
        model::viterbi(&em, nt, &m.trans, &end1, &mut path);
        for (x, &p) in path1[s..e].iter_mut().zip(&path) {
            *x = p as u8;
        }
    }
    (path1, shared2)
}

/// What stage 2 reads of a text besides the model.
struct Stage2In<'a> {
    words: &'a [Word],
    tid: &'a [u32],
    ctx: &'a [u8],
    path1: &'a [u8],
    shared2: &'a [i16],
    own_form_o: &'a [i16],
    kept: usize,
}

/// Stage 2, line by line, on stage 1's labels and spans: the mentions.
#[inline(always)]
fn stage2<const W: usize>(
    m: &Model,
    m2: &Model,
    x: &Stage2In<'_>,
    own_form: &mut PairCache<W>,
    breaks: &[bool],
) -> Vec<(usize, usize, Label)> {
    let (n, nt) = (x.tid.len(), W / 2);
    let (words, tid, ctx, path1) = (x.words, x.tid, x.ctx, x.path1);
    // What stage 2 sees of stage 1: labels per token, entity spans.
    let spans = super::spans_of(m, &path1, breaks);
    let mut label = vec![0u8; n];
    let mut bounds = Vec::with_capacity(spans.len());
    for &(s, e, l) in &spans {
        let k = 1 + Label::ALL.iter().position(|&x| x == l).unwrap_or(0) as u8;
        for x in &mut label[s..e] {
            *x = k;
        }
        bounds.push((s, e));
    }
    drop(spans);
    // The word-form feature (`OWN_FORM`) is left out here and looked up
    // by word and tag in `own_form` below.
    let stage_word = |i: usize| {
        let w = &words[tid[i] as usize];
        StageWord {
            fold: if w.flags & F_NOALNUM != 0 { 0 } else { w.fold },
            case: (w.flags & F_CAP != 0) as u8 | (ctx[i] & 1) << 1,
            form: None,
        }
    };
    let tag_of = |i: usize| path1.get(i).map(|&t| t as u64);
    let s2 = Stage2::new(n, &stage_word, n, &label, &bounds);
    let mut cur = Stage2Cursor::default();

    // Stage 2, line by line.
    let end2 = super::end_ok(m2);
    let i2 = m2.inv_scale();
    let (mut em, mut path): (Vec<f32>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    let mut tags = Vec::new();
    let mut buf2: Vec<u32> = Vec::with_capacity(16);
    // Stage 2's weights of `stage2_local`, by (previous, own, next) tag and
    // case bits, filled as they are met.
    let mut local = Table::<W>::new((nt + 1) * (nt + 1) * (nt + 1) * 4);
    let mut buf3: Vec<u32> = Vec::with_capacity(8);
    let (own_form_o, kept, shared2) = (x.own_form_o, x.kept, x.shared2);
    for (s, e) in super::segments(n, breaks) {
        em.clear();
        em.resize((e - s) * nt, 0.0);
        for i in s..e {
            let o = &mut em[(i - s) * nt..(i - s + 1) * nt];
            scale_into(&shared2[i * nt..(i + 1) * nt], i2, o);
            buf2.clear();
            s2.token(i, &stage_word, &tag_of, &label, &bounds, &mut cur, false, &mut buf2);
            let t = |j: isize| -> usize {
                if j < 0 || j as usize >= n {
                    nt
                } else {
                    (path1[j as usize] as usize).min(nt - 1)
                }
            };
            let w = stage_word(i);
            let key = ((t(i as isize - 1) * (nt + 1) + t(i as isize)) * (nt + 1) + t(i as isize + 1)) * 4
                + (w.case & 3) as usize;
            // Stage 2's own features, summed in the second half of joint rows
            // (each is a sum of a dozen i8 weights at most: an i16).
            let mut a2 = *local.get(key, || {
                // Tag indices back to the values the features hash (99 beyond the text).
                let v = |k: usize| if k == nt { 99 } else { k as u64 };
                let (p, o, x) = (key / 4 / (nt + 1) / (nt + 1), key / 4 / (nt + 1) % (nt + 1), key / 4 % (nt + 1));
                buf3.clear();
                features::stage2_local(v(p), v(o), v(x), (key % 4) as u8, &mut buf3);
                rows_of(m, &buf3)
            });
            let own = path1[i] as u64;
            if own == 0 {
                add16_half(&mut a2, &own_form_o[i * nt..(i + 1) * nt]);
            } else {
                let form = words[tid[i] as usize].form;
                let row = || [rows_of(m, &[bucket(features::t2::OWN_FORM, mix(own, form as u64))]), [0; W]];
                let r = if (tid[i] as usize) < kept { own_form.get(tid[i] as u64 | own << 32, row) } else { row() };
                add16(&mut a2, &r[0]);
            }
            for &b in &buf2 {
                if let Some(r) = m.joint_row(b, W) {
                    add8(&mut a2, r);
                }
            }
            scale_into(&a2[nt..], i2, o);
        }
        model::viterbi(&em, nt, &m2.trans, &end2, &mut path);
        tags.clear();
        tags.extend(path.iter().map(|&k| m2.tags.get(k).copied().unwrap_or(model::Tag::O)));
        out.extend(model::decode(&tags).into_iter().map(|(a, b, l)| (a + s, b + s, l)));
    }
    out
}

/// `out += acc · inv`, lane by lane, in single precision: a score from its
/// integer sum, as `Model::emit` makes it.
#[inline(always)]
fn scale_into(acc: &[i16], inv: f32, out: &mut [f32]) {
    let n = acc.len().min(out.len());
    let mut k = 0;
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::*;
        let v = f32x4_splat(inv);
        while k + 4 <= n {
            // SAFETY: lanes k..k+4 are inside both slices; wasm loads and stores may be unaligned.
            unsafe {
                let a = f32x4_convert_i32x4(i32x4_extend_low_i16x8(v128_load64_zero(acc.as_ptr().add(k) as *const u64)));
                let p = out.as_mut_ptr().add(k) as *mut v128;
                v128_store(p, f32x4_add(v128_load(p), f32x4_mul(a, v)));
            }
            k += 4;
        }
    }
    while k < n {
        out[k] += acc[k] as f32 * inv;
        k += 1;
    }
}

/// `acc[W/2..] += half`: a second stage's row into the second half.
#[inline(always)]
fn add16_half<const W: usize>(acc: &mut [i16; W], half: &[i16]) {
    for (a, &x) in acc[W / 2..].iter_mut().zip(half) {
        *a = a.wrapping_add(x);
    }
}

/// `acc += row`, lane by lane. Wrapping: a token's full sum fits an i16 (see
/// `shared2` in [`tag`]), so partial sums may wrap and the total is still exact.
#[inline(always)]
fn add16<const W: usize>(acc: &mut [i16; W], row: &[i16; W]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i16x8_add, v128, v128_load, v128_store};
        let mut k = 0;
        while k + 8 <= W {
            // SAFETY: lanes k..k+8 are inside both arrays; wasm loads and stores may be unaligned.
            unsafe {
                let p = acc.as_mut_ptr().add(k) as *mut v128;
                let q = row.as_ptr().add(k) as *const v128;
                v128_store(p, i16x8_add(v128_load(p), v128_load(q)));
            }
            k += 8;
        }
        if k + 2 == W {
            // The last two lanes of the 9-tag models' rows, as one 32-bit lane.
            use core::arch::wasm32::{v128_load32_zero, v128_store32_lane};
            // SAFETY: lanes k..k+2 (four bytes) are inside both arrays.
            unsafe {
                let p = acc.as_mut_ptr().add(k);
                let x = i16x8_add(v128_load32_zero(p as *const u32), v128_load32_zero(row.as_ptr().add(k) as *const u32));
                v128_store32_lane::<0>(x, p as *mut u32);
            }
            return;
        }
        for j in k..W {
            acc[j] = acc[j].wrapping_add(row[j]);
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for (a, &x) in acc.iter_mut().zip(row) {
        *a = a.wrapping_add(x);
    }
}

/// `acc += row` for a model row of `W` i8 weights (as [`add16`]).
#[inline(always)]
fn add8<const W: usize>(acc: &mut [i16; W], row: &[i8]) {
    let Some(row) = row.get(..W) else {
        return;
    };
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i16x8_add, i16x8_extend_low_i8x16, v128, v128_load, v128_load64_zero, v128_store};
        let mut k = 0;
        while k + 8 <= W {
            // SAFETY: lanes k..k+8 are inside both; wasm loads and stores may be unaligned.
            unsafe {
                let p = acc.as_mut_ptr().add(k) as *mut v128;
                let q = v128_load64_zero(row.as_ptr().add(k) as *const u64);
                v128_store(p, i16x8_add(v128_load(p), i16x8_extend_low_i8x16(q)));
            }
            k += 8;
        }
        for j in k..W {
            acc[j] = acc[j].wrapping_add(row[j] as i16);
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for (a, &x) in acc.iter_mut().zip(row) {
        *a = a.wrapping_add(x as i16);
    }
}

/// The summed joint weights of the features that depend on word `ti` alone,
/// one row per slot (see [`OWN`] and [`SLOTS`]), as in `document_with`.
fn word_rows<const W: usize>(m: &Model, ti: &TokInfo) -> [[i16; W]; ROWS] {
    let mut rows = [[0i16; W]; ROWS];
    let mut add = |slot: usize, b: u32| {
        if let Some(r) = m.joint_row(b, W) {
            add8(&mut rows[slot], r);
        }
    };
    let alnum = ti.flags & F_NOALNUM == 0;
    add(OWN, bucket(t::BIAS, 0));
    add(OWN, bucket(t::FORM, ti.form));
    add(OWN, bucket(t::LOWER, ti.lower));
    add(OWN, bucket(t::SHAPE, ti.shape));
    add(OWN, bucket(t::SHORT, ti.short));
    add(OWN, bucket(t::LEN, ti.len.min(12) as u64));
    // The flags of a token that does not begin its sentence (see `Context::shared`).
    add(OWN, bucket(t::FLAGS, ti.flags as u64));
    add(1, bucket(t::PREV_FLAGS, (ti.flags & PREV_MASK) as u64));
    if alnum {
        for k in 0..4 {
            if ti.pre[k] != 0 {
                add(OWN, bucket(t::PRE + k as u64, ti.pre[k]));
                add(OWN, bucket(t::SUF + k as u64, ti.suf[k]));
            }
        }
        add(OWN, bucket(t::LOWER_SHAPE, mix(ti.lower, ti.short)));
        let mut own = Vec::with_capacity(5);
        features::class_features(ti, &mut own);
        for b in own {
            add(OWN, b);
        }
    }
    // Word classes as a neighbour: slots 2, 1, 4, 5 are offsets -2, -1, +1, +2.
    for (slot, o) in [(2usize, -2isize), (1, -1), (4, 1), (5, 2)] {
        for b in features::neighbour_classes(ti, o) {
            add(slot, b);
        }
    }
    // As a neighbour: `W + d` / `S + d` with d = 0, 1, 2, 3 for offsets -2, -1, +1, +2.
    add(2, bucket(t::W, ti.lower));
    add(2, bucket(t::S, ti.short));
    add(1, bucket(t::W + 1, ti.lower));
    add(1, bucket(t::S + 1, ti.short));
    add(4, bucket(t::W + 2, ti.lower));
    add(4, bucket(t::S + 2, ti.short));
    add(5, bucket(t::W + 3, ti.lower));
    add(5, bucket(t::S + 3, ti.short));
    add(1, bucket(t::FORM_PREV, ti.form));
    add(1, bucket(t::SUF_PREV, ti.suf[2]));
    add(4, bucket(t::FORM_NEXT, ti.form));
    add(4, bucket(t::SUF_NEXT, ti.suf[2]));
    add(
        4,
        bucket(
            t::NEXT_FLAGS,
            (ti.flags & (F_CAP | F_QUOTE | F_TITLE | F_STOP | F_ALLCAP | F_NOALNUM)) as u64,
        ),
    );
    add(OWN_FORM_O, bucket(features::t2::OWN_FORM, mix(0, bucket(t::FORM, ti.form) as u64)));
    if alnum && ti.len > 0 {
        // One lookup per bag, three slots each.
        for (b, slots) in [(bucket(t::BAG_L, ti.lower), [1, 2, 3]), (bucket(t::BAG_R, ti.lower), [4, 5, 6])] {
            if let Some(r) = m.joint_row(b, W) {
                for slot in slots {
                    add8(&mut rows[slot], r);
                }
            }
        }
    }
    rows
}

/// The flags `PREV_FLAGS` looks at.
const PREV_MASK: u32 = F_CAP | F_QUOTE | F_OPEN | F_TITLE | F_STOP | F_INITIAL | F_ALLCAP;

/// A direct-mapped cache of rows by a key of two small ids: frequent word
/// pairs ("de la", "el presidente") are looked up once, in fixed memory.
struct PairCache<const W: usize> {
    slots: Vec<Slot<W>>,
}

/// A key, its rows, and whether it was hit since it was filled: a miss on a
/// slot that was hit clears this instead of evicting it (a second chance),
/// so that a frequent key survives the rare ones passing through its slot.
/// Side by side, so that a lookup touches one place.
#[derive(Clone, Copy)]
struct Slot<const W: usize> {
    key: u64,
    hit: bool,
    rows: [[i16; W]; 2],
}

/// At most this many pairs (about 650 kB), fewer for short texts; and
/// shape trigrams and shape pairs, which are few.
const PAIR_SLOTS: usize = 1 << 13;
const TRI_SLOTS: usize = 1 << 12;
const OWN_FORM_SLOTS: usize = 1 << 10;
/// Distinct combinations of name-list classes in a text: a few dozen.
const GAZ_SLOTS: usize = 1 << 8;
/// Short-shape ids that fit the keys of `tri` (21 bits each; bit 63 tells
/// a shape pair from a trigram). Texts have a few hundred shapes.
const SHORT_IDS: u32 = 1 << 20;

impl<const W: usize> PairCache<W> {
    fn new(slots: usize) -> Self {
        let slots = slots.next_power_of_two();
        PairCache {
            slots: vec![Slot { key: u64::MAX, hit: false, rows: [[0; W]; 2] }; slots],
        }
    }
    fn len(&self) -> usize {
        self.slots.len()
    }
    #[inline]
    fn get(&mut self, key: u64, f: impl FnOnce() -> [[i16; W]; 2]) -> [[i16; W]; 2] {
        let k = (key.wrapping_mul(K) >> 40) as usize & (self.slots.len() - 1);
        let slot = &mut self.slots[k];
        if slot.key == key {
            slot.hit = true;
            return slot.rows;
        }
        if slot.hit {
            slot.hit = false;
            return f();
        }
        slot.key = key;
        slot.rows = f();
        slot.rows
    }
}

/// The caches [`Context::shared`] fills as it goes.
struct Caches<'a, const W: usize> {
    /// The per-word rows summed so far for tokens `fed - 3 .. fed + 3` (by
    /// index mod 8), and the next word to add.
    win: [[i16; W]; 8],
    fed: isize,
    /// Per token, its word's [`OWN_FORM_O`] row (for stage 2).
    own_form_o: Vec<i16>,
    /// The pair row of token `left.0` from its left neighbour.
    left: (usize, [i16; W]),
    pairs: &'a mut PairCache<W>,
    tri: &'a mut PairCache<W>,
    doc: &'a mut Table<W>,
    quote: &'a mut Table<W>,
    run: &'a mut Table<W>,
    gaz: &'a mut PairCache<W>,
    gazt: &'a mut Table<W>,
}

struct Context<'a, const W: usize> {
    m: &'a Model,
    words: &'a [Word],
    cache: &'a Rows<W>,
    tid: &'a [u32],
    ctx: &'a [u8],
    doc: &'a [[u32; 3]],
    gaz: &'a [u32],
    tg: &'a [u8],
    run: &'a [(u8, u8)],
    /// Word ids below this are kept across blocks (see [`Store`]).
    kept: u32,
}

/// `acc -= row` (wrapping, as [`add8`]).
#[inline]
fn sub8<const W: usize>(acc: &mut [i16; W], row: &[i8]) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a = a.wrapping_sub(x as i16);
    }
}

impl<const W: usize> Context<'_, W> {
    /// Word, full flags, gazetteer bits and entity tag of token `i` (the edge beyond the text).
    #[inline]
    fn at(&self, i: isize) -> (&Word, u32, u32, u8) {
        if i < 0 || i as usize >= self.tid.len() {
            return (&self.words[EDGE as usize], 0, 0, 0);
        }
        let i = i as usize;
        let w = &self.words[self.tid[i] as usize];
        let init = if self.ctx[i] & 1 != 0 { F_INITIAL } else { 0 };
        (
            w,
            w.flags | init,
            self.gaz.get(i).copied().unwrap_or(0),
            self.tg.get(i).copied().unwrap_or(0),
        )
    }

    #[inline]
    fn add(&self, acc: &mut [i16; W], b: u32) {
        if let Some(r) = self.m.joint_row(b, W) {
            add8(acc, r);
        }
    }

    /// Both stages' integer scores of token `i`'s first-stage features: the
    /// same features as `document_with` gives, summed in another order (the
    /// sums are integers, so the order does not matter).
    #[inline]
    fn shared(&self, i: usize, f: &mut Vec<u32>, c: &mut Caches<'_, W>) -> [i16; W] {
        self.feed_window(i, c);
        let mut acc = c.win[i & 7];
        self.add_pairs(i, &mut acc, c);
        self.add_shape_and_flags(i, &mut acc, c);
        self.add_lists(i, &mut acc, f, c);
        self.add_document(i, &mut acc, c);
        acc
    }

    /// The word id at `j`, [`EDGE`] past either end.
    #[inline(always)]
    fn id(&self, j: isize) -> u32 {
        if j < 0 || j as usize >= self.tid.len() {
            EDGE
        } else {
            self.tid[j as usize]
        }
    }

    /// Adds the rows of the words at i-3..=i+3 to the window: word by word
    /// (each word's rows are read once, for the seven tokens they count for)
    /// rather than seven scattered reads per token.
    #[inline(always)]
    fn feed_window(&self, i: usize, c: &mut Caches<'_, W>) {
        let n = self.tid.len();
        while c.fed <= i as isize + 3 {
            let j = c.fed;
            let rows = self.cache.get(self.id(j));
            c.win[(j + 3) as usize & 7] = [0; W];
            if j >= 0 && (j as usize) < n {
                add16(&mut c.win[j as usize & 7], &rows[OWN]);
                let nt = W / 2;
                if let Some(o) = c.own_form_o.get_mut(j as usize * nt..(j as usize + 1) * nt) {
                    o.copy_from_slice(&rows[OWN_FORM_O][nt..]);
                }
            }
            for (slot, off) in SLOTS {
                // Token j - off has this word at offset `off`.
                let k = j - off;
                if k >= 0 && (k as usize) < n {
                    add16(&mut c.win[k as usize & 7], &rows[slot]);
                }
            }
            c.fed += 1;
        }
    }

    /// The pair rows of words `a` and `b`, with their shape bigrams: by word
    /// id (but for the words kept for one block only), the shapes by their
    /// two short-shape ids (few).
    #[inline(always)]
    fn pair(&self, c: &mut Caches<'_, W>, a: u32, b: u32) -> [[i16; W]; 2] {
        let mut r = if a.max(b) < self.kept {
            c.pairs.get((a as u64) << 32 | b as u64, || self.pair_rows(a, b))
        } else {
            self.pair_rows(a, b)
        };
        let (x, y) = (&self.words[a as usize], &self.words[b as usize]);
        let rows = || {
            let mut r = [[0i16; W]; 2];
            self.add(&mut r[0], bucket(t::SH_PREV, mix(x.short, y.short)));
            self.add(&mut r[1], bucket(t::SH_NEXT, mix(x.short, y.short)));
            r
        };
        let sh = if x.short_id.max(y.short_id) < SHORT_IDS {
            c.tri.get(1 << 63 | (x.short_id as u64) << 21 | y.short_id as u64, rows)
        } else {
            rows()
        };
        add16(&mut r[0], &sh[0]);
        add16(&mut r[1], &sh[1]);
        r
    }

    /// The pairs with both neighbours. The pair of a token and the next
    /// serves both: tokens come in order, so its row for the next token
    /// waits in `c.left`.
    #[inline(always)]
    fn add_pairs(&self, i: usize, acc: &mut [i16; W], c: &mut Caches<'_, W>) {
        let ii = i as isize;
        let (before, me, after) = (self.id(ii - 1), self.tid[i], self.id(ii + 1));
        if c.left.0 != i {
            c.left.1 = self.pair(c, before, me)[0];
        }
        add16(acc, &c.left.1);
        let right = self.pair(c, me, after);
        add16(acc, &right[1]);
        c.left = (i + 1, right[0]);
    }

    /// The shape trigram, the flags that depend on the sentence start, a
    /// title before, quotes and capital runs.
    #[inline(always)]
    fn add_shape_and_flags(&self, i: usize, acc: &mut [i16; W], c: &mut Caches<'_, W>) {
        let ii = i as isize;
        let (ti, flags, _, _) = self.at(ii);
        let (p, pflags, _, _) = self.at(ii - 1);
        let (nx, _, _, _) = self.at(ii + 1);
        let (_, p2flags, _, _) = self.at(ii - 2);
        // Shape trigram, by the three words' short-shape ids.
        let key = (p.short_id as u64) << 42 | (ti.short_id as u64) << 21 | nx.short_id as u64;
        let tri = || {
            let mut r = [[0i16; W]; 2];
            self.add(&mut r[0], bucket(t::SH_TRI, mix(mix(p.short, ti.short), nx.short)));
            r
        };
        let tri = if p.short_id.max(ti.short_id).max(nx.short_id) < SHORT_IDS { c.tri.get(key, tri) } else { tri() };
        add16(acc, &tri[0]);
        // The rows hold the flags of a token, and of its left neighbour, that
        // does not begin its sentence; a token that does swaps them.
        let m = self.m;
        if flags & F_INITIAL != 0 {
            if let Some(r) = m.joint_row(bucket(t::FLAGS, ti.flags as u64), W) {
                sub8(acc, r);
            }
            self.add(acc, bucket(t::FLAGS, flags as u64));
            self.add(acc, bucket(t::INIT_LOWER, ti.lower));
            self.add(acc, bucket(t::INIT_SHAPE, ti.short));
        }
        if pflags & F_INITIAL != 0 {
            if let Some(r) = m.joint_row(bucket(t::PREV_FLAGS, (p.flags & PREV_MASK) as u64), W) {
                sub8(acc, r);
            }
            self.add(acc, bucket(t::PREV_FLAGS, (pflags & PREV_MASK) as u64));
        }
        if pflags & F_TITLE != 0 || p2flags & F_TITLE != 0 {
            self.add(acc, bucket(t::PREV_TITLE, ti.short));
        }
        if self.ctx[i] & 2 != 0 {
            let k = ti.casing as usize;
            add16(acc, c.quote.get(k, || rows_of(m, &[bucket(t::QUOTE, k as u64)])));
        }
        let run = self.run[i];
        if run.1 > 0 {
            let k = (run.0 as usize) << 3 | run.1 as usize;
            add16(acc, c.run.get(k & 63, || rows_of(m, &[bucket(t::RUN, (run.0 as u64) << 8 | run.1 as u64)])));
        }
    }

    /// The name lists' features: the token's classes, its training-data
    /// tag, and its neighbours'.
    #[inline(always)]
    fn add_lists(&self, i: usize, acc: &mut [i16; W], f: &mut Vec<u32>, c: &mut Caches<'_, W>) {
        let ii = i as isize;
        let m = self.m;
        let (ti, _, gaz, tg) = self.at(ii);
        let (_, _, pgaz, ptg) = self.at(ii - 1);
        let (_, _, ngaz, ntg) = self.at(ii + 1);
        if gaz != 0 {
            let r = c.gaz.get(gaz as u64, || {
                f.clear();
                for b in 0..(2 * features::GAZ_CLASSES as u64) {
                    if gaz & (1 << b) != 0 {
                        f.push(bucket(t::GAZ, b));
                    }
                }
                f.push(bucket(t::GAZ_ALL, gaz as u64));
                [rows_of(m, f), [0; W]]
            });
            add16(acc, &r[0]);
        }
        if tg != 0 {
            add16(acc, c.gazt.get(tg as usize & 15, || rows_of(m, &[bucket(t::GAZT, tg as u64)])));
            self.add(acc, bucket(t::GAZT_SHAPE, mix(tg as u64, ti.short)));
        }
        if ptg != 0 || ntg != 0 {
            self.add(acc, bucket(t::GAZT_CTX, mix(mix(ptg as u64, tg as u64), ntg as u64)));
        }
        if pgaz != 0 {
            self.add(acc, bucket(t::GAZ_PREV, mix(pgaz as u64, ti.short)));
        }
        if ngaz != 0 {
            self.add(acc, bucket(t::GAZ_NEXT, mix(ngaz as u64, ti.short)));
        }
    }

    /// The document evidence: how the token's word is written elsewhere in
    /// the text.
    #[inline(always)]
    fn add_document(&self, i: usize, acc: &mut [i16; W], c: &mut Caches<'_, W>) {
        let (ti, flags, _, _) = self.at(i as isize);
        if flags & F_NOALNUM != 0 {
            return;
        }
        let e = self.doc.get(ti.fold_id as usize).copied().unwrap_or([0; 3]);
        let (key, form) = features::doc_keys(ti.casing as u64, flags & F_INITIAL != 0, e, ti.lower);
        let m = self.m;
        add16(acc, c.doc.get(key as usize, || rows_of(m, &[bucket(t::DOC, key)])));
        if let Some(form) = form {
            self.add(acc, bucket(t::DOC_FORM, form));
        }
    }

    /// The summed joint rows of the features of a pair of adjacent words
    /// `a b` (but their shapes'): row 0 for `b` (its left neighbour's), row
    /// 1 for `a` (its right's).
    fn pair_rows(&self, a: u32, b: u32) -> [[i16; W]; 2] {
        let (a, b) = (&self.words[a as usize], &self.words[b as usize]);
        let mut rows = [[0i16; W]; 2];
        let feats = [
            (0, bucket(t::BI_PREV, mix(a.lower, b.lower))),
            (0, bucket(t::WPREV_SHAPE, mix(a.lower, b.short))),
            (1, bucket(t::BI_NEXT, mix(a.lower, b.lower))),
            (1, bucket(t::WNEXT_SHAPE, mix(b.lower, a.short))),
        ];
        for (k, f) in feats {
            if let Some(r) = self.m.joint_row(f, W) {
                add8(&mut rows[k], r);
            }
        }
        rows
    }
}

