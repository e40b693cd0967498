//! Named-entity recognition: a learned sequence tagger over tokens.

use std::fmt;
use std::str::FromStr;

/// The four CoNLL entity classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Per,
    Org,
    Loc,
    Misc,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| format!("unknown label {s:?}: expected PER, ORG, LOC or MISC"))
    }
}

pub mod features;
pub mod model;
pub mod score;
#[cfg(feature = "cli")]
pub mod conll;
#[cfg(feature = "cli")]
pub mod train;

use crate::lang::Lang;
use crate::tokenize::{Sentence, Token};
use features::{DocFeatures, Featurizer};
use model::Model;
use std::sync::OnceLock;

/// A tagged entity mention as a range of token indices into `tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub tokens: std::ops::Range<usize>,
    pub label: Label,
}

static ES_BYTES: &[u8] = include_bytes!("../../models/es.bin");
static EN_BYTES: &[u8] = include_bytes!("../../models/en.bin");

/// The embedded model for `lang`, parsed once; `None` if it is missing or corrupt.
pub fn model(lang: Lang) -> Option<&'static Model> {
    static ES: OnceLock<Option<Model>> = OnceLock::new();
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    let (cell, bytes) = match lang {
        Lang::Es => (&ES, ES_BYTES),
        Lang::En => (&EN, EN_BYTES),
    };
    cell.get_or_init(|| Model::from_bytes(bytes).ok()).as_ref()
}

/// Tags one document. `tokens`/`sentences` come from [`crate::tokenize`]
/// (byte offsets into `text`). Linear in the number of tokens; never panics.
pub fn recognise(lang: Lang, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
    let Some(m) = model(lang) else { return Vec::new() };
    let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut starts = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        words.push(text.get(t.start..t.end).unwrap_or(""));
        // A line break between two tokens also ends a segment.
        if i > 0 {
            let gap = text.get(tokens[i - 1].end..t.start).unwrap_or("");
            if gap.contains('\n') {
                starts[i] = true;
            }
        }
    }
    for s in sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    if let Some(x) = starts.first_mut() {
        *x = true;
    }
    tag_words(m, lang, &words, &starts)
        .into_iter()
        .map(|(s, e, label)| Mention { tokens: s..e, label })
        .collect()
}

/// Tags a document given as words with sentence-start flags; returns
/// `(start, end, label)` token spans. Shared by [`recognise`] and training.
pub fn tag_words(m: &Model, lang: Lang, words: &[&str], starts: &[bool]) -> Vec<(usize, usize, Label)> {
    let mut fz = Featurizer::new(lang, &m.gazetteer);
    let mut df = DocFeatures::default();
    fz.document(words, starts, &mut df);
    tag_features(m, &df, starts)
}

/// Runs Viterbi segment by segment; returns one tag index per token.
pub fn viterbi_doc(m: &Model, df: &DocFeatures, starts: &[bool]) -> Vec<usize> {
    viterbi_doc2(m, df, None, starts)
}

/// Like [`viterbi_doc`], with the emissions of `extra` features added (the
/// second stage's own features, kept apart from the shared first-stage ones).
pub fn viterbi_doc2(m: &Model, df: &DocFeatures, extra: Option<&DocFeatures>, starts: &[bool]) -> Vec<usize> {
    let nt = m.tags.len();
    let n = df.len();
    let mut out = Vec::with_capacity(n);
    let mut em: Vec<f32> = Vec::new();
    let mut path = Vec::new();
    let end_ok: Vec<bool> = m.tags.iter().map(|&t| model::allowed_end(t, m.scheme)).collect();
    let mut s = 0;
    while s < n {
        let mut e = s + 1;
        while e < n && !starts.get(e).copied().unwrap_or(false) {
            e += 1;
        }
        em.clear();
        em.resize((e - s) * nt, 0.0);
        for i in s..e {
            let o = &mut em[(i - s) * nt..(i - s + 1) * nt];
            m.emit(df.token(i), o);
            if let Some(x) = extra {
                m.emit(x.token(i), o);
            }
        }
        model::viterbi(&em, nt, &m.trans, &end_ok, &mut path);
        out.extend_from_slice(&path);
        s = e;
    }
    out
}

/// Entity spans from per-token tags, never crossing a segment start.
pub fn spans_of(m: &Model, path: &[usize], starts: &[bool]) -> Vec<(usize, usize, Label)> {
    let n = path.len();
    let mut out = Vec::new();
    let mut tags = Vec::new();
    let mut s = 0;
    while s < n {
        let mut e = s + 1;
        while e < n && !starts.get(e).copied().unwrap_or(false) {
            e += 1;
        }
        tags.clear();
        tags.extend(path[s..e].iter().map(|&k| m.tags.get(k).copied().unwrap_or(model::Tag::O)));
        out.extend(model::decode(&tags).into_iter().map(|(a, b, l)| (a + s, b + s, l)));
        s = e;
    }
    out
}

/// First-stage output turned into second-stage features.
pub fn stage2_input(m: &Model, df: &DocFeatures, path: &[usize], starts: &[bool], with_base: bool, out: &mut DocFeatures) {
    let spans = spans_of(m, path, starts);
    let mut label = vec![0u8; path.len()];
    let mut bounds = Vec::with_capacity(spans.len());
    for &(s, e, l) in &spans {
        let k = 1 + Label::ALL.iter().position(|&x| x == l).unwrap_or(0) as u8;
        for x in &mut label[s..e] {
            *x = k;
        }
        bounds.push((s, e));
    }
    features::stage2(df, path, &label, &bounds, with_base, out);
}

/// Decodes featurised tokens, through both stages when the model has two.
pub fn tag_features(m: &Model, df: &DocFeatures, starts: &[bool]) -> Vec<(usize, usize, Label)> {
    let path = viterbi_doc(m, df, starts);
    match &m.next {
        None => spans_of(m, &path, starts),
        Some(m2) => {
            let mut df2 = DocFeatures::default();
            stage2_input(m, df, &path, starts, false, &mut df2);
            let path2 = viterbi_doc2(m2, df, Some(&df2), starts);
            spans_of(m2, &path2, starts)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{self, TokenKind};

    fn run(lang: Lang, text: &str) -> Vec<Mention> {
        let tokens = tokenize::tokenize(text, lang);
        let sentences = tokenize::sentences(&tokens);
        let m = recognise(lang, text, &tokens, &sentences);
        for x in &m {
            assert!(x.tokens.start < x.tokens.end && x.tokens.end <= tokens.len());
        }
        m
    }

    #[test]
    fn models_load() {
        for lang in Lang::ALL {
            let m = model(lang).expect("embedded model parses");
            assert!(m.next.is_some(), "{lang}: two stages");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_a = "a".repeat(1 << 20);
        let long_cap = "Á".repeat(100_000);
        let many = "Ab ".repeat(50_000);
        let inputs: Vec<&str> = vec![
            "",
            " ",
            "\n\n\n",
            "😀😀😀 🇪🇸 👩‍👩‍👧",
            "\u{0301}\u{200d}\u{feff}",
            "e\u{301} Ñ ß ǅ İstanbul",
            "\u{0}\u{1}\u{7f}",
            "A",
            "\"",
            "-DOCSTART- O",
            &long_a,
            &long_cap,
            &many,
            "https://example.com/a?b=c test@example.com #hashtag @mention",
            "ЕС и Россия. 東京 は 日本 の 首都 です。",
        ];
        for lang in Lang::ALL {
            for t in &inputs {
                run(lang, t);
            }
        }
    }

    #[test]
    fn tolerates_inconsistent_tokens() {
        let text = "Vladimir Putin visitó Moscú.";
        // Out-of-range and non-boundary offsets, overlapping tokens, bad sentences.
        let tokens = vec![
            Token { start: 0, end: 8, kind: TokenKind::Word, sentence: 0 },
            Token { start: 2, end: 400, kind: TokenKind::Word, sentence: 0 },
            Token { start: 9, end: 14, kind: TokenKind::Word, sentence: 7 },
        ];
        let sentences = vec![Sentence { start: 0, end: 999, tokens: 2..99 }];
        for lang in Lang::ALL {
            let _ = recognise(lang, text, &tokens, &sentences);
            let _ = recognise(lang, text, &[], &sentences);
            let _ = recognise(lang, "", &tokens, &[]);
        }
    }

    #[test]
    fn finds_names() {
        let es = "El presidente ruso Vladimir Putin llegó hoy a Madrid para reunirse con el Gobierno de España .";
        let m = run(Lang::Es, es);
        let toks = tokenize::tokenize(es, Lang::Es);
        let got: Vec<(String, Label)> =
            m.iter().map(|x| (es[toks[x.tokens.start].start..toks[x.tokens.end - 1].end].to_string(), x.label)).collect();
        assert!(got.contains(&("Vladimir Putin".to_string(), Label::Per)), "{got:?}");
        assert!(got.contains(&("Madrid".to_string(), Label::Loc)), "{got:?}");
        let en = "German Chancellor Helmut Kohl met Boris Yeltsin in Moscow on Tuesday , Reuters reported .";
        let m = run(Lang::En, en);
        let toks = tokenize::tokenize(en, Lang::En);
        let got: Vec<(String, Label)> =
            m.iter().map(|x| (en[toks[x.tokens.start].start..toks[x.tokens.end - 1].end].to_string(), x.label)).collect();
        for want in [("Helmut Kohl", Label::Per), ("Boris Yeltsin", Label::Per), ("Moscow", Label::Loc), ("Reuters", Label::Org)] {
            assert!(got.contains(&(want.0.to_string(), want.1)), "{got:?}");
        }
    }
}
