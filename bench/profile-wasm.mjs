// Samples Chromium's CPU profiler (DevTools protocol) while Lupa runs one
// operation, and prints the functions with the most self time: JS glue,
// browser built-ins and wasm functions by name.
//
//   bash bench/profile-wasm            # builds a name-keeping package, then profiles
//   node bench/profile-wasm.mjs OP TEXT [CALLS] [PKG]
//     OP   tokenSpans | tokenize | extract(entities) | extract(all)
//     TEXT seed | 1mb | 5mb   (bench/texts, made by bench/run)
//     PKG  /bench/build/pkg-prof (default: the unstripped, unoptimised build) or /pkg
import { chromium } from "playwright-core";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";

const [op = "tokenSpans", text = "1mb", calls = "10", pkg = "/bench/build/pkg-prof"] = process.argv.slice(2);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bench/web/index.html?pkg=${encodeURIComponent(pkg)}`);
  await page.waitForFunction(() => window.harnessReady === true);
  // Load, fetch the text and warm up outside the profile.
  await page.evaluate(([op, text]) => window.harness.repeat("lupa", op, text, 2), [op, text]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const t0 = Date.now();
  await page.evaluate(([op, text, n]) => window.harness.repeat("lupa", op, text, n), [op, text, Number(calls)]);
  const ms = Date.now() - t0;
  const { profile } = await cdp.send("Profiler.stop");
  // Self time per function: samples whose top frame is that node.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const self = new Map();
  let total = 0;
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    const file = f.url.split("/").pop() || "";
    const name = `${f.functionName || "(anonymous)"}${file ? ` [${file.replace(/^.*wasm.*$/, "wasm")}]` : ""}`;
    if (f.functionName === "(idle)" || f.functionName === "(program)") continue;
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
  }
  console.log(`${op} on ${text}, ${calls} calls: ${ms} ms wall, ${(ms / Number(calls)).toFixed(1)} ms per call (package ${pkg})`);
  console.log("self time  share  function");
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
