//! DOM highlighting: marks what [`crate::api::annotate`] finds in a live
//! element without breaking its markup, and undoes it exactly.
//!
//! The element's visible text is collected from its text nodes in document
//! order, skipping subtrees that are not shown as text (`script`, `style`,
//! `template`, `noscript`, form controls, embedded content, and any element
//! with the `hidden` attribute). Text runs on across inline elements, so
//! `<b>Vladimir</b> Putin` is one name, but never across a block boundary.
//! Blocks are told by tag name from a fixed list of the elements whose
//! default display is not inline (`p`, `div`, `li`, `td`, `h1`, `br`, …):
//! reading the computed style of every element would force style
//! recalculation, and detached elements have none. A page that restyles a
//! `span` as a block is read as if it were inline. Shadow roots are not entered.
//!
//! The blocks are analysed as one text, separated by blank lines, so that the
//! language is detected once and mentions of one entity share an id across
//! paragraphs; a span that would cross a separator is dropped. Outside `pre`,
//! line breaks and tabs in the source read as spaces, as the browser shows them.
//!
//! Marking uses the CSS Custom Highlight API when the browser has it: one
//! `Highlight` per class (`lupa-PER`) in `CSS.highlights`, with one range
//! (a `StaticRange`, see [`new_range`]) per span; the DOM is not touched. Otherwise each span's text is wrapped in
//! `<mark>` elements, splitting text nodes where a span starts or ends inside
//! one and changing nothing else. What was done is kept in a `WeakMap` keyed
//! by the element, so that [`clear_highlights`] undoes exactly that and
//! nothing the page made itself.

use crate::api::{self, Annotation, ElementHighlights, Error, HighlightElementOptions, HighlightMode, Marked, MarkingMode};
use crate::highlight::nest;
use crate::text::offsets::Utf16Offsets;
use js_sys::{Array, Function, Reflect, WeakMap};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Text};

/// Elements whose content is not shown as text of the page, sorted.
const SKIPPED: &[&str] = &[
    "audio", "canvas", "datalist", "embed", "head", "iframe", "math", "noscript", "object", "script", "select", "style",
    "svg", "template", "textarea", "title", "video",
];

/// Elements that are blocks (or line breaks) by default, sorted.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext",
    "pre", "rp", "rt", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
];

/// Elements whose line breaks are shown, sorted.
const PREFORMATTED: &[&str] = &["listing", "plaintext", "pre", "xmp"];

/// What separates blocks in the analysed text: a paragraph break, which no
/// span crosses.
const BREAK: &str = "\n\n";

thread_local! {
    /// Element → what highlighting it did: an array of entries,
    /// `["range", name, Range]` or `["text", node, originalData, parent, topNodes]`.
    static REGISTRY: WeakMap = WeakMap::new();
}

/// A text node and where its text sits in the collected text, in UTF-16 units.
struct Piece {
    node: Text,
    start: usize,
    end: usize,
}

/// The visible text of an element, its text nodes, and the UTF-16 offsets of the block breaks.
#[derive(Default)]
struct Collected {
    /// The text analysed: line breaks outside `pre` turned into spaces.
    text: String,
    /// The text as the nodes have it, byte for byte in step with `text`.
    raw: String,
    units: usize,
    pieces: Vec<Piece>,
    breaks: Vec<usize>,
    block_has_text: bool,
}

impl Collected {
    fn end_block(&mut self) {
        if self.block_has_text {
            self.breaks.push(self.units);
            self.text.push_str(BREAK);
            self.raw.push_str(BREAK);
            self.units += BREAK.len();
            self.block_has_text = false;
        }
    }

    fn add_text(&mut self, node: Text, preformatted: bool) {
        // `data` is lossy for lone surrogates, each of which becomes U+FFFD:
        // one UTF-16 unit for one, so offsets still line up with the node's.
        let data = node.data();
        if data.is_empty() {
            return;
        }
        let start = self.units;
        // Each replaced character is one byte, as is the space, so `raw` and `text` stay in step.
        for c in data.chars() {
            let shown = if !preformatted && matches!(c, '\n' | '\r' | '\t' | '\x0c') { ' ' } else { c };
            self.text.push(shown);
            self.units += c.len_utf16();
        }
        self.raw.push_str(&data);
        self.pieces.push(Piece { node, start, end: self.units });
        self.block_has_text = true;
    }
}

fn listed(list: &[&str], name: &str) -> bool {
    list.binary_search(&name).is_ok()
}

/// Walks `root`'s subtree in document order, without recursion (pages nest deeply).
fn collect(root: &Element) -> Collected {
    let mut c = Collected::default();
    // The open elements: node, whether it is a block, whether it is preformatted.
    let mut stack: Vec<(Node, bool, bool)> = Vec::new();
    // Inside a `pre` already, the element's line breaks are shown too.
    let mut pre_depth = root.closest("pre, listing, xmp, plaintext").ok().flatten().is_some() as usize;
    let mut next = root.first_child();
    loop {
        let Some(node) = next else {
            let Some((parent, block, pre)) = stack.pop() else { break };
            if block {
                c.end_block();
            }
            if pre {
                pre_depth -= 1;
            }
            next = parent.next_sibling();
            continue;
        };
        match node.node_type() {
            Node::TEXT_NODE => {
                c.add_text(node.clone().unchecked_into(), pre_depth > 0);
                next = node.next_sibling();
            }
            Node::ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                let name = el.local_name().to_ascii_lowercase();
                if listed(SKIPPED, &name) || el.has_attribute("hidden") {
                    next = node.next_sibling();
                    continue;
                }
                let block = listed(BLOCKS, &name);
                let pre = listed(PREFORMATTED, &name);
                if block {
                    c.end_block();
                }
                match node.first_child() {
                    Some(child) => {
                        pre_depth += pre as usize;
                        stack.push((node, block, pre));
                        next = Some(child);
                    }
                    None => next = node.next_sibling(),
                }
            }
            _ => next = node.next_sibling(),
        }
    }
    c.end_block();
    c
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{e:?}"))
}

fn dom_error(e: JsValue) -> Error {
    Error(format!("DOM error: {}", describe(&e)))
}

/// Calls `obj[name](...args)`.
fn call(obj: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(obj, &name.into())?.dyn_into()?;
    f.apply(obj, &args.iter().copied().collect::<Array>())
}

/// `CSS.highlights` and the `Highlight` constructor, where the browser has them.
fn highlight_api() -> Option<(JsValue, Function)> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &"CSS".into()).ok().filter(|v| !v.is_undefined() && !v.is_null())?;
    let registry = Reflect::get(&css, &"highlights".into()).ok().filter(|v| v.is_object())?;
    let ctor = Reflect::get(&global, &"Highlight".into()).ok()?.dyn_into::<Function>().ok()?;
    Some((registry, ctor))
}

/// The spans' UTF-16 ranges, converting the byte offsets in one ascending pass.
fn utf16_ranges(text: &str, annotations: &[Annotation]) -> Vec<(usize, usize)> {
    let mut points: Vec<usize> = annotations.iter().flat_map(|a| [a.start, a.end]).collect();
    points.sort_unstable();
    points.dedup();
    let mut offsets = Utf16Offsets::new(text);
    let map: HashMap<usize, usize> = points.iter().map(|&p| (p, offsets.to_utf16(p))).collect();
    annotations.iter().map(|a| (map[&a.start], map[&a.end])).collect()
}

/// Highlights `element` and returns what was marked. Highlights it had from
/// an earlier call are cleared first.
pub fn highlight_element(element: &Element, opts: &HighlightElementOptions) -> Result<ElementHighlights, Error> {
    let plan = opts.plan_with(super::patterns::engine())?;
    let api = highlight_api();
    let mode = match (opts.mode.unwrap_or_default(), &api) {
        (HighlightMode::Mark, _) | (HighlightMode::Auto, None) => MarkingMode::Mark,
        (_, Some(_)) => MarkingMode::HighlightApi,
        (HighlightMode::HighlightApi, None) => {
            return Err(Error(
                "invalid option `mode`: \"highlight-api\" needs the CSS Custom Highlight API (CSS.highlights), \
                 which this browser lacks"
                    .into(),
            ))
        }
    };
    clear_highlights(element);
    let c = collect(element);
    let mut annotations = api::annotate(&c.text, &plan)?;
    for a in &mut annotations {
        a.marked.text = c.raw[a.start..a.end].to_owned();
    }
    // Spans that would cross a block break are not spans of the page.
    let kept: Vec<((usize, usize), Annotation)> = utf16_ranges(&c.text, &annotations)
        .into_iter()
        .zip(annotations)
        .filter(|&((s, e), _)| {
            let i = c.breaks.partition_point(|&b| b + BREAK.len() <= s);
            i == c.breaks.len() || c.breaks[i] >= e
        })
        .collect();
    let record = Array::new();
    REGISTRY.with(|r| r.set(element, &record));
    let document = element.owner_document().ok_or_else(|| Error("the element has no document".into()))?;
    match (mode, api) {
        (MarkingMode::HighlightApi, Some((registry, ctor))) => {
            mark_ranges(&document, &c, &kept, &plan.class_prefix, &registry, &ctor, &record).map_err(dom_error)?
        }
        _ => wrap_marks(&document, &c, &kept, &plan.class_prefix, &record).map_err(dom_error)?,
    }
    Ok(ElementHighlights { mode, marks: kept.into_iter().map(|(_, a)| a.marked).collect() })
}

/// The text node and offset where a span starting at `p` starts.
fn start_point(pieces: &[Piece], p: usize) -> Option<(&Text, u32)> {
    let piece = pieces.get(pieces.partition_point(|pc| pc.end <= p))?;
    Some((&piece.node, p.saturating_sub(piece.start) as u32))
}

/// The text node and offset where a span ending at `p` ends.
fn end_point(pieces: &[Piece], p: usize) -> Option<(&Text, u32)> {
    let piece = &pieces[pieces.partition_point(|pc| pc.start < p).checked_sub(1)?];
    Some((&piece.node, (p - piece.start).min(piece.end - piece.start) as u32))
}

/// One `Range` per span, added to the `Highlight` named after its class.
fn mark_ranges(
    document: &Document,
    c: &Collected,
    kept: &[((usize, usize), Annotation)],
    prefix: &str,
    registry: &JsValue,
    ctor: &Function,
    record: &Array,
) -> Result<(), JsValue> {
    let mut highlights: HashMap<String, JsValue> = HashMap::new();
    let static_range = Reflect::get(&js_sys::global(), &"StaticRange".into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
    for ((s, e), a) in kept {
        let (Some((sn, so)), Some((en, eo))) = (start_point(&c.pieces, *s), end_point(&c.pieces, *e)) else { continue };
        let range = new_range(document, static_range.as_ref(), (sn, so), (en, eo))?;
        let name = format!("{prefix}{}", a.marked.label.as_str());
        let highlight = match highlights.get(&name) {
            Some(h) => h.clone(),
            None => {
                let name_js = JsValue::from_str(&name);
                let mut h = call(registry, "get", &[&name_js])?;
                if !h.is_object() {
                    h = Reflect::construct(ctor, &Array::new())?;
                    // Inner layers paint over outer ones: a term over the quote it is in.
                    Reflect::set(&h, &"priority".into(), &a.marked.label.rank().into())?;
                    call(registry, "set", &[&name_js, &h])?;
                }
                highlights.insert(name.clone(), h.clone());
                h
            }
        };
        call(&highlight, "add", &[&range])?;
        record.push(&Array::of3(&"range".into(), &name.into(), &range));
    }
    Ok(())
}

/// A `StaticRange` where the browser has one, else a `Range`. A live `Range`
/// is updated on every DOM mutation of the document for as long as it lives
/// (until garbage collection, even after `clearHighlights`): with a thousand
/// of them, splitting and inserting nodes elsewhere on the page got ten times
/// slower in Chromium. Static ranges cost nothing after they are made; they do
/// not follow later edits of the text, so highlight again after changing it.
fn new_range(
    document: &Document,
    static_range: Option<&Function>,
    (sn, so): (&Text, u32),
    (en, eo): (&Text, u32),
) -> Result<JsValue, JsValue> {
    match static_range {
        Some(ctor) => {
            let init = js_sys::Object::new();
            Reflect::set(&init, &"startContainer".into(), sn)?;
            Reflect::set(&init, &"startOffset".into(), &so.into())?;
            Reflect::set(&init, &"endContainer".into(), en)?;
            Reflect::set(&init, &"endOffset".into(), &eo.into())?;
            Reflect::construct(ctor, &Array::of1(&init))
        }
        None => {
            let range = document.create_range()?;
            range.set_start(sn, so)?;
            range.set_end(en, eo)?;
            Ok(range.into())
        }
    }
}

fn make_mark(document: &Document, prefix: &str, marked: &Marked) -> Result<Element, JsValue> {
    let el = document.create_element("mark")?;
    el.set_attribute("class", &format!("{prefix}{}", marked.label.as_str()))?;
    for (name, value) in marked.data() {
        el.set_attribute(&format!("data-{name}"), &value)?;
    }
    Ok(el)
}

/// `<mark>` elements around the spans' pieces of text nodes, nested as in `highlight`.
fn wrap_marks(
    document: &Document,
    c: &Collected,
    kept: &[((usize, usize), Annotation)],
    prefix: &str,
    record: &Array,
) -> Result<(), JsValue> {
    let ranges: Vec<(usize, usize)> = kept.iter().map(|(r, _)| *r).collect();
    let nested = nest(&ranges, c.units);
    // For each text node, the nested spans over it, in nesting order.
    let mut over: Vec<Vec<usize>> = vec![Vec::new(); c.pieces.len()];
    for (k, n) in nested.iter().enumerate() {
        let first = c.pieces.partition_point(|p| p.end <= n.start);
        for (i, piece) in c.pieces.iter().enumerate().skip(first) {
            if piece.start >= n.end {
                break;
            }
            over[i].push(k);
        }
    }
    for (piece, spans) in c.pieces.iter().zip(&over) {
        if spans.is_empty() {
            continue;
        }
        // The spans clipped to this node, in its own offsets, with their annotation.
        let local: Vec<(usize, usize, &Marked)> = spans
            .iter()
            .map(|&k| {
                let n = nested[k];
                (n.start.max(piece.start) - piece.start, n.end.min(piece.end) - piece.start, &kept[n.index].1.marked)
            })
            .collect();
        wrap_piece(document, piece, &local, prefix, record)?;
    }
    Ok(())
}

fn wrap_piece(
    document: &Document,
    piece: &Piece,
    local: &[(usize, usize, &Marked)],
    prefix: &str,
    record: &Array,
) -> Result<(), JsValue> {
    let len = piece.end - piece.start;
    let Some(parent) = piece.node.parent_node() else { return Ok(()) };
    let mut cuts: Vec<usize> = local.iter().flat_map(|l| [l.0, l.1]).filter(|&p| p > 0 && p < len).collect();
    cuts.sort_unstable();
    cuts.dedup();
    // The node's exact text, lone surrogates included, for the restore.
    let original = Reflect::get(&piece.node, &"data".into())?;
    let tops = Array::new();
    record.push(&[JsValue::from("text"), piece.node.clone().into(), original, parent.clone().into(), tops.clone().into()]
        .into_iter()
        .collect::<Array>());
    // Split from the end, so the offsets of the cuts still left stay valid;
    // the original node keeps the first part.
    let mut parts: Vec<Text> = vec![piece.node.clone()];
    let mut tails: Vec<Text> = cuts.iter().rev().map(|&cut| piece.node.split_text(cut as u32)).collect::<Result<_, _>>()?;
    tails.reverse();
    parts.extend(tails);
    let mut bounds = vec![0];
    bounds.extend(&cuts);
    bounds.push(len);
    // The marks open around the current part: (index into `local`, element), outermost first.
    let mut open: Vec<(usize, Element)> = Vec::new();
    for (j, part) in parts.iter().enumerate() {
        let (a, b) = (bounds[j], bounds[j + 1]);
        let chain: Vec<usize> = (0..local.len()).filter(|&l| local[l].0 <= a && b <= local[l].1).collect();
        let common = open.iter().zip(&chain).take_while(|((o, _), c)| o == *c).count();
        open.truncate(common);
        for &l in &chain[common..] {
            let el = make_mark(document, prefix, local[l].2)?;
            match open.last() {
                Some((_, outer)) => {
                    outer.append_child(&el)?;
                }
                None => {
                    parent.insert_before(&el, Some(part))?;
                    tops.push(&el);
                }
            }
            open.push((l, el));
        }
        match open.last() {
            Some((_, inner)) => {
                inner.append_child(part)?;
            }
            None => {
                tops.push(part);
            }
        }
    }
    Ok(())
}

/// Undoes what [`highlight_element`] did to `element`: unwraps its marks,
/// joins the text nodes it split back into the original nodes, and removes
/// its ranges from `CSS.highlights`. Returns whether there was anything to undo.
pub fn clear_highlights(element: &Element) -> bool {
    let record = REGISTRY.with(|r| {
        let record = r.get(element);
        r.delete(element);
        record
    });
    if !Array::is_array(&record) {
        return false;
    }
    let api = highlight_api();
    for entry in Array::from(&record).iter().rev() {
        let entry = Array::from(&entry);
        match entry.get(0).as_string().as_deref() {
            Some("range") => {
                if let Some((registry, _)) = &api {
                    let _ = unregister(registry, &entry.get(1), &entry.get(2));
                }
            }
            Some("text") => restore_text(&entry),
            _ => {}
        }
    }
    true
}

fn unregister(registry: &JsValue, name: &JsValue, range: &JsValue) -> Result<(), JsValue> {
    let highlight = call(registry, "get", &[name])?;
    if highlight.is_object() {
        call(&highlight, "delete", &[range])?;
        if Reflect::get(&highlight, &"size".into())?.as_f64() == Some(0.0) {
            call(registry, "delete", &[name])?;
        }
    }
    Ok(())
}

/// Puts a split text node back: the original node, with its original text,
/// where its parts were; the parts and our marks removed.
fn restore_text(entry: &Array) {
    let node: Node = entry.get(1).unchecked_into();
    let parent: Node = entry.get(3).unchecked_into();
    let tops: Vec<Node> = Array::from(&entry.get(4)).iter().map(JsCast::unchecked_into).collect();
    let in_parent = |n: &Node| n.parent_node().is_some_and(|p| p.is_same_node(Some(&parent)));
    if let Some(first) = tops.iter().find(|t| in_parent(t)) {
        let _ = parent.insert_before(&node, Some(first));
    }
    for top in &tops {
        if !top.is_same_node(Some(&node)) && in_parent(top) {
            let _ = parent.remove_child(top);
        }
    }
    let _ = Reflect::set(&node, &"data".into(), &entry.get(2));
}

