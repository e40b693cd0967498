//! The invariants every entry point keeps on any input, shared by the
//! property tests (`tests/properties.rs`, which includes this file) and the
//! fuzz targets (`tests/fuzz/fuzz_targets/`, through this crate).
//!
//! Every check panics with a message naming the broken invariant, so both
//! proptest (which shrinks) and libFuzzer (which saves the input) report it.

#![allow(dead_code)]

use lupa::api::{Entity, ExtractOptions, HighlightOptions, LangOption, TokenizeOptions};
use lupa::lang::Lang;

/// The tokenizer's separators: Unicode white space plus the invisible
/// separators it also skips (see `src/tokenize/chars.rs`).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The UTF-16 code units of `text`, to check offsets against.
pub struct Utf16 {
    units: Vec<u16>,
}

impl Utf16 {
    pub fn new(text: &str) -> Self {
        Utf16 { units: text.encode_utf16().collect() }
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Asserts that `[start, end)` lies in the text and decodes to `want`.
    pub fn check(&self, what: &str, start: u32, end: u32, want: &str) {
        let (s, e) = (start as usize, end as usize);
        assert!(s <= e && e <= self.units.len(), "{what}: UTF-16 span {s}..{e} outside 0..{}", self.units.len());
        let got = String::from_utf16(&self.units[s..e]);
        assert!(got.as_deref().ok() == Some(want), "{what}: UTF-16 span {s}..{e} gives {got:?}, the result says {want:?}");
    }

    pub fn slice(&self, start: u32, end: u32) -> String {
        String::from_utf16(&self.units[start as usize..end as usize]).expect("checked span")
    }
}

/// Spans in order, each non-empty, none overlapping the next.
fn sorted_disjoint(what: &str, spans: impl IntoIterator<Item = (usize, usize)>) {
    let mut prev_end = 0;
    for (i, (s, e)) in spans.into_iter().enumerate() {
        assert!(s < e, "{what} #{i}: empty or reversed span {s}..{e}");
        assert!(s >= prev_end, "{what} #{i}: span {s}..{e} starts before the previous one ends ({prev_end})");
        prev_end = e;
    }
}

/// Byte-level tokens (`lupa::tokenize::tokenize`): inside the text, on char
/// boundaries, in order, disjoint, separated only by separators, holding no
/// separator, with sentence indices that start at 0 and step by one.
pub fn check_byte_tokens(text: &str, lang: Lang) {
    let tokens = lupa::tokenize::tokenize(text, lang);
    let mut pos = 0;
    let mut sentence = 0;
    for (i, t) in tokens.iter().enumerate() {
        assert!(t.start < t.end && t.end <= text.len(), "token #{i}: span {}..{} in a text of {} bytes", t.start, t.end, text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "token #{i}: {}..{} not on char boundaries", t.start, t.end);
        assert!(t.start >= pos, "token #{i} at {} overlaps the previous token ending at {pos}", t.start);
        let gap = &text[pos..t.start];
        assert!(gap.chars().all(is_separator), "characters {gap:?} before token #{i} are in no token");
        let s = t.text(text);
        // The one token with a space inside: a spaced dotted acronym, "EE. UU.".
        let spaced_acronym = t.kind == lupa::tokenize::TokenKind::Word
            && s.ends_with('.')
            && s.char_indices().all(|(k, c)| !is_separator(c) || (c == ' ' && s[..k].ends_with('.')));
        assert!(spaced_acronym || !s.chars().any(is_separator), "token #{i} {s:?} holds a separator");
        if i == 0 {
            assert_eq!(t.sentence, 0, "the first token is in sentence {}", t.sentence);
        } else {
            assert!(t.sentence == sentence || t.sentence == sentence + 1, "token #{i}: sentence {} after {sentence}", t.sentence);
        }
        sentence = t.sentence;
        pos = t.end;
    }
    let tail = &text[pos..];
    assert!(tail.chars().all(is_separator), "characters {tail:?} at the end are in no token");
    // Sentences group the tokens without losing any.
    let sentences = lupa::tokenize::sentences(&tokens);
    let n: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    assert_eq!(n, tokens.len(), "sentences hold {n} tokens of {}", tokens.len());
    sorted_disjoint("byte sentence", sentences.iter().map(|s| (s.start, s.end)));
}

pub fn tokenize_options(lang: LangOption) -> TokenizeOptions {
    TokenizeOptions { lang: Some(lang) }
}

/// The public tokenizer: UTF-16 spans that decode to each token's text, in
/// order, disjoint, covering every non-separator; `token_spans` agrees.
pub fn check_tokens(text: &str, u16s: &Utf16, opts: &TokenizeOptions) -> Vec<lupa::api::Token> {
    let tokens = lupa::tokenize(text, opts).expect("tokenize refused an input under the size limit");
    let mut covered = 0usize; // UTF-16 units inside tokens
    for (i, t) in tokens.iter().enumerate() {
        u16s.check(&format!("token #{i}"), t.start, t.end, &t.text);
        covered += (t.end - t.start) as usize;
    }
    sorted_disjoint("token", tokens.iter().map(|t| (t.start as usize, t.end as usize)));
    let non_sep: usize = text.chars().filter(|c| !is_separator(*c)).map(char::len_utf16).sum();
    let sep_in_tokens: usize = tokens.iter().flat_map(|t| t.text.chars()).filter(|c| is_separator(*c)).count();
    assert_eq!(covered, non_sep + sep_in_tokens, "tokens cover {covered} UTF-16 units; the text has {non_sep} outside separators");
    let spans = lupa::token_spans(text, opts).expect("token_spans refused an input under the size limit");
    assert_eq!(spans.len(), tokens.len() * 3, "token_spans gives {} numbers for {} tokens", spans.len(), tokens.len());
    for (t, triple) in tokens.iter().zip(spans.chunks_exact(3)) {
        let kind = serde_json::to_value(t.kind).unwrap();
        let names = ["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"];
        assert!(triple[2] < 9 && kind == names[triple[2] as usize], "token_spans kind {} for a {kind} token", triple[2]);
        assert_eq!((triple[0], triple[1]), (t.start, t.end), "token_spans and tokenize disagree on {:?}", t.text);
    }
    tokens
}

fn check_entities(what: &str, u16s: &Utf16, entities: &[Entity], tokens: Option<&[lupa::api::Token]>) {
    for (i, e) in entities.iter().enumerate() {
        u16s.check(&format!("{what} entity #{i}"), e.start, e.end, &e.text);
        assert!(!e.text.trim().is_empty(), "{what} entity #{i} is blank: {:?}", e.text);
        assert!((e.id as usize) < entities.len(), "{what} entity #{i}: id {} for {} mentions", e.id, entities.len());
        assert!(
            entities.iter().any(|m| m.id == e.id && m.text == e.canonical),
            "{what} entity #{i}: canonical name {:?} is none of its mentions",
            e.canonical
        );
        if let Some(tokens) = tokens {
            let starts = tokens.iter().any(|t| t.start == e.start);
            let ends = tokens.iter().any(|t| t.end == e.end);
            assert!(starts && ends, "{what} entity #{i} {:?} ({}..{}) cuts a token", e.text, e.start, e.end);
        }
    }
    sorted_disjoint(&format!("{what} entity"), entities.iter().map(|e| (e.start as usize, e.end as usize)));
}

/// `extract`: sentences and every layer's spans decode to their text and lie
/// in order; the sentences are those of `tokenize` with the same language.
pub fn check_extract(text: &str, u16s: &Utf16, opts: &ExtractOptions) -> lupa::api::Extraction {
    let x = lupa::extract(text, opts).expect("extract refused valid options and an input under the size limit");
    sorted_disjoint("sentence", x.sentences.iter().map(|s| (s.start as usize, s.end as usize)));
    for (i, s) in x.sentences.iter().enumerate() {
        assert!(s.end as usize <= u16s.len(), "sentence #{i} ends at {} past the text ({})", s.end, u16s.len());
        let body = u16s.slice(s.start, s.end);
        assert!(!body.starts_with(is_separator) && !body.ends_with(is_separator), "sentence #{i} {body:?} has separators at an end");
    }
    let tokens = match opts.lang {
        Some(lang @ (LangOption::Es | LangOption::En)) => {
            let tokens = lupa::tokenize(text, &tokenize_options(lang)).unwrap();
            let n = tokens.last().map_or(0, |t| t.sentence as usize + 1);
            assert_eq!(x.sentences.len(), n, "extract finds {} sentences, tokenize {n}", x.sentences.len());
            for t in &tokens {
                let s = &x.sentences[t.sentence as usize];
                assert!(s.start <= t.start && t.end <= s.end, "token {:?} lies outside its sentence", t.text);
            }
            Some(tokens)
        }
        _ => None,
    };
    check_entities("extract", u16s, &x.entities, tokens.as_deref());
    check_layers(u16s, &x);
    x
}

/// Dates, quantities, quotes (with speakers and cues) and keywords: spans that
/// decode to their text, in order, and values a JSON consumer can read.
fn check_layers(u16s: &Utf16, x: &lupa::api::Extraction) {
    for (i, d) in x.dates.iter().enumerate() {
        u16s.check(&format!("date #{i}"), d.start, d.end, &d.text);
        assert!(d.start < d.end, "date #{i} is empty");
        for v in [&d.value, &d.end_value].into_iter().flatten() {
            assert!(!v.is_empty() && v.is_ascii(), "date #{i} {:?}: value {v:?}", d.text);
        }
    }
    for w in x.dates.windows(2) {
        assert!(w[0].start <= w[1].start, "dates out of order: {:?} before {:?}", w[0].text, w[1].text);
    }
    for (i, q) in x.quantities.iter().enumerate() {
        u16s.check(&format!("quantity #{i}"), q.start, q.end, &q.text);
        assert!(q.start < q.end, "quantity #{i} is empty");
        assert!(q.value.is_finite(), "quantity #{i} {:?} has value {} (JSON has no such number)", q.text, q.value);
    }
    for w in x.quantities.windows(2) {
        assert!(w[0].start <= w[1].start, "quantities out of order: {:?} before {:?}", w[0].text, w[1].text);
    }
    let ids = x.entities.iter().map(|e| e.id + 1).max().unwrap_or(0);
    for (i, q) in x.quotes.iter().enumerate() {
        u16s.check(&format!("quote #{i}"), q.start, q.end, &q.text);
        if let Some(s) = &q.speaker {
            u16s.check(&format!("quote #{i} speaker"), s.start, s.end, &s.text);
            assert!(s.start < s.end, "quote #{i} has an empty speaker");
            if let Some(id) = s.entity {
                assert!(id < ids || x.entities.is_empty(), "quote #{i}: speaker entity {id} of {ids}");
            }
        }
        if let Some(c) = &q.cue {
            u16s.check(&format!("quote #{i} cue"), c.start, c.end, &c.text);
            assert!(c.start < c.end, "quote #{i} has an empty cue");
        }
    }
    for (i, k) in x.keywords.iter().enumerate() {
        assert!(!k.text.trim().is_empty(), "keyword #{i} is blank");
        assert!(k.score.is_finite() && k.count >= 1, "keyword #{i} {:?}: score {}, count {}", k.text, k.score, k.count);
    }
}

/// Reads back `highlight` output strictly: our own `<mark class=… data-…=…>`
/// tags, text with `& < > " '` and NUL escaped and nothing else. Returns the
/// unescaped text and the classes of the marks.
pub fn read_highlight(html: &str) -> (String, Vec<String>) {
    let mut text = String::with_capacity(html.len());
    let mut classes = Vec::new();
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("</mark>") {
            assert!(depth > 0, "a </mark> closes nothing at byte {}", html.len() - rest.len());
            depth -= 1;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("<mark ") {
            let close = after.find('>').expect("an unclosed <mark tag");
            let attrs = &after[..close];
            let mut names = Vec::new();
            let mut a = attrs;
            loop {
                let eq = a.find("=\"").unwrap_or_else(|| panic!("attribute without a quoted value in {attrs:?}"));
                let name = &a[..eq];
                let value_end = a[eq + 2..].find('"').unwrap_or_else(|| panic!("unterminated attribute in {attrs:?}"));
                let value = &a[eq + 2..eq + 2 + value_end];
                assert!(!value.contains(['<', '>', '\'', '\0']), "raw markup characters in attribute {name}={value:?}");
                assert!(
                    name == "class" || (name.starts_with("data-") && name[5..].bytes().all(|b| b.is_ascii_lowercase() || b == b'-')),
                    "attribute {name:?} on a mark"
                );
                if name == "class" {
                    classes.push(value.to_owned());
                }
                names.push(name);
                a = &a[eq + 2 + value_end + 1..];
                if a.is_empty() {
                    break;
                }
                a = a.strip_prefix(' ').unwrap_or_else(|| panic!("attributes not separated by one space in {attrs:?}"));
            }
            assert_eq!(names.first(), Some(&"class"), "a mark without a class first: {attrs:?}");
            depth += 1;
            rest = &after[close + 1..];
        } else if c == '&' {
            let (rep, len) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&#0;", '\0')]
                .iter()
                .find(|(e, _)| rest.starts_with(e))
                .map(|(e, ch)| (*ch, e.len()))
                .unwrap_or_else(|| panic!("unknown entity at {:?}", &rest[..rest.len().min(12)]));
            text.push(rep);
            rest = &rest[len..];
        } else {
            assert!(!matches!(c, '<' | '>' | '"' | '\'' | '\0'), "raw {c:?} in highlight text at byte {}", html.len() - rest.len());
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    assert_eq!(depth, 0, "{depth} marks left open");
    (text, classes)
}

/// What an HTML5 parser makes of `text` escaped as ours: CR and CRLF become
/// LF (input stream preprocessing), `&#0;` becomes U+FFFD (the character
/// reference rules), and html5ever drops one leading U+FEFF (a byte order
/// mark; its `discard_bom` option, on by default).
pub fn html5_normalised(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\0', "\u{FFFD}")
}

/// What an HTML5 parser should read from `html`, computed from `html` itself:
/// for markup whose tags may fall between a CR and an LF (the renderer with
/// arbitrary marks), where the parser sees two line breaks, not one.
pub fn html5_expected(html: &str) -> String {
    let html = html.strip_prefix('\u{FEFF}').unwrap_or(html);
    let (text, _) = read_highlight(&html.replace("\r\n", "\n").replace('\r', "\n"));
    text.replace('\0', "\u{FFFD}")
}

/// A short account of where two strings first differ, for failure messages.
pub fn first_difference(a: &str, b: &str) -> String {
    let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let around = |s: &str| -> String { s.chars().skip(at.saturating_sub(20)).take(40).collect() };
    format!("first difference at char {at}: {:?} vs {:?} (lengths {} and {} chars)", around(a), around(b), a.chars().count(), b.chars().count())
}

/// `text`, cut short for failure messages.
pub fn short(text: &str) -> String {
    let n = text.chars().count();
    if n <= 200 {
        format!("{text:?}")
    } else {
        format!("{:?}… ({n} chars)", text.chars().take(200).collect::<String>())
    }
}

/// Parses `html` as an HTML5 fragment in `<body>` (html5ever, through
/// scraper) and asserts it holds only text and `<mark>` elements with only
/// `class` and `data-*` attributes; returns its text content.
pub fn html5_text(html: &str) -> String {
    use scraper::node::Node;
    let doc = scraper::Html::parse_fragment(html);
    let mut text = String::new();
    let root = doc.tree.root();
    for node in root.descendants() {
        match node.value() {
            Node::Document | Node::Fragment => {}
            Node::Text(t) => text.push_str(t),
            Node::Element(e) => {
                // The fragment parser's own wrapper is the one <html> under the root.
                let wrapper = e.name() == "html" && node.parent().is_some_and(|p| p.id() == root.id());
                assert!(wrapper || e.name() == "mark", "an HTML5 parser finds a <{}> element in highlight output", e.name());
                for (name, _) in e.attrs() {
                    assert!(name == "class" || name.starts_with("data-"), "an HTML5 parser finds attribute {name:?} on <{}>", e.name());
                }
            }
            other => panic!("an HTML5 parser finds a {other:?} node in highlight output"),
        }
    }
    text
}

/// `highlight`: strict read-back equals the input; an HTML5 parser sees only
/// text and marks, and the input's text (modulo its normalisations).
pub fn check_highlight(text: &str, opts: &HighlightOptions) -> String {
    let html = lupa::highlight(text, opts).expect("highlight refused valid options and an input under the size limit");
    let (back, classes) = read_highlight(&html);
    assert!(back == text, "highlight output does not read back to the input: {}\n input: {}\n html:  {}", first_difference(&back, text), short(text), short(&html));
    let prefix = opts.class_prefix.as_deref().unwrap_or("lupa-");
    for class in &classes {
        assert!(class.starts_with(prefix), "mark class {class:?} lacks the prefix {prefix:?}");
    }
    let parsed = html5_text(&html);
    let want = html5_normalised(text);
    assert!(parsed == want, "an HTML5 parser reads other text than the input: {}\n input: {}\n html:  {}", first_difference(&parsed, &want), short(text), short(&html));
    html
}

pub fn extract_options(lang: LangOption, reference_date: Option<&str>) -> ExtractOptions {
    ExtractOptions { lang: Some(lang), reference_date: reference_date.map(str::to_owned), include: None, patterns: None }
}

/// Every entry point, each run twice to check determinism.
pub fn check_all(text: &str) {
    let u16s = Utf16::new(text);
    for lang in [Lang::Es, Lang::En] {
        check_byte_tokens(text, lang);
    }
    for lang in [LangOption::Es, LangOption::En, LangOption::Auto] {
        let opts = tokenize_options(lang);
        let a = check_tokens(text, &u16s, &opts);
        assert!(a == lupa::tokenize(text, &opts).unwrap(), "tokenize is not deterministic");
    }
    for (lang, date) in [(LangOption::Es, None), (LangOption::En, Some("2023-10-15")), (LangOption::Auto, Some("2024-02-29"))] {
        let opts = extract_options(lang, date);
        let a = check_extract(text, &u16s, &opts);
        assert!(a == lupa::extract(text, &opts).unwrap(), "extract is not deterministic");
    }
    for opts in [
        HighlightOptions::default(),
        HighlightOptions {
            lang: Some(LangOption::En),
            include: Some(vec![lupa::api::HighlightLayer::PER, lupa::api::HighlightLayer::Terms]),
            class_prefix: Some("x_".into()),
            ..Default::default()
        },
        // Every layer, search terms (with a word of the hostile inputs, a multi-word one and markup) and stemming.
        HighlightOptions {
            lang: Some(LangOption::Es),
            reference_date: Some("2023-10-15".into()),
            terms: Some(vec!["a".into(), "vladimir putin".into(), "\"><script>".into(), "camión".into()]),
            stem: Some(true),
            ..Default::default()
        },
    ] {
        let a = check_highlight(text, &opts);
        assert!(a == lupa::highlight(text, &opts).unwrap(), "highlight is not deterministic");
    }
}

/// Distinct capitalised made-up words, "Kba", "Kce", … (never a real word's
/// spelling): the pathological "50,000 capitalised words" input.
pub fn names(n: usize) -> Vec<String> {
    let syll = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru"];
    (0..n)
        .map(|mut i| {
            let mut s = String::from("K");
            loop {
                s.push_str(syll[i % 10]);
                i /= 10;
                if i == 0 {
                    break s;
                }
            }
        })
        .collect()
}
