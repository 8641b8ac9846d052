// lib.mjs - shared helpers for the browser tests: serve the web build, drive Debian's Chromium
// headless through playwright-core, and collect everything that would make a user's page broken
// (console errors, uncaught exceptions, failed requests, requests to any other origin, anything the
// Content-Security-Policy blocked).
//
// Privacy: every request of every page in the browser context (pages opened later included) is
// recorded in t.requests, and one that goes anywhere but the app's own origin (data: and blob: URLs
// stay in the page) fails the test in finish(). This holds for every test that uses openApp;
// smoke.test.mjs states it as its own check.
//
// Content-Security-Policy (docs/deployment.md): in every browser launchBrowser starts, every page
// (the printable report's blob: tab included) reports each `securitypolicyviolation` event to the
// context's `violations`, and openApp's finish() fails the test on any one: the whole flow of every
// browser test runs without one. A test that provokes violations on purpose takes them out with
// t.takeViolations().
//
// The one failure that is no problem: the optional benchmark.json absent (404) or unreachable
// offline (isBenchmarkUrl).
//
//   const t = await openApp({ name: 'smoke' });   // parses --dist / --out from argv
//   ... t.page ...; t.check(cond, message); await t.finish();
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { waitUntil } from './drive.mjs';

export function argValue(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launchBrowser() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  return { context, userDataDir, violations: await recordPolicyViolations(context) };
}

// Every violation of a page's Content-Security-Policy in the context, as text, in the returned
// array. The listener sits on window, not on the document: a tab opened with window.open keeps its
// window when it goes from about:blank to the blob: report, and an init script runs only once there,
// before the report is loaded.
async function recordPolicyViolations(context) {
  const violations = [];
  await context.exposeBinding('mfReportPolicyViolation', ({ page }, v) => {
    const where = page ? page.url().slice(0, 60) : '?';
    violations.push(`${v.directive} blocked ${v.blocked || '(inline)'} in ${where}${v.sample ? ` ("${v.sample}")` : ''}`);
  });
  await context.addInitScript(() => {
    window.addEventListener('securitypolicyviolation', (e) => {
      window.mfReportPolicyViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  return violations;
}

// The municipality's benchmark.json is optional (docs/benchmark.md): the app asks for it on the
// results screen, and a 404 for it, or the offline worker's 503 (offline, no copy stored), or a failed
// request, each with the browser's console line about it, is the ordinary "not published" / "not
// available", not a broken page.
export function isBenchmarkUrl(origin, url) { return url === `${origin}/benchmark.json`; }

// `dist`: the folder to serve (default: --dist, else build/web/dist).
export async function openApp({ name, viewport, deviceScaleFactor, dist: distFolder } = {}) {
  const dist = path.resolve(distFolder || argValue('dist', 'build/web/dist'));
  const out = path.resolve(argValue('out', 'test-output'));
  fs.mkdirSync(out, { recursive: true });
  const server = await startServer({ dir: dist, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, userDataDir, violations } = await launchBrowser();
  const problems = [];
  const failures = [];
  const requests = []; // every URL requested, in order
  const seen = new WeakSet();
  const onRequest = (req) => {
    if (seen.has(req)) return; // reported by both the page and the context
    seen.add(req);
    const u = req.url();
    requests.push(u);
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'))
      problems.push(`request to another origin: ${u}`);
  };
  context.on('request', onRequest);
  let checks = 0;

  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (/^Failed to load resource/.test(msg.text()) && isBenchmarkUrl(origin, msg.location().url)) return;
      problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    page.on('requestfailed', (req) => {
      if (isBenchmarkUrl(origin, req.url())) return;
      // A download or an aborted navigation is not a failure of the page.
      const f = req.failure();
      if (f && /ERR_ABORTED/.test(f.errorText) && req.resourceType() === 'document') return;
      problems.push(`request failed: ${req.url()} (${f ? f.errorText : 'unknown'})`);
    });
    page.on('response', (res) => {
      if (isBenchmarkUrl(origin, res.url()) && (res.status() === 404 || res.status() === 503)) return;
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    page.on('request', onRequest);
  };
  context.on('page', watch);
  const page = context.pages()[0] || (await context.newPage());
  watch(page);
  if (viewport) await page.setViewportSize(viewport);
  void deviceScaleFactor;

  const t = {
    page, context, server, origin, out, problems, requests, violations,
    // The violations so far, taken out of t.violations (for a test that provokes them).
    takeViolations() { return violations.splice(0, violations.length); },
    check(cond, message) {
      checks++;
      if (!cond) failures.push(message);
      console.log(`${cond ? 'ok  ' : 'FAIL'} ${message}`);
    },
    async goto(query = '') {
      await page.goto(server.url + query, { waitUntil: 'load' });
      await t.ready();
    },
    // Waits until the app on the page now loaded has drawn its first frame.
    async ready() {
      await waitUntil(page, () => window.mfTest && window.mfTest.ready === true, null, { timeout: 60000 });
    },
    // Runs `action` (a click that makes the app leave the page) and waits for the app on the page
    // whose address matches `url` (the web build's two pages: index.html and kommune.html).
    async follow(url, action) {
      await Promise.all([page.waitForURL(url, { waitUntil: 'load', timeout: 60000 }), action()]);
      await t.ready();
    },
    state() { return page.evaluate(() => window.mfTest.state()); },
    frames() { return page.evaluate(() => window.mfTest.frames()); },
    async screenshot(file) {
      const p = path.join(out, file);
      await page.screenshot({ path: p });
      console.log(`     screenshot: ${p}`);
      return p;
    },
    async finish() {
      t.check(problems.length === 0, `no console errors, failed or foreign requests${problems.length ? ':\n  ' + problems.join('\n  ') : ''}`);
      t.check(violations.length === 0, `no Content-Security-Policy violation${violations.length ? ':\n  ' + violations.join('\n  ') : ''}`);
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      console.log(`\n${name}: ${checks - failures.length} passed, ${failures.length} failed`);
      process.exit(failures.length === 0 ? 0 : 1);
    },
    async fail(err) {
      failures.push(String(err && err.stack || err));
      console.log(`FAIL ${err && err.stack || err}`);
      try { await t.screenshot(`${name}-failure.png`); } catch { /* page may be gone */ }
      return t.finish();
    },
  };
  return t;
}

// Decodes a PNG (8-bit RGB or RGBA, non-interlaced: what Chromium's screenshots are) into
// {width, height, channels, pixels}. Small on purpose: it reads what the page really showed,
// without asking the page to keep its WebGL drawing buffer.
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

// Fraction of pixels in a screenshot that differ clearly from the top-left pixel (the
// background): a blank page gives 0, a page with text and widgets a few per cent or more.
export async function screenInk(page) {
  const img = decodePng(await page.screenshot());
  const { pixels, channels } = img;
  let differ = 0, n = 0;
  for (let i = 0; i < pixels.length; i += channels * 7) {
    n++;
    const d = Math.abs(pixels[i] - pixels[0]) + Math.abs(pixels[i + 1] - pixels[1]) + Math.abs(pixels[i + 2] - pixels[2]);
    if (d > 30) differ++;
  }
  return differ / n;
}
