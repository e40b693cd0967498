//! The JS contract, checked in a real browser: `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, Uint32Array, JSON};
use lupa::wasm::{extract_js, highlight_js, token_spans_js, tokenize_js};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function slice_mismatches(text, spans) {
  const bad = [];
  for (const s of spans) {
    if (text.slice(s.start, s.end) !== s.text) bad.push(JSON.stringify([s.start, s.end, s.text, text.slice(s.start, s.end)]));
  }
  return bad.join("\n");
}
export function object_from_json(json) { return JSON.parse(json); }
export function lone_surrogate_text() { return "a\uD800b Putin dijo: «\uDC00 hola» el 3 de mayo, 25 %"; }
export function extraction_mismatches(text, x) {
  const spans = [...x.entities, ...x.dates, ...x.quantities, ...x.quotes];
  for (const q of x.quotes) { if (q.speaker) spans.push(q.speaker); if (q.cue) spans.push(q.cue); }
  return slice_mismatches(text, spans);
}
export function is_plain_object(v) { return Object.getPrototypeOf(v) === Object.prototype; }
"#)]
extern "C" {
    fn slice_mismatches(text: &JsValue, spans: &JsValue) -> String;
    fn extraction_mismatches(text: &JsValue, extraction: &JsValue) -> String;
    fn object_from_json(json: &str) -> Object;
    fn lone_surrogate_text() -> JsValue;
    fn is_plain_object(v: &JsValue) -> bool;
}

const SEED: &str = include_str!("../seeds/000_b3dfaa5d8271907c.txt");

/// Strings where UTF-8 bytes, UTF-16 units and characters all differ.
fn hard_texts() -> Vec<JsValue> {
    let mut texts: Vec<JsValue> = [
        "Azerbaiyán y Ñuñoa: «camión» — “pingüino”",
        "Hola 👋🏽 España 🇪🇸 familia 👨‍👩‍👧 ok 1️⃣ ❤️! Vladimir Putin",
        "Ca\u{301}diz\r\nLínea dos\r\n\r\nPárrafo 𝕏 𝒜",
        SEED,
    ]
    .iter()
    .map(|s| JsValue::from_str(s))
    .collect();
    texts.push(lone_surrogate_text());
    texts
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn opts(json: &str) -> Option<Object> {
    Some(object_from_json(json))
}

fn error_message(e: JsValue) -> String {
    get(&e, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn token_slices_match_in_js() {
    for text in hard_texts() {
        let tokens = tokenize_js(text.clone(), None).unwrap();
        assert!(Array::from(&tokens).length() > 0);
        assert_eq!(slice_mismatches(&text, &tokens), "", "in {:?}", text.as_string());
    }
}

#[wasm_bindgen_test]
fn extraction_slices_match_in_js() {
    for text in hard_texts() {
        let x = extract_js(text.clone(), opts(r#"{"referenceDate":"2023-10-15"}"#)).unwrap();
        assert_eq!(extraction_mismatches(&text, &x), "", "in {:?}", text.as_string());
    }
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_their_exact_text_in_every_layer() {
    let text = lone_surrogate_text();
    let x = extract_js(text.clone(), opts(r#"{"lang":"es"}"#)).unwrap();
    let quotes = Array::from(&get(&x, "quotes"));
    assert_eq!(quotes.length(), 1);
    let quote: JsString = get(&quotes.get(0), "text").into();
    assert_eq!(quote.char_code_at(0), 0xDC00 as f64);
    assert_eq!(Array::from(&get(&x, "dates")).length(), 1);
    assert_eq!(Array::from(&get(&x, "quantities")).length(), 1);
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_their_exact_text() {
    let text = lone_surrogate_text();
    let tokens = Array::from(&tokenize_js(text.clone(), None).unwrap());
    // "a\uD800b": the lone surrogate is a token of its own, and its text is
    // the original code unit, not the U+FFFD that Rust saw.
    let lone = tokens.get(1);
    assert_eq!(get(&lone, "start").as_f64(), Some(1.0));
    assert_eq!(get(&lone, "end").as_f64(), Some(2.0));
    let t: JsString = get(&lone, "text").into();
    assert_eq!(t.length(), 1);
    assert_eq!(t.char_code_at(0), 0xD800 as f64);
}

#[wasm_bindgen_test]
fn token_spans_match_tokenize() {
    let text = JsValue::from_str("¿Qué? 😀 100.000 #Karabaj");
    let spans = Uint32Array::from(token_spans_js(text.clone(), None).unwrap()).to_vec();
    let tokens = Array::from(&tokenize_js(text, None).unwrap());
    assert_eq!(spans.len(), tokens.length() as usize * 3);
    let kinds = ["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"];
    for (i, t) in tokens.iter().enumerate() {
        assert_eq!(get(&t, "start").as_f64(), Some(spans[i * 3] as f64));
        assert_eq!(get(&t, "end").as_f64(), Some(spans[i * 3 + 1] as f64));
        assert_eq!(get(&t, "kind").as_string().as_deref(), Some(kinds[spans[i * 3 + 2] as usize]));
    }
    assert_eq!(&spans[..3], &[0, 1, 2]); // "¿" is punctuation
}

#[wasm_bindgen_test]
fn results_are_plain_objects_of_the_documented_shape() {
    let tokens = tokenize_js(JsValue::from_str("Hola, Putin."), None).unwrap();
    assert!(Array::is_array(&tokens));
    let json = JSON::stringify(&tokens).unwrap().as_string().unwrap();
    assert_eq!(
        json,
        r#"[{"text":"Hola","kind":"word","start":0,"end":4,"sentence":0},{"text":",","kind":"punct","start":4,"end":5,"sentence":0},{"text":"Putin","kind":"word","start":6,"end":11,"sentence":0},{"text":".","kind":"punct","start":11,"end":12,"sentence":0}]"#
    );
    let x = extract_js(JsValue::from_str(SEED), opts(r#"{"lang":"es"}"#)).unwrap();
    assert!(is_plain_object(&x));
    let mut keys: Vec<String> = Object::keys(x.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect();
    keys.sort();
    assert_eq!(keys, ["dates", "entities", "keywords", "lang", "patterns", "quantities", "quotes", "sentences"]);
    assert_eq!(get(&x, "lang").as_string().as_deref(), Some("es"));
    assert_eq!(Array::from(&get(&x, "sentences")).length(), 12);
    for e in Array::from(&get(&x, "entities")).iter() {
        assert!(is_plain_object(&e));
        let label = get(&e, "label").as_string().unwrap();
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&label.as_str()));
        assert!(get(&e, "id").as_f64().is_some());
    }
}

#[wasm_bindgen_test]
fn detects_language() {
    let en = extract_js(JsValue::from_str("The meeting took place in Istanbul on Sunday."), None).unwrap();
    assert_eq!(get(&en, "lang").as_string().as_deref(), Some("en"));
    let unknown = extract_js(JsValue::from_str("12345 67890"), opts(r#"{"lang":"auto"}"#)).unwrap();
    assert_eq!(get(&unknown, "lang").as_string().as_deref(), Some("unknown"));
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_that_name_the_option() {
    let text = || JsValue::from_str("hola");
    let cases: [(&str, &str); 6] = [
        (r#"{"lang":"fr"}"#, "invalid option `lang`: unknown variant `fr`"),
        (r#"{"langg":"es"}"#, "unknown option `langg`, expected one of `lang`, `referenceDate`, `include`"),
        (r#"{"include":"entities"}"#, "invalid option `include`"),
        (r#"{"include":["entities","names"]}"#, "invalid option `include[1]`"),
        (r#"{"referenceDate":"2023-02-30"}"#, "invalid option `referenceDate`"),
        (r#"{"referenceDate":17}"#, "invalid option `referenceDate`"),
    ];
    for (json, want) in cases {
        let Err(err) = extract_js(text(), opts(json)) else { panic!("{json} was accepted") };
        let msg = error_message(JsValue::from(err));
        assert!(msg.contains(want), "{json}: {msg:?} lacks {want:?}");
    }
    let err = highlight_js(text(), opts(r#"{"classPrefix":"a b"}"#)).unwrap_err();
    assert!(error_message(JsValue::from(err)).contains("classPrefix"));
    let err = tokenize_js(JsValue::from_f64(3.0), None).unwrap_err();
    assert_eq!(error_message(JsValue::from(err)), "text must be a string");
    let err = tokenize_js(text(), Some(JsValue::from_str("es").unchecked_into())).unwrap_err();
    assert!(error_message(JsValue::from(err)).contains("options must be an object"));
}

#[wasm_bindgen_test]
fn errors_are_js_errors() {
    let err = JsValue::from(extract_js(JsValue::from_str("x"), opts(r#"{"lang":1}"#)).unwrap_err());
    assert!(err.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn highlight_escapes_markup() {
    // Only terms, and none given: the number and the scare quote stay unmarked.
    let text = JsValue::from_str("<img src=x onerror=alert(1)> & \"q\"");
    let html = highlight_js(text, opts(r#"{"include":["terms"]}"#)).unwrap();
    assert_eq!(html, "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;");
}

/// What `tokenize` returned when serde-wasm-bindgen built the objects in Rust.
fn serde_tokens(text: &str) -> JsValue {
    use serde::Serialize;
    let tokens = lupa::tokenize(text, &Default::default()).unwrap();
    tokens.serialize(&serde_wasm_bindgen::Serializer::new()).unwrap()
}

#[wasm_bindgen_test]
fn js_built_tokens_equal_the_serde_ones() {
    let seed_twice = format!("{SEED}\n\n{SEED}");
    let texts = [
        "Azerbaiyán y Ñuñoa: «camión» — “pingüino”",
        "Hola 👋🏽 España 🇪🇸 familia 👨‍👩‍👧 ok 1️⃣ ❤️! Vladimir Putin",
        "Ca\u{301}diz\r\nLínea dos\r\n\r\nPárrafo 𝕏 𝒜 https://example.com/a?b=c info@example.com #tag @user",
        "",
        "   ",
        SEED,
        &seed_twice,
    ];
    for text in texts {
        let ours = JSON::stringify(&tokenize_js(JsValue::from_str(text), None).unwrap()).unwrap();
        let theirs = JSON::stringify(&serde_tokens(text)).unwrap();
        assert_eq!(ours.as_string(), theirs.as_string(), "in {text:?}");
    }
}

#[wasm_bindgen_test]
fn results_longer_than_one_chunk_are_whole() {
    // More tokens than one chunk handed from Rust to JS (16,384), with
    // astral characters so that UTF-16 offsets and bytes differ.
    let mut s = String::new();
    for i in 0..12000 {
        s.push_str(if i % 3 == 0 { "😀 año, " } else { "dijo. " });
    }
    let text = JsValue::from_str(&s);
    let spans = Uint32Array::from(token_spans_js(text.clone(), None).unwrap()).to_vec();
    let tokens = Array::from(&tokenize_js(text.clone(), None).unwrap());
    let native = lupa::token_spans(&s, &Default::default()).unwrap();
    assert!(native.len() / 3 > 16 * 1024, "{} tokens", native.len() / 3);
    assert_eq!(spans, native);
    assert_eq!(tokens.length() as usize, native.len() / 3);
    assert_eq!(slice_mismatches(&text, &tokens), "");
    let last = tokens.get(tokens.length() - 1);
    assert_eq!(get(&last, "end").as_f64(), Some(s.trim_end().encode_utf16().count() as f64));
    let sentences: Vec<u32> = lupa::tokenize(&s, &Default::default()).unwrap().iter().map(|t| t.sentence).collect();
    let js_sentences: Vec<u32> = tokens.iter().map(|t| get(&t, "sentence").as_f64().unwrap() as u32).collect();
    assert_eq!(js_sentences, sentences);
}

#[wasm_bindgen_test]
fn token_spans_of_lone_surrogates_and_empty_text() {
    let spans = Uint32Array::from(token_spans_js(lone_surrogate_text(), None).unwrap()).to_vec();
    // "a\uD800b …": "a", the lone surrogate (one unit), "b".
    let starts_ends: Vec<(u32, u32)> = spans.chunks(3).take(3).map(|t| (t[0], t[1])).collect();
    assert_eq!(starts_ends, [(0, 1), (1, 2), (2, 3)]);
    let empty = Uint32Array::from(token_spans_js(JsValue::from_str(""), None).unwrap());
    assert_eq!(empty.length(), 0);
}

/// What `extract` returned when serde-wasm-bindgen built every layer in Rust,
/// with each span's text sliced from the original string (lone surrogates).
fn serde_extraction(text: &JsValue, include: &str) -> JsValue {
    use serde::Serialize;
    let s = text.as_string().unwrap();
    let opts: lupa::ExtractOptions =
        lupa::api::parse_options(serde_wasm_bindgen::Deserializer::from(JsValue::from(object_from_json(include)))).unwrap();
    let x = lupa::extract(&s, &opts).unwrap();
    let value = x.serialize(&serde_wasm_bindgen::Serializer::new()).unwrap();
    restore_span_texts(text, &value);
    value
}

#[wasm_bindgen(inline_js = r#"
export function restore_span_texts(text, x) {
  const spans = [...x.entities, ...x.dates, ...x.quantities, ...x.quotes];
  for (const q of x.quotes) { if (q.speaker) spans.push(q.speaker); if (q.cue) spans.push(q.cue); }
  for (const s of spans) s.text = text.slice(s.start, s.end);
}
"#)]
extern "C" {
    fn restore_span_texts(text: &JsValue, extraction: &JsValue);
}

#[wasm_bindgen_test]
fn js_built_extractions_equal_the_serde_ones() {
    let seed_twice = format!("{SEED}\n\n{SEED}");
    let mut texts: Vec<JsValue> = [
        "Azerbaiyán y Ñuñoa: «camión» — “pingüino”. Vladimir Putin visitó Madrid. Putin habló con la ONU.",
        "Hola 👋🏽 España 🇪🇸 familia 👨‍👩‍👧 ok 1️⃣ ❤️! Vladimir Putin y 😀 Angela Merkel en Berlín.",
        "",
        "   ",
        SEED,
        &seed_twice,
    ]
    .iter()
    .map(|s| JsValue::from_str(s))
    .collect();
    texts.push(lone_surrogate_text());
    texts.push(JsValue::from_str("\u{FFFD} Angela Merkel \u{FFFD} y Merkel en París."));
    for text in &texts {
        for include in [r#"{"include":["entities"]}"#, "{}"] {
            let ours = JSON::stringify(&extract_js(text.clone(), opts(include)).unwrap()).unwrap();
            let theirs = JSON::stringify(&serde_extraction(text, include)).unwrap();
            assert_eq!(ours.as_string(), theirs.as_string(), "in {text:?} with {include}");
        }
    }
}

#[path = "support/ner_stream.rs"]
mod ner_stream;

/// The wasm build sums the tagger's rows with SIMD (native builds do not), so
/// the streaming tagger is checked against the reference here too.
#[wasm_bindgen_test]
fn streaming_tagger_matches_the_reference_in_wasm() {
    ner_stream::assert_streaming_tagger_matches_the_reference();
}

/// The phrase filters read a piece key's top bits: on wasm32 too they must
/// vary (a `usize`-wide hash leaves them zero, and every piece then passes
/// every filter: the layers ran several times slower in the browser).
#[wasm_bindgen_test]
fn piece_keys_fill_their_top_bits_in_wasm() {
    use lupa::tokenize::pieces::norm_key;
    let tops: std::collections::BTreeSet<u64> =
        ["de", "la", "el", "enero", "mil", "dijo", "$", "%", "p", "m"].iter().map(|w| norm_key(w) >> 55).collect();
    assert!(tops.len() >= 8, "{} distinct top bytes", tops.len());
}

/// The `patterns` option through the facade (the wasm tests link the engine
/// in with `--features patterns`; the release page fetches it, see tests/e2e).
#[wasm_bindgen_test]
fn patterns_come_back_with_utf16_spans_and_groups() {
    let text = JsValue::from_str("😀 El Expediente 12/2023 de GONZÁLEZ y de Gonzalez.");
    let o = r#"{"include":[],"patterns":[{"name":"exp","pattern":"Expediente (?<num>\\d+)/(?<year>\\d{4})"},
               {"name":"g","pattern":"gonzález","foldAccents":true}]}"#;
    let x = extract_js(text.clone(), opts(o)).unwrap();
    let found = Array::from(&get(&x, "patterns"));
    assert_eq!(found.length(), 3);
    assert_eq!(slice_mismatches(&text, &found), "");
    let first = found.get(0);
    assert_eq!((get(&first, "start").as_f64(), get(&first, "name").as_string()), (Some(6.0), Some("exp".into())));
    let groups = get(&first, "groups");
    assert_eq!(slice_mismatches(&text, &groups), "");
    assert_eq!(get(&Array::from(&groups).get(1), "text").as_string().as_deref(), Some("2023"));
    assert_eq!(get(&found.get(1), "text").as_string().as_deref(), Some("GONZÁLEZ"));
    // Without patterns the field is there, empty.
    let none = extract_js(text, opts(r#"{"include":[]}"#)).unwrap();
    assert_eq!(Array::from(&get(&none, "patterns")).length(), 0);
}

#[wasm_bindgen_test]
fn patterns_are_marked_and_bad_ones_refused_by_name() {
    let o = r#"{"include":["patterns"],"patterns":[{"name":"ticker","pattern":"\\b[A-Z]{4}\\b"}]}"#;
    let html = highlight_js(JsValue::from_str("Sube AMZN."), opts(o)).unwrap();
    assert_eq!(html, "Sube <mark class=\"lupa-pattern\" data-label=\"pattern\" data-pattern=\"ticker\">AMZN</mark>.");
    let bad = r#"{"patterns":[{"name":"caso","pattern":"(\\d+"}]}"#;
    let e = extract_js(JsValue::from_str("x"), opts(bad)).map(|_| ()).unwrap_err();
    assert_eq!(error_message(e.into()), "invalid pattern `caso` (patterns[0]): syntax error at position 0: unclosed group");
    // A misspelt option inside a pattern is refused too, not passed over.
    let typo = r#"{"patterns":[{"name":"a","pattern":"x","ignoreCase":true}]}"#;
    let e = extract_js(JsValue::from_str("x"), opts(typo)).map(|_| ()).unwrap_err();
    assert!(error_message(e.into()).starts_with("unknown option `patterns[0].ignoreCase`, expected one of `name`"));
}
