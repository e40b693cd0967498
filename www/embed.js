// embed.html: the worker example with timings.
import { createLupaWorker } from './lupa-client.js';

const SEED = '../seeds/000_b3dfaa5d8271907c.txt';
const $ = (id) => document.getElementById(id);

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const counts = (x) => [x.entities, x.dates, x.quantities, x.quotes].map((l) => l?.length ?? 0).join(' · ');

async function main() {
  const [mod, text, lupa] = await Promise.all([
    import(new URL('../pkg/lupa.js', import.meta.url).href).then(async (m) => (await m.default(), m)),
    fetch(SEED).then((r) => r.text()),
    createLupaWorker(),
  ]);
  window.__lupaEmbed = { text, lupa, mod }; // for the tests
  const run = $('run');
  run.disabled = false;
  $('worker-status').textContent = `Worker ready (${lupa.functions.join(', ')}).`;
  run.addEventListener('click', async () => {
    run.disabled = true;
    $('worker-status').textContent = 'Running…';
    const n = Math.max(1, Math.min(200, Number($('repeat').value) || 1));
    const big = Array(n).fill(text).join('\n\n');
    const opts = { lang: 'es', referenceDate: '2023-10-15' };
    let t = performance.now();
    const a = mod.extract(big, opts);
    const tMain = performance.now() - t;
    t = performance.now();
    const b = await lupa.extract(big, opts);
    const tWorker = performance.now() - t;
    $('t-main').textContent = fmt(tMain);
    $('t-worker').textContent = fmt(tWorker);
    $('n-main').textContent = counts(a);
    $('n-worker').textContent = counts(b);
    $('timing').hidden = false;
    const same = JSON.stringify(a) === JSON.stringify(b);
    $('same').textContent = same ? 'Same result from both.' : 'The results differ!';
    $('worker-status').textContent = `Done: ${big.length.toLocaleString('en')} characters.`;
    run.disabled = false;
  });
  wireDom(mod);
  document.documentElement.dataset.ready = 'true';
}

/** The highlightElement() / clearHighlights() example (feature-detected). */
function wireDom(mod) {
  const story = $('story');
  const status = $('dom-status');
  if (typeof mod.highlightElement !== 'function') {
    status.textContent = 'This build of the package has no highlightElement().';
    return;
  }
  const hl = $('dom-highlight');
  const clear = $('dom-clear');
  hl.disabled = false;
  hl.addEventListener('click', () => {
    mod.clearHighlights(story);
    const { mode, marks } = mod.highlightElement(story, { lang: 'es', referenceDate: '2023-10-15' });
    story.dataset.mode = mode;
    status.textContent = `${marks.length} marks, mode: ${mode}.`;
    clear.disabled = false;
  });
  clear.addEventListener('click', () => {
    mod.clearHighlights(story);
    delete story.dataset.mode;
    status.textContent = 'Cleared.';
    clear.disabled = true;
  });
}

main().catch((err) => {
  $('worker-status').textContent = `Error: ${err instanceof Error ? err.message : String(err)}`;
  document.documentElement.dataset.ready = 'error';
});
