// municipality_folder.test.mjs - a folder dropped on the municipality's page (kommune.html), as a
// user drags one from the desktop: Chromium's own drop (DevTools' Input.dispatchDragEvent with the
// folder's path, so the page gets a real directory entry, not a synthetic DataTransfer), the folder
// listed and read by the page's workers from the drop's File System Access handles
// (web/kommune.read.js; platform_web.js, MF.dropWithWorker), a worker per part of the list.
//
// The folder holds tests/data/municipality's result files, some in a subfolder, and files that are
// not result files by name (a .txt, a file without an extension). Checked: every .json file is read
// and nothing else, each is named by its path inside the drop, the rejected files with
// mf-aggregate's reasons, and the figures shown equal mf-aggregate's published summary.
//
// Then loose files dropped (no folder): read by the workers from their handles, every dropped file
// taken whatever its name; without getAsFileSystemHandle, read on the page's thread with the same
// result.
//
// Last, the page's two pickers, "Vælg mappe" and "Vælg resultatfiler": where the browser has
// showDirectoryPicker / showOpenFilePicker what was picked goes to the same workers (platform_web.js,
// MF.pickByHandles), with the dialogs alone replaced (municipality_lib.mjs, stubPickers: the folder
// and the loose files from the origin's private file system): the dialog asked once with its options,
// no <input> opened, the same files, names and figures as the folder or the loose files dropped. A
// cancel in the dialog changes nothing and shows no error; a refusal or a worker that cannot start
// opens the <input> (webkitdirectory, or multiple) instead, and it stays the <input>. Without the
// File System Access picker the <input> (Playwright's file chooser) gives the same again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { driver, dropPaths, openFileChooser, settlePage } from './drive.mjs';
import { DATA, compareFigures, expected, expectedFiles, expectedRows, files, folderEntries, stubPickers, waitLoaded, writeOpfsFolder } from './municipality_lib.mjs';

const t = await openApp({ name: 'municipality_folder', viewport: { width: 1280, height: 900 } });
const page = t.page;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-folder-'));
try {
  // results/ with the bad files and the 2024 ones in results/sub/, the rest at its top.
  const folder = path.join(root, 'results');
  fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
  const inSub = (f) => f.startsWith('bad-') || f.startsWith('2024-');
  for (const f of files) fs.copyFileSync(path.join(DATA, f), path.join(folder, inSub(f) ? 'sub' : '', f));
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a result file');
  fs.writeFileSync(path.join(folder, 'sub', 'README'), 'not a result file either');
  const named = (f) => `results/${inSub(f) ? 'sub/' : ''}${f}`;

  // The workers the page starts, and which of them have ended.
  const workers = [];
  page.on('worker', (w) => { const seen = { url: w.url(), closed: false }; workers.push(seen); w.on('close', () => { seen.closed = true; }); });
  await page.goto(`${t.origin}/kommune.html`, { waitUntil: 'load' });
  await t.ready();
  await settlePage(page);
  // Five files per reading worker (the page's own part is 2,500): the drop's 16 files are read by
  // four workers one after the other, each ending with its part, as 10,000 files are by four.
  const PART = 5;
  await page.evaluate((n) => { window.mfTest.workerFiles = n; }, PART);

  await dropPaths(page, [folder]);
  await waitLoaded(page, files.length);
  await settlePage(page);

  const s = await t.state();
  const m = s.municipality;
  t.check(m.files === files.length && m.announced === files.length,
    `every .json file of the dropped folder and its subfolder is read, nothing else (${m.files} read, ${m.announced} announced, ${files.length} .json files)`);
  // The rejected files' lines as mf-aggregate reports them, with the names the drop gives.
  const want = [];
  for (const f of expectedRows.fileProblems)
    if (f.status === 'rejected')
      for (const p of f.problems)
        if (p.severity === 'error') want.push(`${named(f.file)}: ${p.pointer ? p.pointer + ': ' : ''}${p.message}`);
  want.sort();
  t.check(want.length >= 3 && JSON.stringify([...m.rejectedDetails].sort()) === JSON.stringify(want),
    `the rejected files are named by their path in the drop, with mf-aggregate's reasons:\n  ${m.rejectedDetails.join('\n  ')}`);
  t.check(t.requests.some((u) => u.endsWith('/kommune.read.js')),
    "the files are read by the page's worker (kommune.read.js, from the drop's File System Access handles)");
  await page.waitForTimeout(200); // the last worker's end reaches the test
  const readers = Math.ceil(files.length / PART);
  t.check(workers.length === 1 + readers && workers.every((w) => w.closed && w.url.endsWith('/kommune.read.js')),
    `one worker listed the drop and ${readers} read it, ${PART} files each, and every one of them ended (${workers.length} started, ${workers.filter((w) => w.closed).length} ended)`);
  const { bad, n } = compareFigures(s.cells, expected, expectedFiles, 'sector');
  t.check(bad.length === 0 && n > 50, `${n} figures shown equal mf-aggregate's published ones${bad.length ? ':\n  ' + bad.join('\n  ') : ''}`);
  await t.screenshot('municipality-folder.png');

  const reload = async () => { await page.goto(`${t.origin}/kommune.html`, { waitUntil: 'load' }); await t.ready(); await settlePage(page); };

  // Loose files dropped (the result files and the .txt, no folder): their handles go to the workers
  // too, and each dropped file is taken whatever its name. The same drop without File System Access
  // handles (a browser without getAsFileSystemHandle) is read on the page's thread from the drop's
  // File objects: the same files, rejected names and figures.
  const loose = [...files.map((f) => path.join(folder, inSub(f) ? 'sub' : '', f)), path.join(folder, 'notes.txt')];
  const dropLoose = async () => {
    await dropPaths(page, loose);
    await waitLoaded(page, loose.length);
    await settlePage(page);
    return t.state();
  };
  // What the page sends its workers, recorded per worker: each is sent only the handles it needs (a
  // handle sent is a copy Chromium makes; 10,000 sent to every worker cost seconds and memory), in
  // its list's order, a few per message (mfTest.handleBatch: 2 here, a batch's worth in the page), so
  // the reads wait for handles still to come.
  await page.addInitScript(() => {
    window.mfPosted = [];
    const byWorker = new Map();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, transfer) {
      const hs = m && (m.handles || m.nextHandles);
      if (hs) {
        if (!byWorker.has(this)) { byWorker.set(this, { handles: [], messages: 0, names: m.names || null }); window.mfPosted.push(byWorker.get(this)); }
        const r = byWorker.get(this);
        r.handles.push(...hs.map((h) => `${h.kind}/${h.name}`));
        r.messages++;
      }
      return post.call(this, m, transfer);
    };
  });
  await reload();
  await page.evaluate((n) => { window.mfTest.workerFiles = n; window.mfTest.handleBatch = 2; }, PART);
  const beforeLoose = workers.length;
  const byWorkers = await dropLoose();
  t.check(workers.length >= beforeLoose + 2 && workers.slice(beforeLoose).every((w) => w.url.endsWith('/kommune.read.js')),
    `loose files dropped: listed and read by the page's workers (${workers.length - beforeLoose} started)`);
  const posted = await page.evaluate(() => window.mfPosted);
  const reads = posted.filter((p) => p.names);
  t.check(posted.length === 1 + reads.length && posted[0].names === null && posted[0].handles.length === 0 &&
    reads.length === Math.ceil(loose.length / PART) && reads.flatMap((p) => p.names).length === loose.length &&
    reads.every((p) => JSON.stringify(p.handles) === JSON.stringify(p.names.map((n) => `file/${n}`)) && p.messages === Math.ceil(p.names.length / 2)),
    `loose files dropped: the lister is sent no handle (they are files), and each of the ${reads.length} readers only its files', in its list's order, two per message (${posted.map((p) => `${p.handles.length} in ${p.messages}`).join(', ')})`);
  const rejectedLoose = byWorkers.municipality.rejectedDetails;
  t.check(byWorkers.municipality.files === loose.length && rejectedLoose.some((r) => r.startsWith('notes.txt: ')) &&
    rejectedLoose.every((r) => !r.slice(0, r.indexOf(': ')).includes('/')),
    `loose files dropped: all ${loose.length} read, the .txt among them, each named by its own name (${byWorkers.municipality.files} read)`);
  // mf-aggregate reads a folder's *.json files only: the dropped .txt is one more file read and rejected.
  const withTxt = { ...expectedFiles, read: expectedFiles.read + 1, rejected: expectedFiles.rejected + 1 };
  const looseFigures = compareFigures(byWorkers.cells, expected, withTxt, 'sector');
  t.check(looseFigures.bad.length === 0 && looseFigures.n > 50,
    `loose files dropped: ${looseFigures.n} figures equal mf-aggregate's (with the .txt read and rejected)${looseFigures.bad.length ? ':\n  ' + looseFigures.bad.join('\n  ') : ''}`);
  await reload();
  await page.evaluate(() => { delete DataTransferItem.prototype.getAsFileSystemHandle; });
  const beforeWalk = workers.length;
  const byPage = await dropLoose();
  const differLoose = Object.keys({ ...byWorkers.cells, ...byPage.cells }).filter((k) => byWorkers.cells[k] !== byPage.cells[k]);
  t.check(workers.length === beforeWalk && byPage.municipality.files === byWorkers.municipality.files &&
    JSON.stringify(byPage.municipality.rejectedDetails) === JSON.stringify(rejectedLoose) && differLoose.length === 0,
    `loose files dropped without File System Access handles: read on the page's thread, the same files, rejected names and ${Object.keys(byPage.cells).length} figures (${workers.length - beforeWalk} workers${differLoose.length ? '; differ: ' + differLoose.slice(0, 10).join(', ') : ''})`);

  // The pickers, their dialogs replaced (municipality_lib's stubPickers: showDirectoryPicker gives
  // the folder written to the origin's private file system, showOpenFilePicker the loose files
  // written to another of its folders). What was picked goes to the same workers as a drop: the same
  // names and figures as dropped, and no File object made on the page's thread (no <input>, so no
  // filechooser event).
  await stubPickers(page, { folder: 'results', files: 'loose' });
  await writeOpfsFolder(page, 'results', folderEntries(folder));
  await writeOpfsFolder(page, 'loose', loose.map((f) => [path.basename(f), fs.readFileSync(f)]));
  let choosers = 0;
  page.on('filechooser', () => { choosers++; });
  const d = driver(() => page);
  const sameAs = (ref, p, how) => {
    t.check(p.municipality.files === ref.municipality.files && p.municipality.announced === ref.municipality.announced &&
      p.municipality.arrived === ref.municipality.arrived,
      `${how}: the same files read and announced as dropped (${p.municipality.files} read, ${p.municipality.announced} announced, ${p.municipality.arrived} arrived)`);
    t.check(JSON.stringify(p.municipality.rejectedDetails) === JSON.stringify(ref.municipality.rejectedDetails),
      `${how}: the same rejected files, by the same names, as dropped`);
    const differ = Object.keys({ ...ref.cells, ...p.cells }).filter((k) => ref.cells[k] !== p.cells[k]);
    t.check(differ.length === 0 && Object.keys(p.cells).length > 50,
      `${how}: the same ${Object.keys(p.cells).length} figures as dropped${differ.length ? ': ' + differ.slice(0, 10).join(', ') : ''}`);
  };
  const empty = path.join(root, 'empty');
  fs.mkdirSync(empty);
  const PICKERS = [
    { button: 'muni-pick-folder', picker: 'folder', api: 'showDirectoryPicker', title: '"Vælg mappe"', ref: s, input: '<input webkitdirectory>',
      asked: (o) => o && o.mode === 'read' && typeof o.id === 'string',
      isInput: (el) => el.webkitdirectory, give: (chooser) => chooser.setFiles(folder), nothing: (chooser) => chooser.setFiles(empty) },
    { button: 'muni-pick-files', picker: 'files', api: 'showOpenFilePicker', title: '"Vælg resultatfiler"', ref: byWorkers, input: '<input multiple>',
      asked: (o) => o && o.multiple === true && typeof o.id === 'string' && JSON.stringify(o.types) === JSON.stringify([{ accept: { 'application/json': ['.json'] } }]),
      isInput: (el) => el.multiple && !el.webkitdirectory, give: (chooser) => chooser.setFiles(loose), nothing: (chooser) => chooser.setFiles([]) },
  ];
  for (const k of PICKERS) {
    const calls = () => page.evaluate(() => window.mfPickerCalls);
    const openInput = () => openFileChooser(page, async () => (await t.state()).items.find((i) => i.id === k.button), () => settlePage(page), 1);
    const clickButton = async () => { await settlePage(page); await d.click(k.button, { settle: false }); };

    await reload();
    choosers = 0; // the last picker's <input> cases opened some
    const readersBefore = workers.length;
    await clickButton();
    await waitLoaded(page, k.ref.municipality.files);
    await settlePage(page);
    const asked = await calls();
    t.check(asked.length === 1 && asked[0].picker === k.picker && k.asked(asked[0].options),
      `${k.title} opens ${k.api}, once, with its options (${JSON.stringify(asked)})`);
    t.check(choosers === 0, `${k.title}: and no <input type=file> (${choosers} filechooser events)`);
    t.check(workers.length > readersBefore && workers.slice(readersBefore).every((w) => w.url.endsWith('/kommune.read.js')),
      `${k.title}: what was picked is listed and read by the page's workers (${workers.length - readersBefore} started)`);
    sameAs(k.ref, await t.state(), `${k.title} by ${k.api}`);

    // A cancel in the dialog: nothing changes, no error is shown, no <input> opens.
    await reload();
    await page.evaluate(() => { window.mfPickerRejects = 'AbortError'; });
    const before = await t.state();
    await clickButton();
    await page.waitForTimeout(500);
    await settlePage(page);
    const after = await t.state();
    const status = await page.evaluate(() => { const el = document.getElementById('mf-status'); return el && !el.hidden ? el.textContent : ''; });
    t.check((await calls()).length === 1 && choosers === 0,
      `${k.title}: a cancel in ${k.api}: the dialog was asked once, and no <input> opened instead`);
    t.check(JSON.stringify(after.municipality) === JSON.stringify(before.municipality) && after.modal === before.modal &&
      after.screen === before.screen && !after.municipality.exportError && !after.exportError && status === '',
      `${k.title}: a cancel leaves the page as it was, with no error shown (${after.municipality.files} files, modal ${after.modal}, status "${status}")`);

    // Any other failure opens the <input> instead, and the button is the <input> from then on: the
    // dialog refused (a SecurityError, as without user activation), or something picked but no
    // worker to read it (Worker replaced by one that cannot start).
    for (const [how, fail] of [[`${k.api} refused (SecurityError)`, () => { window.mfPickerRejects = 'SecurityError'; }],
      ['picked, but no worker can start', () => { window.Worker = function () { throw new Error('no worker here'); }; }]]) {
      await reload();
      await page.evaluate(fail);
      const input = await openInput();
      const n = (await calls()).length;
      t.check(input && n === 1 && (await input.element().evaluate(k.isInput)),
        `${k.title}, ${how}: the ${k.input} opens instead (the dialog asked ${n} times)`);
      if (input) await k.nothing(input);
      const again = await openInput();
      const n2 = (await calls()).length;
      t.check(again && n2 === 1, `${k.title}, ${how}: the next click is the ${k.input} at once (the dialog asked ${n2} times in all)`);
      if (again) await k.nothing(again);
    }

    // A browser without the File System Access picker: the <input> as before, the same result.
    await reload();
    await page.evaluate((api) => { delete window[api]; }, k.api);
    const chooser = await openFileChooser(page, async () => (await t.state()).items.find((i) => i.id === k.button), () => settlePage(page));
    t.check(chooser && (await chooser.element().evaluate(k.isInput)), `without ${k.api}, ${k.title} opens the ${k.input}`);
    if (chooser) {
      await k.give(chooser);
      await waitLoaded(page, k.ref.municipality.files);
      await settlePage(page);
      sameAs(k.ref, await t.state(), `${k.title} by the ${k.input}`);
    }
  }
} catch (err) {
  await t.fail(err);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
await t.finish();
