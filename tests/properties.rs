//! Property tests: every entry point, on arbitrary and on news-like hostile
//! text, keeps the invariants in `tests/fuzz/src/checks.rs` (spans inside the
//! text and matching its UTF-16 encoding, tokens covering every non-separator
//! once, highlight output that reads back to the input under a strict reader
//! and under an HTML5 parser, determinism) and never panics.
//!
//! `PROPTEST_CASES=N` sets the number of cases per property (default 64).
//! The saved fuzz regressions in `tests/testdata/fuzz-regressions/` are
//! replayed here too.
#![cfg(not(target_arch = "wasm32"))]

// The fuzz crate's library (checks, option decoding, target bodies), as a module.
#[path = "fuzz/src/lib.rs"]
#[allow(dead_code)]
mod lupa_fuzz;
use lupa_fuzz::checks;

use proptest::prelude::*;
use proptest::test_runner::Config;

/// Pieces of news text, chosen for the tokenizer's and extractors' edge cases.
const WORDS: &[&str] = &[
    "el", "la", "de", "que", "en", "y", "los", "del", "se", "por", "un", "con", "the", "of", "and", "to", "in", "said",
    "dijo", "afirmó", "según", "told", "reporters", "ayer", "hoy", "mañana", "yesterday", "today", "tomorrow",
    "lunes", "Monday", "enero", "marzo", "septiembre", "September", "May", "mayo", "el mes pasado", "last week",
    "hace dos años", "two years ago", "a las 15:30", "at 3 p.m.", "a.m.", "p.m.", "de 2023", "in 1999",
    "Vladimir Putin", "Putin", "Ana Klaar", "Unión Europea", "UE", "ONU", "Estados Unidos", "EE.UU.", "EE. UU.", "EE. UU", "EE.  UU.", "A. B. C. D. E. F. G. H.", "U.S.", "U.S.A.",
    "Nagorno-Karabaj", "Azerbaiyán", "Moscú", "Telefónica", "Sr.", "Sra.", "Dr.", "Mr.", "Mrs.", "etc.", "p.ej.",
    "don't", "O’Neill", "O'Brien", "l'Hospitalet", "#Elecciones2023", "@user_1", "@", "#", "https://example.com/a_(b)?q=1&r=2",
    "www.example.es.", "ana.perez@example.org", "presidente", "President", "POLITICO", "Occidente", "Turquía",
    "millones", "million", "euros", "dólares", "dollars", "por ciento", "percent", "kilómetros", "km", "kg",
    "primero", "segundo", "first", "tercer", "a", "A", "a.", "A.", "I.", "x",
];

const NUMBERS: &[&str] = &[
    "0", "1", "7", "23", "100.000", "1,000,000", "3,5", "3.5", "15:30", "1/10/2023", "2023-10-15", "10-15", "1.º",
    "1.ª", "2º", "17th", "1st", "22nd", "3rd", "1er", "2da", "5 %", "5%", "€5", "5 €", "$1.5", "US$ 3", "1,5 millones",
    "½", "²", "٣", "१२", "10.000.000.000.000.000.000", "99999999999999999999999", "1e10", "-3", "+34", "0,0001", "1..2",
    "3.", ".5", "1/0", "00:00", "24:60", "31/02/2023", "2023-02-29", "9999", "0000-00-00",
];

const PUNCT: &[&str] = &[
    ".", ",", ";", ":", "!", "?", "¿", "¡", "...", "…", "?!", "!!!", "«", "»", "“", "”", "„", "‘", "’", "\"", "'", "(", ")",
    "[", "]", "{", "}", "—", "–", "-", "‹", "›", "/", "\\", "*", "•", "·", "&", "<", ">", "<b>", "</mark>", "&amp;", "&#0;",
    "<script>alert(1)</script>", "\" onmouseover=\"x", "'><img src=x>", "%", "$", "€", "+", "=", "_", "|", "~", "^", "`",
];

const ODD: &[&str] = &[
    "😀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇪🇸", "🇺🇸🇪🇸", "🇪", "1️⃣", "#️⃣", "*️⃣", "©️", "®", "™", "↔", "⌚", "\u{FE0F}", "\u{20E3}",
    "\u{200D}", "\u{200C}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{FFFD}", "\u{0}", "\u{1}", "\u{7F}", "\u{85}", "\u{AD}",
    "\u{600}", "\u{61C}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{E000}", "\u{FFFE}", "\u{10FFFF}", "e\u{301}",
    "\u{301}", "n\u{303}\u{303}\u{303}", "A\u{30A}", "ﬁ", "ß", "İ", "ı", "Σ", "ς", "ǅ", "ᾈ", "한국어", "日本語。", "中文！",
    "العربية", "עברית", "ไทย", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝟙𝟚", "Ⅻ", "Ⓜ", "\u{3000}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{1680}",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "", "", "\n", "\r\n", "\r", "\n\n", "\t", "\u{A0}", "\u{200B}", "\u{2029}", "  ", "\u{FEFF}",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(str::to_owned)
}

/// One piece: a word, number, mark, odd character, any character, or a long run of one of them.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(WORDS),
        3 => pick(NUMBERS),
        3 => pick(PUNCT),
        2 => pick(ODD),
        1 => any::<char>().prop_map(String::from),
        1 => (prop_oneof![pick(WORDS), pick(NUMBERS), pick(PUNCT), pick(ODD)], 2..400usize).prop_map(|(p, n)| p.repeat(n)),
    ]
}

/// News-like text: pieces joined by spaces, nothing, line breaks or odd separators.
fn news() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), pick(SEPARATORS)), 0..80).prop_map(|parts| {
        parts.into_iter().flat_map(|(p, s)| [p, s]).collect()
    })
}

/// A dense soup of the characters the tokenizer treats specially.
fn soup() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ".,:;/-'’«»\"()!?…#@_%0123456789aAeÉzZ \n\r\u{301}\u{200D}\u{FE0F}\u{20E3}\u{200B}😀🇪ºª&<>\0"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(chars), 0..300).prop_map(|v| v.into_iter().collect())
}

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    Config { cases, max_shrink_iters: 2000, ..Config::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        checks::check_all(&text);
    }

    #[test]
    fn news_like(text in news()) {
        checks::check_all(&text);
    }

    #[test]
    fn dense_soup(text in soup()) {
        checks::check_all(&text);
    }

    #[test]
    fn highlight_options(
        text in news(),
        prefix in "[a-zA-Z0-9_-]{0,64}",
        labels in prop::sample::subsequence(vec!["PER", "ORG", "LOC", "MISC", "dates", "quantities", "quotes", "terms"], 0..=8),
        terms in prop::collection::vec("[a-zA-Záé\" <>&]{0,12}", 0..4),
        stem in any::<bool>(),
    ) {
        let include = labels.iter().map(|l| serde_json::from_value(serde_json::json!(l)).unwrap()).collect();
        let opts = lupa::HighlightOptions {
            include: Some(include),
            class_prefix: Some(prefix),
            terms: Some(terms),
            stem: Some(stem),
            ..Default::default()
        };
        checks::check_highlight(&text, &opts);
    }

    #[test]
    fn reference_dates(text in news(), y in 0i32..=9999, m in 1u32..=12, d in 1u32..=31) {
        let Some(date) = lupa::extract::calendar::CivilDate::new(y, m, d) else { return Ok(()) };
        let date = date.to_string();
        for lang in [lupa::api::LangOption::Es, lupa::api::LangOption::En] {
            checks::check_extract(&text, &checks::Utf16::new(&text), &checks::extract_options(lang, Some(&date)));
        }
    }
}

/// The escaper alone: reading it back gives its input, on any string.
#[test]
fn escape_round_trips() {
    proptest!(config(), |(text in any::<String>())| {
        let mut out = String::new();
        lupa::highlight::escape_into(&mut out, &text);
        let (back, classes) = checks::read_highlight(&out);
        prop_assert_eq!(back, text);
        prop_assert!(classes.is_empty());
    });
}

/// The renderer with arbitrary (even nonsensical) marks: output stays well
/// formed and reads back to the input.
#[test]
fn render_with_any_marks() {
    proptest!(config(), |(text in news(), raw in prop::collection::vec((0usize..400, 0usize..400, "[A-Za-z<>\"'&]{0,6}"), 0..12))| {
        let marks: Vec<lupa::highlight::Mark> = raw
            .into_iter()
            .map(|(a, b, class)| {
                let fix = |mut i: usize| { i = i.min(text.len()); while !text.is_char_boundary(i) { i -= 1; } i };
                lupa::highlight::Mark { start: fix(a), end: fix(b), class: class.clone(), data: vec![("x", class)] }
            })
            .collect();
        let html = lupa::highlight::render(&text, &marks, "p-");
        let (back, _) = checks::read_highlight(&html);
        prop_assert_eq!(&back, &text);
        prop_assert_eq!(checks::html5_text(&html), checks::html5_expected(&html));
    });
}

/// Every input saved under tests/testdata/fuzz-regressions/ (crashes found by
/// fuzzing, and hand-written adversarial strings) passes every check; one
/// named after a fuzz target (`crash-highlight-…`) also passes that target,
/// whose leading bytes may choose options that `check_all` never uses, and
/// so does an `adv-patterns-…` one (a pattern on its first line).
#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/fuzz-regressions");
    let mut n = 0;
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let result = std::panic::catch_unwind(|| checks::check_all(&text));
        assert!(result.is_ok(), "fuzz regression {} fails", path.display());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = name.split('-').next().unwrap_or("");
        if ["crash", "timeout", "oom", "adv"].contains(&kind) && (kind != "adv" || name.starts_with("adv-patterns-")) {
            let (target, run) = lupa_fuzz::targets::ALL
                .iter()
                .filter(|(t, _)| name[kind.len() + 1..].starts_with(&format!("{t}-")))
                .max_by_key(|(t, _)| t.len())
                .unwrap_or_else(|| panic!("{name}: no fuzz target by that name (crash-TARGET-…)"));
            let result = std::panic::catch_unwind(|| run(&bytes));
            assert!(result.is_ok(), "fuzz regression {name} fails in target {target}");
        }
        n += 1;
    }
    assert!(n > 0, "no regressions found in {}", dir.display());
}

/// Regression: a prepended concatenation mark (U+0600 ARABIC NUMBER SIGN)
/// forms one grapheme cluster with the character after it, even a space, and
/// the scanner took that space into a symbol token ("\u{600} ").
#[test]
fn prepended_mark_does_not_swallow_a_space() {
    let text = "x \u{600} y \u{600}\u{3000}z";
    let tokens = lupa::tokenize::tokenize(text, lupa::lang::Lang::Es);
    let texts: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(texts, ["x", "\u{600}", "y", "\u{600}", "z"]);
}

/// Regression: `Utf16Offsets` restarted from the start of the text on every
/// request behind its cursor, and the API converts each quote's speaker and
/// cue after the quote itself, so "Putin dijo: «sí». " 20,000 times took
/// 4.3 s (release) in `extract` against 0.2 s for the extraction proper.
/// It now walks back; this checks its answers in any order of requests.
#[test]
fn utf16_offsets_in_any_order() {
    proptest!(config(), |(text in news(), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..200))| {
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut map = lupa::text::offsets::Utf16Offsets::new(&text);
        for p in picks {
            let b = bounds[p.index(bounds.len())];
            prop_assert_eq!(map.to_utf16(b), text[..b].encode_utf16().count(), "byte {}", b);
        }
    });
    // Far jumps back, across many marks, in a long non-ASCII text.
    let text = "añ😀b«»\u{301} ".repeat(5000);
    let mut map = lupa::text::offsets::Utf16Offsets::new(&text);
    for b in [text.len(), 7, text.len() - 16, 3000, 35_000, 1, 0, 34_985, text.len()] {
        let b = (0..=b).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        assert_eq!(map.to_utf16(b), text[..b].encode_utf16().count(), "byte {b}");
    }
}
