//! The XSS corpus (tests/testdata/xss/vectors.txt) in a real browser:
//! `wasm-pack test --headless --firefox` and `--chrome`. Playwright drives only
//! Chromium here (tests/e2e/xss.test.mjs); this runs the same vectors, parser and
//! checker (tests/e2e/xss-vectors.js) in Firefox too.
//!
//! Every vector goes through `highlight()` (the output set as innerHTML of a
//! detached element, then attached) and through `highlightElement()` on an
//! element whose text is the vector, with the CSS Custom Highlight API and with
//! `<mark>` wrapping. Each time: only `<mark class="lupa-…">` elements with class
//! and data-* attributes, the vector as text content, and no script run. To
//! know that, every inline handler a payload could have planted is fired
//! (a synthetic event per `on…` attribute, at once: no waiting on timers) and
//! the traps of `installTraps` (xss, alert, confirm, prompt, print,
//! document.write) must stay empty.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use lupa::wasm::{clear_highlights_js, highlight_element_js, highlight_js};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!("testdata/xss/vectors.txt");

#[wasm_bindgen(module = "/tests/e2e/xss-vectors.js")]
extern "C" {
    #[wasm_bindgen(js_name = parseVectors)]
    fn parse_vectors(raw: &str) -> Array;
    #[wasm_bindgen(js_name = installTraps)]
    fn install_traps(console_too: bool);
    #[wasm_bindgen(js_name = inspectHolders)]
    fn inspect_holders(args: &Object) -> JsValue;
}

#[wasm_bindgen(inline_js = r##"
export function scope(id) {
  const el = document.createElement("div");
  el.id = id;
  document.body.appendChild(el);
  return el;
}
// One child of `scope` per vector, holding `content` as markup or as plain text.
export function holder(scope, i, content, asHtml) {
  const h = document.createElement("div");
  h.dataset.vector = String(i);
  if (asHtml) h.innerHTML = content; else h.textContent = content;
  scope.append(h);
  return h;
}
// Fires every inline handler under `scope` (and returns how many there were).
export function fire_handlers(scope) {
  let n = 0;
  for (const el of scope.querySelectorAll("*")) {
    for (const a of [...el.attributes]) {
      if (!a.name.toLowerCase().startsWith("on")) continue;
      n++;
      try { el.dispatchEvent(new Event(a.name.slice(2).toLowerCase())); } catch {}
    }
  }
  return n;
}
export function only_text(el, text) {
  return [...el.childNodes].every(n => n.nodeType === 3) && el.textContent === text;
}
export function foreign_mark_texts(result, text) {
  return result.marks.map(m => m.text).filter(t => !text.includes(t));
}
export function has_highlight_api() { return typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function"; }
export function object_from_json(json) { return JSON.parse(json); }
export function to_json(v) { return JSON.stringify(v); }
export function reset_traps() { window.__xss.length = 0; }
export function console_log(s) { console.log(s); }
export function inspect_args(vectors, lenient, scope) { return { vectors, lenient, scope }; }
"##)]
extern "C" {
    fn scope(id: &str) -> Element;
    fn holder(scope: &Element, i: u32, content: &JsValue, as_html: bool) -> Element;
    fn fire_handlers(scope: &Element) -> u32;
    fn only_text(el: &Element, text: &JsValue) -> bool;
    fn foreign_mark_texts(result: &JsValue, text: &JsValue) -> Array;
    fn has_highlight_api() -> bool;
    fn object_from_json(json: &str) -> Object;
    fn to_json(v: &JsValue) -> String;
    fn inspect_args(vectors: &Array, lenient: bool, scope: &str) -> Object;
    fn console_log(s: &str);
    fn reset_traps();
}

/// Every layer, and terms that make the matcher put marks inside the payloads
/// (as tests/e2e/xss.test.mjs).
const OPTIONS: &str = r#""include":["PER","ORG","LOC","MISC","dates","quantities","quotes","terms"],
    "terms":["script","img","onerror","mark","xss","svg","javascript","Putin","Azerbaiyán","src","iframe"]"#;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The vectors, with the traps set and emptied (so a finding is reported by the test that caused it).
fn vectors() -> Array {
    install_traps(false);
    reset_traps();
    let v = parse_vectors(VECTORS);
    assert!(v.length() >= 150, "{} vectors", v.length());
    v
}

/// Fires the handlers under `#id`, inspects its holders and asserts that they
/// are clean and that nothing ran; returns the number of marks.
fn assert_clean(el: &Element, id: &str, vectors: &Array, lenient: bool) -> u32 {
    fire_handlers(el);
    let report = inspect_holders(&inspect_args(vectors, lenient, &format!("#{id}")));
    let trapped = get(&report, "trapped");
    assert_eq!(Array::from(&trapped).length(), 0, "{id}: a payload ran: {}", to_json(&trapped));
    let failures = get(&report, "failures");
    assert_eq!(Array::from(&failures).length(), 0, "{id}: {}", to_json(&failures));
    get(&report, "marks").as_f64().unwrap() as u32
}

#[wasm_bindgen_test]
fn highlight_output_set_as_inner_html() {
    let vectors = vectors();
    let id = "xss-highlight";
    let out = scope(id);
    let opts = object_from_json(&format!("{{{OPTIONS}}}"));
    for (i, v) in vectors.iter().enumerate() {
        let html = highlight_js(v.clone(), Some(opts.clone())).unwrap_or_else(|e| panic!("vector {i}: {:?}", JsValue::from(e)));
        holder(&out, i as u32, &JsValue::from_str(&html), true);
    }
    // The parser's and UTF-8's normalisations of the text are allowed (lenient).
    let marks = assert_clean(&out, id, &vectors, true);
    assert!(marks > 0, "no marks: the mark structure was not exercised");
    out.remove();
}

/// `highlightElement` in `mode` on each vector as text, then `clearHighlights`.
fn highlight_element_on_text(id: &str, mode: &str) -> u32 {
    let vectors = vectors();
    let out = scope(id);
    let opts = object_from_json(&format!(r#"{{{OPTIONS},"mode":"{mode}"}}"#));
    let mut holders = Vec::new();
    let mut marked = 0;
    for (i, v) in vectors.iter().enumerate() {
        let el = holder(&out, i as u32, &v, false);
        let result = highlight_element_js(el.clone().into(), Some(opts.clone()))
            .unwrap_or_else(|e| panic!("vector {i}: {:?}", JsValue::from(e)));
        assert_eq!(get(&result, "mode").as_string().as_deref(), Some(mode), "vector {i}");
        let foreign = foreign_mark_texts(&result, &v);
        assert_eq!(foreign.length(), 0, "vector {i}: mark texts not in the vector: {}", to_json(&foreign));
        marked += Array::from(&get(&result, "marks")).length();
        holders.push((el, v));
    }
    // The DOM changes only by <mark> wrapping, so the text must be exact (not lenient).
    let marks = assert_clean(&out, id, &vectors, false);
    for (i, (holder, v)) in holders.iter().enumerate() {
        clear_highlights_js(holder.clone().into()).unwrap();
        assert!(only_text(holder, v), "vector {i}: clearHighlights did not restore the text");
    }
    assert!(marked > 0, "the terms were not found");
    out.remove();
    marks
}

#[wasm_bindgen_test]
fn highlight_element_with_mark_wrapping() {
    let marks = highlight_element_on_text("xss-mark", "mark");
    assert!(marks > 0, "no <mark> elements: the wrapping was not exercised");
}

#[wasm_bindgen_test]
fn highlight_element_with_css_highlights() {
    if has_highlight_api() {
        let marks = highlight_element_on_text("xss-css", "highlight-api");
        assert_eq!(marks, 0, "the highlight API adds no elements");
    } else {
        // Without the API, "auto" falls back to marks: the case above.
        console_log("no CSS Custom Highlight API in this browser: mark wrapping only");
    }
}
