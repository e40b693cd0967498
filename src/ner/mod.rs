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
mod stream;

use crate::lang::{Lang, PerLang};
use crate::tokenize::{Sentence, Token};
use features::{DocFeatures, Featurizer};
use model::Model;

/// A tagged entity mention as a range of token indices into `tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub tokens: std::ops::Range<usize>,
    pub label: Label,
}

/// The embedded model for `lang`, parsed once; `None` if it is missing or corrupt.
pub fn model(lang: Lang) -> Option<&'static Model> {
    static MODELS: PerLang<Option<Model>> = PerLang::new();
    MODELS.get(lang, |lang| Model::from_bytes(lang.language().model).ok()).as_ref()
}

/// Tags one document. `tokens`/`sentences` come from [`crate::tokenize`]
/// (byte offsets into `text`). Linear in the number of tokens; never panics.
pub fn recognise(lang: Lang, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
    Tagger::default().recognise(lang, text, tokens, sentences)
}

/// Tags the blocks of one text in turn (the blocks `extract` cuts a long text into),
/// keeping the words met in earlier blocks with their summed weights: a
/// word's weights do not depend on the block, and most words of a block
/// were met before. Each block gets exactly what [`recognise`] gives it.
#[derive(Default)]
pub struct Tagger {
    store: Option<Store>,
}

enum Store {
    Tags9(stream::Store<18>),
    Tags17(stream::Store<34>),
}

impl Tagger {
    /// [`recognise`] of one block.
    pub fn recognise(&mut self, lang: Lang, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
        let Some(m) = model(lang) else {
            return Vec::new();
        };
        let starts = segment_starts(text, tokens, sentences);
        let breaks = decode_breaks(lang, text, tokens, &starts);
        let word = |i: usize| word_at(text, tokens, i);
        let n = tokens.len();
        let fast = match (m.tags.len(), &mut self.store) {
            (9, Some(Store::Tags9(st))) if st.lang() == lang => stream::tag::<18>(m, st, n, word, &starts, &breaks),
            (9, slot) => {
                let mut st = stream::Store::new(lang);
                let r = stream::tag::<18>(m, &mut st, n, word, &starts, &breaks);
                *slot = Some(Store::Tags9(st));
                r
            }
            (17, Some(Store::Tags17(st))) if st.lang() == lang => stream::tag::<34>(m, st, n, word, &starts, &breaks),
            (17, slot) => {
                let mut st = stream::Store::new(lang);
                let r = stream::tag::<34>(m, &mut st, n, word, &starts, &breaks);
                *slot = Some(Store::Tags17(st));
                r
            }
            _ => None,
        };
        let mut spans = fast.unwrap_or_else(|| {
            let words: Vec<&str> = (0..n).map(word).collect();
            tag_words(m, lang, &words, &starts, &breaks)
        });
        listed_labels(m, lang, &mut spans, word);
        listed_people(m, n, &mut spans, word);
        trim_final_stops(&mut spans, &breaks, word);
        spans
            .into_iter()
            .map(|(s, e, label)| Mention {
                tokens: s..e,
                label,
            })
            .collect()
    }
}

/// A mention that is exactly a name of the language's lists takes the
/// list's class when the tagger gave it a class the list rules out: a party
/// or an agency of `orgs.tsv` is an organisation ("PRI" tagged PER), unless a
/// name list also holds it as a person's name, and so is a one-word MISC
/// ("Morena") where [`crate::lang::LangData::listed_misc_is_org`]; a person of `persons.txt` is
/// a person ("AMLO"). The tagger sees the lists only as features, and on news
/// unlike its training text they lose to the word's shape. `recognise`
/// applies it to what the tagger found; `word(i)` is token `i`'s text.
pub fn listed_labels<'w>(m: &Model, lang: Lang, spans: &mut [(usize, usize, Label)], word: impl Fn(usize) -> &'w str) {
    use features::{GAZ_COUNTRY, GAZ_FIRST, GAZ_LAST, GAZ_ORG, GAZ_PERSON, GAZ_PLACE};
    let bit = |c: u8| 1u16 << c;
    for (s, e, label) in spans.iter_mut() {
        if *e <= *s || *e - *s > features::Gazetteer::MAX_WORDS {
            continue;
        }
        let cls = m.gaz_lookup(features::phrase_hash((*s..*e).map(&word)));
        let person_name = cls & (bit(GAZ_FIRST) | bit(GAZ_LAST) | bit(GAZ_PERSON)) != 0;
        let place = cls & (bit(GAZ_COUNTRY) | bit(GAZ_PLACE)) != 0;
        if cls & bit(GAZ_ORG) != 0 && !place && (*label == Label::Misc && *e == *s + 1 && lang.data().listed_misc_is_org || *label == Label::Per && !person_name) {
            *label = Label::Org;
        } else if cls & bit(GAZ_PERSON) != 0 && cls & bit(GAZ_ORG) == 0 && matches!(*label, Label::Org | Label::Misc) {
            *label = Label::Per;
        }
    }
}

/// A person of `persons.txt` (heads of state and government) that the
/// tagger left out is a person all the same: "Trump fired back" opens a
/// sentence with a name the 1996 newswire never saw. Only whole runs of
/// capitalised words outside every mention, and only names no list also
/// holds as a place or an organisation. `n` is the number of tokens.
fn listed_people<'w>(m: &Model, n: usize, spans: &mut Vec<(usize, usize, Label)>, word: impl Fn(usize) -> &'w str) {
    use features::{GAZ_COUNTRY, GAZ_ORG, GAZ_PERSON, GAZ_PLACE};
    let bit = |c: u8| 1u16 << c;
    let capital = |i: usize| word(i).chars().next().is_some_and(char::is_uppercase);
    let mut covered = vec![false; n];
    for &(s, e, _) in spans.iter() {
        covered.get_mut(s..e.min(n)).map(|c| c.fill(true));
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let run = (i..n.min(i + features::Gazetteer::MAX_WORDS)).take_while(|&j| capital(j) && !covered[j]).count();
        let whole = run > 0 && (i == 0 || !capital(i - 1) || covered[i - 1]) && (i + run >= n || !capital(i + run));
        let cls = if whole { m.gaz_lookup(features::phrase_hash((i..i + run).map(&word))) } else { 0 };
        if cls & bit(GAZ_PERSON) != 0 && cls & (bit(GAZ_ORG) | bit(GAZ_PLACE) | bit(GAZ_COUNTRY)) == 0 {
            found.push((i, i + run, Label::Per));
        }
        i += run.max(1);
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|&(s, e, _)| (s, e));
    }
}

/// Which tokens begin a segment (a unit of Viterbi decoding): the first token
/// of each sentence, and a token with a line break before it.
pub fn segment_starts(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<bool> {
    with_sentence_starts(line_starts(text, tokens), sentences)
}

/// [`segment_starts`] from the [`line_starts`] of the same tokens.
fn with_sentence_starts(mut starts: Vec<bool>, sentences: &[Sentence]) -> Vec<bool> {
    for s in sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    if let Some(x) = starts.first_mut() {
        *x = true;
    }
    starts
}

fn word_at<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("")
}

/// Where [`recognise`]'s Viterbi starts afresh: at each line (see
/// [`line_starts`]), and at a sentence start (`starts`) after a full stop of
/// its own where the sentence end is certain: the word before the stop is
/// lower-case ("la alianza. AMLO") or the word after it a stop word ("la
/// OTAN. A", "Twitter. El"). Without these, mentions ran across the end. A
/// name the splitter cuts ("Ministerio de Minas. Energía", "FC. BARCELONA"
/// in CoNLL-2002) has neither and is still decoded as one.
pub fn decode_breaks(lang: Lang, text: &str, tokens: &[Token], starts: &[bool]) -> Vec<bool> {
    let word = |i: usize| word_at(text, tokens, i);
    let lower = |i: usize| word(i).chars().next().is_some_and(char::is_lowercase);
    let stop = |i: usize| is_full_stop(word(i));
    let mut breaks = line_starts(text, tokens);
    for k in 2..breaks.len() {
        let upper = || word(k).chars().next().is_some_and(char::is_uppercase);
        // "el PT. AMLO visitó": an acronym's stop, then a name and a content word in lower case.
        let acronym = || word(k - 2).chars().count() >= 2 && word(k - 2).chars().all(|c| c.is_uppercase());
        let prose_after = || k + 1 < breaks.len() && lower(k + 1) && !lang.data().is_stop_word(word(k + 1));
        let certain = || lower(k - 2) || lang.data().is_stop_word(&word(k).to_lowercase()) || acronym() && prose_after();
        if starts[k] && stop(k - 1) && upper() && certain() {
            breaks[k] = true;
        }
    }
    breaks
}

/// A token that ends a sentence: ".", "!", "?" or "…".
fn is_full_stop(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "…")
}

/// A mention never ends with the stop that ends its sentence ("el PT."
/// before "AMLO visitó", where the decoder breaks); one that is only a stop goes.
fn trim_final_stops<'t>(spans: &mut Vec<(usize, usize, Label)>, breaks: &[bool], word: impl Fn(usize) -> &'t str) {
    let stop = |i: usize| is_full_stop(word(i));
    for (s, e, _) in spans.iter_mut() {
        while *e > *s && stop(*e - 1) && breaks.get(*e).map_or(true, |&b| b) {
            *e -= 1;
        }
    }
    spans.retain(|(s, e, _)| e > s);
}

/// Which tokens begin a line (the first token, and any with a line break
/// before it). Viterbi decodes line by line: a sentence boundary found by the
/// tokenizer is a feature, not a hard break, so that a name the splitter cuts
/// ("Ministerio de Minas. Energía" in CoNLL-2002) can still be one entity.
pub fn line_starts(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut breaks = vec![false; tokens.len()];
    for i in 1..tokens.len() {
        let gap = text.get(tokens[i - 1].end..tokens[i].start).unwrap_or("");
        breaks[i] = gap.contains('\n');
    }
    if let Some(x) = breaks.first_mut() {
        *x = true;
    }
    breaks
}

/// Tags a document given as words with sentence-start flags; returns
/// `(start, end, label)` token spans. Shared by [`recognise`] and training.
pub fn tag_words(
    m: &Model,
    lang: Lang,
    words: &[&str],
    starts: &[bool],
    breaks: &[bool],
) -> Vec<(usize, usize, Label)> {
    // `starts`: sentence starts (features); `breaks`: starts of the segments
    // that Viterbi decodes separately.
    let mut fz = Featurizer::new(lang, &m.gazetteer);
    let mut df = DocFeatures::default();
    let Some(m2) = &m.next else {
        fz.document(words, starts, &mut df);
        return tag_features(m, &df, breaks);
    };
    // Features are consumed as they are made (never stored for the whole
    // document): one pass fills both stages' emissions.
    let (nt, nt2, n) = (m.tags.len(), m2.tags.len(), words.len());
    let mut em1 = vec![0f32; n * nt];
    let mut em2 = vec![0f32; n * nt2];
    fz.document_with(words, starts, &mut df, |i, f| {
        if let (Some(o1), Some(o2)) = (
            em1.get_mut(i * nt..(i + 1) * nt),
            em2.get_mut(i * nt2..(i + 1) * nt2),
        ) {
            m.emit_both(f, o1, o2);
        }
    });
    second_stage(m, m2, &df, em1, em2, breaks)
}

/// Decodes stage 1 from `em1`, adds the stage-2 features' scores to `em2`
/// (which holds stage 2's scores of the shared features) and decodes stage 2.
fn second_stage(
    m: &Model,
    m2: &Model,
    df: &DocFeatures,
    em1: Vec<f32>,
    mut em2: Vec<f32>,
    starts: &[bool],
) -> Vec<(usize, usize, Label)> {
    let nt2 = m2.tags.len();
    let path = decode_emissions(m, &em1, starts);
    drop(em1);
    let mut df2 = DocFeatures::default();
    stage2_input(m, df, &path, starts, false, &mut df2);
    for i in 0..df2.len() {
        if let Some(o) = em2.get_mut(i * nt2..(i + 1) * nt2) {
            m2.emit(df2.token(i), o);
        }
    }
    let path2 = decode_emissions(m2, &em2, starts);
    spans_of(m2, &path2, starts)
}

/// Runs Viterbi segment by segment; returns one tag index per token.
pub fn viterbi_doc(m: &Model, df: &DocFeatures, starts: &[bool]) -> Vec<usize> {
    viterbi_doc2(m, df, None, starts)
}

/// Like [`viterbi_doc`], with the emissions of `extra` features added (the
/// second stage's own features, kept apart from the shared first-stage ones).
pub fn viterbi_doc2(
    m: &Model,
    df: &DocFeatures,
    extra: Option<&DocFeatures>,
    starts: &[bool],
) -> Vec<usize> {
    let nt = m.tags.len();
    let n = df.len();
    let mut out = Vec::with_capacity(n);
    let mut em: Vec<f32> = Vec::new();
    let mut path = Vec::new();
    let end_ok = end_ok(m);
    for (s, e) in segments(n, starts) {
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
    }
    out
}

/// The segments of `n` tokens as `(start, end)` ranges: one begins at token 0
/// and at every token `i` with `starts[i]`.
pub(crate) fn segments(n: usize, starts: &[bool]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut s = 0;
    std::iter::from_fn(move || {
        if s >= n {
            return None;
        }
        let mut e = s + 1;
        while e < n && !starts.get(e).copied().unwrap_or(false) {
            e += 1;
        }
        let r = (s, e);
        s = e;
        Some(r)
    })
}

/// Which of the model's tags may end a segment.
pub(crate) fn end_ok(m: &Model) -> Vec<bool> {
    m.tags.iter().map(|&t| model::allowed_end(t, m.scheme)).collect()
}

/// Entity spans from per-token tags, never crossing a segment start.
pub fn spans_of<T: Copy + Into<usize>>(m: &Model, path: &[T], starts: &[bool]) -> Vec<(usize, usize, Label)> {
    let n = path.len();
    let mut out = Vec::new();
    let mut tags = Vec::new();
    for (s, e) in segments(n, starts) {
        tags.clear();
        tags.extend(
            path[s..e]
                .iter()
                .map(|&k| m.tags.get(k.into()).copied().unwrap_or(model::Tag::O)),
        );
        out.extend(
            model::decode(&tags)
                .into_iter()
                .map(|(a, b, l)| (a + s, b + s, l)),
        );
    }
    out
}

/// First-stage output turned into second-stage features.
pub fn stage2_input(
    m: &Model,
    df: &DocFeatures,
    path: &[usize],
    starts: &[bool],
    with_base: bool,
    out: &mut DocFeatures,
) {
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

/// Viterbi over precomputed emissions (`n × ntags`), segment by segment.
fn decode_emissions(m: &Model, em: &[f32], starts: &[bool]) -> Vec<usize> {
    let nt = m.tags.len();
    let n = em.len() / nt.max(1);
    let mut out = Vec::with_capacity(n);
    let mut path = Vec::new();
    let end_ok = end_ok(m);
    for (s, e) in segments(n, starts) {
        model::viterbi(&em[s * nt..e * nt], nt, &m.trans, &end_ok, &mut path);
        out.extend_from_slice(&path);
    }
    out
}

/// Decodes featurised tokens, through both stages when the model has two.
pub fn tag_features(m: &Model, df: &DocFeatures, starts: &[bool]) -> Vec<(usize, usize, Label)> {
    match &m.next {
        None => spans_of(m, &viterbi_doc(m, df, starts), starts),
        Some(m2) => {
            // One pass over the shared features fills both stages' emissions.
            let nt = m.tags.len();
            let n = df.len();
            let mut em1 = vec![0f32; n * nt];
            let mut em2 = vec![0f32; n * m2.tags.len()];
            for i in 0..n {
                m.emit_both(
                    df.token(i),
                    &mut em1[i * nt..(i + 1) * nt],
                    &mut em2[i * m2.tags.len()..(i + 1) * m2.tags.len()],
                );
            }
            second_stage(m, m2, df, em1, em2, starts)
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
            Token {
                start: 0,
                end: 8,
                kind: TokenKind::Word,
                sentence: 0,
            },
            Token {
                start: 2,
                end: 400,
                kind: TokenKind::Word,
                sentence: 0,
            },
            Token {
                start: 9,
                end: 14,
                kind: TokenKind::Word,
                sentence: 7,
            },
        ];
        let sentences = vec![Sentence {
            start: 0,
            end: 999,
            tokens: 2..99,
        }];
        for lang in Lang::ALL {
            let _ = recognise(lang, text, &tokens, &sentences);
            let _ = recognise(lang, text, &[], &sentences);
            let _ = recognise(lang, "", &tokens, &[]);
        }
    }

    /// The mentions found in `text`, as (text, label).
    fn named(lang: Lang, text: &str) -> Vec<(String, Label)> {
        let toks = tokenize::tokenize(text, lang);
        run(lang, text)
            .iter()
            .map(|x| (text[toks[x.tokens.start].start..toks[x.tokens.end - 1].end].to_string(), x.label))
            .collect()
    }

    #[test]
    fn finds_names() {
        let es = "El presidente ruso Vladimir Putin llegó hoy a Madrid para reunirse con el Gobierno de España .";
        let got = named(Lang::Es, es);
        assert!(
            got.contains(&("Vladimir Putin".to_string(), Label::Per)),
            "{got:?}"
        );
        assert!(got.contains(&("Madrid".to_string(), Label::Loc)), "{got:?}");
        let en = "German Chancellor Helmut Kohl met Boris Yeltsin in Moscow on Tuesday , Reuters reported .";
        let got = named(Lang::En, en);
        for want in [
            ("Helmut Kohl", Label::Per),
            ("Boris Yeltsin", Label::Per),
            ("Moscow", Label::Loc),
            ("Reuters", Label::Org),
        ] {
            assert!(got.contains(&(want.0.to_string(), want.1)), "{got:?}");
        }
    }
}
