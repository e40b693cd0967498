//! Language detection.

use super::Lang;

/// The outcome of language detection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    Known(Lang),
    /// Too little text, or text in another language.
    Unknown,
}

/// Guesses the language of `text` from its share of function words.
///
/// ```
/// use lupa::lang::{detect, Detected, Lang};
/// assert_eq!(detect("La reunión tuvo lugar en Estambul."), Detected::Known(Lang::Es));
/// assert_eq!(detect("The meeting took place in Istanbul."), Detected::Known(Lang::En));
/// ```
pub fn detect(text: &str) -> Detected {
    let mut scores = [0usize; Lang::ALL.len()];
    let mut words = 0usize;
    let mut lower = String::new();
    // Only the first few thousand words matter; this keeps detection O(1) on huge inputs.
    for word in text
        .split(|c: char| !c.is_alphabetic() && !"'¿¡".contains(c))
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let data = lang.data();
            if data.is_stop_word(&lower) || lower.chars().any(|c| data.marker_chars.contains(c)) {
                scores[i] += 1;
            }
        }
    }
    // The best-scoring language, unless another ties with it.
    let (mut best, mut at, mut tie) = (0, 0, false);
    for (i, &s) in scores.iter().enumerate() {
        if s > best {
            (best, at, tie) = (s, i, false);
        } else if s == best {
            tie = true;
        }
    }
    // A text where fewer than one word in eight is a function word of any
    // language is not running prose in that language.
    if best == 0 || best * 8 < words || tie {
        return Detected::Unknown;
    }
    Detected::Known(Lang::ALL[at])
}
