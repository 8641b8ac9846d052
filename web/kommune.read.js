// kommune.read.js - a dedicated worker of the municipality's page (kommune.html; platform_web.js,
// MF.dropWithWorker): lists and reads the files of a drop or of the pickers from their File System
// Access handles (DataTransferItem.getAsFileSystemHandle; showOpenFilePicker, showDirectoryPicker:
// MF.pickByHandles), so that Chromium's work per file (making its File, reading it) is done on a
// worker's thread, not on the page's. 10,000 files in a plain page: 2.8-3.4 s with no task over
// 50 ms on the page's thread, against 4.6-9.0 s and tasks up to 0.5 s for the same files walked with
// webkitGetAsEntry and read there (docs/performance.md, kommune.html round 4).
//
// The page runs it twice over: once to list the drop, then once per part of the list to read it.
// A worker ends with its part: what Chromium keeps for each handle, File and buffer of a worker
// (about 13 MB per 1,000 files, collected late) goes with it, which keeps a drop of 10,000 files
// within the page's memory budget (docs/performance.md, kommune.html round 5).
//
// List.  In:  {handles}             the dropped or picked folders' handles (the page names the loose
//                                   files itself, by their handles' names).
//        Out: {names: [...]}        the files to read: a folder's *.json files, recursively, each
//                                   named by its path in the drop ("folder/sub/file.json"), sorted.
// Read.  In:  {handles, handleCount, names, limit, batch}   a part of the list, the first of the
//                                   handles it is read from (its loose files' and its folders', in
//                                   the list's order) and how many there are, the largest file the
//                                   app takes, the files per batch.
//             {nextHandles}         more of them, until handleCount have come: a file's read waits
//                                   for its handle.
//             'more'                the page has handed over a batch (at most two are on their way).
//        Out: {files: [...]}        a batch, in the part's order: {name, bytes} | {name, tooLarge} |
//                                   {name, error}; the bytes' buffers transferred. A file over `limit`
//                                   is not read.
//             {done: true}          the part's last batch has been posted.
'use strict';
const message = (err) => String((err && err.message) || err);

async function list(dir, path, out) {
  for await (const child of dir.values()) {
    if (child.kind === 'directory') await list(child, `${path}/${child.name}`, out);
    else if (/\.json$/i.test(child.name)) out.push(`${path}/${child.name}`);
  }
}

// The handles of a drop by kind and name (the first of that name), as they come: a read waits for
// its handle until all have come (a map: a drop of 10,000 loose files was searched through once per
// file).
const byName = new Map();
let handlesToCome = 0;
let handlesCame = null; // resolves when more have come
let wakeWaiting = () => {};
function take(handles) {
  for (const h of handles) if (!byName.has(`${h.kind}/${h.name}`)) byName.set(`${h.kind}/${h.name}`, h);
  handlesToCome -= handles.length;
  wakeWaiting();
}
async function dropped(kind, name) {
  const key = `${kind}/${name}`;
  while (!byName.has(key) && handlesToCome > 0) {
    if (!handlesCame) handlesCame = new Promise((resolve) => { wakeWaiting = () => { handlesCame = null; resolve(); }; });
    await handlesCame;
  }
  return byName.get(key);
}

// A listed name's file handle, from the drop's handles: its folders looked up once each.
const folders = new Map();
async function folder(parts) {
  const key = parts.join('/');
  if (!folders.has(key)) {
    folders.set(key, (async () => {
      let dir = await dropped('directory', parts[0]);
      if (!dir) throw new Error(`${parts[0]}: not in the drop`);
      for (const part of parts.slice(1)) dir = await dir.getDirectoryHandle(part);
      return dir;
    })());
  }
  return folders.get(key);
}
async function fileHandle(name) {
  const parts = name.split('/');
  if (parts.length === 1) {
    const h = await dropped('file', name);
    if (!h) throw new Error(`${name}: not in the drop`);
    return h;
  }
  return (await folder(parts.slice(0, -1))).getFileHandle(parts[parts.length - 1]);
}

async function read(name, limit) {
  try {
    const file = await (await fileHandle(name)).getFile();
    if (file.size > limit) return { name, tooLarge: file.size };
    return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (err) {
    return { name, error: message(err) };
  }
}

let acked = 0;
let wake = null;
self.onmessage = async (ev) => {
  if (ev.data === 'more') { acked++; if (wake) { wake(); wake = null; } return; }
  if (ev.data.nextHandles) { take(ev.data.nextHandles); return; }
  const { handles, handleCount, names, limit, batch } = ev.data;
  if (!names) {
    const found = [];
    for (const h of handles) {
      try { await list(h, h.name, found); } catch (err) { /* an unreadable folder: its files are left out */ }
    }
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    self.postMessage({ names: found });
    return;
  }
  handlesToCome = handleCount;
  take(handles);
  let sent = 0;
  for (let i = 0; i < names.length; i += batch) {
    const files = await Promise.all(names.slice(i, i + batch).map((name) => read(name, limit)));
    while (sent - acked >= 2) await new Promise((resolve) => { wake = resolve; });
    self.postMessage({ files }, files.filter((f) => f.bytes).map((f) => f.bytes.buffer));
    sent++;
  }
  self.postMessage({ done: true });
};
