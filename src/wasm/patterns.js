// The bridge to the pattern engine (crates/lupa-patterns), a wasm module of
// its own so that pages without patterns never download it: `loadPatterns()`
// fetches it (by default from `patterns/` beside the core's files), and then
// the core calls it synchronously through the functions below.

let engine = null;
let loading = null;

// Where the engine lives by default: pkg/patterns/, from pkg/snippets/<crate>/src/wasm/.
// The default is imported by a literal path, so that bundlers split it into a
// chunk of its own and find its wasm; the URL (from a variable, which bundlers
// leave alone) names it in errors and in Node.
const DEFAULT_PATH = "../../../../patterns/lupa_patterns.js";
const importDefault = () => import("../../../../patterns/lupa_patterns.js");

export function loadPatterns(url) {
  if (engine) return Promise.resolve();
  if (!loading) {
    const href = String(url ?? new URL(DEFAULT_PATH, import.meta.url));
    loading = (url == null ? importDefault() : import(/* webpackIgnore: true */ /* @vite-ignore */ href))
      .then(async (m) => {
        await m.default(await nodeBytes(href));
        engine = m;
      })
      .catch((e) => {
        loading = null;
        throw new Error(`could not load the pattern engine from ${href}: ${e && e.message ? e.message : e}`);
      });
  }
  return loading;
}

// In Node, whose fetch reads no file: URLs, the engine's wasm bytes from disk;
// elsewhere undefined (the engine fetches its wasm beside its script). The
// specifier is a variable so that bundlers leave the Node module alone.
async function nodeBytes(href) {
  const node = typeof process === "object" && process.versions && process.versions.node;
  if (!node || !href.startsWith("file:")) return undefined;
  const fs = "node:fs/promises";
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
  return { module_or_path: await readFile(new URL(href.replace(/\.js$/, "_bg.wasm"))) };
}

export function patternsLoaded() {
  return engine !== null;
}

// Compiled patterns, or a thrown `{ index, position, message }` for a refused one.
export function compilePatterns(patterns) {
  if (!engine) {
    throw { message: "`patterns` needs the pattern engine: call `await loadPatterns()` first (the element and the worker do it themselves)" };
  }
  try {
    return engine.compile(patterns);
  } catch (e) {
    if (e instanceof engine.CompileError) {
      const refused = { index: e.index, position: e.position, message: e.message };
      e.free();
      throw refused;
    }
    throw { message: String(e && e.message ? e.message : e) };
  }
}

export function findPatterns(compiled, text) {
  return compiled.find(text);
}

export function groupNames(compiled, i) {
  return compiled.groupNames(i);
}

export function freePatterns(compiled) {
  compiled.free();
}
