//! Annotations over tokens: entities and, as they land, dates, quantities,
//! quotes and keywords. Every span here is a UTF-8 byte range of the input.

pub mod calendar;
pub mod dates;
pub mod entities;
mod fractions;
pub mod keywords;
pub mod lexicon;
pub mod numbers;
pub mod patterns;
pub mod phrases;
mod pos;
mod propagate;
pub mod quantities;
pub mod quotes;

use crate::lang::{self, Detected, Lang};
use crate::ner::Label;
use crate::tokenize::{self, Sentence, Token};
use calendar::CivilDate;

/// Which layers to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Include {
    pub entities: bool,
    pub dates: bool,
    pub quantities: bool,
    pub quotes: bool,
    pub keywords: bool,
}

impl Default for Include {
    fn default() -> Self {
        Include { entities: true, dates: true, quantities: true, quotes: true, keywords: true }
    }
}

/// Options for [`extract`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `None` detects the language.
    pub lang: Option<Lang>,
    /// Anchors relative dates such as "el mes pasado".
    pub reference_date: Option<CivilDate>,
    pub include: Include,
}

/// A mention of a named entity. Mentions of one entity share `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub id: usize,
    /// The entity's name: its longest mention in the text.
    pub canonical: String,
}

/// Everything [`extract`] finds in one text.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The language used for analysis; `None` when detection found neither.
    pub lang: Option<Lang>,
    /// The tokens of a text analysed as one block (at most [`BLOCK_BYTES`]
    /// bytes, see [`blocks`]); empty for a longer text, which would need them
    /// all in memory at once.
    pub tokens: Vec<Token>,
    /// Byte spans; `tokens` ranges index the tokens of the whole text, in order.
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub dates: Vec<dates::DateSpan>,
    pub quantities: Vec<quantities::Quantity>,
    pub quotes: Vec<quotes::Quote>,
    pub keywords: Vec<keywords::Keyword>,
}

/// How many key phrases [`extract`] returns.
pub const KEYWORD_LIMIT: usize = 10;

/// The language to analyse `text` in: the one asked for, else the detected
/// one, else Spanish for the language-free layers (the second value, the
/// language reported, is then `None`).
pub fn resolve_lang(text: &str, asked: Option<Lang>) -> (Lang, Option<Lang>) {
    match asked {
        Some(l) => (l, Some(l)),
        None => match lang::detect(text) {
            Detected::Known(l) => (l, Some(l)),
            Detected::Unknown => (Lang::Es, None),
        },
    }
}

/// The mentions the tagger finds in one block of text, as byte spans of it.
fn mentions(
    tagger: &mut crate::ner::Tagger,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    lang: Lang,
) -> Vec<(usize, usize, Label)> {
    let found = tagger.recognise(lang, text, tokens, sentences);
    propagate::propagate(text, tokens, found)
        .into_iter()
        .filter_map(|m| {
            let first = tokens.get(m.tokens.start)?;
            let last = tokens.get(m.tokens.end.checked_sub(1)?)?;
            Some((first.start, last.end, m.label))
        })
        .collect()
}

/// Texts longer than this many bytes are analysed block by block (see
/// [`blocks`]), so that tokens, tagger features and layer state exist for one
/// block at a time: memory stays proportional to the block, not the text.
pub const BLOCK_BYTES: usize = 64 * 1024;

/// Cuts `text` into consecutive blocks of at least `size` bytes (the last may
/// be shorter), each ending just after a line break: a paragraph break (an
/// empty line) within `size` bytes past the minimum if there is one, else the
/// first line break within `4 * size` bytes, else (one very long line) just
/// after the first space or tab. A text of at most `2 * size` bytes, or a rest
/// with nowhere to cut, is one block: a block never splits a word.
pub fn blocks(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let size = size.max(1);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while text.len() - from > 2 * size {
        let min = from + size;
        let window = |n: usize| &bytes[min..(min + n).min(text.len())];
        let para = window(size).windows(2).position(|w| w == b"\n\n").map(|k| min + k + 2);
        let para = para.or_else(|| window(size).windows(4).position(|w| w == b"\r\n\r\n").map(|k| min + k + 4));
        // After the line break, the rest of a run of them (a paragraph break).
        let line = || {
            let at = window(4 * size).iter().position(|&b| b == b'\n')? + min;
            Some(at + bytes[at..].iter().take_while(|&&b| b == b'\n' || b == b'\r').count())
        };
        let space = || bytes[min..].iter().position(|&b| b == b' ' || b == b'\t').map(|k| min + k + 1);
        let Some(cut) = para.or_else(line).or_else(space) else { break };
        if cut >= text.len() {
            break;
        }
        out.push(from..cut);
        from = cut;
    }
    out.push(from..text.len());
    out
}

fn shift_sentence(s: &Sentence, bytes: usize, tokens: usize) -> Sentence {
    Sentence { start: s.start + bytes, end: s.end + bytes, tokens: s.tokens.start + tokens..s.tokens.end + tokens }
}

/// Runs the whole pipeline on `text`.
pub fn extract(text: &str, opts: &Options) -> Extraction {
    extract_in_blocks(text, opts, BLOCK_BYTES)
}

/// Builds the language's tables (model, lexicon, stop words, places), which
/// live until the page closes, before the call allocates anything of its own.
/// Built halfway through the first call instead, they would sit between its
/// temporaries, and later calls of the same size, finding no hole large
/// enough, would grow wasm memory (bench/README.md has the measurement).
fn build_tables(lang: Lang, need_entities: bool, need_layers: bool) {
    if need_entities {
        crate::ner::model(lang);
        entities::places(lang);
    }
    if need_layers {
        lexicon::compiled(lang);
        keywords::quick_stops(lang);
    }
}

/// [`extract`] with blocks of `block` bytes (see [`blocks`]); a text that is
/// one block gets exactly what a blockless pipeline would find. Across
/// blocks, entity ids and canonical names are document-wide (mentions are
/// grouped once, over the whole text), keyword statistics are counted over
/// the whole text, and every span is an offset of the whole text; what the
/// tagger, dates, quantities and quotes see is one block, so a quote left
/// open at a block's end is not found.
pub fn extract_in_blocks(text: &str, opts: &Options, block: usize) -> Extraction {
    let (lang, reported) = resolve_lang(text, opts.lang);
    let mut inc = opts.include;
    if reported.is_none() {
        // Text in a language Lupa does not know (and none was asked for):
        // only the layers that need no language model, tokens, sentences
        // and numbers in digits, rather than Spanish guesses.
        (inc.entities, inc.dates, inc.quotes, inc.keywords) = (false, false, false, false);
    }
    let ranges = blocks(text, block);
    // Quotes link their speakers to entities, and a key phrase is one per
    // entity, so both need the entities even when the caller did not ask for them.
    let need_entities = inc.entities || inc.quotes || inc.keywords;
    let need_layers = inc.dates || inc.quantities || inc.quotes || inc.keywords;
    build_tables(lang, need_entities, need_layers);

    // Pass 1: sentences and entity mentions, block by block.
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut found: Vec<(usize, usize, Label)> = Vec::new();
    let mut token_base = 0;
    // A text of one block keeps its tokens for pass 2. Pass 2 cuts the
    // pieces of the others from their opaque tokens, kept here (a few per block).
    let mut kept: Option<(Vec<Token>, Vec<Sentence>)> = None;
    let mut opaque: Vec<Vec<std::ops::Range<usize>>> = Vec::new();
    // One tagger for all blocks: it keeps the words it has seen.
    let mut tagger = crate::ner::Tagger::default();
    for r in &ranges {
        let b = &text[r.clone()];
        let tokens = tokenize::tokenize(b, lang);
        let local = tokenize::sentences(&tokens);
        if need_entities {
            found.extend(mentions(&mut tagger, b, &tokens, &local, lang).into_iter().map(|(s, e, l)| (s + r.start, e + r.start, l)));
        }
        sentences.extend(local.iter().map(|s| shift_sentence(s, r.start, token_base)));
        token_base += tokens.len();
        if ranges.len() == 1 {
            kept = Some((tokens, local));
        } else if need_layers {
            opaque.push(tokens.iter().filter(|t| t.kind.is_opaque()).map(|t| t.start..t.end).collect());
        }
    }
    drop(tagger);
    let entities = if need_entities { entities::group(text, &found, lang) } else { Vec::new() };
    drop(found);

    // Pass 2: the other layers, block by block, on pieces shared by all of them.
    let mut dates_out = Vec::new();
    let mut quantities_out = Vec::new();
    let mut quotes_out = Vec::new();
    let mut keywords = inc.keywords.then(|| keywords::Keywords::new(lang));
    if need_layers {
        for (k, r) in ranges.iter().enumerate() {
            let b = &text[r.clone()];
            let off = r.start;
            // The block's sentences: those of pass 1 (no block is tokenized
            // twice), which lie within the block, as spans of the whole text.
            let (local, shift) = match &kept {
                Some((_, s)) => (&s[..], 0),
                None => {
                    let lo = sentences.partition_point(|s| s.start < r.start);
                    let hi = sentences.partition_point(|s| s.start < r.end);
                    (&sentences[lo..hi], off)
                }
            };
            let lx = block_pieces(text, r, kept.as_ref().map(|(t, _)| &t[..]), opaque.get(k));
            let dates =
                if inc.dates || inc.quantities { dates::find_dates_in(b, &lx, lang, opts.reference_date) } else { Vec::new() };
            if inc.quantities {
                let found = quantities::find_quantities_in(b, &lx, lang, &dates);
                quantities_out.extend(found.into_iter().map(|mut q| {
                    q.start += off;
                    q.end += off;
                    q
                }));
            }
            if inc.quotes {
                quotes_out.extend(block_quotes(b, r, &lx, (local, shift), lang, &entities));
            }
            if let Some(k) = keywords.as_mut() {
                k.add_block(b, off, &lx, block_entities(&entities, r));
            }
            if inc.dates {
                dates_out.extend(dates.into_iter().map(|mut d| {
                    d.start += off;
                    d.end += off;
                    d
                }));
            }
        }
    }
    let keywords = keywords.map_or_else(Vec::new, |k| k.finish(text, KEYWORD_LIMIT));
    Extraction {
        lang: reported,
        tokens: kept.map_or_else(Vec::new, |(t, _)| t),
        sentences,
        entities: if inc.entities { entities } else { Vec::new() },
        dates: dates_out,
        quantities: quantities_out,
        quotes: quotes_out,
        keywords,
    }
}

/// The pieces of the block `r` of `text`: from its tokens when the text is
/// one block, else from the block's opaque token ranges.
fn block_pieces(
    text: &str,
    r: &std::ops::Range<usize>,
    tokens: Option<&[Token]>,
    opaque: Option<&Vec<std::ops::Range<usize>>>,
) -> Vec<tokenize::pieces::Piece> {
    let b = &text[r.clone()];
    let mut lx = match tokens {
        Some(t) => tokenize::pieces::pieces(b, t),
        None => tokenize::pieces::pieces_around(b, opaque.map_or(&[][..], |o| &o[..]), b.len() / 5),
    };
    // The first piece follows a line break if the text before it has one
    // (the block alone cannot tell).
    if let Some(first) = lx.first_mut() {
        let at = r.start + first.start;
        let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || c.is_control());
        first.newline_before = text[before.len()..at].contains(['\n', '\r', '\u{2029}']);
    }
    lx
}

/// The entity mentions that lie in the block `r`, as spans of the whole text.
fn block_entities<'a>(entities: &'a [Entity], r: &std::ops::Range<usize>) -> &'a [Entity] {
    let lo = entities.partition_point(|e| e.start < r.start);
    let hi = entities.partition_point(|e| e.start < r.end);
    &entities[lo..hi]
}

/// The entities of a text analysed as one block, from its tokens and
/// sentences (for callers of one layer that have no [`Extraction`]).
pub(crate) fn entities_of(text: &str, tokens: &[Token], sentences: &[Sentence], lang: Lang) -> Vec<Entity> {
    let mut tagger = crate::ner::Tagger::default();
    let found = mentions(&mut tagger, text, tokens, sentences, lang);
    entities::group(text, &found, lang)
}

/// The quotes of block `b` (the range `r` of the text), as spans of the
/// whole text; `sentences` are the block's, shifted by the given bytes.
fn block_quotes(
    b: &str,
    r: &std::ops::Range<usize>,
    lx: &[tokenize::pieces::Piece],
    sentences: (&[Sentence], usize),
    lang: Lang,
    entities: &[Entity],
) -> Vec<quotes::Quote> {
    let off = r.start;
    // This block's entities, as spans of the block.
    let lo = entities.partition_point(|e| e.start < r.start);
    let hi = entities.partition_point(|e| e.start < r.end);
    let local: Vec<quotes::EntitySpan> = entities[lo..hi]
        .iter()
        .filter(|e| e.end <= r.end)
        .map(|e| quotes::EntitySpan { start: e.start - off, end: e.end - off, ..quotes::EntitySpan::of(e) })
        .collect();
    let mut found = quotes::find_quotes_in(b, lx, sentences.0, sentences.1, lang, &local);
    for q in &mut found {
        q.start += off;
        q.end += off;
        if let Some(s) = q.speaker.as_mut() {
            s.start += off;
            s.end += off;
            s.role = s.role.map(|(a, b)| (a + off, b + off));
        }
        q.cue = q.cue.map(|(s, e)| (s + off, e + off));
    }
    found
}
