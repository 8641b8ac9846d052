// boot.js - starts the app: checks that the browser can run the app (WebGL2, WebAssembly), shows a
// clear message when it cannot, compiles the page's .wasm while it streams in and loads the page's
// program (mangfoldighedstjek.js or kommune.js), and registers the offline worker once the first
// frame is on screen. Everything is served
// from this folder: no other site is ever contacted. The page has no inline script (its
// Content-Security-Policy forbids it, docs/deployment.md): all of this runs from here.
(function () {
  'use strict';
  performance.mark('mf-boot-start');
  var status = document.getElementById('mf-status');
  // The program to load: the page's <script src="boot.js" data-app="..."> (index.html: the
  // respondent's, kommune.html: the municipality's overview). Read now: currentScript is set only
  // while this script runs.
  var app = (document.currentScript && document.currentScript.getAttribute('data-app')) || 'mangfoldighedstjek';

  // Offline (docs/offline.md): the service worker keeps the app for use without a network. A new
  // version it finds waits until this page has its own .wasm, then takes over; the next start uses it.
  // Registered once the first frame is on screen (platform_web.js calls window.mfAfterFirstFrame):
  // its install downloads and hashes every file of the app again, which on a first visit competed
  // with the page's own start for the network and the CPU (docs/performance.md, "part 4").
  window.mfAfterFirstFrame = function () {
    window.mfAfterFirstFrame = null;
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(function (reg) {
      function offer() {
        if (!reg.waiting) return;
        var wasm = '/' + app + '.wasm';
        var loaded = performance.getEntriesByType('resource').some(function (e) {
          return e.name.slice(-wasm.length) === wasm && e.responseEnd > 0;
        });
        if (loaded) reg.waiting.postMessage('activate');
        else setTimeout(offer, 250);
      }
      offer();
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (w) w.addEventListener('statechange', function () { if (w.state === 'installed') offer(); });
      });
    }).catch(function (e) { console.warn('Mangfoldighedstjek: offline use is not available: ' + e); });
  };

  var messages = {
    webgl2: ['Din browser kan ikke vise Mangfoldighedstjek, fordi den ikke understøtter WebGL 2.',
             'Your browser cannot show Mangfoldighedstjek because it does not support WebGL 2.'],
    wasm: ['Din browser kan ikke køre Mangfoldighedstjek, fordi den ikke understøtter WebAssembly.',
           'Your browser cannot run Mangfoldighedstjek because it does not support WebAssembly.'],
    load: ['Mangfoldighedstjek kunne ikke indlæses.', 'Mangfoldighedstjek could not be loaded.'],
    // The deferred module of another build (the server was updated while the page was open).
    updated: ['Mangfoldighedstjek er blevet opdateret, mens siden var åben. Genindlæs siden for at fortsætte.',
              'Mangfoldighedstjek was updated while the page was open. Reload the page to continue.'],
  };
  var advice = ['Prøv en opdateret udgave af Chrome, Edge, Firefox eller Safari, og tjek at hardwareacceleration er slået til.',
                'Try an up-to-date Chrome, Edge, Firefox or Safari, and check that hardware acceleration is enabled.'];

  // Shows a message in Danish and English; `detail` is the technical reason, for support.
  function fatal(kind, detail) {
    var m = messages[kind] || messages.load;
    status.hidden = false;
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = '';
    var browserAdvice = kind !== 'updated';
    [[m[0], advice[0], 'da'], [m[1], advice[1], 'en']].forEach(function (t) {
      var p = document.createElement('p');
      p.lang = t[2];
      var b = document.createElement('strong');
      b.textContent = t[0];
      p.appendChild(b);
      if (browserAdvice) p.appendChild(document.createTextNode(' ' + t[1]));
      status.appendChild(p);
    });
    if (detail) {
      var d = document.createElement('p');
      d.textContent = String(detail);
      d.style.fontSize = '14px';
      d.style.color = '#4e5766';
      status.appendChild(d);
    }
    var canvas = document.getElementById('canvas');
    if (canvas) canvas.hidden = true;
  }
  window.mfFatal = function (kind) { fatal(kind); };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fatal('wasm');
    return;
  }
  // No WebGL 2 at all: say so now. A browser that has it but cannot make a context (a blocked GPU
  // driver) is told the same by the program, whose main() makes the one context it draws with
  // (platform_web.cpp: mf_js_fatal("webgl2")). Making a probe context here as well cost 20 ms of
  // the first frame (docs/performance.md, "part 4").
  if (typeof WebGL2RenderingContext === 'undefined') {
    fatal('webgl2');
    return;
  }

  // A module compiled while it streams in; a server that does not send application/wasm makes
  // compileStreaming fail: then from the bytes.
  function compileFrom(url) {
    return ('compileStreaming' in WebAssembly
      ? WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' }))
      : Promise.reject(new Error('no compileStreaming'))
    ).catch(function () {
      return fetch(url, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
        return response.arrayBuffer();
      }).then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  // Compile the .wasm while it streams in, from now on (the <link rel="preload"> in the page has
  // already asked for it): the program's own .js would start only when it has run, about 20 ms
  // later. Instantiated in Module.instantiateWasm below with the imports the .js brings.
  var wasmUrl = app + '.wasm';
  var buildId = null; // the main module's build id (below, "mf-build"), known once it is compiled
  var compiled = compileFrom(wasmUrl).then(function (module) { buildId = buildOf(module); return module; });
  compiled.catch(function () { /* reported by instantiateWasm below */ });

  // The respondent's program comes in two modules (docs/performance.md, "part 5"; the page's
  // data-deferred names the second): <app>.wasm has what the start screen and the questionnaire
  // need, the deferred module the rest (the results, the plan, the report, the export, the
  // workshop, imports; cmake/split_wasm.py). Emscripten's JS calls Module.loadSplitModule when the
  // program first calls a function that is not there yet and continues with the instance it
  // returns, so that call is synchronous. When the deferred module is fetched:
  //   - a page the offline worker serves (a visit after the first; the file is in its cache):
  //     at once, beside the main module, and the program starts when both are compiled, so nothing
  //     is ever fetched synchronously (Chromium does not pass a synchronous request to the worker:
  //     offline it would fail);
  //   - otherwise (a first visit: the first load) from the respondent's first action on the page (a
  //     key, a touch, a click, a dropped file), in the background, ready as a rule before a screen
  //     needs it; a function called before that fetches and compiles it there and then.
  // Both modules carry the same build id (a custom section "mf-build"): a deferred module of
  // another build (the server updated while the page was open) is never used. kommune.html has no
  // data-deferred: one module, nothing of this.
  var deferredUrl = (document.currentScript && document.currentScript.getAttribute('data-deferred')) || null;
  var served = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
  var deferredCompiled = null;  // the background compile (a promise)
  var deferredModule = null;    // compiled and checked
  function buildOf(module) {
    var sections = WebAssembly.Module.customSections(module, 'mf-build');
    return sections.length ? new TextDecoder().decode(sections[0]) : '';
  }
  function checked(module) {
    var id = buildOf(module);
    if (id !== buildId) {
      var e = new Error(deferredUrl + ' belongs to build ' + (id || '?') + ', the page to ' + buildId);
      e.mfOtherBuild = true;
      throw e;
    }
    return module;
  }
  var triggers = ['pointerdown', 'keydown', 'touchstart', 'click', 'dragover', 'drop'];
  function compileDeferred() {
    if (!deferredUrl || deferredCompiled) return deferredCompiled;
    triggers.forEach(function (t) { window.removeEventListener(t, compileDeferred, true); });
    performance.mark('mf-deferred-fetch');
    deferredCompiled = compileFrom(deferredUrl).then(function (module) {
      performance.mark('mf-deferred-compiled');
      return module;
    });
    deferredCompiled.then(function (module) {
      return compiled.then(function () { if (!deferredModule) deferredModule = checked(module); });
    }).catch(function (e) {
      // Left to the synchronous path, which tries again when a function of it is called.
      console.warn('Mangfoldighedstjek: ' + deferredUrl + ' not compiled ahead: ' + e);
    });
    return deferredCompiled;
  }
  if (deferredUrl && served) compileDeferred();
  else if (deferredUrl) triggers.forEach(function (t) { window.addEventListener(t, compileDeferred, { capture: true, passive: true }); });
  // The synchronous path (Emscripten's placeholder handler): the module compiled ahead, or else
  // fetched with a synchronous request (bytes through the x-user-defined charset) and compiled.
  function loadSplitModule() {
    var module = deferredModule;
    try {
      if (!module) {
        performance.mark('mf-deferred-sync');
        var xhr = new XMLHttpRequest();
        xhr.open('GET', deferredUrl, false);
        xhr.overrideMimeType('text/plain; charset=x-user-defined');
        xhr.send(null);
        if (xhr.status !== 200) throw new Error(deferredUrl + ': HTTP ' + xhr.status);
        var text = xhr.responseText;
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
        module = deferredModule = checked(new WebAssembly.Module(bytes));
      }
      var instance = new WebAssembly.Instance(module, arguments[1]);
      performance.mark('mf-deferred-instantiated');
      return instance;
    } catch (e) {
      fatal(e.mfOtherBuild ? 'updated' : 'load', String(e));
      throw e;
    }
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { fatal('load', what); },
    // Start-up marks (docs/performance.md, "first-frame breakdown"; scripts/bench-web.mjs prints
    // them): the .wasm compiled and instantiated, then its static constructors run. main() marks
    // the rest (platform_web.cpp).
    preRun: [function () { performance.mark('mf-instantiated'); }],
    onRuntimeInitialized: function () { performance.mark('mf-ctors'); },
    loadSplitModule: deferredUrl ? loadSplitModule : undefined,
    instantiateWasm: function (imports, receiveInstance) {
      compiled.then(function (module) {
        // Served by the offline worker: the deferred module too, checked, before the program runs
        // (a failure there is left to the synchronous path, which reports it).
        var before = served && deferredCompiled ? deferredCompiled.then(function (m) {
          if (!deferredModule) deferredModule = checked(m);
        }).catch(function () {}) : null;
        return Promise.resolve(before).then(function () { return WebAssembly.instantiate(module, imports); })
          .then(function (instance) { receiveInstance(instance, module); });
      }).catch(function (e) { fatal('load', wasmUrl + ': ' + e); });
      return {}; // the exports arrive through receiveInstance
    },
  };
  // The page's storage opened now, while the .wasm streams in and compiles: the browser opens it on
  // the first access, 4 to 7 ms that the program's start (which reads the saved answers) would
  // otherwise wait for (docs/performance.md, the respondent's first frame, part 8). Blocked storage
  // is the program's to report.
  try { void window.localStorage.length; } catch (e) { /* reported later */ }
  performance.mark('mf-boot');
  var script = document.createElement('script');
  script.src = app + '.js';
  script.async = true;
  script.onerror = function () { fatal('load', app + '.js'); };
  document.body.appendChild(script);
})();
