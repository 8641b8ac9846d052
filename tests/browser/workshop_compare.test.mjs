// workshop_compare.test.mjs - coverage in the workshop's comparison and presentation mode opening on
// the chart: each organisation's answered/total is shown beside its scores and in its tick box; one
// with fewer than 80 % of its questions answered is shown apart ("For få svar til at sammenligne"),
// not in the chart and table, unless asked for (then marked); presentation mode switched on from the
// list opens the comparison with its chart first on screen and first in the accessible layer, the
// controls after the table. Screenshots of the comparison in Danish and English.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';
import { control } from './a11y_lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const t = await openApp({ name: 'workshop_compare' });
const page = t.page;
const d = driver(() => page);
const HEADER = new Set(['lang-da', 'lang-en', 'text-smaller', 'text-larger', 'header-workshop', 'start-over']);

try {
  await t.goto();
  await page.evaluate(() => localStorage.clear());
  await t.goto();
  await d.click('workshop');
  const file = fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'result-da.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, file);
  await waitUntil(page, () => window.mfTest.state().workshop.batch >= 1, null, { timeout: 15000 });
  await d.settle();
  await d.typeInto('new-name', 'Nørrebro Bageri ApS');
  await d.click('add');
  await d.click('header-workshop');
  let s = await t.state();
  const [full, few] = s.workshop.entries;
  t.check(s.workshop.entries.length === 2 && few.name === 'Nørrebro Bageri ApS', `two organisations (${s.workshop.entries.map((e) => e.name)})`);

  await d.click('to-compare');
  s = await t.state();
  const bar = s.items.find((i) => i.id === `cmp-bar:${full.id}:overall`);
  t.check(!!bar && / %\s+·\s+\d+ af \d+ besvaret$/.test(bar.value), `the overall bar says how much is answered beside the score (${bar && bar.value})`);
  const pick = s.items.find((i) => i.id === `cmp-pick:${few.id}`);
  t.check(!!pick && pick.label.endsWith('· 0 af 31 besvaret'), `so does the tick box (${pick && pick.label})`);
  t.check(`cmp:${full.id}:overall` in s.cells && !(`cmp:${few.id}:overall` in s.cells) && !s.items.some((i) => i.id.startsWith(`cmp-bar:${few.id}:`)),
    'the one with too few answers is not in the chart or the table');
  const apart = s.notices.find((n) => n.id === `cmp-few:${few.id}`);
  t.check(!!apart && apart.text.includes('Nørrebro Bageri ApS: 0 af 31 besvaret'), `it is shown apart with its coverage (${apart && apart.text})`);
  const layerText = await page.evaluate(() => document.getElementById('mf-a11y-main').textContent);
  t.check(layerText.includes('For få svar til at sammenligne') && layerText.includes('Nørrebro Bageri ApS: 0 af 31 besvaret'),
    'and so in the accessible layer');
  await t.screenshot('workshop-compare-coverage-da.png');

  await d.click('cmp-include-few');
  s = await t.state();
  t.check(`cmp:${few.id}:overall` in s.cells && s.cells[`cmp:${few.id}:answered`] === '0 / 31 (for få svar)',
    `asked for, it is compared and marked (${s.cells[`cmp:${few.id}:answered`]})`);
  await d.click('cmp-include-few');

  await d.click('lang-en');
  s = await t.state();
  const apartEn = s.notices.find((n) => n.id === `cmp-few:${few.id}`);
  t.check(!!apartEn && apartEn.text.includes('0 of 31 answered'), `in English too (${apartEn && apartEn.text})`);
  await t.screenshot('workshop-compare-coverage-en.png');
  await d.click('lang-da');

  // Presentation mode from the list opens on the chart.
  await d.click('back');
  await d.click('presentation');
  s = await t.state();
  const content = s.items.filter((i) => !HEADER.has(i.id));
  t.check(s.screen === 'compare' && s.workshop.presentation, `presentation mode opens the comparison (${s.screen})`);
  t.check(content.length > 0 && content[0].id === `cmp-bar:${full.id}:overall` && content[0].visible,
    `its first item is the chart, on screen (${content[0] && content[0].id}, visible ${content[0] && content[0].visible})`);
  const order = await page.evaluate(([backSel]) => {
    const table = document.querySelector('#mf-a11y-main table');
    const back = document.querySelector(backSel);
    return table && back ? !!(table.compareDocumentPosition(back) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
  }, [control('back')]);
  t.check(order === true, `in the layer the chart and table come before the controls (${order})`);
  await t.screenshot('workshop-compare-presentation.png');
  await page.keyboard.press('F2');
  await d.settle();
} catch (err) {
  await t.fail(err);
}
await t.finish();
