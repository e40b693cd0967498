// Runs inside the benchmark page. The driver (bench/driver.mjs) calls
// window.harness.* through Playwright; every number is taken here, in the page,
// with performance.now().

const LAYERS = ["entities", "dates", "quantities", "quotes", "keywords"];

// Each library: how to load it, and its operations. An operation takes the
// text and returns a count (tokens or entities), so no result is dead code.
const LIBS = {
  lupa: {
    async load() {
      // ?pkg=/bench/build/pkg-prof loads another build (see profile-wasm.mjs).
      const pkg = new URLSearchParams(location.search).get("pkg") ?? "/pkg";
      const m = await import(`${pkg}/lupa.js`);
      const t0 = performance.now();
      const instance = await m.default();
      const initMs = performance.now() - t0;
      return { m, instance, initMs };
    },
    tokens: (L, text) => L.m.tokenSpans(text).length / 3,
    ops: {
      tokenSpans: (L, text) => L.m.tokenSpans(text).length / 3,
      tokenize: (L, text) => L.m.tokenize(text).length,
      "extract(entities)": (L, text) => L.m.extract(text, { include: ["entities"] }).entities.length,
      "extract(all)": (L, text) => {
        const x = L.m.extract(text, { include: LAYERS });
        // Items of every layer the result has (entities, dates, quantities, quotes, keywords).
        return LAYERS.reduce((n, k) => n + (x[k]?.length ?? 0), 0);
      },
    },
  },
  compromise: {
    async load() {
      const nlp = (await import("/bench/build/compromise.js")).default;
      return { nlp };
    },
    tokens: (L, text) => L.nlp.tokenize(text).terms().length,
    ops: {
      tokenize: (L, text) => L.nlp.tokenize(text).terms().length,
      "people+places+orgs": (L, text) => {
        const doc = L.nlp(text);
        return doc.people().length + doc.places().length + doc.organizations().length;
      },
    },
  },
  "es-compromise": {
    async load() {
      const nlp = (await import("/bench/build/es-compromise.js")).default;
      return { nlp };
    },
    tokens: (L, text) => L.nlp.tokenize(text).terms().length,
    ops: {
      tokenize: (L, text) => L.nlp.tokenize(text).terms().length,
    },
  },
  wink: {
    async load() {
      const { winkNLP, model } = await import("/bench/build/wink.js");
      // An empty pipe is wink's tokenizer alone; sbd+ner is the smallest pipe with entities.
      return { tok: winkNLP(model, []), ner: winkNLP(model, ["sbd", "ner"]) };
    },
    tokens: (L, text) => L.tok.readDoc(text).tokens().length(),
    ops: {
      tokenize: (L, text) => L.tok.readDoc(text).tokens().length(),
      "ner(sbd+ner)": (L, text) => L.ner.readDoc(text).entities().length(),
    },
  },
};

const texts = new Map();
async function text(name) {
  if (!texts.has(name)) {
    const r = await fetch(`/bench/texts/${name}.txt`);
    if (!r.ok) throw new Error(`cannot fetch text ${name}: ${r.status}`);
    texts.set(name, await r.text());
  }
  return texts.get(name);
}

const loaded = new Map();
async function lib(name) {
  if (!loaded.has(name)) loaded.set(name, await LIBS[name].load());
  return loaded.get(name);
}

const gc = () => globalThis.gc?.();

window.harness = {
  ops() {
    return Object.fromEntries(Object.entries(LIBS).map(([k, v]) => [k, Object.keys(v.ops)]));
  },

  // Warm `op` of `libName` up on the seed for `warmupMs` (3 calls at least), so
  // that the JS JIT and V8's wasm tier-up (Liftoff, then TurboFan) are done
  // before timing; returns the library's own token count of text `textName`.
  async prepare(libName, op, textName, { warmupMs = 1000 } = {}) {
    const L = await lib(libName);
    const f = LIBS[libName].ops[op];
    if (!f) throw new Error(`unknown op ${libName}.${op}`);
    const t = await text(textName);
    const seed = await text("seed");
    const w0 = performance.now();
    for (let i = 0; i < 3 || performance.now() - w0 < warmupMs; i++) f(L, seed);
    const tokens = LIBS[libName].tokens(L, t);
    return { bytes: new TextEncoder().encode(t).length, chars: t.length, tokens };
  },

  // One timed run: repeats the call until at least `minMs` have passed (for
  // small texts) and returns the time per call. gc() first and last, outside
  // the timing: the pages share two cores, and a library that leaves a large
  // heap behind (compromise's documents of 5 MB) would otherwise have V8's
  // concurrent GC threads collect it while the next page's run is timed,
  // which slows most the runs that allocate most (Lupa's tokenize).
  async runOnce(libName, op, textName, { minMs = 200 } = {}) {
    const L = await lib(libName);
    const f = LIBS[libName].ops[op];
    const t = await text(textName);
    gc();
    let reps = 0, count = 0;
    const t0 = performance.now();
    let t1 = t0;
    do {
      count = f(L, t);
      reps++;
      t1 = performance.now();
    } while (t1 - t0 < minMs);
    gc();
    return { ms: (t1 - t0) / reps, reps, count };
  },

  // Call one op `n` times (for the profiler); returns the last count.
  async repeat(libName, op, textName, n) {
    const L = await lib(libName);
    const t = await text(textName);
    let count = 0;
    for (let i = 0; i < n; i++) count = LIBS[libName].ops[op](L, t);
    return count;
  },

  // Load Lupa in this (fresh) page and report the time from init() to ready.
  async lupaInit() {
    const L = await lib("lupa");
    return { initMs: L.initMs, memoryBytes: L.instance.memory.buffer.byteLength };
  },

  // Wasm memory (memory.buffer.byteLength) around calls of one Lupa op on one
  // text: after init, after the first call, and at checkpoints over up to
  // `calls` calls, stopping early (after one call at least) once `budgetMs` have passed.
  async lupaMemory(op, textName, calls = 100, budgetMs = Infinity) {
    const L = await lib("lupa");
    const mem = () => L.instance.memory.buffer.byteLength;
    const t = await text(textName);
    const f = LIBS.lupa.ops[op];
    const baseline = mem();
    const checkpoints = [];
    const marks = new Set([1, 2, 5, 10, 25, 50, 75, calls]);
    const t0 = performance.now();
    let i = 0;
    while (i < calls) {
      f(L, t);
      i++;
      const over = performance.now() - t0 > budgetMs;
      if (marks.has(i) || over || i === calls) checkpoints.push({ call: i, bytes: mem() });
      if (over) break;
      if (i % 10 === 0) gc();
    }
    const ms = performance.now() - t0;
    return { op, text: textName, inputBytes: new TextEncoder().encode(t).length, baseline, checkpoints, calls: i, totalMs: ms };
  },
};
window.harnessReady = true;
