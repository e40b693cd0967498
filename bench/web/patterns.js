// Runs inside bench/web/patterns.html. The driver (bench/patterns.mjs) calls
// window.patternsBench.* through Playwright; every number is taken here with
// performance.now(), as in harness.js.

const lupa = await import("/pkg/lupa.js");

// Ten patterns a newsroom would write. Each is the same text for both engines;
// where `\b` meets a non-ASCII letter the engines disagree (Rust's `\b` and `\w`
// are Unicode, JavaScript's ASCII even with the `u` flag), which the match
// check reports rather than hides.
const PATTERNS = [
  ["expediente", String.raw`Expediente \d+/\d{4}`],
  ["date", String.raw`\b\d{1,2}/\d{1,2}/\d{2,4}\b`],
  ["money", String.raw`\$\s?\d[\d.,]*`],
  ["percent", String.raw`\d+(?:[.,]\d+)?\s?(?:%|por ciento|percent)`],
  ["year", String.raw`\b(19|20)\d{2}\b`],
  ["name-pair", String.raw`\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ [A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b`],
  ["email", String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`],
  ["url", String.raw`https?://[^\s<>"]+|www\.[^\s<>"]+`],
  ["hashtag", String.raw`#[A-Za-z0-9_]+`],
  ["word-list", String.raw`\b(?:Gobierno|presidente|ministro|Congreso|elecciones|government|president|minister|police|election)\b`],
].map(([name, pattern]) => ({ name, pattern }));

// The same ten with `\b` written `(?-u:\b)`, the ASCII word boundary: JavaScript's
// meaning of `\b`, and one that `regex`'s lazy DFA runs itself, where a
// Unicode `\b` makes it give up on non-ASCII text for a slower engine.
const ASCII_B = PATTERNS.map((p) => ({ name: p.name, pattern: p.pattern.replaceAll(String.raw`\b`, String.raw`(?-u:\b)`) }));

const CATASTROPHIC = [String.raw`(a+)+$`, String.raw`(\w+\s?)*$`];

// Spans per pattern name, [start, end, start, end, ...] in UTF-16 units.
function lupaSpans(text, patterns) {
  const out = Object.fromEntries(patterns.map((p) => [p.name, []]));
  for (const m of lupa.extract(text, { include: [], patterns }).patterns) out[m.name].push(m.start, m.end);
  return out;
}
function regexpSpans(text, regexps) {
  const out = {};
  for (const [name, re] of regexps) {
    const s = (out[name] = []);
    for (const m of text.matchAll(re)) s.push(m.index, m.index + m[0].length);
  }
  return out;
}
const compiled = (patterns) => patterns.map((p) => [p.name, new RegExp(p.pattern, "gu")]);

// An operation returns its match count, so that nothing it computes is dead code.
const count = (spans) => Object.values(spans).reduce((n, s) => n + s.length / 2, 0);
const OPS = { "lupa:none": (t) => lupa.extract(t, { include: [] }).patterns?.length ?? 0 };
for (const set of [PATTERNS, ...PATTERNS.map((p) => [p])]) {
  const key = set.length > 1 ? "all" : set[0].name;
  const regexps = compiled(set);
  OPS[`lupa:${key}`] = (t) => count(lupaSpans(t, set));
  OPS[`regexp:${key}`] = (t) => count(regexpSpans(t, regexps));
}
OPS["lupa:all-ascii-b"] = (t) => count(lupaSpans(t, ASCII_B));

const texts = new Map();
async function text(name) {
  if (!texts.has(name)) {
    const r = await fetch(`/bench/texts/${name}.txt`);
    if (!r.ok) throw new Error(`cannot fetch text ${name}: ${r.status}`);
    texts.set(name, await r.text());
  }
  return texts.get(name);
}

const gc = () => globalThis.gc?.();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// Repeats f until minMs have passed (short calls), time per call.
function timed(f, minMs) {
  gc();
  let reps = 0, result;
  const t0 = performance.now();
  let t1 = t0;
  do {
    result = f();
    reps++;
    t1 = performance.now();
  } while (t1 - t0 < minMs);
  gc();
  return { ms: (t1 - t0) / reps, reps, result };
}

let ready = null;

window.patternsBench = {
  patterns: () => ({ patterns: PATTERNS, catastrophic: CATASTROPHIC, ops: Object.keys(OPS) }),

  // In a fresh page (the driver gives each load a new context, so nothing is
  // cached): init() and then loadPatterns(), each timed from call to resolve.
  async load() {
    let t0 = performance.now();
    await lupa.default();
    const initMs = performance.now() - t0;
    t0 = performance.now();
    await lupa.loadPatterns();
    return { initMs, loadPatternsMs: performance.now() - t0 };
  },

  async ready() {
    ready ??= lupa.default().then(() => lupa.loadPatterns());
    return ready;
  },

  // Both engines once on the text: matches per pattern, and the spans found by
  // one engine only (count and the first few, with their text).
  async check(textName, asciiB = false) {
    await this.ready();
    const t = await text(textName);
    const a = lupaSpans(t, asciiB ? ASCII_B : PATTERNS), b = regexpSpans(t, compiled(PATTERNS));
    const key = (s, i) => `${s[i]}-${s[i + 1]}`;
    const only = (x, y) => {
      const ys = new Set(y.map((_, i) => (i % 2 ? null : key(y, i))));
      const out = [];
      for (let i = 0; i < x.length; i += 2) if (!ys.has(key(x, i))) out.push(x[i], x[i + 1]);
      return { n: out.length / 2, examples: Array.from({ length: Math.min(3, out.length / 2) }, (_, k) => JSON.stringify(t.slice(Math.max(0, out[2 * k] - 2), out[2 * k + 1] + 2)) + ` [${out[2 * k]}, ${out[2 * k + 1]})`) };
    };
    return {
      bytes: new TextEncoder().encode(t).length,
      chars: t.length,
      perPattern: PATTERNS.map(({ name, pattern }) => ({ name, pattern, lupa: a[name].length / 2, regexp: b[name].length / 2, onlyLupa: only(a[name], b[name]), onlyRegexp: only(b[name], a[name]) })),
    };
  },

  // Every op on the seed for warmupMs (3 calls at least): V8 tiers Lupa's wasm
  // up from Liftoff to TurboFan and compiles each RegExp to native code.
  async warm(warmupMs = 1000) {
    await this.ready();
    const seed = await text("seed");
    for (const f of Object.values(OPS)) {
      const w0 = performance.now();
      for (let i = 0; i < 3 || performance.now() - w0 < warmupMs; i++) f(seed);
    }
  },

  async runOnce(op, textName, minMs = 200) {
    const t = await text(textName);
    const { ms, reps, result } = timed(() => OPS[op](t), minMs);
    return { ms, reps, count: result };
  },

  // The cost of one extract() call on a 1-character text with the ten
  // patterns: compiling them, which every call with `patterns` does.
  async compileCost(runs = 5, minMs = 200) {
    await this.ready();
    const opts = { include: [], patterns: PATTERNS };
    const ms = [];
    for (let r = 0; r < runs; r++) ms.push(timed(() => lupa.extract("x", opts), minMs).ms);
    return { medianMs: median(ms), ms };
  },

  // JS RegExp on n 'a's and a '!', in a worker terminated after timeoutMs.
  regexpCatastrophic(pattern, n, timeoutMs) {
    return new Promise((ok) => {
      const w = new Worker("./patterns-worker.js");
      const timer = setTimeout(() => {
        w.terminate();
        ok({ timeout: true });
      }, timeoutMs);
      w.onmessage = ({ data }) => {
        clearTimeout(timer);
        w.terminate();
        ok(data);
      };
      w.onerror = (e) => {
        clearTimeout(timer);
        w.terminate();
        ok({ error: e.message });
      };
      w.postMessage({ pattern, n });
    });
  },

  // Lupa on the same input, on the page's thread: median of `runs`.
  async lupaCatastrophic(pattern, n, runs = 5, minMs = 200) {
    await this.ready();
    const t = "a".repeat(n) + "!";
    const opts = { include: [], patterns: [{ name: "evil", pattern }] };
    lupa.extract("aaa!", opts);
    const ms = [];
    let matches = 0;
    for (let r = 0; r < runs; r++) {
      const one = timed(() => lupa.extract(t, opts).patterns.length, minMs);
      ms.push(one.ms);
      matches = one.result;
    }
    return { medianMs: median(ms), ms, count: matches };
  },
};
window.patternsReady = true;
