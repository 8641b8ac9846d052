// statement.test.mjs - Danish first at the point of use (issue 19), in the real app:
//   1. the export page of an untouched assessment lists only the profile fields to fill in, in
//      Danish words (no empty timestamps, no `""`), and says how to send the file in the
//      questionnaire's words (Digital Post via virk.dk);
//   2. the live region says a new notice once and is emptied when the notice goes;
//   3. the accessibility statement: the start screen's button opens it in a new tab (Danish, and at
//      #en in English), the accessible layer links it on every screen in the UI's language, and the
//      page itself passes axe in both languages and asks nothing of another origin.
// Screenshots: test-output/statement-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { AXE_TAGS, injectAxe } from './a11y_lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const t = await openApp({ name: 'statement', viewport: { width: 1280, height: 800 } });
const page = t.page;
const d = driver(() => page);
const layerText = () => page.evaluate(() => document.getElementById('mf-a11y-main').innerText);
const link = () => page.evaluate(() => {
  const a = document.getElementById('mf-a11y-statement');
  return a ? { text: a.textContent, href: a.getAttribute('href'), target: a.target } : null;
});

async function axeOn(p, what) {
  await injectAxe(p);
  const v = await p.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.length}x)`);
  }, AXE_TAGS);
  t.check(v.length === 0, `axe: ${what} has no violations${v.length ? ':\n    ' + v.join('\n    ') : ''}`);
}

try {
  await t.goto();

  // 3a. The layer's link, on the start screen, in Danish.
  let l = await link();
  t.check(l && l.text === 'Tilgængelighedserklæring' && l.href === 'tilgaengelighed.html' && l.target === '_blank',
    `the layer links the statement in Danish (${JSON.stringify(l)})`);

  // 3b. The start screen's button opens the statement in a new tab.
  const [tab] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }), d.click('statement')]);
  await tab.waitForLoadState('load');
  t.check(new URL(tab.url()).pathname.endsWith('/tilgaengelighed.html'), `the button opens tilgaengelighed.html (${tab.url()})`);
  t.check(!(await t.state()).notice, `and the app does not say it could not (${(await t.state()).notice})`);
  const h1 = await tab.evaluate(() => document.querySelector('h1').textContent);
  t.check(/^Tilgængelighedserklæring for Mangfoldighedstjek/.test(h1), `the statement is in Danish first (${h1})`);
  const sections = await tab.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent));
  for (const needed of ['Overholdelsesstatus', 'Indhold, der ikke er tilgængeligt', 'Feedback og kontaktoplysninger', 'Håndhævelsesprocedure', 'Compliance status', 'Enforcement procedure'])
    t.check(sections.includes(needed), `the statement has the section "${needed}"`);
  const css = await tab.evaluate(() => getComputedStyle(document.querySelector('main')).maxWidth);
  t.check(css !== 'none', `the statement's own stylesheet applies under the page's policy (main max-width ${css})`);
  await tab.setViewportSize({ width: 1000, height: 900 });
  await tab.screenshot({ path: path.join(t.out, 'statement-page-da.png') });
  await axeOn(tab, 'the statement page');
  await tab.close();

  // 1. The export page of an untouched assessment.
  await d.click('start');
  await d.click('step-export');
  let s = await d.state();
  t.check(s.screen === 'export', `the export page (${s.screen})`);
  const exportText = await layerText();
  t.check(!/Tidspunkt|tidspunkt|""|created|updated/.test(exportText), 'the empty export page lists no timestamps and no empty values');
  t.check(/Udfyld »Hvad hedder virksomheden eller organisationen\?« i profilen først\./.test(exportText), 'it says to fill in the name in the profile first, in Danish');
  t.check(/Skriv organisationens CVR-nummer i profilen først\./.test(exportText), 'it says to write the CVR number in the profile first');
  t.check(/Sådan sender I resultatet/.test(exportText) && /Digital Post/.test(exportText) && /virk\.dk/.test(exportText),
    'it says how to send the file: Digital Post from virk.dk, from the questionnaire');
  await t.screenshot('statement-export-empty-da.png');

  // The layer's link and the export page in English.
  await d.click('lang-en');
  l = await link();
  t.check(l && l.text === 'Accessibility statement' && l.href === 'tilgaengelighed.html#en', `in English the layer links the English part (${JSON.stringify(l)})`);
  const enText = await layerText();
  t.check(/How to send the result/.test(enText) && /Digital Post/.test(enText), 'in English the export page says how to send, in English');
  // The layer's link in English opens the English part (a real click on the link).
  const [tabEn] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }),
    page.evaluate(() => document.getElementById('mf-a11y-statement').click())]);
  await tabEn.waitForLoadState('load');
  t.check(new URL(tabEn.url()).hash === '#en', `the layer's link opens the English part (${tabEn.url()})`);
  const enLang = await tabEn.evaluate(() => document.getElementById('en').lang);
  t.check(enLang === 'en', `the English part is marked lang="en" (${enLang})`);
  await tabEn.screenshot({ path: path.join(t.out, 'statement-page-en.png') });
  await tabEn.close();
  await d.click('lang-da');
  await d.click('step-profile');

  // 2. The live region: loading a result says "Indlæst: …" once; when the notice goes, the region
  // is emptied, so a reader moving through the page later never meets the old status.
  const live = () => page.evaluate(() => document.querySelector('#mf-a11y [aria-live]').textContent);
  t.check((await live()) === '', `the live region starts empty ("${await live()}")`);
  await d.dropFile('result-da.json', fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8'));
  await d.click('import-continue-confirm');
  s = await d.state();
  const said = await waitUntil(page, () => document.querySelector('#mf-a11y [aria-live]').textContent, null, { timeout: 5000 }).catch(() => '');
  t.check(said !== '' && said === s.notice && /result-da\.json/.test(said), `the new notice is said in the live region ("${said}")`);
  const emptied = await waitUntil(page, () => document.querySelector('#mf-a11y [aria-live]').textContent === '', null, { timeout: 15000 }).catch(() => false);
  t.check(emptied, 'when the notice has gone, the live region is empty');
} catch (e) {
  await t.fail(e);
}
await t.finish();
