// The JS side of `tokenize` and `tokenSpans` (src/wasm.rs), and of the input
// string. `tokenize` gets its records in chunks of a small reused buffer, so
// its whole result never sits in wasm memory; `tokenSpans` gets its chunks
// once their total length is known, to copy them once. `records`/`triples`
// are views into wasm memory: read here and not kept.

const encoder = new TextEncoder();

// The input text into wasm memory (src/wasm.rs `text_string`): UTF-8 of
// `text` from UTF-16 unit `from` on, into the `cap` bytes of `memory` at
// `ptr`; `done` (a view into wasm memory) gets the units read and bytes written.
export function encodeText(text, from, memory, ptr, cap, done) {
  const r = encoder.encodeInto(from === 0 ? text : text.slice(from), new Uint8Array(memory.buffer, ptr, cap));
  done[0] = r.read;
  done[1] = r.written;
}

const KINDS = ["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"];

// Appends to `out` the token objects `{ text, kind, start, end, sentence }` of
// `[start, end, kind, sentence, text id]` records. `text` is the caller's own
// string, so a token's text is exactly `text.slice(start, end)`, lone
// surrogates included. Tokens of one text id share one string, sliced at its
// first token and kept in `texts` (ids come in order of first appearance);
// 0xFFFFFFFF is no id.
export function pushTokens(out, texts, text, records) {
  for (let j = 0; j + 4 < records.length; j += 5) {
    const start = records[j];
    const end = records[j + 1];
    const id = records[j + 4];
    let s;
    if (id < texts.length) {
      s = texts[id];
    } else {
      s = text.slice(start, end);
      if (id !== 0xffffffff) texts.push(s);
    }
    out.push({ text: s, kind: KINDS[records[j + 2]], start, end, sentence: records[j + 3] });
  }
}

// `tokenSpans` output: one Uint32Array of the exact length, filled chunk by
// chunk from wasm memory, so each triple is copied once.
export function newSpans(len) {
  return new Uint32Array(len);
}

// Copies one chunk of `[start, end, kind]` triples into `spans` at `at`.
export function pushSpans(spans, triples, at) {
  spans.set(triples, at);
}

// `extract`'s sentences, `{ start, end }`, from `[start, end]` pairs.
export function sentencesFrom(pairs) {
  const out = new Array(pairs.length >> 1);
  for (let j = 0, k = 0; j + 1 < pairs.length; j += 2, k++) {
    out[k] = { start: pairs[j], end: pairs[j + 1] };
  }
  return out;
}

const LABELS = ["PER", "ORG", "LOC", "MISC"];

// `extract`'s entities, `{ text, start, end, label, id, canonical }`, from
// `[start, end, label, id, canonical]` quintuples. The text slices the caller's
// own string (exact even with lone surrogates); `canonical` indexes the names,
// which are `names.slice(at[k], at[k + 1])`, one string per entity.
export function entitiesFrom(text, data, names, at) {
  const canon = new Array(Math.max(at.length - 1, 0));
  for (let k = 0; k + 1 < at.length; k++) canon[k] = names.slice(at[k], at[k + 1]);
  const out = new Array((data.length / 5) | 0);
  for (let j = 0, k = 0; j + 4 < data.length; j += 5, k++) {
    const start = data[j];
    const end = data[j + 1];
    out[k] = { text: text.slice(start, end), start, end, label: LABELS[data[j + 2]], id: data[j + 3], canonical: canon[data[j + 4]] };
  }
  return out;
}
