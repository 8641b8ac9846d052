// a11y_axe.test.mjs - axe-core on every screen of the app, through the accessible DOM layer
// (src/platform/a11y_web.js): start, profile (empty and with a validation message), every theme,
// the review of unanswered questions, results (with and without a comparison, Danish and English),
// the action plan, the export (blocked and ready), the import dialog, the import error dialog,
// the start-over dialog, the workshop list and the municipality overview (empty, and with result
// files: its tables of figures as HTML tables equal to mf-aggregate's figures, its bars as text). Zero violations of WCAG 2.0/2.1/2.2 A and AA and axe's best practices.
// Also: the layer mirrors the screen (the same headings and controls as the app's own record) and
// its controls act on the app. Screenshots of the layer: test-output/a11y-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { AXE_VERSION, axeViolations, control, injectAxe, layerCells, layerClick, layerTables, layerTexts, tablesMatch } from './a11y_lib.mjs';
import { compareBars, compareFigures, dropFiles, expected, expectedFiles, files as muniFiles, smallCounts, tableCount, waitLoaded } from './municipality_lib.mjs';
import { driver, waitLanguage } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const t = await openApp({ name: 'a11y_axe' });
const page = t.page;
const d = driver(() => page);
const screens = [];

// The layer visible (focus on its first heading), then axe, then a screenshot.
async function audit(name) {
  await d.settle();
  await page.evaluate(() => {
    const c = document.querySelector('#mf-a11y [role="dialog"]') || document.querySelector('#mf-a11y-main');
    (c.querySelector('h1, h2') || c).focus();
  });
  const s = await t.state();
  const v = await axeViolations(page);
  screens.push(name);
  t.check(v.length === 0, `axe: ${name} (${s.screen}${s.modal ? ', ' + s.modal : ''}): no violations${v.length ? ':\n    ' + v.join('\n    ') : ''}`);
  await t.screenshot(`a11y-${name}.png`);
}

// Every interactive item the app drew (outside an open combo list) has its control in the layer,
// with the app's label and state.
async function mirrors(name) {
  const s = await t.state();
  const dom = await page.evaluate(() => [...document.querySelectorAll('#mf-a11y [data-mf-id]')].map((e) => ({
    id: e.getAttribute('data-mf-id'), tag: e.tagName, type: e.type, checked: e.checked === true, value: e.value,
    label: e.labels && e.labels.length ? e.labels[0].textContent : e.textContent,
  })));
  const byId = new Map(dom.map((d) => [d.id, d]));
  const problems = [];
  for (const it of s.items) {
    if (it.kind === 'option' || it.kind === 'chart') continue;
    // The drawn calendar is not mirrored: the layer's date field is the browser's own
    // <input type="date">, which brings its own picker (checked below as a date input).
    if (it.kind === 'calendar-button' || it.kind === 'calendar-day') continue;
    const d = byId.get(it.id);
    if (!d) { problems.push(`${it.id} missing`); continue; }
    if (d.label !== it.label) problems.push(`${it.id}: label "${d.label}" != "${it.label}"`);
    if ((it.kind === 'radio' || it.kind === 'checkbox') && d.checked !== it.checked) problems.push(`${it.id}: checked ${d.checked}`);
    if (it.kind === 'input' && d.value !== it.value) problems.push(`${it.id}: value "${d.value}" != "${it.value}"`);
    if (it.kind === 'date' && (d.type !== 'date' || d.value !== it.value)) problems.push(`${it.id}: date field ${d.type} "${d.value}" != "${it.value}"`);
  }
  t.check(problems.length === 0 && dom.length > 0, `${name}: the layer has every control of the screen with its label and state (${dom.length})${problems.length ? ': ' + problems.slice(0, 5).join('; ') : ''}`);
}

try {
  await t.goto();
  await page.waitForSelector('#mf-skip', { state: 'attached' }); // the layer is built just after the first frame
  await injectAxe(page);
  console.log(`     axe-core ${AXE_VERSION}`);

  // The page before anyone uses the layer: hidden, first Tab stop is the skip link.
  const pre = await page.evaluate(() => {
    const r = document.getElementById('mf-a11y').getBoundingClientRect();
    const first = document.body.firstElementChild;
    return { w: r.width, h: r.height, first: first && first.id, canvasHidden: document.getElementById('canvas').getAttribute('aria-hidden') };
  });
  t.check(pre.w <= 1 && pre.h <= 1, `the layer is visually hidden until it has the focus (${pre.w}x${pre.h})`);
  t.check(pre.first === 'mf-skip', `the skip link is the page's first element (${pre.first})`);
  t.check(pre.canvasHidden === 'true', 'the canvas is hidden from assistive technology (the layer stands for it)');
  const hiddenViolations = await axeViolations(page);
  t.check(hiddenViolations.length === 0, `axe: start screen with the layer hidden: no violations${hiddenViolations.length ? ':\n    ' + hiddenViolations.join('\n    ') : ''}`);

  await audit('start');
  await mirrors('start');
  const shown = await page.evaluate(() => document.getElementById('mf-a11y').getBoundingClientRect().width);
  t.check(shown > 600, `with the focus inside, the layer is shown over the canvas (${shown} px wide)`);

  // The municipality's overview: a page of its own (kommune.html), reached from the start screen's
  // button in the layer; mirrored through the same registry, with no code of its own in the layer.
  await t.follow(/\/kommune\.html\?/, () => page.click(control('municipality')));
  await page.waitForSelector('#mf-skip', { state: 'attached' });
  await audit('municipality');
  await mirrors('municipality');
  // With result files: every figure is in the layer, in tables and in the bars' texts.
  await dropFiles(page, muniFiles);
  await waitLoaded(page, muniFiles.length);
  await audit('municipality-figures');
  await mirrors('municipality with files');
  const dom = await layerTables(page);
  const problems = tablesMatch((await t.state()).tables, dom);
  t.check(problems.length === 0 && dom.length === tableCount(expected),
    `municipality: the layer has its ${dom.length} tables with caption, th scope="col" and th scope="row"${problems.length ? ':\n    ' + problems.slice(0, 8).join('\n    ') : ''}`);
  const figures = compareFigures(layerCells(dom), expected, expectedFiles, 'sector');
  const small = smallCounts(layerCells(dom), expected.disclosure.minGroup);
  t.check(small.length === 0, `municipality: the layer's tables show no count under ${expected.disclosure.minGroup}${small.length ? ':\n    ' + small.join('\n    ') : ''}`);
  t.check(figures.bad.length === 0 && figures.n > 50, `municipality: the layer's ${figures.n} figures equal mf-aggregate's${figures.bad.length ? ':\n    ' + figures.bad.join('\n    ') : ''}`);
  const lt = dom.find((x) => x.rows.length && x.rows[0][1] && x.rows[0][1].id.startsWith('levels/'));
  const bars = compareBars(await layerTexts(page), expected, lt.columns.slice(1).map((c, j) => [c.text, lt.rows[0][j + 1].id.split('/').pop()]), 'sector');
  t.check(bars.bad.length === 0 && bars.n > 0, `municipality: the bars' numbers are in the layer (${bars.n} bars)${bars.bad.length ? ':\n    ' + bars.bad.join('\n    ') : ''}`);
  await layerClick(page, 'muni-clear');
  await t.follow((u) => !/kommune/.test(u.pathname), () => page.click(control('muni-back')));
  await page.waitForSelector('#mf-skip', { state: 'attached' });

  await layerClick(page, 'start');
  let s = await t.state();
  t.check(s.screen === 'profile', `the layer's start button starts (${s.screen})`);
  await audit('profile');
  await mirrors('profile');
  // A validation message: typed into the layer's field, shown and tied to the field.
  await page.focus(control('profile:cvr'));
  await page.keyboard.type('12345678');
  await page.keyboard.press('Tab');
  await d.settle();
  const cvr = await page.evaluate((sel) => {
    const e = document.querySelector(sel);
    const ids = (e.getAttribute('aria-describedby') || '').split(' ');
    return { invalid: e.getAttribute('aria-invalid'), described: ids.map((i) => document.getElementById(i).textContent).join(' / ') };
  }, control('profile:cvr'));
  s = await t.state();
  t.check(!!s.messages['profile:cvr'] && cvr.invalid === 'true' && cvr.described.includes(s.messages['profile:cvr']),
    `a bad CVR number typed in the layer: the app's message is tied to the field (${cvr.described})`);
  await audit('profile-message');

  await layerClick(page, 'next');
  s = await t.state();
  for (let theme = 0; theme < s.themeCount; theme++) {
    s = await t.state();
    t.check(s.screen === 'theme' && s.theme === theme, `theme ${theme + 1} (${s.themeId})`);
    if (theme === 0) {
      // One answer through the layer, so that there is a result.
      const first = s.items.find((i) => i.kind === 'radio');
      await layerClick(page, first.id);
      const after = (await t.state()).items.find((i) => i.id === first.id);
      t.check(after && after.checked, `a radio button in the layer answers the question (${first.id})`);
      const help = s.items.find((i) => i.id.startsWith('help:'));
      await layerClick(page, help.id);
    }
    await audit(`theme-${theme + 1}`);
    if (theme === 0) await mirrors('theme 1');
    await layerClick(page, 'next');
  }
  s = await t.state();
  t.check(s.screen === 'review', `unanswered questions lead to the review (${s.screen})`);
  await audit('review');
  await layerClick(page, 'results');
  await audit('results-few');
  await layerClick(page, 'next');
  s = await t.state();
  const suggestion = s.items.find((i) => i.id.startsWith('suggest:'));
  await layerClick(page, suggestion.id);
  await audit('plan');
  await mirrors('plan');
  await layerClick(page, 'next');
  await audit('export-blocked');

  // Dialogs: a broken file, then a good one.
  await d.dropFile('broken.json', '{"format": "mangfoldighedstjek/result", ');
  await audit('import-error');
  const dlg = await page.evaluate(() => {
    const d = document.querySelector('#mf-a11y [role="dialog"]');
    return d && { modal: d.getAttribute('aria-modal'), name: document.getElementById(d.getAttribute('aria-labelledby')).textContent,
      mainInert: document.getElementById('mf-a11y-main').inert, focusInside: d.contains(document.activeElement) };
  });
  t.check(dlg && dlg.modal === 'true' && dlg.name.length > 0 && dlg.mainInert, `the error is a modal dialog named by its heading, the screen under it inert (${dlg && dlg.name})`);
  await layerClick(page, 'import-ok');
  s = await t.state();
  t.check(s.modal === null, 'OK in the layer closes the dialog');

  const good = fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8');
  await d.dropFile('result-da.json', good);
  await audit('import');
  await layerClick(page, 'import-continue-confirm');
  s = await t.state();
  t.check(s.screen === 'results' && s.planAreas === 3, `continuing in the layer loads the file (${s.screen}, ${s.planAreas} focus areas)`);
  await audit('results');
  await mirrors('results');
  await d.dropFile('earlier.json', fs.readFileSync(path.join(here, '../data/report/earlier.json'), 'utf8'));
  await layerClick(page, 'import-compare-confirm');
  s = await t.state();
  t.check(s.earlier === 'earlier.json', `compared with an earlier result (${s.earlier})`);
  await audit('results-compare');
  await layerClick(page, 'step-plan');
  await audit('plan-full');
  await mirrors('plan (full)');
  await layerClick(page, 'step-export');
  await audit('export');
  await layerClick(page, 'lang-en');
  await waitLanguage(page, 'en');
  s = await t.state();
  const lang = await page.evaluate(() => document.documentElement.lang);
  t.check(s.language === 'en' && lang === 'en', `English in the layer: the page's language follows (${lang})`);
  await layerClick(page, 'step-results');
  await audit('results-en');
  await layerClick(page, 'start-over');
  await audit('start-over');
  await layerClick(page, 'start-over-cancel');
  s = await t.state();
  t.check(s.modal === null && s.answerCount > 0, 'cancelling start over in the layer keeps the answers');
  // The workshop list, when this build has it.
  if (s.items.some((i) => i.id === 'header-workshop')) {
    await layerClick(page, 'header-workshop');
    await audit('workshop');
    await mirrors('workshop');
  } else {
    console.log('     note: no workshop mode in this build');
  }
  t.check(screens.length >= 20, `axe ran on ${screens.length} screens`);
} catch (e) {
  await t.fail(e);
}
await t.finish();
