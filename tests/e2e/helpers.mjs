import { after, before } from 'node:test';
// Shared helpers for the end-to-end tests: the static server, Chromium, pages.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const SHOTS = join(HERE, 'screenshots');
export const SEED_FILE = '000_b3dfaa5d8271907c.txt';
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

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Starts www/serve.mjs on a free port; resolves with { proc, url, origin }. */
export function startServer({ csp = false } = {}) {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, 'www', 'serve.mjs'), '--port', '0', ...(csp ? ['--csp'] : [])];
    const proc = spawn(process.execPath, args, {
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

/**
 * Starts the server (with `serverOptions`) and Chromium before the tests of
 * the enclosing describe, and stops both after them; the returned object's
 * `server` and `browser` are set once they run.
 */
export function withServerAndBrowser(serverOptions = {}) {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await startServer(serverOptions);
    ctx.browser = await launchChromium();
  });
  after(async () => {
    await ctx.browser?.close().catch(() => {});
    await stopServer(ctx.server?.proc);
  });
  return ctx;
}

export function stopServer(proc) {
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
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
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

/** Loads a page that sets html[data-ready] when started, and checks it started. */
export async function loadReady(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.equal(res.status(), 200, `${url} should be served with 200`);
  await page.waitForSelector('html[data-ready]', { timeout: 20_000 });
  const ready = await page.getAttribute('html', 'data-ready');
  const error = await page.evaluate(() => {
    const el = document.querySelector('#error');
    return el && !el.hidden ? el.textContent : '';
  });
  assert.equal(ready, 'true', `the page should start; it says: ${error}`);
  assert.equal(error, '', 'no error banner should be shown');
}
