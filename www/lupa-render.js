// Shared rendering helpers for the demo, <lupa-article> and the worker client.
//
// The wasm package's highlight() renders every layer (entities, dates,
// quantities, quotes, terms) as safe HTML. Older packages only render entity
// labels and reject the other options; for those, `renderFallback` builds the
// same <mark> structure from extract() results with DOM calls (text nodes and
// createElement only, never HTML strings), with the package's own findTerms()
// for search terms (none where it has no findTerms: the search fold is defined
// once, in Rust). Everything here is feature-detected, so a newer package is
// used as soon as it is built.

export const ENTITY_LABELS = ['PER', 'ORG', 'LOC', 'MISC'];
export const LAYERS = [...ENTITY_LABELS, 'dates', 'quantities', 'quotes'];
const ALL_INCLUDE = [...LAYERS, 'terms'];

/** Parses an include list ("PER, ORG dates" or an array); "entities" means every entity label. */
export function parseInclude(value) {
  const raw = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
  const out = [];
  for (const item of raw) {
    const v = String(item).trim();
    if (!v) continue;
    const norm = v.toLowerCase() === 'entities' ? ENTITY_LABELS : [canonicalLayer(v)];
    for (const n of norm) if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

function canonicalLayer(v) {
  const up = v.toUpperCase();
  if (ENTITY_LABELS.includes(up)) return up;
  const low = v.toLowerCase();
  const alias = { date: 'dates', quantity: 'quantities', quote: 'quotes', term: 'terms' }[low] ?? low;
  return ALL_INCLUDE.includes(alias) ? alias : null;
}

/** True when this package's highlight() takes every layer and the `terms` option. */
export function hasFullHighlight(mod) {
  try {
    mod.highlight('a', { include: ['PER', 'dates', 'quantities', 'quotes', 'terms'], terms: ['a'] });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- fallback rendering

function layerSpans(x, include, termHits, prefix) {
  const spans = [];
  const want = new Set(include);
  const push = (s, prio, cls, data) => {
    if (Number.isInteger(s?.start) && Number.isInteger(s?.end) && s.end > s.start) {
      spans.push({ start: s.start, end: s.end, prio, cls: prefix + cls, data });
    }
  };
  if (want.has('quotes')) {
    for (const q of x.quotes ?? []) {
      const data = { label: 'quote' };
      if (q.speaker?.text) data.speaker = q.speaker.text;
      push(q, 0, 'quote', data);
    }
  }
  for (const e of x.entities ?? []) {
    if (want.has(e.label)) push(e, 1, e.label, { label: e.label, id: String(e.id) });
  }
  if (want.has('dates')) {
    for (const d of x.dates ?? []) push(d, 1, 'date', { label: 'date', ...(d.value ? { value: d.value } : {}) });
  }
  if (want.has('quantities')) {
    for (const q of x.quantities ?? []) {
      push(q, 1, 'quantity', { label: 'quantity', ...(q.value !== undefined ? { value: String(q.value) } : {}) });
    }
  }
  for (const t of termHits ?? []) push(t, 2, 'term', { label: 'term', term: t.term });
  return spans;
}

/**
 * Builds a DocumentFragment with the marks of `x` (an extract() result) over
 * `text`: properly nested, crossing spans dropped.
 */
export function renderFallback(text, x, { include = LAYERS, termHits = [], classPrefix = 'lupa-' } = {}) {
  const spans = layerSpans(x, include, termHits, classPrefix);
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.prio - b.prio);
  const root = { start: 0, end: text.length, children: [] };
  const stack = [root];
  for (const s of spans) {
    while (stack.length > 1 && stack[stack.length - 1].end <= s.start) stack.pop();
    const top = stack[stack.length - 1];
    if (s.end > top.end) continue; // crosses its parent
    const node = { ...s, children: [] };
    top.children.push(node);
    stack.push(node);
  }
  const build = (node, parent) => {
    let pos = node.start;
    for (const c of node.children) {
      if (c.start > pos) parent.append(document.createTextNode(text.slice(pos, c.start)));
      const mark = document.createElement('mark');
      mark.className = c.cls;
      for (const [k, v] of Object.entries(c.data)) mark.dataset[k] = v;
      build(c, mark);
      parent.append(mark);
      pos = c.end;
    }
    if (node.end > pos) parent.append(document.createTextNode(text.slice(pos, node.end)));
  };
  const frag = document.createDocumentFragment();
  build(root, frag);
  return frag;
}

/** The extract() include list that the given highlight layers need. */
export function extractIncludeFor(include) {
  const out = [];
  if (include.some((l) => ENTITY_LABELS.includes(l)) || include.includes('quotes')) out.push('entities');
  for (const l of ['dates', 'quantities', 'quotes']) if (include.includes(l)) out.push(l);
  return out;
}

/**
 * Renders `text` into `target` (an element or shadow root) with `api`, whose
 * methods may be sync (the module) or async (the worker client). Uses
 * highlight() when `api.full` (see hasFullHighlight), otherwise extract() + renderFallback().
 * Returns { via: 'highlight' | 'fallback' }.
 */
export async function renderInto(target, api, text, opts) {
  const { include = LAYERS, terms = [], lang = 'auto', referenceDate, classPrefix, stem, patterns = [] } = opts;
  const hopts = {
    lang,
    include: [...include, ...(terms.length ? ['terms'] : []), ...(patterns.length ? ['patterns'] : [])],
  };
  if (terms.length) hopts.terms = terms;
  if (patterns.length) {
    // The pattern engine is a module of its own, fetched on first use.
    if (api.loadPatterns) await api.loadPatterns();
    hopts.patterns = patterns;
  }
  if (referenceDate) hopts.referenceDate = referenceDate;
  if (classPrefix) hopts.classPrefix = classPrefix;
  if (stem !== undefined && terms.length) hopts.stem = stem;
  if (api.full) {
    target.innerHTML = await api.highlight(text, hopts); // safe by construction: escaped text + <mark>
    return { via: 'highlight' };
  }
  const xopts = { lang, include: extractIncludeFor(include) };
  if (referenceDate) xopts.referenceDate = referenceDate;
  const x = await api.extract(text, xopts);
  const termHits = terms.length && api.findTerms ? await api.findTerms(text, terms, { lang }) : [];
  target.replaceChildren(renderFallback(text, x, { include, termHits, classPrefix: classPrefix || 'lupa-' }));
  return { via: 'fallback' };
}
