#!/usr/bin/env node
// serve.mjs - a small static file server for the web build (no dependencies).
//
//   node scripts/serve.mjs --dir build/web/dist [--port 8080] [--host 127.0.0.1]
//
// Serves files with the right MIME types (application/wasm matters: streaming compilation needs
// it), never lists folders, never leaves the given folder, and binds to loopback by default.
// The browser tests import startServer() from here so they test what users are served.
//
// Security headers on every response (docs/deployment.md, what a municipality's server should
// send): the Content-Security-Policy of the folder's index.html (its <meta http-equiv>, read on
// every request, so the header is always the page's own policy) plus frame-ancestors 'none', which a
// <meta> policy cannot carry; X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf', '.data': 'application/octet-stream',
};

// The policy in `html`'s <meta http-equiv="Content-Security-Policy">, or '' when it has none.
export function metaPolicy(html) {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return m ? m[1] : '';
}

// The headers every response gets; `policy` is the page's own (metaPolicy), '' for none.
export function securityHeaders(policy) {
  return {
    'Content-Security-Policy': policy ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

export function startServer({ dir, port = 8080, host = '127.0.0.1', log = false }) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: build the web preset first`);
  }
  const pagePolicy = () => {
    try {
      return metaPolicy(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
    } catch {
      return '';
    }
  };
  const server = http.createServer((req, res) => {
    const security = securityHeaders(pagePolicy());
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, security).end('bad request');
      return;
    }
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    const file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403, security).end('forbidden');
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        if (log) console.log(`404 ${req.method} ${urlPath}`);
        res.writeHead(404, { 'Content-Type': 'text/plain', ...security }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        ...security,
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const port = Number(opt('port', process.env.PORT || 8080));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: --port must be a number from 0 to 65535, got "${opt('port')}"`);
    process.exit(2);
  }
  try {
    const { url } = await startServer({ dir: opt('dir', 'build/web/dist'), port, host: opt('host', '127.0.0.1'), log: true });
    console.log(`\nMangfoldighedstjek is running at ${url}\n(press Ctrl+C to stop)\n`);
  } catch (e) {
    console.error(`serve.mjs: ${e.code === 'EADDRINUSE' ? `port ${port} is in use; pass another with --port` : e.message}`);
    process.exit(1);
  }
}
