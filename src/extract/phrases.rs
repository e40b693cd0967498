//! Phrase sets: lexicon entries of one or more pieces, matched longest-first.

use rustc_hash::FxHashMap;
use crate::tokenize::pieces::{norm_key, of_phrase, Piece};

/// A set of phrases (each one or more pieces), matched longest-first at a position.
///
/// Pieces written together in a phrase ("US$", "p.m.") must be written
/// together in the text too ("a $95" is not "A$").
pub struct PhraseSet<T: Copy> {
    /// By first piece: the rest of each phrase (norm, glued to the previous) and its value.
    map: FxHashMap<String, Vec<Phrase<T>>>,
    /// A Bloom filter (one bit per first piece) over the [`norm_key`]s of the
    /// first pieces: a piece whose bit is clear starts no phrase.
    filter: [u64; 8],
}

/// The filter bit of a [`norm_key`].
fn filter_bit(key: u64) -> (usize, u64) {
    let b = (key >> 55) as usize; // 9 bits: 512 positions
    (b >> 6, 1u64 << (b & 63))
}

type Phrase<T> = (Vec<(String, bool)>, T);

impl<T: Copy> PhraseSet<T> {
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, T)>) -> Self {
        let mut map: FxHashMap<String, Vec<Phrase<T>>> = FxHashMap::default();
        for (phrase, v) in entries {
            let lx = of_phrase(phrase);
            if lx.is_empty() {
                continue;
            }
            let mut norms: Vec<(String, bool)> = lx.into_iter().map(|l| (l.norm.to_string(), !l.space_before)).collect();
            let first = norms.remove(0).0;
            map.entry(first).or_default().push((norms, v));
        }
        for v in map.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        let mut filter = [0u64; 8];
        for first in map.keys() {
            let (w, bit) = filter_bit(norm_key(first));
            filter[w] |= bit;
        }
        PhraseSet { map, filter }
    }

    /// The longest phrase starting at piece `i`: its end (exclusive piece index) and value.
    pub fn at(&self, lx: &[Piece], i: usize) -> Option<(usize, T)> {
        let first = lx.get(i)?;
        let (w, bit) = filter_bit(first.key);
        if self.filter[w] & bit == 0 {
            return None;
        }
        let cands = self.map.get(first.norm.as_str())?;
        'c: for (rest, v) in cands {
            if i + 1 + rest.len() > lx.len() {
                continue;
            }
            for (k, (w, glued)) in rest.iter().enumerate() {
                let l = &lx[i + 1 + k];
                if l.norm != *w || (*glued && l.space_before) {
                    continue 'c;
                }
            }
            return Some((i + 1 + rest.len(), *v));
        }
        None
    }

    /// The first pieces of the phrases: for each, whether a one-piece phrase is
    /// that piece alone, and whether longer phrases start with it.
    pub fn firsts(&self) -> impl Iterator<Item = (&str, bool, bool)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.iter().any(|p| p.0.is_empty()), v.iter().any(|p| !p.0.is_empty())))
    }

    pub fn has(&self, lx: &[Piece], i: usize) -> Option<usize> {
        self.at(lx, i).map(|(e, _)| e)
    }

    /// A phrase that ends exactly at piece `end` (exclusive), looking back at most `max` pieces.
    pub fn ending_at(&self, lx: &[Piece], end: usize, max: usize) -> Option<(usize, T)> {
        let lo = end.saturating_sub(max);
        for s in lo..end {
            if let Some((e, v)) = self.at(lx, s) {
                if e == end {
                    return Some((s, v));
                }
            }
        }
        None
    }
}

/// A filter over the first pieces of several [`PhraseSet`]s: a piece it turns
/// away starts no phrase of any of them (one it lets through may not either).
pub struct Starts {
    bits: Box<[u64; 128]>,
}

impl Starts {
    pub fn new() -> Starts {
        Starts { bits: Box::new([0; 128]) }
    }

    fn bit(key: u64) -> (usize, u64) {
        let b = (key >> 51) as usize; // 13 bits: 8192 positions
        (b >> 6, 1u64 << (b & 63))
    }

    pub fn add<T: Copy>(&mut self, set: &PhraseSet<T>) {
        for first in set.map.keys() {
            let (w, bit) = Self::bit(norm_key(first));
            self.bits[w] |= bit;
        }
    }

    #[inline]
    pub fn may_start(&self, l: &Piece) -> bool {
        let (w, bit) = Self::bit(l.key);
        self.bits[w] & bit != 0
    }
}

impl Default for Starts {
    fn default() -> Self {
        Starts::new()
    }
}

pub fn set(words: &[&'static str]) -> PhraseSet<()> {
    PhraseSet::new(words.iter().map(|w| (*w, ())))
}
