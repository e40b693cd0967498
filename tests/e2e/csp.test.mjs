// Under the strict Content-Security-Policy a newsroom site may send
// (www/serve.mjs --csp: no inline script, no inline style, no eval, wasm
// allowed), the demo and the embed page work: the browser refuses nothing,
// and the marks keep their label colours instead of the plain <mark> yellow.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadReady, openPage, withServerAndBrowser } from './helpers.mjs';

/** Records the page's CSP violations in window.__cspViolations, from its first script on. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI || '(inline)'}`),
    );
  });
}

/** The background colours of the first few marks under `root` (a selector; `shadow` for <lupa-article>). */
function markColours(page, root, shadow) {
  return page.$$eval(
    root,
    (els, shadow) =>
      els
        .flatMap((el) => [...(shadow ? el.shadowRoot : el).querySelectorAll('mark')])
        .slice(0, 20)
        .map((m) => `${m.className}: ${getComputedStyle(m).backgroundColor}`),
    shadow,
  );
}

// The user-agent stylesheet's <mark> background, which a refused stylesheet leaves.
const PLAIN_MARK = 'rgb(255, 255, 0)';

describe('a strict Content-Security-Policy', { timeout: 180_000 }, () => {
  const env = withServerAndBrowser({ csp: true });

  it('the demo needs nothing the policy refuses, and its marks keep their colours', async () => {
    const { context, page, problems } = await openPage(env.browser);
    try {
      await recordViolations(page);
      await loadReady(page, `${env.server.origin}/www/`);
      await page.waitForSelector('#article mark', { timeout: 20_000 });
      const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.match(policy ?? '', /style-src 'self'/, 'the page is served with the policy');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      const colours = await markColours(page, '#article', false);
      assert.ok(colours.length > 0, 'the article has marks');
      assert.deepEqual(colours.filter((c) => c.endsWith(PLAIN_MARK)), [], 'no mark falls back to the plain colour');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('the embed page needs nothing the policy refuses, and <lupa-article> keeps its colours', async () => {
    const { context, page, problems } = await openPage(env.browser);
    try {
      await recordViolations(page);
      const res = await page.goto(`${env.server.origin}/www/embed.html`, { waitUntil: 'load' });
      assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
      await page.waitForFunction(
        () => [...document.querySelectorAll('lupa-article')].every((e) => e.dataset.state),
        null,
        { timeout: 20_000 },
      );
      const states = await page.$$eval('lupa-article', (els) => els.map((e) => e.dataset.state));
      assert.ok(states.length > 0 && states.every((s) => s === 'ready'), `every element renders: ${states}`);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      const colours = await markColours(page, 'lupa-article', true);
      assert.ok(colours.length > 0, 'the elements have marks');
      assert.deepEqual(colours.filter((c) => c.endsWith(PLAIN_MARK)), [], 'no mark falls back to the plain colour');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
