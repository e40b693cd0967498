/** Texts longer than this are analysed in a worker. */
export declare const WORKER_THRESHOLD: number;
/** `<lupa-article>`: highlights its text (or the text at `src`) in its shadow root. */
export declare class LupaArticle extends HTMLElement {
  /** Your own patterns, as `patterns` of `extract()` takes them. */
  patterns: { name: string; pattern: string; caseInsensitive?: boolean; foldAccents?: boolean }[] | null;
}
declare global {
  interface HTMLElementTagNameMap {
    "lupa-article": LupaArticle;
  }
}
