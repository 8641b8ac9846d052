// municipality_goals.test.mjs - the overview shows the goal follow-up of the year (issue 17, item 5)
// as mf-aggregate publishes it: with tests/data/goals (40 generated organisations in one workshop
// bundle, 7 of them following up an earlier plan) dropped on kommune.html, the section "Opfølgning
// på handlingsplaner" says how many organisations follow up, and its table has the goals per status
// with their shares exactly as tests/data/goals/expected/summary.json (mf-aggregate's published summary,
// checked against the tool by tests/cli/municipality.test.sh); the progress towards the target,
// which the small-group rule holds back there (6 goals from fewer than 5 organisations), is not
// shown. The accessible layer has the same table. Screenshot: test-output/municipality-goals-da.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { settlePage, waitUntil } from './drive.mjs';
import { layerTables, tablesMatch } from './a11y_lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOALS = path.resolve(here, '../data/goals');
const summary = JSON.parse(fs.readFileSync(path.join(GOALS, 'expected', 'summary.json'), 'utf8'));
const bundle = fs.readFileSync(path.join(GOALS, 'goals-bundle.json'), 'utf8');
const H = 1000;
const t = await openApp({ name: 'municipality_goals', viewport: { width: 1280, height: H } });
const page = t.page;
const number = (text) => Number(String(text).replace(/\s|%/g, '').replace(',', '.'));

try {
  await t.goto('kommune.html?lang=da&text=0');
  await settlePage(page);
  await page.evaluate((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'goals-bundle.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bundle);
  await waitUntil(page, () => {
    const m = window.mfTest.state().municipality;
    return m.files > 0 && !m.loading && !m.stale;
  }, null, { timeout: 20000 });
  await settlePage(page);
  const goals = summary.goals;
  t.check(goals.statuses && goals.withFollowUp >= 5 && goals.progress.median === null,
    `the fixture: goals published, progress held back (${JSON.stringify(goals).slice(0, 120)}…)`);

  const s = await t.state();
  const bad = [];
  for (const [status, c] of Object.entries(goals.statuses)) {
    const count = s.cells[`goals/${status}/goals`], share = s.cells[`goals/${status}/share`];
    if (number(count) !== c.count || Math.abs(number(share) - c.share) > 1e-9) bad.push(`${status}: ${count} / ${share}, mf-aggregate ${c.count} / ${c.share}`);
  }
  t.check(Object.keys(goals.statuses).length === 4 && bad.length === 0,
    `the goals per status and their shares are mf-aggregate's${bad.length ? ':\n  ' + bad.join('\n  ') : ''}`);
  // The section is the last but one of the page: the screenshot shows the page's end.
  await page.mouse.move(120, H / 2);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 1500);
  await settlePage(page);
  await t.screenshot('municipality-goals-da.png');

  // The accessible layer: the same table, as an HTML table, and the section's sentences.
  await page.evaluate(() => document.querySelector('#mf-a11y-main h1').focus());
  await settlePage(page);
  const dom = await layerTables(page);
  const problems = tablesMatch((await t.state()).tables, dom);
  const inLayer = dom.find((d) => d.rows.length && d.rows[0][1] && d.rows[0][1].id.startsWith('goals/'));
  t.check(problems.length === 0 && !!inLayer && inLayer.rows.length === 4,
    `the layer has the goals table with its 4 statuses${problems.length ? ':\n  ' + problems.slice(0, 6).join('\n  ') : ''}`);
  const text = await page.evaluate(() => document.getElementById('mf-a11y-main').textContent.replace(/\s+/g, ' '));
  t.check(text.includes(`Organisationer i ${summary.year}, der følger op på målene i en tidligere handlingsplan: ${goals.withFollowUp}.`),
    'the section says how many organisations follow up');
  t.check(text.includes('Fremskridtet mod målet vises ikke: færre end 5 organisationer har et mål med en talindikator.'),
    'and that the progress is held back');
} catch (err) {
  await t.fail(err);
}
await t.finish();
