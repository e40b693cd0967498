// Lupa demo. Plain ES module, no framework, no bundler.
//
// Rule for the DOM: highlight() output is the only string ever assigned to
// innerHTML (it is escaped HTML with our own <mark> tags, safe by construction).
// Every other piece of text (entity texts, titles, error messages) goes through
// textContent.

const LABELS = [
  { id: 'PER', name: 'Person' },
  { id: 'ORG', name: 'Organisation' },
  { id: 'LOC', name: 'Location' },
  { id: 'MISC', name: 'Other' },
];
const LABEL_IDS = LABELS.map((l) => l.id);
const DEBOUNCE_MS = 300;

const $ = (id) => document.getElementById(id);
const els = {
  status: $('status'),
  error: $('error'),
  controls: $('controls'),
  seed: $('seed'),
  lang: $('lang'),
  title: $('doc-title'),
  meta: $('doc-meta'),
  article: $('article'),
  input: $('input'),
  live: $('live'),
  analyse: $('analyse'),
  legend: $('legend'),
  entities: $('entities'),
  total: $('entity-total'),
  details: $('details'),
  detailsCard: $('details-card'),
};

/** @type {null | {extract: Function, highlight: Function}} */
let lupa = null;
/** What is currently shown: { title, text, source: 'seed' | 'input', seedLang? } */
let current = null;
const enabled = new Set(LABEL_IDS);

// ---------------------------------------------------------------- messages

function setStatus(msg) {
  els.status.textContent = msg;
  els.status.hidden = !msg;
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

// ---------------------------------------------------------------- legend

function buildLegend() {
  els.legend.replaceChildren();
  for (const { id, name } of LABELS) {
    const li = document.createElement('li');
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'legend-item';
    btn.dataset.label = id;
    btn.setAttribute('aria-pressed', String(enabled.has(id)));
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.label = id;
    const code = document.createElement('span');
    code.className = 'legend-code';
    code.textContent = id;
    const desc = document.createElement('span');
    desc.className = 'legend-name';
    desc.textContent = name;
    btn.append(swatch, code, desc);
    btn.addEventListener('click', () => {
      if (enabled.has(id)) enabled.delete(id);
      else enabled.add(id);
      btn.setAttribute('aria-pressed', String(enabled.has(id)));
      render();
    });
    li.append(btn);
    els.legend.append(li);
  }
}

// ---------------------------------------------------------------- entities panel

/** Groups entity mentions by label, then by entity id. */
function groupEntities(entities) {
  const byLabel = new Map(LABEL_IDS.map((l) => [l, new Map()]));
  for (const e of entities) {
    if (!byLabel.has(e.label)) byLabel.set(e.label, new Map());
    const group = byLabel.get(e.label);
    const key = Number.isInteger(e.id) ? `id:${e.id}` : `text:${e.text}`;
    let item = group.get(key);
    if (!item) {
      item = { id: e.id, name: e.text, canonical: '', mentions: 0, forms: new Set(), first: e.start };
      group.set(key, item);
    }
    item.mentions += 1;
    item.forms.add(e.text);
    if (typeof e.canonical === 'string' && e.canonical) item.canonical = e.canonical;
    // Longest surface form ("Vladimir Putin" rather than "Putin").
    if (e.text.length > item.name.length) item.name = e.text;
  }
  // The core's canonical name, when it gives one, wins.
  for (const group of byLabel.values()) {
    for (const item of group.values()) if (item.canonical) item.name = item.canonical;
  }
  return byLabel;
}

function renderEntities(entities) {
  els.entities.replaceChildren();
  const byLabel = groupEntities(entities);
  let distinct = 0;
  for (const [label, group] of byLabel) {
    if (group.size === 0) continue;
    distinct += group.size;
    const meta = LABELS.find((l) => l.id === label);
    const section = document.createElement('section');
    section.className = 'group';
    section.dataset.label = label;

    const h = document.createElement('h3');
    h.className = 'group-title';
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.label = label;
    const code = document.createElement('span');
    code.className = 'group-code';
    code.textContent = label;
    const name = document.createElement('span');
    name.className = 'group-name';
    name.textContent = meta ? meta.name : '';
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(group.size);
    count.title = `${group.size} distinct ${group.size === 1 ? 'entity' : 'entities'}`;
    h.append(swatch, code, name, count);

    const ul = document.createElement('ul');
    ul.className = 'entity-list';
    const items = [...group.values()].sort(
      (a, b) => b.mentions - a.mentions || a.first - b.first,
    );
    for (const item of items) {
      const li = document.createElement('li');
      li.className = 'entity';
      if (Number.isInteger(item.id)) li.dataset.id = String(item.id);
      li.tabIndex = 0;
      const text = document.createElement('span');
      text.className = 'entity-text';
      text.textContent = item.name;
      li.append(text);
      const others = [...item.forms].filter((f) => f !== item.name);
      if (others.length) {
        const alias = document.createElement('span');
        alias.className = 'entity-alias';
        alias.textContent = `also: ${others.join(', ')}`;
        li.append(alias);
      }
      const n = document.createElement('span');
      n.className = 'entity-count';
      n.textContent = `×${item.mentions}`;
      n.title = `${item.mentions} ${item.mentions === 1 ? 'mention' : 'mentions'}`;
      li.append(n);
      li.addEventListener('mouseenter', () => focusMentions(item.id, false));
      li.addEventListener('mouseleave', () => focusMentions(null, false));
      li.addEventListener('focus', () => focusMentions(item.id, false));
      li.addEventListener('blur', () => focusMentions(null, false));
      li.addEventListener('click', () => focusMentions(item.id, true));
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          focusMentions(item.id, true);
        }
      });
      ul.append(li);
    }
    section.append(h, ul);
    els.entities.append(section);
  }
  els.total.textContent = String(distinct);
  if (distinct === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No entities found.';
    els.entities.append(p);
  }
}

// ---------------------------------------------------------------- other results

const DETAIL_KINDS = [
  {
    key: 'dates',
    title: 'Dates and times',
    describe: (d) => [d.text, d.value ?? d.kind],
  },
  {
    key: 'quantities',
    title: 'Quantities',
    describe: (q) => [
      q.text,
      [q.kind, q.value, q.currency ?? q.unit].filter((x) => x !== undefined && x !== null).join(' · '),
    ],
  },
  {
    key: 'quotes',
    title: 'Quotes',
    describe: (q) => [q.text, q.speaker && typeof q.speaker.text === 'string' ? `— ${q.speaker.text}` : ''],
  },
  {
    key: 'keywords',
    title: 'Keywords',
    describe: (k) => [k.text, Number.isFinite(k.count) ? `×${k.count}` : ''],
  },
];
const DETAIL_LIMIT = 12;

/** Dates, quantities, quotes and keywords, when the core returns any. */
function renderDetails(extraction) {
  els.details.replaceChildren();
  let shown = 0;
  for (const { key, title, describe } of DETAIL_KINDS) {
    const list = Array.isArray(extraction[key]) ? extraction[key] : [];
    if (!list.length) continue;
    shown += 1;
    const section = document.createElement('section');
    section.className = 'detail-group';
    section.dataset.kind = key;
    const h = document.createElement('h3');
    h.className = 'group-title';
    const name = document.createElement('span');
    name.textContent = title;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(list.length);
    h.append(name, count);
    const ul = document.createElement('ul');
    ul.className = 'detail-list';
    for (const item of list.slice(0, DETAIL_LIMIT)) {
      const [main, extra] = describe(item ?? {});
      const li = document.createElement('li');
      const a = document.createElement('span');
      a.className = 'detail-text';
      a.textContent = String(main ?? '');
      li.append(a);
      if (extra !== undefined && extra !== null && extra !== '') {
        const b = document.createElement('span');
        b.className = 'detail-extra';
        b.textContent = String(extra);
        li.append(b);
      }
      ul.append(li);
    }
    if (list.length > DETAIL_LIMIT) {
      const li = document.createElement('li');
      li.className = 'detail-more';
      li.textContent = `… and ${list.length - DETAIL_LIMIT} more`;
      ul.append(li);
    }
    section.append(h, ul);
    els.details.append(section);
  }
  els.detailsCard.hidden = shown === 0;
}

/** Emphasises every mark of one entity; optionally scrolls to the first. */
function focusMentions(id, scroll) {
  for (const m of els.article.querySelectorAll('mark.is-focused')) {
    m.classList.remove('is-focused');
  }
  if (!Number.isInteger(id)) return;
  const marks = els.article.querySelectorAll(`mark[data-id="${id}"]`);
  for (const m of marks) m.classList.add('is-focused');
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// ---------------------------------------------------------------- analysis

function langOption() {
  const v = els.lang.value;
  return v === 'es' || v === 'en' ? v : 'auto';
}

const LANG_NAMES = { es: 'Spanish', en: 'English', unknown: 'Unknown language' };

function render() {
  if (!current) return;
  const { text } = current;
  els.title.textContent = current.title;
  if (!lupa) {
    els.article.textContent = text;
    return;
  }
  const lang = langOption();
  let extraction;
  let html;
  try {
    extraction = lupa.extract(text, { lang });
    const include = LABEL_IDS.filter((l) => enabled.has(l));
    html = include.length ? lupa.highlight(text, { lang, include }) : null;
  } catch (err) {
    console.warn('lupa failed:', err);
    showError('Lupa could not analyse this text.', err);
    els.article.textContent = text;
    renderEntities([]);
    renderDetails({});
    els.meta.textContent = '';
    return;
  }
  clearError();
  if (html === null) els.article.textContent = text; // every label hidden
  else els.article.innerHTML = html; // safe by construction: escaped text + <mark>
  const detected = extraction.lang;
  els.article.lang = detected === 'es' || detected === 'en' ? detected : '';
  const entities = Array.isArray(extraction.entities) ? extraction.entities : [];
  renderEntities(entities);
  renderDetails(extraction);

  const words = text.trim() ? text.trim().split(/\s+/u).length : 0;
  const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const parts = [
    `${LANG_NAMES[detected] ?? detected}${lang === 'auto' ? ' (detected)' : ''}`,
    plural(words, 'word', 'words'),
  ];
  if (Array.isArray(extraction.sentences)) {
    parts.push(plural(extraction.sentences.length, 'sentence', 'sentences'));
  }
  parts.push(plural(entities.length, 'entity mention', 'entity mentions'));
  els.meta.textContent = parts.join(' · ');
}

function show(title, text, source) {
  current = { title, text, source };
  render();
}

function analyseInput() {
  const text = els.input.value;
  if (!text.trim()) return;
  if (els.seed.value !== '') els.seed.value = '';
  show('Your text', text, 'input');
}

let debounceTimer = 0;
function scheduleAnalyse() {
  clearTimeout(debounceTimer);
  if (!els.live.checked) return;
  debounceTimer = setTimeout(analyseInput, DEBOUNCE_MS);
}

// ---------------------------------------------------------------- seeds

/** @type {{title: string, lang: string, file: string}[]} */
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
  els.seed.replaceChildren();
  const custom = document.createElement('option');
  custom.value = '';
  custom.textContent = '— Your own text —';
  els.seed.append(custom);
  seeds.forEach((s, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = s.lang ? `${s.title} (${s.lang})` : s.title;
    els.seed.append(o);
  });
  els.seed.disabled = false;
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
    show(seed.title, text, 'seed');
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
  return { extract: mod.extract, highlight: mod.highlight };
}

async function main() {
  buildLegend();
  els.controls.addEventListener('submit', (ev) => ev.preventDefault());
  els.lang.addEventListener('change', render);
  els.seed.addEventListener('change', () => {
    if (els.seed.value === '') analyseInput();
    else selectSeed(Number(els.seed.value));
  });
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
    els.seed.replaceChildren(new Option('No seeds available', ''));
  } else if (seeds.length) {
    els.seed.value = '0';
    await selectSeed(0);
  }
  setStatus('');
  document.documentElement.dataset.ready = lupa ? 'true' : 'error';
}

main().catch((err) => {
  showError('Unexpected error while starting the demo.', err);
  setStatus('');
  document.documentElement.dataset.ready = 'error';
});
