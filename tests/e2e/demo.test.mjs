// End-to-end tests for the Lupa demo (www/), run with `npm run test:e2e`.
//
// Starts www/serve.mjs on a free port, drives the system Chromium
// (/usr/bin/chromium, override with LUPA_CHROMIUM) through playwright-core,
// and checks: the seed article loads and is highlighted, the entity panel,
// that pasted HTML stays text (no element, no script), and that the page logs
// no console errors. Needs the wasm package in pkg/
// (`wasm-pack build --target web --out-dir pkg`).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SHOTS = join(HERE, 'screenshots');
const CHROMIUM = process.env.LUPA_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const XSS = '<img src=x onerror=alert(1)>';

/** Starts www/serve.mjs on a free port; resolves with { proc, url }. */
function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(ROOT, 'www', 'serve.mjs'), '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`serve.mjs did not print its URL within 10 s\nstdout: ${out}\nstderr: ${err}`));
    }, 10_000);
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d) => (err += d));
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^(http:\/\/127\.0\.0\.1:(\d+)\/www\/)$/m);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1], origin: `http://127.0.0.1:${m[2]}` });
      }
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited early (code ${code})\nstderr: ${err}`));
    });
  });
}

function stopServer(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 3000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/** Opens a page that records console errors, page errors and dialogs. */
async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return { context, page, problems, dialogs };
}

/** Loads the demo and waits until app.js has finished starting. */
async function loadDemo(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.equal(res.status(), 200, 'index.html should be served with 200');
  await page.waitForSelector('html[data-ready]', { timeout: 15_000 });
  const ready = await page.getAttribute('html', 'data-ready');
  const error = await page.locator('#error').evaluate((el) => (el.hidden ? '' : el.textContent));
  assert.equal(ready, 'true', `the wasm module should load; page says: ${error}`);
  assert.equal(error, '', 'no error banner should be shown');
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
      ['/www/app.js', /^text\/javascript\b/],
      ['/www/serve.mjs', /^text\/javascript\b/],
      ['/www/style.css', /^text\/css\b/],
      ['/seeds/index.json', /^application\/json\b/],
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
    // Raw paths: fetch() would normalise the dot segments away.
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

describe('Lupa demo in Chromium', { timeout: 180_000 }, () => {
  let server;
  let browser;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server?.proc);
  });

  it('loads the seed article without console errors', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      // The seed picker lists the seed and selects it.
      const options = await page.locator('#seed option').allTextContents();
      assert.ok(
        options.some((o) => o.includes('Estambul')),
        `seed picker should list the seed article, got ${JSON.stringify(options)}`,
      );
      assert.equal(await page.inputValue('#seed'), '0');
      await assert.doesNotReject(
        page.waitForFunction(() => document.querySelector('#article').textContent.includes('Nagorno-Karabaj')),
        'article text should be rendered',
      );
      const title = await page.textContent('#doc-title');
      assert.match(title, /Estambul/);
      // Let late errors (deferred fetches, etc.) surface before asserting.
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, 'seed.png'), fullPage: true });
      assert.deepEqual(problems, [], 'no console errors or page errors during load');
      assert.deepEqual(dialogs, [], 'no dialogs during load');
    } finally {
      await context.close();
    }
  });

  it('highlights "Vladimir Putin" as PER in the article', async () => {
    const { context, page } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      await page.waitForFunction(() => document.querySelector('#article').textContent.length > 1000);
      const marks = await page.$$eval('#article mark', (ms) =>
        ms.map((m) => ({ text: m.textContent, label: m.dataset.label, cls: m.className })),
      );
      const putin = marks.filter((m) => m.text === 'Vladimir Putin');
      assert.ok(
        putin.length >= 1,
        `expected a <mark> with text "Vladimir Putin"; marks found: ${JSON.stringify(marks.slice(0, 20))}`,
      );
      for (const m of putin) {
        assert.equal(m.label, 'PER', 'data-label of the Vladimir Putin mark');
        assert.match(m.cls, /\blupa-PER\b/);
      }
      // Marks carry nothing but text: the label badge comes from CSS ::after.
      const after = await page.$eval('#article mark[data-label="PER"]', (m) =>
        getComputedStyle(m, '::after').content,
      );
      assert.equal(after, '"PER"', 'the label is shown after the mark via CSS');
    } finally {
      await context.close();
    }
  });

  it('lists "Vladimir Putin" under PER in the entity panel', async () => {
    const { context, page } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      await page.waitForFunction(() => document.querySelector('#article').textContent.length > 1000);
      const groups = await page.$$eval('#entities section.group', (ss) =>
        ss.map((s) => ({
          label: s.dataset.label,
          count: Number(s.querySelector('.count').textContent),
          items: [...s.querySelectorAll('.entity-text')].map((e) => e.textContent),
        })),
      );
      const per = groups.find((g) => g.label === 'PER');
      assert.ok(per, `a PER group should exist; groups: ${JSON.stringify(groups)}`);
      assert.ok(per.items.includes('Vladimir Putin'), `PER items: ${JSON.stringify(per.items)}`);
      assert.equal(per.count, per.items.length, 'PER count equals the number of listed entities');
      for (const g of groups.filter((g) => g.label !== 'PER')) {
        assert.ok(!g.items.includes('Vladimir Putin'), `Vladimir Putin should not be under ${g.label}`);
      }
      const total = Number(await page.textContent('#entity-total'));
      assert.equal(total, groups.reduce((n, g) => n + g.count, 0));
    } finally {
      await context.close();
    }
  });

  it('shows pasted HTML as text and never runs it', async () => {
    const { context, page, problems, dialogs } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      await page.waitForFunction(() => document.querySelector('#article').textContent.length > 1000);
      await page.uncheck('#live'); // analyse only on the button, deterministically
      await page.fill('#input', XSS);
      await page.click('#analyse');
      await page.waitForFunction(() => document.querySelector('#doc-title').textContent === 'Your text', null, {
        timeout: 5000,
      });
      // Give a would-be onerror handler time to fire.
      await page.waitForTimeout(500);
      assert.equal(await page.textContent('#article'), XSS, 'the article shows the literal text');
      assert.equal(await page.locator('#article img').count(), 0, 'no <img> inside the article');
      assert.equal(await page.locator('img').count(), 0, 'no <img> anywhere on the page');
      assert.equal(
        await page.$eval('#article', (a) => [...a.querySelectorAll('*')].filter((e) => e.tagName !== 'MARK').length),
        0,
        'the article holds only text and <mark> elements',
      );
      await page.screenshot({ path: join(SHOTS, 'xss.png'), fullPage: true });
      assert.deepEqual(dialogs, [], 'no dialog may fire');
      assert.deepEqual(problems, [], 'no console errors or page errors');

      // Same through the debounced live path.
      await page.check('#live');
      const XSS2 = `${XSS} "Vladimir Putin" & <script>alert(2)</script>`;
      await page.fill('#input', XSS2);
      // The debounced analysis changes the article without any click.
      await page.waitForFunction(
        (prev) => document.querySelector('#article').textContent !== prev,
        XSS,
        { timeout: 5000 },
      );
      await page.waitForTimeout(300);
      assert.equal(await page.textContent('#article'), XSS2, 'live analysis shows the literal text');
      assert.equal(await page.locator('#article img, #article script').count(), 0);
      assert.deepEqual(dialogs, [], 'no dialog may fire (live analysis)');
      assert.deepEqual(problems, [], 'no console errors (live analysis)');
    } finally {
      await context.close();
    }
  });

  it('re-analyses with the chosen language', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await loadDemo(page, server.url);
      await page.waitForFunction(() => document.querySelector('#article').textContent.length > 1000);
      assert.match(await page.textContent('#doc-meta'), /^Spanish \(detected\) · /);
      await page.selectOption('#lang', 'en');
      assert.match(await page.textContent('#doc-meta'), /^English · /);
      assert.equal(await page.getAttribute('#article', 'lang'), 'en');
      await page.selectOption('#lang', 'es');
      assert.match(await page.textContent('#doc-meta'), /^Spanish · /);
      assert.match(await page.textContent('#article'), /^Altos funcionarios de Estados Unidos/);
      assert.deepEqual(problems, []);
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
