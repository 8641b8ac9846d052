// report_button.test.mjs - "Open printable report" in the app (results and plan screens): a result
// is loaded, the button pressed (with the mouse, on the canvas); the report opens in a new tab
// (a Blob URL), holds the organisation, the principle scores exactly as the app shows them, the
// comparison and the action plan, asks for nothing from the network, keeps its styles under the
// app's Content-Security-Policy (which a blob: page inherits), and axe-core finds no violations in it.
// Screenshots: test-output/report-button-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { AXE_TAGS, injectAxe } from './a11y_lib.mjs';
import { driver, waitLanguage } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const t = await openApp({ name: 'report_button' });
const page = t.page;
const d = driver(() => page);
const click = (id) => d.click(id);

try {
  await t.goto();
  const result = JSON.parse(fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8'));
  await d.dropFile('result-da.json', JSON.stringify(result));
  await click('import-continue-confirm');
  await d.dropFile('earlier.json', fs.readFileSync(path.join(here, '../data/report/earlier.json'), 'utf8'));
  await click('import-compare-confirm');
  let s = await t.state();
  t.check(s.screen === 'results' && s.earlier === 'earlier.json', `a result loaded and compared (${s.screen}, ${s.earlier})`);

  // The principle bars as the app shows them (the accessible layer's text of the app's own record).
  const bars = await page.evaluate(() => [...document.querySelectorAll('#mf-a11y-main p')].map((p) => p.textContent)
    .filter((x) => /^(Forskellighed er en styrke|Alle skal have mulighed for at være med|Medborgerskab kommer alle ved): /.test(x)));
  t.check(bars.length === 3, `the app shows three principle scores (${bars.join(' | ')})`);

  const [report] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }), click('report')]);
  const notice = (await t.state()).notice;
  t.check(/fane|tab/.test(notice), `the app says where the report went (${notice})`);
  await report.waitForLoadState('load');
  t.check(report.url().startsWith('blob:'), `the report opens in a new tab from a Blob URL (${report.url().slice(0, 40)}…)`);
  // The blob: page inherits the app's Content-Security-Policy; its one <style> is allowed by hash
  // (lib.mjs fails the test on any violation) and applies: report.css puts a rule under each h2.
  const h2 = await report.evaluate(() => { const s = getComputedStyle(document.querySelector('h2')); return `${s.borderBottomStyle} ${s.fontSize}`; });
  t.check(h2.startsWith('solid '), `the report's styles apply under the inherited policy (h2: ${h2})`);
  const text = await report.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
  const org = result.answers.org_name;
  t.check(text.includes(org), `the report names the organisation (${org})`);
  for (const b of bars) {
    const [name, value] = b.split(': ');
    const percent = value.split(' (')[0];
    const idx = text.indexOf(name);
    t.check(idx >= 0 && text.slice(idx, idx + name.length + 80).includes(percent), `the report shows ${name} at ${percent}, as the app does`);
  }
  for (const area of result.actionPlan)
    t.check(text.includes(area.goal) && text.includes(area.responsible), `the report holds the action plan's goal "${area.goal}"`);
  t.check(/sammenlign|tidligere|Siden/i.test(text), 'the report has the comparison with the earlier result');
  const lang = await report.evaluate(() => document.documentElement.lang);
  t.check(lang === 'da', `the report is in the app's language (${lang})`);
  await report.setViewportSize({ width: 900, height: 1200 });
  await report.screenshot({ path: path.join(t.out, 'report-button-tab.png') });
  console.log(`     screenshot: ${path.join(t.out, 'report-button-tab.png')}`);
  await injectAxe(report);
  const v = await report.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.length}x)`);
  }, AXE_TAGS);
  t.check(v.length === 0, `axe: the report page has no violations${v.length ? ':\n    ' + v.join('\n    ') : ''}`);
  await report.close();

  // The same button on the action plan screen, in English.
  await click('lang-en');
  await waitLanguage(page, 'en');
  await click('step-plan');
  const [report2] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }), click('report')]);
  await report2.waitForLoadState('load');
  const text2 = await report2.evaluate(() => document.body.innerText);
  t.check(/Action plan/i.test(text2) && text2.includes(result.actionPlan[0].goal), 'from the plan screen, in English: the report with the plan');
  await report2.close();
  await t.screenshot('report-button-app.png');
} catch (e) {
  await t.fail(e);
}
await t.finish();
