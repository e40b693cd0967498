// www/lupa-render.js: the fallback used with packages whose highlight() only
// marks entities must agree with the package's own highlight().

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, SEED_FILE, launchChromium, openPage, startServer, stopServer } from './helpers.mjs';
import { parseInclude } from '../../www/lupa-render.js';

const SEED_TEXT = (await readFile(join(ROOT, 'seeds', SEED_FILE), 'utf8')).trim();

describe('lupa-render.js', { timeout: 120_000 }, () => {
  it('parseInclude accepts lists, aliases and "entities"', () => {
    assert.deepEqual(parseInclude('PER, org dates'), ['PER', 'ORG', 'dates']);
    assert.deepEqual(parseInclude('entities,quote,bogus'), ['PER', 'ORG', 'LOC', 'MISC', 'quotes']);
    assert.deepEqual(parseInclude(['LOC', 'LOC', 'term']), ['LOC', 'terms']);
    assert.deepEqual(parseInclude(''), []);
  });

  describe('in Chromium', () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer();
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close().catch(() => {});
      await stopServer(server?.proc);
    });

    it('renderFallback() gives the same text and marks as highlight() on the seed', async () => {
      const { context, page, problems } = await openPage(browser);
      try {
        await page.goto(`${server.origin}/tests/e2e/fixtures/xss.html`);
        const r = await page.evaluate(async (text) => {
          const m = await import('/pkg/lupa.js');
          await m.default();
          const { renderInto, LAYERS } = await import('/www/lupa-render.js');
          const opts = { lang: 'es', include: LAYERS, terms: ['Azerbaiyán', 'Putin'], referenceDate: '2023-10-15' };
          const a = document.createElement('div');
          const b = document.createElement('div');
          const viaA = await renderInto(a, { extract: m.extract, highlight: m.highlight, full: true }, text, opts);
          const viaB = await renderInto(b, { extract: m.extract, highlight: m.highlight, findTerms: m.findTerms, full: false }, text, opts);
          const marks = (d) => [...d.querySelectorAll('mark')].map((x) => `${x.className}:${x.textContent}`).sort();
          return { via: [viaA.via, viaB.via], text: [a.textContent, b.textContent], marks: [marks(a), marks(b)] };
        }, SEED_TEXT);
        assert.deepEqual(r.via, ['highlight', 'fallback']);
        assert.equal(r.text[0], SEED_TEXT);
        assert.equal(r.text[1], SEED_TEXT);
        assert.deepEqual(r.marks[1], r.marks[0]);
        assert.ok(r.marks[0].length > 40);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });
});
