//! The body of each fuzz target, as plain functions of the raw input, so that
//! libFuzzer (`fuzz_targets/`), the stable fallback (`drive fuzz --target`)
//! and the regression replay in `tests/properties.rs` run the same code.
//! (`super::` rather than `crate::`: properties.rs includes this crate as a module.)

use super::checks;
use lupa::api::LangOption;

/// Byte-level and public tokenizers, in every language setting.
pub fn tokenize(data: &[u8]) {
    let text = super::text(data);
    for lang in lupa::lang::Lang::ALL {
        checks::check_byte_tokens(&text, lang);
    }
    let u16s = checks::Utf16::new(&text);
    for lang in [LangOption::Es, LangOption::En, LangOption::Auto] {
        checks::check_tokens(&text, &u16s, &checks::tokenize_options(lang));
    }
}

/// `extract` in one language and every layer; without, then with, a reference date.
fn extract_in(lang: LangOption, data: &[u8]) {
    let text = super::text(data);
    let u16s = checks::Utf16::new(&text);
    checks::check_extract(&text, &u16s, &checks::extract_options(lang, None));
    checks::check_extract(&text, &u16s, &checks::extract_options(lang, Some("2023-10-15")));
}

pub fn extract_es(data: &[u8]) {
    extract_in(LangOption::Es, data)
}

pub fn extract_en(data: &[u8]) {
    extract_in(LangOption::En, data)
}

/// `extract` with options chosen by the first seven bytes: language (es, en,
/// auto), reference date (absent, real, or impossible: then it must be
/// refused with an error naming `referenceDate`) and the included layers.
pub fn extract_options(data: &[u8]) {
    let (head, rest) = super::split(data, 7);
    let text = super::text(rest);
    let (opts, valid) = super::extract_options(&head);
    if valid {
        checks::check_extract(&text, &checks::Utf16::new(&text), &opts);
    } else {
        let err = lupa::extract(&text, &opts).expect_err("an impossible referenceDate was accepted");
        assert!(err.0.contains("referenceDate"), "the error does not name the option: {err}");
    }
}

/// `highlight` with options from the first five bytes (layers, prefix, search
/// terms, stemming, reference date); the output is read back strictly and
/// parsed by html5ever: only text and <mark> elements with class and data-*
/// attributes, and the input's text.
pub fn highlight(data: &[u8]) {
    let (head, rest) = super::split(data, 5);
    let text = super::text(rest);
    checks::check_highlight(&text, &super::highlight_options(&head));
}

/// A pattern and a text together: the first byte chooses case and accent
/// folding, the first line of the rest is the pattern, the remainder the
/// text. A refused pattern is refused with an error that names it; an
/// accepted one gives non-empty matches that are exact UTF-16 spans of the
/// text, in order, with their groups inside them, and marks that read back
/// to the text.
pub fn patterns(data: &[u8]) {
    let (head, rest) = super::split(data, 1);
    let rest = super::text(rest);
    let (pattern, text) = rest.split_once('\n').unwrap_or((&rest, ""));
    let list = vec![lupa::api::PatternOption {
        name: "p".into(),
        pattern: pattern.into(),
        case_insensitive: Some(head[0] & 1 != 0),
        fold_accents: Some(head[0] & 2 != 0),
    }];
    let opts = lupa::api::ExtractOptions { include: Some(vec![]), patterns: Some(list.clone()), ..Default::default() };
    let x = match lupa::extract(text, &opts) {
        Ok(x) => x,
        Err(e) => {
            assert!(e.0.starts_with("invalid pattern `p` (patterns[0])"), "a refusal that does not name the pattern: {e}");
            return;
        }
    };
    let u16s = checks::Utf16::new(text);
    let mut last = 0;
    for m in &x.patterns {
        assert!(m.start < m.end && m.start >= last, "pattern match {}..{} empty or out of order", m.start, m.end);
        u16s.check("pattern match", m.start, m.end, &m.text);
        for g in &m.groups {
            assert!(m.start <= g.start && g.end <= m.end, "group {} outside its match", g.name);
            u16s.check("pattern group", g.start, g.end, &g.text);
        }
        last = m.start;
    }
    let include = Some(vec![lupa::api::HighlightLayer::Patterns, lupa::api::HighlightLayer::Dates]);
    checks::check_highlight(text, &lupa::api::HighlightOptions { include, patterns: Some(list), ..Default::default() });
}

/// Every target by name, in the order run.sh runs them.
pub const ALL: &[(&str, fn(&[u8]))] = &[
    ("tokenize", tokenize),
    ("extract_es", extract_es),
    ("extract_en", extract_en),
    ("extract_options", extract_options),
    ("highlight", highlight),
    ("patterns", patterns),
];

pub fn by_name(name: &str) -> Option<fn(&[u8])> {
    ALL.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}
