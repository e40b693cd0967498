//! Language detection that knows what it does not know.
//!
//! Each of eight languages (the two Lupa analyses and six it must not
//! mistake for them: pt, gl, ca, fr, it, de) has a profile of frequent
//! function words and marking characters (`common/data/langid.tsv`). A word
//! scores for every profile that has it; the text is Spanish or English only
//! when that profile wins clearly, so Galician or Catalan, which share many
//! words with Spanish, come out as unknown rather than as Spanish.

use super::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The outcome of language detection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    Known(Lang),
    /// Too little text, or text in another language.
    Unknown,
}

const PROFILES: &str = include_str!("common/data/langid.tsv");
/// The profiles' languages, in the order of their bits; the first two are Lupa's.
const CODES: [&str; 8] = ["es", "en", "pt", "gl", "ca", "fr", "it", "de"];

struct Profiles {
    /// Word → one bit per language of [`CODES`] that has it.
    words: HashMap<&'static str, u8>,
    /// Marking characters with their language bits.
    chars: Vec<(char, u8)>,
}

fn profiles() -> &'static Profiles {
    static P: OnceLock<Profiles> = OnceLock::new();
    P.get_or_init(|| {
        let mut p = Profiles { words: HashMap::new(), chars: Vec::new() };
        for line in PROFILES.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(code), Some(kind), Some(items)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Some(i) = CODES.iter().position(|&c| c == code) else {
                continue;
            };
            let bit = 1u8 << i;
            if kind == "words" {
                for w in items.split(' ').filter(|w| !w.is_empty()) {
                    *p.words.entry(w).or_insert(0) |= bit;
                }
            } else {
                for c in items.chars() {
                    match p.chars.iter_mut().find(|x| x.0 == c) {
                        Some(x) => x.1 |= bit,
                        None => p.chars.push((c, bit)),
                    }
                }
            }
        }
        p
    })
}

/// The profile scores of `text`'s first few thousand words, and how many words there were.
fn scores(text: &str) -> ([u32; 8], u32) {
    let p = profiles();
    let mut scores = [0u32; 8];
    let mut words = 0u32;
    let mut lower = String::new();
    // Only the first few thousand words matter; this keeps detection O(1) on huge inputs.
    for word in text
        .split(|c: char| !c.is_alphabetic() && !"'’·".contains(c))
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        // An elided article or preposition ("l'", "d'", "dell'") is French,
        // Catalan or Italian, never Spanish, Portuguese or English.
        let mut bits = 0u8;
        if let Some((head, _)) = lower.split_once(['\'', '’']) {
            if matches!(head, "l" | "d" | "qu" | "n" | "s" | "c" | "j" | "m" | "dell" | "all" | "nell" | "un") {
                bits |= 0b111 << 4;
            }
        }
        bits |= p.words.get(lower.as_str()).copied().unwrap_or(0);
        for c in lower.chars() {
            if let Some(x) = p.chars.iter().find(|x| x.0 == c) {
                bits |= x.1;
            }
        }
        for (i, s) in scores.iter_mut().enumerate() {
            *s += (bits >> i) as u32 & 1;
        }
    }
    (scores, words)
}

/// Below this many words a text is too short to rule Spanish or English out
/// on a narrow margin: a headline or one sentence shares most of its
/// function words with its neighbours ("La reunión tuvo lugar en Estambul"
/// scores as high for Catalan as for Spanish).
const SHORT: u32 = 30;

/// A short text is Spanish or English, whichever scores higher, unless
/// another language scores higher than both.
fn short_text(scores: &[u32; 8]) -> Detected {
    let n = Lang::ALL.len();
    let ours = (0..n).rev().max_by_key(|&i| scores[i]).unwrap_or(0);
    let other = scores[n..].iter().copied().max().unwrap_or(0);
    if scores[ours] == 0 || other > scores[ours] {
        return Detected::Unknown;
    }
    Detected::Known(Lang::ALL[ours])
}

/// Guesses the language of `text` from its function words: Spanish or
/// English when that profile wins with a clear margin, else unknown.
///
/// ```
/// use lupa::lang::{detect, Detected, Lang};
/// assert_eq!(detect("La reunión tuvo lugar en Estambul."), Detected::Known(Lang::Es));
/// assert_eq!(detect("The meeting took place in Istanbul."), Detected::Known(Lang::En));
/// assert_eq!(detect("A reunión tivo lugar en Estambul, onde xa estaban os ministros."), Detected::Unknown);
/// ```
pub fn detect(text: &str) -> Detected {
    let (scores, words) = scores(text);
    let (mut best, mut second) = (0usize, usize::MAX);
    for i in 1..scores.len() {
        if scores[i] > scores[best] {
            (second, best) = (best, i);
        } else if second == usize::MAX || scores[i] > scores[second] {
            second = i;
        }
    }
    let (b, s) = (scores[best], scores.get(second).copied().unwrap_or(0));
    if words < SHORT {
        return short_text(&scores);
    }
    // A text where fewer than one word in eight is a function word is not
    // running prose; a narrow win (Spanish over Galician) is not knowledge.
    if b == 0 || b * 8 < words || b * 10 < s * 11 + 5 || best >= Lang::ALL.len() {
        return Detected::Unknown;
    }
    Detected::Known(Lang::ALL[best])
}

/// The language code `detect` would answer among the eight profiles, for
/// measuring the detector (tests/testdata/langid).
pub fn profile_code(text: &str) -> &'static str {
    let (scores, _) = scores(text);
    let best = (0..8).fold(0, |b, i| if scores[i] > scores[b] { i } else { b });
    CODES[best]
}
