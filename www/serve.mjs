#!/usr/bin/env node
// Tiny zero-dependency static server for the Lupa demo.
// Serves the REPOSITORY ROOT (the parent of www/), so the page at /www/ can
// import ../pkg/lupa.js and fetch ../seeds/index.json.
//
//   node www/serve.mjs [--port 8080]      (or PORT=8080 node www/serve.mjs)
//
// Binds 127.0.0.1 only. Prints "http://127.0.0.1:<port>/www/" once listening.
// --port 0 picks a free port (the printed URL shows the real one).
// --csp sends the strict Content-Security-Policy a newsroom site may have
// (CSP below) with every page, to check that Lupa needs nothing it forbids.

import { createServer } from 'node:http';
import { open, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HOST = '127.0.0.1';
/** The policy `--csp` sends: no inline script or style, no eval, wasm allowed. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const csp = process.argv.includes('--csp');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

function parsePort(argv, env) {
  let raw = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a === '-p') raw = argv[++i];
    else if (a.startsWith('--port=')) raw = a.slice('--port='.length);
  }
  if (raw === undefined || raw === '') return 8080;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`serve.mjs: invalid port ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Maps a URL path to an absolute file path inside ROOT, or null. */
function resolveInRoot(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Normalise separators, then resolve relative to ROOT and check containment.
  const rel = decoded.replace(/\\/g, '/').replace(/^\/+/, '');
  const abs = resolve(ROOT, rel);
  if (abs !== ROOT && !abs.startsWith(ROOT + sep)) return null;
  return abs;
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
  }
  let url;
  try {
    url = new URL(req.url, `http://${HOST}`);
  } catch {
    return send(res, 400, 'Bad Request\n');
  }
  if (url.pathname === '/') {
    return send(res, 302, 'Found: /www/\n', { Location: '/www/' });
  }
  let file = resolveInRoot(url.pathname);
  if (file === null) return send(res, 403, 'Forbidden\n');

  let st;
  try {
    st = await stat(file);
  } catch {
    return send(res, 404, 'Not Found\n');
  }
  if (st.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      return send(res, 301, 'Moved\n', { Location: url.pathname + '/' + url.search });
    }
    file = join(file, 'index.html');
    try {
      st = await stat(file);
    } catch {
      return send(res, 404, 'Not Found\n');
    }
  }
  if (!st.isFile()) return send(res, 404, 'Not Found\n');

  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  let fh;
  try {
    fh = await open(file, 'r');
  } catch {
    return send(res, 404, 'Not Found\n');
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': st.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(csp && type.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {}),
  });
  if (req.method === 'HEAD') {
    await fh.close();
    return res.end();
  }
  const stream = fh.createReadStream();
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

const port = parsePort(process.argv.slice(2), process.env);
const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error('serve.mjs:', err);
    if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
    else res.destroy();
  });
});

server.on('error', (err) => {
  console.error(`serve.mjs: ${err.message}`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const { port: actual } = server.address();
  console.log(`http://${HOST}:${actual}/www/`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
