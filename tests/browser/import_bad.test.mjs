// import_bad.test.mjs - every bad result file in tests/data/results/bad/ through the app's real
// import, after some questions have been answered: through the hidden file input the platform layer
// creates (#mf-file-picker, what the "Load an earlier result" button opens), and some by drag and
// drop. Each must show its dialog with exactly the messages of expected.txt (an error dialog when a
// message is an error; otherwise the "what to do" dialog listing the warnings, which is cancelled),
// and leave the answers in the app and in the saved session exactly as they were.
// Then a 100 MB file, made here and deleted after: refused before it is read, with a "too large"
// message, and the page goes on working.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';
import { BAD_RESULTS, readExpectations } from './expectations.mjs';

const t = await openApp({ name: 'import_bad' });
const page = t.page;
const d = driver(() => page);
const expected = readExpectations();
const saved = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('mangfoldighedstjek.')).sort());
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The dialog is drawn once its modal is reported (a popup opens the frame after it is asked for).
async function importThrough(how, file) {
  if (how === 'picker') await page.setInputFiles('#mf-file-picker', file);
  else await d.dropFile(path.basename(file), fs.readFileSync(file));
  await waitUntil(page, () => { const s = window.mfTest.state(); return s.import !== null && s.modal !== null; }, null, { timeout: 15000 });
  await d.settle(); // the dialog sizes itself over a frame or two: its buttons move until then
}

// The dialog sits in the middle of the screen: its button is clicked where it is drawn.
async function closeDialog(s, id) {
  const it = s.items.find((i) => i.id === id);
  if (!it) throw new Error(`the dialog has no "${id}" button`);
  await page.mouse.click(it.x + Math.min(it.w / 2, 30), it.y + it.h / 2);
  await waitUntil(page, () => window.mfTest.state().modal === null, null, { timeout: 15000 });
}

try {
  await t.goto();
  await d.click('start');
  await d.click('next');
  await d.answerSome(6, (items) => items[items.length - 1]);
  const before = await d.state();
  const savedBefore = await saved();
  t.check(Object.keys(before.answers).length >= 5 && savedBefore.length > 0,
    `some answers given and saved (${Object.keys(before.answers).length})`);

  const files = fs.readdirSync(BAD_RESULTS).filter((f) => f.endsWith('.json')).sort();
  t.check(files.length >= 20 && files.every((f) => expected.has(f)), `${files.length} bad result files, each with its expected messages`);
  let n = 0, shot = false;
  for (const name of files) {
    const want = expected.get(name);
    await importThrough(n++ % 4 === 3 ? 'drop' : 'picker', path.join(BAD_RESULTS, name));
    const s = await d.state();
    const rejected = want.errors.length > 0;
    const shown = rejected ? s.import.errorDetails : s.import.warningDetails;
    const wanted = rejected ? want.errors : want.warnings;
    t.check(s.modal === (rejected ? 'import-error' : 'import') && s.import.file === name && same(shown, wanted),
      `${name}: ${rejected ? 'error' : 'warning'} dialog with ${wanted.length === 1 ? `"${wanted[0]}"` : JSON.stringify(wanted)}` +
      (same(shown, wanted) && s.modal === (rejected ? 'import-error' : 'import') ? '' : `\n    got ${s.modal}: ${JSON.stringify(s.import)}`));
    if (rejected && !shot) {
      await t.screenshot('import-bad-error.png');
      shot = true;
    }
    if (name === 'tampered_checksum.json') await t.screenshot('import-bad-warning.png');
    await closeDialog(s, rejected ? 'import-ok' : 'import-cancel');
    const after = await d.state();
    t.check(after.modal === null && same(after.answers, before.answers) && same(await saved(), savedBefore),
      `${name}: dialog closed, answers and saved session untouched` + (same(after.answers, before.answers) ? "" : `\n    before ${JSON.stringify(before.answers)}\n    after  ${JSON.stringify(after.answers)} modal ${after.modal}`));
  }

  // 100 MB: made here (never committed), refused before it is read.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-huge-'));
  const huge = path.join(dir, 'huge-result.json');
  const fd = fs.openSync(huge, 'w');
  fs.writeSync(fd, '{"format": "mangfoldighedstjek/result", "formatVersion": 1, "padding": "');
  const chunk = Buffer.alloc(1 << 20, 'x');
  for (let i = 0; i < 100; i++) fs.writeSync(fd, chunk);
  fs.writeSync(fd, '"}\n');
  fs.closeSync(fd);
  const size = fs.statSync(huge).size;
  const t0 = Date.now();
  await importThrough('picker', huge);
  const ms = Date.now() - t0;
  fs.rmSync(dir, { recursive: true, force: true });
  let s = await d.state();
  t.check(s.modal === 'import-error' && same(s.import.errors, [`the file is too large: ${size} bytes; the limit is 2097152 bytes`]),
    `a ${(size / 1048576).toFixed(0)} MB file is refused as too large (${JSON.stringify(s.import.errors)})`);
  console.log(`     the 100 MB file was refused in ${ms} ms (file input to dialog)`);
  await t.screenshot('import-bad-huge.png');
  await closeDialog(s, 'import-ok');
  s = await d.state();
  t.check(same(s.answers, before.answers) && same(await saved(), savedBefore), 'after the 100 MB file the answers are untouched');
  // The tab still works: another answer goes in and is saved.
  const [more] = await d.answerSome(1);
  s = await d.state();
  t.check(!!more && s.answers[more.question] !== undefined, `the page still answers clicks (${more && more.question})`);
} catch (e) {
  await t.fail(e);
}
await t.finish();
