//! Search terms: whole-word matches that ignore case and accents, in NFC and
//! NFD text alike, optionally through light stemming.
//!
//! Terms and text are tokenized alike and compared token by token on a key
//! (the folded token, stemmed for `stem`). The terms go into a trie of keys,
//! so a match costs at most the longest term's length in tokens at each
//! position: linear in the text for a fixed set of terms.

use crate::lang::Lang;
use crate::text::fold::{fold_into, lower_accented};
use crate::lang::stem::stem;
use crate::tokenize::{self, Token, TokenKind};
use std::collections::HashMap;

/// A match of a search term: a byte range of the text and the index of the
/// term it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermMatch {
    pub start: usize,
    pub end: usize,
    pub term: usize,
}

/// Compiled search terms, ready to run over any number of texts.
pub struct Terms {
    lang: Lang,
    stem: bool,
    /// Interned keys: key text → key id.
    keys: HashMap<String, u32>,
    /// Trie edges: (node, key id) → node. Node 0 is the root.
    edges: HashMap<(u32, u32), u32>,
    /// For each node, the term that ends there (the first given, if several fold alike).
    ends: Vec<Option<usize>>,
}

impl Terms {
    /// Compiles `terms`. Terms without a token (empty or blank) match nothing.
    pub fn new<S: AsRef<str>>(terms: &[S], lang: Lang, stem: bool) -> Terms {
        let mut t = Terms { lang, stem, keys: HashMap::new(), edges: HashMap::new(), ends: vec![None] };
        let mut scratch = (String::new(), String::new());
        for (i, term) in terms.iter().enumerate() {
            let term = term.as_ref();
            let tokens = tokenize::tokenize(term, lang);
            if tokens.is_empty() {
                continue;
            }
            let mut node = 0u32;
            for tok in &tokens {
                let key = t.key(term, tok, &mut scratch).to_owned();
                let next_key = t.keys.len() as u32;
                let key = *t.keys.entry(key).or_insert(next_key);
                let next_node = t.ends.len() as u32;
                node = *t.edges.entry((node, key)).or_insert(next_node);
                if node == next_node {
                    t.ends.push(None);
                }
            }
            let end = &mut t.ends[node as usize];
            if end.is_none() {
                *end = Some(i);
            }
        }
        t
    }

    /// The comparison key of a token: folded, and stemmed first for words when asked.
    fn key<'s>(&self, text: &str, tok: &Token, scratch: &'s mut (String, String)) -> &'s str {
        let (lower, key) = scratch;
        key.clear();
        if self.stem && tok.kind == TokenKind::Word {
            lower.clear();
            lower_accented(tok.text(text), lower);
            stem(lower, self.lang);
            fold_into(lower, key);
        } else {
            fold_into(tok.text(text), key);
        }
        key
    }

    /// Whether no term can match anything.
    pub fn is_empty(&self) -> bool {
        self.ends.iter().all(Option::is_none)
    }

    /// The matches in `text`, given its tokens: leftmost, and at each place
    /// the longest term; matches do not overlap. A match never spans two
    /// sentences, and its tokens are separated by nothing but white space.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<TermMatch> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut scratch = (String::new(), String::new());
        let keys: Vec<Option<u32>> =
            tokens.iter().map(|t| self.keys.get(self.key(text, t, &mut scratch)).copied()).collect();
        let mut i = 0;
        while i < tokens.len() {
            let mut node = 0u32;
            let mut best: Option<(usize, usize)> = None;
            let mut j = i;
            while j < tokens.len() {
                if j > i && !joined(text, &tokens[j - 1], &tokens[j]) {
                    break;
                }
                let Some(next) = keys[j].and_then(|k| self.edges.get(&(node, k))) else { break };
                node = *next;
                if let Some(term) = self.ends[node as usize] {
                    best = Some((j, term));
                }
                j += 1;
            }
            match best {
                Some((last, term)) => {
                    out.push(TermMatch { start: tokens[i].start, end: tokens[last].end, term });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Whether two consecutive tokens can be words of one multi-word term: same
/// sentence, and only spaces (no blank line) between them.
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    a.sentence == b.sentence && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, terms: &[&str], lang: Lang, stem: bool) -> Vec<(String, usize)> {
        let tokens = tokenize::tokenize(text, lang);
        Terms::new(terms, lang, stem)
            .find(text, &tokens)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_owned(), m.term))
            .collect()
    }

    fn texts(matches: Vec<(String, usize)>) -> Vec<String> {
        matches.into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn ignores_case_and_accents() {
        let text = "AZERBAIYÁN y Azerbaiyán; azerbaiyan. El camión y los camiones.";
        assert_eq!(
            find(text, &["azerbaiyan", "Camión"], Lang::Es, false),
            [("AZERBAIYÁN".into(), 0), ("Azerbaiyán".into(), 0), ("azerbaiyan".into(), 0), ("camión".into(), 1)]
        );
    }

    #[test]
    fn stems_inflections() {
        let text = "El camión y los camiones; la luz y las luces; el inglés y los ingleses.";
        assert_eq!(
            texts(find(text, &["camion", "luces", "INGLÉS"], Lang::Es, true)),
            ["camión", "camiones", "luz", "luces", "inglés", "ingleses"]
        );
        let text = "She hoped the trucks would stop; stopping hopes, a truck.";
        assert_eq!(texts(find(text, &["hope", "truck", "stopped"], Lang::En, true)), [
            "hoped", "trucks", "stop", "stopping", "hopes", "truck"
        ]);
    }

    #[test]
    fn nfd_text_keeps_exact_offsets() {
        let text = "En Azerbaiya\u{301}n, camio\u{301}nes.";
        let m = find(text, &["azerbaiyán", "camion"], Lang::Es, true);
        assert_eq!(texts(m), ["Azerbaiya\u{301}n", "camio\u{301}nes"]);
        // An NFD term finds NFC text.
        assert_eq!(texts(find("Azerbaiyán", &["Azerbaiya\u{301}n"], Lang::Es, false)), ["Azerbaiyán"]);
    }

    #[test]
    fn whole_words_only() {
        assert!(find("Los camioneros y el camionaje", &["camion"], Lang::Es, true).is_empty());
        assert!(find("hopeless", &["hope"], Lang::En, true).is_empty());
    }

    #[test]
    fn multi_word_terms_take_the_longest_match() {
        let text = "Vladimir Putin y Putin; Vladimir   Putin. Vladimir.";
        assert_eq!(
            find(text, &["putin", "vladimir putin"], Lang::Es, false),
            [("Vladimir Putin".into(), 1), ("Putin".into(), 0), ("Vladimir   Putin".into(), 1)]
        );
    }

    #[test]
    fn multi_word_terms_stay_in_one_paragraph() {
        assert!(find("Vladimir\n\nPutin", &["vladimir putin"], Lang::Es, false).is_empty());
        assert!(find("Vladimir. Putin", &["vladimir putin"], Lang::Es, false).is_empty());
        assert_eq!(texts(find("Vladimir \t Putin", &["vladimir putin"], Lang::Es, false)), ["Vladimir \t Putin"]);
    }

    #[test]
    fn blank_terms_match_nothing_and_duplicates_report_the_first() {
        assert!(find("hola", &["", "  "], Lang::Es, false).is_empty());
        assert_eq!(find("Moscú", &["moscu", "MOSCÚ"], Lang::Es, false), [("Moscú".into(), 0)]);
    }

    #[test]
    fn random_soup_never_panics_and_matches_whole_tokens() {
        // A fixed-seed generator over pieces that stress folding and offsets.
        let pieces = ["a", "á", "a\u{301}", "\u{301}", "es", "ces", "ñ", "n\u{303}", " ", "\n", "\n\n", ".", "😀", "ß", "İ", "-", "'", "«", "ing", "s"];
        let mut state = 0x2545_f491_u64;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        for _ in 0..300 {
            let text: String = (0..next(40)).map(|_| pieces[next(pieces.len())]).collect();
            let terms: Vec<String> =
                (0..next(4)).map(|_| (0..1 + next(4)).map(|_| pieces[next(pieces.len())]).collect()).collect();
            for lang in Lang::ALL {
                let tokens = tokenize::tokenize(&text, lang);
                for stem in [false, true] {
                    for m in Terms::new(&terms, lang, stem).find(&text, &tokens) {
                        assert!(m.term < terms.len());
                        assert!(tokens.iter().any(|t| t.start == m.start), "{text:?}");
                        assert!(tokens.iter().any(|t| t.end == m.end), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn many_terms_and_long_text_stay_fast() {
        // 2 000 terms of up to 3 words over 60 000 words: linear work only.
        let terms: Vec<String> = (0..2000).map(|i| format!("palabra{i} y cosa")).collect();
        let text = "palabra7 y cosa ".repeat(20_000);
        let tokens = tokenize::tokenize(&text, Lang::Es);
        let found = Terms::new(&terms, Lang::Es, true).find(&text, &tokens);
        assert_eq!(found.len(), 20_000);
    }
}
