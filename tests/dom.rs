//! The DOM helpers in a real browser: `wasm-pack test --headless --chrome` and `--firefox`.
//! Tests use dates, quantities, quotes and search terms, which do not depend on the NER model,
//! and ask for entities only where entities are the point.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use lupa::wasm::{clear_highlights_js, find_terms_js, highlight_element_js, highlight_js};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r##"
export function make(html) {
  const el = document.createElement("div");
  el.innerHTML = html;
  document.body.appendChild(el);
  return el;
}
export function snapshot(el) {
  const walk = n => n.nodeType === 3 ? "T" + JSON.stringify(n.data)
    : n.nodeType === 1 ? "<" + n.localName + [...n.attributes].map(a => ` ${a.name}=${JSON.stringify(a.value)}`).join("")
      + ">[" + [...n.childNodes].map(walk).join(",") + "]"
    : "#" + n.nodeType;
  return walk(el);
}
export function all_nodes(el) {
  const out = [];
  const w = document.createTreeWalker(el, NodeFilter.SHOW_ALL);
  while (w.nextNode()) out.push(w.currentNode);
  return out;
}
export function same_nodes(a, b) { return a.length === b.length && a.every((n, i) => n === b[i]); }
export function has_highlight_api() { return typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function"; }
// The text of a range, static or live.
function range_text(r) {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}
export function highlight_texts(name) {
  const h = CSS.highlights.get(name);
  return h ? [...h].map(range_text).join("|") : null;
}
export function ranges_are_static(name) { return [...CSS.highlights.get(name)].every(r => r instanceof StaticRange); }
export function object_from_json(json) { return JSON.parse(json); }
export function to_json(v) { return JSON.stringify(v); }
export function page_with_own_nodes() {
  // Adjacent text nodes and a <mark> of the page's own, which no HTML parse would give.
  const p = document.createElement("p");
  p.append("Vla", "dimir Putin y el ");
  const m = document.createElement("mark");
  m.className = "page";
  m.append("camión");
  p.append(m, " camio\u0301n", "\uD800 camiones");
  const el = document.createElement("div");
  el.append(p);
  document.body.appendChild(el);
  return el;
}
// Hides the CSS Custom Highlight API, as in a browser without it; `show_highlight_api` undoes it.
let hidden = null;
export function hide_highlight_api() {
  hidden = Object.getOwnPropertyDescriptor(CSS, "highlights") ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(CSS), "highlights");
  Object.defineProperty(CSS, "highlights", { get: () => undefined, configurable: true });
}
export function show_highlight_api() {
  delete CSS.highlights;
  if (hidden && !("highlights" in CSS)) Object.defineProperty(CSS, "highlights", hidden);
}
// The seed article as paragraphs, every third word in <i> and every fifth in <b>:
// spans split across many elements.
export function article(text) {
  const el = document.createElement("article");
  let n = 0;
  for (const line of text.split("\n").filter(l => l.trim())) {
    const p = document.createElement("p");
    for (const word of line.split(/(\s+)/)) {
      n++;
      if (/\S/.test(word) && n % 3 === 0) { const i = document.createElement("i"); i.textContent = word; p.append(i); }
      else if (/\S/.test(word) && n % 5 === 0) { const b = document.createElement("b"); b.textContent = word; p.append(b); }
      else p.append(word);
    }
    el.append(p);
  }
  document.body.appendChild(el);
  return el;
}
export function range_texts() {
  const out = [];
  for (const [name, h] of CSS.highlights) for (const r of h) out.push(range_text(r));
  return out.sort().join("|");
}
export function text_count(el) { return [...el.childNodes].filter(n => n.nodeType === 3).length; }
export function lone_surrogate_text() { return "\uD800 camión \uDC00"; }
export function slice_mismatches(text, spans) {
  return spans.filter(s => text.slice(s.start, s.end) !== s.text).map(s => JSON.stringify(s)).join("\n");
}
"##)]
extern "C" {
    fn make(html: &str) -> Element;
    fn snapshot(el: &Element) -> String;
    fn all_nodes(el: &Element) -> Array;
    fn same_nodes(a: &Array, b: &Array) -> bool;
    fn has_highlight_api() -> bool;
    fn highlight_texts(name: &str) -> Option<String>;
    fn ranges_are_static(name: &str) -> bool;
    fn object_from_json(json: &str) -> Object;
    fn to_json(v: &JsValue) -> String;
    fn page_with_own_nodes() -> Element;
    fn lone_surrogate_text() -> JsValue;
    fn text_count(el: &Element) -> u32;
    fn article(text: &str) -> Element;
    fn range_texts() -> String;
    fn hide_highlight_api();
    fn show_highlight_api();
    fn slice_mismatches(text: &JsValue, spans: &JsValue) -> String;
}

fn opts(json: &str) -> Option<Object> {
    Some(object_from_json(json))
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn error_message(e: JsError) -> String {
    get(&JsValue::from(e), "message").as_string().unwrap_or_default()
}

/// The texts of the marks a result reports, in order.
fn mark_texts(result: &JsValue) -> Vec<String> {
    Array::from(&get(result, "marks")).iter().map(|m| get(&m, "text").as_string().unwrap()).collect()
}

/// Highlights `el` with `options`, checks that clearing restores it exactly
/// (same nodes, same texts, same markup), and returns the result and the
/// highlighted markup.
fn highlight_and_restore(el: &Element, options: &str) -> (JsValue, String) {
    let (html, shape, nodes) = (el.inner_html(), snapshot(el), all_nodes(el));
    let result = highlight_element_js(el.clone().into(), opts(options)).unwrap();
    let marked = el.inner_html();
    assert!(clear_highlights_js(el.clone().into()).unwrap());
    assert_eq!(el.inner_html(), html);
    assert_eq!(snapshot(el), shape);
    assert!(same_nodes(&all_nodes(el), &nodes), "the original nodes are back, in place");
    assert!(!clear_highlights_js(el.clone().into()).unwrap(), "nothing left to clear");
    (result, marked)
}

const DATES: &str = r#""lang":"es","referenceDate":"2023-10-15","include":["dates"]"#;

#[wasm_bindgen_test]
fn mark_mode_wraps_a_date_split_across_elements_as_one_span() {
    let el = make("<p>El <b>17 de</b> septiembre llegó.</p>");
    let (result, marked) = highlight_and_restore(&el, &format!(r#"{{{DATES},"mode":"mark"}}"#));
    let attrs = r#"class="lupa-date" data-label="date" data-value="2023-09-17" data-kind="date""#;
    assert_eq!(marked, format!("<p>El <b><mark {attrs}>17 de</mark></b><mark {attrs}> septiembre</mark> llegó.</p>"));
    assert_eq!(get(&result, "mode").as_string().as_deref(), Some("mark"));
    assert_eq!(
        to_json(&get(&result, "marks")),
        r#"[{"text":"17 de septiembre","label":"date","value":"2023-09-17","kind":"date"}]"#
    );
}

#[wasm_bindgen_test]
fn a_name_split_by_inline_markup_is_one_match() {
    let el = make("<p><b>Vladimir</b> Putin y <i>Vladimir</i><span> Putin</span></p>");
    let (result, marked) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["vladimir putin"],"mode":"mark"}"#);
    assert_eq!(mark_texts(&result), ["Vladimir Putin", "Vladimir Putin"]);
    let m = r#"<mark class="lupa-term" data-label="term" data-term="vladimir putin">"#;
    assert_eq!(
        marked,
        format!("<p><b>{m}Vladimir</mark></b>{m} Putin</mark> y <i>{m}Vladimir</mark></i><span>{m} Putin</mark></span></p>")
    );
}

#[wasm_bindgen_test]
fn an_entity_split_by_inline_markup_is_one_entity() {
    let el = make("<p>El presidente ruso <b>Vladimir</b> Putin llegó a Estambul.</p>");
    let (result, marked) = highlight_and_restore(&el, r#"{"lang":"es","include":["PER"],"mode":"mark"}"#);
    let marks = Array::from(&get(&result, "marks"));
    assert_eq!(marks.length(), 1, "{}", to_json(&marks));
    let putin = marks.get(0);
    assert_eq!(get(&putin, "text").as_string().as_deref(), Some("Vladimir Putin"));
    assert_eq!(get(&putin, "label").as_string().as_deref(), Some("PER"));
    let id = get(&putin, "id").as_f64().unwrap();
    // Two <mark> pieces, one entity: both carry its id.
    let m = format!(r#"<mark class="lupa-PER" data-label="PER" data-id="{id}">"#);
    assert_eq!(marked, format!("<p>El presidente ruso <b>{m}Vladimir</mark></b>{m} Putin</mark> llegó a Estambul.</p>"));
    // Across paragraphs, whatever the model finds, no entity spans the two.
    let el = make("<p>El presidente ruso Vladimir</p><p>Putin llegó a Estambul.</p>");
    let (result, _) = highlight_and_restore(&el, r#"{"lang":"es","mode":"mark"}"#);
    assert!(mark_texts(&result).iter().all(|t| !(t.contains("Vladimir") && t.contains("Putin"))));
}

#[wasm_bindgen_test]
fn block_boundaries_are_respected() {
    for html in [
        "<p>Vladimir</p><p>Putin</p>",
        "<div>Vladimir<br>Putin</div>",
        "<ul><li>Vladimir</li><li>Putin</li></ul>",
        "<table><tr><td>Vladimir</td><td>Putin</td></tr></table>",
        "<div><span>Vladimir</span><div>Putin</div></div>",
        "<pre>Vladimir\nPutin</pre>",
        "<pre><span>Vladimir\nPutin</span></pre>",
    ] {
        let el = make(html);
        let (result, _) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["vladimir putin"],"mode":"mark"}"#);
        assert!(mark_texts(&result).is_empty(), "{html}");
    }
    // An element inside a `pre` keeps its line breaks too.
    let pre = make("<pre><span>Vladimir\nPutin</span></pre>");
    let span = pre.first_element_child().unwrap().first_element_child().unwrap();
    let (result, _) = highlight_and_restore(&span, r#"{"include":["terms"],"terms":["vladimir putin"],"mode":"mark"}"#);
    assert!(mark_texts(&result).is_empty());
    // Source line breaks outside `pre` read as spaces; the result has the text as it is.
    let el = make("<p>Vladimir\n   Putin</p>");
    let (result, _) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["vladimir putin"],"mode":"mark"}"#);
    assert_eq!(mark_texts(&result), ["Vladimir\n   Putin"]);
}

#[wasm_bindgen_test]
fn scripts_styles_and_hidden_subtrees_are_skipped() {
    let el = make(
        "<p>Vladimir <script>var camion = 1;</script><style>.camion{}</style>Putin <span hidden>camion</span>\
         <template>camion</template><noscript>camion</noscript><textarea>camion</textarea> y el camion</p>",
    );
    let (result, marked) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["vladimir putin","camion"],"mode":"mark"}"#);
    assert_eq!(mark_texts(&result), ["Vladimir Putin", "camion"]);
    assert!(marked.contains("<script>var camion = 1;</script><style>.camion{}</style>"));
    assert!(marked.contains("<span hidden=\"\">camion</span>"));
    assert!(marked.ends_with(" y el <mark class=\"lupa-term\" data-label=\"term\" data-term=\"camion\">camion</mark></p>"));
}

#[wasm_bindgen_test]
fn restores_adjacent_text_nodes_and_the_pages_own_marks() {
    let el = page_with_own_nodes();
    let p = el.first_element_child().unwrap();
    assert_eq!(p.child_element_count() + text_count(&p), 5);
    let (result, marked) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["vladimir putin","camion"],"stem":true,"mode":"mark"}"#);
    assert_eq!(p.child_element_count() + text_count(&p), 5);
    assert_eq!(mark_texts(&result), ["Vladimir Putin", "camión", "camio\u{301}n", "camiones"]);
    // Our mark goes inside the page's, which stays.
    assert!(marked.contains("<mark class=\"page\"><mark class=\"lupa-term\""));
}

#[wasm_bindgen_test]
fn marks_nest_like_highlight_html() {
    // One text node: the DOM gets exactly the markup `highlight` renders.
    let text = "Putin dijo: «llegó el 17 de septiembre de 2023 con 25 millones de euros» y el camión.";
    let layers = r#""lang":"es","terms":["camion"],"include":["quotes","dates","quantities","terms"]"#;
    let options = format!(r#"{{{layers},"mode":"mark"}}"#);
    let el = make("");
    el.set_text_content(Some(text));
    let (result, marked) = highlight_and_restore(&el, &options);
    let html = highlight_js(JsValue::from_str(text), opts(&format!("{{{layers}}}"))).unwrap();
    assert_eq!(marked, html);
    assert!(marked.contains("<mark class=\"lupa-quote\" data-label=\"quote\" data-speaker=\"Putin\">llegó el <mark class=\"lupa-date\""));
    let labels: Vec<String> =
        Array::from(&get(&result, "marks")).iter().map(|m| get(&m, "label").as_string().unwrap()).collect();
    assert_eq!(labels, ["quote", "date", "quantity", "term"]);
}

#[wasm_bindgen_test]
fn highlighting_twice_is_highlighting_once() {
    let el = make("<p>El <b>17 de</b> septiembre, y el camión.</p>");
    let options = format!(r#"{{{DATES},"mode":"mark"}}"#);
    highlight_element_js(el.clone().into(), opts(&options)).unwrap();
    let once = el.inner_html();
    highlight_element_js(el.clone().into(), opts(&options)).unwrap();
    assert_eq!(el.inner_html(), once);
    clear_highlights_js(el.clone().into()).unwrap();
    assert_eq!(el.inner_html(), "<p>El <b>17 de</b> septiembre, y el camión.</p>");
}

#[wasm_bindgen_test]
fn emoji_and_lone_surrogates_keep_offsets_and_restore_exactly() {
    let el = make("<p>😀 camión 𝕏 <b>camiones</b></p>");
    let (result, marked) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["camion"],"stem":true,"mode":"mark"}"#);
    assert_eq!(mark_texts(&result), ["camión", "camiones"]);
    let m = r#"<mark class="lupa-term" data-label="term" data-term="camion">"#;
    assert_eq!(marked, format!("<p>😀 {m}camión</mark> 𝕏 <b>{m}camiones</mark></b></p>"));
    // Lone surrogates: `snapshot` compares the exact texts (JSON keeps them as escapes).
    let el2 = make("");
    let text = lone_surrogate_text();
    Reflect::set(&el2, &"textContent".into(), &text).unwrap();
    let (result, _) = highlight_and_restore(&el2, r#"{"include":["terms"],"terms":["camion"],"mode":"mark"}"#);
    assert_eq!(mark_texts(&result), ["camión"]);
    assert_eq!(get(&el2, "textContent"), text, "the lone surrogates are back");
}

#[wasm_bindgen_test]
fn highlight_api_mode_registers_ranges_and_leaves_the_dom_alone() {
    let el = make("<p><b>Vladimir</b> Putin, el 17 de septiembre de 2023.</p>");
    let html = el.inner_html();
    let options = r#"{"lang":"es","terms":["vladimir putin"],"include":["terms","dates"],"classPrefix":"t1-"}"#;
    if !has_highlight_api() {
        let result = highlight_element_js(el.clone().into(), opts(options)).unwrap();
        assert_eq!(get(&result, "mode").as_string().as_deref(), Some("mark"));
        clear_highlights_js(el.clone().into()).unwrap();
        let forced = r#"{"terms":["x"],"mode":"highlight-api"}"#;
        let err = error_message(highlight_element_js(el.clone().into(), opts(forced)).unwrap_err());
        assert!(err.contains("invalid option `mode`"), "{err}");
        return;
    }
    let (result, marked) = highlight_and_restore(&el, options);
    assert_eq!(marked, html, "no DOM change");
    assert_eq!(get(&result, "mode").as_string().as_deref(), Some("highlight-api"));
    assert_eq!(mark_texts(&result), ["Vladimir Putin", "17 de septiembre de 2023"]);
    // After the restore the highlights are gone; check them while they are there.
    highlight_element_js(el.clone().into(), opts(options)).unwrap();
    assert_eq!(highlight_texts("t1-term").as_deref(), Some("Vladimir Putin"));
    assert_eq!(highlight_texts("t1-date").as_deref(), Some("17 de septiembre de 2023"));
    assert!(ranges_are_static("t1-term"));
    // A second element adds to the same highlights; clearing one keeps the other's.
    let other = make("<p>Vladimir Putin</p>");
    highlight_element_js(other.clone().into(), opts(options)).unwrap();
    assert_eq!(highlight_texts("t1-term").as_deref(), Some("Vladimir Putin|Vladimir Putin"));
    clear_highlights_js(el.clone().into()).unwrap();
    assert_eq!(highlight_texts("t1-term").as_deref(), Some("Vladimir Putin"));
    assert_eq!(highlight_texts("t1-date"), None);
    clear_highlights_js(other.into()).unwrap();
    assert_eq!(highlight_texts("t1-term"), None);
}

#[wasm_bindgen_test]
fn without_the_highlight_api_auto_falls_back_to_marks() {
    let el = make("<p>Vladimir Putin</p>");
    hide_highlight_api();
    assert!(!has_highlight_api());
    let (result, marked) = highlight_and_restore(&el, r#"{"include":["terms"],"terms":["vladimir putin"]}"#);
    assert_eq!(get(&result, "mode").as_string().as_deref(), Some("mark"));
    assert_eq!(marked, "<p><mark class=\"lupa-term\" data-label=\"term\" data-term=\"vladimir putin\">Vladimir Putin</mark></p>");
    let forced = highlight_element_js(el.clone().into(), opts(r#"{"terms":["x"],"mode":"highlight-api"}"#));
    show_highlight_api();
    let err = error_message(forced.unwrap_err());
    assert!(err.starts_with("invalid option `mode`: \"highlight-api\" needs the CSS Custom Highlight API"), "{err}");
    assert!(has_highlight_api());
}

const SEED: &str = include_str!("../seeds/000_b3dfaa5d8271907c.txt");

#[wasm_bindgen_test]
fn a_real_article_in_pieces_is_marked_and_restored_exactly() {
    let el = article(SEED);
    let text = el.text_content();
    let options = r#"{"lang":"es","referenceDate":"2023-10-15","terms":["azerbaiyan","armenios"],"stem":true}"#;
    let mark_options = options.replace('}', r#","mode":"mark"}"#);
    let (result, marked_html) = highlight_and_restore(&el, &mark_options);
    let marks = mark_texts(&result);
    assert!(marks.len() > 40, "{} marks", marks.len());
    assert!(marked_html.matches("<mark ").count() > marks.len(), "spans split across elements make several marks");
    // Marking added elements, not text.
    let marked = make(&marked_html);
    assert_eq!(marked.text_content(), text);
    // The highlight API marks the same spans; each range covers exactly the span's text.
    if has_highlight_api() {
        let before = range_texts();
        let result = highlight_element_js(el.clone().into(), opts(options)).unwrap();
        assert_eq!(mark_texts(&result), marks);
        let mut texts = mark_texts(&result);
        texts.extend(before.split('|').filter(|t| !t.is_empty()).map(str::to_owned));
        texts.sort();
        assert_eq!(range_texts(), texts.join("|"));
        clear_highlights_js(el.into()).unwrap();
        assert_eq!(range_texts(), before);
    }
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_that_name_them() {
    let el = make("<p>x</p>");
    let err = error_message(highlight_element_js(JsValue::from_str("p"), None).unwrap_err());
    assert_eq!(err, "element must be a DOM Element");
    let err = error_message(clear_highlights_js(JsValue::NULL).unwrap_err());
    assert_eq!(err, "element must be a DOM Element");
    for (json, want) in [
        (r#"{"mode":"marks"}"#, "invalid option `mode`"),
        (r#"{"modes":"mark"}"#, "unknown option `modes`"),
        (r#"{"include":["PER","dates","people"]}"#, "invalid option `include[2]`"),
        (r#"{"terms":[1]}"#, "invalid option `terms[0]`"),
        (r#"{"classPrefix":"a\"b"}"#, "invalid option `classPrefix`"),
    ] {
        let err = error_message(highlight_element_js(el.clone().into(), opts(json)).unwrap_err());
        assert!(err.contains(want), "{json}: {err}");
    }
    let err = error_message(find_terms_js(JsValue::from_str("x"), JsValue::from_str("x"), None).unwrap_err());
    assert_eq!(err, "terms must be an array of strings");
    let err = error_message(highlight_js(JsValue::from_str("x"), opts(r#"{"mode":"mark"}"#)).unwrap_err());
    assert!(err.contains("unknown option `mode`"), "{err}");
}

#[wasm_bindgen_test]
fn find_terms_offsets_slice_in_js() {
    let terms: JsValue = ["camion", "azerbaiyan"].iter().map(|s| JsValue::from_str(s)).collect::<Array>().into();
    for text in [JsValue::from_str("😀 Azerbaiya\u{301}n: camio\u{301}nes y CAMIÓN"), lone_surrogate_text()] {
        let found = find_terms_js(text.clone(), terms.clone(), opts(r#"{"stem":true}"#)).unwrap();
        assert!(Array::from(&found).length() > 0);
        assert_eq!(slice_mismatches(&text, &found), "");
    }
    let found = find_terms_js(JsValue::from_str("😀 Azerbaiyán"), terms, None).unwrap();
    assert_eq!(to_json(&found), r#"[{"text":"Azerbaiyán","start":3,"end":13,"term":"azerbaiyan"}]"#);
}
