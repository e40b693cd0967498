// Drives headless Chromium through playwright-core over bench/web/harness.js,
// prints the table and the budgets, and writes bench/results/<time>.json.
// Run it through bench/run, which builds and prepares everything first.
//
// Options:
//   --texts seed,1mb,5mb   texts to measure (default all three)
//   --libs lupa,wink,compromise,es-compromise
//   --runs N               timed runs per measurement, median reported (default 5, at least 5 for real numbers)
//   --min-ms N             a run repeats the call until N ms have passed (default 200)
//   --settle-ms N          pause before each timed run (default 500)
//   --init-loads N         fresh page loads for the init time (default 10)
//   --leak-calls N         repeated calls for the memory-growth check (default 100), on the 5 MB
//                          text, or the largest text where they fit in --leak-budget-s (default 120)
//   --pkg /bench/build/pkg-prof  measure another build of Lupa (a path served from the repo root)
//   --quick                seed and 1mb only, 3 runs, 3 init loads, 10 leak calls on 1mb (development)
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

// ---- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const quick = argv.includes("--quick");
const cfg = {
  texts: opt("texts", quick ? "seed,1mb" : "seed,1mb,5mb").split(","),
  libs: opt("libs", "lupa,wink,compromise,es-compromise").split(","),
  runs: Number(opt("runs", quick ? 3 : 5)),
  minMs: Number(opt("min-ms", 200)),
  initLoads: Number(opt("init-loads", quick ? 3 : 10)),
  leakCalls: Number(opt("leak-calls", quick ? 10 : 100)),
  leakBudgetS: Number(opt("leak-budget-s", 120)),
  leakText: opt("leak-text", quick ? "1mb" : "5mb"),
  // Another build of Lupa, served from the repository, e.g. /bench/build/pkg-prof.
  pkg: opt("pkg", "/pkg"),
  settleMs: Number(opt("settle-ms", 500)),
  quick,
};

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // gc() between runs, outside the timed part; room for compromise on 5 MB.
  "--js-flags=--expose-gc --max-old-space-size=8192",
];

const log = (...a) => console.error("bench:", ...a);
const row = (lib, op, text) => result.rows.find((r) => r.lib === lib && r.op === op && r.text === text && !r.error);

// ---- machine
function machine(browserVersion) {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let commit = "unknown", dirty = false;
  try {
    commit = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    dirty = execFileSync("git", ["-C", root, "status", "--porcelain", "--", ".", ":!bench"], { encoding: "utf8" }).trim() !== "";
  } catch {}
  return {
    cpu: model, cores: cpus().length, memGiB: +(totalmem() / 2 ** 30).toFixed(1),
    chromium: browserVersion, node: process.version, commit, dirty,
  };
}

// ---- browser helpers
async function freshPage(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => log("page error:", e.message));
  await page.goto(`${base}/bench/web/index.html?pkg=${encodeURIComponent(cfg.pkg)}`);
  await page.waitForFunction(() => window.harnessReady === true);
  return { page, close: () => context.close() };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

// ---- main
const server = await serve(root);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
const started = new Date();
let wasmOpt = "unknown";
try { wasmOpt = readFileSync(join(here, "build", "wasm-opt.txt"), "utf8").trim(); } catch {}
const result = { started: started.toISOString(), config: cfg, machine: machine(browser.version()), build: { wasmOpt }, rows: [], init: null, memory: [], size: null, budgets: [] };

try {
  // Throughput. Per text: one fresh page per library, all open together; the
  // runs are interleaved (run 1 of every op, then run 2, ...), so that the load
  // of a shared machine drifting over minutes hits every library alike.
  const { page: p0, close: c0 } = await freshPage(browser, server.url);
  const ops = await p0.evaluate(() => window.harness.ops());
  await c0();
  for (const text of cfg.texts) {
    const pages = new Map();
    const jobs = [];
    try {
      for (const lib of cfg.libs) {
        pages.set(lib, await freshPage(browser, server.url));
        for (const op of ops[lib]) {
          const job = { lib, op, text, times: [], counts: [] };
          try {
            Object.assign(job, await pages.get(lib).page.evaluate(([l, o, t]) => window.harness.prepare(l, o, t), [lib, op, text]));
          } catch (e) {
            job.error = e.message.split("\n")[0];
            log(`${text} ${lib}.${op} FAILED: ${job.error}`);
          }
          jobs.push(job);
        }
      }
      for (let r = 0; r < cfg.runs; r++) {
        for (const job of jobs) {
          if (job.error) continue;
          // Let the previous page's background work (concurrent GC, compiler
          // threads) settle first: the pages share the machine's cores.
          await new Promise((ok) => setTimeout(ok, cfg.settleMs));
          try {
            const one = await pages.get(job.lib).page.evaluate(([l, o, t, m]) => window.harness.runOnce(l, o, t, { minMs: m }), [job.lib, job.op, text, cfg.minMs]);
            job.times.push(one.ms);
            job.count = one.count;
          } catch (e) {
            job.error = e.message.split("\n")[0];
            log(`${text} ${job.lib}.${job.op} FAILED: ${job.error}`);
          }
        }
        log(`${text}: run ${r + 1} of ${cfg.runs} done`);
      }
    } finally {
      for (const p of pages.values()) await p.close();
    }
    for (const job of jobs) {
      if (job.error) {
        result.rows.push({ lib: job.lib, op: job.op, text, error: job.error });
        continue;
      }
      const r = { lib: job.lib, op: job.op, text, bytes: job.bytes, chars: job.chars, tokens: job.tokens, count: job.count, runs: job.times.length, timesMs: job.times, medianMs: median(job.times) };
      r.mbPerS = r.bytes / 1e6 / (r.medianMs / 1e3);
      r.tokensPerS = r.tokens / (r.medianMs / 1e3);
      result.rows.push(r);
      log(`${text} ${r.lib}.${r.op}: ${r.medianMs.toFixed(2)} ms, ${r.mbPerS.toFixed(2)} MB/s`);
    }
  }

  // Init: fresh context (empty cache) per load.
  if (cfg.libs.includes("lupa")) {
    const loads = [];
    for (let i = 0; i < cfg.initLoads; i++) {
      const { page, close } = await freshPage(browser, server.url);
      loads.push(await page.evaluate(() => window.harness.lupaInit()));
      await close();
    }
    result.init = { loads: loads.map((l) => l.initMs), medianMs: median(loads.map((l) => l.initMs)), memoryAfterInit: loads[0].memoryBytes };
    log(`init: median ${result.init.medianMs.toFixed(1)} ms over ${loads.length} fresh loads`);

    // Memory. Peak: a fresh page per op, one or two calls on the big text.
    // Leak check: `leakCalls` calls in a fresh page, on the largest text where
    // that many calls fit in `leakBudgetS` by the measured median time (the 5 MB
    // text unless the op is too slow for it), and memory must stop growing.
    const memPage = async (op, text, calls, budgetMs) => {
      const { page, close } = await freshPage(browser, server.url);
      try {
        return await page.evaluate(([op, t, n, b]) => window.harness.lupaMemory(op, t, n, b), [op, text, calls, budgetMs]);
      } finally {
        await close();
      }
    };
    for (const op of ops.lupa) {
      const peak = await memPage(op, cfg.leakText, 2, 30000);
      const candidates = [cfg.leakText, ...["5mb", "1mb", "seed"].filter((t) => t !== cfg.leakText)];
      const fits = (t) => {
        const r = row("lupa", op, t);
        return r && r.medianMs * cfg.leakCalls <= cfg.leakBudgetS * 1000;
      };
      const leakText = candidates.find((t) => t === cfg.leakText ? !row("lupa", op, t) || fits(t) : fits(t)) ?? "seed";
      const leak = await memPage(op, leakText, cfg.leakCalls, cfg.leakBudgetS * 1000 * 1.5);
      const at = (m, n) => m.checkpoints.find((c) => c.call === n)?.bytes;
      const last = leak.checkpoints.at(-1).bytes;
      const second = at(leak, 2) ?? leak.checkpoints[0].bytes;
      const m = {
        op, text: peak.text, inputBytes: peak.inputBytes, baseline: peak.baseline,
        afterCall1: at(peak, 1), afterCall2: at(peak, 2) ?? null,
        // The highest byte length seen in either page: memory that grows
        // at a later call is part of the peak too.
        peakBytes: Math.max(peak.checkpoints.at(-1).bytes, ...(leakText === peak.text ? leak.checkpoints.map((c) => c.bytes) : [])),
        leak: { text: leakText, calls: leak.calls, checkpoints: leak.checkpoints, totalMs: leak.totalMs, growthAfterSecond: last - second },
      };
      m.peakOverInput = m.peakBytes / m.inputBytes;
      m.steady = last === second;
      result.memory.push(m);
      log(`memory ${op}: after init ${m.baseline}, after 1 call on ${m.text} ${m.afterCall1}; ${leak.calls} calls on ${leakText}: ${leak.checkpoints.map((c) => `${c.call}:${c.bytes}`).join(" ")}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- size
const wasmPath = join(root, cfg.pkg.replace(/^\//, ""), "lupa_bg.wasm");
const wasm = readFileSync(wasmPath);
let gz;
try {
  gz = Number(execFileSync("sh", ["-c", `gzip -9 -c '${wasmPath}' | wc -c`], { encoding: "utf8" }).trim());
} catch {
  gz = gzipSync(wasm, { level: 9 }).length;
}
result.size = { wasmBytes: wasm.length, gzip9Bytes: gz, jsGlueBytes: statSync(join(root, cfg.pkg.replace(/^\//, ""), "lupa.js")).size };
// bench/core-size, run by bench/run on each build: the same package without the NER models.
try { result.size.core = JSON.parse(readFileSync(join(here, "build", "core-size.json"), "utf8")); } catch {}

// ---- ratios and budgets
const ratio = (a, b) => (a && b ? b.medianMs / a.medianMs : null);
const bigText = cfg.texts.includes("5mb") ? "5mb" : cfg.texts.at(-1);
const budget = (name, value, limit, pass, unit = "") => result.budgets.push({ name, value, limit, unit, pass: value == null ? null : pass });
const B = (lupaOp, lib, op, min) => {
  const v = ratio(row("lupa", lupaOp, bigText), row(lib, op, bigText));
  budget(`lupa ${lupaOp} vs ${lib} ${op} (${bigText})`, v, `>= ${min}x`, v >= min, "x");
};
B("tokenSpans", "wink", "tokenize", 5);
B("tokenSpans", "compromise", "tokenize", 60);
B("tokenize", "wink", "tokenize", 2);
B("extract(entities)", "wink", "ner(sbd+ner)", 1);
B("extract(entities)", "compromise", "people+places+orgs", 20);
B("extract(all)", "wink", "ner(sbd+ner)", 0.5);
budget("wasm gzip -9", result.size.gzip9Bytes, "<= 1 MB", result.size.gzip9Bytes <= 1e6, "bytes");
if (result.init) budget("init() to ready (median)", result.init.medianMs, "<= 50 ms", result.init.medianMs <= 50, "ms");
for (const m of result.memory) {
  budget(`peak wasm memory, ${m.op} (${m.text})`, m.peakOverInput, "<= 8x input", m.peakOverInput <= 8, "x input");
  budget(`no growth over ${m.leak.calls} calls, ${m.op} (${m.leak.text})`, m.leak.growthAfterSecond, "0 bytes after call 2", m.steady, "bytes");
}

// ---- table
const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const fmt = (x, d = 2) => (x == null || !isFinite(x) ? "-" : x >= 1000 ? Math.round(x).toLocaleString("en-US") : x.toFixed(d));
const lines = [];
const ref = { tokenize: ["tokenSpans", "tokenize"], "people+places+orgs": ["extract(entities)", "extract(all)"], "ner(sbd+ner)": ["extract(entities)", "extract(all)"] };
lines.push(`| text | library | operation | median ms | MB/s | tokens/s | tokens | result count | Lupa ×  |`);
lines.push(`|---|---|---|---:|---:|---:|---:|---:|---|`);
for (const r of result.rows) {
  if (r.error) {
    lines.push(`| ${r.text} | ${r.lib} | ${r.op} | failed: ${r.error} | | | | | |`);
    continue;
  }
  let x = "";
  if (r.lib !== "lupa" && ref[r.op]) {
    x = ref[r.op].map((lo) => {
      const v = ratio(row("lupa", lo, r.text), r);
      return v == null ? null : `${lo} ${fmt(v, 1)}×`;
    }).filter(Boolean).join(", ");
  }
  lines.push(`| ${r.text} | ${r.lib} | ${r.op} | ${fmt(r.medianMs, r.medianMs < 1 ? 3 : 1)} | ${fmt(r.mbPerS)} | ${fmt(r.tokensPerS, 0)} | ${r.tokens} | ${r.count} | ${x} |`);
}
lines.push("");
lines.push(`wasm-opt: ${result.build.wasmOpt}`);
lines.push(`wasm: ${result.size.wasmBytes.toLocaleString("en-US")} bytes raw, ${result.size.gzip9Bytes.toLocaleString("en-US")} bytes gzip -9 (lupa.js glue ${result.size.jsGlueBytes.toLocaleString("en-US")} bytes)`);
if (result.size.core) lines.push(`core without the NER models (bench/core-size): ${result.size.core.wasmBytes.toLocaleString("en-US")} bytes raw, ${result.size.core.gzip9Bytes.toLocaleString("en-US")} bytes gzip -9`);
if (result.init) lines.push(`init() to ready: median ${fmt(result.init.medianMs)} ms over ${result.init.loads.length} fresh page loads (${result.init.loads.map((x) => x.toFixed(1)).join(", ")})`);
if (result.memory.length) {
  const mib = (b) => (b == null ? "-" : `${(b / 2 ** 20).toFixed(1)} MiB`);
  lines.push("");
  lines.push(`| wasm memory | after init | 1 call on ${cfg.leakText} | 2 calls | peak / input | repeated calls (text) | after call 2 → last | grows after call 2? | s for the calls |`);
  lines.push(`|---|---:|---:|---:|---:|---|---|---|---:|`);
  for (const m of result.memory) {
    const l = m.leak;
    const c2 = l.checkpoints.find((c) => c.call === 2)?.bytes ?? l.checkpoints[0].bytes;
    const last = l.checkpoints.at(-1).bytes;
    lines.push(`| ${m.op} | ${mib(m.baseline)} | ${mib(m.afterCall1)} | ${mib(m.afterCall2)} | ${m.peakOverInput.toFixed(2)}× | ${l.calls} (${l.text}) | ${mib(c2)} → ${mib(last)} | ${m.steady ? "no" : `yes, +${mib(l.growthAfterSecond)}`} | ${(l.totalMs / 1000).toFixed(1)} |`);
  }
}
lines.push("");
lines.push(`| budget | value | limit | result |`);
lines.push(`|---|---:|---|---|`);
for (const b of result.budgets) {
  const v = b.value == null ? "-" : b.unit === "bytes" ? b.value.toLocaleString("en-US") : fmt(b.value, 2);
  lines.push(`| ${b.name} | ${v} ${b.unit === "bytes" ? "" : b.unit} | ${b.limit} | ${b.pass == null ? "n/a" : b.pass ? "PASS" : "FAIL"} |`);
}
const m = result.machine;
lines.push("");
lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB; Chromium ${m.chromium}; Node ${m.node}; lupa ${m.commit}${m.dirty ? " (uncommitted changes)" : ""}; ${cfg.runs} runs per row, median`);
result.table = lines.join("\n");
console.log(result.table);

mkdirSync(join(here, "results"), { recursive: true });
const out = join(here, "results", `${started.toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
log(`results written to ${out}`);
