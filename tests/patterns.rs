//! The `patterns` option: the caller's regular expressions, found with exact
//! UTF-16 spans and named groups, marked in highlights, and refused clearly
//! (naming the pattern, before any text is read) when bad.
#![cfg(not(target_arch = "wasm32"))]

use lupa::api::{ExtractOptions, HighlightOptions, PatternOption};

fn pattern(name: &str, pattern: &str) -> PatternOption {
    PatternOption { name: name.into(), pattern: pattern.into(), case_insensitive: None, fold_accents: None }
}

fn extract(text: &str, patterns: Vec<PatternOption>) -> Result<lupa::api::Extraction, lupa::Error> {
    lupa::extract(text, &ExtractOptions { include: Some(vec![]), patterns: Some(patterns), ..Default::default() })
}

/// (name, text, start, end) of each match, and its groups as (name, text, start, end).
type Found = Vec<(String, String, u32, u32, Vec<(String, String, u32, u32)>)>;

fn found(text: &str, patterns: Vec<PatternOption>) -> Found {
    extract(text, patterns)
        .unwrap()
        .patterns
        .into_iter()
        .map(|m| {
            let groups = m.groups.into_iter().map(|g| (g.name, g.text, g.start, g.end)).collect();
            (m.name, m.text, m.start, m.end, groups)
        })
        .collect()
}

fn s(x: &str) -> String {
    x.to_owned()
}

// A court report in the style of Mexican news (written for this test).
const CASE: &str = "😀 La Fiscalía abrió el Expediente 1234/2023 contra el exgobernador; \
el expediente 87/2024, de GONZÁLEZ, sigue abierto. Tel. 55 1234 5678.";

#[test]
fn case_numbers_with_named_groups_and_utf16_offsets() {
    let got = found(CASE, vec![pattern("expediente", r"Expediente (?<num>\d+)/(?<year>\d{4})")]);
    assert_eq!(
        got,
        [(
            s("expediente"),
            s("Expediente 1234/2023"),
            24,
            44,
            vec![(s("num"), s("1234"), 35, 39), (s("year"), s("2023"), 40, 44)]
        )]
    );
}

#[test]
fn case_insensitive_and_folded_patterns() {
    let ci = PatternOption { case_insensitive: Some(true), ..pattern("exp", r"EXPEDIENTE \d+/\d+") };
    let fold = PatternOption { fold_accents: Some(true), ..pattern("persona", r"\bgonzalez\b|fiscalia") };
    let phone = pattern("telefono", r"\b\d{2} \d{4} \d{4}\b");
    let got: Vec<(String, String, u32, u32)> =
        found(CASE, vec![ci, fold, phone]).into_iter().map(|(n, t, s, e, _)| (n, t, s, e)).collect();
    assert_eq!(
        got,
        [
            (s("persona"), s("Fiscalía"), 6, 14),
            (s("exp"), s("Expediente 1234/2023"), 24, 44),
            (s("exp"), s("expediente 87/2024"), 72, 90),
            (s("persona"), s("GONZÁLEZ"), 95, 103),
            (s("telefono"), s("55 1234 5678"), 125, 137),
        ]
    );
}

#[test]
fn folded_matches_cover_decomposed_accents() {
    // "González" with a combining acute accent (NFD), as some CMSs store it.
    let text = "Lo dijo Gonza\u{301}lez.";
    let got = found(text, vec![PatternOption { fold_accents: Some(true), ..pattern("g", "González") }]);
    assert_eq!(got[0].1, "Gonza\u{301}lez");
    assert_eq!((got[0].2, got[0].3), (8, 17));
}

#[test]
fn highlight_marks_patterns_with_their_name() {
    let opts = HighlightOptions {
        include: Some(vec![lupa::api::HighlightLayer::Patterns]),
        patterns: Some(vec![pattern("ticker", r"\b[A-Z]{3,5}\b")]),
        ..Default::default()
    };
    let html = lupa::highlight("Las acciones de AMZN & <b>GOOG</b> suben.", &opts).unwrap();
    assert_eq!(
        html,
        "Las acciones de <mark class=\"lupa-pattern\" data-label=\"pattern\" data-pattern=\"ticker\">AMZN</mark> \
         &amp; &lt;b&gt;<mark class=\"lupa-pattern\" data-label=\"pattern\" data-pattern=\"ticker\">GOOG</mark>&lt;/b&gt; suben."
    );
    // A mark never ends inside "\r\n", which an HTML parser would read as two line breaks.
    let crlf = HighlightOptions { patterns: Some(vec![pattern("cr", "\r|a\r")]), ..opts.clone() };
    assert_eq!(
        lupa::highlight("a\r\nb", &crlf).unwrap(),
        "<mark class=\"lupa-pattern\" data-label=\"pattern\" data-pattern=\"cr\">a\r\n</mark>b"
    );
    // Without `include`, patterns are marked with every other layer.
    let all = HighlightOptions { patterns: opts.patterns.clone(), ..Default::default() };
    let html = lupa::highlight("Vladimir Putin habló de AMZN.", &all).unwrap();
    assert!(html.contains("data-pattern=\"ticker\">AMZN</mark>") && html.contains("lupa-PER"), "{html}");
}

#[test]
fn bad_patterns_are_refused_by_name_before_the_text_is_read() {
    let err = |patterns| extract("texto", patterns).unwrap_err().0;
    assert_eq!(
        err(vec![pattern("ok", "a"), pattern("caso", r"Expediente (\d+")]),
        "invalid pattern `caso` (patterns[1]): syntax error at position 11: unclosed group"
    );
    assert!(err(vec![pattern("big", r"\w{500}{500}")]).starts_with("invalid pattern `big` (patterns[0]): the pattern is too large"));
    // The engine has no Unicode case tables: `(?i)` is refused, pointing to the option.
    assert_eq!(
        err(vec![pattern("i", "(?i)x")]),
        "invalid pattern `i` (patterns[0]): syntax error at position 2: `(?i)` is not available here: \
         ask for a case-insensitive pattern in its options instead"
    );
    assert!(err(vec![pattern("", "x")]).starts_with("invalid option `patterns[0].name`"));
    assert!(err(vec![pattern("a", "x"), pattern("a", "y")]).contains("also the name of patterns[0]"));
    assert!(err(vec![pattern("e", "")]).contains("the pattern is empty"));
    let many: Vec<_> = (0..33).map(|i| pattern(&format!("p{i}"), "x")).collect();
    assert_eq!(err(many), "invalid option `patterns`: too many patterns: 33; the maximum is 32");
    // The patterns are compiled first: an oversized text gets the pattern's error, not the size's.
    let huge = "a".repeat(lupa::api::MAX_INPUT_BYTES + 1);
    assert!(extract(&huge, vec![pattern("x", "(")]).unwrap_err().0.starts_with("invalid pattern `x`"));
}

#[test]
fn patterns_parse_from_json_options_by_name() {
    let opts: Result<ExtractOptions, _> =
        lupa::api::parse_options(serde_json::json!({"patterns": [{"name": "a", "pattern": "x", "ignoreCase": true}]}));
    let e = opts.unwrap_err().0;
    assert!(e.starts_with("invalid option `patterns[0].ignoreCase`") || e.contains("unknown field `ignoreCase`"), "{e}");
}

#[test]
fn catastrophic_patterns_finish_with_the_right_matches() {
    // Each would backtrack exponentially in a JavaScript RegExp on this input.
    let text = format!("{}!", "a".repeat(50_000));
    assert_eq!(found(&text, vec![pattern("x", r"(a+)+$")]).len(), 0);
    assert_eq!(found(&text, vec![pattern("x", r"(a|aa)+b")]).len(), 0);
    let words = format!("{} ¿", "palabra ".repeat(10_000));
    let got = found(&words, vec![pattern("x", r"(\w+\s?)*$")]);
    assert_eq!(got.len(), 0, "no run of words reaches the end: the text ends in '¿'");
}
