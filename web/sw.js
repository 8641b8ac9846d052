// sw.js - the service worker: after one visit Mangfoldighedstjek starts and works with no network
// (a consultant's laptop in a workshop, a company with a poor connection). docs/offline.md.
//
// Index
//   - MF_BUILD        from sw-version.js, written at build time by cmake/WebVersion.cmake: the build's
//                     version and the SHA-256 of every file of the app shell
//   - install         fetch every shell file from the network, check each against its hash, and
//                     only then store them all in a cache named after the version
//   - on demand       the municipality's page (kommune.html, .js, .wasm) is stored the first time it
//                     is opened, when it matches this version's hashes: the respondent's first visit
//                     does not download a second program it never uses
//   - message         "activate": the page says it has its own .js and .wasm, so switching is safe
//   - activate        delete every older version's cache, take control of open pages
//   - fetch           shell files from this version's cache (cache first, see below); the
//                     municipality's benchmark.json network first (see benchmarkResponse)
//
// No mix of versions: a version's cache is written only after every file has arrived and matched
// the hashes the build recorded, so a half-updated server (a new .js next to an old .wasm) makes the
// install fail and the old version keeps running; a page is always served from exactly one cache.
// A new version waits (no automatic skipWaiting) until the page that found it has loaded its own
// .wasm (index.html then posts "activate"), so a running page never gets files from two versions.
//
// Cache first, not network first: the app is a fixed set of files that only change together with a
// new version, and the browser looks for a new sw.js / sw-version.js on every visit anyway (bypassing
// the HTTP cache: updateViaCache 'none'). Network first would make every start wait for the network,
// which on a workshop's weak Wi-Fi means a long stall before falling back, and it could mix files
// fetched fresh with files from the cache. The price: a new version is used from the visit after the
// one that downloaded it.
'use strict';
importScripts('sw-version.js');

const BUILD = self.MF_BUILD;
const PREFIX = 'mangfoldighedstjek-';
const CACHE = PREFIX + BUILD.version;
const ON_DEMAND = new Set(BUILD.onDemand || []);
const SHELL = Object.keys(BUILD.files).filter((name) => !ON_DEMAND.has(name));

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

// One shell file, checked against the build's hash. 'no-cache': the browser asks the server whether
// its HTTP-cached copy is current (a 304 when the server sends ETag / Last-Modified, so the first
// visit need not download the .wasm twice) and never uses a copy without asking. The hash check
// catches anything that still does not belong to this version.
async function fetchChecked(name) {
  const response = await fetch(new Request(name, { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  if (digest !== BUILD.files[name]) {
    throw new Error(`${name} does not belong to version ${BUILD.version} (the server is being updated?)`);
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const responses = await Promise.all(SHELL.map(fetchChecked)); // all or nothing
    const cache = await caches.open(CACHE);
    await Promise.all(SHELL.map((name, i) => cache.put(name, responses[i])));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The shell file a request asks for ("index.html" for the page itself, with or without a query),
// or null for anything else, which then goes to the network as if there were no worker.
function shellName(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  let name = url.pathname.slice(scope.pathname.length);
  if (name === '') name = 'index.html';
  return Object.prototype.hasOwnProperty.call(BUILD.files, name) ? name : null;
}

// A file of the municipality's page, fetched because it is not stored yet: stored in this version's
// cache when it is this version's file. Another version's file (the server was updated since this
// worker installed) is used but not stored; the next version's worker stores its own.
async function storeOnDemand(name, response) {
  if (!response.ok) return;
  const copy = response.clone();
  const digest = hex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
  if (digest === BUILD.files[name]) await (await caches.open(CACHE)).put(name, copy);
}

// The municipality's benchmark (docs/benchmark.md): not part of the app, published and replaced
// on its own, so network first: a fresh answer is used and a copy kept in a cache of its own (outside
// the versions, so an app update keeps it); a 404 (the file withdrawn) removes the copy; only when
// the network fails is the copy used, so the comparison works offline with the last one seen (no
// copy: a 503, which the app reads as no benchmark).
const BENCHMARK = 'benchmark.json';
const BENCHMARK_CACHE = 'mf-benchmark';

function isBenchmark(request) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  return url.origin === scope.origin && url.pathname === scope.pathname + BENCHMARK;
}

// The cache is made only when there is a file to keep (a 404 makes none).
async function benchmarkResponse(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const copy = await caches.match(BENCHMARK, { cacheName: BENCHMARK_CACHE });
    // No network and no copy: an answer the page reads as "not there" (a rejected promise would be
    // a network error the browser reports as the worker's failure).
    return copy || new Response(null, { status: 503, statusText: 'Service Unavailable (offline, no copy stored)' });
  }
  if (response.ok) await (await caches.open(BENCHMARK_CACHE)).put(BENCHMARK, response.clone());
  else if (response.status === 404 || response.status === 410) await caches.delete(BENCHMARK_CACHE);
  return response;
}

self.addEventListener('fetch', (event) => {
  if (isBenchmark(event.request)) {
    event.respondWith(benchmarkResponse(event.request));
    return;
  }
  const name = shellName(event.request);
  if (!name) return;
  event.respondWith((async () => {
    const cached = await caches.match(name, { cacheName: CACHE });
    if (cached) return cached;
    const response = await fetch(event.request); // a shell file: only before the install has finished
    if (ON_DEMAND.has(name)) event.waitUntil(storeOnDemand(name, response.clone()).catch(() => {}));
    return response;
  })());
});
