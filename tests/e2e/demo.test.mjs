// End-to-end tests of the demo (www/index.html) and its static server, in
// headless Chromium through playwright-core. Run with `npm run test:e2e`.
// Needs the wasm package in pkg/ (`wasm-pack build --target web --out-dir pkg`).
// Screenshots go to tests/e2e/screenshots/ (gitignored).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, SEED_FILE, SHOTS, launchChromium, loadReady, openPage, startServer, stopServer } from './helpers.mjs';

const XSS = '<img src=x onerror=alert(1)>';
const ENGINE = 'lupa_patterns_bg.wasm';
const ACRONYMS = String.raw`siglas: \b[A-ZÁÉÍÓÚÑ]{2,}\b`;
const SEED_TEXT = (await readFile(join(ROOT, 'seeds', SEED_FILE), 'utf8')).trim();

async function loadDemo(page, url) {
  await loadReady(page, url);
  await page.waitForFunction(() => document.querySelector('#article').textContent.length > 1000, null, {
    timeout: 10_000,
  });
}

/** The pattern marks in the article and the patterns panel's entries: [name, text] and [name, text, groups]. */
async function patternsShown(page) {
  const marks = await page.$$eval('#article mark.lupa-pattern', (ms) => ms.map((m) => [m.dataset.pattern, m.textContent]));
  const panel = await page.$$eval('#pattern-list .pattern-match', (bs) =>
    bs.map((b) => [
      b.querySelector('.pattern-name').textContent,
      b.querySelector('.pattern-text').textContent,
      b.querySelector('.pattern-groups')?.textContent ?? '',
    ]),
  );
  return { marks, panel };
}

/** Whether the package's NER finds entities at all (false until the model is merged). */
function hasEntities(page) {
  return page.evaluate(async () => {
    const m = await import('/pkg/lupa.js');
    return m.extract('El presidente ruso Vladimir Putin llegó a Estambul.', { lang: 'es' }).entities.length > 0;
  });
}

/** WCAG relative-luminance contrast of every visible mark (and some chrome) against its backdrop. */
function contrastReport(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const backdrop = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255 };
    };
    const ratio = (el) => {
      const fg = parse(getComputedStyle(el).color);
      const bg = backdrop(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    };
    const out = [];
    const seen = new Set();
    const sel = '#article mark, .doc-meta, .hint, .legend-item, .count, .btn, .tagline, .field-label, .date-value, .quote-speaker, .search-count, .entity-count, .library-meta';
    for (const el of document.querySelectorAll(sel)) {
      if (!el.getClientRects().length || !el.textContent.trim()) continue;
      const key = `${el.className}|${getComputedStyle(el).color}|${getComputedStyle(el).backgroundColor}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ what: el.tagName === 'MARK' ? `mark.${el.className}` : `.${el.className}`, ratio: ratio(el) });
    }
    return out;
  });
}

describe('www/serve.mjs', { timeout: 30_000 }, () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await stopServer(server?.proc);
  });

  it('redirects / to /www/ and serves correct MIME types', async () => {
    const root = await fetch(`${server.origin}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/www/');
    const cases = [
      ['/www/', /^text\/html\b/],
      ['/www/embed.html', /^text\/html\b/],
      ['/www/app.js', /^text\/javascript\b/],
      ['/www/lupa-article.js', /^text\/javascript\b/],
      ['/www/lupa-worker.js', /^text\/javascript\b/],
      ['/www/serve.mjs', /^text\/javascript\b/],
      ['/www/style.css', /^text\/css\b/],
      ['/seeds/index.json', /^application\/json\b/],
      [`/seeds/${SEED_FILE}`, /^text\/plain\b/],
    ];
    for (const [path, type] of cases) {
      const res = await fetch(server.origin + path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type'), type, path);
      await res.arrayBuffer();
    }
    const missing = await fetch(`${server.origin}/www/nope.js`);
    assert.equal(missing.status, 404);
    await missing.arrayBuffer();
  });

  it('serves the wasm binary as application/wasm', async () => {
    const res = await fetch(`${server.origin}/pkg/lupa_bg.wasm`);
    assert.equal(res.status, 200, 'pkg/lupa_bg.wasm should exist (build the wasm package first)');
    assert.equal(res.headers.get('content-type'), 'application/wasm');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');
  });

  it('refuses to serve files outside the repository root', async () => {
    const { request } = await import('node:http');
    const raw = (path) =>
      new Promise((resolve, reject) => {
        const u = new URL(server.origin);
        const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/www/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/www/%2e%2e%5c%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    ]) {
      const status = await raw(path);
      assert.ok(status === 403 || status === 404, `${path} gave ${status}`);
    }
  });
});

describe('Lupa demo in Chromium', { timeout: 300_000 }, () => {
  let server;
  let browser;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server?.proc);
  });

  it('loads the seed article from the library without console errors', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const items = await page.locator('#library .library-item').allTextContents();
      assert.equal(items.length, 1, `the library lists every seed: ${JSON.stringify(items)}`);
      assert.match(items[0], /Estambul/);
      assert.equal(await page.getAttribute('#library .library-item', 'aria-current'), 'true');
      assert.equal(await page.textContent('#article'), SEED_TEXT, 'the article shows the seed text exactly');
      assert.match(await page.textContent('#doc-title'), /Estambul/);
      assert.equal(await page.inputValue('#refdate'), '2023-10-15', "the reference date is the seed's date");
      await page.waitForTimeout(300);
      assert.deepEqual(problems, [], 'no console errors or page errors during load');
      assert.deepEqual(dialogs, [], 'no dialogs during load');
    } finally {
      await context.close();
    }
  });

  it('lists every article of a long seed index and filters it', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      const many = Array.from({ length: 40 }, (_, i) => ({
        title: i === 17 ? 'Seventeen: a story about Azerbaijan' : `Artículo número ${i}`,
        lang: i % 2 ? 'en' : 'es',
        file: SEED_FILE,
        date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      }));
      many.push({ title: 'bad file name', file: '../../etc/passwd' }); // dropped by the page
      await page.route('**/seeds/index.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(many) }),
      );
      await loadDemo(page, server.url);
      assert.equal(await page.locator('#library .library-item').count(), 40);
      assert.equal(await page.textContent('#library-total'), '40');
      assert.equal(await page.isVisible('#library-filter'), true, 'a filter appears for long lists');
      await page.fill('#library-filter', 'seventeen');
      assert.equal(await page.locator('#library li:not([hidden]) .library-item').count(), 1);
      await page.click('#library li:not([hidden]) .library-item');
      await page.waitForFunction(() => document.querySelector('#doc-title').textContent.startsWith('Seventeen'));
      assert.equal(await page.inputValue('#refdate'), '2020-01-18', 'the reference date follows the seed');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('highlights "Vladimir Putin" as PER and lists it in the entity panel', async (t) => {
    const { context, page } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      if (!(await hasEntities(page))) return t.skip('the package finds no entities (NER model not merged yet)');
      const marks = await page.$$eval('#article mark', (ms) =>
        ms.map((m) => ({ text: m.textContent, label: m.dataset.label, cls: m.className })),
      );
      const putin = marks.filter((m) => m.text === 'Vladimir Putin');
      assert.ok(putin.length >= 1, `a <mark> "Vladimir Putin": ${JSON.stringify(marks.slice(0, 20))}`);
      for (const m of putin) {
        assert.equal(m.label, 'PER');
        assert.match(m.cls, /\blupa-PER\b/);
      }
      const after = await page.$eval('#article mark.lupa-PER', (m) => getComputedStyle(m, '::after').content);
      assert.equal(after, '"PER"', 'the label is shown after the mark via CSS');
      const groups = await page.$$eval('#entities section.group', (ss) =>
        ss.map((s) => ({
          label: s.dataset.label,
          count: Number(s.querySelector('.count').textContent),
          items: [...s.querySelectorAll('.entity-text')].map((e) => e.textContent),
        })),
      );
      const per = groups.find((g) => g.label === 'PER');
      assert.ok(per?.items.includes('Vladimir Putin'), `PER items: ${JSON.stringify(per)}`);
      assert.equal(per.count, per.items.length);
      const total = Number(await page.textContent('#entity-total'));
      assert.equal(total, groups.reduce((n, g) => n + g.count, 0));
    } finally {
      await context.close();
    }
  });

  it('legend labels toggle their layers, by mouse and keyboard', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const withEntities = await hasEntities(page);
      const layers = [
        ['dates', 'lupa-date'],
        ['quantities', 'lupa-quantity'],
        ['quotes', 'lupa-quote'],
        ...(withEntities ? [['PER', 'lupa-PER'], ['LOC', 'lupa-LOC']] : []),
      ];
      for (const [layer, cls] of layers) {
        const btn = page.locator(`.legend-item[data-layer="${layer}"]`);
        const count = Number(await btn.locator('.legend-count').textContent());
        const before = await page.locator(`#article mark.${cls}`).count();
        assert.ok(count > 0, `the seed has ${layer}`);
        assert.ok(before > 0 && before <= count, `${layer}: ${before} marks for ${count} spans`);
        assert.equal(await btn.getAttribute('aria-pressed'), 'true');
        await btn.click();
        await page.waitForFunction((c) => !document.querySelector(`#article mark.${c}`), cls);
        assert.equal(await btn.getAttribute('aria-pressed'), 'false');
        assert.equal(await page.textContent('#article'), SEED_TEXT, 'the text is unchanged');
        // On again, from the keyboard.
        await btn.focus();
        await page.keyboard.press('Space');
        await page.waitForFunction((c) => document.querySelector(`#article mark.${c}`), cls);
        assert.equal(await btn.getAttribute('aria-pressed'), 'true');
        assert.equal(await page.locator(`#article mark.${cls}`).count(), before);
      }
      // Everything off: plain text.
      for (const b of await page.locator('.legend-item').all()) await b.click();
      await page.waitForFunction(() => !document.querySelector('#article mark'));
      assert.equal(await page.textContent('#article'), SEED_TEXT);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('a dates panel entry scrolls to its mention and flashes it', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 600 } });
    try {
      await loadDemo(page, server.url);
      const inView = (sel) =>
        page.$eval(sel, (m) => {
          const r = m.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        });
      // Dates panel (dates exist with or without the NER model).
      const dateButtons = page.locator('#dates .panel-item');
      assert.equal(await dateButtons.count(), 4);
      const last = dateButtons.nth(2); // "17 de septiembre", far down the article
      await last.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#article mark.lupa-date.is-current.flash'));
      assert.equal(await page.textContent('#article mark.is-current'), '17 de septiembre');
      await page.waitForTimeout(800); // smooth scrolling
      assert.ok(await inView('#article mark.is-current'), 'the mention is scrolled into view');
      const anim = await page.$eval('#article mark.is-current', (m) => getComputedStyle(m).animationName);
      assert.equal(anim, 'lupa-flash', 'the mention flashes (CSS animation)');
      assert.match(await page.textContent('#status'), /17 de septiembre/, 'announced in the live region');

      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('an entity in the panel scrolls to each of its mentions in turn and flashes it', async (t) => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 600 } });
    try {
      await loadDemo(page, server.url);
      const inView = (sel) =>
        page.$eval(sel, (m) => {
          const r = m.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        });
      if (!(await hasEntities(page))) return t.skip('no entities until the NER model is merged');
      // The first entity with at least two mentions: each click visits the next one.
      const entity = page.locator('#entities .entity').filter({ hasText: /×[2-9]/ }).first();
      const label = await entity.getAttribute('data-label');
      const n = Number((await entity.locator('.entity-count').textContent()).slice(1));
      const seen = [];
      for (let i = 0; i < n + 1; i++) {
        await entity.click();
        await page.waitForTimeout(700);
        const cur = await page.$eval('#article mark.is-current', (m) => ({
          cls: m.className,
          top: m.getBoundingClientRect().top + scrollY,
          text: m.textContent,
        }));
        assert.match(cur.cls, new RegExp(`lupa-${label}.*flash|flash.*lupa-${label}`));
        assert.ok(await inView('#article mark.is-current'));
        seen.push(cur.top);
      }
      assert.ok(seen[1] > seen[0], 'the second click goes further down the article');
      assert.equal(seen[n], seen[0], 'after the last mention it starts again');
      await entity.hover();
      const related = await page.locator(`#article mark.lupa-${label}.is-related`).count();
      assert.equal(related, n, 'hovering an entity outlines all its mentions');
      await page.mouse.move(5, 5);
      assert.equal(await page.locator('#article mark.is-related').count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('search counts accent- and case-insensitive matches', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      for (const q of ['azerbaiyan', 'AZERBAIYÁN', 'Azerbaiyán']) {
        await page.fill('#search', q);
        await page.waitForFunction(
          (q) => document.querySelector('#search-count').textContent.includes(q),
          q,
        );
        assert.equal(await page.getAttribute('#search-count', 'data-count'), '3', q);
        assert.equal(await page.textContent('#search-count'), `3 matches for “${q}”`);
        const marks = await page.$$eval('#article mark.lupa-term', (ms) => ms.map((m) => m.textContent));
        assert.deepEqual(marks, ['Azerbaiyán', 'Azerbaiyán', 'Azerbaiyán'], q);
      }
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#article mark.lupa-term.is-current'));
      // Several terms, comma-separated; a multi-word term.
      await page.fill('#search', 'putin, azerbaiyan , estados unidos');
      await page.waitForFunction(() => document.querySelector('#search-count').dataset.count === '8');
      assert.deepEqual(
        (await page.$$eval('#article mark.lupa-term', (ms) => ms.map((m) => m.textContent))).sort(),
        ['Azerbaiyán', 'Azerbaiyán', 'Azerbaiyán', 'Estados Unidos', 'Estados Unidos', 'Estados Unidos', 'Putin', 'Putin'],
      );
      await page.fill('#search', 'zzzqqq');
      await page.waitForFunction(() => document.querySelector('#search-count').dataset.count === '0');
      assert.equal(await page.textContent('#search-count'), 'No matches for “zzzqqq”');
      assert.equal(await page.locator('#article mark.lupa-term').count(), 0);
      await page.fill('#search', '');
      await page.waitForFunction(() => document.querySelector('#search-count').textContent === '');
      assert.equal(await page.textContent('#article'), SEED_TEXT);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('a pattern of your own is marked in its own colour and listed; the engine is fetched only then', async () => {
    const { context, page, problems } = await openPage(browser, { colorScheme: 'light' });
    const fetched = [];
    page.on('request', (r) => fetched.push(r.url()));
    try {
      await loadDemo(page, server.url);
      await page.waitForTimeout(300);
      assert.equal(fetched.filter((u) => u.endsWith(ENGINE)).length, 0, 'no patterns, no engine download');
      assert.equal(await page.textContent('#pattern-list'), 'Write a pattern under Settings to list its matches here.');

      await page.click('[data-example="siglas"]');
      assert.equal(await page.inputValue('#patterns'), ACRONYMS);
      await page.waitForFunction(() => document.querySelector('#pattern-total').textContent === '6');
      const acronyms = ['UE', 'POLITICO', 'POLITICO', 'UE', 'POLITICO', 'UE'];
      const shown = await patternsShown(page);
      assert.deepEqual(shown.marks, acronyms.map((a) => ['siglas', a]));
      assert.deepEqual(shown.panel, acronyms.map((a) => ['siglas', a, '']));
      assert.equal(fetched.filter((u) => u.endsWith(ENGINE)).length, 1, 'the engine is fetched once patterns are used');
      const style = await page.$eval('#article mark.lupa-pattern', (m) => {
        const s = getComputedStyle(m);
        return [m.dataset.label, s.backgroundColor, s.outlineStyle];
      });
      assert.deepEqual(style, ['pattern', 'rgb(207, 227, 255)', 'dashed'], 'marked in their own colour');
      assert.equal(await page.textContent('.legend-item[data-layer="patterns"] .legend-count'), '6');
      assert.equal(await page.textContent('#article'), SEED_TEXT, 'the text is unchanged');

      // Named groups are listed with each match, and a panel entry visits its match.
      await page.fill('#patterns', String.raw`envio: (?<quien>Rusia|la UE) envió a (?<enviado>[A-Z]\w+ [A-Z]\w+)`);
      await page.waitForFunction(() => document.querySelector('#pattern-total').textContent === '2');
      assert.deepEqual(await patternsShown(page), {
        marks: [
          ['envio', 'la UE envió a Toivo Klaar'],
          ['envio', 'Rusia envió a Igor Khovaev'],
        ],
        panel: [
          ['envio', 'la UE envió a Toivo Klaar', 'quien: la UE · enviado: Toivo Klaar'],
          ['envio', 'Rusia envió a Igor Khovaev', 'quien: Rusia · enviado: Igor Khovaev'],
        ],
      });
      await page.click('#pattern-list li:nth-child(2) .pattern-match');
      await page.waitForFunction(() => document.querySelector('#article mark.lupa-pattern.is-current.flash'));
      assert.equal(await page.textContent('#article mark.is-current'), 'Rusia envió a Igor Khovaev');
      assert.match(await page.textContent('#status'), /^Match 2 of 2: “Rusia envió a Igor Khovaev”/);

      // The legend hides the layer; the panel keeps its matches.
      await page.click('.legend-item[data-layer="patterns"]');
      await page.waitForFunction(() => !document.querySelector('#article mark.lupa-pattern'));
      assert.equal(await page.locator('#pattern-list .pattern-match').count(), 2);
      assert.equal(fetched.filter((u) => u.endsWith(ENGINE)).length, 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('the example patterns find case numbers, local dates and phone numbers in your own text', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const text = 'El Juzgado admitió el Expediente 2417/2023 el 14/03/2024; la audiencia será el 2/4/24. Informes: +52 55 1234 5678.';
      await page.uncheck('#live');
      await page.fill('#input', text);
      await page.click('#analyse');
      await page.waitForFunction(() => document.querySelector('#doc-title').textContent === 'Your text');
      for (const example of ['expediente', 'fecha', 'telefono', 'fecha']) await page.click(`[data-example="${example}"]`);
      assert.equal((await page.inputValue('#patterns')).split('\n').length, 3, 'an example is added once');
      await page.waitForFunction(() => document.querySelector('#pattern-total').textContent === '4');
      assert.deepEqual((await patternsShown(page)).panel, [
        ['expediente', 'Expediente 2417/2023', 'num: 2417 · year: 2023'],
        ['fecha', '14/03/2024', 'day: 14 · month: 03 · year: 2024'],
        ['fecha', '2/4/24', 'day: 2 · month: 4 · year: 24'],
        ['telefono', '+52 55 1234 5678', 'country: 52'],
      ]);
      assert.deepEqual((await patternsShown(page)).marks, [
        ['expediente', 'Expediente 2417/2023'],
        ['fecha', '14/03/2024'],
        ['fecha', '2/4/24'],
        ['telefono', '+52 55 1234 5678'],
      ]);
      assert.equal(await page.textContent('#article'), text);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("an invalid pattern shows the library's message by the field, and the rest of the page keeps working", async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      await page.fill('#patterns', `${ACRONYMS}\n${String.raw`caso: Caso (\d+`}`);
      await page.waitForSelector('#patterns-error:not([hidden])');
      assert.equal(
        await page.textContent('#patterns-error'),
        'invalid pattern `caso` (patterns[1]): syntax error at position 5: unclosed group',
      );
      assert.equal(await page.getAttribute('#patterns-error', 'role'), 'alert');
      assert.equal(await page.getAttribute('#patterns', 'aria-invalid'), 'true');
      await page.waitForFunction(() => document.querySelector('#pattern-total').textContent === '6');
      assert.equal(await page.locator('#article mark.lupa-pattern').count(), 6, 'the patterns that compile are used');
      assert.equal(await page.isVisible('#error'), false, 'no page-wide error');
      assert.equal(await page.locator('#dates .panel-item').count(), 4, 'the other layers are still there');
      assert.equal(await page.textContent('#article'), SEED_TEXT);

      await page.fill('#patterns', `${ACRONYMS}\n${String.raw`caso: Caso (\d+)`}`);
      await page.waitForSelector('#patterns-error', { state: 'hidden' });
      assert.equal(await page.getAttribute('#patterns', 'aria-invalid'), null);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('orders the dates panel in time, unresolved last, and follows the reference date', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const read = () =>
        page.$$eval('#dates li', (lis) =>
          lis.map((li) => ({
            text: li.querySelector('.date-text').textContent,
            value: li.dataset.value,
            unresolved: li.dataset.unresolved === 'true',
          })),
        );
      let dates = await read();
      assert.deepEqual(
        dates.map((d) => d.text),
        ['febrero de 2022', 'el mes pasado', '17 de septiembre', 'nueve meses'],
      );
      assert.deepEqual(
        dates.map((d) => d.value),
        ['2022-02', '2023-09', '2023-09-17', 'P9M'],
      );
      const check = (list) => {
        const firstUnresolved = list.findIndex((d) => d.unresolved);
        if (firstUnresolved >= 0) assert.ok(list.slice(firstUnresolved).every((d) => d.unresolved), 'unresolved last');
        const resolved = list.filter((d) => !d.unresolved).map((d) => d.value.padEnd(10, '-'));
        assert.deepEqual(resolved, [...resolved].sort(), 'resolved dates in time order');
      };
      check(dates);
      // A later reference date moves "el mes pasado" to the end.
      await page.fill('#refdate', '2024-03-01');
      await page.dispatchEvent('#refdate', 'change');
      await page.waitForFunction(() => document.querySelector('#dates li[data-value="2024-02"]'));
      dates = await read();
      assert.equal(dates.find((d) => d.text === 'el mes pasado').value, '2024-02');
      assert.equal(dates.at(-1).text, 'nueve meses', 'the duration stays last');
      check(dates);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('shows the quotes with their speakers and the key phrases', async () => {
    const { context, page } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const quotes = await page.$$eval('#quotes .quote', (qs) =>
        qs.map((q) => [q.querySelector('.quote-text').textContent, q.querySelector('.quote-speaker').textContent]),
      );
      assert.ok(quotes.length >= 3, JSON.stringify(quotes));
      assert.deepEqual(quotes[0], ['cómo hacer que los malditos camiones se muevan', '— el enviado']);
      const kws = await page.$$eval('#keywords .keyword-text', (ks) => ks.map((k) => k.textContent));
      assert.ok(kws.includes('Azerbaiyán'), JSON.stringify(kws));
    } finally {
      await context.close();
    }
  });

  it('analyses a dropped .txt file', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const text = 'El 3 de mayo de 2023 llegaron 300 personas a Madrid. <img src=x onerror=alert(1)>';
      const dt = await page.evaluateHandle((text) => {
        const d = new DataTransfer();
        d.items.add(new File([text], 'nota.txt', { type: 'text/plain' }));
        return d;
      }, text);
      await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
      assert.equal(await page.isVisible('#dropzone'), true, 'the drop zone shows while dragging');
      await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
      await page.waitForFunction(() => document.querySelector('#doc-title').textContent === 'nota.txt');
      assert.equal(await page.isVisible('#dropzone'), false);
      assert.equal(await page.textContent('#article'), text);
      assert.equal(await page.inputValue('#input'), text, 'the text lands in the text box');
      assert.deepEqual(await page.$$eval('#article mark.lupa-date', (m) => m.map((x) => x.textContent)), [
        '3 de mayo de 2023',
      ]);
      assert.equal(await page.locator('img').count(), 0);
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('analyses a long dropped file in a worker, marking every copy', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const text = Array(80).fill(SEED_TEXT).join('\n\n'); // over 200,000 characters
      assert.ok(text.length > 200_000);
      const dt = await page.evaluateHandle((text) => {
        const d = new DataTransfer();
        d.items.add(new File([text], 'long.txt', { type: 'text/plain' }));
        return d;
      }, text);
      await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
      await page.waitForFunction(() => /Analysed in a worker/.test(document.querySelector('#status').textContent), null, {
        timeout: 60_000,
      });
      await page.waitForFunction((n) => document.querySelector('#article').textContent.length === n, text.length, {
        timeout: 60_000,
      });
      assert.equal(await page.textContent('#article'), text);
      const per = await page.locator('#article mark.lupa-date').count();
      assert.equal(per, 80 * 4, 'every copy of the seed has its four dates marked');
      assert.equal(await page.textContent('#date-total'), String(80 * 4));
      await page.fill('#search', 'azerbaiyan');
      await page.waitForFunction(() => document.querySelector('#search-count').dataset.count === '240', null, {
        timeout: 60_000,
      });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('analyses text pasted anywhere on the page', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const text = 'Joe Biden said on Tuesday that the United States would send more aid to the people of Ukraine, and that he was going to meet the president in Madrid on 4 July 2023. <script>alert(1)</script>';
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        document.querySelector('#article').dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
        );
      }, text);
      await page.waitForFunction(() => document.querySelector('#doc-title').textContent === 'Your text');
      assert.equal(await page.textContent('#article'), text);
      assert.equal(await page.inputValue('#input'), text);
      assert.match(await page.textContent('#doc-meta'), /^English \(detected\)/);
      assert.equal(await page.getAttribute('#library .library-item', 'aria-current'), null, 'no seed is current');
      await page.waitForTimeout(200);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('shows pasted HTML as text and never runs it', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      await page.uncheck('#live');
      await page.fill('#input', XSS);
      await page.click('#analyse');
      await page.waitForFunction(() => document.querySelector('#doc-title').textContent === 'Your text');
      await page.waitForTimeout(500);
      assert.equal(await page.textContent('#article'), XSS);
      assert.equal(await page.locator('img').count(), 0, 'no <img> anywhere on the page');
      assert.equal(
        await page.$eval('#article', (a) => [...a.querySelectorAll('*')].filter((e) => e.tagName !== 'MARK').length),
        0,
      );
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);

      await page.check('#live');
      const XSS2 = `${XSS} "Vladimir Putin" & <script>alert(2)</script> el 17 de septiembre`;
      await page.fill('#input', XSS2);
      await page.waitForFunction((prev) => document.querySelector('#article').textContent !== prev, XSS, {
        timeout: 5000,
      });
      await page.waitForTimeout(300);
      assert.equal(await page.textContent('#article'), XSS2);
      assert.equal(await page.locator('#article img, #article script').count(), 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('re-analyses with the chosen language', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      assert.match(await page.textContent('#doc-meta'), /^Spanish \(detected\) · /);
      await page.selectOption('#lang', 'en');
      await page.waitForFunction(() => document.querySelector('#doc-meta').textContent.startsWith('English'));
      assert.equal(await page.getAttribute('#article', 'lang'), 'en');
      await page.selectOption('#lang', 'es');
      await page.waitForFunction(() => document.querySelector('#doc-meta').textContent.startsWith('Spanish · '));
      assert.equal(await page.textContent('#article'), SEED_TEXT);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('has a dark mode that follows the system and a toggle that persists', async () => {
    const bg = (page) =>
      page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
        return (r + g + b) / 3;
      });
    const { context, page, problems } = await openPage(browser, { colorScheme: 'light' });
    try {
      await loadDemo(page, server.url);
      assert.equal(await page.getAttribute('#theme', 'aria-pressed'), 'false');
      assert.ok((await bg(page)) > 200, 'light background');
      await page.click('#theme');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      assert.equal(await page.getAttribute('#theme', 'aria-pressed'), 'true');
      assert.ok((await bg(page)) < 60, 'dark background after the toggle');
      await loadDemo(page, server.url);
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'the choice survives a reload');
      assert.ok((await bg(page)) < 60);
      await page.click('#theme');
      assert.ok((await bg(page)) > 200, 'light again');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
    const dark = await openPage(browser, { colorScheme: 'dark' });
    try {
      await loadDemo(dark.page, server.url);
      assert.equal(await dark.page.getAttribute('#theme', 'aria-pressed'), 'true', 'follows prefers-color-scheme');
      assert.ok((await bg(dark.page)) < 60);
    } finally {
      await dark.context.close();
    }
  });

  for (const scheme of ['light', 'dark']) {
    for (const [device, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ]) {
      it(`meets WCAG AA contrast and fits the screen: ${device}, ${scheme}`, async () => {
        const { context, page, problems } = await openPage(browser, {
          viewport,
          colorScheme: scheme,
          isMobile: device === 'phone',
          hasTouch: device === 'phone',
        });
        try {
          await loadDemo(page, server.url);
          await page.fill('#search', 'azerbaiyan');
          await page.waitForFunction(() => document.querySelector('#search-count').dataset.count === '3');
          await page.click('[data-example="siglas"]');
          await page.waitForFunction(() => document.querySelector('#pattern-total').textContent === '6');
          const report = await contrastReport(page);
          assert.ok(report.some((r) => r.what.startsWith('mark.lupa-date')), 'marks were checked');
          assert.ok(report.some((r) => r.what.startsWith('mark.lupa-pattern')), 'pattern marks were checked');
          const bad = report.filter((r) => r.ratio < 4.5);
          assert.deepEqual(bad, [], `contrast below 4.5:1 (${scheme})`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
          await page.screenshot({ path: join(SHOTS, `demo-${device}-${scheme}.png`), fullPage: true });
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('is usable from the keyboard: buttons, labels, focus styles', async () => {
    const { context, page } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      const report = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('[onclick], div[tabindex], span[tabindex], li[tabindex]')) {
          out.push(`clickable non-button: ${el.outerHTML.slice(0, 80)}`);
        }
        for (const el of document.querySelectorAll('button, input, select, textarea')) {
          const name =
            el.getAttribute('aria-label') ||
            (el.labels && [...el.labels].map((l) => l.textContent.trim()).join(' ')) ||
            (el.tagName === 'BUTTON' ? el.textContent.trim() : '');
          if (!name) out.push(`no accessible name: ${el.outerHTML.slice(0, 80)}`);
        }
        return out;
      });
      assert.deepEqual(report, []);
      // Tab reaches the skip link first, and focus is visible.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
      await page.focus('.legend-item');
      const outline = await page.$eval('.legend-item', (b) => getComputedStyle(b).outlineStyle);
      assert.notEqual(outline, 'none', 'focused buttons show an outline');
      assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
      assert.equal(await page.getAttribute('#search-count', 'aria-live'), 'polite');
    } finally {
      await context.close();
    }
  });

  it('shows a clear message when the wasm module cannot load', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.route('**/pkg/lupa.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
      await page.goto(server.url);
      await page.waitForSelector('html[data-ready]', { timeout: 15_000 });
      assert.equal(await page.getAttribute('html', 'data-ready'), 'error');
      assert.equal(await page.isVisible('#error'), true);
      assert.match(await page.textContent('#error'), /WebAssembly module failed to load/);
      assert.equal(await page.isDisabled('#analyse'), true);
    } finally {
      await context.close();
    }
  });
});
