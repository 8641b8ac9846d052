// kommune.read.js - a dedicated worker of the municipality's page (kommune.html; platform_web.js,
// MF.dropWithWorker): reads the files of a drop from their File System Access handles
// (DataTransferItem.getAsFileSystemHandle), so that Chromium's work per file (making its File,
// reading it) is done on this thread, not on the page's. 10,000 files in a plain page: 2.8-3.4 s
// with no task over 50 ms on the page's thread, against 4.6-9.0 s and tasks up to 0.5 s for the
// same files walked with webkitGetAsEntry and read there (docs/performance.md, kommune.html round 4).
//
// In:  {handles, limit, batch}  the dropped items' handles; the largest file the app takes.
//      'more'                   the page has handed over a batch (at most two are on their way).
// Out: {count}                  how many files will come (a folder's *.json files, recursively, and
//                               the dropped files whatever their name), sorted by name as the page
//                               sorts (its path in the drop: "folder/sub/file.json").
//      {files: [...]}           a batch, in that order: {name, bytes} | {name, tooLarge} | {name, error};
//                               the bytes' buffers transferred. A file over `limit` is not read.
'use strict';
const message = (err) => String((err && err.message) || err);

async function list(handle, path, out) {
  if (handle.kind === 'file') { out.push({ name: path, handle }); return; }
  for await (const child of handle.values()) {
    if (child.kind === 'directory') await list(child, `${path}/${child.name}`, out);
    else if (/\.json$/i.test(child.name)) out.push({ name: `${path}/${child.name}`, handle: child });
  }
}

async function read(entry, limit) {
  try {
    const file = await entry.handle.getFile();
    if (file.size > limit) return { name: entry.name, tooLarge: file.size };
    return { name: entry.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (err) {
    return { name: entry.name, error: message(err) };
  }
}

let acked = 0;
let wake = null;
self.onmessage = async (ev) => {
  if (ev.data === 'more') { acked++; if (wake) { wake(); wake = null; } return; }
  const { handles, limit, batch } = ev.data;
  const entries = [];
  for (const h of handles) {
    try { await list(h, h.name, entries); } catch (err) { /* an unreadable folder: its files are left out */ }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  self.postMessage({ count: entries.length });
  let sent = 0;
  for (let i = 0; i < entries.length; i += batch) {
    const files = await Promise.all(entries.slice(i, i + batch).map((e) => read(e, limit)));
    while (sent - acked >= 2) await new Promise((resolve) => { wake = resolve; });
    self.postMessage({ files }, files.filter((f) => f.bytes).map((f) => f.bytes.buffer));
    sent++;
  }
};
