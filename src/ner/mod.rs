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
            m.emit(df.token(i), &mut em[(i - s) * nt..(i - s + 1) * nt]);
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
pub fn stage2_input(m: &Model, df: &DocFeatures, path: &[usize], starts: &[bool], out: &mut DocFeatures) {
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
    features::stage2(df, path, &label, &bounds, out);
}

/// Decodes featurised tokens, through both stages when the model has two.
pub fn tag_features(m: &Model, df: &DocFeatures, starts: &[bool]) -> Vec<(usize, usize, Label)> {
    let path = viterbi_doc(m, df, starts);
    match &m.next {
        None => spans_of(m, &path, starts),
        Some(m2) => {
            let mut df2 = DocFeatures::default();
            stage2_input(m, df, &path, starts, &mut df2);
            let path2 = viterbi_doc(m2, &df2, starts);
            spans_of(m2, &path2, starts)
        }
    }
}
