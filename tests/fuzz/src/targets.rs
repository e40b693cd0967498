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

/// Every target by name, in the order run.sh runs them.
pub const ALL: &[(&str, fn(&[u8]))] = &[
    ("tokenize", tokenize),
    ("extract_es", extract_es),
    ("extract_en", extract_en),
    ("extract_options", extract_options),
    ("highlight", highlight),
];

pub fn by_name(name: &str) -> Option<fn(&[u8])> {
    ALL.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}
