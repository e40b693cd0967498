// End-to-end tests of the embedding page (www/embed.html): the <lupa-article>
// custom element and the module worker (www/lupa-worker.js + www/lupa-client.js).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, SEED_FILE, SHOTS, launchChromium, loadReady, openPage, startServer, stopServer } from './helpers.mjs';

const SEED_TEXT = (await readFile(join(ROOT, 'seeds', SEED_FILE), 'utf8')).trim();

/** Waits until every <lupa-article> on the page has rendered (or failed). */
function elementsSettled(page) {
  return page.waitForFunction(
    () => [...document.querySelectorAll('lupa-article')].every((e) => e.dataset.state),
    null,
    { timeout: 15_000 },
  );
}

/** The rendered shadow content of one element: text, marks, and any foreign element. */
function shadowOf(page, sel) {
  return page.$eval(sel, (el) => {
    const art = el.shadowRoot.querySelector('.article');
    return {
      state: el.dataset.state,
      text: art.textContent,
      marks: [...art.querySelectorAll('mark')].map((m) => ({ text: m.textContent, cls: m.className })),
      foreign: [...art.querySelectorAll('*')].filter((e) => e.tagName !== 'MARK').map((e) => e.tagName),
      html: art.innerHTML,
    };
  });
}

describe('embedding: <lupa-article> and the worker', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let embedUrl;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    embedUrl = `${server.url}embed.html`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server?.proc);
  });

  it('the element renders marks in its shadow root, from inline text and from src', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadReady(page, embedUrl);
      await elementsSettled(page);
      const inline = await shadowOf(page, '#inline');
      assert.equal(inline.state, 'ready');
      const light = await page.$eval('#inline', (e) => e.textContent.trim());
      assert.equal(inline.text, light, 'the shadow text is the light-DOM textContent');
      assert.match(light, /<img src=x onerror=alert\(1\)>/, 'escaped HTML in the light DOM stays text');
      assert.deepEqual(inline.foreign, [], 'only <mark> elements in the shadow root');
      assert.ok(
        inline.marks.some((m) => m.text === '17 de septiembre de 2023' && m.cls === 'lupa-date'),
        JSON.stringify(inline.marks),
      );
      assert.ok(inline.marks.some((m) => m.cls === 'lupa-quantity' && m.text === '300'));
      assert.equal(await page.locator('img').count(), 0);

      const src = await shadowOf(page, '#from-src');
      assert.equal(src.state, 'ready');
      assert.equal(src.text, SEED_TEXT, 'src text is fetched and rendered');
      assert.deepEqual(
        src.marks.filter((m) => m.cls === 'lupa-term').map((m) => m.text),
        ['Azerbaiyán', 'Azerbaiyán', 'Azerbaiyán'],
        'terms="Azerbaiyán" marks the three mentions',
      );
      // Colours come from CSS custom properties set by the host page.
      await page.$eval('#inline', (e) => e.style.setProperty('--lupa-date', 'rgb(1, 2, 3)'));
      const bg = await page.$eval('#inline', (e) => getComputedStyle(e.shadowRoot.querySelector('mark.lupa-date')).backgroundColor);
      assert.equal(bg, 'rgb(1, 2, 3)');
      await page.screenshot({ path: join(SHOTS, 'embed.png'), fullPage: true });
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  // The embed page passes its palette into the shadow root through custom
  // properties; a property that names itself (--x: var(--x)) would be dropped
  // as a cycle and leave the element's built-in light colours in dark mode.
  for (const [scheme, quoteLine, dateBg] of [
    ['light', 'rgb(106, 75, 184)', 'rgb(200, 236, 196)'],
    ['dark', 'rgb(192, 168, 255)', 'rgb(42, 90, 39)'],
  ]) {
    it(`the element takes the page's ${scheme} palette`, async () => {
      const { context, page, problems } = await openPage(browser, { colorScheme: scheme });
      try {
        await loadReady(page, embedUrl);
        await page.evaluate(() => {
          const el = document.createElement('lupa-article');
          el.id = 'palette';
          el.setAttribute('lang', 'es');
          el.setAttribute('include', 'quotes,dates');
          el.textContent = '«No vamos a ceder», dijo Putin el 17 de septiembre de 2023.';
          document.querySelector('main').append(el);
        });
        await elementsSettled(page);
        const got = await page.$eval('#palette', (el) => {
          const style = (sel) => getComputedStyle(el.shadowRoot.querySelector(sel));
          return {
            quote: el.shadowRoot.querySelector('mark.lupa-quote').textContent,
            quoteLine: style('mark.lupa-quote').borderBottomColor,
            dateBg: style('mark.lupa-date').backgroundColor,
            ink: style('mark.lupa-date').color,
          };
        });
        assert.equal(got.quote, 'No vamos a ceder');
        assert.equal(got.quoteLine, quoteLine);
        assert.equal(got.dateBg, dateBg);
        assert.equal(got.ink, scheme === 'dark' ? 'rgb(242, 244, 248)' : 'rgb(28, 35, 48)');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it('the element reacts to lang, include, terms, src and text changes', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadReady(page, embedUrl);
      await elementsSettled(page);
      const rerender = async (fn) => {
        await page.$eval('#inline', (e) => delete e.dataset.state);
        await page.$eval('#inline', fn);
        await page.waitForFunction(() => document.querySelector('#inline').dataset.state);
        return shadowOf(page, '#inline');
      };
      let r = await rerender((e) => e.setAttribute('include', 'quantities'));
      assert.deepEqual([...new Set(r.marks.map((m) => m.cls))], ['lupa-quantity'], 'include=quantities');
      r = await rerender((e) => e.setAttribute('terms', 'estambul, PUTIN'));
      assert.deepEqual(
        r.marks.filter((m) => m.cls === 'lupa-term').map((m) => m.text),
        ['Putin', 'Estambul'],
      );
      r = await rerender((e) => e.setAttribute('lang', 'en'));
      assert.equal(r.state, 'ready');
      r = await rerender((e) => {
        e.removeAttribute('terms');
        e.setAttribute('include', 'dates');
        e.textContent = 'Nuevo texto: <script>alert(1)</script> el 3 de mayo de 2023.';
      });
      assert.equal(r.text, 'Nuevo texto: <script>alert(1)</script> el 3 de mayo de 2023.');
      assert.deepEqual(r.foreign, []);
      r = await rerender((e) => {
        e.setAttribute('lang', 'es');
        e.setAttribute('src', '../seeds/000_b3dfaa5d8271907c.txt');
      });
      assert.equal(r.text, SEED_TEXT);
      assert.ok(r.marks.length >= 3 && r.marks.every((m) => m.cls === 'lupa-date'));
      r = await rerender((e) => e.setAttribute('src', 'does-not-exist.txt'));
      assert.equal(r.state, 'error');
      assert.match(await page.$eval('#inline', (e) => e.shadowRoot.querySelector('.status').textContent), /404/);
      // A 404 is logged by the browser as a console error; nothing else may be.
      assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
    } finally {
      await context.close();
    }
  });

  it('<lupa-article worker> renders the same as the main thread', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadReady(page, embedUrl);
      const result = await page.evaluate(async (text) => {
        const make = (worker) => {
          const el = document.createElement('lupa-article');
          el.setAttribute('lang', 'es');
          el.setAttribute('reference-date', '2023-10-15');
          el.setAttribute('terms', 'Azerbaiyán');
          if (worker) el.setAttribute('worker', '');
          el.textContent = text;
          return new Promise((resolve) => {
            el.addEventListener('lupa-render', (ev) => resolve({ el, detail: ev.detail }), { once: true });
            el.addEventListener('lupa-error', (ev) => resolve({ el, error: String(ev.detail.error) }), { once: true });
            document.body.append(el);
          });
        };
        const [a, b] = await Promise.all([make(false), make(true)]);
        // Long texts go to the worker without the attribute.
        const { WORKER_THRESHOLD } = await import('./lupa-article.js');
        const long = Array(Math.ceil(WORKER_THRESHOLD / text.length) + 1).fill(text).join('\n\n');
        const big = document.createElement('lupa-article');
        big.setAttribute('include', 'dates');
        big.textContent = long;
        const auto = await new Promise((resolve) => {
          big.addEventListener('lupa-render', (ev) => resolve(ev.detail), { once: true });
          big.addEventListener('lupa-error', (ev) => resolve({ error: String(ev.detail.error) }), { once: true });
          document.body.append(big);
        });
        return {
          auto,
          longLength: long.length,
          errors: [a.error, b.error].filter(Boolean),
          workers: [a.detail.worker, b.detail.worker],
          same: a.el.shadowRoot.querySelector('.article').innerHTML === b.el.shadowRoot.querySelector('.article').innerHTML,
          marks: b.detail.marks,
        };
      }, SEED_TEXT);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.workers, [false, true]);
      assert.ok(result.marks > 5, `marks rendered via the worker: ${result.marks}`);
      assert.equal(result.same, true, 'identical shadow HTML from both paths');
      assert.equal(result.auto.error, undefined, String(result.auto.error));
      assert.equal(result.auto.worker, true, `a ${result.longLength}-character text is analysed in the worker`);
      assert.ok(result.auto.marks > 100);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('the worker gives the same extract() result as the main thread on the seed', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadReady(page, embedUrl);
      const r = await page.evaluate(async () => {
        const { text, lupa, mod } = window.__lupaEmbed;
        const out = {};
        for (const opts of [{ lang: 'es', referenceDate: '2023-10-15' }, { lang: 'auto' }, undefined]) {
          const a = opts === undefined ? mod.extract(text) : mod.extract(text, opts);
          const b = await lupa.extract(text, opts);
          out[JSON.stringify(opts ?? null)] = { a, b };
        }
        const tA = mod.tokenize(text, { lang: 'es' });
        const tB = await lupa.tokenize(text, { lang: 'es' });
        const sA = [...mod.tokenSpans(text)];
        const sB = await lupa.tokenSpans(text);
        const hA = mod.highlight(text, { lang: 'es' });
        const hB = await lupa.highlight(text, { lang: 'es' });
        let err = null;
        try {
          await lupa.extract(text, { lang: 'xx' });
        } catch (e) {
          err = { name: e.name, message: e.message };
        }
        let errMain = null;
        try {
          mod.extract(text, { lang: 'xx' });
        } catch (e) {
          errMain = e.message;
        }
        let unknown = null;
        try {
          await lupa.highlight(42);
        } catch (e) {
          unknown = e.message;
        }
        return {
          out,
          tokens: { same: JSON.stringify(tA) === JSON.stringify(tB), n: tA.length },
          spans: { same: JSON.stringify(sA) === JSON.stringify([...sB]), typed: sB instanceof Uint32Array },
          highlight: hA === hB,
          err,
          errMain,
          unknown,
          functions: lupa.functions,
        };
      });
      for (const [opts, { a, b }] of Object.entries(r.out)) {
        assert.deepEqual(b, a, `extract(seed, ${opts}) in the worker`);
        assert.ok(a.dates.length >= 3 && a.quotes.length >= 3, 'a real result, not an empty one');
      }
      assert.ok(r.tokens.same && r.tokens.n > 300, 'tokenize');
      assert.ok(r.spans.same && r.spans.typed, 'tokenSpans comes back as a Uint32Array');
      assert.ok(r.highlight, 'highlight');
      assert.ok(r.err, 'bad options reject');
      assert.equal(r.err.message, r.errMain, 'with the same message as on the main thread');
      assert.match(r.unknown, /text/);
      assert.ok(['extract', 'highlight', 'tokenize', 'tokenSpans'].every((f) => r.functions.includes(f)));

      // The page's own comparison, with timings.
      await page.fill('#repeat', '5');
      await page.click('#run');
      await page.waitForFunction(() => document.querySelector('#same').textContent !== '', null, { timeout: 30_000 });
      assert.equal(await page.textContent('#same'), 'Same result from both.');
      assert.match(await page.textContent('#t-worker'), /^\d+(\.\d)? ms$/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('highlightElement() on a live element keeps its markup and clearHighlights() restores it', async (t) => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadReady(page, embedUrl);
      if (await page.isDisabled('#dom-highlight')) return t.skip('pkg has no highlightElement() yet');
      const before = await page.$eval('#story', (s) => s.innerHTML);
      await page.click('#dom-highlight');
      await page.waitForFunction(() => document.querySelector('#story').dataset.mode);
      assert.equal(await page.getAttribute('#story', 'data-mode'), 'highlight-api', 'Chromium has the Highlight API');
      assert.match(await page.textContent('#dom-status'), /^[1-9]\d* marks, mode: highlight-api\.$/);
      const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
      assert.ok(names.includes('lupa-PER') && names.includes('lupa-date'), JSON.stringify(names));
      assert.equal(await page.$eval('#story', (s) => s.innerHTML), before, 'the DOM is untouched in highlight-api mode');
      await page.screenshot({ path: join(SHOTS, 'embed-highlight-api.png') });
      await page.click('#dom-clear');
      assert.equal(await page.$eval('#story', (s) => s.innerHTML), before);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('the worker client rejects pending calls when the worker cannot start', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.route('**/pkg/lupa.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
      await page.goto(embedUrl);
      const msg = await page.evaluate(async () => {
        const { createLupaWorker } = await import('./lupa-client.js');
        try {
          await createLupaWorker();
          return 'started';
        } catch (e) {
          return e.message;
        }
      });
      assert.notEqual(msg, 'started');
      assert.match(msg, /lupa/i);
    } finally {
      await context.close();
    }
  });
});
