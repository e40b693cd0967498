// One catastrophic RegExp case, in a worker so that the page can terminate it:
// a backtracking search cannot be interrupted from inside the thread running it.
onmessage = ({ data: { pattern, n } }) => {
  const re = new RegExp(pattern, "gu");
  // V8 interprets a regexp's first execution and compiles it to native code
  // afterwards; a short input first so that the timed search is the compiled one.
  for (const _ of "aaa!".matchAll(re));
  const text = "a".repeat(n) + "!";
  const t0 = performance.now();
  let count = 0;
  for (const _ of text.matchAll(re)) count++;
  postMessage({ ms: performance.now() - t0, count });
};
