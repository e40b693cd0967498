//! The tagger model: tag set, sparse quantised feature weights, transition
//! scores, gazetteer; its binary format; and Viterbi decoding.

use super::features::{Gazetteer, WordClasses, HASH_BITS};
use super::Label;

/// Version 2: 16-bit gazetteer classes and the word-class table. A file of
/// another version is refused rather than misread.
const MAGIC: &[u8; 8] = b"LUPANER2";

/// A tag: outside, or a position (B, I, L, U) within an entity of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    O,
    B(Label),
    I(Label),
    L(Label),
    U(Label),
}

impl Tag {
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (p, l) = s.split_once('-')?;
        let l: Label = l.parse().ok()?;
        Some(match p {
            "B" => Tag::B(l),
            "I" => Tag::I(l),
            "L" | "E" => Tag::L(l),
            "U" | "S" => Tag::U(l),
            _ => return None,
        })
    }
    pub fn name(self) -> String {
        match self {
            Tag::O => "O".into(),
            Tag::B(l) => format!("B-{l}"),
            Tag::I(l) => format!("I-{l}"),
            Tag::L(l) => format!("L-{l}"),
            Tag::U(l) => format!("U-{l}"),
        }
    }
    fn label(self) -> Option<Label> {
        match self {
            Tag::O => None,
            Tag::B(l) | Tag::I(l) | Tag::L(l) | Tag::U(l) => Some(l),
        }
    }
    /// Does this tag continue an entity begun before it?
    fn continues(self) -> bool {
        matches!(self, Tag::I(_) | Tag::L(_))
    }
    /// Can an entity go on after this tag?
    fn open(self) -> bool {
        matches!(self, Tag::B(_) | Tag::I(_))
    }
}

/// Tagging scheme: IOB2 ("bio") or BILOU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Bio,
    Bilou,
}

impl Scheme {
    pub fn tags(self) -> Vec<Tag> {
        let mut v = vec![Tag::O];
        for l in Label::ALL {
            match self {
                Scheme::Bio => v.extend([Tag::B(l), Tag::I(l)]),
                Scheme::Bilou => v.extend([Tag::B(l), Tag::I(l), Tag::L(l), Tag::U(l)]),
            }
        }
        v
    }
    /// Encodes entity spans (over `n` tokens) as tags.
    pub fn encode(self, n: usize, spans: &[(usize, usize, Label)]) -> Vec<Tag> {
        let mut out = vec![Tag::O; n];
        for &(s, e, l) in spans {
            for (k, slot) in out[s..e].iter_mut().enumerate() {
                *slot = match self {
                    Scheme::Bio => {
                        if k == 0 {
                            Tag::B(l)
                        } else {
                            Tag::I(l)
                        }
                    }
                    Scheme::Bilou => {
                        if e - s == 1 {
                            Tag::U(l)
                        } else if k == 0 {
                            Tag::B(l)
                        } else if s + k == e - 1 {
                            Tag::L(l)
                        } else {
                            Tag::I(l)
                        }
                    }
                };
            }
        }
        out
    }
}

/// Whether `b` may follow `a` (`a == None` at the start of a sentence).
pub fn allowed(a: Option<Tag>, b: Tag, scheme: Scheme) -> bool {
    match scheme {
        Scheme::Bio => match b {
            Tag::I(l) => matches!(a, Some(Tag::B(m)) | Some(Tag::I(m)) if m == l),
            _ => true,
        },
        Scheme::Bilou => {
            let a_open = a.is_some_and(|t| t.open());
            if b.continues() {
                a_open && a.and_then(|t| t.label()) == b.label()
            } else {
                !a_open
            }
        }
    }
}

/// Whether `a` may end a sentence.
pub fn allowed_end(a: Tag, scheme: Scheme) -> bool {
    scheme == Scheme::Bio || !a.open()
}

/// Decodes tags into entity spans `(start, end, label)`, leniently (an I
/// without a B starts an entity).
pub fn decode(tags: &[Tag]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, Label)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let l = t.label();
        let starts_new = match (t, cur) {
            (Tag::O, _) => false,
            (Tag::B(_) | Tag::U(_), _) => true,
            (_, Some((_, cl))) => Some(cl) != l,
            (_, None) => true,
        };
        if t == Tag::O || starts_new {
            if let Some((s, cl)) = cur.take() {
                out.push((s, i, cl));
            }
        }
        if starts_new {
            cur = Some((i, l.unwrap()));
        }
        if matches!(t, Tag::L(_) | Tag::U(_)) {
            if let Some((s, cl)) = cur.take() {
                out.push((s, i + 1, cl));
            }
        }
    }
    if let Some((s, cl)) = cur {
        out.push((s, tags.len(), cl));
    }
    out
}

/// A trained model ready for tagging.
#[derive(Clone, Debug)]
pub struct Model {
    pub scheme: Scheme,
    pub tags: Vec<Tag>,
    /// `(ntags + 1) × ntags`: row 0 is the start of a sentence, row `1 + a` follows tag `a`.
    /// Disallowed transitions are `-inf`.
    pub trans: Vec<f32>,
    /// Open-addressing table from bucket to row; `u32::MAX` is empty.
    /// Which buckets have a row, one bit per bucket (exact, 2^HASH_BITS bits),
    /// 64 to an entry, each with the number of rows before it: bits and rank
    /// side by side, so a lookup touches one cache line before its row.
    ix: Vec<[u64; 2]>,
    /// `rows × ntags` quantised weights, rows in bucket order.
    weights: Vec<i8>,
    /// Weight = quantised / scale.
    scale: f32,
    pub gazetteer: Gazetteer,
    /// The second stage, which sees this stage's predictions.
    pub next: Option<Box<Model>>,
    /// Both stages' rows side by side (built at load time when there are two
    /// stages), so that a shared feature is looked up once for both.
    joint: Option<Joint>,
    /// One bit per value of the top [`GAZ_FILTER_BITS`] bits of a gazetteer
    /// key: set when some key has them. Most lookups (capitalised words that
    /// begin no listed phrase) end here instead of in a binary search.
    gaz_filter: Vec<u64>,
}

const GAZ_FILTER_BITS: u32 = 18;

/// The row of bucket `b` in a bitmap-and-rank index (`ix`, `mask` = its length
/// − 1), or `None` when the bucket has no weights.
#[inline(always)]
fn row_of(ix: &[[u64; 2]], mask: usize, b: u32) -> Option<usize> {
    let [word, rank] = *ix.get((b as usize >> 6) & mask)?;
    let bit = b & 63;
    if (word >> bit) & 1 == 0 {
        return None;
    }
    Some(rank as usize + (word & ((1u64 << bit) - 1)).count_ones() as usize)
}

#[derive(Clone, Debug)]
struct Joint {
    ix: Vec<[u64; 2]>,
    /// `rows × 2·ntags`: stage 1's weights, then stage 2's (zeros where a stage has no row).
    rows: Vec<i8>,
}

/// Everything that is written to a model file.
pub struct ModelParts<'a> {
    pub scheme: Scheme,
    pub trans: &'a [f32],
    /// Sorted buckets with their weight rows (`ntags` each).
    pub buckets: &'a [u32],
    pub rows: &'a [i8],
    pub scale: f32,
    pub gazetteer: &'a Gazetteer,
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Word classes: delta-coded keys, 16-bit values, then the cluster paths.
fn put_words(out: &mut Vec<u8>, w: &WordClasses) {
    out.extend_from_slice(&(w.keys.len() as u32).to_le_bytes());
    let mut prev = 0u32;
    for &k in &w.keys {
        put_varint(out, k - prev);
        prev = k;
    }
    for &v in &w.vals {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(w.paths.len() as u32).to_le_bytes());
    for &p in &w.paths {
        put_varint(out, p);
    }
}

fn read_words(r: &mut Reader) -> Result<WordClasses, String> {
    let n = r.u32()? as usize;
    if n > r.b.len() {
        return Err("model file corrupt".into());
    }
    let mut w = WordClasses { keys: Vec::with_capacity(n), vals: Vec::with_capacity(n), paths: Vec::new() };
    let mut prev = 0u32;
    for _ in 0..n {
        prev = prev.wrapping_add(r.varint()?);
        w.keys.push(prev);
    }
    for c in r.take(2 * n)?.chunks_exact(2) {
        w.vals.push(u16::from_le_bytes([c[0], c[1]]));
    }
    let np = r.u32()? as usize;
    if np > r.b.len() || w.keys.windows(2).any(|k| k[0] >= k[1]) {
        return Err("model file corrupt".into());
    }
    for _ in 0..np {
        w.paths.push(r.varint()?);
    }
    Ok(w)
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .p
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or("model file truncated")?;
        let s = &self.b[self.p..end];
        self.p = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn varint(&mut self) -> Result<u32, String> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| "bad varint".to_string());
            }
        }
        Err("bad varint".into())
    }
}

impl ModelParts<'_> {
    pub fn to_bytes(&self) -> Vec<u8> {
        let ntags = self.scheme.tags().len();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(HASH_BITS as u8);
        out.push(match self.scheme {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        });
        for &t in self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        // Gazetteer: delta-coded keys, then class bytes.
        out.extend_from_slice(&(self.gazetteer.keys.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for &k in &self.gazetteer.keys {
            put_varint(&mut out, k - prev);
            prev = k;
        }
        for &c in &self.gazetteer.classes {
            out.extend_from_slice(&c.to_le_bytes());
        }
        put_words(&mut out, &self.gazetteer.words);
        // Weights: delta-coded buckets, then the rows tag-major (column by column),
        // which compresses better than row-major.
        out.extend_from_slice(&(self.buckets.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for &b in self.buckets {
            put_varint(&mut out, b - prev);
            prev = b;
        }
        let n = self.buckets.len();
        for t in 0..ntags {
            for r in 0..n {
                out.push(self.rows[r * ntags + t] as u8);
            }
        }
        out
    }
}

impl Model {
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b, p: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a lupa NER model".into());
        }
        if r.u8()? as u32 != HASH_BITS {
            return Err("model built with other hash bits".into());
        }
        let scheme = match r.u8()? {
            0 => Scheme::Bio,
            1 => Scheme::Bilou,
            _ => return Err("unknown tag scheme".into()),
        };
        let tags = scheme.tags();
        let nt = tags.len();
        let mut trans = Vec::with_capacity((nt + 1) * nt);
        for _ in 0..(nt + 1) * nt {
            trans.push(r.f32()?);
        }
        let scale = r.f32()?;
        let ng = r.u32()? as usize;
        if ng > b.len() {
            return Err("model file corrupt".into());
        }
        let mut gazetteer = Gazetteer {
            keys: Vec::with_capacity(ng),
            classes: Vec::new(),
            words: WordClasses::default(),
        };
        let mut prev = 0u32;
        for _ in 0..ng {
            prev = prev.wrapping_add(r.varint()?);
            gazetteer.keys.push(prev);
        }
        gazetteer.classes = r.take(2 * ng)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        gazetteer.words = read_words(&mut r)?;
        let nb = r.u32()? as usize;
        if nb > b.len() {
            return Err("model file corrupt".into());
        }
        let mut buckets = Vec::with_capacity(nb);
        let mut prev = 0u32;
        for _ in 0..nb {
            prev = prev.wrapping_add(r.varint()?);
            buckets.push(prev);
        }
        let cols = r.take(nb * nt)?;
        let mut weights = vec![0i8; nb * nt];
        for t in 0..nt {
            for i in 0..nb {
                weights[i * nt + t] = cols[t * nb + i] as i8;
            }
        }
        if !(scale.is_finite() && scale > 0.0)
            || buckets.iter().any(|&b| b >= 1 << HASH_BITS)
            || buckets.windows(2).any(|w| w[0] >= w[1])
        {
            return Err("model file corrupt".into());
        }
        let mut m = Model {
            scheme,
            tags,
            trans,
            ix: Vec::new(),
            weights,
            scale,
            gazetteer,
            next: None,
            joint: None,
            gaz_filter: Vec::new(),
        };
        m.index(&buckets);
        if !m.gazetteer.keys.is_empty() {
            m.gaz_filter = vec![0u64; 1 << (GAZ_FILTER_BITS - 6)];
            for &k in &m.gazetteer.keys {
                let top = k >> (32 - GAZ_FILTER_BITS);
                m.gaz_filter[top as usize >> 6] |= 1 << (top & 63);
            }
        }
        if r.p < b.len() {
            let mut next = Model::from_bytes(&b[r.p..])?;
            next.gazetteer = Gazetteer::default();
            if next.tags.len() == m.tags.len() && next.next.is_none() {
                m.joint = Some(m.build_joint(&next));
            }
            m.next = Some(Box::new(next));
        }
        Ok(m)
    }

    fn build_joint(&self, m2: &Model) -> Joint {
        let nt = self.tags.len();
        let words = self.ix.len().min(m2.ix.len());
        let mut ix = Vec::with_capacity(words);
        let mut rows = Vec::new();
        let mut acc = 0u32;
        for w in 0..words {
            let (a, b) = (self.ix[w][0], m2.ix[w][0]);
            let u = a | b;
            ix.push([u, acc as u64]);
            acc += u.count_ones();
            let mut x = u;
            while x != 0 {
                let bit = x.trailing_zeros();
                x &= x - 1;
                let bucket = (w as u32) << 6 | bit;
                for (m, has) in [(self, a), (m2, b)] {
                    match m.row_index(bucket) {
                        Some(r) if (has >> bit) & 1 == 1 => {
                            rows.extend_from_slice(&m.weights[r * nt..(r + 1) * nt])
                        }
                        _ => rows.extend(std::iter::repeat(0i8).take(nt)),
                    }
                }
            }
        }
        Joint { ix, rows }
    }

    #[inline]
    fn row_index(&self, b: u32) -> Option<usize> {
        row_of(&self.ix, usize::MAX, b)
    }

    /// Adds the emission scores of `feats` for this stage into `out1` and for
    /// the next stage into `out2`, with one lookup per feature. Gives exactly
    /// what `emit` on each stage gives.
    pub fn emit_both(&self, feats: &[u32], out1: &mut [f32], out2: &mut [f32]) {
        match (&self.joint, &self.next, self.tags.len()) {
            (Some(j), Some(m2), 9) => self.emit_both_n::<9>(j, m2, feats, out1, out2),
            (Some(j), Some(m2), 17) => self.emit_both_n::<17>(j, m2, feats, out1, out2),
            (_, Some(m2), _) => {
                self.emit(feats, out1);
                m2.emit(feats, out2);
            }
            _ => self.emit(feats, out1),
        }
    }

    #[inline]
    fn emit_both_n<const N: usize>(
        &self,
        j: &Joint,
        m2: &Model,
        feats: &[u32],
        out1: &mut [f32],
        out2: &mut [f32],
    ) {
        let mut a1 = [0i32; N];
        let mut a2 = [0i32; N];
        let mask = j.ix.len().wrapping_sub(1);
        for &b in feats {
            let Some(r) = row_of(&j.ix, mask, b) else {
                continue;
            };
            if let Some(row) = j.rows.get(r * 2 * N..(r + 1) * 2 * N) {
                for t in 0..N {
                    a1[t] += row[t] as i32;
                    a2[t] += row[N + t] as i32;
                }
            }
        }
        let (i1, i2) = (1.0 / self.scale, 1.0 / m2.scale);
        for (o, &a) in out1.iter_mut().zip(&a1) {
            *o += a as f32 * i1;
        }
        for (o, &a) in out2.iter_mut().zip(&a2) {
            *o += a as f32 * i2;
        }
    }

    /// The gazetteer's classes of phrase key `key` ([`Gazetteer::lookup`]).
    #[inline]
    pub(crate) fn gaz_lookup(&self, key: u32) -> u16 {
        let top = key >> (32 - GAZ_FILTER_BITS);
        match self.gaz_filter.get(top as usize >> 6) {
            Some(w) if (w >> (top & 63)) & 1 == 0 => 0,
            _ => self.gazetteer.lookup(key),
        }
    }

    /// Row width of the joint table (both stages' tags), when there is one.
    pub(crate) fn joint_width(&self) -> Option<usize> {
        let j = self.joint.as_ref()?;
        let m2 = self.next.as_ref()?;
        (m2.tags.len() == self.tags.len()).then_some(())?;
        let w = 2 * self.tags.len();
        (j.rows.len() % w.max(1) == 0).then_some(w)
    }

    /// Both stages' quantised weights of bucket `b` (see [`Model::joint_width`]).
    #[inline]
    pub(crate) fn joint_row(&self, b: u32, w: usize) -> Option<&[i8]> {
        let j = self.joint.as_ref()?;
        let mask = j.ix.len().wrapping_sub(1);
        let r = row_of(&j.ix, mask, b)?;
        j.rows.get(r * w..(r + 1) * w)
    }

    /// 1 / the quantisation scale: a weight sum times this is a score.
    pub(crate) fn inv_scale(&self) -> f32 {
        1.0 / self.scale
    }

    fn index(&mut self, buckets: &[u32]) {
        let words = (1usize << HASH_BITS) / 64;
        self.ix = vec![[0u64; 2]; words];
        for &b in buckets {
            self.ix[b as usize >> 6][0] |= 1 << (b & 63);
        }
        let mut acc = 0u64;
        for e in &mut self.ix {
            e[1] = acc;
            acc += e[0].count_ones() as u64;
        }
    }

    /// The quantised weight row of bucket `b`, if it has one.
    #[inline]
    #[cfg(test)]
    fn row(&self, b: u32) -> Option<&[i8]> {
        let r = row_of(&self.ix, self.ix.len().wrapping_sub(1), b)?;
        let nt = self.tags.len();
        self.weights.get(r * nt..(r + 1) * nt)
    }

    /// Adds the emission scores of `feats` into `out` (length `ntags`).
    pub fn emit(&self, feats: &[u32], out: &mut [f32]) {
        match self.tags.len() {
            9 => self.emit_n::<9>(feats, out),
            17 => self.emit_n::<17>(feats, out),
            _ => self.emit_n::<32>(feats, out),
        }
    }

    #[inline]
    fn emit_n<const N: usize>(&self, feats: &[u32], out: &mut [f32]) {
        let mut acc = [0i32; N];
        let nt = self.tags.len().min(N);
        let mask = self.ix.len().wrapping_sub(1);
        for &b in feats {
            let Some(r) = row_of(&self.ix, mask, b) else {
                continue;
            };
            if nt == N {
                if let Some(row) = self.weights.get(r * N..(r + 1) * N) {
                    let row: &[i8; N] = row.try_into().unwrap();
                    for t in 0..N {
                        acc[t] += row[t] as i32;
                    }
                }
            } else if let Some(row) = self.weights.get(r * nt..(r + 1) * nt) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        let inv = 1.0 / self.scale;
        for (o, &a) in out.iter_mut().zip(&acc[..nt]) {
            *o += a as f32 * inv;
        }
    }
}

/// First-order Viterbi. `emissions` is `n × nt`, `trans` is `(nt+1) × nt`
/// (row 0 = start). Returns tag indices. Ties break to the lowest index.
pub fn viterbi(emissions: &[f32], nt: usize, trans: &[f32], end_ok: &[bool], out: &mut Vec<usize>) {
    out.clear();
    if nt == 0 {
        return;
    }
    if trans.len() >= (nt + 1) * nt {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        match nt {
            9 => return viterbi_simd::<9, 3>(emissions, trans, end_ok, out),
            17 => return viterbi_simd::<17, 5>(emissions, trans, end_ok, out),
            _ => {}
        }
        match nt {
            9 => return viterbi_n::<9>(emissions, trans, end_ok, out),
            17 => return viterbi_n::<17>(emissions, trans, end_ok, out),
            _ => {}
        }
    }
    let n = emissions.len() / nt;
    if n == 0 {
        return;
    }
    let mut back = vec![0u16; n * nt];
    let mut prev: Vec<f32> = (0..nt).map(|t| trans[t] + emissions[t]).collect();
    let mut cur = vec![0f32; nt];
    let tr = &trans[nt..(nt + 1) * nt];
    for i in 1..n {
        let em = &emissions[i * nt..(i + 1) * nt];
        let bk = &mut back[i * nt..(i + 1) * nt];
        cur.fill(f32::NEG_INFINITY);
        bk.fill(0);
        // Relax every (a, b) pair row by row: contiguous access to `trans`.
        for (a, &pa) in prev.iter().enumerate() {
            let row = &tr[a * nt..(a + 1) * nt];
            for ((c, k), &t) in cur.iter_mut().zip(bk.iter_mut()).zip(row) {
                let s = pa + t;
                if s > *c {
                    *c = s;
                    *k = a as u16;
                }
            }
        }
        for (c, &e) in cur.iter_mut().zip(em) {
            *c += e;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let mut arg = best_end(&prev, end_ok);
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        arg = back[i * nt + arg] as usize;
        out[i - 1] = arg;
    }
}

/// The best last tag of a Viterbi path: the highest score among the tags a
/// segment may end with (the first on ties, as both decoders always did).
fn best_end(last: &[f32], end_ok: &[bool]) -> usize {
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0usize;
    for (t, &s) in last.iter().enumerate() {
        let s = if end_ok.get(t).copied().unwrap_or(true) { s } else { f32::NEG_INFINITY };
        if s > best {
            best = s;
            arg = t;
        }
    }
    arg
}

/// [`viterbi`] for `N` tags known at compile time (the tagger's 9 or 17), so
/// that the inner loops unroll; the same additions and comparisons in the
/// same order, hence the same path.
fn viterbi_n<const N: usize>(emissions: &[f32], trans: &[f32], end_ok: &[bool], out: &mut Vec<usize>) {
    let n = emissions.len() / N;
    if n == 0 {
        return;
    }
    let mut back = vec![[0u8; N]; n];
    let mut prev = [0f32; N];
    for t in 0..N {
        prev[t] = trans[t] + emissions[t];
    }
    let mut tr = [[0f32; N]; N];
    for (a, row) in tr.iter_mut().enumerate() {
        row.copy_from_slice(&trans[(a + 1) * N..(a + 2) * N]);
    }
    for (i, bk) in back.iter_mut().enumerate().skip(1) {
        let em: &[f32; N] = emissions[i * N..(i + 1) * N].try_into().unwrap();
        let mut cur = [f32::NEG_INFINITY; N];
        let mut arg = [0u8; N];
        for a in 0..N {
            let pa = prev[a];
            let row = &tr[a];
            for b in 0..N {
                // Selects rather than branches, so the loop vectorises.
                let s = pa + row[b];
                let gt = s > cur[b];
                cur[b] = if gt { s } else { cur[b] };
                arg[b] = if gt { a as u8 } else { arg[b] };
            }
        }
        *bk = arg;
        for b in 0..N {
            cur[b] += em[b];
        }
        prev = cur;
    }
    let mut arg = best_end(&prev, end_ok);
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        arg = back[i][arg] as usize;
        out[i - 1] = arg;
    }
}

/// [`viterbi_n`] in wasm SIMD: the tags `b` in `V` vectors of four lanes
/// (the lanes past `N` padded with `-inf`, never read back). Each lane does
/// [`viterbi_n`]'s additions and comparisons on `b` in the same order (the
/// same IEEE single-precision operations), hence the same path. LLVM does
/// not vectorise `viterbi_n` at the release profile's `opt-level = "s"`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn viterbi_simd<const N: usize, const V: usize>(emissions: &[f32], trans: &[f32], end_ok: &[bool], out: &mut Vec<usize>) {
    use core::arch::wasm32::*;
    let n = emissions.len() / N;
    if n == 0 {
        return;
    }
    let lanes = |x: &[f32]| -> [v128; V] {
        let mut a = [f32::NEG_INFINITY; 32];
        a[..x.len()].copy_from_slice(x);
        core::array::from_fn(|k| f32x4(a[4 * k], a[4 * k + 1], a[4 * k + 2], a[4 * k + 3]))
    };
    let tr: [[v128; V]; N] = core::array::from_fn(|a| lanes(&trans[(a + 1) * N..(a + 2) * N]));
    // Whether some transition from `a` into the third vector's tags is not `-inf`.
    let live: [bool; N] =
        core::array::from_fn(|a| trans[(a + 1) * N..(a + 2) * N].iter().skip(8).any(|&x| x != f32::NEG_INFINITY));
    let mut back = vec![[0u8; N]; n];
    let mut prev = [0f32; 32];
    for t in 0..N {
        prev[t] = trans[t] + emissions[t];
    }
    for (i, bk) in back.iter_mut().enumerate().skip(1) {
        let mut cur = [f32x4_splat(f32::NEG_INFINITY); V];
        let mut arg = [i32x4_splat(0); V];
        if V == 3 {
            // The 9-tag models: three vectors kept in locals (at opt-level "s"
            // the loop over `k` stays a loop through memory).
            let (mut c0, mut c1, mut c2) = (cur[0], cur[1], cur[2]);
            let (mut g0, mut g1, mut g2) = (arg[0], arg[1], arg[2]);
            // `pmax(c, s)` is `c < s ? s : c`: the scalar loop's `s > c`
            // (NaN and signed zeros included). The argument only grows with
            // `a`, so `max(g, a & mask)` is the select of `a` where `s > c`.
            for a in 0..N {
                let pa = f32x4_splat(prev[a]);
                let av = i32x4_splat(a as i32);
                let row = &tr[a];
                let (s0, s1) = (f32x4_add(pa, row[0]), f32x4_add(pa, row[1]));
                let (t0, t1) = (f32x4_gt(s0, c0), f32x4_gt(s1, c1));
                c0 = f32x4_pmax(c0, s0);
                c1 = f32x4_pmax(c1, s1);
                g0 = i32x4_max(g0, v128_and(av, t0));
                g1 = i32x4_max(g1, v128_and(av, t1));
                // Lanes whose transitions from `a` are all `-inf` never
                // change (`s > c` is false for `s = -inf` or NaN).
                if live[a] {
                    let s2 = f32x4_add(pa, row[2]);
                    let t2 = f32x4_gt(s2, c2);
                    c2 = f32x4_pmax(c2, s2);
                    g2 = i32x4_max(g2, v128_and(av, t2));
                }
            }
            cur[..3].copy_from_slice(&[c0, c1, c2]);
            arg[..3].copy_from_slice(&[g0, g1, g2]);
        } else {
            for a in 0..N {
                let pa = f32x4_splat(prev[a]);
                let av = i32x4_splat(a as i32);
                let row = &tr[a];
                for k in 0..V {
                    let s = f32x4_add(pa, row[k]);
                    let gt = f32x4_gt(s, cur[k]);
                    cur[k] = v128_bitselect(s, cur[k], gt);
                    arg[k] = v128_bitselect(av, arg[k], gt);
                }
            }
        }
        // Lanes past `N` take the next token's scores (or `-inf` at the end): never read.
        let em = if (i * N + 4 * V) <= emissions.len() {
            // SAFETY: the 4·V lanes from i·N are inside `emissions`; wasm loads may be unaligned.
            core::array::from_fn(|k| unsafe { v128_load(emissions.as_ptr().add(i * N + 4 * k) as *const v128) })
        } else {
            lanes(&emissions[i * N..(i + 1) * N])
        };
        let mut args = [0i32; 32];
        for k in 0..V {
            let c = f32x4_add(cur[k], em[k]);
            // SAFETY: lanes 4k..4k+4 are inside the 32-lane arrays (V ≤ 8); wasm stores may be unaligned.
            unsafe {
                v128_store(prev.as_mut_ptr().add(4 * k) as *mut v128, c);
                v128_store(args.as_mut_ptr().add(4 * k) as *mut v128, arg[k]);
            }
        }
        for b in 0..N {
            bk[b] = args[b] as u8;
        }
    }
    let mut arg = best_end(&prev[..N], end_ok);
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        arg = back[i][arg] as usize;
        out[i - 1] = arg;
    }
}

/// Transition matrix with `-inf` on disallowed moves, from learned scores.
pub fn constrain(scheme: Scheme, learned: &[f32]) -> Vec<f32> {
    let tags = scheme.tags();
    let nt = tags.len();
    let mut out = learned.to_vec();
    for a in 0..=nt {
        let pa = if a == 0 { None } else { Some(tags[a - 1]) };
        for (b, &tb) in tags.iter().enumerate() {
            if !allowed(pa, tb, scheme) {
                out[a * nt + b] = f32::NEG_INFINITY;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_bio_and_bilou() {
        let t = |s: &str| {
            s.split(' ')
                .map(|x| Tag::parse(x).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            decode(&t("B-PER I-PER O B-LOC B-LOC I-ORG")),
            vec![
                (0, 2, Label::Per),
                (3, 4, Label::Loc),
                (4, 5, Label::Loc),
                (5, 6, Label::Org)
            ]
        );
        assert_eq!(
            decode(&t("U-PER B-ORG I-ORG L-ORG O U-LOC")),
            vec![(0, 1, Label::Per), (1, 4, Label::Org), (5, 6, Label::Loc)]
        );
        let spans = [(0, 1, Label::Per), (1, 4, Label::Org)];
        for s in [Scheme::Bio, Scheme::Bilou] {
            assert_eq!(decode(&s.encode(5, &spans)), spans.to_vec());
        }
    }

    #[test]
    fn viterbi_tiny_model() {
        // Tags: O, B-PER, I-PER (BIO restricted to PER). Emissions favour I at
        // position 0, which is disallowed at the start, so Viterbi picks B.
        let nt = 3;
        let trans = vec![
            0.0,
            0.0,
            f32::NEG_INFINITY, // start
            0.0,
            0.0,
            f32::NEG_INFINITY, // after O
            0.0,
            0.0,
            1.0, // after B
            0.0,
            0.0,
            1.0, // after I
        ];
        let em = vec![
            0.0, 1.0, 2.0, // token 0
            0.0, 0.5, 0.6, // token 1
            1.0, 0.0, 0.0, // token 2
        ];
        let mut out = Vec::new();
        viterbi(&em, nt, &trans, &[true; 3], &mut out);
        assert_eq!(out, vec![1, 2, 0]);
        viterbi(&[], nt, &trans, &[true; 3], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn model_roundtrip() {
        let scheme = Scheme::Bio;
        let nt = scheme.tags().len();
        let trans = constrain(scheme, &vec![0.5; (nt + 1) * nt]);
        let buckets = [3u32, 70, 1 << 19];
        let rows: Vec<i8> = (0..3 * nt).map(|i| (i as i8) - 10).collect();
        let gaz = Gazetteer::build([("Estados Unidos", 2), ("Putin", 1)]);
        let bytes = ModelParts {
            scheme,
            trans: &trans,
            buckets: &buckets,
            rows: &rows,
            scale: 2.0,
            gazetteer: &gaz,
        }
        .to_bytes();
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.gazetteer, gaz);
        assert_eq!(m.row(70).unwrap()[0], rows[nt]);
        assert_eq!(m.row(3).unwrap()[1], rows[1]);
        assert_eq!(m.row(1 << 19).unwrap()[2], rows[2 * nt + 2]);
        assert!(m.row(71).is_none());
        assert_eq!(m.trans[2], f32::NEG_INFINITY);
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
    }
}
