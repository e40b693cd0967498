// Lupa's `patterns` against JavaScript RegExp in headless Chromium, over
// bench/web/patterns.js: throughput of ten ordinary patterns on news text, the
// one-time loadPatterns() cost, and catastrophic patterns (exponential in a
// backtracking RegExp, linear in Lupa). Prints Markdown and writes
// bench/results/patterns-<time>.json. Run it through bench/patterns.
//
// Options:
//   --text 5mb          text of bench/texts/ for the throughput (default 5mb)
//   --runs N            timed runs per operation, median reported (default 5)
//   --min-ms N          a run repeats the call until N ms have passed (default 200)
//   --settle-ms N       pause before each timed run (default 500)
//   --loads N           fresh page loads for the loadPatterns() time (default 10)
//   --timeout-ms N      per catastrophic RegExp case (default 5000)
//   --quick             1mb, 3 runs, 3 loads, 2 s timeout (development; not for numbers)
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const quick = argv.includes("--quick");
const cfg = {
  text: opt("text", quick ? "1mb" : "5mb"),
  runs: Number(opt("runs", quick ? 3 : 5)),
  minMs: Number(opt("min-ms", 200)),
  settleMs: Number(opt("settle-ms", 500)),
  loads: Number(opt("loads", quick ? 3 : 10)),
  timeoutMs: Number(opt("timeout-ms", quick ? 2000 : 5000)),
  // 30 is past the 5 s timeout (each +2 is 4× the time), which the table should show.
  regexpN: [20, 22, 24, 26, 28, 30],
  lupaN: [20, 22, 24, 26, 28, 30, 1_000_000, 5_000_000],
  quick,
};
// The same flags as bench/driver.mjs: gc() between runs, outside the timing.
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--js-flags=--expose-gc --max-old-space-size=8192",
];
const log = (...a) => console.error("bench:", ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function machine(browserVersion) {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let commit = "unknown", dirty = false;
  try {
    commit = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    dirty = execFileSync("git", ["-C", root, "status", "--porcelain", "--", ".", ":!bench"], { encoding: "utf8" }).trim() !== "";
  } catch {}
  return { cpu: model, cores: cpus().length, memGiB: +(totalmem() / 2 ** 30).toFixed(1), chromium: browserVersion, node: process.version, commit, dirty };
}

// pkg/ may be rebuilt by someone else in this tree: record which files were measured.
const file = (p) => {
  const b = readFileSync(join(root, p));
  return { path: p, bytes: b.length, gzip9Bytes: gzipSync(b, { level: 9 }).length, sha256: createHash("sha256").update(b).digest("hex").slice(0, 16) };
};

const server = await serve(root);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
const started = new Date();
const result = {
  started: started.toISOString(), config: cfg, machine: machine(browser.version()),
  files: [file("pkg/lupa_bg.wasm"), file("pkg/patterns/lupa_patterns_bg.wasm")],
};
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => log("page error:", e.message));
  await page.goto(`${server.url}/bench/web/patterns.html`);
  await page.waitForFunction(() => window.patternsReady === true);
  return { page, close: () => context.close() };
}

try {
  // loadPatterns(): a new context per load, so the engine is fetched and compiled each time.
  const loads = [];
  for (let i = 0; i < cfg.loads; i++) {
    const { page, close } = await freshPage();
    loads.push(await page.evaluate(() => window.patternsBench.load()));
    await close();
  }
  result.load = { loads, medianMs: median(loads.map((l) => l.loadPatternsMs)), initMedianMs: median(loads.map((l) => l.initMs)) };
  log(`loadPatterns(): median ${result.load.medianMs.toFixed(1)} ms over ${loads.length} fresh loads`);

  const { page, close } = await freshPage();
  try {
    const bench = (name, ...args) => page.evaluate(([n, a]) => window.patternsBench[n](...a), [name, args]);
    const { patterns, catastrophic, ops } = await bench("patterns");
    result.patterns = patterns;
    result.check = await bench("check", cfg.text);
    result.checkAsciiB = await bench("check", cfg.text, true);
    log(`check on ${cfg.text}: ${result.check.perPattern.map((p) => `${p.name} ${p.lupa}/${p.regexp}`).join(", ")}`);
    await bench("warm", 1000);
    // Interleaved runs (run 1 of every op, then run 2, ...), so that the drift
    // of a shared machine hits both engines alike.
    const times = Object.fromEntries(ops.map((o) => [o, []]));
    const counts = {};
    for (let r = 0; r < cfg.runs; r++) {
      for (const op of ops) {
        await sleep(cfg.settleMs);
        const one = await bench("runOnce", op, cfg.text, cfg.minMs);
        times[op].push(one.ms);
        counts[op] = one.count;
      }
      log(`${cfg.text}: run ${r + 1} of ${cfg.runs} done`);
    }
    const mb = result.check.bytes / 1e6;
    result.throughput = ops.map((op) => ({ op, timesMs: times[op], medianMs: median(times[op]), mbPerS: mb / (median(times[op]) / 1e3), count: counts[op] }));
    result.compile = await bench("compileCost", cfg.runs, cfg.minMs);

    // Catastrophic: RegExp once per n in a worker (a timeout ends the series:
    // larger n only take longer), Lupa on the page.
    result.catastrophic = [];
    for (const pattern of catastrophic) {
      let timedOut = false;
      for (const n of [...new Set([...cfg.regexpN, ...cfg.lupaN])].sort((a, b) => a - b)) {
        const row = { pattern, n };
        if (cfg.regexpN.includes(n)) {
          if (timedOut) row.regexp = { timeout: true, skipped: true };
          else {
            await sleep(cfg.settleMs);
            row.regexp = await bench("regexpCatastrophic", pattern, n, cfg.timeoutMs);
            timedOut = !!row.regexp.timeout;
          }
        }
        if (cfg.lupaN.includes(n)) row.lupa = await bench("lupaCatastrophic", pattern, n, cfg.runs, cfg.minMs);
        log(`${pattern} n=${n}: RegExp ${row.regexp ? (row.regexp.timeout ? "timeout" : row.regexp.ms?.toFixed(1) + " ms") : "-"}, Lupa ${row.lupa ? row.lupa.medianMs.toFixed(3) + " ms" : "-"}`);
        result.catastrophic.push(row);
      }
    }
  } finally {
    await close();
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- tables
const fmt = (x, d = 2) => (x == null || !isFinite(x) ? "-" : x >= 1000 ? Math.round(x).toLocaleString("en-US") : x.toFixed(d));
const ms = (x) => fmt(x, x < 1 ? 3 : 1);
const T = (op) => result.throughput.find((r) => r.op === op);
const lines = [];
const mb = (result.check.bytes / 1e6).toFixed(1);
lines.push(`Throughput on ${cfg.text} (${result.check.bytes.toLocaleString("en-US")} bytes, ${result.check.chars.toLocaleString("en-US")} UTF-16 units); median of ${cfg.runs} runs; Lupa is \`extract(text, { include: [], patterns })\`, RegExp a \`matchAll\` loop per pattern with flags \`gu\`:`);
lines.push("");
lines.push("| pattern | matches RegExp | matches Lupa | spans only in RegExp / only in Lupa | RegExp ms | Lupa ms | RegExp MB/s | Lupa MB/s | Lupa/RegExp |");
lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
const rowOf = (label, key, c, lupaKey = key) => {
  const a = T(`regexp:${key}`), b = T(`lupa:${lupaKey}`);
  lines.push(`| ${label} | ${c.regexp} | ${c.lupa} | ${c.onlyRegexp} / ${c.onlyLupa} | ${ms(a.medianMs)} | ${ms(b.medianMs)} | ${fmt(a.mbPerS)} | ${fmt(b.mbPerS)} | ${fmt(b.medianMs / a.medianMs)}× |`);
};
const sum = (check, k) => check.perPattern.reduce((n, p) => n + (typeof p[k] === "number" ? p[k] : p[k].n), 0);
const sums = (check) => ({ regexp: sum(check, "regexp"), lupa: sum(check, "lupa"), onlyRegexp: sum(check, "onlyRegexp"), onlyLupa: sum(check, "onlyLupa") });
rowOf("**all ten, one call**", "all", sums(result.check));
rowOf("**all ten, `\\b` as `(?-u:\\b)` for Lupa**", "all", sums(result.checkAsciiB), "all-ascii-b");
for (const p of result.check.perPattern) rowOf(`${p.name} \`${p.pattern.replace(/\|/g, "\\|")}\``, p.name, { regexp: p.regexp, lupa: p.lupa, onlyRegexp: p.onlyRegexp.n, onlyLupa: p.onlyLupa.n });
const none = T("lupa:none");
lines.push(`| Lupa \`extract\` with no patterns (the call's fixed cost) | | | | | ${ms(none.medianMs)} | | ${fmt(none.mbPerS)} | |`);
lines.push("");
const all = T("lupa:all").medianMs / T("regexp:all").medianMs, allAscii = T("lupa:all-ascii-b").medianMs / T("regexp:all").medianMs;
lines.push(`target: Lupa within 2× of RegExp on the ten patterns: ${fmt(all)}× → ${all <= 2 ? "PASS" : "FAIL"} (with \`(?-u:\\b)\`: ${fmt(allAscii)}× → ${allAscii <= 2 ? "PASS" : "FAIL"})`);
lines.push(`loadPatterns() (fetch, compile, instantiate ${result.files[1].bytes.toLocaleString("en-US")} bytes, ${result.files[1].gzip9Bytes.toLocaleString("en-US")} gzip -9): median ${fmt(result.load.medianMs)} ms over ${result.load.loads.length} fresh page loads (${result.load.loads.map((l) => l.loadPatternsMs.toFixed(1)).join(", ")}); init() before it: median ${fmt(result.load.initMedianMs)} ms`);
lines.push(`compiling the ten patterns (every extract call with \`patterns\` does): ${ms(result.compile.medianMs)} ms, the median of \`extract("x", ...)\``);
for (const [label, check] of [["", result.check], [" with `(?-u:\\b)`", result.checkAsciiB]]) {
  for (const p of check.perPattern.filter((p) => p.onlyLupa.n || p.onlyRegexp.n)) {
    lines.push(`differences${label}, ${p.name}: only RegExp ${p.onlyRegexp.examples.join(", ") || "-"}; only Lupa ${p.onlyLupa.examples.join(", ") || "-"}`);
  }
}
lines.push("");
lines.push(`Catastrophic patterns on n 'a's followed by '!' (RegExp: one run in a Worker, terminated after ${cfg.timeoutMs / 1000} s; Lupa: median of ${cfg.runs}):`);
lines.push("");
const [p1, p2] = [...new Set(result.catastrophic.map((r) => r.pattern))];
lines.push(`| n | RegExp \`${p1}\` ms | Lupa \`${p1}\` ms | RegExp \`${p2}\` ms | Lupa \`${p2}\` ms |`);
lines.push("|---:|---:|---:|---:|---:|");
const cell = (x) => (!x ? "not run" : x.timeout ? `timeout (> ${cfg.timeoutMs / 1000} s)` : x.error ? `error: ${x.error}` : ms(x.medianMs ?? x.ms));
for (const n of [...new Set(result.catastrophic.map((r) => r.n))]) {
  const r1 = result.catastrophic.find((r) => r.pattern === p1 && r.n === n), r2 = result.catastrophic.find((r) => r.pattern === p2 && r.n === n);
  lines.push(`| ${n.toLocaleString("en-US")} | ${cell(r1.regexp)} | ${cell(r1.lupa)} | ${cell(r2.regexp)} | ${cell(r2.lupa)} |`);
}
const matchNote = (p) => {
  const r = result.catastrophic.filter((x) => x.pattern === p);
  const js = r.find((x) => x.regexp?.count != null)?.regexp.count, lu = r.find((x) => x.lupa)?.lupa.count;
  return `\`${p}\`: RegExp ${js ?? "-"}, Lupa ${lu ?? "-"}`;
};
lines.push("");
lines.push(`matches: ${matchNote(p1)}; ${matchNote(p2)}`);
const m = result.machine;
lines.push("");
lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB; Chromium ${m.chromium}; Node ${m.node}; lupa ${m.commit}${m.dirty ? " (uncommitted changes)" : ""}; pkg ${result.files.map((f) => `${f.path.split("/").pop()} ${f.sha256}`).join(", ")}`);
result.table = lines.join("\n");
console.log(result.table);

mkdirSync(join(here, "results"), { recursive: true });
const out = join(here, "results", `patterns-${started.toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
log(`results written to ${out}`);
