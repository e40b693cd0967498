//! FxHash (the hasher of rustc and Firefox): a multiply and a rotate per word,
//! far cheaper than the standard library's SipHash for the short keys of the
//! extraction layers (words, term ids). Not resistant to chosen collisions;
//! the tables it serves are keyed by our own word lists or bounded per text.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher, on 64-bit words (also on wasm32, where `usize` is 32 bits,
/// so that both builds hash alike).
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        let mut tail = rest;
        if tail.len() >= 4 {
            self.add(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]) as u64);
            tail = &tail[4..];
        }
        for &b in tail {
            self.add(b as u64);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// The high bits of a product mix every input bit, the low ones only the
    /// low input bits; hash tables index by the low bits, so rotate the high
    /// ones down (as rustc-hash 2 does). Without it, keys that differ only in
    /// their high half (term pairs packed in a `u64`) share buckets.
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<T> = HashSet<T, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, w) in ["de", "la", "el", "Putin", "", "años", "ab", "ba"].iter().enumerate() {
            m.insert((*w).to_owned(), i);
        }
        assert_eq!(m.len(), 8);
        assert_eq!(m.get("años"), Some(&5));
        assert_eq!(m.get("ba"), Some(&7));
        let h = |s: &str| {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("abcdefgh1"), h("abcdefgh2"));
        // Keys that differ only in their high half spread over the low bits too.
        let low = |x: u64| {
            let mut h = FxHasher::default();
            h.write_u64(x);
            h.finish() & 0xFFFF
        };
        let buckets: std::collections::HashSet<u64> = (0..1000u64).map(|k| low(k << 32 | 7)).collect();
        assert!(buckets.len() > 900, "{} distinct low halves", buckets.len());
    }
}
