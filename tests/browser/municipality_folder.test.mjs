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
// Then the same folder by "Vælg mappe", the page's folder picker: where the browser has
// showDirectoryPicker the picked folder's handle goes to the same workers (platform_web.js,
// MF.pickFolder), with the dialog alone replaced (municipality_lib.mjs, stubFolderPicker: the folder
// from the origin's private file system): the picker asked once, no <input> opened, the same files,
// names and figures as dropped. A cancel in the dialog changes nothing and shows no error; a refusal
// or a worker that cannot start opens the <input webkitdirectory> instead. Without
// showDirectoryPicker the <input webkitdirectory> (Playwright's file chooser) gives the same again.
//
// Last, loose files dropped (no folder): read by the workers from their handles, every dropped file
// taken whatever its name; without getAsFileSystemHandle, read on the page's thread with the same result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { driver, dropPaths, openFileChooser, settlePage } from './drive.mjs';
import { DATA, compareFigures, expected, expectedFiles, expectedRows, files, folderEntries, stubFolderPicker, waitLoaded, writeOpfsFolder } from './municipality_lib.mjs';

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

  // "Vælg mappe": the same folder by the page's folder picker, its dialog replaced (municipality_lib's
  // stubFolderPicker: showDirectoryPicker gives the folder written to the origin's private file
  // system). The picked folder's handle goes to the same workers as the drop's: the same names, the
  // same figures, and no File object made on the page's thread (no <input>, so no filechooser event).
  await stubFolderPicker(page, 'results');
  await writeOpfsFolder(page, 'results', folderEntries(folder));
  let choosers = 0;
  page.on('filechooser', () => { choosers++; });
  const d = driver(() => page);
  const clickFolderButton = async () => { await settlePage(page); await d.click('muni-pick-folder', { settle: false }); };
  const reload = async () => { await page.goto(`${t.origin}/kommune.html`, { waitUntil: 'load' }); await t.ready(); await settlePage(page); };
  const sameAsDropped = (p, how) => {
    t.check(p.municipality.files === m.files && p.municipality.announced === m.announced && p.municipality.arrived === m.arrived,
      `${how}: the same files read and announced as dropped (${p.municipality.files} read, ${p.municipality.announced} announced, ${p.municipality.arrived} arrived)`);
    t.check(JSON.stringify(p.municipality.rejectedDetails) === JSON.stringify(m.rejectedDetails),
      `${how}: the same rejected files, by the same names ("results/sub/..."), as dropped`);
    const differ = Object.keys({ ...s.cells, ...p.cells }).filter((k) => s.cells[k] !== p.cells[k]);
    t.check(differ.length === 0 && Object.keys(p.cells).length > 50,
      `${how}: the same ${Object.keys(p.cells).length} figures as dropped${differ.length ? ': ' + differ.slice(0, 10).join(', ') : ''}`);
  };

  await reload();
  const readersBefore = workers.length;
  await clickFolderButton();
  await waitLoaded(page, files.length);
  await settlePage(page);
  const calls = await page.evaluate(() => window.mfPickerCalls);
  t.check(calls.length === 1 && calls[0] && calls[0].mode === 'read' && typeof calls[0].id === 'string',
    `"Vælg mappe" opens the File System Access folder picker, once, to read (${JSON.stringify(calls)})`);
  t.check(choosers === 0, `and no <input type=file> (${choosers} filechooser events)`);
  t.check(workers.length > readersBefore && workers.slice(readersBefore).every((w) => w.url.endsWith('/kommune.read.js')),
    `the picked folder is listed and read by the page's workers (${workers.length - readersBefore} started)`);
  sameAsDropped(await t.state(), 'the folder picker');

  // A cancel in the dialog: nothing changes, no error is shown, no <input> opens.
  await reload();
  await page.evaluate(() => { window.mfPickerRejects = 'AbortError'; });
  const before = await t.state();
  await clickFolderButton();
  await page.waitForTimeout(500);
  await settlePage(page);
  const after = await t.state();
  const status = await page.evaluate(() => { const el = document.getElementById('mf-status'); return el && !el.hidden ? el.textContent : ''; });
  t.check((await page.evaluate(() => window.mfPickerCalls.length)) === 1 && choosers === 0,
    'a cancel in the folder picker: the picker was asked once, and no <input> opened instead');
  t.check(JSON.stringify(after.municipality) === JSON.stringify(before.municipality) && after.modal === before.modal &&
    after.screen === before.screen && !after.municipality.exportError && !after.exportError && status === '',
    `a cancel leaves the page as it was, with no error shown (${after.municipality.files} files, modal ${after.modal}, status "${status}")`);

  // Any other failure opens the <input webkitdirectory> instead, and "Vælg mappe" is the <input>
  // from then on: the dialog refused (a SecurityError, as without user activation), or a folder
  // picked but no worker to read it (Worker replaced by one that cannot start).
  const empty = path.join(root, 'empty');
  fs.mkdirSync(empty);
  for (const [how, fail] of [['the folder picker refused (SecurityError)', () => { window.mfPickerRejects = 'SecurityError'; }],
    ['a folder picked but no worker can start', () => { window.Worker = function () { throw new Error('no worker here'); }; }]]) {
    await reload();
    await page.evaluate(fail);
    const input = await openFileChooser(page, async () => (await t.state()).items.find((i) => i.id === 'muni-pick-folder'), () => settlePage(page), 1);
    const asked = await page.evaluate(() => window.mfPickerCalls.length);
    t.check(input && asked === 1 && (await input.element().evaluate((el) => el.webkitdirectory)),
      `${how}: the <input webkitdirectory> opens instead (the picker asked ${asked} times)`);
    if (input) await input.setFiles(empty);
    const again = await openFileChooser(page, async () => (await t.state()).items.find((i) => i.id === 'muni-pick-folder'), () => settlePage(page), 1);
    const asked2 = await page.evaluate(() => window.mfPickerCalls.length);
    t.check(again && asked2 === 1, `${how}: the next "Vælg mappe" is the <input> at once (the picker asked ${asked2} times in all)`);
    if (again) await again.setFiles(empty);
  }

  // A browser without showDirectoryPicker: the <input webkitdirectory> as before, the same result.
  await reload();
  await page.evaluate(() => { delete window.showDirectoryPicker; });
  const chooser = await openFileChooser(page, async () => (await t.state()).items.find((i) => i.id === 'muni-pick-folder'), () => settlePage(page));
  t.check(chooser && (await chooser.element().evaluate((el) => el.webkitdirectory)),
    'without showDirectoryPicker, "Vælg mappe" opens the <input webkitdirectory>');
  if (chooser) {
    await chooser.setFiles(folder);
    await waitLoaded(page, files.length);
    await settlePage(page);
    sameAsDropped(await t.state(), 'the <input webkitdirectory>');
  }

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
  await reload();
  const beforeLoose = workers.length;
  const byWorkers = await dropLoose();
  t.check(workers.length >= beforeLoose + 2 && workers.slice(beforeLoose).every((w) => w.url.endsWith('/kommune.read.js')),
    `loose files dropped: listed and read by the page's workers (${workers.length - beforeLoose} started)`);
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
} catch (err) {
  await t.fail(err);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
await t.finish();
