// municipality.test.mjs - the municipality's overview in headless Chromium: result files chosen with
// the real file picker (several at once) and dropped on the page, the figures the app shows compared
// with what mf-aggregate wrote for the same files, the rejected files with their reasons, both
// duplicate policies, and "Export CSV" byte for byte against mf-aggregate's CSV.
//
// The files and mf-aggregate's outputs are in tests/data/municipality (made by
// scripts/make-municipality-fixtures.sh; tests/cli/municipality.test.sh checks that mf-aggregate
// still writes exactly those outputs). The figures are read from mfTest.state().municipality.figures:
// every figure cell as the app drew it ("54,3 %"), keyed by group/part/figure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { openFileChooser, settlePage } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../data/municipality');
const expected = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/summary.json'), 'utf8'));
const expectedKeep = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/summary-keep.json'), 'utf8'));
const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
const dropped = files.filter((f) => f.startsWith('bad-'));  // these come by drag and drop
const picked = files.filter((f) => !f.startsWith('bad-'));  // these through the file picker

const H = 1000;
const t = await openApp({ name: 'municipality', viewport: { width: 1280, height: H } });
const page = t.page;

const settle = () => settlePage(page);
async function item(id) {
  const it = (await t.state()).items.find((i) => i.id === id);
  if (!it) throw new Error(`no item "${id}" on the screen`);
  return it;
}
// Scrolls with the mouse wheel until the item is on screen, then returns it.
async function reveal(id) {
  for (let i = 0; i < 80; i++) {
    const it = await item(id);
    if (it.visible && it.y >= 0 && it.y + it.h < H - 5) return it;
    await page.mouse.move(120, H / 2); // beside the column: not over a scrolled list inside it
    await page.mouse.wheel(0, it.y > H / 2 ? Math.min(it.y - H / 2, 1500) : -Math.min(H / 2 - it.y, 1500));
    await settle();
  }
  throw new Error(`could not scroll "${id}" into view`);
}
async function click(id) {
  const it = await reveal(id);
  await page.mouse.click(it.x + Math.min(it.w / 2, 30), it.y + it.h / 2);
  await settle();
}
async function muni() { return (await t.state()).municipality; }
async function waitLoaded(count) {
  await page.waitForFunction((n) => {
    const m = window.mfTest.state().municipality;
    return m.files === n && !m.loading && !m.stale;
  }, count, { timeout: 20000 });
  await settle();
}

// "54,3 %" / "54.3%" / "+4,2" / "12" / "–" -> a number or null.
function value(text) {
  if (text === undefined) return undefined;
  if (text === '–') return null;
  return Number(text.replace(/[%\s]/g, '').replace(',', '.'));
}
// What the app shows must be mf-aggregate's figure rounded to one decimal (it writes them rounded).
function same(shown, want) {
  if (want === null || want === undefined) return shown === null;
  return shown !== null && shown !== undefined && Math.abs(shown - want) < 1e-9;
}
function partKey(p) { return p.kind === 'overall' ? 'overall' : `${p.kind}:${p.id}`; }

// Every figure the app drew against the summary JSON; returns how many were compared.
function compareFigures(m, summary, dimension, label) {
  const f = m.figures;
  const bad = [];
  let n = 0;
  const cmp = (id, want) => {
    n++;
    const shown = value(f[id]);
    if (!same(shown, want)) bad.push(`${id}: shown ${f[id]}, mf-aggregate ${want}`);
  };
  cmp('files/read', summary.files.read);
  cmp('files/accepted', summary.files.accepted);
  cmp('files/counted', summary.files.counted);
  cmp('files/superseded', summary.files.superseded);
  cmp('files/rejected', summary.files.rejected);
  cmp('files/change', summary.change.organisations);
  for (const g of summary.groups) {
    if (g.dimension === 'all') {
      for (const p of g.parts) {
        for (const k of ['n', 'mean', 'q1', 'median', 'q3']) cmp(`all/${partKey(p)}/${k}`, p[k]);
        for (const [level, count] of Object.entries(p.levels)) cmp(`levels/${partKey(p)}/${level}`, count);
      }
    } else if (g.dimension === dimension) {
      const key = `${g.dimension}/${g.group}/`;
      cmp(key + 'organisations', g.organisations);
      const overall = g.parts.find((p) => p.kind === 'overall');
      cmp(key + 'overall/n', overall.n);
      cmp(key + 'overall/mean', overall.mean);
      cmp(key + 'overall/median', overall.median);
      for (const p of g.parts.filter((x) => x.kind === 'principle')) cmp(`${key}${partKey(p)}/mean`, p.mean);
    }
  }
  if (summary.change.organisations > 0)
    for (const p of summary.change.parts.filter((x) => x.kind !== 'theme'))
      for (const k of ['n', 'mean', 'median', 'improved', 'unchanged', 'declined']) cmp(`change/${partKey(p)}/${k}`, p[k]);
  t.check(bad.length === 0, `${label}: ${n} figures shown equal mf-aggregate's${bad.length ? ':\n  ' + bad.join('\n  ') : ''}`);
  return n;
}

// The rejected files' lines, exactly as mf-aggregate reports them ("file: /pointer: message").
function rejectedLines(summary) {
  const lines = [];
  for (const f of summary.fileProblems)
    if (f.status === 'rejected')
      for (const p of f.problems)
        if (p.severity === 'error') lines.push(`${f.file}: ${p.pointer ? p.pointer + ': ' : ''}${p.message}`);
  return lines;
}

async function exportRows(label, want) {
  const b = await reveal('muni-export-rows');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.mouse.click(b.x + 30, b.y + b.h / 2),
  ]);
  const saved = path.join(t.out, `municipality-${label}.csv`);
  await download.saveAs(saved);
  const got = fs.readFileSync(saved);
  t.check(/^mangfoldighedstjek-organisationer-\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()),
    `the CSV download is named by date (${download.suggestedFilename()})`);
  t.check(Buffer.compare(got, want) === 0, `${label}: Export CSV gives mf-aggregate's CSV byte for byte (${got.length} / ${want.length} bytes)`);
}

try {
  await t.goto();
  await settle();
  await click('municipality');
  let m = await muni();
  t.check(m.open === true, 'the start screen leads to the municipality overview');
  await t.screenshot('municipality-empty.png');

  // Several files at once through the browser's own file picker (the real button).
  const chooser = await openFileChooser(page, () => reveal('muni-pick-files'), settle);
  t.check(!!chooser && chooser.isMultiple(), 'the button opens the file picker for several files');
  await chooser.setFiles(picked.map((f) => path.join(DATA, f)));
  await waitLoaded(picked.length);

  // The bad files dropped on the page together (a synthetic drop with real File objects).
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [name, body] of list) dt.items.add(new File([body], name, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, dropped.map((f) => [f, fs.readFileSync(path.join(DATA, f), 'utf8')]));
  await waitLoaded(files.length);
  m = await muni();
  t.check(m.files === files.length && m.announced === dropped.length, `picked and dropped files are all there (${m.files} of ${files.length})`);

  // Respondent data untouched: the municipality's files are not the respondent's import.
  const s = await t.state();
  t.check(s.modal === null && s.answerCount === 0, 'no import dialog and no answers: the files went to the overview');

  compareFigures(m, expected, 'sector', 'newest per CVR, by sector');
  const want = rejectedLines(expected);
  t.check(want.length >= 3 && JSON.stringify(m.rejected) === JSON.stringify(want),
    `every rejected file listed with mf-aggregate's reason:\n  ${m.rejected.join('\n  ')}`);
  t.check(m.superseded.length === expected.files.superseded && m.superseded.length > 0,
    `superseded files listed (${m.superseded.map((x) => x.file).join(', ')})`);
  await t.screenshot('municipality.png');
  await page.mouse.move(120, H / 2);
  await page.mouse.wheel(0, 800);
  await settle();
  await t.screenshot('municipality-figures.png');
  await reveal('muni-by-sector');
  await t.screenshot('municipality-levels.png');

  await click('muni-by-size');
  m = await muni();
  compareFigures(m, expected, 'size', 'newest per CVR, by size band');
  await t.screenshot('municipality-groups.png');
  await exportRows('rows', fs.readFileSync(path.join(DATA, 'expected/rows.csv')));
  await t.screenshot('municipality-export.png');

  // Keep every file: the figures and the CSV follow mf-aggregate --keep-duplicates.
  await click('muni-keep-all');
  await page.waitForFunction(() => !window.mfTest.state().municipality.stale, null, { timeout: 10000 });
  await settle();
  m = await muni();
  t.check(m.keepDuplicates === true, 'the duplicate policy can keep every file');
  compareFigures(m, expectedKeep, 'size', 'keep all');
  await exportRows('rows-keep', fs.readFileSync(path.join(DATA, 'expected/rows-keep.csv')));
  await t.screenshot('municipality-keep-all.png');

  // English, and back: the same figures in English number format.
  await click('lang-en');
  m = await muni();
  t.check(/^\d+\.\d%$|^\d+%$/.test(m.figures['all/overall/mean']), `English numbers (${m.figures['all/overall/mean']})`);
  await reveal('muni-pick-files');
  await t.screenshot('municipality-en.png');

  // Back to the self-assessment: the respondent's start screen, nothing of the files stored.
  await click('muni-back');
  const back = await t.state();
  t.check(back.municipality.open === false && back.screen === 'start', 'back leads to the start screen');
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join('\n'));
  const cvrs = fs.readFileSync(path.join(DATA, 'expected/rows.csv'), 'utf8').split('\r\n').slice(1).filter(Boolean).map((l) => l.split(';')[0]);
  t.check(cvrs.length > 0 && !cvrs.some((c) => stored.includes(c)) && !files.some((f) => stored.includes(f)),
    `nothing of the municipality's files is in localStorage (${cvrs.length} CVR numbers looked for)`);
} catch (err) {
  await t.fail(err);
}
await t.finish();
