//! UTF-16 conversion of the results, and the streaming forms that hand them
//! over chunk by chunk (token triples and records, extraction field by field)
//! so that a large result never exists twice.

use super::{check_size, compile_patterns, DateSpan, PatternFound, PatternGroup, DetectedLang, Entity, Error, ExtractOptions, ExtractionField, Keyword, Quantity, Quote, SentenceSpan, Speaker, TextSpan, TokenizeOptions};
use crate::extract;
use crate::extract::patterns::Engine;
use crate::lang::Lang;
use crate::text::offsets::Utf16Offsets;
use crate::tokenize;

/// Converts byte spans of one text to UTF-16 spans, taking each span's text.
pub(super) struct Spans<'a> {
    text: &'a str,
    map: Utf16Offsets<'a>,
}

impl<'a> Spans<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Spans { text, map: Utf16Offsets::new(text) }
    }
    pub(super) fn span(&mut self, start: usize, end: usize) -> (u32, u32) {
        (self.map.to_utf16(start) as u32, self.map.to_utf16(end) as u32)
    }
    pub(super) fn text(&self, start: usize, end: usize) -> String {
        self.text[start..end].to_owned()
    }
    pub(super) fn text_span(&mut self, start: usize, end: usize) -> TextSpan {
        let (s, e) = self.span(start, end);
        TextSpan { text: self.text(start, end), start: s, end: e }
    }
}

/// The compact form of [`tokenize`]: `[start, end, kind]` triples, UTF-16
/// offsets, `kind` an index into `word, number, punct, symbol, url, email,
/// hashtag, mention, emoji`.
pub fn token_spans(text: &str, opts: &TokenizeOptions) -> Result<Vec<u32>, Error> {
    let mut out: Vec<u32> = Vec::new();
    token_spans_each(text, opts, |chunk, total| {
        if out.is_empty() {
            // The first chunk gives the token rate.
            out.reserve_exact(total);
        }
        out.extend_from_slice(chunk)
    })?;
    Ok(out)
}

/// How many tokens [`token_spans_each`] and [`token_quads_each`] hand over at a time.
pub const TOKEN_CHUNK: usize = 16 * 1024;

/// [`token_spans`] in chunks of at most [`TOKEN_CHUNK`] triples, each passed
/// to `f` in order with an estimate of the whole output's length in u32s
/// (from the token rate so far; exact with the last chunk): written straight from the scanner, converting offsets on
/// the way (one forward pass over the text), into one small reused buffer,
/// so the whole result never exists on the Rust side.
pub fn token_spans_each(text: &str, opts: &TokenizeOptions, mut f: impl FnMut(&[u32], usize)) -> Result<(), Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    triples(text, lang, |buf, total| f(buf, total));
    Ok(())
}

/// [`token_spans`] as the filled chunks themselves, each of at most
/// [`TOKEN_CHUNK`] triples, in order: the wasm facade copies them into one
/// `Uint32Array` of the exact length, the only copy of the result.
pub fn token_spans_chunks(text: &str, opts: &TokenizeOptions) -> Result<Vec<Vec<u32>>, Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let mut chunks = Vec::new();
    triples(text, lang, |buf, _| chunks.push(std::mem::take(buf)));
    Ok(chunks)
}

/// The scan of [`token_spans`], writing triples into buffers of
/// [`TOKEN_CHUNK`] tokens: `full(buf, total)` gets each buffer when it is full
/// (and the last one), with the estimate of [`token_spans_each`], and may take
/// it (a fresh one follows) or leave it to be cleared and reused.
fn triples(text: &str, lang: crate::lang::Lang, mut full: impl FnMut(&mut Vec<u32>, usize)) {
    let mut map = Utf16Offsets::new(text);
    let mut buf: Vec<u32> = Vec::with_capacity(3 * TOKEN_CHUNK);
    let (mut count, mut done) = (0, 0);
    tokenize::scan_each(text, lang, |start, end, kind| {
        let s = map.to_utf16(start) as u32;
        let e = map.to_utf16(end) as u32;
        // Three pushes into a buffer that never grows (`extend_from_slice`
        // stays an out-of-line call at the wasm build's opt-level).
        buf.push(s);
        buf.push(e);
        buf.push(kind.code());
        count += 1;
        done = end;
        if buf.len() == 3 * TOKEN_CHUNK {
            full(&mut buf, 3 * tokenize::estimate(text.len(), done, count));
            if buf.capacity() == 0 {
                buf = Vec::with_capacity(3 * TOKEN_CHUNK);
            }
            buf.clear();
        }
    });
    if !buf.is_empty() {
        full(&mut buf, 3 * count);
    }
}

/// [`tokenize`] without the texts, in chunks of at most [`TOKEN_CHUNK`]
/// tokens passed to `f` in order: `[start, end, kind, sentence]` for every
/// token, UTF-16 offsets, `kind` as in [`token_spans`].
pub fn token_quads_each(text: &str, opts: &TokenizeOptions, mut f: impl FnMut(&[u32])) -> Result<(), Error> {
    token_records(text, opts, 4, |t, s, e, _| [s, e, t.kind.code(), t.sentence as u32, 0], &mut f)
}

/// No text id: the token's text is to be sliced from the caller's string.
pub const NO_TEXT_ID: u32 = u32::MAX;

/// Distinct token texts given ids by [`token_records_each`] (fewer for short
/// texts, see [`TextIds`]): the most frequent words of a language, which make
/// most of any text's tokens, come first.
const MAX_TEXT_IDS: usize = 32 * 1024;
/// Longer tokens (URLs, long numbers) rarely repeat.
const MAX_TEXT_ID_BYTES: usize = 24;

/// [`token_quads_each`] with a fifth number per token, `[start, end, kind,
/// sentence, text id]`: tokens of the same text share an id (numbered from 0
/// in order of first appearance), so that the JS facade slices each distinct
/// text once and shares the string (a JS string per token, and its garbage,
/// is most of building the objects). [`NO_TEXT_ID`] for a token to slice on
/// its own: a long one, one beyond the first [`MAX_TEXT_IDS`] distinct texts,
/// or one holding U+FFFD, which may stand for different lone surrogates of
/// the original string.
pub fn token_records_each(text: &str, opts: &TokenizeOptions, mut f: impl FnMut(&[u32])) -> Result<(), Error> {
    let maybe_lone = may_have_lone_surrogates(text);
    let mut ids = TextIds::new(text);
    token_records(
        text,
        opts,
        5,
        |t, s, e, text| {
            let id = if t.end - t.start > MAX_TEXT_ID_BYTES || (maybe_lone && text[t.start..t.end].contains('\u{FFFD}')) {
                NO_TEXT_ID
            } else {
                ids.id(t.start, t.end)
            };
            [s, e, t.kind.code(), t.sentence as u32, id]
        },
        &mut f,
    )
}

/// Whether `text`, as decoded from a JS string, may have had lone
/// surrogates, which arrive as U+FFFD: a byte search for its first byte
/// first, as `str::contains` of a non-ASCII char is a substring search.
pub fn may_have_lone_surrogates(text: &str) -> bool {
    text.as_bytes().contains(&0xEF) && text.contains('\u{FFFD}')
}

/// The ids of [`token_records_each`]: an open-addressing table probed with a
/// hash of a token's first and last eight bytes and its length. Each id keeps
/// those bytes, which are the whole token up to 16 bytes, so that nearly
/// every compare is of two words in a small table, not of the text far back
/// where the token first appeared. A hash map of `&str` took ~40 ns a token
/// in wasm.
struct TextIds<'t> {
    text: &'t [u8],
    /// Zero for an empty slot, else the hash's top 16 bits above `id + 1`.
    slots: Vec<u32>,
    /// Each id's key and its first token's start.
    keys: Vec<(Key, u32)>,
    /// At most half the slots are used.
    max_ids: usize,
}

/// A token's first and last eight bytes (overlapping; below eight, its first
/// and last four, or its first, middle and last byte) and its length: the
/// whole token up to 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key(u64, u64, u32);

impl<'t> TextIds<'t> {
    fn new(text: &'t str) -> Self {
        // Sized for the text's tokens, so a short text does not clear a large table.
        let slots = (2 * tokenize::estimate(text.len(), 0, 0)).clamp(64, 2 * MAX_TEXT_IDS).next_power_of_two();
        TextIds { text: text.as_bytes(), slots: vec![0; slots], keys: Vec::new(), max_ids: slots / 2 }
    }

    fn key(w: &[u8]) -> Key {
        let n = w.len();
        let u64_at = |k: usize| u64::from_le_bytes(w[k..k + 8].try_into().unwrap());
        // No `copy_from_slice` into a padded word: a small copy is a call in
        // wasm. Below eight bytes, overlapping loads cover every byte too.
        let u32_at = |k: usize| u32::from_le_bytes(w[k..k + 4].try_into().unwrap()) as u64;
        let (a, b) = match n {
            8.. => (u64_at(0), u64_at(n - 8)),
            4..=7 => (u32_at(0) | u32_at(n - 4) << 32, 0),
            1..=3 => (w[0] as u64 | (w[n / 2] as u64) << 8 | (w[n - 1] as u64) << 16, 0),
            0 => (0, 0),
        };
        Key(a, b, n as u32)
    }

    /// The id of the text at `start..end` (at most [`MAX_TEXT_ID_BYTES`]), or
    /// [`NO_TEXT_ID`] if it is new and the table full.
    fn id(&mut self, start: usize, end: usize) -> u32 {
        let w = &self.text[start..end];
        let key = Self::key(w);
        // A product's high bits depend on all of its input's bits: the slot
        // comes from the top, the tag from below it.
        let h = key.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key.1.rotate_left(29) ^ key.2 as u64;
        let h = (h ^ h >> 32).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        let tag = (h >> 16) as u32 & 0xFFFF;
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.slots.len().trailing_zeros())) as usize;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                if self.keys.len() >= self.max_ids {
                    return NO_TEXT_ID;
                }
                let id = self.keys.len() as u32;
                self.keys.push((key, start as u32));
                self.slots[i] = tag << 16 | (id + 1);
                return id;
            }
            if slot >> 16 == tag {
                let id = (slot & 0xFFFF) - 1;
                let (k, s) = self.keys[id as usize];
                // The middle bytes of a token of 17 to 24 bytes are not in its key.
                if k == key && (w.len() <= 16 || self.text[s as usize..s as usize + w.len()] == *w) {
                    return id;
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// The chunks of [`token_quads_each`] and [`token_records_each`]: the first
/// `width` numbers of `record(token, start, end, text)` for every token.
fn token_records<'t>(
    text: &'t str,
    opts: &TokenizeOptions,
    width: usize,
    mut record: impl FnMut(&tokenize::Token, u32, u32, &'t str) -> [u32; 5],
    f: &mut impl FnMut(&[u32]),
) -> Result<(), Error> {
    check_size(text)?;
    let (lang, _) = extract::resolve_lang(text, opts.lang.unwrap_or_default().lang());
    let mut map = Utf16Offsets::new(text);
    let mut buf: Vec<u32> = Vec::with_capacity(width * TOKEN_CHUNK.min(tokenize::estimate(text.len(), 0, 0)));
    // Straight from the scan, sentences numbered on the way: no token list.
    tokenize::tokenize_each(text, lang, |t| {
        let s = map.to_utf16(t.start) as u32;
        let e = map.to_utf16(t.end) as u32;
        let r = record(t, s, e, text);
        for &x in &r[..width] {
            buf.push(x);
        }
        if buf.len() == width * TOKEN_CHUNK {
            f(&buf);
            buf.clear();
        }
    });
    if !buf.is_empty() {
        f(&buf);
    }
    Ok(())
}

/// [`extract`] field by field, in the order of [`Extraction`]'s fields: each
/// layer is converted to UTF-16 spans and handed to `f` only when the layers
/// before it are, and its byte-offset form is freed as it is converted, so a
/// caller that passes each field on (to JS) never holds the whole result twice.
pub fn extract_fields(text: &str, opts: &ExtractOptions, f: impl FnMut(ExtractionField)) -> Result<(), Error> {
    extract_fields_with(text, opts, super::linked_engine(), f)
}

/// [`extract_fields`] with the given pattern engine (the browser's is a
/// module of its own). The patterns are compiled, or refused, first.
pub fn extract_fields_with(
    text: &str,
    opts: &ExtractOptions,
    engine: &dyn Engine,
    mut f: impl FnMut(ExtractionField),
) -> Result<(), Error> {
    let patterns = compile_patterns(&opts.patterns, engine)?;
    check_size(text)?;
    let x = extract::extract(text, &opts.resolve()?);
    let mut spans = Spans::new(text);
    f(ExtractionField::Lang(match x.lang {
        Some(Lang::Es) => DetectedLang::Es,
        Some(Lang::En) => DetectedLang::En,
        None => DetectedLang::Unknown,
    }));
    let extract::Extraction { sentences, entities, dates, quantities, quotes, keywords, .. } = x;
    f(ExtractionField::Sentences(
        sentences
            .into_iter()
            .map(|s| {
                let (start, end) = spans.span(s.start, s.end);
                SentenceSpan { start, end }
            })
            .collect(),
    ));
    f(ExtractionField::Entities(
        entities
            .into_iter()
            .map(|e| {
                let (start, end) = spans.span(e.start, e.end);
                Entity { text: spans.text(e.start, e.end), start, end, label: e.label.into(), id: e.id as u32, canonical: e.canonical }
            })
            .collect(),
    ));
    f(ExtractionField::Dates(
        dates
            .into_iter()
            .map(|d| {
                let TextSpan { text, start, end } = spans.text_span(d.start, d.end);
                DateSpan {
                    text,
                    start,
                    end,
                    kind: d.kind,
                    value: d.value,
                    end_value: d.end_value,
                    unresolved: d.unresolved.map(str::to_owned),
                }
            })
            .collect(),
    ));
    f(ExtractionField::Quantities(
        quantities
            .into_iter()
            .map(|q| {
                let TextSpan { text, start, end } = spans.text_span(q.start, q.end);
                Quantity { text, start, end, kind: q.kind, value: q.value, unit: q.unit, currency: q.currency.map(str::to_owned) }
            })
            .collect(),
    ));
    f(ExtractionField::Quotes(
        quotes
            .into_iter()
            .map(|q| {
                let TextSpan { text, start, end } = spans.text_span(q.start, q.end);
                let speaker = q.speaker.as_ref().map(|s| {
                    let TextSpan { text, start, end } = spans.text_span(s.start, s.end);
                    let role = s.role.map(|(a, b)| spans.text_span(a, b));
                    Speaker { text, start, end, entity: s.entity.map(|id| id as u32), role, via: s.via.as_str() }
                });
                let cue = q.cue.map(|(s, e)| spans.text_span(s, e));
                Quote { text, start, end, speaker, cue, scare: q.scare }
            })
            .collect(),
    ));
    f(ExtractionField::Keywords(
        keywords.into_iter().map(|k| Keyword { text: k.text, score: k.score, count: k.count as u32 }).collect(),
    ));
    let found = patterns.as_ref().map(|p| (p.find(text), p.specs())).unwrap_or_default();
    f(ExtractionField::Patterns(
        found
            .0
            .into_iter()
            .map(|m| {
                let TextSpan { text, start, end } = spans.text_span(m.start, m.end);
                let groups = m
                    .groups
                    .into_iter()
                    .map(|(name, s, e)| {
                        let TextSpan { text, start, end } = spans.text_span(s, e);
                        PatternGroup { name, text, start, end }
                    })
                    .collect();
                PatternFound { text, start, end, name: found.1[m.pattern].name.clone(), groups }
            })
            .collect(),
    ));
    Ok(())
}

