// storage_failure.test.mjs - when the browser will not store anything, the app says so plainly and
// export still works. Two ways storage fails, each made real in the page before the app starts:
//   quota    localStorage.setItem throws QuotaExceededError (storage full)
//   denied   touching window.localStorage throws SecurityError (storage blocked, some private modes)
// For each: the notice is on the first screen already (da, then en), and after a result file is
// loaded (answers and plan in memory only) the export downloads a valid result file with exactly
// those answers and a checksum that matches its content.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { driver, waitLanguage, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const goodFile = path.join(here, '../data/results/good/result.json');
const good = JSON.parse(fs.readFileSync(goodFile, 'utf8'));

// The checksum as docs/result-format.md defines it: SHA-256 of the document without "checksum",
// compact, keys sorted (JavaScript prints these numbers the way the app does).
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
function checksumOf(doc) {
  const rest = { ...doc };
  delete rest.checksum;
  return 'sha256:' + crypto.createHash('sha256').update(canonical(rest), 'utf8').digest('hex');
}

const t = await openApp({ name: 'storage_failure' });
const page = t.page;
const d = driver(() => page);

// Runs in the page before any script of the app. The mode comes from the URL (?storage=...).
await t.context.addInitScript(() => {
  const mode = new URLSearchParams(location.search).get('storage');
  if (mode === 'quota') {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  } else if (mode === 'denied') {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  }
});

try {
  t.check(good.checksum === checksumOf(good), 'the test computes checksums the way the app does (good/result.json)');
  for (const mode of ['quota', 'denied']) {
    await t.goto(`?storage=${mode}`);
    let s = await d.state();
    let notice = s.notices.find((n) => n.id === 'storage-failed');
    t.check(s.storageFailed === true && !!notice && notice.tone === 'warning' && notice.y >= 0 && notice.y < 300 &&
      /bliver ikke gemt/.test(notice.text) && /[Ee]ksporter/.test(notice.text),
      `${mode}: the start screen says at the top, in Danish, that answers are not saved and to export ("${notice && notice.text}")`);
    await t.screenshot(`storage-${mode}-start.png`);

    // Answers and a plan arrive (here from a file; typed answers take the same path).
    await d.dropFile('good.json', fs.readFileSync(goodFile, 'utf8'));
    await d.click('import-continue-confirm');
    s = await d.state();
    t.check(JSON.stringify(s.answers) === JSON.stringify(good.answers), `${mode}: the loaded answers are in the app (${Object.keys(s.answers).length})`);
    await d.click('lang-en');
    await waitLanguage(page, 'en');
    s = await d.state();
    notice = s.notices.find((n) => n.id === 'storage-failed');
    t.check(!!notice && /not being saved/.test(notice.text) && /[Ee]xport your result/.test(notice.text),
      `${mode}: in English too, and still shown after changes ("${notice && notice.text}")`);

    // The "Loaded" confirmation goes away after a few seconds and the screen moves up with it:
    // wait for that first, so the export button stays where it is clicked.
    await waitUntil(page, () => window.mfTest.state().notice === '', null, { timeout: 20000 });
    await d.click('step-export');
    s = await d.state();
    t.check(s.screen === 'export', `${mode}: the export screen (${s.screen})`);
    await t.screenshot(`storage-${mode}-export.png`);
    const button = await d.reveal('export');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10000 }),
      page.mouse.click(button.x + 20, button.y + button.h / 2),
    ]);
    const saved = path.join(t.out, `storage-${mode}-export.json`);
    await download.saveAs(saved);
    const doc = JSON.parse(fs.readFileSync(saved, 'utf8'));
    t.check(doc.format === 'mangfoldighedstjek/result' && doc.formatVersion === 2, `${mode}: the export is a result file of the current format (2)`);
    t.check(JSON.stringify(doc.answers) === JSON.stringify(good.answers), `${mode}: with exactly the answers in the app`);
    t.check(JSON.stringify(doc.actionPlan) === JSON.stringify(good.actionPlan), `${mode}: and the action plan`);
    t.check(doc.checksum === checksumOf(doc), `${mode}: its checksum matches its content (${doc.checksum.slice(0, 20)}…)`);
    await d.settle();
    s = await d.state();
    t.check(s.exportError === '' && s.lastExport === download.suggestedFilename(), `${mode}: the app reports the export (${s.lastExport})`);
  }

  // Storage that works again: no notice (the notice is about this browser's state, not sticky).
  await t.goto('');
  const s = await d.state();
  t.check(s.storageFailed === false && !s.notices.some((n) => n.id === 'storage-failed'), 'with working storage there is no notice');
} catch (e) {
  await t.fail(e);
}
await t.finish();
