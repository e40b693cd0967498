//! Tagging with a two-stage model without materialising features.
//!
//! Most first-stage features depend on one word only, at a fixed offset from
//! the token they describe (its form, affixes and shape; the forms and shapes
//! of its neighbours; the bags of words around it). Their weights are summed
//! once per distinct word of the text into one row per offset, for both
//! stages at once, so a token's emission is seven row additions plus the
//! dozen features that really depend on context (bigrams, document and
//! gazetteer evidence). Per token only a few bytes are kept (which word it
//! is, its context flags, the first stage's tag); emissions live one line at
//! a time. Weights are integers until the final scaling, so the scores are
//! bit for bit those of [`super::tag_words`], which stays the reference.

use super::features::{
    self, bucket, finish, mix, t, Featurizer, Gazetteer, Stage2, Stage2Cursor, StageWord, TokInfo,
    F_ALLCAP, F_CAP, F_INITIAL, F_NOALNUM, F_OPEN, F_QUOTE, F_STOP, F_TITLE,
};
use super::model::{self, Model};
use super::Label;
use crate::lang::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An Fx-style hasher for the words of the text: they come from the user's
/// own document, so a keyed (SipHash) hash buys nothing but time.
#[derive(Default)]
struct WordHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
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
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(K);
    }
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
}

impl Word {
    fn of(ti: &TokInfo) -> Word {
        Word {
            lower: ti.lower,
            fold: ti.fold,
            short: ti.short,
            form: bucket(t::FORM, ti.form),
            flags: ti.flags,
            len: ti.len,
        }
    }
    fn casing(&self) -> u64 {
        TokInfo {
            flags: self.flags,
            len: self.len,
            ..Default::default()
        }
        .casing()
    }
}

/// Rows of the per-word cache: the word itself, as the token's left
/// neighbour at distance 1, 2, 3, and as its right neighbour at 1, 2, 3.
const OWN: usize = 0;
const SLOTS: [(usize, isize); 6] = [(1, -1), (2, -2), (3, -3), (4, 1), (5, 2), (6, 3)];

/// The per-word rows, in blocks of fixed size: growing never copies them
/// (a doubling `Vec` would briefly hold three times the rows).
struct Rows<const W: usize> {
    blocks: Vec<Vec<[[i16; W]; 7]>>,
    /// Capacity of the first block: small for a short text.
    first: usize,
}

const BLOCK: usize = 1024;

impl<const W: usize> Rows<W> {
    fn new(tokens: usize) -> Self {
        Rows {
            blocks: Vec::new(),
            first: (tokens + 1).min(BLOCK),
        }
    }
    fn push(&mut self, rows: [[i16; W]; 7]) {
        match self.blocks.last_mut() {
            Some(b) if b.len() < BLOCK => b.push(rows),
            _ => {
                let cap = if self.blocks.is_empty() { self.first } else { BLOCK };
                let mut b = Vec::with_capacity(cap);
                b.push(rows);
                self.blocks.push(b);
            }
        }
    }
    #[inline]
    fn get(&self, id: u32) -> &[[i16; W]; 7] {
        let id = id as usize;
        &self.blocks[id / BLOCK][id % BLOCK]
    }
}

/// The word beyond either end of the text ("empty" in [`Featurizer::document_with`]).
const EDGE: u32 = 0;

/// Tags `n` tokens (`word(i)` is the text of token `i`) with a two-stage model
/// whose joint table has rows of width `W` (twice the number of tags).
/// `None` when the model is not of that shape.
pub fn tag<'t, const W: usize>(
    m: &Model,
    lang: Lang,
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
    let mut fz = Featurizer::new(lang, &m.gazetteer);

    // Distinct words, each with its summed weights per slot.
    let mut ids: HashMap<&'t str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut words: Vec<Word> = Vec::new();
    let mut cache: Rows<W> = Rows::new(n);
    let edge = TokInfo {
        form: 1,
        lower: 1,
        shape: 1,
        short: 1,
        ..Default::default()
    };
    words.push(Word::of(&edge));
    cache.push(word_rows::<W>(m, &edge));
    let mut tid: Vec<u32> = Vec::with_capacity(n);
    for i in 0..n {
        let w = word(i);
        let next = words.len() as u32;
        let id = *ids.entry(w).or_insert(next);
        if id == next {
            let ti = fz.info(w);
            words.push(Word::of(&ti));
            cache.push(word_rows::<W>(m, &ti));
        }
        tid.push(id);
    }
    drop(ids);

    // Per token: bit 0 sentence-initial, bit 1 inside quotes; and the
    // document evidence per folded form, as in `document_with`.
    let is_start = |i: usize| starts.get(i).copied().unwrap_or(i == 0);
    let mut ctx = vec![0u8; n];
    let mut doc: features::IdMap<[u32; 3]> = features::IdMap::default();
    let (mut seen_word, mut q) = (false, false);
    for i in 0..n {
        let w = &words[tid[i] as usize];
        if is_start(i) {
            seen_word = false;
            q = false;
        }
        let mut flags = w.flags;
        if w.flags & F_NOALNUM == 0 {
            if !seen_word {
                flags |= F_INITIAL;
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
            let e = doc.entry(w.fold).or_insert([0; 3]);
            match w.casing() {
                0 => e[0] += 1,
                1 if flags & F_INITIAL == 0 => e[1] += 1,
                2 => e[2] += 1,
                _ => {}
            }
        }
    }

    // Gazetteer matches (class bits, training-data entity tags).
    let gz: &Gazetteer = fz.gaz;
    let (mut gaz, mut tg) = (Vec::new(), Vec::new());
    if !gz.keys.is_empty() {
        gaz = vec![0u16; n];
        tg = vec![0u8; n];
        for i in 0..n {
            if words[tid[i] as usize].flags & F_CAP == 0 {
                continue;
            }
            let mut h = features::SEED;
            for len in 1..=Gazetteer::MAX_WORDS {
                let j = i + len - 1;
                if j >= n || (len > 1 && starts.get(j).copied().unwrap_or(false)) {
                    break;
                }
                h = mix(mix(h, 0x20), words[tid[j] as usize].fold);
                let cls = gz.lookup((finish(h) >> 32) as u32);
                if cls & features::GAZ_TRAIN != 0 {
                    let lab = (cls >> 5) & 3;
                    tg[i] = 4 | lab;
                    for x in &mut tg[i + 1..=j] {
                        *x = 8 | lab;
                    }
                }
                if cls != 0 {
                    for c in 0..features::GAZ_CLASSES {
                        if cls & (1 << c) != 0 {
                            gaz[i] |= 1 << (2 * c);
                            for x in &mut gaz[i + 1..=j] {
                                *x |= 1 << (2 * c + 1);
                            }
                        }
                    }
                }
            }
        }
    }

    let run = features::capital_runs(n, starts, |j| {
        let w = &words[tid[j] as usize];
        (w.flags, w.len)
    });

    let cx = Context {
        m,
        words: &words,
        cache: &cache,
        tid: &tid,
        ctx: &ctx,
        doc: &doc,
        gaz: &gaz,
        tg: &tg,
        run: &run,
    };
    let end_ok = |mm: &Model| -> Vec<bool> {
        mm.tags.iter().map(|&t| model::allowed_end(t, mm.scheme)).collect()
    };
    let segments = || {
        let mut s = 0;
        std::iter::from_fn(move || {
            if s >= n {
                return None;
            }
            let mut e = s + 1;
            while e < n && !breaks.get(e).copied().unwrap_or(false) {
                e += 1;
            }
            let r = (s, e);
            s = e;
            Some(r)
        })
    };

    // Stage 1, line by line.
    let (i1, i2) = (m.inv_scale(), m2.inv_scale());
    let end1 = end_ok(m);
    let mut path1 = vec![0u8; n];
    // Stage 2's integer scores of the same features, kept for its pass. Each
    // score of either stage is a sum of fewer than 70 i8 weights (under 9,000
    // in magnitude), so it fits an i16 exactly; `shared` sums in i16 lanes.
    let mut shared2 = vec![0i16; n * nt];
    let mut em: Vec<f32> = Vec::new();
    let mut path = Vec::new();
    let mut buf: Vec<u32> = Vec::with_capacity(32);
    let mut pairs = PairCache::<W>::new(n);
    for (s, e) in segments() {
        em.clear();
        em.resize((e - s) * nt, 0.0);
        for i in s..e {
            let acc = cx.shared(i, &mut buf, &mut pairs);
            for (o, &a) in em[(i - s) * nt..(i - s + 1) * nt].iter_mut().zip(&acc[..nt]) {
                *o += a as f32 * i1;
            }
            shared2[i * nt..(i + 1) * nt].copy_from_slice(&acc[nt..]);
        }
        model::viterbi(&em, nt, &m.trans, &end1, &mut path);
        for (x, &p) in path1[s..e].iter_mut().zip(&path) {
            *x = p as u8;
        }
    }

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
    let stage_word = |i: usize| {
        let w = &words[tid[i] as usize];
        StageWord {
            fold: if w.flags & F_NOALNUM != 0 { 0 } else { w.fold },
            case: (w.flags & F_CAP != 0) as u8 | (ctx[i] & 1) << 1,
            form: Some(w.form),
        }
    };
    let tag_of = |i: usize| path1.get(i).map(|&t| t as u64);
    let s2 = Stage2::new(n, &stage_word, n, &label, &bounds);
    let mut cur = Stage2Cursor::default();

    // Stage 2, line by line.
    let end2 = end_ok(m2);
    let mut out = Vec::new();
    let mut tags = Vec::new();
    let mut buf2: Vec<u32> = Vec::with_capacity(16);
    // Stage 2's weights of `stage2_local`, by (previous, own, next) tag and
    // case bits, filled as they are met.
    let combos = (nt + 1) * (nt + 1) * (nt + 1) * 4;
    let mut local = vec![[0i32; W]; combos];
    let mut local_done = vec![false; combos];
    let mut buf3: Vec<u32> = Vec::with_capacity(8);
    for (s, e) in segments() {
        em.clear();
        em.resize((e - s) * nt, 0.0);
        for i in s..e {
            let o = &mut em[(i - s) * nt..(i - s + 1) * nt];
            for (o, &a) in o.iter_mut().zip(&shared2[i * nt..(i + 1) * nt]) {
                *o += a as i32 as f32 * i2;
            }
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
            if !local_done[key] {
                // Tag indices back to the values the features hash (99 beyond the text).
                let v = |k: usize| if k == nt { 99 } else { k as u64 };
                let (p, o, x) = (key / 4 / (nt + 1) / (nt + 1), key / 4 / (nt + 1) % (nt + 1), key / 4 % (nt + 1));
                buf3.clear();
                features::stage2_local(v(p), v(o), v(x), (key % 4) as u8, &mut buf3);
                let mut a = [0i32; W];
                m2.add_weights(&buf3, &mut a[..nt]);
                local[key] = a;
                local_done[key] = true;
            }
            let mut a2 = local[key];
            m2.add_weights(&buf2, &mut a2[..nt]);
            for (o, &a) in o.iter_mut().zip(&a2[..nt]) {
                *o += a as f32 * i2;
            }
        }
        model::viterbi(&em, nt, &m2.trans, &end2, &mut path);
        tags.clear();
        tags.extend(path.iter().map(|&k| m2.tags.get(k).copied().unwrap_or(model::Tag::O)));
        out.extend(model::decode(&tags).into_iter().map(|(a, b, l)| (a + s, b + s, l)));
    }
    Some(out)
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
fn word_rows<const W: usize>(m: &Model, ti: &TokInfo) -> [[i16; W]; 7] {
    let mut rows = [[0i16; W]; 7];
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
    if alnum {
        for k in 0..4 {
            if ti.pre[k] != 0 {
                add(OWN, bucket(t::PRE + k as u64, ti.pre[k]));
                add(OWN, bucket(t::SUF + k as u64, ti.suf[k]));
            }
        }
        add(OWN, bucket(t::LOWER_SHAPE, mix(ti.lower, ti.short)));
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

/// A direct-mapped cache of [`Context::pair_rows`] by word pair: frequent
/// pairs ("de la", "el presidente") are looked up once, in fixed memory.
struct PairCache<const W: usize> {
    keys: Vec<u64>,
    rows: Vec<[[i16; W]; 2]>,
}

/// At most this many pairs (about 300 kB), fewer for short texts.
const PAIR_SLOTS: usize = 1 << 12;

impl<const W: usize> PairCache<W> {
    fn new(tokens: usize) -> Self {
        let slots = tokens.next_power_of_two().clamp(64, PAIR_SLOTS);
        PairCache {
            keys: vec![u64::MAX; slots],
            rows: vec![[[0; W]; 2]; slots],
        }
    }
    #[inline]
    fn get(&mut self, cx: &Context<'_, W>, a: u32, b: u32) -> &[[i16; W]; 2] {
        let key = (a as u64) << 32 | b as u64;
        let slot = (key.wrapping_mul(K) >> 40) as usize & (self.keys.len() - 1);
        if self.keys[slot] != key {
            self.keys[slot] = key;
            self.rows[slot] = cx.pair_rows(a, b);
        }
        &self.rows[slot]
    }
}

struct Context<'a, const W: usize> {
    m: &'a Model,
    words: &'a [Word],
    cache: &'a Rows<W>,
    tid: &'a [u32],
    ctx: &'a [u8],
    doc: &'a features::IdMap<[u32; 3]>,
    gaz: &'a [u16],
    tg: &'a [u8],
    run: &'a [(u8, u8)],
}

impl<const W: usize> Context<'_, W> {
    /// Word, full flags, gazetteer bits and entity tag of token `i` (the edge beyond the text).
    #[inline]
    fn at(&self, i: isize) -> (&Word, u32, u16, u8) {
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

    /// Both stages' integer scores of token `i`'s first-stage features.
    #[inline]
    fn shared(&self, i: usize, f: &mut Vec<u32>, pairs: &mut PairCache<W>) -> [i16; W] {
        let n = self.tid.len();
        let mut acc = *self.cache.get(self.tid[i]).get(OWN).unwrap_or(&[0; W]);
        for (slot, off) in SLOTS {
            let j = i as isize + off;
            let t = if j < 0 || j as usize >= n { EDGE } else { self.tid[j as usize] };
            add16(&mut acc, &self.cache.get(t)[slot]);
        }
        let id = |j: isize| if j < 0 || j as usize >= n { EDGE } else { self.tid[j as usize] };
        let (before, after) = (id(i as isize - 1), id(i as isize + 1));
        add16(&mut acc, &pairs.get(self, before, self.tid[i])[0]);
        add16(&mut acc, &pairs.get(self, self.tid[i], after)[1]);
        f.clear();
        self.contextual(i, f);
        for &b in f.iter() {
            if let Some(r) = self.m.joint_row(b, W) {
                add8(&mut acc, r);
            }
        }
        acc
    }

    /// The summed joint rows of the features of a pair of adjacent words
    /// `a b`: row 0 for `b` (its left neighbour's), row 1 for `a` (its right's).
    fn pair_rows(&self, a: u32, b: u32) -> [[i16; W]; 2] {
        let (a, b) = (&self.words[a as usize], &self.words[b as usize]);
        let mut rows = [[0i16; W]; 2];
        let feats = [
            (0, bucket(t::BI_PREV, mix(a.lower, b.lower))),
            (0, bucket(t::SH_PREV, mix(a.short, b.short))),
            (0, bucket(t::WPREV_SHAPE, mix(a.lower, b.short))),
            (1, bucket(t::BI_NEXT, mix(a.lower, b.lower))),
            (1, bucket(t::SH_NEXT, mix(a.short, b.short))),
            (1, bucket(t::WNEXT_SHAPE, mix(b.lower, a.short))),
        ];
        for (k, f) in feats {
            if let Some(r) = self.m.joint_row(f, W) {
                add8(&mut rows[k], r);
            }
        }
        rows
    }

    /// The first-stage features of token `i` that depend on more than one word
    /// (but the pair features of [`Context::pair_rows`]).
    fn contextual(&self, i: usize, f: &mut Vec<u32>) {
        let ii = i as isize;
        let (ti, flags, gaz, tg) = self.at(ii);
        let (p, pflags, pgaz, ptg) = self.at(ii - 1);
        let (nx, _, ngaz, ntg) = self.at(ii + 1);
        let (_, p2flags, _, _) = self.at(ii - 2);
        f.push(bucket(t::FLAGS, flags as u64));
        if flags & F_INITIAL != 0 {
            f.push(bucket(t::INIT_LOWER, ti.lower));
            f.push(bucket(t::INIT_SHAPE, ti.short));
        }
        f.push(bucket(t::SH_TRI, mix(mix(p.short, ti.short), nx.short)));
        f.push(bucket(
            t::PREV_FLAGS,
            (pflags & (F_CAP | F_QUOTE | F_OPEN | F_TITLE | F_STOP | F_INITIAL | F_ALLCAP)) as u64,
        ));
        if pflags & F_TITLE != 0 || p2flags & F_TITLE != 0 {
            f.push(bucket(t::PREV_TITLE, ti.short));
        }
        if self.ctx[i] & 2 != 0 {
            f.push(bucket(t::QUOTE, ti.casing()));
        }
        let run = self.run[i];
        if run.1 > 0 {
            f.push(bucket(t::RUN, (run.0 as u64) << 8 | run.1 as u64));
        }
        if gaz != 0 {
            for b in 0..(2 * features::GAZ_CLASSES as u64) {
                if gaz & (1 << b) != 0 {
                    f.push(bucket(t::GAZ, b));
                }
            }
            f.push(bucket(t::GAZ_ALL, gaz as u64));
        }
        if tg != 0 {
            f.push(bucket(t::GAZT, tg as u64));
            f.push(bucket(t::GAZT_SHAPE, mix(tg as u64, ti.short)));
        }
        if ptg != 0 || ntg != 0 {
            f.push(bucket(t::GAZT_CTX, mix(mix(ptg as u64, tg as u64), ntg as u64)));
        }
        if pgaz != 0 {
            f.push(bucket(t::GAZ_PREV, mix(pgaz as u64, ti.short)));
        }
        if ngaz != 0 {
            f.push(bucket(t::GAZ_NEXT, mix(ngaz as u64, ti.short)));
        }
        if flags & F_NOALNUM == 0 {
            let c = ti.casing();
            let e = self.doc.get(&ti.fold).copied().unwrap_or([0; 3]);
            // Exclude this token's own count.
            let mut own = [0u32; 3];
            match c {
                0 => own[0] = 1,
                1 if flags & F_INITIAL == 0 => own[1] = 1,
                2 => own[2] = 1,
                _ => {}
            }
            let lc = e[0].saturating_sub(own[0]).min(2) as u64;
            let tc = e[1].saturating_sub(own[1]).min(2) as u64;
            let ac = e[2].saturating_sub(own[2]).min(1) as u64;
            let init = (flags & F_INITIAL != 0) as u64;
            let key = c | init << 2 | lc << 3 | tc << 5 | ac << 7;
            f.push(bucket(t::DOC, key));
            if c != 0 {
                f.push(bucket(
                    t::DOC_FORM,
                    mix(key & 0b111, mix(ti.lower, (lc > 0) as u64 | ((tc > 0) as u64) << 1)),
                ));
            }
        }
    }
}
