// municipality.test.mjs - the municipality's overview in headless Chromium: result files chosen with
// the browser's upload dialog (several at once, the <input multiple>) and dropped on the page, the
// figures the app shows compared with mf-aggregate's published summary for the same files
// (disclosure control: the latest year, k = 5; municipality_lib.mjs), no count cell with a number
// under k, the rejected files with mf-aggregate's reasons, both duplicate policies, and "Export CSV"
// byte for byte against mf-aggregate's internal rows CSV. The accessible layer has the same
// figures: every table as an HTML table (caption, th scope="col"/"row") whose cells equal
// mf-aggregate's, nothing under k, every bar as text with its numbers; axe finds no violations
// there.
//
// The files and mf-aggregate's outputs are in tests/data/municipality (municipality_lib.mjs). The
// figures are read from mfTest.state().cells: every table cell as the app drew it ("54,3 %"),
// keyed by group/part/figure.
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { openFileChooser, settlePage, waitUntil } from './drive.mjs';
import { axeViolations, layerCells, layerTables, layerTexts, tablesMatch } from './a11y_lib.mjs';
import { DATA, compareBars, compareFigures, dropFiles, expected, expectedFiles, expectedFilesKeep, expectedRows, files, revealItem, smallCounts, tableCount, waitLoaded as loaded } from './municipality_lib.mjs';

const dropped = files.filter((f) => f.startsWith('bad-'));  // these come by drag and drop
const picked = files.filter((f) => !f.startsWith('bad-'));  // these through the file picker

const H = 1000;
const t = await openApp({ name: 'municipality', viewport: { width: 1280, height: H } });
const page = t.page;
// "Vælg resultatfiler" as in browsers without showOpenFilePicker (Firefox, Safari): the <input
// multiple>, which Playwright's file chooser drives. Chromium's File System Access dialog is
// municipality_folder.test.mjs's (it cannot be driven headless; that test replaces the dialog alone).
await page.addInitScript(() => { delete window.showOpenFilePicker; });

const settle = () => settlePage(page);
const reveal = (id) => revealItem(page, id, H);
async function press(id) { // a click that may leave the page: nothing is read from the page after it
  const it = await reveal(id);
  await page.mouse.click(it.x + Math.min(it.w / 2, 30), it.y + it.h / 2);
}
async function click(id) {
  await press(id);
  await settle();
}
async function muni() { return (await t.state()).municipality; }
async function waitLoaded(count) {
  await loaded(page, count);
  await settle();
}

// Every figure the app drew (its table cells) against the summary JSON.
async function checkFigures(summary, filesWanted, dimension, label) {
  const cells = (await t.state()).cells;
  const { bad, n } = compareFigures(cells, summary, filesWanted, dimension);
  t.check(bad.length === 0 && n > 50, `${label}: ${n} figures shown equal mf-aggregate's published ones${bad.length ? ':\n  ' + bad.join('\n  ') : ''}`);
  const small = smallCounts(cells, summary.disclosure.minGroup);
  t.check(small.length === 0, `${label}: no count under ${summary.disclosure.minGroup} is shown${small.length ? ':\n  ' + small.join('\n  ') : ''}`);
}

// The same in the accessible layer (shown, as a user of the skip link sees it): the tables as
// recorded, their figures equal mf-aggregate's, the bars' numbers as text, and axe finds nothing.
async function checkLayer(summary, filesWanted, dimension, label, shot) {
  await page.evaluate(() => document.querySelector('#mf-a11y-main h1').focus());
  await settle();
  const dom = await layerTables(page);
  const problems = tablesMatch((await t.state()).tables, dom);
  t.check(problems.length === 0 && dom.length === tableCount(summary),
    `${label}: the layer has the ${dom.length} tables as HTML tables with caption and row and column headers${problems.length ? ':\n  ' + problems.slice(0, 8).join('\n  ') : ''}`);
  const { bad, n } = compareFigures(layerCells(dom), summary, filesWanted, dimension);
  t.check(bad.length === 0 && n > 50, `${label}: the layer's ${n} figures equal mf-aggregate's published ones${bad.length ? ':\n  ' + bad.join('\n  ') : ''}`);
  const small = smallCounts(layerCells(dom), summary.disclosure.minGroup);
  t.check(small.length === 0, `${label}: the layer's tables show no count under ${summary.disclosure.minGroup}${small.length ? ':\n  ' + small.join('\n  ') : ''}`);
  const levelsTable = dom.find((d) => d.rows.length && d.rows[0][1] && d.rows[0][1].id.startsWith('levels/'));
  const levels = levelsTable.columns.slice(1).map((c, j) => [c.text, levelsTable.rows[0][j + 1].id.split('/').pop()]);
  const bars = compareBars(await layerTexts(page), summary, levels, dimension);
  t.check(bars.bad.length === 0 && bars.n > 0, `${label}: every bar's numbers are in the layer as text (${bars.n} bars)${bars.bad.length ? ':\n  ' + bars.bad.join('\n  ') : ''}`);
  const v = await axeViolations(page);
  t.check(v.length === 0, `${label}: axe finds no violations in the layer${v.length ? ':\n    ' + v.join('\n    ') : ''}`);
  if (shot) {
    await t.screenshot(shot + '.png');
    // The layer scrolled to the figures (it is a fixed panel: a full-page screenshot would miss them).
    for (const [i, part] of [['parts', 'all/'], ['levels', 'levels/'], ['groups', 'sector/'], ['cross', 'cross/'], ['questions', 'question/']].entries()) {
      await page.evaluate((prefix) => document.querySelector(`#mf-a11y td[data-mf-cell^="${prefix}"]`).closest('table').scrollIntoView(), part[1]);
      await t.screenshot(`${shot}-${i + 1}-${part[0]}.png`);
    }
  }
  await page.evaluate(() => document.activeElement.blur()); // back to the canvas
  await settle();
}

// The rejected files' lines, exactly as mf-aggregate reports them ("file: /pointer: message").
function rejectedLines(rows) {
  const lines = [];
  for (const f of rows.fileProblems)
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
  t.check(/^mangfoldighedstjek-organisationer-intern-\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()),
    `the CSV download is named by date (${download.suggestedFilename()})`);
  t.check(Buffer.compare(got, want) === 0, `${label}: Export CSV gives mf-aggregate's CSV byte for byte (${got.length} / ${want.length} bytes)`);
}

try {
  await t.goto();
  await settle();
  const storedBefore = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // The overview is a page of its own (kommune.html, its own .wasm); the start screen's button
  // leads there and takes the language and text size along.
  await t.follow(/\/kommune\.html\?lang=da&text=0$/, () => press('municipality'));
  await settle();
  let m = await muni();
  const first = await t.state();
  t.check(m.open === true && first.page === 'municipality' && first.screen === 'municipality',
    `the start screen leads to the municipality's page (${page.url().replace(t.origin, '')})`);
  t.check(!first.items.some((i) => i.id === 'start-over' || i.id === 'header-workshop'),
    "the overview's header has no respondent's buttons (start over, workshop)");
  await t.screenshot('municipality-empty.png');

  // Several files at once through the browser's own file picker (the real button).
  const chooser = await openFileChooser(page, () => reveal('muni-pick-files'), settle);
  t.check(!!chooser && chooser.isMultiple(), 'the button opens the file picker for several files');
  await chooser.setFiles(picked.map((f) => path.join(DATA, f)));
  await waitLoaded(picked.length);

  // The bad files dropped on the page together (a synthetic drop with real File objects).
  await dropFiles(page, dropped);
  await waitLoaded(files.length);
  m = await muni();
  t.check(m.files === files.length && m.announced === dropped.length, `picked and dropped files are all there (${m.files} of ${files.length})`);

  // Respondent data untouched: the municipality's files are not the respondent's import.
  const s = await t.state();
  t.check(s.modal === null && s.answerCount === 0, 'no import dialog and no answers: the files went to the overview');

  await checkFigures(expected, expectedFiles, 'sector', 'newest per CVR, by sector');
  await checkLayer(expected, expectedFiles, 'sector', 'newest per CVR, by sector', 'municipality-layer');
  const want = rejectedLines(expectedRows);
  t.check(want.length >= 3 && JSON.stringify(m.rejectedDetails) === JSON.stringify(want),
    `every rejected file listed with mf-aggregate's reason (its technical details):\n  ${m.rejectedDetails.join('\n  ')}`);
  t.check(m.superseded.length === expectedFiles.superseded && m.superseded.length > 0,
    `superseded files listed (${m.superseded.map((x) => x.file).join(', ')})`);
  await t.screenshot('municipality.png');
  await page.mouse.move(120, H / 2);
  await page.mouse.wheel(0, 800);
  await settle();
  await t.screenshot('municipality-figures.png');
  await reveal('muni-by-sector');
  await t.screenshot('municipality-levels.png');

  await click('muni-by-size');
  await checkFigures(expected, expectedFiles, 'size', 'newest per CVR, by size band');
  await checkLayer(expected, expectedFiles, 'size', 'newest per CVR, by size band');
  await reveal('muni-year');
  await t.screenshot('municipality-year-picker.png');
  await reveal('muni-by-size');
  await t.screenshot('municipality-groups-size.png');
  await t.screenshot('municipality-groups.png');
  await exportRows('rows', fs.readFileSync(path.join(DATA, 'expected/rows-intern.csv')));
  await t.screenshot('municipality-export.png');

  // Keep every file: the files table and the CSV follow mf-aggregate --keep-duplicates; the
  // published figures stay (a year takes each organisation's newest file of the year).
  await click('muni-keep-all');
  await waitUntil(page, () => !window.mfTest.state().municipality.stale, null, { timeout: 10000 });
  await settle();
  m = await muni();
  t.check(m.keepDuplicates === true, 'the duplicate policy can keep every file');
  await checkFigures(expected, expectedFilesKeep, 'size', 'keep all');
  await checkLayer(expected, expectedFilesKeep, 'size', 'keep all');
  await exportRows('rows-keep', fs.readFileSync(path.join(DATA, 'expected/rows-keep-intern.csv')));
  await t.screenshot('municipality-keep-all.png');

  // English, and back: the same figures in English number format; the choice is kept in the
  // page's address (the overview stores nothing), so a reload would keep it.
  await click('lang-en');
  const mean = (await t.state()).cells['all/overall/mean'];
  t.check(/^\d+\.\d%$|^\d+%$/.test(mean), `English numbers (${mean})`);
  t.check(/\/kommune\.html\?lang=en&text=0$/.test(page.url()), `the language is kept in the address (${page.url().replace(t.origin, '')})`);
  await reveal('muni-pick-files');
  await t.screenshot('municipality-en.png');
  await click('text-larger');
  t.check(/\/kommune\.html\?lang=en&text=1$/.test(page.url()) && (await t.state()).textSize === 1,
    `the text size is kept in the address too (${page.url().replace(t.origin, '')})`);
  await page.reload({ waitUntil: 'load' });
  await t.ready();
  const reloaded = await t.state();
  t.check(reloaded.language === 'en' && reloaded.textSize === 1 && reloaded.municipality.files === 0,
    `a reload keeps the language and text size, and forgets the files (${reloaded.language}, text ${reloaded.textSize}, ${reloaded.municipality.files} files)`);
  await click('text-smaller');

  // Back to the self-assessment: the respondent's start screen, and the overview stored nothing:
  // localStorage is as the respondent's page left it, none of the files' contents in it.
  await t.follow((u) => u.pathname === '/', () => press('muni-back'));
  await settle();
  const back = await t.state();
  t.check(back.page === 'respondent' && back.screen === 'start' && back.municipality.open === false, `back leads to the start screen (${back.page}, ${back.screen})`);
  const storedAfter = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  t.check(storedAfter === storedBefore, "the overview's page wrote nothing to localStorage");
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join('\n'));
  const cvrs = expectedRows.rows.map((r) => r.cvr);
  t.check(cvrs.length > 0 && !cvrs.some((c) => stored.includes(c)) && !files.some((f) => stored.includes(f)),
    `nothing of the municipality's files is in localStorage (${cvrs.length} CVR numbers looked for)`);
} catch (err) {
  await t.fail(err);
}
await t.finish();
