// The npm package as users get it: dist/lupa-news-VERSION.tgz (bash .ci/package)
// installed offline from the file into fresh projects, then used as the README
// says: a plain HTML page with relative imports under a strict CSP, a Node
// script whose results must be those of the `lupa` command line, and a Vite +
// TypeScript `strict` project (type-checked, built, run; Vite and TypeScript
// come from the npm registry, pinned).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT, SEED_FILE, launchChromium } from './helpers.mjs';

const VERSION = /^version = "(.+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
const TARBALL = join(ROOT, 'dist', `lupa-news-${VERSION}.tgz`);
const CLI = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'debug', 'lupa');
const SEED = join(ROOT, 'seeds', SEED_FILE);
const REF = '2023-09-20';
const dirs = [];
/** The strict policy of the README (and of www/serve.mjs --csp). */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TOOLS = ['vite@6.4.6', 'typescript@5.9.3'];

/** A fresh project with the tarball installed from the file (offline unless `tools` are wanted too). */
function project(name, tools = []) {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: run bash .ci/package first`);
  const dir = mkdtempSync(join(tmpdir(), `lupa-${name}-`));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `try-${name}`, private: true, type: 'module' }));
  const offline = tools.length ? [] : ['--offline'];
  execFileSync('npm', ['install', ...offline, '--no-audit', '--no-fund', '--silent', TARBALL, ...tools], { cwd: dir, stdio: 'pipe' });
  return dir;
}

/** What the command line finds in the seed article (the reference for every path). */
function cliResult() {
  assert.ok(existsSync(CLI), `${CLI} is missing: run cargo test --features cli (or cargo build --features cli) first`);
  return JSON.parse(execFileSync(CLI, ['extract', SEED, '--lang', 'es', '--reference-date', REF], { encoding: 'utf8' }));
}

/** Keyword scores may differ in the last bit between the two number printers. */
function comparable(x) {
  return { ...x, keywords: x.keywords.map((k) => ({ ...k, score: Number(k.score.toFixed(9)) })) };
}

after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('in Node, the installed package gives the results of the command line', () => {
  const dir = project('node');
  writeFileSync(
    join(dir, 'run.mjs'),
    `import { readFileSync } from "node:fs";
import init, { extract, loadPatterns } from "lupa-news";
await init();
const x = extract(readFileSync(${JSON.stringify(SEED)}, "utf8"), { lang: "es", referenceDate: "${REF}" });
await loadPatterns();
const p = extract("Expediente 12/2024 y expediente 7/2023.", { include: [], patterns: [{ name: "exp", pattern: "\\\\d+/\\\\d{4}" }] });
console.log(JSON.stringify({ x, p: p.patterns.map((m) => m.text) }));
`,
  );
  const out = JSON.parse(execFileSync(process.execPath, ['run.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual(comparable(out.x), comparable(cliResult()));
  assert.deepEqual(out.p, ['12/2024', '7/2023']);
});

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

/** A static server for `dir` that sends the strict CSP with every response. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('a plain HTML page imports the package by relative paths, under a strict CSP', async () => {
  const dir = project('html');
  const pkg = './node_modules/lupa-news';
  writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>lupa-news in a plain page</title>
<link rel="stylesheet" href="${pkg}/lupa.css">
<script type="module" src="main.js"></script></head>
<body><article id="out"></article>
<lupa-article lang="es">El presidente ruso Vladimir Putin llegó a Estambul el lunes.</lupa-article></body></html>
`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import init, { extract, highlight, loadPatterns } from "${pkg}/pkg/lupa.js";
import "${pkg}/www/lupa-article.js";
await init();
const text = await (await fetch("seed.txt")).text();
const x = extract(text, { lang: "es", referenceDate: "${REF}" });
document.querySelector("#out").innerHTML = highlight(text, { lang: "es" });
await loadPatterns();
const p = extract("Expediente 12/2024.", { include: [], patterns: [{ name: "exp", pattern: "\\\\d+/\\\\d{4}" }] });
document.body.dataset.result = JSON.stringify({ entities: x.entities, quotes: x.quotes, p: p.patterns.map((m) => m.text) });
`,
  );
  const server = await serve(dir);
  const refused = [];
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text());
  });
  page.on('pageerror', (e) => refused.push(String(e)));
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 30_000 });
    const got = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    const want = cliResult();
    assert.deepEqual(got.entities, want.entities);
    assert.deepEqual(got.quotes, want.quotes);
    assert.deepEqual(got.p, ['12/2024']);
    // The linked stylesheet colours highlight()'s marks.
    const per = await page.evaluate(() => getComputedStyle(document.querySelector('#out mark.lupa-PER')).backgroundColor);
    assert.equal(per, 'rgb(217, 209, 255)');
    // The element renders in its shadow root with its own colours.
    await page.waitForFunction(() => document.querySelector('lupa-article').shadowRoot?.querySelector('mark.lupa-PER'), null, { timeout: 30_000 });
    const mark = await page.evaluate(() => {
      const m = document.querySelector('lupa-article').shadowRoot.querySelector('mark.lupa-PER');
      return { text: m.textContent, bg: getComputedStyle(m).backgroundColor };
    });
    assert.deepEqual(mark, { text: 'Vladimir Putin', bg: 'rgb(217, 209, 255)' });
    assert.deepEqual(refused, []);
  } finally {
    await page.close();
    server.close();
  }
});

test('a Vite + TypeScript strict project type-checks, builds and runs: main thread, worker and element', async () => {
  const dir = project('vite', TOOLS);
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] },
      include: ['src'],
    }),
  );
  // A module worker that imports code-split chunks needs Vite's ES worker format.
  writeFileSync(join(dir, 'vite.config.js'), 'export default { worker: { format: "es" } };\n');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>lupa-news with Vite</title>
<script type="module" src="/src/main.ts"></script></head>
<body><article id="out"></article><lupa-article lang="es">El presidente ruso Vladimir Putin llegó a Estambul el lunes.</lupa-article></body></html>
`,
  );
  writeFileSync(
    join(dir, 'src', 'main.ts'),
    `import init, { extract, highlight, type Extraction } from "lupa-news";
import "lupa-news/element";
import { createLupaWorker } from "lupa-news/worker";
import "lupa-news/style.css";

async function main(): Promise<void> {
  await init();
  const text = "El presidente ruso Vladimir Putin llegó a Estambul el lunes.";
  const x: Extraction = extract(text, { lang: "es" });
  document.querySelector<HTMLElement>("#out")!.innerHTML = highlight(text, { lang: "es" });
  const worker = await createLupaWorker();
  const y = await worker.extract(text, { lang: "es" });
  document.body.dataset.result = JSON.stringify({ main: x.entities.map((e) => e.text), worker: y.entities.map((e) => e.text) });
}
main().catch((e: unknown) => {
  document.body.dataset.result = JSON.stringify({ error: String(e) });
});
`,
  );
  const bin = (tool) => join(dir, 'node_modules', '.bin', tool);
  execFileSync(bin('tsc'), ['-p', '.'], { cwd: dir, stdio: 'pipe' });
  execFileSync(bin('vite'), ['build', '--logLevel', 'error'], { cwd: dir, stdio: 'pipe' });
  const server = await serve(join(dir, 'dist'));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 30_000 });
    const got = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.deepEqual(got, { main: ['Vladimir Putin', 'Estambul'], worker: ['Vladimir Putin', 'Estambul'] });
    await page.waitForFunction(() => document.querySelector('lupa-article').shadowRoot?.querySelector('mark.lupa-LOC'), null, { timeout: 30_000 });
    const marks = await page.evaluate(() => [...document.querySelector('lupa-article').shadowRoot.querySelectorAll('mark')].map((m) => m.textContent));
    assert.deepEqual(marks, ['Vladimir Putin', 'Estambul', 'lunes']);
  } finally {
    await page.close();
    server.close();
  }
});
