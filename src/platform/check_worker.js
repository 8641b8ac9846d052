// check_worker.js - the JS of the municipality page's Web Worker (--post-js of kommune.check.js,
// whose wasm is check_worker_web.cpp and core). The page (platform_web_checks.js) posts batches of
// files {id, maxBytes, files: [{name, file}]}; the worker takes each File's size and reads it here
// (FileReaderSync: a worker may block; both are synchronous calls to the browser, kept off the page's
// main thread), checks it in its wasm and answers {id, records, files}: the checked records as one
// transferred ArrayBuffer (core/file_check_wire.h) and per file {name, size, length}: the length of
// its record, or -1 when it was not read (larger than maxBytes: the app refuses it; or `error`, why
// it could not be read). First it says {ready: true}, or {failed: true} when it cannot check (the
// page then checks the files itself).
var mfStarted = false, mfWaiting = [];

function mfCheckBatch(batch) {
  _mf_worker_clear();
  var files = [], reader = new FileReaderSync(), before = 0;
  for (var i = 0; i < batch.files.length; i++) {
    var name = batch.files[i].name, file = batch.files[i].file, out = { name: name, size: 0, length: -1 }, bytes;
    files.push(out);
    try {
      out.size = file.size;
      if (out.size > batch.maxBytes) continue;
      bytes = new Uint8Array(reader.readAsArrayBuffer(file));
    } catch (e) {
      out.error = String((e && e.message) || e);
      continue;
    }
    var n = lengthBytesUTF8(name) + 1, np = _malloc(n);
    stringToUTF8(name, np, n);
    var dp = _malloc(bytes.length > 0 ? bytes.length : 1);
    HEAPU8.set(bytes, dp);
    _mf_worker_check(np, dp, bytes.length);
    _free(dp);
    _free(np);
    var after = _mf_worker_records_size();
    out.length = after - before;
    before = after;
  }
  var p = _mf_worker_records(), records = HEAPU8.slice(p, p + before);
  _mf_worker_clear();
  postMessage({ id: batch.id, records: records.buffer, files: files }, [records.buffer]);
}

self.onmessage = function (e) {
  if (mfStarted) mfCheckBatch(e.data);
  else mfWaiting.push(e.data);
};

Module['onRuntimeInitialized'] = function () {
  if (!_mf_worker_start()) { postMessage({ failed: true }); return; }
  mfStarted = true;
  postMessage({ ready: true });
  while (mfWaiting.length) mfCheckBatch(mfWaiting.shift());
};
Module['onAbort'] = function () { postMessage({ failed: true }); };
