//! Runs the table-driven tokenizer cases in tests/testdata/tokenize.toml.

use lupa::lang::Lang;
use lupa::tokenize::{sentences, tokenize};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    lang: Option<String>,
    tokens: Option<Vec<String>>,
    kinds: Option<Vec<String>>,
    sentences: Option<Vec<String>>,
    utf16: Option<Vec<[u32; 2]>>,
}

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

fn run(case: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    let lang: Lang = case.lang.as_deref().unwrap_or("es").parse().unwrap();
    let text = &case.text;
    let tokens = tokenize(text, lang);
    let got: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    // Tokens tile the non-space text: every gap between them is white space.
    let mut pos = 0;
    for t in &tokens {
        let gap = &text[pos..t.start];
        if !gap.chars().all(|c| c.is_whitespace() || c == '\u{200b}') {
            failures.push(format!("characters {gap:?} before {:?} are in no token", t.text(text)));
        }
        pos = t.end;
    }
    if let Some(want) = &case.tokens {
        if got != *want {
            failures.push(format!("tokens\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    if let Some(want) = &case.kinds {
        let kinds: Vec<&str> = tokens.iter().map(|t| t.kind.as_str()).collect();
        if kinds != *want {
            failures.push(format!("kinds\n  got:  {kinds:?}\n  want: {want:?}"));
        }
    }
    if let Some(want) = &case.sentences {
        let got: Vec<&str> = sentences(&tokens).iter().map(|s| &text[s.start..s.end]).collect();
        if got != *want {
            failures.push(format!("sentences\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    if let Some(want) = &case.utf16 {
        let api = lupa::tokenize(text, &Default::default()).unwrap();
        let got: Vec<[u32; 2]> = api.iter().map(|t| [t.start, t.end]).collect();
        if got != *want {
            failures.push(format!("utf16\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    failures
}

#[test]
fn tokenizer_cases() {
    let data = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/testdata/tokenize.toml")).unwrap();
    let file: File = toml::from_str(&data).unwrap();
    assert!(file.case.len() >= 25);
    let mut report = String::new();
    for case in &file.case {
        for f in run(case) {
            report.push_str(&format!("\n[{}] {f}", case.name));
        }
    }
    assert!(report.is_empty(), "failing cases:{report}");
}

/// A text of more than one chunk of the JS hand-over, with characters of
/// one to four UTF-8 bytes.
fn long_text() -> String {
    let mut s = String::new();
    for i in 0..9000 {
        s.push_str(match i % 4 {
            0 => "Él dijo: «año 😀», ",
            1 => "y se fue. ",
            2 => "El 3,5 % en EE.UU.\n",
            _ => "https://example.com/x info@example.com #tag ",
        });
    }
    s
}

#[test]
fn token_spans_and_quads_in_chunks_equal_the_token_list() {
    let opts = lupa::TokenizeOptions::default();
    for text in [long_text(), String::new(), "  \n ".to_owned(), "¿Qué? 😀 100.000 #Karabaj".to_owned()] {
        let tokens = lupa::tokenize(&text, &opts).unwrap();
        let mut spans = Vec::new();
        let mut quads = Vec::new();
        let mut chunks = 0;
        let mut last_total = 0;
        lupa::api::token_spans_each(&text, &opts, |c, total| {
            assert!(!c.is_empty() && c.len() <= 3 * lupa::api::TOKEN_CHUNK);
            chunks += 1;
            spans.extend_from_slice(c);
            assert!(total >= spans.len(), "the estimate covers what was handed over");
            last_total = total;
        })
        .unwrap();
        assert_eq!(last_total, spans.len(), "the last chunk gives the exact length");
        lupa::api::token_quads_each(&text, &opts, |c| quads.extend_from_slice(c)).unwrap();
        assert_eq!(spans, lupa::token_spans(&text, &opts).unwrap());
        assert_eq!(chunks, tokens.len().div_ceil(lupa::api::TOKEN_CHUNK));
        let want: Vec<u32> = tokens.iter().flat_map(|t| [t.start, t.end, t.kind.code()]).collect();
        assert_eq!(spans, want);
        let want: Vec<u32> = tokens.iter().flat_map(|t| [t.start, t.end, t.kind.code(), t.sentence]).collect();
        assert_eq!(quads, want);
    }
    assert!(lupa::tokenize(&long_text(), &opts).unwrap().len() > 2 * lupa::api::TOKEN_CHUNK);
}

#[test]
fn token_spans_refuse_what_tokenize_refuses() {
    let big = "a ".repeat(lupa::api::MAX_INPUT_BYTES / 2 + 1);
    let opts = lupa::TokenizeOptions::default();
    assert!(lupa::token_spans(&big, &opts).is_err());
    assert!(lupa::api::token_spans_each(&big, &opts, |_, _| panic!("no chunk for a refused input")).is_err());
    assert!(lupa::api::token_quads_each(&big, &opts, |_| panic!("no chunk for a refused input")).is_err());
}
