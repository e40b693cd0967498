// The XSS corpus's parser, traps and checker, shared by the Playwright test
// (tests/e2e/xss.test.mjs, Chromium) and the wasm-bindgen test (tests/xss.rs,
// Chromium and Firefox). Plain ES module with no imports: wasm-bindgen copies
// it into its test bundle, and Playwright sends `inspectHolders` into the page
// as source, so each function stands alone.

/** vectors.txt: one per line, "# " comments, "json:" lines are JSON string literals. */
export function parseVectors(raw) {
  const out = [];
  for (const line of raw.split('\n')) {
    if (line === '' || line.startsWith('# ')) continue;
    out.push(line.startsWith('json:') ? JSON.parse(line.slice(5)) : line);
  }
  return out;
}

/**
 * Anything a vector manages to run ends up in window.__xss: the vectors call
 * xss(), alert(), confirm() or prompt(). `consoleToo` also traps console.*
 * (not under wasm-bindgen-test, which reads the console for its report).
 */
export function installTraps(consoleToo = true) {
  if (window.__xss) return;
  window.__xss = [];
  const trap = (name) => function (...args) { window.__xss.push(`${name}(${args.map(String).join(', ')})`); };
  for (const k of ['xss', 'alert', 'confirm', 'prompt', 'print']) window[k] = trap(k);
  if (consoleToo) for (const k of ['log', 'info', 'warn', 'error', 'debug', 'dir', 'table', 'trace']) console[k] = trap(`console.${k}`);
  document.write = trap('document.write');
}

/**
 * Checks every holder [data-vector] under `scope` (a selector; the document
 * when absent) against its vector: only <mark class="lupa-…"> elements with
 * class and data-* attributes, and the vector as text content. `lenient`
 * allows what the HTML parser does to text (NUL dropped or U+FFFD, CR/CRLF to
 * LF) and what UTF-8 does to lone surrogates (U+FFFD). Returns the failures,
 * the number of marks and what the traps caught.
 */
export function inspectHolders({ vectors, lenient, scope }) {
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const variants = (v) => {
    if (!lenient) return [v];
    const base = v.replace(/\r\n?/g, '\n').replace(lone, '\ufffd');
    return [v, base, base.replace(/\0/g, ''), base.replace(/\0/g, '\ufffd')];
  };
  const failures = [];
  let marks = 0;
  const within = scope ? document.querySelector(scope) : document;
  for (const holder of within.querySelectorAll('[data-vector]')) {
    const i = Number(holder.dataset.vector);
    const v = vectors[i];
    const root = holder.shadowRoot ? holder.shadowRoot.querySelector('.article') : holder;
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName !== 'MARK') {
        failures.push({ i, v, problem: `foreign element <${el.tagName.toLowerCase()}>` });
        continue;
      }
      marks += 1;
      for (const a of el.attributes) {
        if (a.name !== 'class' && !a.name.startsWith('data-')) {
          failures.push({ i, v, problem: `foreign attribute ${a.name}="${a.value}" on <mark>` });
        }
      }
      if (!/^lupa-[\w-]+$/.test(el.className)) failures.push({ i, v, problem: `mark class "${el.className}"` });
    }
    if (!variants(v).includes(root.textContent)) {
      failures.push({ i, v, problem: 'text content differs', got: root.textContent });
    }
  }
  // Without the traps a payload that ran would go unseen.
  if (!Array.isArray(window.__xss)) failures.push({ problem: 'the traps are not installed (installTraps)' });
  return { failures, marks, trapped: (window.__xss || []).slice() };
}
