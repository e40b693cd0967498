// The JS side of `tokenize` and `tokenSpans` (src/wasm.rs). Rust hands over
// its results in chunks of a small reused buffer, so the whole result never
// sits in wasm memory: the token objects, or the spans, are built here.
// `quads`/`triples` are views into wasm memory: read here and not kept.

const KINDS = ["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"];

// Appends to `out` the token objects `{ text, kind, start, end, sentence }` of
// `[start, end, kind, sentence]` quadruples. `text` is the caller's own string,
// so a token's text is exactly `text.slice(start, end)`, lone surrogates included.
export function pushTokens(out, text, quads) {
  for (let j = 0; j + 3 < quads.length; j += 4) {
    const start = quads[j];
    const end = quads[j + 1];
    out.push({ text: text.slice(start, end), kind: KINDS[quads[j + 2]], start, end, sentence: quads[j + 3] });
  }
}

// `tokenSpans` output: one Uint32Array, allocated at the size Rust estimates
// (`total`, in u32s, from the tokens so far) and filled chunk by chunk, so each
// triple is copied once out of wasm memory; grown if the estimate falls short.
export function newSpans() {
  return { out: null, at: 0 };
}

// Copies one chunk of `[start, end, kind]` triples into `spans`.
export function pushSpans(spans, triples, total) {
  const need = spans.at + triples.length;
  if (spans.out === null || need > spans.out.length) {
    const out = new Uint32Array(Math.max(total, need));
    if (spans.out !== null) out.set(spans.out.subarray(0, spans.at));
    spans.out = out;
  }
  spans.out.set(triples, spans.at);
  spans.at = need;
}

// The triples as a Uint32Array of exactly their length.
export function finishSpans(spans) {
  if (spans.out === null) return new Uint32Array(0);
  return spans.at === spans.out.length ? spans.out : spans.out.slice(0, spans.at);
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
