//! Pathological inputs finish with sane results, the work they cost grows
//! linearly, oversized input is refused, and bad options are refused with a
//! message naming the option.
//!
//! No clocks: linearity is checked on deterministic proxies, the number of
//! tokens and the heap allocations (calls and bytes, counted per thread) made
//! for an input of size n against one of size 2n. Wall-clock scaling is
//! measured by `tests/fuzz/drive scale` instead.
#![cfg(not(target_arch = "wasm32"))]

#[path = "fuzz/src/checks.rs"]
mod checks;

use lupa::api::{self, ExtractOptions, HighlightOptions, TokenizeOptions, MAX_INPUT_BYTES};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

// ---- a per-thread allocation counter -----------------------------------------

struct Counting;

thread_local! {
    static CALLS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

fn count(size: usize) {
    let _ = CALLS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|b| b.set(b.get() + size as u64));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocation calls and bytes made by `f` on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> (u64, u64, R) {
    let (c0, b0) = (CALLS.with(Cell::get), BYTES.with(Cell::get));
    let r = f();
    (CALLS.with(Cell::get) - c0, BYTES.with(Cell::get) - b0, r)
}

fn es() -> TokenizeOptions {
    TokenizeOptions { lang: Some(api::LangOption::Es) }
}

fn extract_es() -> ExtractOptions {
    ExtractOptions { lang: Some(api::LangOption::Es), reference_date: Some("2023-10-15".into()), include: None, patterns: None }
}

fn highlight_es() -> HighlightOptions {
    HighlightOptions { lang: Some(api::LangOption::Es), ..Default::default() }
}

/// The number of tokens, sentences and entities of `text` through every entry
/// point, checking that highlight output reads back to the input.
fn run_all(text: &str) -> (usize, usize, usize) {
    let spans = lupa::token_spans(text, &es()).unwrap();
    let x = lupa::extract(text, &extract_es()).unwrap();
    let html = lupa::highlight(text, &highlight_es()).unwrap();
    let (back, _) = checks::read_highlight(&html);
    assert!(back == text, "highlight output does not read back: {}", checks::first_difference(&back, text));
    (spans.len() / 3, x.sentences.len(), x.entities.len())
}

/// Asserts that the work for `make(2n)` is at most about twice that for
/// `make(n)`: token counts exactly proportional when `tokens_per_unit` is
/// given, allocation calls and bytes within a factor of 3 (4 is quadratic).
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String, tokens_per_unit: Option<usize>) {
    let (small, large) = (make(n), make(2 * n));
    run_all(&make(1)); // warm up lazily built tables
    let (c1, b1, r1) = allocations(|| run_all(&small));
    let (c2, b2, r2) = allocations(|| run_all(&large));
    if let Some(k) = tokens_per_unit {
        assert_eq!((r1.0, r2.0), (k * n, 2 * k * n), "{name}: token counts for n and 2n");
    }
    assert!(r2.0 <= 2 * r1.0 + 2, "{name}: {} tokens for n, {} for 2n", r1.0, r2.0);
    let slack = 64; // constant costs: a few allocations of any input
    assert!(c2 <= 3 * c1 + slack, "{name}: {c1} allocations for n, {c2} for 2n: superlinear");
    assert!(b2 <= 3 * b1 + (slack << 10), "{name}: {b1} bytes allocated for n, {b2} for 2n: superlinear");
}

// ---- pathological inputs ------------------------------------------------------

const MB: usize = 1 << 20;

#[test]
fn ten_megabytes_of_one_character() {
    // (character, tokens expected in its 10 MB run)
    let n = 10 * MB;
    let cases: [(char, Option<usize>); 7] = [
        ('a', Some(1)),      // one word
        ('1', Some(1)),      // one number
        ('.', Some(1)),      // one run of periods
        (' ', Some(0)),      // nothing but separators
        ('\n', Some(0)),
        ('😀', Some(n / 4)), // one emoji each
        ('«', Some(n / 2)),  // one quote each
    ];
    for (c, want) in cases {
        let text: String = std::iter::repeat(c).take(n / c.len_utf8()).collect();
        let spans = lupa::token_spans(&text, &es()).unwrap();
        if let Some(want) = want {
            assert_eq!(spans.len() / 3, want, "10 MB of {c:?}: tokens");
        }
        if let Some(last) = spans.chunks_exact(3).last() {
            assert_eq!(last[1] as usize, text.encode_utf16().count(), "10 MB of {c:?}: the last token ends the text");
        }
        // Every layer: on all 10 MB for a letter, on 1 MB for the rest (debug builds are slow).
        let text = if c == 'a' { text } else { text[..MB - MB % c.len_utf8()].to_owned() };
        let (tokens, sentences, entities) = run_all(&text);
        if let Some(w) = want {
            let w = if c == 'a' || w <= 1 { w } else { w / 10 };
            assert!(tokens.abs_diff(w) <= w / 50 + 1, "{c:?}: {tokens} tokens, expected about {w}");
        }
        assert!(sentences <= tokens && entities <= tokens, "{c:?}: {sentences} sentences, {entities} entities, {tokens} tokens");
    }
}

#[test]
fn a_megabyte_without_spaces() {
    let piece = "Putin,dijo«hola»EE.UU.100.000€😀#tag@user_1a.b.(www.x.es)ana@b.es'—¿qué?!...";
    let text = piece.repeat(MB / piece.len());
    let tokens = lupa::tokenize(&text, &es()).unwrap();
    let covered: u32 = tokens.iter().map(|t| t.end - t.start).sum();
    assert_eq!(covered as usize, text.encode_utf16().count(), "tokens cover the whole text");
    assert!(tokens.len() > text.len() / piece.len() * 10, "{} tokens: too few", tokens.len());
    run_all(&text);
    // One long unbroken word of letters, marks and digits, and one of symbols.
    let word = "aé\u{301}1".repeat(MB / 6);
    assert_eq!(lupa::token_spans(&word, &es()).unwrap().len(), 3);
    let symbols = "+=|~^".repeat(MB / 5);
    assert_eq!(lupa::token_spans(&symbols, &es()).unwrap().len() / 3, symbols.len());
}

#[test]
fn a_hundred_thousand_nested_quotes() {
    let n = 100_000;
    for (open, close) in [("«", "»"), ("“", "”"), ("\"", "\""), ("(", ")"), ("‘", "’"), ("'", "'")] {
        let text = format!("{}Putin dijo que sí{}.", open.repeat(n), close.repeat(n));
        let (tokens, sentences, _) = run_all(&text);
        // The quotes one by one (straight ones may pair up in runs), the words, the period.
        assert!(tokens >= 5 && tokens <= 2 * n + 5, "{open}…{close}: {tokens} tokens");
        assert!(sentences >= 1, "{open}…{close}: no sentence");
        // Regression: every nested quote was reported, each with its text, so the
        // result grew as n² (100,000 nested «» ran out of memory). Only the
        // outermost few levels are reported now.
        let quotes = lupa::extract(&text, &ExtractOptions { include: Some(vec![api::Layer::Quotes]), ..extract_es() }).unwrap().quotes;
        let total: usize = quotes.iter().map(|q| q.text.len()).sum();
        assert!(total <= 4 * text.len(), "{open}…{close}: {} quotes holding {total} bytes of text", quotes.len());
    }
}

#[test]
fn a_megabyte_of_digits() {
    let digits = "7".repeat(MB);
    assert_eq!(run_all(&digits).0, 1);
    let grouped = "1.000".repeat(MB / 5);
    assert_eq!(run_all(&grouped).0, 1, "one long number");
    let spaced = "12 ".repeat(MB / 3);
    assert_eq!(run_all(&spaced).0, MB / 3);
    let dates = "1/10/2023 15:30 3,5% ".repeat(MB / 21);
    run_all(&dates);
}


#[test]
fn fifty_thousand_capitalised_words() {
    let words = checks::names(50_000);
    for sep in [" ", ", ", " y ", ". "] {
        let text = words.join(sep);
        let (tokens, _, entities) = run_all(&text);
        assert!(tokens >= 50_000, "{sep:?}: {tokens} tokens");
        assert!(entities <= tokens, "{sep:?}: {entities} entities for {tokens} tokens");
    }
    let same = "Putin ".repeat(50_000);
    run_all(&same);
}

#[test]
fn a_megabyte_of_a_period() {
    let text = "a.".repeat(MB / 2);
    let (tokens, _, _) = run_all(&text);
    // Dotted acronyms of at most six letters: "a.a.a.a.a.a." each.
    assert!(tokens >= MB / 12 && tokens <= MB / 2, "{tokens} tokens");
    let spaced = "a. ".repeat(MB / 3);
    let (tokens, _, _) = run_all(&spaced);
    assert_eq!(tokens, MB / 3, "initials: one token each");
    let capital = "A. ".repeat(MB / 3);
    run_all(&capital);
}

// ---- linearity ------------------------------------------------------------------

#[test]
fn work_grows_linearly() {
    let n = 20_000;
    assert_linear("words", n, |n| "palabra ".repeat(n), Some(1));
    assert_linear("no spaces", n, |n| "Putin,dijo«hola»EE.UU.".repeat(n), None);
    assert_linear("nested quotes", n, |n| format!("{}Putin{}", "«".repeat(n), "»".repeat(n)), None);
    assert_linear("digits", n, |n| "1".repeat(n), None);
    assert_linear("numbers", n, |n| "100.000 ".repeat(n), Some(1));
    assert_linear("capitalised", n / 4, |n| checks::names(n).join(" "), Some(1));
    assert_linear("names in a list", n / 4, |n| checks::names(n).iter().map(|w| format!("{w}, ")).collect(), Some(2));
    assert_linear("initials", n, |n| "a. ".repeat(n), Some(1));
    assert_linear("acronym run", n, |n| "a.".repeat(n), None);
    assert_linear("emoji", n, |n| "👨‍👩‍👧".repeat(n), Some(1));
    assert_linear("combining marks", n, |n| format!("a{}", "\u{301}".repeat(n)), None);
    assert_linear("sentences", n / 4, |n| "El presidente Putin dijo ayer que «no». ".repeat(n), None);
    assert_linear(
        "quotes with speakers",
        n / 8,
        |n| "«Vamos a ganar», dijo Putin el 15 de marzo de 2023. Según Klaar, «no». ".repeat(n),
        None,
    );
    assert_linear("dates", n / 4, |n| "el 15 de marzo de 2023 a las 15:30, ".repeat(n), None);
    assert_linear("quantities", n / 4, |n| "3,5 millones de euros (12 %), ".repeat(n), None);
    // The number, money and range grammar of issue 15: chains that each
    // rule could try to extend (magnitudes, ordinal runs, fractions, signs,
    // cents, range ends), repeated without a break.
    assert_linear("magnitude chains", n / 4, |n| "322 mil 400 millones 5 mil ".repeat(n), None);
    assert_linear("scale words", n / 4, |n| "mil quinientos millones mil ".repeat(n), None);
    assert_linear("ordinal runs", n / 4, |n| "vigésimo quinto tricentésimo ".repeat(n), None);
    assert_linear("fractions", n / 4, |n| "1/2/3 2 1/4 tres cuartos ".repeat(n), None);
    assert_linear("signs", n / 4, |n| "- - negativo -5 .5 ,5 ".repeat(n), None);
    assert_linear("cents", n / 4, |n| "15 dólares y 15 centavos con 50 ".repeat(n), None);
    assert_linear("currency signs", n / 4, |n| "C$ US$ $ MXN$ 3k 4M ".repeat(n), None);
    assert_linear("range ends", n / 4, |n| "de marzo a mayo de 2014 hasta 10/1/2018 - ".repeat(n), None);
    assert_linear("windows", n / 4, |n| "los próximos 3 días pasados ".repeat(n), None);
    assert_linear("decimal words and fractions", n / 4, |n| "cinco coma cinco y un cuarto treinta y un 2 mil 300 ".repeat(n), None);
    assert_linear("scale ordinals", n / 4, |n| "tres millones milésimo tricentésimo tresmillonésimo ".repeat(n), None);
    // Compound amounts and anchored offsets, digit-group chains, parts of
    // periods and years in words: each rule that could extend over its neighbours.
    assert_linear("compound offsets", n / 4, |n| "2 semanas y 3 días y 1 mes después de mañana, ".repeat(n), None);
    assert_linear("digit chains", n / 4, |n| "12-03-2020-5/7/20-dic-".repeat(n), None);
    assert_linear("period parts", n / 4, |n| "la última semana del primer trimestre de 2019 q1-".repeat(n), None);
    assert_linear("years in words", n / 4, |n| "veintiocho de marzo de mil novecientos noventa y dos ".repeat(n), None);
    assert_linear("numeric day ranges", n / 4, |n| "10/1-11/2/2017-28/2-1/3 ".repeat(n), None);
    assert_linear("centuries and halves", n / 4, |n| "siglo XXI s. XIX el siglo 20 la mitad de un cuarto de millón de ".repeat(n), None);
    assert_linear("whole and rest", n / 4, |n| "el resto del año todo el día un par de semanas cada uno el día veintinueve ".repeat(n), None);
    assert_linear("period edges", n / 4, |n| "desde 2007 hasta finales de 2008 y los últimos dos trimestres ".repeat(n), None);
    assert_linear("long URL", n, |n| format!("http://x.es/{}", "a(".repeat(n)), None);
    assert_linear("hashtags", n, |n| "#_1".repeat(n), None);
    assert_linear("e-mail prefixes", n, |n| "a@".repeat(n), None);
}

/// The patterns that make a backtracking engine (JavaScript's `RegExp`)
/// take exponential time on these inputs cost Lupa's pattern layer work in
/// proportion to the text: the allocations of compiling and matching (the
/// lazy DFA's states, the match lists, the folded copies) for 2n characters
/// stay within the factor of [`assert_linear`], and the matches are right.
#[test]
fn catastrophic_patterns_cost_linear_work() {
    let n = 20_000;
    let cases: [(&str, fn(usize) -> String, usize); 6] = [
        (r"(a+)+$", |n| format!("{}!", "a".repeat(n)), 0),
        (r"(a|aa)+b", |n| "a".repeat(n), 0),
        (r"(a*)*b", |n| "a".repeat(n), 0),
        (r"(\w+\s?)*$", |n| format!("{}¿", "palabra ".repeat(n / 8)), 0),
        (r"(.*a){12}", |n| "a".repeat(n), 1),
        (r"^(([a-záéíóú])+.?)+@\w+\.\w+$", |n| format!("{}!", "ab.".repeat(n / 3)), 0),
    ];
    for (pattern, make, matches) in cases {
        for fold in [false, true] {
            let opts = ExtractOptions {
                include: Some(vec![]),
                patterns: Some(vec![api::PatternOption {
                    name: "p".into(),
                    pattern: pattern.into(),
                    case_insensitive: None,
                    fold_accents: Some(fold),
                }]),
                ..Default::default()
            };
            let run = |text: &str| lupa::extract(text, &opts).unwrap().patterns.len();
            run(&make(1));
            let (c1, b1, m1) = allocations(|| run(&make(n)));
            let (c2, b2, m2) = allocations(|| run(&make(2 * n)));
            assert_eq!((m1, m2), (matches, matches), "{pattern}: matches for n and 2n");
            let slack = 64;
            assert!(c2 <= 3 * c1 + slack, "{pattern}: {c1} allocations for n, {c2} for 2n: superlinear");
            assert!(b2 <= 3 * b1 + (slack << 10), "{pattern}: {b1} bytes allocated for n, {b2} for 2n: superlinear");
        }
    }
}

// ---- the input limit --------------------------------------------------------------

#[test]
fn input_over_the_limit_is_refused() {
    let text = " ".repeat(MAX_INPUT_BYTES + 1);
    let errors = [
        lupa::tokenize(&text, &Default::default()).map(|_| ()).unwrap_err(),
        lupa::token_spans(&text, &Default::default()).map(|_| ()).unwrap_err(),
        lupa::extract(&text, &Default::default()).map(|_| ()).unwrap_err(),
        lupa::highlight(&text, &Default::default()).map(|_| ()).unwrap_err(),
    ];
    for e in errors {
        assert!(e.0.contains("too large") && e.0.contains(&MAX_INPUT_BYTES.to_string()), "unclear error: {e}");
    }
    // The limit itself is accepted.
    let at_limit = &text[1..];
    assert_eq!(lupa::token_spans(at_limit, &Default::default()).unwrap().len(), 0);
    // Multibyte text is measured in UTF-8 bytes, not characters.
    let wide = "ñ".repeat(MAX_INPUT_BYTES / 2 + 1);
    assert!(lupa::token_spans(&wide, &Default::default()).is_err());
}

// ---- options ------------------------------------------------------------------------

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, lupa::Error> {
    api::parse_options(serde_json::from_str::<serde_json::Value>(json).unwrap())
}

/// `json` is refused with a message that names `option`.
fn refused<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str, option: &str) {
    let err = parse::<T>(json).expect_err(json);
    assert!(err.0.contains(option), "{json}: the error {:?} does not name `{option}`", err.0);
}

#[test]
fn bad_options_are_refused_by_name() {
    refused::<TokenizeOptions>(r#"{"lang": 5}"#, "lang");
    refused::<TokenizeOptions>(r#"{"lang": "fr"}"#, "lang");
    refused::<TokenizeOptions>(r#"{"lang": ["es"]}"#, "lang");
    refused::<TokenizeOptions>(r#"{"langs": "es"}"#, "langs");
    refused::<TokenizeOptions>(r#""es""#, "options");
    refused::<ExtractOptions>(r#"{"include": "dates"}"#, "include");
    refused::<ExtractOptions>(r#"{"include": ["entities", "people"]}"#, "include[1]");
    refused::<ExtractOptions>(r#"{"include": [null]}"#, "include[0]");
    refused::<ExtractOptions>(r#"{"referenceDate": 20231015}"#, "referenceDate");
    refused::<ExtractOptions>(r#"{"reference_date": "2023-10-15"}"#, "reference_date");
    refused::<HighlightOptions>(r#"{"include": ["PERSON"]}"#, "include[0]");
    refused::<HighlightOptions>(r#"{"include": ["per"]}"#, "include[0]");
    refused::<HighlightOptions>(r#"{"classPrefix": 7}"#, "classPrefix");
    refused::<HighlightOptions>(r#"{"terms": {"a": 1}, "lang": "es"}"#, "terms");

    // Values that parse but are refused when used.
    for date in ["2023-13-01", "2023-02-29", "2023-00-10", "15/10/2023", "2023-1-5", "", "２０２３-10-15", "2023-10-15T00:00"] {
        let opts: ExtractOptions = parse(&format!(r#"{{"referenceDate": {date:?}}}"#)).unwrap();
        let err = lupa::extract("hoy", &opts).expect_err(date);
        assert!(err.0.contains("referenceDate"), "{date:?}: {}", err.0);
    }
    assert!(lupa::extract("hoy", &parse(r#"{"referenceDate": "2024-02-29"}"#).unwrap()).is_ok());
    for prefix in ["a b", "\"><script>", "x'y", "é", &"a".repeat(65)] {
        let opts = HighlightOptions { class_prefix: Some(prefix.into()), ..Default::default() };
        let err = lupa::highlight("Putin", &opts).expect_err(prefix);
        assert!(err.0.contains("classPrefix"), "{prefix:?}: {}", err.0);
    }
    assert!(lupa::highlight("Putin", &HighlightOptions { class_prefix: Some("a".repeat(64)), ..Default::default() }).is_ok());

    // The names check that JS objects go through (serde-wasm-bindgen ignores unknown keys).
    let err = api::check_option_names::<ExtractOptions>(["lang".to_owned(), "referenceData".to_owned()]).unwrap_err();
    assert!(err.0.contains("referenceData") && err.0.contains("referenceDate"), "{}", err.0);
}

/// Regression: entity grouping compared each mention with every earlier
/// entity (and rebuilt acronyms for each comparison), quadratic in the number
/// of distinct entities: 32,000 names in a list took 3.8 s, 64,000 four times
/// that. It now looks entities up by word and acronym.
#[test]
fn entity_grouping_is_linear() {
    use lupa::extract::entities::group;
    use lupa::ner::Label;
    let make = |n: usize, shape: usize| -> (String, Vec<(usize, usize, Label)>) {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for (i, name) in checks::names(n).into_iter().enumerate() {
            let (mention, label) = match shape {
                0 => (name, Label::Per),                                   // all different
                1 => (format!("Ana {name}"), Label::Per),                  // one shared first name
                2 => (format!("Unión {name}"), [Label::Org, Label::Loc][i % 2]), // one shared word, acronym "UK…"
                _ => (["UE".to_owned(), format!("Unión E{name}")][i % 2].clone(), Label::Org), // one acronym, many spellings
            };
            let s = text.len();
            text.push_str(&mention);
            mentions.push((s, text.len(), label));
            text.push_str(", ");
        }
        (text, mentions)
    };
    for shape in 0..4 {
        let n = 20_000;
        let (t1, m1) = make(n, shape);
        let (t2, m2) = make(2 * n, shape);
        let (c1, b1, e1) = allocations(|| group(&t1, &m1, lupa::lang::Lang::Es));
        let (c2, b2, e2) = allocations(|| group(&t2, &m2, lupa::lang::Lang::Es));
        assert_eq!((e1.len(), e2.len()), (n, 2 * n));
        assert!(c2 <= 3 * c1 && b2 <= 3 * b1, "shape {shape}: {c1} allocations ({b1} bytes) for n, {c2} ({b2}) for 2n");
    }
}

/// Twenty thousand attributed quotes, speaker before or after: every span is
/// converted to UTF-16 (see `utf16_offsets_in_any_order` in properties.rs).
#[test]
fn twenty_thousand_attributed_quotes() {
    for unit in ["Putin dijo: «sí». ", "«Sí», dijo Putin. ", "“Yes,” Putin said. "] {
        let text = unit.repeat(20_000);
        let x = lupa::extract(&text, &ExtractOptions { include: Some(vec![api::Layer::Quotes]), ..Default::default() }).unwrap();
        assert!(x.quotes.len() >= 20_000 && x.quotes.len() <= 40_000, "{unit:?}: {} quotes", x.quotes.len());
        let u16s = checks::Utf16::new(&text);
        for q in x.quotes.iter().step_by(997) {
            u16s.check("quote", q.start, q.end, &q.text);
        }
    }
}
