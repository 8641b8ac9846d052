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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { settlePage } from './drive.mjs';
import { DATA, compareFigures, expected, expectedFiles, expectedRows, files, waitLoaded } from './municipality_lib.mjs';

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

  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, x: 640, y: 450, data });
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
} catch (err) {
  await t.fail(err);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
await t.finish();
