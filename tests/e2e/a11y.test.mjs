// The demo and the embed page pass axe-core (npm axe-core) with no serious
// or critical violation, once they have rendered their articles.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, loadReady, openPage, withServerAndBrowser } from './helpers.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's serious and critical violations on the page, one line each. */
async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describe('accessibility (axe-core)', { timeout: 180_000 }, () => {
  const env = withServerAndBrowser();

  it('the demo has no serious or critical violation', async () => {
    const { context, page } = await openPage(env.browser);
    try {
      await loadReady(page, `${env.server.origin}/www/`);
      await page.waitForSelector('#article mark', { timeout: 20_000 });
      assert.deepEqual(await seriousViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it('the demo with patterns, one of them refused, has no serious or critical violation', async () => {
    const { context, page } = await openPage(env.browser);
    try {
      await loadReady(page, `${env.server.origin}/www/`);
      await page.waitForSelector('#article mark', { timeout: 20_000 });
      await page.click('[data-example="siglas"]');
      await page.fill('#patterns', `${await page.inputValue('#patterns')}\ncaso: (\\d+`);
      await page.waitForSelector('#patterns-error:not([hidden])');
      await page.waitForSelector('#article mark.lupa-pattern');
      assert.deepEqual(await seriousViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it('the embed page has no serious or critical violation', async () => {
    const { context, page } = await openPage(env.browser);
    try {
      await page.goto(`${env.server.origin}/www/embed.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => [...document.querySelectorAll('lupa-article')].every((e) => e.dataset.state), null, { timeout: 20_000 });
      assert.deepEqual(await seriousViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
