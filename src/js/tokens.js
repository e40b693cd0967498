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

// Appends a copy of one chunk of `[start, end, kind]` triples to `chunks`.
export function pushChunk(chunks, triples) {
  chunks.push(triples.slice());
}

// The chunks as one Uint32Array.
export function joinChunks(chunks) {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint32Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
