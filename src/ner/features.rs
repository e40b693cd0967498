//! Feature extraction shared by training and inference.
//!
//! Every feature is a (template, value) pair hashed with a fixed Fx-style hash
//! into `2^HASH_BITS` buckets. Values are themselves hashes of strings computed
//! by streaming over `char`s, so extraction allocates only a few reusable
//! buffers per document, never a `String` per token.

use crate::text::fold::model_char;
use crate::lang::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Number of hash bits of a feature bucket.
pub const HASH_BITS: u32 = 20;

pub(crate) const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
pub(crate) fn finish(mut z: u64) -> u64 {
    // splitmix64 finaliser: spreads every input bit over the high bits.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Bucket of feature `(template, value)`.
#[inline]
pub fn bucket(template: u64, value: u64) -> u32 {
    (finish(mix(mix(SEED, template), value)) >> (64 - HASH_BITS)) as u32
}

/// Hash of a word after the model fold ([`model_char`]) on each character.
pub fn fold_hash(word: &str) -> u64 {
    word.chars().fold(SEED, |h, c| mix(h, model_char(c) as u64))
}

/// Hash of a multi-word gazetteer entry: words folded, then combined.
pub fn phrase_hash<'a>(words: impl IntoIterator<Item = &'a str>) -> u32 {
    let mut h = SEED;
    for w in words {
        h = mix(mix(h, 0x20), fold_hash(w));
    }
    (finish(h) >> 32) as u32
}

/// Gazetteer classes (bit positions).
pub const GAZ_FIRST: u8 = 0;
pub const GAZ_LAST: u8 = 1;
pub const GAZ_COUNTRY: u8 = 2;
pub const GAZ_PLACE: u8 = 3;
pub const GAZ_COMPANY: u8 = 4;
/// Organisations of `lang/<lang>/data/orgs.tsv` (parties, agencies, media).
pub const GAZ_ORG: u8 = 5;
/// People of `persons.txt` (heads of state and government).
pub const GAZ_PERSON: u8 = 6;
/// Demonyms (`demonyms.txt`): MISC in English, no entity in Spanish.
pub const GAZ_DEMONYM: u8 = 7;
/// Page furniture (`page_furniture.txt`): menus, credits, buttons; never an entity.
pub const GAZ_FURNITURE: u8 = 8;
pub const GAZ_CLASSES: u8 = 9;

/// A gazetteer: sorted phrase hashes with a bit set of classes each, and the
/// word classes learned from unlabelled text (they travel together because
/// both are the model's lookup data, read by the featuriser).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gazetteer {
    pub keys: Vec<u32>,
    pub classes: Vec<u16>,
    pub words: WordClasses,
}

/// Brown clusters and rarity per folded word: `keys` sorted ([`word_key`]),
/// `vals[i]` = cluster index << 4 | rarity (1..=15, 0 unknown), and
/// `paths[c]` the bit path of cluster `c` (stored reversed: its first k bits
/// are `path & ((1 << k) - 1)`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClasses {
    pub keys: Vec<u32>,
    pub vals: Vec<u16>,
    pub paths: Vec<u32>,
}

/// The key of a word in [`WordClasses`]: of its folded form, so that a
/// headline's "OAXACA" finds the class of "Oaxaca".
#[inline]
pub fn word_key(fold: u64) -> u32 {
    // 24 bits: two bytes a key in the file; a rare word that shares a listed
    // word's key (0.2 % of them for 30,000 words) only gets its classes.
    (finish(fold) >> 40) as u32
}

impl WordClasses {
    /// The word's cluster path (0 when it has none) and rarity (0 unknown).
    #[inline]
    pub fn get(&self, fold: u64) -> (u32, u8) {
        match self.keys.binary_search(&word_key(fold)) {
            Ok(i) => {
                let v = self.vals[i];
                let c = (v >> 4) as usize;
                (self.paths.get(c).copied().unwrap_or(0), (v & 15) as u8)
            }
            Err(_) => (0, 0),
        }
    }
}

impl Gazetteer {
    pub fn lookup(&self, key: u32) -> u16 {
        match self.keys.binary_search(&key) {
            Ok(i) => self.classes[i],
            Err(_) => 0,
        }
    }
    /// Builds from (phrase, class) pairs; duplicates merge their classes.
    pub fn build<'a>(entries: impl IntoIterator<Item = (&'a str, u8)>) -> Gazetteer {
        let v: Vec<(u32, u16)> = entries
            .into_iter()
            .filter(|(p, _)| !p.trim().is_empty())
            .map(|(p, c)| (phrase_hash(p.split_whitespace()), 1u16 << c))
            .collect();
        Gazetteer::from_entries(v, None)
    }

    /// The gazetteer of raw `(key, class bits)` entries, sorted, with the
    /// bits of equal keys OR-ed together, keeping `words` when given.
    fn from_entries(mut v: Vec<(u32, u16)>, words: Option<&WordClasses>) -> Gazetteer {
        v.sort_unstable();
        let mut g = Gazetteer { words: words.cloned().unwrap_or_default(), ..Gazetteer::default() };
        for (k, c) in v {
            if g.keys.last() == Some(&k) {
                if let Some(x) = g.classes.last_mut() {
                    *x |= c;
                }
            } else {
                g.keys.push(k);
                g.classes.push(c);
            }
        }
        g
    }
    pub const MAX_WORDS: usize = 4;

    /// Adds raw `(key, class bits)` entries, OR-ing the bits of equal keys.
    pub fn merged(&self, raw: &[(u32, u16)]) -> Gazetteer {
        let mut v: Vec<(u32, u16)> = self.keys.iter().copied().zip(self.classes.iter().copied()).collect();
        v.extend_from_slice(raw);
        Gazetteer::from_entries(v, Some(&self.words))
    }
}

/// Class bits of an entity string seen in training data: bit 15 set, label index in bits 13–14.
pub const GAZ_TRAIN: u16 = 0x8000;

// Token flags.
pub(crate) const F_CAP: u32 = 1; // first letter upper-case
pub(crate) const F_ALLCAP: u32 = 1 << 1;
pub(crate) const F_DIGIT: u32 = 1 << 2;
pub(crate) const F_ALLDIGIT: u32 = 1 << 3;
pub(crate) const F_HYPHEN: u32 = 1 << 4;
pub(crate) const F_PERIOD: u32 = 1 << 5;
pub(crate) const F_NOALNUM: u32 = 1 << 6;
pub(crate) const F_STOP: u32 = 1 << 7;
pub(crate) const F_TITLE: u32 = 1 << 8;
pub(crate) const F_QUOTE: u32 = 1 << 9;
pub(crate) const F_INITIAL: u32 = 1 << 10; // first word of its sentence
pub(crate) const F_LOWER: u32 = 1 << 11; // has a letter, all letters lower-case
pub(crate) const F_OPEN: u32 = 1 << 12; // opening bracket / dash / inverted marks

/// Runs of capitalised words, possibly joined by short lower-case connectors
/// ("Departamento de Estado de Estados Unidos"): for each token, its position in
/// its run and the run's length (both capped, 0 outside a run). A run never
/// crosses a segment start. `info(i)` is token `i`'s flags and length; the
/// training featuriser and the streaming tagger share this so they agree.
pub(crate) fn capital_runs(n: usize, starts: &[bool], info: impl Fn(usize) -> (u32, u8)) -> Vec<(u8, u8)> {
    let mut run = vec![(0u8, 0u8); n];
    let mut i = 0;
    while i < n {
        if info(i).0 & F_CAP == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut end = i + 1;
        while j < n && !starts.get(j).copied().unwrap_or(false) {
            let (flags, len) = info(j);
            if flags & F_CAP != 0 {
                j += 1;
                end = j;
            } else if flags & (F_STOP | F_LOWER) == (F_STOP | F_LOWER) && len <= 3 && j - i < 8 {
                j += 1;
            } else {
                break;
            }
        }
        let len = (end - i).min(6) as u8;
        for (k, r) in run[i..end].iter_mut().enumerate() {
            *r = ((k as u8).min(5) + 1, len);
        }
        i = end.max(i + 1);
    }
    run
}
/// What the featuriser computes once per token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokInfo {
    pub(crate) form: u64,
    pub(crate) lower: u64,
    pub(crate) fold: u64,
    pub(crate) shape: u64,
    pub(crate) short: u64,
    pub(crate) pre: [u64; 4],
    pub(crate) suf: [u64; 4],
    pub(crate) flags: u32,
    pub(crate) gaz: u32,
    pub(crate) len: u8,
    /// Brown cluster path of the folded word ([`WordClasses`]), and its
    /// rarity (1 most frequent ..= 15, 0 unknown: rarer than the list).
    pub(crate) cl: u32,
    pub(crate) rare: u8,
    /// Training-data entity match: 0, or B (4) / I (8) | label index.
    pub(crate) tg: u8,
}

impl TokInfo {
    /// The word before the first token and after the last: hashes of 1,
    /// which no real word has, so a window reaching past the document's
    /// edge gets features of its own.
    pub(crate) const EDGE: TokInfo = TokInfo {
        form: 1,
        lower: 1,
        fold: 0,
        shape: 1,
        short: 1,
        pre: [0; 4],
        suf: [0; 4],
        flags: 0,
        gaz: 0,
        len: 0,
        cl: 0,
        rare: 0,
        tg: 0,
    };

    pub(crate) fn casing(&self) -> u64 {
        if self.flags & F_ALLCAP != 0 && self.len > 1 {
            2
        } else if self.flags & F_CAP != 0 {
            1
        } else if self.flags & F_LOWER != 0 {
            0
        } else {
            3
        }
    }
}

#[inline]
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

#[derive(Default)]
pub(crate) struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Scratch buffers and the language data needed to featurise documents.
pub struct Featurizer<'g> {
    lang: Lang,
    pub(crate) gaz: &'g Gazetteer,
    chars: Vec<char>,
    lower: String,
}

/// Features of one document: for token `i`, `feats[offsets[i]..offsets[i+1]]`.
#[derive(Default, Clone, Debug)]
pub struct DocFeatures {
    pub feats: Vec<u32>,
    pub offsets: Vec<u32>,
    /// Folded-form hash of each token (0 for tokens without a letter or digit).
    pub fold: Vec<u64>,
    /// Per token: bit 0 capitalised, bit 1 sentence-initial.
    pub case: Vec<u8>,
    /// Per token: the bucket of its word-form feature.
    pub form: Vec<u32>,
}

impl DocFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn token(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

// Templates.
pub(crate) mod t {
    pub const BIAS: u64 = 1;
    pub const FORM: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const PRE: u64 = 4; // + k
    pub const SUF: u64 = 10; // + k
    pub const SHAPE: u64 = 20;
    pub const SHORT: u64 = 21;
    pub const FLAGS: u64 = 22;
    pub const INIT_LOWER: u64 = 23;
    pub const INIT_SHAPE: u64 = 24;
    pub const W: u64 = 30; // + offset (lower form of neighbour)
    pub const S: u64 = 40; // + offset (short shape of neighbour)
    pub const BI_PREV: u64 = 50;
    pub const BI_NEXT: u64 = 51;
    pub const SH_PREV: u64 = 52;
    pub const SH_NEXT: u64 = 53;
    pub const SH_TRI: u64 = 54;
    pub const GAZ: u64 = 60;
    pub const GAZ_ALL: u64 = 61;
    pub const GAZ_PREV: u64 = 62;
    pub const GAZ_NEXT: u64 = 63;
    pub const DOC: u64 = 70;
    pub const DOC_FORM: u64 = 71;
    pub const PREV_TITLE: u64 = 72;
    pub const NEXT_FLAGS: u64 = 73;
    pub const PREV_FLAGS: u64 = 74;
    pub const LOWER_SHAPE: u64 = 75;
    pub const LEN: u64 = 76;
    pub const QUOTE: u64 = 78;
    pub const FORM_PREV: u64 = 79;
    pub const FORM_NEXT: u64 = 80;
    pub const SUF_PREV: u64 = 81;
    pub const SUF_NEXT: u64 = 82;
    pub const RUN: u64 = 83;
    pub const BAG_L: u64 = 84;
    pub const BAG_R: u64 = 85;
    pub const WPREV_SHAPE: u64 = 86;
    pub const WNEXT_SHAPE: u64 = 87;
    pub const GAZT: u64 = 88;
    pub const GAZT_SHAPE: u64 = 89;
    pub const GAZT_CTX: u64 = 90;
    /// Word classes: cluster prefixes of the word (+ k for each of
    /// [`CLUSTER_BITS`]) and of its neighbours, rarity by casing.
    pub const CL: u64 = 120;
    pub const RARE: u64 = 124;
    pub const CL_PREV: u64 = 125; // + 0, 1: prefixes of 6 and 10 bits
    pub const CL_NEXT: u64 = 127;
    pub const CL_PREV2: u64 = 129;
    pub const CL_NEXT2: u64 = 130;
}

/// The cluster prefix lengths of a word's own features: coarse to fine.
pub(crate) const CLUSTER_BITS: [u32; 4] = [4, 6, 10, 20];

/// The first `k` bits of cluster path `cl`.
#[inline(always)]
pub(crate) fn prefix(cl: u32, k: u32) -> u64 {
    (cl & ((1u32 << k) - 1)) as u64 | (k as u64) << 32
}

/// The word-class features of a word as a neighbour at offset `o` (±1, ±2):
/// (template, value) pairs, none for a word outside the list.
#[inline(always)]
pub(crate) fn neighbour_classes(ti: &TokInfo, o: isize) -> impl Iterator<Item = u32> {
    let known = ti.rare != 0;
    let (t0, ks): (u64, &[u32]) = match o {
        -1 => (t::CL_PREV, &[6, 10]),
        1 => (t::CL_NEXT, &[6, 10]),
        -2 => (t::CL_PREV2, &[6]),
        _ => (t::CL_NEXT2, &[6]),
    };
    let cl = ti.cl;
    ks.iter()
        .enumerate()
        .filter(move |_| known)
        .map(move |(j, &k)| bucket(t0 + j as u64, prefix(cl, k)))
}

impl<'g> Featurizer<'g> {
    pub fn new(lang: Lang, gaz: &'g Gazetteer) -> Self {
        Featurizer {
            lang,
            gaz,
            chars: Vec::new(),
            lower: String::new(),
        }
    }

    pub(crate) fn info(&mut self, word: &str) -> TokInfo {
        let mut ti = TokInfo::default();
        self.chars.clear();
        self.lower.clear();
        let mut form = SEED;
        let mut lower = SEED;
        let mut fold = SEED;
        let mut shape = SEED;
        let mut short = SEED;
        let mut last_short = '\0';
        let (mut n_alpha, mut n_upper, mut n_lower, mut n_digit, mut n_alnum, mut n) =
            (0, 0, 0, 0, 0, 0usize);
        let mut first_upper = false;
        for c in word.chars() {
            n += 1;
            form = mix(form, c as u64);
            let lc = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            lower = mix(lower, lc as u64);
            fold = mix(fold, model_char(c) as u64);
            if self.chars.len() < 64 {
                self.chars.push(lc);
                self.lower.push(lc);
            }
            let s = shape_class(c);
            if n <= 8 {
                shape = mix(shape, s as u64);
            }
            if s != last_short {
                short = mix(short, s as u64);
                last_short = s;
            }
            if c.is_alphabetic() {
                n_alpha += 1;
                n_alnum += 1;
                if c.is_uppercase() {
                    n_upper += 1;
                    if n == 1 {
                        first_upper = true;
                    }
                } else {
                    n_lower += 1;
                }
            } else if c.is_numeric() {
                n_digit += 1;
                n_alnum += 1;
            } else if c == '-' {
                ti.flags |= F_HYPHEN;
            } else if c == '.' {
                ti.flags |= F_PERIOD;
            }
        }
        if n > 8 {
            shape = mix(shape, '+' as u64);
        }
        ti.form = form;
        ti.lower = lower;
        ti.fold = fold;
        ti.shape = shape;
        ti.short = short;
        ti.len = n.min(255) as u8;
        if first_upper {
            ti.flags |= F_CAP;
        }
        if n_alpha > 0 && n_upper == n_alpha {
            ti.flags |= F_ALLCAP;
        }
        if n_alpha > 0 && n_lower == n_alpha {
            ti.flags |= F_LOWER;
        }
        if n_digit > 0 {
            ti.flags |= F_DIGIT;
            if n_digit == n {
                ti.flags |= F_ALLDIGIT;
            }
        }
        if n_alnum == 0 {
            ti.flags |= F_NOALNUM;
            if matches!(
                word,
                "\"" | "'" | "“" | "”" | "«" | "»" | "‘" | "’" | "``" | "''"
            ) {
                ti.flags |= F_QUOTE;
            }
            if matches!(
                word,
                "(" | "[" | "-" | "--" | "—" | "–" | "¿" | "¡" | "“" | "«" | "‘" | "``"
            ) {
                ti.flags |= F_OPEN;
            }
        }
        let data = self.lang.data();
        if self.lower.len() <= 24 && n_alpha > 0 {
            if data.is_stop_word(&self.lower) {
                ti.flags |= F_STOP;
            }
            if data.is_title(&self.lower) {
                ti.flags |= F_TITLE;
            }
        }
        if n_alnum > 0 {
            (ti.cl, ti.rare) = self.gaz.words.get(fold);
        }
        let m = self.chars.len();
        for k in 1..=4 {
            if k <= m && n <= 64 {
                ti.pre[k - 1] = self.chars[..k].iter().fold(SEED, |h, &c| mix(h, c as u64));
                ti.suf[k - 1] = self.chars[m - k..]
                    .iter()
                    .fold(SEED, |h, &c| mix(h, c as u64));
            }
        }
        ti
    }

    /// Featurises one document. `words[i]` is the text of token `i`;
    /// `starts[i]` is true when token `i` begins a sentence (segment).
    pub fn document(&mut self, words: &[&str], starts: &[bool], out: &mut DocFeatures) {
        out.feats.clear();
        out.offsets.clear();
        out.offsets.push(0);
        out.feats.reserve(words.len() * 64);
        out.offsets.reserve(words.len() + 1);
        let (mut feats, mut offsets) = (
            std::mem::take(&mut out.feats),
            std::mem::take(&mut out.offsets),
        );
        self.document_with(words, starts, out, |_, f| {
            feats.extend_from_slice(f);
            offsets.push(feats.len() as u32);
        });
        out.feats = feats;
        out.offsets = offsets;
    }

    /// Like [`Featurizer::document`], but hands each token's features to `each`
    /// instead of storing them: `out` gets only `fold` and `case`.
    pub fn document_with(
        &mut self,
        words: &[&str],
        starts: &[bool],
        out: &mut DocFeatures,
        mut each: impl FnMut(usize, &[u32]),
    ) {
        let n = words.len();
        out.fold.clear();
        out.case.clear();
        out.form.clear();
        if n == 0 {
            return;
        }
        out.fold.reserve(n);
        out.case.reserve(n);
        let mut infos: Vec<TokInfo> = Vec::with_capacity(n);
        // Sentence-initial: first token with a letter or digit in its sentence.
        let mut seen_word = false;
        for (i, w) in words.iter().enumerate() {
            let mut ti = self.info(w);
            if starts.get(i).copied().unwrap_or(i == 0) {
                seen_word = false;
            }
            if ti.flags & F_NOALNUM == 0 {
                if !seen_word {
                    ti.flags |= F_INITIAL;
                }
                seen_word = true;
            }
            out.fold.push(if ti.flags & F_NOALNUM != 0 {
                0
            } else {
                ti.fold
            });
            out.case
                .push((ti.flags & F_CAP != 0) as u8 | ((ti.flags & F_INITIAL != 0) as u8) << 1);
            infos.push(ti);
        }
        if !self.gaz.keys.is_empty() {
            let gaz = self.gaz;
            let (classes, tags) = list_matches(n, starts, |j| (infos[j].flags & F_CAP != 0, infos[j].fold), |k| gaz.lookup(k));
            for ((ti, c), t) in infos.iter_mut().zip(classes).zip(tags) {
                ti.gaz = c;
                ti.tg = t;
            }
        }
        // Inside quotes: an odd number of quote tokens before, within the sentence.
        let mut in_quote = vec![false; n];
        let mut q = false;
        for i in 0..n {
            if starts.get(i).copied().unwrap_or(i == 0) {
                q = false;
            }
            if infos[i].flags & F_QUOTE != 0 {
                q = !q;
            } else {
                in_quote[i] = q;
            }
        }
        let run = capital_runs(n, starts, |j| (infos[j].flags, infos[j].len));
        // Document evidence per folded form: [lower-case, capitalised not sentence-initial, all-caps].
        let mut doc: IdMap<[u32; 3]> = IdMap::default();
        for ti in &infos {
            if ti.flags & F_NOALNUM != 0 {
                continue;
            }
            let e = doc.entry(ti.fold).or_insert([0; 3]);
            match ti.casing() {
                0 => e[0] += 1,
                1 if ti.flags & F_INITIAL == 0 => e[1] += 1,
                2 => e[2] += 1,
                _ => {}
            }
        }
        let window = Window { infos: &infos };
        let mut buf: Vec<u32> = Vec::with_capacity(96);
        for i in 0..n {
            buf.clear();
            out.form.push(bucket(t::FORM, infos[i].form));
            word_features(&infos[i], &mut buf);
            context_features(&window, i, in_quote[i], &mut buf);
            list_features(&window, i, run[i], &mut buf);
            let ti = &infos[i];
            if ti.flags & F_NOALNUM == 0 {
                let e = doc.get(&ti.fold).copied().unwrap_or([0; 3]);
                let (key, form) = doc_keys(ti.casing(), ti.flags & F_INITIAL != 0, e, ti.lower);
                buf.push(bucket(t::DOC, key));
                if let Some(form) = form {
                    buf.push(bucket(t::DOC_FORM, form));
                }
            }
            each(i, &buf);
        }
    }
}

/// The tokens of a document, with [`TokInfo::EDGE`] past either end.
struct Window<'a> {
    infos: &'a [TokInfo],
}

impl Window<'_> {
    #[inline(always)]
    fn at(&self, i: isize) -> &TokInfo {
        if i < 0 || i as usize >= self.infos.len() {
            &TokInfo::EDGE
        } else {
            &self.infos[i as usize]
        }
    }
}

/// The features of the word itself: form, shapes, flags, affixes, and the
/// lower form and shape of a sentence-initial word.
#[inline(always)]
fn word_features(ti: &TokInfo, f: &mut Vec<u32>) {
    f.push(bucket(t::BIAS, 0));
    f.push(bucket(t::FORM, ti.form));
    f.push(bucket(t::LOWER, ti.lower));
    f.push(bucket(t::SHAPE, ti.shape));
    f.push(bucket(t::SHORT, ti.short));
    f.push(bucket(t::FLAGS, ti.flags as u64));
    f.push(bucket(t::LEN, ti.len.min(12) as u64));
    if ti.flags & F_NOALNUM == 0 {
        for k in 0..4 {
            if ti.pre[k] != 0 {
                f.push(bucket(t::PRE + k as u64, ti.pre[k]));
                f.push(bucket(t::SUF + k as u64, ti.suf[k]));
            }
        }
        f.push(bucket(t::LOWER_SHAPE, mix(ti.lower, ti.short)));
        class_features(ti, f);
    }
    if ti.flags & F_INITIAL != 0 {
        f.push(bucket(t::INIT_LOWER, ti.lower));
        f.push(bucket(t::INIT_SHAPE, ti.short));
    }
}

/// A word's own word-class features: its cluster prefixes, and its rarity
/// by casing (a capitalised word that is rare in running text is likely a name).
#[inline(always)]
pub(crate) fn class_features(ti: &TokInfo, f: &mut Vec<u32>) {
    if ti.rare != 0 {
        for (j, k) in CLUSTER_BITS.iter().enumerate() {
            f.push(bucket(t::CL + j as u64, prefix(ti.cl, *k)));
        }
    }
    f.push(bucket(t::RARE, ti.rare as u64 | ti.casing() << 4));
}

/// The features of the words around token `i`: words and shapes at ±1 and
/// ±2, bigrams and the shape trigram, the neighbours' flags, a title before,
/// quotes, and the bag of words at ±1..3.
#[inline(always)]
fn context_features(w: &Window, i: usize, in_quote: bool, f: &mut Vec<u32>) {
    let ii = i as isize;
    let ti = w.at(ii);
    for (o, d) in [(-2isize, 0u64), (-1, 1), (1, 2), (2, 3)] {
        let nb = w.at(ii + o);
        f.push(bucket(t::W + d, nb.lower));
        f.push(bucket(t::S + d, nb.short));
    }
    let (p, nx) = (w.at(ii - 1), w.at(ii + 1));
    f.push(bucket(t::BI_PREV, mix(p.lower, ti.lower)));
    f.push(bucket(t::BI_NEXT, mix(ti.lower, nx.lower)));
    f.push(bucket(t::SH_PREV, mix(p.short, ti.short)));
    f.push(bucket(t::SH_NEXT, mix(ti.short, nx.short)));
    f.push(bucket(t::SH_TRI, mix(mix(p.short, ti.short), nx.short)));
    f.push(bucket(t::PREV_FLAGS, (p.flags & (F_CAP | F_QUOTE | F_OPEN | F_TITLE | F_STOP | F_INITIAL | F_ALLCAP)) as u64));
    f.push(bucket(t::NEXT_FLAGS, (nx.flags & (F_CAP | F_QUOTE | F_TITLE | F_STOP | F_ALLCAP | F_NOALNUM)) as u64));
    if p.flags & F_TITLE != 0 || w.at(ii - 2).flags & F_TITLE != 0 {
        f.push(bucket(t::PREV_TITLE, ti.short));
    }
    if in_quote {
        f.push(bucket(t::QUOTE, ti.casing()));
    }
    f.push(bucket(t::FORM_PREV, p.form));
    f.push(bucket(t::FORM_NEXT, nx.form));
    f.push(bucket(t::SUF_PREV, p.suf[2]));
    f.push(bucket(t::SUF_NEXT, nx.suf[2]));
    for o in 1..=3isize {
        let l = w.at(ii - o);
        if l.flags & F_NOALNUM == 0 && l.len > 0 {
            f.push(bucket(t::BAG_L, l.lower));
        }
        let r = w.at(ii + o);
        if r.flags & F_NOALNUM == 0 && r.len > 0 {
            f.push(bucket(t::BAG_R, r.lower));
        }
    }
    f.push(bucket(t::WPREV_SHAPE, mix(p.lower, ti.short)));
    f.push(bucket(t::WNEXT_SHAPE, mix(nx.lower, ti.short)));
    for o in [-2isize, -1, 1, 2] {
        f.extend(neighbour_classes(w.at(ii + o), o));
    }
}

/// The features of capital runs and name lists: the token's run, classes and
/// training-data tag, and its neighbours'.
#[inline(always)]
fn list_features(w: &Window, i: usize, run: (u8, u8), f: &mut Vec<u32>) {
    let ii = i as isize;
    let (ti, p, nx) = (w.at(ii), w.at(ii - 1), w.at(ii + 1));
    if run.1 > 0 {
        f.push(bucket(t::RUN, (run.0 as u64) << 8 | run.1 as u64));
    }
    if ti.gaz != 0 {
        for b in 0..(2 * GAZ_CLASSES as u64) {
            if ti.gaz & (1 << b) != 0 {
                f.push(bucket(t::GAZ, b));
            }
        }
        f.push(bucket(t::GAZ_ALL, ti.gaz as u64));
    }
    if ti.tg != 0 {
        f.push(bucket(t::GAZT, ti.tg as u64));
        f.push(bucket(t::GAZT_SHAPE, mix(ti.tg as u64, ti.short)));
    }
    if p.tg != 0 || nx.tg != 0 {
        f.push(bucket(t::GAZT_CTX, mix(mix(p.tg as u64, ti.tg as u64), nx.tg as u64)));
    }
    if p.gaz != 0 {
        f.push(bucket(t::GAZ_PREV, mix(p.gaz as u64, ti.short)));
    }
    if nx.gaz != 0 {
        f.push(bucket(t::GAZ_NEXT, mix(nx.gaz as u64, ti.short)));
    }
}

/// The name-list matches of a document of `n` tokens, up to
/// [`Gazetteer::MAX_WORDS`] words from each capitalised word, within a
/// sentence: per token, its class bits (bit `2c` where a match of class `c`
/// starts, `2c + 1` inside one) and its training-data tag (`4 | label` where
/// an entity of the training data starts, `8 | label` inside). `word(j)` is
/// whether token `j` is capitalised, and its folded hash; `lookup` the list.
pub fn list_matches(
    n: usize,
    starts: &[bool],
    word: impl Fn(usize) -> (bool, u64),
    lookup: impl Fn(u32) -> u16,
) -> (Vec<u32>, Vec<u8>) {
    let (mut gaz, mut tg) = (vec![0u32; n], vec![0u8; n]);
    for i in 0..n {
        if !word(i).0 {
            continue;
        }
        let mut h = SEED;
        for len in 1..=Gazetteer::MAX_WORDS {
            let j = i + len - 1;
            if j >= n || (len > 1 && starts.get(j).copied().unwrap_or(false)) {
                break;
            }
            h = mix(mix(h, 0x20), word(j).1);
            let cls = lookup((finish(h) >> 32) as u32);
            if cls & GAZ_TRAIN != 0 {
                let lab = ((cls >> 13) & 3) as u8;
                tg[i] = 4 | lab;
                for x in &mut tg[i + 1..=j] {
                    *x = 8 | lab;
                }
            }
            if cls != 0 {
                for c in 0..GAZ_CLASSES {
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
    (gaz, tg)
}

/// The document-evidence feature values of a word with casing `casing`
/// (0 lower, 1 capitalised, 2 all capitals) seen `e` times in the document
/// as [lower-case, capitalised not sentence-initial, all-caps], this token
/// included: the `DOC` key, and the `DOC_FORM` value for a word that is not
/// lower-case. The token's own count is left out.
#[inline(always)]
pub fn doc_keys(casing: u64, initial: bool, e: [u32; 3], lower: u64) -> (u64, Option<u64>) {
    let mut own = [0u32; 3];
    match casing {
        0 => own[0] = 1,
        1 if !initial => own[1] = 1,
        2 => own[2] = 1,
        _ => {}
    }
    let lc = e[0].saturating_sub(own[0]).min(2) as u64;
    let tc = e[1].saturating_sub(own[1]).min(2) as u64;
    let ac = e[2].saturating_sub(own[2]).min(1) as u64;
    let key = casing | (initial as u64) << 2 | lc << 3 | tc << 5 | ac << 7;
    let form = (casing != 0).then(|| mix(key & 0b111, mix(lower, (lc > 0) as u64 | ((tc > 0) as u64) << 1)));
    (key, form)
}

pub(crate) mod t2 {
    pub const OWN: u64 = 101;
    pub const PREV: u64 = 102;
    pub const NEXT: u64 = 103;
    pub const WORD_OTHER: u64 = 104;
    pub const WORD_OTHER_OWN: u64 = 105;
    pub const ENT_OTHER: u64 = 106;
    pub const WORD_OTHER_INIT: u64 = 107;
    pub const PREV_NEXT: u64 = 108;
    pub const OWN_CASE: u64 = 109;
    pub const OWN_FORM: u64 = 110;
}

/// Second-stage features (added to the first stage's scores): the first stage's tags (`tags[i]`, a tag index;
/// `label[i]` 0 for O else 1 + label index) and, for every capitalised word,
/// the labels the first stage gave the same word and the same entity string
/// elsewhere in the document.
pub fn stage2(
    df: &DocFeatures,
    tags: &[usize],
    label: &[u8],
    spans: &[(usize, usize)],
    with_base: bool,
    out: &mut DocFeatures,
) {
    let n = df.fold.len();
    out.feats.clear();
    out.feats.reserve(n * if with_base { 72 } else { 12 });
    out.offsets.clear();
    out.offsets.reserve(n + 1);
    out.offsets.push(0);
    out.fold.clone_from(&df.fold);
    out.case.clone_from(&df.case);
    out.form.clone_from(&df.form);
    let word = |i: usize| StageWord {
        fold: df.fold[i],
        case: df.case[i],
        form: df.form.get(i).copied(),
    };
    let tag = |i: usize| tags.get(i).map(|&t| t as u64);
    let s2 = Stage2::new(n, &word, tags.len(), label, spans);
    let mut cur = Stage2Cursor::default();
    for i in 0..n {
        if with_base {
            out.feats.extend_from_slice(df.token(i));
        }
        s2.token(i, &word, &tag, label, spans, &mut cur, true, &mut out.feats);
        let len = out.feats.len() as u32;
        out.offsets.push(len);
    }
}

/// The second-stage features of a token that depend only on the first
/// stage's tags around it (`prev`, `own`, `next`: tag indices, 99 beyond the
/// text) and its case bits: few enough combinations to tabulate. The same
/// features as [`Stage2::token`] gives with `local`.
pub fn stage2_local(prev: u64, own: u64, next: u64, case: u8, f: &mut Vec<u32>) {
    f.push(bucket(t2::OWN_CASE, mix(own, case as u64)));
    f.push(bucket(t2::OWN, own));
    f.push(bucket(t2::PREV, mix(prev, own)));
    f.push(bucket(t2::NEXT, mix(own, next)));
    f.push(bucket(t2::PREV_NEXT, mix(prev, next)));
}

/// What the second stage needs of token `i` beyond the first stage's output.
#[derive(Clone, Copy, Debug)]
pub struct StageWord {
    /// Folded-form hash (0 for tokens without a letter or digit).
    pub fold: u64,
    /// Bit 0 capitalised, bit 1 sentence-initial.
    pub case: u8,
    /// The bucket of the word-form feature.
    pub form: Option<u32>,
}

/// The document-wide label counts the second stage consults, built once
/// from the first stage's output; [`Stage2::token`] then gives one token's
/// features, so that a caller never stores them for the whole document.
pub struct Stage2 {
    n: usize,
    words: IdMap<[u16; 5]>,
    ents: IdMap<[u16; 5]>,
    span_hash: Vec<u64>,
}

/// Which span the tokens walked so far in order fall into.
#[derive(Default)]
pub struct Stage2Cursor {
    next_span: usize,
    cur: Option<usize>,
}

impl Stage2 {
    pub fn new(
        n: usize,
        word: &impl Fn(usize) -> StageWord,
        ntags: usize,
        label: &[u8],
        spans: &[(usize, usize)],
    ) -> Stage2 {
        // Label counts per word over the document.
        let mut words: IdMap<[u16; 5]> = IdMap::default();
        for i in 0..n.min(ntags).min(label.len()) {
            let w = word(i);
            if w.fold != 0 && w.case & 1 != 0 {
                let e = words.entry(w.fold).or_insert([0; 5]);
                e[label[i] as usize % 5] = e[label[i] as usize % 5].saturating_add(1);
            }
        }
        // Label counts per entity string; each span's hash computed once (a
        // token must not rehash its whole span).
        let mut ents: IdMap<[u16; 5]> = IdMap::default();
        let span_hash: Vec<u64> = spans
            .iter()
            .map(|&(s, e)| {
                if s < e && e <= n {
                    (s..e).fold(SEED, |h, x| mix(h, word(x).fold))
                } else {
                    0
                }
            })
            .collect();
        for (k, &(s, e)) in spans.iter().enumerate() {
            if s < e && e <= n {
                let l = label.get(s).copied().unwrap_or(0) as usize % 5;
                let en = ents.entry(span_hash[k]).or_insert([0; 5]);
                en[l] = en[l].saturating_add(1);
            }
        }
        Stage2 {
            n,
            words,
            ents,
            span_hash,
        }
    }

    /// Appends the second-stage features of token `i` to `f`. Tokens must be
    /// visited in increasing order with one `cur`; `spans` sorted by start.
    #[allow(clippy::too_many_arguments)]
    pub fn token(
        &self,
        i: usize,
        word: &impl Fn(usize) -> StageWord,
        tag: &impl Fn(usize) -> Option<u64>,
        label: &[u8],
        spans: &[(usize, usize)],
        cur: &mut Stage2Cursor,
        local: bool,
        f: &mut Vec<u32>,
    ) {
        let n = self.n;
        let majority = |c: &[u16; 5]| -> u64 {
            // The most frequent non-O label, 0 when there is none; ties to the lower index.
            let mut best = 0usize;
            for l in 1..5 {
                if c[l] > 0 && (best == 0 || c[l] > c[best]) {
                    best = l;
                }
            }
            best as u64
        };
        let tag_at = |i: isize| -> u64 {
            if i < 0 || i as usize >= n {
                99
            } else {
                tag(i as usize).unwrap_or(0)
            }
        };
        // The span covering `i`: the last valid one starting at or before it
        // (a later span overrides an earlier one, as spans never overlap).
        while cur.next_span < spans.len() && spans[cur.next_span].0 <= i {
            let (s, e) = spans[cur.next_span];
            if s < e && e <= n {
                cur.cur = Some(cur.next_span);
            }
            cur.next_span += 1;
        }
        let ent = cur.cur.filter(|&k| i < spans[k].1);
        let w = word(i);
        let ii = i as isize;
        let own = tag_at(ii);
        // In the order training has always seen them (its float sums follow
        // the order, and the model files must rebuild bit for bit).
        if local {
            f.push(bucket(t2::OWN_CASE, mix(own, w.case as u64)));
        }
        if let Some(b) = w.form {
            // The bucket of the word-form feature.
            f.push(bucket(t2::OWN_FORM, mix(own, b as u64)));
        }
        if local {
            let (prev, next) = (tag_at(ii - 1), tag_at(ii + 1));
            f.push(bucket(t2::OWN, own));
            f.push(bucket(t2::PREV, mix(prev, own)));
            f.push(bucket(t2::NEXT, mix(own, next)));
            f.push(bucket(t2::PREV_NEXT, mix(prev, next)));
        }
        if w.fold != 0 && w.case & 1 != 0 {
            if let Some(c) = self.words.get(&w.fold) {
                let mut c = *c;
                let l = label.get(i).copied().unwrap_or(0) as usize % 5;
                c[l] = c[l].saturating_sub(1);
                let m = majority(&c);
                let any_o = (c[0] > 0) as u64;
                f.push(bucket(t2::WORD_OTHER, m | any_o << 4));
                f.push(bucket(t2::WORD_OTHER_OWN, m | (l as u64) << 4));
                f.push(bucket(
                    t2::WORD_OTHER_INIT,
                    m | ((w.case >> 1) as u64) << 4 | any_o << 5,
                ));
            }
        }
        if let Some(k) = ent {
            let (s, _) = spans[k];
            if let Some(c) = self.ents.get(&self.span_hash[k]) {
                let mut c = *c;
                let l = label.get(s).copied().unwrap_or(0) as usize % 5;
                c[l] = c[l].saturating_sub(1);
                f.push(bucket(t2::ENT_OTHER, majority(&c) | (l as u64) << 4));
            }
        }
    }
}
