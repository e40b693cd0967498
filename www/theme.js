// Applies a saved theme before first paint (no flash of the wrong theme). A
// classic script in a file, not inline, so that a strict Content-Security-Policy
// (script-src 'self') allows it.
try {
  const t = localStorage.getItem('lupa-theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch {}
