import type { ExtractOptions, Extraction, HighlightOptions } from "./pkg/lupa.js";

/** A Lupa running in a module worker: the same calls, answered asynchronously. */
export interface LupaWorker {
  extract(text: string, options?: ExtractOptions): Promise<Extraction>;
  highlight(text: string, options?: HighlightOptions): Promise<string>;
  terminate(): void;
}
/** Starts the worker (by default `lupa-worker.js` beside this file) and waits until it is ready. */
export declare function createLupaWorker(opts?: { url?: string | URL }): Promise<LupaWorker>;
