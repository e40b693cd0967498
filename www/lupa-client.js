// Promise-based client for lupa-worker.js.
//
//   import { createLupaWorker } from './lupa-client.js';
//   const lupa = await createLupaWorker();
//   const x = await lupa.extract(text, { lang: 'es' });   // same result as extract() on the main thread
//   lupa.terminate();

let counter = 0;

/**
 * Starts the module worker and waits until the wasm package is loaded.
 * @param {{ url?: string | URL }} [opts] worker script (default: ./lupa-worker.js next to this file)
 */
export async function createLupaWorker(opts = {}) {
  // Written out in full so that Vite and webpack 5 see the worker and bundle it.
  const worker = opts.url
    ? new Worker(opts.url, { type: 'module', name: 'lupa' })
    : new Worker(new URL('./lupa-worker.js', import.meta.url), { type: 'module', name: 'lupa' });
  const pending = new Map();
  let dead = null;

  const failAll = (err) => {
    dead = err;
    for (const { reject } of pending.values()) reject(err);
    pending.clear();
  };
  worker.addEventListener('message', (ev) => {
    const { id, ok, result, error } = ev.data ?? {};
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (ok) p.resolve(result);
    else {
      const e = new Error(error?.message ?? 'lupa worker error');
      if (error?.name) e.name = error.name;
      p.reject(e);
    }
  });
  worker.addEventListener('error', (ev) => {
    ev.preventDefault?.();
    failAll(new Error(`lupa worker failed: ${ev.message || 'could not load the module'}`));
  });
  worker.addEventListener('messageerror', () => failAll(new Error('lupa worker: message could not be decoded')));

  const send = (fn, text, options) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(dead);
      const id = ++counter;
      pending.set(id, { resolve, reject });
      worker.postMessage(options === undefined ? { id, fn, text } : { id, fn, text, options });
    });

  const { functions, fullHighlight } = await send('ping', '');
  return {
    functions,
    /** whether highlight() takes every layer and `terms` (newer packages) */
    full: fullHighlight,
    extract: (text, options) => send('extract', text, options),
    highlight: (text, options) => send('highlight', text, options),
    tokenize: (text, options) => send('tokenize', text, options),
    tokenSpans: (text, options) => send('tokenSpans', text, options),
    findTerms: (text, terms, options = {}) => send('findTerms', text, { ...options, terms }),
    terminate() {
      worker.terminate();
      failAll(new Error('lupa worker terminated'));
    },
  };
}
