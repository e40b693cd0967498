//! The JavaScript facade: argument conversion and error mapping only; every
//! decision lives in [`crate::api`].

mod dom;
mod patterns;

use crate::api::{self, Error, OptionsObject};
use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn js_error(e: Error) -> JsError {
    JsError::new(&e.0)
}

/// The input text. A JS string with lone surrogates arrives with each one
/// replaced by U+FFFD, which is also one UTF-16 unit, so offsets still match.
fn text_arg(value: &JsValue) -> Result<(String, bool), JsError> {
    let s = text_string(value)?;
    // Only a string that came through with U+FFFD can have had lone
    // surrogates; the exact check costs one JS call per character.
    let exact = !s.contains('\u{FFFD}') || value.unchecked_ref::<JsString>().is_valid_utf16();
    Ok((s, exact))
}

/// The input text, for callers that need no exactness check.
///
/// Like `JsValue::as_string`, one `TextEncoder.encodeInto` straight into wasm
/// memory, but into a buffer sized for mostly Latin text (a little over a
/// byte per UTF-16 unit) instead of wasm-bindgen's three bytes per unit,
/// which for a 5 MB text meant moving the first bytes into a 15 MB buffer and
/// most of a call's peak memory. Text that does not fit is encoded on into a
/// buffer grown for the rest.
fn text_string(value: &JsValue) -> Result<String, JsError> {
    let js = value.dyn_ref::<JsString>().ok_or_else(|| JsError::new("text must be a string"))?;
    let units = js.length() as usize;
    let mut buf: Vec<u8> = Vec::with_capacity(units + units / 16 + 8);
    let mut read = 0;
    let memory = wasm_bindgen::memory();
    loop {
        let mut done = [0u32; 2];
        let spare = buf.capacity() - buf.len();
        let at = buf.as_mut_ptr() as usize + buf.len();
        encode_text(js, read as u32, &memory, at as u32, spare as u32, &mut done);
        let (r, written) = (done[0] as usize, done[1] as usize);
        assert!(written <= spare);
        // SAFETY: `encodeInto` wrote `written` bytes into the spare capacity.
        unsafe { buf.set_len(buf.len() + written) };
        read += r;
        if read >= units {
            break;
        }
        // At most three bytes per UTF-16 unit (four per surrogate pair).
        buf.reserve(3 * (units - read));
    }
    buf.shrink_to_fit();
    debug_assert!(std::str::from_utf8(&buf).is_ok());
    // SAFETY: `TextEncoder` writes UTF-8 (a lone surrogate as U+FFFD), and
    // stops before a character that does not fit whole.
    Ok(unsafe { String::from_utf8_unchecked(buf) })
}

fn options<T: OptionsObject>(value: Option<Object>) -> Result<T, JsError> {
    match value {
        None => Ok(T::default()),
        Some(v) if v.is_null() || v.is_undefined() => Ok(T::default()),
        Some(v) if !v.is_object() || Array::is_array(&v) => {
            Err(JsError::new("options must be an object, such as { lang: \"es\" }"))
        }
        Some(v) => {
            api::check_option_names::<T>(Object::keys(&v).iter().filter_map(|k| k.as_string())).map_err(js_error)?;
            pattern_option_names(&v)?;
            api::parse_options(serde_wasm_bindgen::Deserializer::from(JsValue::from(v))).map_err(js_error)
        }
    }
}

/// The names in each object of `options.patterns`, checked as the top-level ones are.
fn pattern_option_names(options: &Object) -> Result<(), JsError> {
    let patterns = Reflect::get(options, &JsValue::from_str("patterns")).unwrap_or(JsValue::UNDEFINED);
    if Array::is_array(&patterns) {
        for (i, p) in Array::from(&patterns).iter().enumerate().filter(|(_, p)| p.is_object()) {
            let keys = Object::keys(p.unchecked_ref::<Object>());
            api::check_pattern_option_names(i, keys.iter().filter_map(|k| k.as_string())).map_err(js_error)?;
        }
    }
    Ok(())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| JsError::new(&format!("internal error converting the result: {e}")))
}

/// Where the input had lone surrogates, the Rust side saw U+FFFD; give a
/// span back the exact text of the original string, so `slice` matches.
fn restore_text(span: &JsValue, original: &JsString) {
    let get = |k: &str| Reflect::get(span, &JsValue::from_str(k)).ok().and_then(|v| v.as_f64());
    if let (Some(start), Some(end)) = (get("start"), get("end")) {
        let _ = Reflect::set(span, &JsValue::from_str("text"), &original.slice(start as u32, end as u32));
    }
}

fn restore_texts(spans: &JsValue, original: &JsString) {
    for span in Array::from(spans).iter() {
        restore_text(&span, original);
    }
}

/// [`restore_texts`] over every layer of an extraction, nested spans included.
fn restore_extraction(result: &JsValue, original: &JsString) {
    let field = |v: &JsValue, k: &str| Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    // Entities are built in JS from the original string already.
    for layer in ["dates", "quantities", "quotes", "patterns"] {
        restore_texts(&field(result, layer), original);
    }
    for found in Array::from(&field(result, "patterns")).iter() {
        restore_texts(&field(&found, "groups"), original);
    }
    for quote in Array::from(&field(result, "quotes")).iter() {
        for part in ["speaker", "cue"] {
            let span = field(&quote, part);
            if span.is_object() {
                restore_text(&span, original);
            }
        }
        let role = field(&field(&quote, "speaker"), "role");
        if role.is_object() {
            restore_text(&role, original);
        }
    }
}

// The signatures by hand, because wasm-bindgen cannot mark a typed parameter optional.
#[wasm_bindgen(typescript_custom_section)]
const SIGNATURES: &str = r#"
/** Splits `text` into tokens, with UTF-16 offsets: `text.slice(t.start, t.end) === t.text`. */
export function tokenize(text: string, options?: TokenizeOptions): Token[];
/**
 * Tokens as `[start, end, kind]` triples of UTF-16 offsets; `kind` indexes
 * `["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"]`.
 */
export function tokenSpans(text: string, options?: TokenizeOptions): Uint32Array;
/** Finds sentences, the language, named entities, dates, quantities, quotes and key phrases. Throws an `Error` on bad options. */
export function extract(text: string, options?: ExtractOptions): Extraction;
/**
 * Safe HTML of `text`: all of it escaped; entities, dates, quantities, quotes and search terms wrapped in
 * `<mark class="lupa-PER" data-label="PER" data-id="0">`, nested where they overlap (the longer outside).
 */
export function highlight(text: string, options?: HighlightOptions): string;
/** Whole-word matches of search terms, ignoring case and accents; `stem: true` also finds inflections. */
export function findTerms(text: string, terms: string[], options?: FindTermsOptions): FoundTerm[];
/**
 * Highlights the visible text of a live element, block by block, with the same analysis and options as
 * `highlight`: through the CSS Custom Highlight API where the browser has it (style `::highlight(lupa-PER)`),
 * else (or with `mode: "mark"`) by wrapping text in `<mark class="lupa-PER" data-label="PER" data-id="0">`.
 * Clears the element's earlier highlights first. Returns what it marked, in document order.
 */
export function highlightElement(element: Element, options?: HighlightElementOptions): ElementHighlights;
/** Undoes `highlightElement` on this element exactly. Returns whether it had highlights. */
export function clearHighlights(element: Element): boolean;
/**
 * Fetches and starts the pattern engine, a wasm module of its own (by default `patterns/lupa_patterns.js`
 * beside this file), which the `patterns` option needs. Pages that never pass `patterns` never load it.
 * Rejects with an `Error` naming the URL if it cannot be loaded.
 */
export function loadPatterns(url?: string): Promise<void>;
/** Whether the pattern engine is ready. */
export function patternsLoaded(): boolean;
"#;

#[wasm_bindgen(module = "/src/wasm/tokens.js")]
extern "C" {
    /// `TextEncoder.encodeInto` of `text` from UTF-16 unit `from` on into the
    /// `cap` bytes of `memory` at `ptr`; `done` gets `[read, written]`.
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(text: &JsString, from: u32, memory: &JsValue, ptr: u32, cap: u32, done: &mut [u32]);
    /// Appends the token objects, `{ text, kind, start, end, sentence }`, of
    /// `[start, end, kind, sentence, text id]` records to `out`, slicing
    /// `text` in JS once per text id (kept in `texts`).
    #[wasm_bindgen(js_name = pushTokens)]
    fn push_tokens(out: &Array, texts: &Array, text: &JsValue, records: &[u32]);
    /// `extract`'s sentences from `[start, end]` pairs.
    #[wasm_bindgen(js_name = sentencesFrom)]
    fn sentences_from(pairs: &[u32]) -> JsValue;
    /// `extract`'s entities from `[start, end, label, id, canonical]`, the
    /// canonical names joined in `names` at UTF-16 offsets `at`.
    #[wasm_bindgen(js_name = entitiesFrom)]
    fn entities_from(text: &JsValue, data: &[u32], names: &str, at: &[u32]) -> JsValue;
    /// The `tokenSpans` output: a `Uint32Array` of `len` u32s.
    #[wasm_bindgen(js_name = newSpans)]
    fn new_spans(len: u32) -> JsValue;
    /// Copies `triples` into the output at `at`.
    #[wasm_bindgen(js_name = pushSpans)]
    fn push_spans(spans: &JsValue, triples: &[u32], at: u32);
}

/// Splits `text` into tokens.
#[wasm_bindgen(js_name = tokenize, skip_typescript)]
pub fn tokenize_js(
    text: JsValue,
    options: Option<Object>,
) -> Result<JsValue, JsError> {
    let s = text_string(&text)?;
    let out = Array::new();
    let texts = Array::new();
    // The texts come from slicing the original string, so they are exact even
    // where the Rust side saw a lone surrogate as U+FFFD.
    api::token_records_each(&s, &self::options(options)?, |records| push_tokens(&out, &texts, &text, records))
        .map_err(js_error)?;
    Ok(out.into())
}

/// Tokens as `[start, end, kind]` triples of UTF-16 offsets; `kind` indexes
/// `["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"]`.
#[wasm_bindgen(js_name = tokenSpans, skip_typescript)]
pub fn token_spans_js(
    text: JsValue,
    options: Option<Object>,
) -> Result<JsValue, JsError> {
    let s = text_string(&text)?;
    let chunks = api::token_spans_chunks(&s, &self::options(options)?).map_err(js_error)?;
    drop(s);
    // The whole result stays in wasm memory until its length is known, so
    // that it is copied out once, into an array of exactly that length.
    let spans = new_spans(chunks.iter().map(Vec::len).sum::<usize>() as u32);
    let mut at = 0;
    for chunk in &chunks {
        push_spans(&spans, chunk, at as u32);
        at += chunk.len();
    }
    Ok(spans)
}

/// Finds sentences, the language, entities, dates, quantities, quotes and key phrases.
#[wasm_bindgen(js_name = extract, skip_typescript)]
pub fn extract_js(
    text: JsValue,
    options: Option<Object>,
) -> Result<JsValue, JsError> {
    let (s, exact) = text_arg(&text)?;
    // Field by field, each freed on the Rust side once it is a JS value.
    let result: JsValue = Object::new().into();
    let mut failed = None;
    api::extract_fields_with(&s, &self::options(options)?, patterns::engine(), |field| {
        if failed.is_some() {
            return;
        }
        let value = match &field {
            api::ExtractionField::Lang(v) => to_js(v),
            api::ExtractionField::Sentences(v) => {
                let pairs: Vec<u32> = v.iter().flat_map(|s| [s.start, s.end]).collect();
                Ok(sentences_from(&pairs))
            }
            api::ExtractionField::Entities(v) => Ok(entities_js(&text, v)),
            api::ExtractionField::Dates(v) => to_js(v),
            api::ExtractionField::Quantities(v) => to_js(v),
            api::ExtractionField::Quotes(v) => to_js(v),
            api::ExtractionField::Keywords(v) => to_js(v),
            api::ExtractionField::Patterns(v) => to_js(v),
        };
        match value {
            Ok(v) => {
                let _ = Reflect::set(&result, &JsValue::from_str(field.name()), &v);
            }
            Err(e) => failed = Some(e),
        }
    })
    .map_err(js_error)?;
    if let Some(e) = failed {
        return Err(e);
    }
    if !exact {
        restore_extraction(&result, text.unchecked_ref());
    }
    Ok(result)
}

/// The entity objects, built in JS: their texts slice the original string,
/// and each distinct canonical name crosses the boundary once.
fn entities_js(text: &JsValue, entities: &[api::Entity]) -> JsValue {
    let mut data: Vec<u32> = Vec::with_capacity(5 * entities.len());
    let mut names = String::new();
    // Where each name starts and ends in `names`: UTF-16 units (for JS) and bytes.
    let mut at: Vec<u32> = vec![0];
    let mut bytes_at: Vec<usize> = vec![0];
    // The name of an entity id so far (mentions of one entity share it).
    let mut by_id: rustc_hash::FxHashMap<u32, u32> = Default::default();
    for e in entities {
        let known = by_id
            .get(&e.id)
            .copied()
            .filter(|&k| names[bytes_at[k as usize]..bytes_at[k as usize + 1]] == *e.canonical);
        let k = match known {
            Some(k) => k,
            None => {
                let k = at.len() as u32 - 1;
                names.push_str(&e.canonical);
                at.push(at[k as usize] + e.canonical.encode_utf16().count() as u32);
                bytes_at.push(names.len());
                by_id.insert(e.id, k);
                k
            }
        };
        data.extend_from_slice(&[e.start, e.end, e.label as u32, e.id, k]);
    }
    entities_from(text, &data, &names, &at)
}

/// Returns safe HTML of `text` with the entities wrapped in `<mark>`.
#[wasm_bindgen(js_name = highlight, skip_typescript)]
pub fn highlight_js(
    text: JsValue,
    options: Option<Object>,
) -> Result<String, JsError> {
    // A lone surrogate comes out as U+FFFD: HTML text cannot carry one either.
    let s = text_string(&text)?;
    api::highlight_with(&s, &self::options(options)?, patterns::engine()).map_err(js_error)
}

/// Where the search terms occur in `text`.
#[wasm_bindgen(js_name = findTerms, skip_typescript)]
pub fn find_terms_js(
    text: JsValue,
    terms: JsValue,
    options: Option<Object>,
) -> Result<JsValue, JsError> {
    let (s, exact) = text_arg(&text)?;
    let terms = string_list(&terms).ok_or_else(|| JsError::new("terms must be an array of strings"))?;
    let found = to_js(&api::find_terms(&s, &terms, &self::options(options)?).map_err(js_error)?)?;
    if !exact {
        restore_texts(&found, text.unchecked_ref());
    }
    Ok(found)
}

fn string_list(value: &JsValue) -> Option<Vec<String>> {
    if !Array::is_array(value) {
        return None;
    }
    Array::from(value).iter().map(|v| v.as_string()).collect()
}

/// The element argument: any DOM element, including one from another frame.
fn element_arg(value: JsValue) -> Result<web_sys::Element, JsError> {
    let is_element = value.is_object()
        && Reflect::get(&value, &JsValue::from_str("nodeType")).ok().and_then(|t| t.as_f64()) == Some(1.0);
    if !is_element {
        return Err(JsError::new("element must be a DOM Element"));
    }
    Ok(value.unchecked_into())
}

/// Highlights a live element; see the TypeScript signature.
#[wasm_bindgen(js_name = highlightElement, skip_typescript)]
pub fn highlight_element_js(
    element: JsValue,
    options: Option<Object>,
) -> Result<JsValue, JsError> {
    let element = element_arg(element)?;
    to_js(&dom::highlight_element(&element, &self::options(options)?).map_err(js_error)?)
}

/// Undoes `highlightElement` on this element.
#[wasm_bindgen(js_name = clearHighlights, skip_typescript)]
pub fn clear_highlights_js(element: JsValue) -> Result<bool, JsError> {
    Ok(dom::clear_highlights(&element_arg(element)?))
}
