// XSS corpus: every vector in tests/testdata/xss/vectors.txt goes through
// highlight() (output inserted with innerHTML), through highlightElement() on
// an element whose *text* is the vector (with the CSS Custom Highlight API and
// without it, i.e. <mark> wrapping), and through <lupa-article>, in headless
// Chromium. Asserts that nothing runs (trapped alert/confirm/prompt/print/console/
// document.write/xss(), no dialog), that only text and <mark class data-*> appear, and
// that the text content equals the vector.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launchChromium, openPage, startServer, stopServer } from './helpers.mjs';
import { inspectHolders, parseVectors } from './xss-vectors.js';

/** The vectors of tests/testdata/xss/vectors.txt. */
export async function loadVectors() {
  return parseVectors(await readFile(join(ROOT, 'tests', 'testdata', 'xss', 'vectors.txt'), 'utf8'));
}

const VECTORS = await loadVectors();
const LAYERS = ['PER', 'ORG', 'LOC', 'MISC', 'dates', 'quantities', 'quotes'];
// Terms that make the matcher put <mark>s inside the payloads.
const TERMS = ['script', 'img', 'onerror', 'mark', 'xss', 'svg', 'javascript', 'Putin', 'Azerbaiyán', 'src', 'iframe'];

/** Runs in the page: nothing may appear outside the holders either (document.write, base, meta…). */
function inspectDocument() {
  const failures = [];
  const allowed = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'LINK', 'SCRIPT', 'BODY', 'DIV', 'MARK', 'LUPA-ARTICLE', 'STYLE']);
  for (const el of document.querySelectorAll('*')) {
    if (!allowed.has(el.tagName)) failures.push({ problem: `foreign element in the document: <${el.tagName.toLowerCase()}>` });
    if (el.tagName === 'SCRIPT' && !el.closest('head')) failures.push({ problem: 'a <script> in the body' });
    if (el.tagName === 'DIV' && el.id !== 'out' && !el.hasAttribute('data-vector')) {
      failures.push({ problem: `foreign <div>: ${el.outerHTML.slice(0, 80)}` });
    }
  }
  return failures;
}

describe(`XSS corpus (${VECTORS.length} vectors)`, { timeout: 240_000 }, () => {
  let server;
  let browser;
  let harness;

  before(async () => {
    server = await startServer();
    harness = `${server.origin}/tests/e2e/fixtures/xss.html`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server?.proc);
  });

  it('has at least 100 distinct vectors', () => {
    assert.ok(VECTORS.length >= 100, `${VECTORS.length} vectors`);
    assert.equal(new Set(VECTORS).size, VECTORS.length, 'no duplicates');
    assert.ok(VECTORS.some((v) => v.includes('\0')), 'NUL bytes are covered');
    assert.ok(VECTORS.some((v) => v.includes('</mark>')), '</mark> injection is covered');
  });

  /** Loads the harness, runs `body` in it, waits for late handlers, then inspects. */
  async function run(query, body, args) {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await page.goto(harness + query);
      const setup = await page.evaluate(body, { vectors: VECTORS, layers: LAYERS, terms: TERMS, ...args });
      // Let onerror/onload/autofocus/animation handlers fire if anything slipped through.
      await page.waitForTimeout(800);
      await page.mouse.move(200, 200);
      await page.mouse.move(300, 400);
      await page.keyboard.press('Tab');
      await page.waitForTimeout(200);
      const report = await page.evaluate(inspectHolders, { vectors: VECTORS, lenient: args.lenient });
      report.failures.push(...(await page.evaluate(inspectDocument)));
      return { setup, report, problems, dialogs };
    } finally {
      await context.close();
    }
  }

  const assertClean = ({ report, problems, dialogs }) => {
    assert.deepEqual(report.trapped, [], 'no script ran (xss/alert/confirm/prompt/console/eval traps)');
    assert.deepEqual(dialogs, [], 'no dialog fired');
    assert.deepEqual(report.failures, [], 'only text and <mark class data-*>, text preserved');
    assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), [], 'no page errors');
  };

  it('highlight() output inserted with innerHTML', async (t) => {
    const r = await run(
      '',
      async ({ vectors, layers, terms }) => {
        const m = await import('/pkg/lupa.js');
        await m.default();
        let full = true;
        try {
          m.highlight('a', { include: [...layers, 'terms'], terms: ['a'] });
        } catch {
          full = false;
        }
        const opts = full ? { include: [...layers, 'terms'], terms } : {};
        const errors = [];
        const out = document.getElementById('out');
        vectors.forEach((v, i) => {
          const holder = document.createElement('div');
          holder.dataset.vector = String(i);
          try {
            holder.innerHTML = m.highlight(v, opts);
          } catch (e) {
            errors.push(`${i}: ${e.message}`);
          }
          out.append(holder);
        });
        return { full, errors };
      },
      { lenient: true },
    );
    assert.deepEqual(r.setup.errors, [], 'highlight() accepts every vector');
    assertClean(r);
    if (r.setup.full) assert.ok(r.report.marks > 0, 'some marks were produced, so the mark structure was exercised');
    else t.diagnostic('this pkg highlight() marks entities only: few or no marks to exercise');
  });

  for (const [name, query] of [
    ['with the CSS Custom Highlight API', ''],
    ['without it (<mark> wrapping)', '?nohighlightapi'],
  ]) {
    it(`highlightElement() on the vector as text, ${name}`, async (t) => {
      const r = await run(
        query,
        async ({ vectors, layers, terms }) => {
          const m = await import('/pkg/lupa.js');
          await m.default();
          if (typeof m.highlightElement !== 'function') return { missing: true };
          const opts = { include: [...layers, 'terms'], terms };
          const errors = [];
          const modes = new Set();
          let marked = 0;
          const out = document.getElementById('out');
          vectors.forEach((v, i) => {
            const holder = document.createElement('div');
            holder.dataset.vector = String(i);
            holder.textContent = v;
            out.append(holder);
            try {
              const res = m.highlightElement(holder, opts);
              modes.add(res.mode);
              marked += res.marks.length;
              for (const mk of res.marks) if (!v.includes(mk.text)) errors.push(`${i}: mark text ${mk.text} not in the vector`);
            } catch (e) {
              errors.push(`${i}: ${e.message}`);
            }
          });
          // clearHighlights restores each element exactly, in a copy checked separately.
          const restored = [];
          vectors.forEach((v, i) => {
            const el = document.createElement('div');
            el.textContent = v;
            out.append(el);
            try {
              m.highlightElement(el, opts);
              m.clearHighlights(el);
              const onlyText = [...el.childNodes].every((n) => n.nodeType === Node.TEXT_NODE);
              if (!onlyText || el.textContent !== v) restored.push(i);
            } catch (e) {
              restored.push(`${i}: ${e.message}`);
            }
            el.remove();
          });
          return { modes: [...modes], marked, errors, restored };
        },
        { lenient: false },
      );
      if (r.setup.missing) return t.skip('pkg has no highlightElement() yet (dom branch not merged)');
      assert.deepEqual(r.setup.errors, []);
      assert.deepEqual(r.setup.modes, [query ? 'mark' : 'highlight-api'], 'the expected mode');
      assert.ok(r.setup.marked > 0, 'the terms were found');
      assert.deepEqual(r.setup.restored, [], 'clearHighlights() restores the element');
      assertClean(r);
    });
  }

  it('<lupa-article> with the vector as its text', async () => {
    const r = await run(
      '',
      async ({ vectors, layers, terms }) => {
        await import('/www/lupa-article.js');
        const out = document.getElementById('out');
        const done = vectors.map((v, i) => {
          const el = document.createElement('lupa-article');
          el.dataset.vector = String(i);
          el.setAttribute('include', layers.join(','));
          el.setAttribute('terms', terms.join(','));
          el.textContent = v;
          const p = new Promise((resolve) => {
            el.addEventListener('lupa-render', () => resolve(null), { once: true });
            el.addEventListener('lupa-error', (ev) => resolve(`${i}: ${ev.detail.error}`), { once: true });
          });
          out.append(el);
          return p;
        });
        const errors = (await Promise.all(done)).filter(Boolean);
        // The element trims its text; compare against what it rendered from.
        return { errors };
      },
      { lenient: true },
    );
    assert.deepEqual(r.setup.errors, []);
    // The element trims surrounding whitespace; inspect() compares the shadow text to the vector.
    const failures = r.report.failures.filter(
      (f) => !(f.problem === 'text content differs' && typeof f.got === 'string' && f.v.trim().replace(/\r\n?/g, '\n') === f.got.replace(/\r\n?/g, '\n')),
    );
    assert.deepEqual(r.report.trapped, []);
    assert.deepEqual(r.dialogs, []);
    assert.deepEqual(failures, []);
    assert.ok(r.report.marks > 0);
  });
});
