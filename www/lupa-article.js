// <lupa-article>: a custom element that highlights a news article with Lupa.
//
//   <script type="module" src="www/lupa-article.js"></script>
//   <lupa-article lang="es" include="PER,ORG,LOC,dates">Texto de la noticia…</lupa-article>
//   <lupa-article src="article.txt" terms="Azerbaiyán" worker></lupa-article>
//
// Attributes: lang (es | en | auto), include (comma-separated layers: PER, ORG,
// LOC, MISC, entities, dates, quantities, quotes), terms (comma-separated),
// reference-date (YYYY-MM-DD), patterns (JSON: [{"name": "expediente",
// "pattern": "Expediente \\d+/\\d{4}"}], or the `patterns` property; the
// pattern engine is fetched on first use), src (a text file to fetch instead of the
// element's own text), worker (analyse in a module worker; automatic for texts
// over WORKER_THRESHOLD characters). The element's own text is read with
// textContent, never as HTML, and trimmed; the result lives in its shadow root.
// Colours: --lupa-per, --lupa-org, --lupa-loc, --lupa-misc, --lupa-date,
// --lupa-quantity, --lupa-quote, --lupa-term, --lupa-ink.
// Events: `lupa-render` (detail: { marks, via, worker, ms }) and `lupa-error`.

import { LAYERS, hasFullHighlight, parseInclude, renderInto } from './lupa-render.js';
import { createLupaWorker } from './lupa-client.js';
// A static import, so that bundlers bundle the core and find its wasm; the
// wasm itself is fetched and compiled only on the first render (init()).
import initCore, * as core from '../pkg/lupa.js';

export const WORKER_THRESHOLD = 200_000;

let modulePromise = null;
/** The wasm package on the main thread, loaded once for every element. */
function mainThreadLupa() {
  modulePromise ??= (async () => {
    await initCore();
    return { extract: core.extract, highlight: core.highlight, loadPatterns: core.loadPatterns, full: hasFullHighlight(core) };
  })();
  return modulePromise;
}

let workerPromise = null;
/** One shared worker for every element that asks for one. */
function workerLupa() {
  workerPromise ??= createLupaWorker().catch((err) => {
    workerPromise = null;
    throw err;
  });
  return workerPromise;
}

const STYLE = `
:host { display: block; color: var(--lupa-ink, inherit); }
:host([hidden]) { display: none; }
.article { white-space: pre-wrap; overflow-wrap: break-word; line-height: 1.7; }
.status { font-size: 0.85em; opacity: 0.8; }
mark { color: var(--lupa-mark-ink, #1c2330); border-radius: 0.25em; padding: 0.05em 0.15em;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.lupa-PER { background: var(--lupa-per, #d9d1ff); }
mark.lupa-ORG { background: var(--lupa-org, #b8f0ef); }
mark.lupa-LOC { background: var(--lupa-loc, #ffd2b8); }
mark.lupa-MISC { background: var(--lupa-misc, #e4ebc9); }
mark.lupa-date { background: var(--lupa-date, #c8ecc4); }
mark.lupa-quantity { background: var(--lupa-quantity, #fcd5e5); }
mark.lupa-quote { background: var(--lupa-quote, transparent); color: inherit; padding: 0;
  border-bottom: 2px solid var(--lupa-quote-line, #7c5cc4); border-radius: 0; }
mark.lupa-term { background: var(--lupa-term, #ffe066); outline: 2px solid var(--lupa-term-line, #a67c00); }
mark.lupa-pattern { background: var(--lupa-pattern, #cfe3ff); outline: 2px dashed var(--lupa-pattern-line, #2f6db5); }
`;

let sheet = null;

/**
 * Gives the shadow root the element's stylesheet: a constructable stylesheet,
 * shared by every instance, which a strict Content-Security-Policy
 * (style-src 'self') does not refuse as it refuses an inline <style>; a
 * <style> only where the browser has no adoptedStyleSheets.
 */
function adoptStyle(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  root.append(style);
}

/** The `patterns` attribute: a JSON array of pattern objects; a bad one is an error at render. */
function parsePatterns(value) {
  if (!value) return [];
  let list;
  try {
    list = JSON.parse(value);
  } catch (e) {
    throw new Error(`lupa-article: the patterns attribute is not JSON: ${e.message}`);
  }
  if (!Array.isArray(list)) throw new Error('lupa-article: the patterns attribute must be a JSON array');
  return list;
}

export class LupaArticle extends HTMLElement {
  static observedAttributes = ['lang', 'include', 'src', 'terms', 'worker', 'reference-date', 'patterns'];

  #root;
  #out;
  #status;
  #observer;
  #queued = false;
  #generation = 0;
  #patterns = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#status = document.createElement('div');
    this.#status.className = 'status';
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('part', 'status');
    this.#out = document.createElement('div');
    this.#out.className = 'article';
    this.#out.setAttribute('part', 'article');
    adoptStyle(this.#root);
    this.#root.append(this.#status, this.#out);
  }

  connectedCallback() {
    // Re-render when the light-DOM text changes.
    this.#observer ??= new MutationObserver(() => {
      if (!this.hasAttribute('src')) this.#schedule();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#schedule();
  }

  /** Patterns of your own, `[{ name, pattern, caseInsensitive?, foldAccents? }]`; overrides the attribute. */
  get patterns() {
    return this.#patterns ?? parsePatterns(this.getAttribute('patterns'));
  }

  set patterns(list) {
    this.#patterns = Array.isArray(list) ? list : null;
    if (this.isConnected) this.#schedule();
  }

  /** The shadow container that holds the highlighted text. */
  get articleElement() {
    return this.#out;
  }

  /** Resolves after the current render. */
  get rendered() {
    return this.#rendered ?? Promise.resolve();
  }

  #rendered = null;

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    this.#rendered = new Promise((resolve) => {
      queueMicrotask(() => {
        this.#queued = false;
        this.#render().then(resolve, resolve);
      });
    });
  }

  #options() {
    const include = this.hasAttribute('include') ? parseInclude(this.getAttribute('include')) : LAYERS;
    const terms = (this.getAttribute('terms') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const langAttr = (this.getAttribute('lang') ?? 'auto').toLowerCase();
    const lang = langAttr === 'es' || langAttr === 'en' ? langAttr : 'auto';
    const opts = { lang, include: include.filter((l) => l !== 'terms'), terms };
    const ref = this.getAttribute('reference-date');
    if (ref) opts.referenceDate = ref;
    const patterns = this.#patterns ?? parsePatterns(this.getAttribute('patterns'));
    if (patterns.length) opts.patterns = patterns;
    return opts;
  }

  async #text() {
    const src = this.getAttribute('src');
    if (!src) return (this.textContent ?? '').trim();
    const res = await fetch(new URL(src, document.baseURI));
    if (!res.ok) throw new Error(`lupa-article: ${src}: HTTP ${res.status}`);
    return (await res.text()).trim();
  }

  async #render() {
    const gen = ++this.#generation;
    const t0 = performance.now();
    this.setAttribute('aria-busy', 'true');
    try {
      const text = await this.#text();
      if (gen !== this.#generation) return;
      const useWorker = this.hasAttribute('worker') || text.length > WORKER_THRESHOLD;
      const api = useWorker ? await workerLupa() : await mainThreadLupa();
      if (gen !== this.#generation) return;
      const scratch = document.createElement('div');
      const { via } = await renderInto(scratch, api, text, this.#options());
      if (gen !== this.#generation) return;
      this.#out.replaceChildren(...scratch.childNodes);
      this.#status.textContent = '';
      const detail = {
        marks: this.#out.querySelectorAll('mark').length,
        via,
        worker: useWorker,
        ms: performance.now() - t0,
      };
      this.dataset.state = 'ready';
      this.dispatchEvent(new CustomEvent('lupa-render', { detail }));
    } catch (err) {
      if (gen !== this.#generation) return;
      this.dataset.state = 'error';
      this.#status.textContent = `Lupa: ${err instanceof Error ? err.message : String(err)}`;
      this.dispatchEvent(new CustomEvent('lupa-error', { detail: { error: err } }));
    } finally {
      if (gen === this.#generation) this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('lupa-article')) customElements.define('lupa-article', LupaArticle);
