// Lupa for Node 20 and later: the same API as in the browser, loaded
// synchronously from the package's own files (Node's fetch reads no file: URLs).
//
//   import { extract } from "lupa-news";
//   console.log(extract("El presidente ruso Vladimir Putin llegó a Estambul.").entities);

import { readFileSync } from "node:fs";
import { initSync } from "./pkg/lupa.js";

initSync({ module: readFileSync(new URL("./pkg/lupa_bg.wasm", import.meta.url)) });

export * from "./pkg/lupa.js";

/** Already done on import; kept so that browser code (`await init()`) runs unchanged. */
export default async function init() {}
