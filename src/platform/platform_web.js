// platform_web.js - the browser side of platform_web.cpp (an Emscripten --js-library).
//
// Index
//   - mf_js_init          hidden text field (typing, IME, paste), copy/cut, drag and drop, file
//                         picker, and window.mfTest
//   - mf_js_text_input    focuses the hidden text field while ImGui edits text
//   - clipboard, cursor, storage (localStorage), download, file pickers, first frame, fatal errors
//   - MF.sendMany         many files (municipality view): announced, then handed over in batches
//   - MF.dropWithWorker   a drop on the municipality view, or what its pickers gave
//                         (MF.pickByHandles: showOpenFilePicker, showDirectoryPicker), listed and
//                         read by workers (web/kommune.read.js)
//   - mf_js_fetch_beside_app   a file published next to the app (benchmark.json), same origin only
//
// window.mfTest - a small, honest interface for the browser tests. Everything it returns comes from
// the running C++ app (exported functions), never from a copy kept in JS:
//   mfTest.ready      true once the first frame has been drawn
//   mfTest.frames()   number of frames drawn so far (idle tests: it must stop growing)
//   mfTest.painted()  of those, the frames that painted the canvas (the others showed no change)
//   mfTest.busy()     true while a frame is scheduled or a notice is about to go (the tests settle on false)
//   mfTest.state()    the app's state as an object, built by mf::App::state_json():
//                     {screen, language, ...} (the list is in src/app/test_hooks.cpp)
//   mfTest.clipboard  the last text the app copied (also written to the system clipboard)
//   mfTest.workerFiles  set by a test: the files per reading worker of a drop (MF.readDrop), to see
//                     a small drop read by several; mfTest.handleBatch: the handles per message to
//                     a reading worker, to see a small drop's handles come in several
// Tests drive the app with real keyboard, mouse and touch input, and read it back through this.

mergeInto(LibraryManager.library, {
  $MF: {
    textInput: null,   // the hidden <textarea>
    composing: false,  // an IME composition is in progress: wait for its end
    pendingCopy: null, // text ImGui just copied, for the browser's copy/cut event
    filePicker: null,  // a hidden <input type=file>
    // A picker that is its <input> from now on (pickByHandles failed once for it).
    byInput: { files: false, folder: false },
    sendText: function (text, pasted) {
      if (!text) return;
      var len = lengthBytesUTF8(text) + 1;
      var p = _malloc(len);
      stringToUTF8(text, p, len);
      if (pasted) _mf_web_paste(p);
      else _mf_web_text_input(p);
      _free(p);
    },
    sendFile: function (file) {
      // Ask first: a file the app would refuse for its size is never read into memory (a 100 MB
      // file must not stall or crash the tab); the app shows why instead.
      var namePtr0 = _malloc(lengthBytesUTF8(file.name) + 1);
      stringToUTF8(file.name, namePtr0, lengthBytesUTF8(file.name) + 1);
      var wanted = _mf_web_file_announced(namePtr0, file.size);
      _free(namePtr0);
      if (!wanted) return;
      var reader = new FileReader();
      reader.onload = function () { MF.deliver(file.name, new Uint8Array(reader.result)); };
      reader.readAsArrayBuffer(file);
    },
    // A file's name and bytes into the program's memory for `receive` (mf_web_file_received, which
    // draws a frame for the file, or mf_web_many_file_received for one of many).
    deliver: function (name, bytes, receive) {
      var nameLen = lengthBytesUTF8(name) + 1;
      var namePtr = _malloc(nameLen);
      stringToUTF8(name, namePtr, nameLen);
      var dataPtr = _malloc(bytes.length > 0 ? bytes.length : 1);
      HEAPU8.set(bytes, dataPtr);
      (receive || _mf_web_file_received)(namePtr, dataPtr, bytes.length);
      _free(dataPtr);
      _free(namePtr);
    },
    // Many files for the municipality view (and the workshop list): announced at once, then read a
    // batch at a time while the batch before is handed over in short slices, yielding to the browser
    // between them so the page keeps drawing (a progress line) and stays responsive with thousands
    // of files. Entries are {file, name}, or {entry, name} for a dropped folder's file (walk).
    // A file's size is never asked: for a picked File, `size` (like slice()) is a synchronous call to
    // the browser process, 0.2-0.3 ms a file, and arrayBuffer() makes the same call; stream() does
    // not. So each file is streamed, and a file past the app's limit is cancelled there and announced
    // with the size seen (mf_web_file_announced refuses it with the app's "too large" message): a huge
    // file is never read whole. (10,000 files: 1.7 s in `size` and 1.1 s in arrayBuffer() before.)
    queue: [],
    pumping: false,
    reading: null,  // the batch being read: a promise of its files' bytes, in the queue's order
    BATCH: 128,
    SLICE_MS: 40, // the longest a hand-over of read files runs before the browser gets its turn
    sendMany: function (entries) {
      if (entries.length === 0) return;
      _mf_web_files_announced(entries.length);
      for (var i = 0; i < entries.length; i++) MF.queue.push(entries[i]);
      if (!MF.pumping) { MF.pumping = true; MF.pump(); }
    },
    readOne: function (e, limit) {
      if (!e.file) {
        // A file of a dropped folder: its File is asked for only now, a batch at a time (see walk).
        return new Promise(function (resolve, reject) { e.entry.file(resolve, reject); }).then(
          function (f) { e.file = f; return MF.readOne(e, limit); },
          function (err) { return { e: e, error: String(err && err.message || err) }; });
      }
      var reader;
      try { reader = e.file.stream().getReader(); } catch (err) { return Promise.resolve({ e: e, error: String(err && err.message || err) }); }
      var chunks = [], n = 0;
      var next = function () {
        return reader.read().then(function (r) {
          if (r.done) {
            if (chunks.length === 1) return { e: e, bytes: chunks[0] };
            var all = new Uint8Array(n), at = 0;
            for (var i = 0; i < chunks.length; i++) { all.set(chunks[i], at); at += chunks[i].length; }
            return { e: e, bytes: all };
          }
          n += r.value.length;
          if (n > limit) { reader.cancel(); return { e: e, tooLarge: n }; }
          chunks.push(r.value);
          return next();
        });
      };
      return next().catch(function (err) { return { e: e, error: String(err && err.message || err) }; });
    },
    readBatch: function () {
      var limit = _mf_web_max_file_bytes();
      return Promise.all(MF.queue.splice(0, MF.BATCH).map(function (e) { return MF.readOne(e, limit); }));
    },
    pump: function () {
      if (!MF.reading) MF.reading = MF.readBatch();
      MF.reading.then(function (read) {
        // The next batch is read while this one is handed over, in slices of at most about 40 ms
        // so that no task of the page gets long however fast the files were read.
        MF.reading = MF.queue.length > 0 ? MF.readBatch() : null;
        var i = 0;
        var deliverSome = function () {
          var start = performance.now();
          for (; i < read.length && performance.now() - start < MF.SLICE_MS; i++) MF.handOver(read[i]);
          if (i < read.length) { MF.soon(deliverSome); return; }
          if (MF.reading || MF.queue.length > 0) { MF.soon(MF.pump); return; }
          MF.pumping = false;
          _mf_web_request_frames(); // the last file is in: draw now, not at the next progress frame
        };
        deliverSome();
      });
    },
    // Runs fn in a task of its own, soon: the browser draws and handles input in between. Not
    // setTimeout(fn, 0), which the browser holds back 4 ms once such timeouts nest five deep (one a
    // batch: 80 batches for 10,000 files).
    soon: function (fn) {
      if (typeof scheduler !== 'undefined' && scheduler.postTask) scheduler.postTask(fn);
      else setTimeout(fn, 0);
    },
    handOver: function (r) {
      var name = r.e.name;
      if (r.bytes) { MF.deliver(name, r.bytes, _mf_web_many_file_received); return; }
      var n = lengthBytesUTF8(name) + 1, np = _malloc(n);
      stringToUTF8(name, np, n);
      if (r.tooLarge) {
        // Refused for its size: the file's own size is asked only now, for the message.
        var size = r.tooLarge;
        try { size = Math.max(size, r.e.file.size); } catch (err) { /* the size seen */ }
        _mf_web_file_announced(np, size);
      } else {
        var reason = r.error, m = lengthBytesUTF8(reason) + 1, mp = _malloc(m);
        stringToUTF8(reason, mp, m);
        _mf_web_file_unreadable(np, mp);
        _free(mp);
      }
      _free(np);
    },
    // A drop read by workers (web/kommune.read.js) from the items' File System Access handles
    // (`handles`: the promises getAsFileSystemHandle gave in the drop event, or the pickers' handles,
    // pickByHandles): Chromium's work per file (its File, its bytes) is then done on a worker's
    // thread. One worker lists the drop's folders (the loose files' names are their handles'; with
    // loose files alone it lists nothing, but shows that a worker can start before the count is
    // announced, or else `fallback`); then a worker per part of WORKER_FILES files reads it and ends
    // with it (what Chromium keeps per file goes with the worker: docs/performance.md, kommune.html
    // round 5), the next one starting as soon as the last has posted its last batch. Each worker is
    // sent only the handles it needs: every handle sent is a copy Chromium makes and the worker
    // keeps, and 10,000 picked files sent whole to each of five workers cost 14 s and 365 MB
    // (kommune.html round 7). They go in the list's order, a batch's worth per message, so that the
    // worker reads the first batch while Chromium makes its copies of the rest (2,500 in one message
    // held it 0.3 s before its first).
    // This thread announces the count and hands the read files over in slices of at most about
    // 40 ms, asking a worker for its next batch after each (at most two on their way). `fallback`
    // (the walk with webkitGetAsEntry; for the picker, the <input>) when there are no handles or the
    // first worker cannot start; a reader that fails hands its unread files over as errors.
    WORKER_FILES: 2500,
    dropWithWorker: function (handles, fallback) {
      Promise.all(handles).then(function (hs) {
        for (var i = 0; i < hs.length; i++) if (!hs[i]) throw new Error('no handle');
        var lister = new Worker('kommune.read.js'), started = false;
        lister.onerror = function (ev) { ev.preventDefault(); lister.terminate(); if (!started) { started = true; fallback(); } };
        lister.onmessage = function (m) {
          started = true;
          lister.terminate();
          var names = m.data.names, all = hs;
          hs = null; // readDrop lets each part's loose files go once sent: nothing here keeps them
          for (var j = 0; j < all.length; j++) if (all[j].kind === 'file') names.push(all[j].name);
          if (names.length === 0) return;
          names.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
          _mf_web_files_announced(names.length);
          MF.readDrop(all, names);
        };
        lister.postMessage({ handles: hs.filter(function (h) { return h.kind === 'directory'; }) });
      }).catch(function () { fallback(); });
    },
    readDrop: function (hs, names) {
      var left = names.length, pending = [], delivering = false;
      var deliver = function () {
        var start = performance.now();
        while (pending.length > 0 && performance.now() - start < MF.SLICE_MS) {
          var b = pending[0];
          for (; b.i < b.files.length && performance.now() - start < MF.SLICE_MS; b.i++, left--) {
            var f = b.files[b.i];
            MF.handOver({ e: { name: f.name }, bytes: f.bytes, tooLarge: f.tooLarge, error: f.error });
          }
          if (b.i === b.files.length) { pending.shift(); if (b.from.reading) b.from.postMessage('more'); }
        }
        if (pending.length > 0) { MF.soon(deliver); return; }
        delivering = false;
        if (left === 0) _mf_web_request_frames(); // the last file is in: draw now
      };
      var arrived = function (files, from) {
        pending.push({ files: files, i: 0, from: from });
        if (!delivering) { delivering = true; MF.soon(deliver); }
      };
      var readPart = function (at) {
        if (at >= names.length) return;
        var part = names.slice(at, at + ((window.mfTest && window.mfTest.workerFiles) || MF.WORKER_FILES)), got = 0;
        var worker = new Worker('kommune.read.js');
        worker.reading = true;
        var end = function () { worker.reading = false; worker.terminate(); readPart(at + part.length); };
        worker.onerror = function (ev) {
          ev.preventDefault();
          var why = String(ev.message || 'the reading stopped');
          arrived(part.slice(got).map(function (name) { return { name: name, error: why }; }), worker);
          end();
        };
        worker.onmessage = function (m) {
          if (m.data.done) { end(); return; }
          got += m.data.files.length;
          arrived(m.data.files, worker);
        };
        var taken = MF.takeHandles(hs, part);
        hs = taken.rest;
        var each = (window.mfTest && window.mfTest.handleBatch) || MF.BATCH;
        worker.postMessage({ handles: taken.part.slice(0, each), handleCount: taken.part.length,
                             names: part, limit: _mf_web_max_file_bytes(), batch: MF.BATCH });
        for (var k = each; k < taken.part.length; k += each) worker.postMessage({ nextHandles: taken.part.slice(k, k + each) });
      };
      readPart(0);
    },
    // The handles a part of the list (`names`) is read from, in its order (`part`: the first handle
    // of each of its names' first parts: "a.json" is a loose file's, "folder/sub/a.json" the
    // folder's), and the handles the next parts need (`rest`: all but the loose files' sent, which
    // the page then lets go).
    takeHandles: function (hs, names) {
      var key = function (h) { return h.kind + '/' + h.name; };
      var first = new Map();
      for (var i = 0; i < hs.length; i++) if (!first.has(key(hs[i]))) first.set(key(hs[i]), hs[i]);
      var part = [], sent = new Set();
      for (var j = 0; j < names.length; j++) {
        var at = names[j].indexOf('/'), h = first.get(at < 0 ? 'file/' + names[j] : 'directory/' + names[j].slice(0, at));
        if (h && !sent.has(h)) { sent.add(h); part.push(h); }
      }
      return { part: part, rest: hs.filter(function (h) { return h.kind === 'directory' || !sent.has(h); }) };
    },
    // "Vælg resultatfiler" and "Vælg mappe" where the browser has the File System Access pickers
    // (showOpenFilePicker, showDirectoryPicker): the picked files' handles, or the folder's, go to the
    // workers as a drop's do (dropWithWorker), so Chromium makes no File object on the page's thread
    // (an <input>'s hand-over of 10,000 files is one task of about 1.2 s before its change event). The
    // names are the <input>'s (a file's own name; "folder/sub/file.json" in a folder), so the figures
    // are the same. A cancel (AbortError) does nothing; any other failure (no user activation, a
    // refusal, a worker that cannot start) opens the <input> instead, and from then on that picker is
    // the <input>. The dialog consumes the click's user activation, so after it the browser may not
    // open the <input> until the next click. Both dialogs share an id: they open where the last was.
    pickByHandles: function (input, folder) {
      var kind = folder ? 'folder' : 'files';
      var open = folder ? window.showDirectoryPicker : window.showOpenFilePicker;
      if (!open || typeof Worker === 'undefined' || MF.byInput[kind]) return false;
      var useInput = function () { MF.byInput[kind] = true; input.click(); };
      var options = folder ? { mode: 'read', id: 'mf-results' }
        : { multiple: true, id: 'mf-results', types: [{ accept: { 'application/json': ['.json'] } }] };
      open.call(window, options).then(function (picked) {
        MF.dropWithWorker(folder ? [picked] : picked, useInput);
      }, function (err) {
        if (!err || err.name !== 'AbortError') useInput();
      });
      return true;
    },
    isJson: function (name) { return /\.json$/i.test(name); },
    // A dropped folder: its *.json files, recursively, named by their path inside the drop. Only the
    // entries are listed here ({entry, name}); each file's File is asked for when its batch is read
    // (readOne). Asking all 10,000 at once cost a task of 0.35 s for the calls and then one of 1.5 to
    // 4.3 s in which Chromium answered them all, before the first file was read.
    walk: function (entry, out) {
      if (entry.isFile) {
        if (MF.isJson(entry.name)) out.push({ entry: entry, name: entry.fullPath.replace(/^\//, '') });
        return Promise.resolve();
      }
      if (!entry.isDirectory) return Promise.resolve();
      var reader = entry.createReader();
      return new Promise(function (resolve) {
        var all = [];
        var next = function () {
          reader.readEntries(function (list) {
            if (list.length === 0) {
              Promise.all(all.map(function (c) { return MF.walk(c, out); })).then(resolve);
              return;
            }
            for (var i = 0; i < list.length; i++) all.push(list[i]);
            next();
          }, function () { resolve(); });
        };
        next();
      });
    },
    // Saves `url` as a file called `name` through a hidden link (the browser's own download).
    download: function (url, name) {
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
    showStatus: function (text, isError) {
      var el = document.getElementById('mf-status');
      if (!el) return;
      el.textContent = text;
      el.hidden = !text;
      el.className = isError ? 'error' : '';
    },
  },

  mf_js_init__deps: ['$MF', 'malloc', 'free'],
  mf_js_init: function () {
    var ta = document.getElementById('mf-text-input');
    if (!ta) {
      ta = document.createElement('textarea');
      ta.id = 'mf-text-input';
      document.body.appendChild(ta);
    }
    MF.textInput = ta;
    ta.addEventListener('compositionstart', function () { MF.composing = true; });
    ta.addEventListener('compositionend', function () {
      MF.composing = false;
      MF.sendText(ta.value);
      ta.value = '';
    });
    ta.addEventListener('input', function (e) {
      // Typed characters, dead-key results, on-screen keyboards, insertText from automation.
      if (MF.composing || (e && e.isComposing)) return;
      var text = ta.value;
      ta.value = '';
      MF.sendText(text);
    });
    ta.addEventListener('paste', function (e) {
      e.preventDefault();
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      MF.sendText(text.replace(/\r\n?/g, '\n'), true);
    });
    var onCopy = function (e) {
      if (MF.pendingCopy === null || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', MF.pendingCopy);
      e.preventDefault();
      MF.pendingCopy = null;
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);

    // Import by dropping a file anywhere on the page.
    window.addEventListener('dragover', function (e) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      var files = e.dataTransfer ? e.dataTransfer.files : null;
      if (!files || files.length === 0) return;
      if (!_mf_web_takes_many_files()) { MF.sendFile(files[0]); return; }
      // Folders among the dropped items are walked; files are taken whatever their name. Both the
      // items' entries and their handles are asked for here: neither can be once the event is over.
      var items = e.dataTransfer.items, entries = [], handles = [];
      for (var i = 0; i < files.length; i++) {
        var item = items && items[i];
        entries.push(item && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null);
        if (handles && item && item.getAsFileSystemHandle && typeof Worker !== 'undefined') handles.push(item.getAsFileSystemHandle());
        else handles = null;
      }
      var walkHere = function () {
        var walks = [], out = [];
        for (var j = 0; j < files.length; j++) {
          if (entries[j] && entries[j].isDirectory) walks.push(MF.walk(entries[j], out));
          else out.push({ file: files[j], name: files[j].name });
        }
        Promise.all(walks).then(function () {
          out.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
          MF.sendMany(out);
        });
      };
      if (handles) MF.dropWithWorker(handles, walkHere);
      else walkHere();
    });

    var picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = '.json,application/json';
    picker.hidden = true;
    picker.id = 'mf-file-picker';
    picker.addEventListener('change', function () {
      if (picker.files && picker.files.length > 0) MF.sendFile(picker.files[0]);
      picker.value = '';
    });
    document.body.appendChild(picker);
    MF.filePicker = picker;

    // The municipality view's pickers: several files, or a folder (its *.json files).
    var many = function (id, folder) {
      var input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.hidden = true;
      input.id = id;
      if (folder) input.webkitdirectory = true;
      else input.accept = '.json,application/json';
      input.addEventListener('change', function () {
        var out = [];
        for (var i = 0; i < (input.files ? input.files.length : 0); i++) {
          var f = input.files[i], name = f.webkitRelativePath || f.name;
          if (!folder || MF.isJson(name)) out.push({ file: f, name: name });
        }
        out.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
        input.value = '';
        MF.sendMany(out);
      });
      document.body.appendChild(input);
      return input;
    };
    MF.manyPicker = many('mf-files-picker', false);
    MF.folderPicker = many('mf-folder-picker', true);

    var test = window.mfTest || {};
    test.ready = false;
    test.clipboard = '';
    test.frames = function () { return _mf_web_frames() >>> 0; };
    test.painted = function () { return _mf_web_painted() >>> 0; };
    test.busy = function () { return _mf_web_busy() !== 0; };
    test.state = function () { return JSON.parse(UTF8ToString(_mf_web_state_json())); };
    window.mfTest = test;
  },

  mf_js_first_frame__deps: ['$MF'],
  mf_js_first_frame: function () {
    MF.showStatus('', false);
    window.mfTest.ready = true;
    // What waits for the first frame, after the browser has shown it: the program's second frame
    // (platform_web.cpp, main: the whole font atlas) and boot.js's offline worker. A timeout set in
    // the next animation frame runs after that frame's rendering, which shows the first frame; half
    // a second at most where no animation frame comes (a hidden tab). Once.
    var done = false;
    var after = function () {
      if (done) return;
      done = true;
      _mf_web_first_frame_shown();
      if (window.mfAfterFirstFrame) window.mfAfterFirstFrame();
    };
    requestAnimationFrame(function () { setTimeout(after, 0); });
    setTimeout(after, 500);
  },

  mf_js_fatal__deps: ['$MF'],
  mf_js_fatal: function (what) {
    if (window.mfFatal) window.mfFatal(UTF8ToString(what));
  },

  mf_js_text_input__deps: ['$MF'],
  mf_js_text_input: function (active, x, y, lineHeight) {
    var ta = MF.textInput;
    if (!ta) return;
    if (active) {
      // Under the edited field, so an on-screen keyboard or IME window appears next to it.
      ta.style.left = Math.max(0, x) + 'px';
      ta.style.top = Math.max(0, y) + 'px';
      ta.style.height = Math.max(1, lineHeight) + 'px';
      if (document.activeElement !== ta) ta.focus({ preventScroll: true });
    } else if (document.activeElement === ta) {
      ta.value = '';
      ta.blur();
    }
  },

  mf_js_set_clipboard__deps: ['$MF'],
  mf_js_set_clipboard: function (ptr) {
    var text = UTF8ToString(ptr);
    MF.pendingCopy = text;
    if (window.mfTest) window.mfTest.clipboard = text;
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    } catch (e) { /* the copy event handler above still sets it */ }
  },

  mf_js_set_cursor: function (ptr) {
    var canvas = document.getElementById('canvas');
    if (canvas) canvas.style.cursor = UTF8ToString(ptr);
  },

  // A saved text, malloc'd (the caller frees it). Null when there is none: *statusPtr 1 when the key
  // was never written, 2 when the browser refused to read (private mode, storage access denied).
  mf_js_storage_get__deps: ['malloc'],
  mf_js_storage_get: function (keyPtr, statusPtr) {
    var value = null;
    try {
      value = window.localStorage.getItem('mangfoldighedstjek.' + UTF8ToString(keyPtr));
    } catch (e) {
      HEAP32[statusPtr >> 2] = 2;
      return 0;
    }
    if (value === null) {
      HEAP32[statusPtr >> 2] = 1;
      return 0;
    }
    HEAP32[statusPtr >> 2] = 0;
    var len = lengthBytesUTF8(value) + 1;
    var p = _malloc(len);
    stringToUTF8(value, p, len);
    return p;
  },

  mf_js_storage_set: function (keyPtr, valuePtr) {
    try {
      window.localStorage.setItem('mangfoldighedstjek.' + UTF8ToString(keyPtr), UTF8ToString(valuePtr));
      return 1;
    } catch (e) {
      return 0; // storage full or disabled (private browsing)
    }
  },

  mf_js_storage_remove: function (keyPtr) {
    try { window.localStorage.removeItem('mangfoldighedstjek.' + UTF8ToString(keyPtr)); } catch (e) { /* nothing stored */ }
  },

  mf_js_download__deps: ['$MF'],
  mf_js_download: function (namePtr, mimePtr, dataPtr, size) {
    try {
      var bytes = HEAPU8.slice(dataPtr, dataPtr + size);
      var url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(mimePtr) }));
      MF.download(url, UTF8ToString(namePtr));
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      return 1;
    } catch (e) {
      return 0;
    }
  },

  mf_js_open_files_picker__deps: ['$MF'],
  // `what`: platform::ManyFiles, 0 several (the workshop: a few files, the plain <input>), 1 thousands
  // (the overview's files), 2 a folder; the last two by File System Access where the browser can.
  mf_js_open_files_picker: function (what) {
    var input = what === 2 ? MF.folderPicker : MF.manyPicker;
    if (!input) return 0;
    if (what === 0 || !MF.pickByHandles(input, what === 2)) input.click();
    return 1;
  },

  // The printable report in a new tab, from a Blob URL (no server, works offline). The URL lives a
  // minute: long enough for the tab to load it. A blocked tab becomes a download of the page.
  mf_js_open_html__deps: ['$MF'],
  mf_js_open_html: function (namePtr, htmlPtr) {
    try {
      var blob = new Blob([UTF8ToString(htmlPtr)], { type: 'text/html;charset=utf-8' });
      var url = URL.createObjectURL(blob);
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      var tab = window.open(url, '_blank');
      if (tab) return 1;
      MF.download(url, UTF8ToString(namePtr));
      return 2;
    } catch (e) {
      return 0;
    }
  },

  // The web build's two pages (app.cpp "Pages"): going to the other one, and the overview page's
  // settings in its address (kept there with replaceState, so a reload keeps them).
  mf_js_go_to_page: function (urlPtr) {
    window.location.assign(UTF8ToString(urlPtr));
  },
  mf_js_open_page: function (urlPtr) {
    // Not the 'noopener' feature: with it window.open returns null even when the tab opened.
    var tab = window.open(UTF8ToString(urlPtr), '_blank');
    if (!tab) return 0;
    tab.opener = null;
    return 1;
  },

  mf_js_page_parameters__deps: ['malloc'],
  mf_js_page_parameters: function () {
    var query = window.location.search.replace(/^\?/, '');
    var len = lengthBytesUTF8(query) + 1;
    var p = _malloc(len);
    stringToUTF8(query, p, len);
    return p;
  },

  mf_js_set_page_parameters: function (queryPtr) {
    try {
      window.history.replaceState(window.history.state, '', '?' + UTF8ToString(queryPtr));
    } catch (e) { /* a sandboxed page may refuse: the settings then last until the page is left */ }
  },

  // A file published next to the app (the municipality's benchmark.json): fetched relative to the
  // page, same origin only and without cookies or credentials, asking the server whether a stored copy
  // is current. Anything but a 2xx answer (404, a redirect elsewhere, a network error) is "not there".
  // The answer goes back through mf_web_served_file, never from inside this call.
  mf_js_fetch_beside_app__deps: ['malloc', 'free'],
  mf_js_fetch_beside_app: function (namePtr) {
    var name = UTF8ToString(namePtr);
    var answer = function (bytes) {
      var n = lengthBytesUTF8(name) + 1, np = _malloc(n);
      stringToUTF8(name, np, n);
      var size = bytes ? bytes.length : 0, dp = _malloc(size > 0 ? size : 1);
      if (size > 0) HEAPU8.set(bytes, dp);
      _mf_web_served_file(np, bytes ? 1 : 0, dp, size);
      _free(dp);
      _free(np);
    };
    var absent = function () { answer(null); };
    try {
      fetch(name, { mode: 'same-origin', credentials: 'omit', cache: 'no-cache', redirect: 'error' }).then(function (response) {
        if (!response.ok) return absent();
        return response.arrayBuffer().then(function (b) { answer(new Uint8Array(b)); }, absent);
      }, absent);
    } catch (e) {
      setTimeout(absent, 0);
    }
  },

  mf_js_open_file_picker__deps: ['$MF'],
  mf_js_open_file_picker: function () {
    if (!MF.filePicker) return 0;
    MF.filePicker.click();
    return 1;
  },
});
