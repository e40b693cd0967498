// Lupa module worker: runs the wasm package off the main thread.
//
//   new Worker(new URL('./lupa-worker.js', import.meta.url), { type: 'module' })
//
// Request:  { id, fn, text, options }   fn: extract | highlight | tokenize | tokenSpans | findTerms | ping
//           (findTerms takes its terms as options.terms; the rest of options is passed on;
//           with options.patterns the worker loads the pattern engine first)
// Response: { id, ok: true, result } or { id, ok: false, error: { name, message } }
// `ping` answers { functions, fullHighlight }: what the package exports, and whether
// its highlight() takes every layer and `terms`.

import { hasFullHighlight } from './lupa-render.js';
// Static, so that bundlers bundle the core into the worker and find its wasm.
import initCore, * as core from '../pkg/lupa.js';

const FUNCTIONS = ['extract', 'highlight', 'tokenize', 'tokenSpans', 'findTerms'];

const ready = (async () => {
  await initCore();
  return core;
})();

async function call(mod, fn, text, options) {
  if (fn === 'ping') {
    return { functions: FUNCTIONS.filter((f) => typeof mod[f] === 'function'), fullHighlight: hasFullHighlight(mod) };
  }
  if (!FUNCTIONS.includes(fn) || typeof mod[fn] !== 'function') {
    throw new Error(`lupa-worker: unknown function ${JSON.stringify(String(fn))}`);
  }
  if (typeof text !== 'string') throw new TypeError('lupa-worker: `text` must be a string');
  if (options?.patterns?.length && typeof mod.loadPatterns === 'function') await mod.loadPatterns();
  if (fn === 'findTerms') {
    const { terms, ...rest } = options ?? {};
    return mod.findTerms(text, terms ?? [], rest);
  }
  return options === undefined ? mod[fn](text) : mod[fn](text, options);
}

self.addEventListener('message', async (ev) => {
  const { id, fn, text, options } = ev.data ?? {};
  try {
    const mod = await ready;
    const result = await call(mod, fn, text, options);
    const transfer = result instanceof Uint32Array ? [result.buffer] : [];
    self.postMessage({ id, ok: true, result }, transfer);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    self.postMessage({ id, ok: false, error: { name: e.name, message: e.message } });
  }
});
