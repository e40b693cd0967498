// Builds `tokenize`'s token objects in JS from the [start, end, kind, sentence]
// quadruples computed in Rust (src/wasm.rs): one call for the whole text
// instead of serde-wasm-bindgen's field-by-field objects and one TextDecoder
// call per token. `text` is the caller's own string, so a token's text is
// exactly `text.slice(start, end)`, lone surrogates included.
// `quads` is a view into wasm memory: it is read here and not kept.

const KINDS = ["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"];

export function tokensFromQuads(text, quads) {
  const out = [];
  for (let j = 0; j + 3 < quads.length; j += 4) {
    const start = quads[j];
    const end = quads[j + 1];
    out.push({ text: text.slice(start, end), kind: KINDS[quads[j + 2]], start, end, sentence: quads[j + 3] });
  }
  return out;
}
