// Puts the table of a results file (default: the newest in bench/results/)
// into bench/README.md, between the "results" markers. Only bench/run's files
// (named by time); bench/patterns writes patterns-<time>.json beside them.
//   node bench/update-readme.mjs [bench/results/FILE.json]
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, "results", readdirSync(join(here, "results")).filter((f) => /^\d.*\.json$/.test(f)).sort().at(-1));
const r = JSON.parse(readFileSync(file, "utf8"));
const readme = join(here, "README.md");
const text = readFileSync(readme, "utf8");
const start = "<!-- results:start -->", end = "<!-- results:end -->";
const i = text.indexOf(start), j = text.indexOf(end);
if (i < 0 || j < 0) throw new Error("README.md has no results markers");
const block = `${start}\nRun of ${r.started} (\`${file.split("/").pop()}\`), \`bash bench/run\`:\n\n${r.table}\n${end}`;
writeFileSync(readme, text.slice(0, i) + block + text.slice(j + end.length));
console.log(`README.md: results of ${r.started}`);
