// Exits 0 when pkg/ instantiates and tokenizes in Node, 1 otherwise (with the error).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..", "pkg");
try {
  const m = await import(pathToFileURL(resolve(pkg, "lupa.js")).href);
  m.initSync({ module: readFileSync(resolve(pkg, "lupa_bg.wasm")) });
  const spans = m.tokenSpans("Hola mundo.");
  if (spans.length !== 9) throw new Error(`tokenSpans gave ${spans.length / 3} tokens, expected 3`);
} catch (e) {
  console.error(`bench: pkg/lupa_bg.wasm does not work: ${e.message}`);
  process.exit(1);
}
