// Writes the benchmark texts into bench/texts/ (gitignored; never commit corpus text):
//   seed.txt  the seed article, as is
//   1mb.txt   1,000,000 bytes of news text (UTF-8)
//   5mb.txt   5,000,000 bytes
// The large texts are the seed followed by the CoNLL dev corpora (Spanish
// esp.testa, then English eng.testa) as plain text: the first column of each
// line, tokens of a sentence joined with spaces, sentences with newlines;
// the whole repeated and cut at a line end to the exact byte size.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const data = resolve(root, "..", "shared", "data");
const seedPath = join(root, "seeds", "000_b3dfaa5d8271907c.txt");
const corpora = [join(data, "conll2002-es", "esp.testa"), join(data, "conll2003-en", "eng.testa")];

for (const p of [seedPath, ...corpora]) {
  if (!existsSync(p)) {
    console.error(`bench: missing ${p}\n  the shared data must sit beside the repository, at ../shared/data`);
    process.exit(2);
  }
}

function conllText(path) {
  const sentences = [];
  let words = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const word = line.trim().split(/\s+/)[0];
    if (!word || word === "-DOCSTART-") {
      if (words.length) sentences.push(words.join(" "));
      words = [];
    } else {
      words.push(word);
    }
  }
  if (words.length) sentences.push(words.join(" "));
  return sentences.join("\n");
}

const seed = readFileSync(seedPath, "utf8").trim();
const block = [seed, ...corpora.map(conllText)].join("\n\n") + "\n\n";

function sized(bytes) {
  const blockBuf = Buffer.from(block, "utf8");
  const reps = Math.ceil(bytes / blockBuf.length) + 1;
  const all = Buffer.concat(Array(reps).fill(blockBuf));
  // Cut at the last newline at or before `bytes`, then pad with spaces to the exact size.
  let cut = all.lastIndexOf(0x0a, bytes - 1) + 1;
  const out = Buffer.alloc(bytes, 0x20);
  all.copy(out, 0, 0, cut);
  return out;
}

const outDir = join(here, "texts");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "seed.txt"), readFileSync(seedPath));
writeFileSync(join(outDir, "1mb.txt"), sized(1_000_000));
writeFileSync(join(outDir, "5mb.txt"), sized(5_000_000));
console.log(`bench: texts ready in bench/texts (block of ${Buffer.byteLength(block)} bytes: seed + esp.testa + eng.testa)`);
