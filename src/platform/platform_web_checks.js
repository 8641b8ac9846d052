// platform_web_checks.js - the municipality page only (kommune.js; an Emscripten --js-library beside
// platform_web.js): the files the user chooses or drops are read and checked in a Web Worker,
// kommune.check.js (check_worker.js, with its own wasm instance of the engine), and the page's main
// thread receives only the checked records, a few hundred bytes per file (mf_web_files_checked).
// Reading and checking 10,000 files in the page kept its main thread busy for seconds; now the page
// posts batches of the
// File objects to the worker and hands each batch's answer to the app, in order. Not even a file's
// size is asked for here: File.size of a picked file is a synchronous call to the browser process
// (about 0.17 ms each, 1.7 s for 10,000 on the page's thread), so the worker takes it, and the app
// is asked about each file (refused for its size, or dropped after "Fjern alle filer") when the
// worker's answer arrives, just before its record is handed over.
//
// window.mfTest.checkedInWorker(): how many files this page has had checked in its worker (the
// browser tests tell the two ways apart with it).
//
// Without Worker support, or when the worker cannot start, MF.sendMany stays platform_web.js's own
// (read and check on the main thread, in slices), so the page works as before.
mergeInto(LibraryManager.library, {
  mf_js_check_in_worker__deps: ['$MF', 'malloc', 'free'],
  mf_js_check_in_worker: function () {
    if (typeof Worker !== 'function') return;
    var worker;
    try { worker = new Worker('kommune.check.js'); } catch (e) { return; }
    var onMainThread = MF.sendMany;
    var state = 'starting';      // 'ready' or 'failed' once the worker has said
    var queue = [];              // announced entries {file, name} not yet asked about or posted
    var sent = {};               // batch id -> its entries, until answered
    var answers = {};            // batch id -> the worker's answer, until handed over in order
    var nextId = 0, nextOut = 0, inFlight = 0, checked = 0;
    var BATCH = 64, IN_FLIGHT = 4;
    // Whether the app takes the file (not refused for its size, not of a cleared loading).
    var wanted = function (name, size) {
      var n = lengthBytesUTF8(name) + 1, np = _malloc(n);
      stringToUTF8(name, np, n);
      var yes = _mf_web_file_announced(np, size);
      _free(np);
      return yes;
    };
    var pump = function () {
      while (state === 'ready' && inFlight < IN_FLIGHT && queue.length > 0) {
        var id = nextId++;
        sent[id] = queue.splice(0, BATCH);
        inFlight++;
        worker.postMessage({ id: id, maxBytes: _mf_web_max_file_bytes(), files: sent[id] });
      }
    };
    var unreadable = function (name, reason) { MF.handOver({ e: { name: name }, error: reason }); };
    var handOver = function (m) {
      var bytes = new Uint8Array(m.records), p = _malloc(bytes.length > 0 ? bytes.length : 1), at = p;
      HEAPU8.set(bytes, p);
      for (var i = 0; i < m.files.length; i++) {
        var f = m.files[i];
        if (wanted(f.name, f.size)) {
          if (f.length >= 0) { _mf_web_files_checked(at, f.length, 1); checked++; }
          else unreadable(f.name, f.error || 'the file could not be read');
        }
        if (f.length > 0) at += f.length;
      }
      _free(p);
    };
    // Before it was ready: the page reads and checks what it was given itself. After: the files of
    // the batches not answered are listed as unreadable, so no loading waits for ever.
    var fail = function (reason) {
      var was = state;
      state = 'failed';
      MF.sendMany = onMainThread;
      if (was === 'starting') {
        for (var i = 0; i < queue.length; i++) MF.queue.push(queue[i]);
        queue = [];
        if (MF.queue.length > 0 && !MF.pumping) { MF.pumping = true; MF.pump(); }
        return;
      }
      var lost = [];
      for (; nextOut < nextId; nextOut++) lost = lost.concat(sent[nextOut] || []);
      lost = lost.concat(queue);
      queue = [];
      for (var j = 0; j < lost.length; j++) if (wanted(lost[j].name, 0)) unreadable(lost[j].name, reason);
    };
    worker.onmessage = function (e) {
      var m = e.data;
      if (m.ready) { state = 'ready'; pump(); return; }
      if (m.failed) { fail('the file checker stopped'); return; }
      answers[m.id] = m;
      while (answers[nextOut]) {
        var a = answers[nextOut];
        delete answers[nextOut];
        delete sent[nextOut];
        nextOut++;
        inFlight--;
        handOver(a);
      }
      pump();
    };
    worker.onerror = function (e) { fail(String((e && e.message) || 'the file checker stopped')); };
    window.mfTest.checkedInWorker = function () { return checked; };
    MF.sendMany = function (entries) {
      if (entries.length === 0) return;
      _mf_web_files_announced(entries.length);
      for (var i = 0; i < entries.length; i++) queue.push(entries[i]);
      pump();
    };
  },
});
