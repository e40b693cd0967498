// Lupa demo. Plain ES module, no framework, no bundler.
//
// Rule for the DOM: highlight() output is the only string ever assigned to
// innerHTML (escaped text with our own <mark> tags, safe by construction; see
// lupa-render.js for the fallback used with older packages, which builds
// nodes). Every other piece of text (entity names, titles, quotes, file
// contents, error messages) goes through textContent.

import { ENTITY_LABELS, LAYERS, hasFullHighlight, renderInto } from './lupa-render.js';
import { createLupaWorker } from './lupa-client.js';

/** Texts longer than this are analysed in a module worker, off the main thread. */
const WORKER_THRESHOLD = 200_000;
let workerPromise = null;

/** The analysis backend for a text: the module, or the worker for long texts. */
async function backendFor(text) {
  if (text.length <= WORKER_THRESHOLD) return lupa;
  workerPromise ??= createLupaWorker().catch((err) => {
    workerPromise = null;
    throw err;
  });
  return workerPromise;
}

const LAYER_META = [
  { id: 'PER', code: 'PER', name: 'People', cls: 'lupa-PER' },
  { id: 'ORG', code: 'ORG', name: 'Organisations', cls: 'lupa-ORG' },
  { id: 'LOC', code: 'LOC', name: 'Places', cls: 'lupa-LOC' },
  { id: 'MISC', code: 'MISC', name: 'Other names', cls: 'lupa-MISC' },
  { id: 'dates', code: 'DATE', name: 'Dates', cls: 'lupa-date' },
  { id: 'quantities', code: 'NUM', name: 'Quantities', cls: 'lupa-quantity' },
  { id: 'quotes', code: '“ ”', name: 'Quotes', cls: 'lupa-quote' },
  { id: 'patterns', code: '.*', name: 'Your patterns', cls: 'lupa-pattern' },
];
const LABEL_NAMES = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' };
const LANG_NAMES = { es: 'Spanish', en: 'English', unknown: 'Unknown language' };
const DEBOUNCE_MS = 300;
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** What the pattern field's example buttons add: real uses in Spanish and Mexican news. */
const PATTERN_EXAMPLES = {
  expediente: String.raw`expediente: Expediente (?<num>\d+)/(?<year>\d{4})`,
  fecha: String.raw`fecha: \b(?<day>\d{1,2})/(?<month>\d{1,2})/(?<year>\d{2,4})\b`,
  telefono: String.raw`telefono: \+(?<country>\d{1,3})(?: \d{2,4}){2,4}\b`,
  siglas: String.raw`siglas: \b[A-ZÁÉÍÓÚÑ]{2,}\b`,
};

const $ = (id) => document.getElementById(id);
const els = {
  status: $('status'),
  error: $('error'),
  controls: $('controls'),
  lang: $('lang'),
  refdate: $('refdate'),
  search: $('search'),
  searchNext: $('search-next'),
  searchCount: $('search-count'),
  patterns: $('patterns'),
  patternsError: $('patterns-error'),
  patternList: $('pattern-list'),
  patternTotal: $('pattern-total'),
  title: $('doc-title'),
  meta: $('doc-meta'),
  article: $('article'),
  input: $('input'),
  live: $('live'),
  analyse: $('analyse'),
  file: $('file'),
  legend: $('legend'),
  entities: $('entities'),
  entityTotal: $('entity-total'),
  quotes: $('quotes'),
  quoteTotal: $('quote-total'),
  dates: $('dates'),
  dateTotal: $('date-total'),
  keywords: $('keywords'),
  library: $('library'),
  libraryTotal: $('library-total'),
  libraryFilter: $('library-filter'),
  libraryFilterField: $('library-filter-field'),
  dropzone: $('dropzone'),
  theme: $('theme'),
};

/** @type {null | {extract: Function, highlight: Function, findTerms: Function | null, loadPatterns: Function | null, full: boolean}} */
let lupa = null;
/** What is shown: { title, text, source: 'seed' | 'input' | 'file', seed? } */
let current = null;
/** The last extraction and the key it was computed for. */
let extraction = null;
let extractionKey = '';
const enabled = new Set([...LAYERS, 'patterns']);
/** The pattern field's patterns that compile; the article and the panel use only these. */
let patterns = [];
/** Per entity / list: which mention was visited last. */
const visitIndex = new Map();
let renderToken = 0;
let renderGen = 0;

// ---------------------------------------------------------------- messages

function setStatus(msg) {
  els.status.textContent = msg;
}

function showError(title, err) {
  const detail = err instanceof Error ? err.message : String(err ?? '');
  els.error.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = title;
  els.error.append(strong);
  if (detail) {
    const p = document.createElement('p');
    p.textContent = detail;
    els.error.append(p);
  }
  els.error.hidden = false;
}

function clearError() {
  els.error.hidden = true;
  els.error.replaceChildren();
}

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

// ---------------------------------------------------------------- theme

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function isDark() {
  const t = document.documentElement.dataset.theme;
  return t ? t === 'dark' : darkQuery.matches;
}

function syncThemeButton() {
  els.theme.setAttribute('aria-pressed', String(isDark()));
}

function toggleTheme() {
  const next = isDark() ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try {
    localStorage.setItem('lupa-theme', next);
  } catch {
    /* private mode */
  }
  syncThemeButton();
}

// ---------------------------------------------------------------- legend

function buildLegend() {
  els.legend.replaceChildren();
  for (const layer of LAYER_META) {
    const btn = el(
      'button',
      {
        type: 'button',
        class: 'legend-item',
        dataset: { layer: layer.id },
        'aria-pressed': String(enabled.has(layer.id)),
        onclick: () => toggleLayer(layer.id),
      },
      el('span', { class: `swatch swatch-${layer.id}`, 'aria-hidden': 'true' }),
      el('span', { class: 'legend-code', text: layer.code, 'aria-hidden': 'true' }),
      el('span', { class: 'legend-name', text: layer.name }),
      el('span', { class: 'legend-count', text: '' }),
    );
    els.legend.append(el('li', {}, btn));
  }
}

function updateLegendCounts(x) {
  const counts = {
    dates: x?.dates?.length ?? 0,
    quantities: x?.quantities?.length ?? 0,
    quotes: x?.quotes?.length ?? 0,
    patterns: x?.patterns?.length ?? 0,
  };
  for (const l of ENTITY_LABELS) counts[l] = (x?.entities ?? []).filter((e) => e.label === l).length;
  for (const btn of els.legend.querySelectorAll('.legend-item')) {
    const n = counts[btn.dataset.layer] ?? 0;
    btn.querySelector('.legend-count').textContent = String(n);
    btn.title = `${n} in this text`;
  }
}

function toggleLayer(id, on = !enabled.has(id)) {
  if (on) enabled.add(id);
  else enabled.delete(id);
  const btn = els.legend.querySelector(`.legend-item[data-layer="${id}"]`);
  btn?.setAttribute('aria-pressed', String(on));
  return renderArticle();
}

// ---------------------------------------------------------------- mark lookup

/** Maps each <mark> in the article to the UTF-16 offset where it starts. */
function markStarts() {
  const starts = new Map();
  const walker = document.createTreeWalker(els.article, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) pos += n.data.length;
    else if (n.tagName === 'MARK') starts.set(n, pos);
  }
  return starts;
}

/** The <mark class="cls"> starting at `start`, or null. */
function findMark(cls, start) {
  for (const [m, s] of markStarts()) if (s === start && m.classList.contains(cls)) return m;
  return null;
}

function flash(mark) {
  for (const m of els.article.querySelectorAll('mark.is-current')) m.classList.remove('is-current');
  mark.classList.add('is-current');
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

/**
 * Visits the next of `spans` (sorted by start), each shown as <mark class=cls>;
 * turns its layer on first if needed.
 */
async function visit(key, spans, layer, cls, describe) {
  if (!spans.length) return;
  if (!enabled.has(layer)) await toggleLayer(layer, true);
  const i = ((visitIndex.get(key) ?? -1) + 1) % spans.length;
  visitIndex.set(key, i);
  const mark = findMark(cls, spans[i].start);
  if (mark) {
    flash(mark);
    setStatus(`${describe} ${i + 1} of ${spans.length}: “${spans[i].text}”`);
  } else {
    setStatus(`${describe} ${i + 1} of ${spans.length} is not highlighted (it overlaps another mark).`);
  }
}


// ---------------------------------------------------------------- entities panel

/** Outlines every mention of one entity while its panel entry is hovered or focused. */
function relate(label, id) {
  for (const m of els.article.querySelectorAll('mark.is-related')) m.classList.remove('is-related');
  if (!label || !Number.isInteger(id)) return;
  for (const m of els.article.querySelectorAll(`mark.lupa-${label}[data-id="${id}"]`)) m.classList.add('is-related');
}

function groupEntities(entities) {
  const groups = new Map();
  for (const e of entities) {
    const key = `${e.label}:${Number.isInteger(e.id) ? e.id : e.text}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, id: e.id, label: e.label, name: '', canonical: '', mentions: [] };
      groups.set(key, g);
    }
    g.mentions.push(e);
    if (typeof e.canonical === 'string' && e.canonical) g.canonical = e.canonical;
    if (e.text.length > g.name.length) g.name = e.text;
  }
  for (const g of groups.values()) {
    if (g.canonical) g.name = g.canonical;
    g.mentions.sort((a, b) => a.start - b.start);
  }
  return groups;
}

function renderEntities(entities) {
  els.entities.replaceChildren();
  const groups = [...groupEntities(entities).values()];
  els.entityTotal.textContent = String(groups.length);
  if (!groups.length) {
    els.entities.append(el('p', { class: 'empty', text: 'No entities found.' }));
    return;
  }
  for (const label of ENTITY_LABELS) {
    const items = groups
      .filter((g) => g.label === label)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
    if (!items.length) continue;
    const meta = LAYER_META.find((l) => l.id === label);
    const ul = el('ul', { class: 'entity-list' });
    for (const g of items) {
      const forms = [...new Set(g.mentions.map((m) => m.text))].filter((f) => f !== g.name);
      const n = g.mentions.length;
      const btn = el(
        'button',
        {
          type: 'button',
          class: 'entity',
          dataset: { id: Number.isInteger(g.id) ? String(g.id) : undefined, label },
          onclick: () => visit(`entity:${g.key}`, g.mentions, label, `lupa-${label}`, 'Mention'),
          onmouseenter: () => relate(label, g.id),
          onmouseleave: () => relate(null),
          onfocus: () => relate(label, g.id),
          onblur: () => relate(null),
        },
        // The name comes from the visible text (a label that differed from it
        // would not match what speech-input users say), with the label and
        // the count spelled out for screen readers.
        el('span', { class: 'entity-text', text: g.name }),
        el('span', { class: 'visually-hidden', text: `, ${LABEL_NAMES[label] ?? label}, ` }),
        el('span', { class: 'entity-count', 'aria-hidden': 'true', text: `×${n}` }),
        el('span', { class: 'visually-hidden', text: `${plural(n, 'mention', 'mentions')}. Go to the next mention.` }),
        forms.length ? el('span', { class: 'entity-alias', text: `also: ${forms.join(', ')}` }) : null,
      );
      if (!btn.dataset.id) delete btn.dataset.id;
      ul.append(el('li', {}, btn));
    }
    els.entities.append(
      el(
        'section',
        { class: 'group', dataset: { label } },
        el(
          'h3',
          { class: 'group-title' },
          el('span', { class: `swatch swatch-${label}`, 'aria-hidden': 'true' }),
          el('span', { class: 'group-code', text: label }),
          el('span', { class: 'group-name', text: meta.name }),
          el('span', { class: 'count', text: String(items.length) }),
        ),
        ul,
      ),
    );
  }
}

// ---------------------------------------------------------------- quotes, dates, key phrases

function shorten(s, n = 220) {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}

function renderQuotes(quotes) {
  els.quotes.replaceChildren();
  els.quoteTotal.textContent = String(quotes.length);
  if (!quotes.length) {
    els.quotes.append(el('li', { class: 'empty', text: 'No quotes found.' }));
    return;
  }
  const spans = [...quotes].sort((a, b) => a.start - b.start);
  spans.forEach((q, i) => {
    const speaker = q.speaker?.text;
    els.quotes.append(
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            class: 'panel-item quote',
            onclick: () => {
              visitIndex.set('quotes', i - 1);
              visit('quotes', spans, 'quotes', 'lupa-quote', 'Quote');
            },
          },
          el('q', { class: 'quote-text', text: shorten(q.text) }),
          el('span', { class: 'quote-speaker', text: speaker ? `— ${speaker}` : q.scare ? 'scare quotes' : 'no speaker found' }),
        ),
      ),
    );
  });
}

const MONTH_OF_QUARTER = { 1: 1, 2: 4, 3: 7, 4: 10 };

/**
 * A sortable key for an ISO 8601 date value (the start of the period), or null
 * for durations, sets and anything unparsed.
 */
function dateSortKey(d) {
  if (d.unresolved || typeof d.value !== 'string') return null;
  const v = d.value;
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-W(\d{2}))?(?:T(\d{2}):?(\d{2})?)?/.exec(v);
  if (!m) return null; // durations (P9M), sets, bare times
  const year = Number(m[1]);
  let month = m[2] ? Number(m[2]) : 1;
  let day = m[3] ? Number(m[3]) : 1;
  if (m[4]) month = MONTH_OF_QUARTER[m[4]];
  if (m[5]) month = m[5] === '1' ? 1 : 7;
  if (m[6]) {
    month = 1;
    day = 1 + (Number(m[6]) - 1) * 7;
  }
  const hours = m[7] ? Number(m[7]) : 0;
  const minutes = m[8] ? Number(m[8]) : 0;
  // Finer-grained values sort after coarser ones that start on the same day.
  const precision = m[3] ? 2 : m[2] || m[6] ? 1 : 0;
  return Date.UTC(year, month - 1, day, hours, minutes) + precision;
}

function sortDates(dates) {
  return dates
    .map((d, i) => ({ d, i, key: dateSortKey(d) }))
    .sort((a, b) => {
      if (a.key === null && b.key === null) return a.d.start - b.d.start;
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return a.key - b.key || a.d.start - b.d.start;
    })
    .map((x) => x.d);
}

function renderDates(dates) {
  els.dates.replaceChildren();
  els.dateTotal.textContent = String(dates.length);
  if (!dates.length) {
    els.dates.append(el('li', { class: 'empty', text: 'No dates found.' }));
    return;
  }
  const inText = [...dates].sort((a, b) => a.start - b.start);
  for (const d of sortDates(dates)) {
    const key = dateSortKey(d);
    const value = d.value ? (d.endValue ? `${d.value} → ${d.endValue}` : d.value) : '';
    els.dates.append(
      el(
        'li',
        { dataset: { value: d.value ?? '', kind: d.kind, unresolved: key === null ? 'true' : 'false' } },
        el(
          'button',
          {
            type: 'button',
            class: 'panel-item date',
            onclick: () => {
              visitIndex.set('dates', inText.indexOf(d) - 1);
              visit('dates', inText, 'dates', 'lupa-date', 'Date');
            },
          },
          el('span', { class: 'date-text', text: d.text }),
          el('span', { class: 'date-value', text: value || (d.unresolved ? 'unresolved' : d.kind) }),
        ),
      ),
    );
  }
}

function renderKeywords(keywords) {
  els.keywords.replaceChildren();
  if (!keywords.length) {
    els.keywords.append(el('li', { class: 'empty', text: 'No key phrases found.' }));
    return;
  }
  for (const k of keywords) {
    els.keywords.append(
      el(
        'li',
        { class: 'keyword' },
        el('span', { class: 'keyword-text', text: k.text }),
        Number.isFinite(k.count) ? el('span', { class: 'keyword-count', text: `×${k.count}` }) : null,
      ),
    );
  }
}

// ---------------------------------------------------------------- patterns

function renderPatterns(found) {
  els.patternList.replaceChildren();
  els.patternTotal.textContent = String(found.length);
  if (!found.length) {
    const text = patterns.length ? 'No matches for your patterns.' : 'Write a pattern under Settings to list its matches here.';
    els.patternList.append(el('li', { class: 'empty', text }));
    return;
  }
  found.forEach((p, i) => {
    const groups = p.groups.map((g) => `${g.name}: ${g.text}`).join(' · ');
    els.patternList.append(
      el(
        'li',
        { dataset: { pattern: p.name } },
        el(
          'button',
          {
            type: 'button',
            class: 'panel-item pattern-match',
            onclick: () => {
              visitIndex.set('patterns', i - 1);
              visit('patterns', found, 'patterns', 'lupa-pattern', 'Match');
            },
          },
          el('span', { class: 'pattern-text', text: p.text }),
          el('span', { class: 'pattern-name', text: p.name }),
          groups ? el('span', { class: 'pattern-groups', text: groups }) : null,
        ),
      ),
    );
  });
}

/** The pattern field: a pattern a line, `name: pattern` or bare (then named after its line). */
function fieldPatterns() {
  const out = [];
  els.patterns.value.split('\n').forEach((line, i) => {
    const m = /^\s*([\p{L}\p{N}_-]+)\s*:(.*)$/u.exec(line);
    const pattern = (m ? m[2] : line).trim();
    if (pattern) out.push({ name: m ? m[1] : `line-${i + 1}`, pattern });
  });
  return out;
}

/** The patterns of `list` that compile, and the library's message for the first that does not. */
function checkPatterns(list) {
  // Options are checked before any text is read, so an empty text costs only the compilation.
  const check = (l) => lupa.extract('', { include: [], patterns: l });
  try {
    check(list);
    return { ok: list, error: '' };
  } catch {
    // Keep the others, so that a line still being typed does not hide every mark.
    const ok = [];
    let error = '';
    for (const p of list) {
      try {
        check([...ok, p]);
        ok.push(p);
      } catch (err) {
        error ||= err instanceof Error ? err.message : String(err);
      }
    }
    return { ok, error };
  }
}

let patternsTimer = 0;
let patternsGen = 0;

/** Reads the pattern field, fetching the engine on first use, and re-renders if the patterns changed. */
async function updatePatterns() {
  if (!lupa) return;
  const gen = ++patternsGen;
  const list = fieldPatterns();
  let ok = [];
  let error = '';
  if (list.length) {
    try {
      if (!lupa.loadPatterns) throw new Error('This build of pkg/ has no pattern engine (no loadPatterns()).');
      await lupa.loadPatterns();
      ({ ok, error } = checkPatterns(list));
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  if (gen !== patternsGen) return;
  // Rewriting the same text would announce it again.
  if (els.patternsError.textContent !== error) els.patternsError.textContent = error;
  els.patternsError.hidden = !error;
  if (error) els.patterns.setAttribute('aria-invalid', 'true');
  else els.patterns.removeAttribute('aria-invalid');
  if (JSON.stringify(ok) === JSON.stringify(patterns)) return;
  patterns = ok;
  await render();
}

async function addExample(key) {
  const line = PATTERN_EXAMPLES[key];
  if (!line) return;
  const lines = els.patterns.value.split('\n').filter((l) => l.trim());
  if (!lines.includes(line)) lines.push(line);
  els.patterns.value = lines.join('\n');
  clearTimeout(patternsTimer);
  await updatePatterns();
  const n = extraction?.patterns?.length ?? 0;
  setStatus(`Added the pattern “${line.slice(0, line.indexOf(':'))}”; ${plural(n, 'match', 'matches')} for your patterns.`);
}

// ---------------------------------------------------------------- search

/** The search box's terms: one phrase, or several separated by commas. */
function searchTerms() {
  return els.search.value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

async function findTerms(api, text, terms, lang) {
  if (!terms.length) return [];
  const has = api === lupa ? Boolean(lupa.findTerms) : api.functions.includes('findTerms');
  // A package without findTerms() finds no terms (the search fold lives in Rust only).
  return has ? api.findTerms(text, terms, { lang }) : [];
}

function updateSearchCount(hits) {
  const q = els.search.value.trim();
  els.searchNext.disabled = hits.length === 0;
  els.searchCount.dataset.count = String(hits.length);
  els.searchCount.textContent = q
    ? hits.length
      ? `${plural(hits.length, 'match', 'matches')} for “${q}”`
      : `No matches for “${q}”`
    : '';
}

let searchHits = [];
function nextSearchHit() {
  if (!searchHits.length) return;
  const i = ((visitIndex.get('search') ?? -1) + 1) % searchHits.length;
  visitIndex.set('search', i);
  const hit = searchHits[i];
  const mark = findMark('lupa-term', hit.start);
  if (mark) flash(mark);
  setStatus(`Match ${i + 1} of ${searchHits.length}`);
}

// ---------------------------------------------------------------- analysis

function langOption() {
  const v = els.lang.value;
  return v === 'es' || v === 'en' ? v : 'auto';
}

function refDateOption() {
  const v = els.refdate.value;
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Re-renders only the article (layers and search terms changed). */
async function renderArticle() {
  if (!current || !lupa) return;
  const token = ++renderToken;
  const { text } = current;
  const lang = langOption();
  const terms = searchTerms();
  try {
    const api = await backendFor(text);
    const hits = await findTerms(api, text, terms, lang);
    if (token !== renderToken) return;
    searchHits = hits;
    const include = LAYERS.filter((l) => enabled.has(l));
    const scratch = document.createElement('div');
    await renderInto(scratch, api, text, {
      lang,
      include,
      terms,
      referenceDate: refDateOption(),
      patterns: enabled.has('patterns') ? patterns : [],
    });
    if (token !== renderToken) return;
    els.article.replaceChildren(...scratch.childNodes);
  } catch (err) {
    console.warn('lupa failed:', err);
    showError('Lupa could not highlight this text.', err);
    els.article.textContent = text;
    searchHits = [];
  }
  visitIndex.delete('search');
  updateSearchCount(searchHits);
  els.article.dataset.rendered = String(token);
}

/** Full analysis: extraction, panels and article. */
async function render() {
  if (!current) return;
  const gen = ++renderGen;
  els.title.textContent = current.title;
  if (!lupa) {
    els.article.textContent = current.text;
    return;
  }
  const { text } = current;
  const lang = langOption();
  const referenceDate = refDateOption();
  const key = `${lang}|${referenceDate}|${JSON.stringify(patterns)}|${text}`;
  if (key !== extractionKey) {
    try {
      const opts = { lang };
      if (referenceDate) opts.referenceDate = referenceDate;
      if (patterns.length) opts.patterns = patterns;
      const api = await backendFor(text);
      if (api !== lupa) setStatus(`Analysing ${text.length.toLocaleString('en')} characters in a worker…`);
      const t0 = performance.now();
      const result = await api.extract(text, opts);
      if (gen !== renderGen) return; // a newer render started meanwhile
      extraction = result;
      if (api !== lupa) setStatus(`Analysed in a worker in ${Math.round(performance.now() - t0)} ms.`);
      extractionKey = key;
      clearError();
    } catch (err) {
      console.warn('lupa failed:', err);
      showError('Lupa could not analyse this text.', err);
      extraction = { lang: 'unknown', sentences: [], entities: [], dates: [], quantities: [], quotes: [], keywords: [], patterns: [] };
      extractionKey = '';
    }
    visitIndex.clear();
  }
  const x = extraction;
  const detected = x.lang;
  els.article.lang = detected === 'es' || detected === 'en' ? detected : '';
  const entities = Array.isArray(x.entities) ? x.entities : [];
  renderEntities(entities);
  renderQuotes(x.quotes ?? []);
  renderDates(x.dates ?? []);
  renderKeywords(x.keywords ?? []);
  renderPatterns(x.patterns ?? []);
  updateLegendCounts(x);

  const words = text.trim() ? text.trim().split(/\s+/u).length : 0;
  const parts = [
    `${LANG_NAMES[detected] ?? detected}${lang === 'auto' ? ' (detected)' : ''}`,
    plural(words, 'word', 'words'),
  ];
  if (Array.isArray(x.sentences)) parts.push(plural(x.sentences.length, 'sentence', 'sentences'));
  parts.push(plural(entities.length, 'entity mention', 'entity mentions'));
  els.meta.textContent = parts.join(' · ');
  await renderArticle();
}

function show(title, text, source, seed) {
  current = { title, text, source, seed };
  for (const b of els.library.querySelectorAll('button')) {
    if (Number(b.dataset.index) === seed) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  return render();
}

function analyseInput() {
  const text = els.input.value;
  if (!text.trim()) return;
  return show('Your text', text, 'input');
}

let debounceTimer = 0;
function scheduleAnalyse() {
  clearTimeout(debounceTimer);
  if (!els.live.checked) return;
  debounceTimer = setTimeout(analyseInput, DEBOUNCE_MS);
}

async function openFile(file) {
  if (!file) return;
  const okType = file.type === '' || file.type.startsWith('text/') || /\.txt$/i.test(file.name);
  if (!okType) {
    showError('Only plain-text (.txt) files can be analysed.', `${file.name}: ${file.type}`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError('That file is too large.', `${file.name}: ${plural(file.size, 'byte', 'bytes')}`);
    return;
  }
  const text = await file.text();
  clearError();
  els.input.value = text;
  setStatus(`Opened ${file.name}.`);
  await show(file.name, text, 'file');
}

// ---------------------------------------------------------------- seeds

/** @type {{title: string, lang?: string, file: string, date?: string}[]} */
let seeds = [];
const seedText = new Map();

async function fetchText(url, kind) {
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${kind} ${url}: HTTP ${res.status}`);
  return res.text();
}

async function loadSeedIndex() {
  const raw = await fetchText('../seeds/index.json', 'seed index');
  const list = JSON.parse(raw);
  if (!Array.isArray(list)) throw new Error('seeds/index.json is not an array');
  seeds = list.filter(
    (s) => s && typeof s.file === 'string' && /^[\w.-]+$/.test(s.file) && typeof s.title === 'string',
  );
  buildLibrary();
}

function buildLibrary() {
  els.library.replaceChildren();
  els.libraryTotal.textContent = String(seeds.length);
  els.libraryFilterField.hidden = seeds.length <= 6;
  if (!seeds.length) {
    els.library.append(el('li', { class: 'empty', text: 'No articles.' }));
    return;
  }
  seeds.forEach((s, i) => {
    const date = typeof s.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? s.date : '';
    els.library.append(
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            class: 'library-item',
            dataset: { index: String(i), file: s.file },
            onclick: () => selectSeed(i),
          },
          el('span', { class: 'library-title', text: s.title }),
          el(
            'span',
            { class: 'library-meta' },
            s.lang ? el('span', { class: 'tag', text: s.lang.toUpperCase() }) : null,
            date ? el('time', { datetime: date, text: date }) : null,
          ),
        ),
      ),
    );
  });
}

function filterLibrary() {
  const q = els.libraryFilter.value.trim().toLowerCase();
  for (const b of els.library.querySelectorAll('.library-item')) {
    b.parentElement.hidden = q !== '' && !b.textContent.toLowerCase().includes(q);
  }
}

async function selectSeed(index) {
  const seed = seeds[index];
  if (!seed) return;
  try {
    let text = seedText.get(seed.file);
    if (text === undefined) {
      text = (await fetchText(`../seeds/${seed.file}`, 'seed')).trim();
      seedText.set(seed.file, text);
    }
    els.refdate.value = typeof seed.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(seed.date) ? seed.date : today();
    await show(seed.title, text, 'seed', index);
  } catch (err) {
    showError('Could not load the article.', err);
  }
}

// ---------------------------------------------------------------- startup

async function loadLupa() {
  const url = new URL('../pkg/lupa.js', import.meta.url).href;
  const mod = await import(url);
  await mod.default();
  if (typeof mod.extract !== 'function' || typeof mod.highlight !== 'function') {
    throw new Error('pkg/lupa.js does not export extract() and highlight()');
  }
  return {
    extract: mod.extract,
    highlight: mod.highlight,
    findTerms: typeof mod.findTerms === 'function' ? mod.findTerms : null,
    loadPatterns: typeof mod.loadPatterns === 'function' ? mod.loadPatterns : null,
    full: hasFullHighlight(mod),
  };
}

function wireDrop() {
  let depth = 0;
  const hasFiles = (ev) => [...(ev.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    depth += 1;
    els.dropzone.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) els.dropzone.hidden = true;
  });
  document.addEventListener('dragover', (ev) => {
    if (hasFiles(ev)) ev.preventDefault();
  });
  document.addEventListener('drop', (ev) => {
    depth = 0;
    els.dropzone.hidden = true;
    const file = ev.dataTransfer?.files?.[0];
    if (!file) return;
    ev.preventDefault();
    openFile(file).catch((err) => showError('Could not read the file.', err));
  });
}

async function main() {
  buildLegend();
  syncThemeButton();
  darkQuery.addEventListener('change', syncThemeButton);
  els.theme.addEventListener('click', toggleTheme);
  els.controls.addEventListener('submit', (ev) => ev.preventDefault());
  els.lang.addEventListener('change', render);
  els.refdate.value = today();
  els.refdate.addEventListener('change', render);
  let searchTimer = 0;
  els.search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(renderArticle, 150);
  });
  els.search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(searchTimer);
      renderArticle().then(nextSearchHit);
    } else if (ev.key === 'Escape' && els.search.value) {
      els.search.value = '';
      renderArticle();
    }
  });
  els.searchNext.addEventListener('click', nextSearchHit);
  els.patterns.addEventListener('input', () => {
    clearTimeout(patternsTimer);
    patternsTimer = setTimeout(updatePatterns, DEBOUNCE_MS);
  });
  for (const btn of document.querySelectorAll('[data-example]')) {
    btn.title = PATTERN_EXAMPLES[btn.dataset.example];
    btn.addEventListener('click', () => addExample(btn.dataset.example));
  }
  els.analyse.addEventListener('click', () => {
    clearTimeout(debounceTimer);
    analyseInput();
  });
  els.input.addEventListener('input', scheduleAnalyse);
  els.input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      clearTimeout(debounceTimer);
      analyseInput();
    }
  });
  els.file.addEventListener('change', () => {
    openFile(els.file.files?.[0]).catch((err) => showError('Could not read the file.', err));
    els.file.value = '';
  });
  els.libraryFilter.addEventListener('input', filterLibrary);
  wireDrop();
  // Pasting anywhere outside a text field analyses the pasted text.
  document.addEventListener('paste', (ev) => {
    const t = ev.target;
    if (t instanceof HTMLElement && t.closest('input, textarea, select, [contenteditable]')) return;
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    ev.preventDefault();
    els.input.value = text;
    clearTimeout(debounceTimer);
    analyseInput();
  });

  const [wasm, index] = await Promise.allSettled([loadLupa(), loadSeedIndex()]);
  if (wasm.status === 'fulfilled') {
    lupa = wasm.value;
    els.analyse.disabled = false;
  } else {
    console.warn('lupa wasm failed to load:', wasm.reason);
    showError(
      'The Lupa WebAssembly module failed to load. Build it with `wasm-pack build --target web --out-dir pkg` and reload.',
      wasm.reason,
    );
  }
  if (index.status === 'rejected') {
    console.warn('seed index failed to load:', index.reason);
    if (wasm.status === 'fulfilled') showError('Could not load the seed articles.', index.reason);
    seeds = [];
    buildLibrary();
  } else if (seeds.length) {
    await selectSeed(0);
  }
  if (lupa && !lupa.full) console.info('lupa: this package highlights entities only; the page draws the other layers');
  setStatus('');
  document.documentElement.dataset.ready = lupa ? 'true' : 'error';
}

main().catch((err) => {
  showError('Unexpected error while starting the demo.', err);
  setStatus('');
  document.documentElement.dataset.ready = 'error';
});
