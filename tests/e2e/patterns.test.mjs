// End-to-end tests of the `patterns` option as a page gets it: the pattern
// engine is a wasm module of its own (pkg/patterns/), fetched only on first
// use, by loadPatterns(), <lupa-article> and the worker.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadReady, openPage, withServerAndBrowser } from './helpers.mjs';

const ENGINE = 'lupa_patterns_bg.wasm';
const PATTERNS = [
  { name: 'expediente', pattern: String.raw`Expediente (?<num>\d+)/(?<year>\d{4})` },
  { name: 'persona', pattern: 'gonzalez', foldAccents: true },
];
const TEXT = '😀 La Fiscalía abrió el Expediente 1234/2023 contra GONZÁLEZ.';

describe('patterns: the engine module, fetched on first use', { timeout: 180_000 }, () => {
  const ctx = withServerAndBrowser();

  it('extract() asks for loadPatterns(), then finds patterns with UTF-16 spans', async () => {
    const { context, page, problems } = await openPage(ctx.browser);
    const fetched = [];
    page.on('request', (r) => fetched.push(r.url()));
    try {
      await loadReady(page, `${ctx.server.url}embed.html`);
      const got = await page.evaluate(
        async ({ text, patterns }) => {
          const m = await import('/pkg/lupa.js');
          await m.default();
          let before = '';
          try {
            m.extract(text, { include: [], patterns });
          } catch (e) {
            before = `${e.constructor.name}: ${e.message}`;
          }
          const loadedBefore = m.patternsLoaded();
          await m.loadPatterns();
          const x = m.extract(text, { include: [], patterns });
          let bad = '';
          try {
            m.extract(text, { patterns: [{ name: 'caso', pattern: '(\\d+' }] });
          } catch (e) {
            bad = e.message;
          }
          // Catastrophic for a backtracking RegExp: (a+)+$ on 100,000 a's and a '!'.
          const evil = m.extract(`${'a'.repeat(100_000)}!`, { include: [], patterns: [{ name: 'e', pattern: '(a+)+$' }] });
          const slices = x.patterns.every((p) => text.slice(p.start, p.end) === p.text)
            && x.patterns.every((p) => p.groups.every((g) => text.slice(g.start, g.end) === g.text));
          return { before, loadedBefore, found: x.patterns, slices, bad, evil: evil.patterns.length };
        },
        { text: TEXT, patterns: PATTERNS },
      );
      assert.match(got.before, /^Error: invalid option `patterns`: `patterns` needs the pattern engine: call `await loadPatterns\(\)` first/);
      assert.equal(got.loadedBefore, false);
      assert.deepEqual(
        got.found.map((p) => [p.name, p.text, p.start, p.end]),
        [
          ['expediente', 'Expediente 1234/2023', 24, 44],
          ['persona', 'GONZÁLEZ', 52, 60],
        ],
      );
      assert.deepEqual(got.found[0].groups.map((g) => [g.name, g.text]), [['num', '1234'], ['year', '2023']]);
      assert.ok(got.slices, 'text.slice(start, end) gives each match and group');
      assert.equal(got.bad, 'invalid pattern `caso` (patterns[0]): syntax error at position 0: unclosed group');
      assert.equal(got.evil, 0);
      assert.equal(fetched.filter((u) => u.endsWith(ENGINE)).length, 1, 'the engine is fetched once, when asked for');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('pages without patterns never fetch the engine; <lupa-article> and the worker load it themselves', async () => {
    const { context, page, problems } = await openPage(ctx.browser);
    const fetched = [];
    page.on('request', (r) => fetched.push(r.url()));
    try {
      await loadReady(page, `${ctx.server.url}embed.html`);
      await page.waitForFunction(() => [...document.querySelectorAll('lupa-article')].every((e) => e.dataset.state), null, {
        timeout: 15_000,
      });
      assert.equal(fetched.filter((u) => u.endsWith(ENGINE)).length, 0, 'no patterns, no engine download');
      const marks = await page.evaluate(async ({ text, patterns }) => {
        const out = {};
        for (const worker of [false, true]) {
          const el = document.createElement('lupa-article');
          el.setAttribute('include', 'dates');
          if (worker) el.setAttribute('worker', '');
          el.setAttribute('patterns', JSON.stringify(patterns));
          el.textContent = text;
          const done = new Promise((resolve) => {
            el.addEventListener('lupa-render', resolve, { once: true });
            el.addEventListener('lupa-error', (e) => resolve(e.detail.error), { once: true });
          });
          document.querySelector('main').append(el);
          const r = await done;
          if (r instanceof Error) throw r;
          out[worker ? 'worker' : 'main'] = [...el.shadowRoot.querySelectorAll('mark.lupa-pattern')].map((m) => [
            m.dataset.pattern,
            m.textContent,
            getComputedStyle(m).outlineStyle,
          ]);
        }
        return out;
      }, { text: TEXT, patterns: PATTERNS });
      const want = [
        ['expediente', 'Expediente 1234/2023', 'dashed'],
        ['persona', 'GONZÁLEZ', 'dashed'],
      ];
      assert.deepEqual(marks.main, want);
      assert.deepEqual(marks.worker, want);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
