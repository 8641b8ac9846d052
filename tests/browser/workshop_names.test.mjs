// workshop_names.test.mjs - the workshop list names every organisation as its answers do, and its
// buttons say which organisation they act on: a result file loaded into the first (untouched)
// assessment is listed under the name in its answers (not "Organisation 1") after a second one is
// added, the list and the opened assessment agree, and the list's buttons are named with the
// organisation in the record and in the accessible layer ("Åbn Nørrebro Bageri ApS"), in Danish and
// English. Screenshots of the list in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { driver } from './drive.mjs';
import { control } from './a11y_lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const t = await openApp({ name: 'workshop_names' });
const page = t.page;
const d = driver(() => page);

// The accessible name of the layer's control for item `id` (aria-label, else its text).
async function layerName(id) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el ? (el.getAttribute('aria-label') || el.textContent).trim() : null;
  }, control(id));
}

try {
  await t.goto();
  await page.evaluate(() => localStorage.clear());
  await t.goto();
  const file = fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8');
  const imported = JSON.parse(file).organisation.name;
  await d.dropFile('result-da.json', file);
  await d.click('import-continue-confirm');
  await d.click('header-workshop');
  await d.typeInto('new-name', 'Nørrebro Bageri ApS');
  await d.click('add');
  await d.click('header-workshop');
  let s = await t.state();
  const [first, second] = s.workshop.entries;
  t.check(s.workshop.entries.length === 2 && first.name === imported,
    `the loaded organisation is listed under the name in its answers, not "Organisation 1" (${s.workshop.entries.map((e) => e.name).join(', ')})`);
  const byId = (id) => s.items.find((i) => i.id === id) || {};
  t.check(byId(`open:${first.id}`).label === `Åbn ${imported}` && byId(`rename:${first.id}`).label === `Omdøb ${imported}` &&
    byId(`delete:${first.id}`).label === `Slet ${imported} …`,
    `its buttons are named with it (${byId(`open:${first.id}`).label} | ${byId(`rename:${first.id}`).label} | ${byId(`delete:${first.id}`).label})`);
  t.check(byId(`open:${second.id}`).label === 'Fortsæt med Nørrebro Bageri ApS ›' && byId(`delete:${second.id}`).label === 'Slet Nørrebro Bageri ApS …',
    `the open one's too (${byId(`open:${second.id}`).label} | ${byId(`delete:${second.id}`).label})`);
  const layer = [await layerName(`open:${second.id}`), await layerName(`rename:${second.id}`), await layerName(`delete:${second.id}`),
    await layerName(`open:${first.id}`)];
  t.check(layer[0] === 'Fortsæt med Nørrebro Bageri ApS ›' && layer[1] === 'Omdøb Nørrebro Bageri ApS' &&
    layer[2] === 'Slet Nørrebro Bageri ApS …' && layer[3] === `Åbn ${imported}`,
    `the accessible layer names them the same (${layer.join(' | ')})`);
  await t.screenshot('workshop-names-list-da.png');

  // Opened, it is called the same.
  await d.click(`open:${first.id}`);
  s = await t.state();
  t.check(s.workshop.current === first.id && s.notice === `Åben: ${imported}`, `opened, it is called the same (${s.notice})`);
  await d.click('header-workshop');
  s = await t.state();
  t.check(s.workshop.entries[0].name === imported, `and the list still says so (${s.workshop.entries[0].name})`);

  // Before exporting: what is missing, per organisation, each reason on its own line (bullets in
  // the layer). The imported one is ready; the one just added is not.
  await d.click('export-check');
  const missing = await page.evaluate(() => {
    const main = document.getElementById('mf-a11y-main');
    const all = [...main.querySelectorAll('*')];
    const head = all.find((el) => el.children.length === 0 && el.textContent.includes('Nørrebro Bageri ApS mangler:'));
    return { head: head ? head.textContent : null, items: [...main.querySelectorAll('li')].map((li) => li.textContent),
      text: main.textContent };
  });
  t.check(!!missing.head && !missing.text.includes(`${imported} mangler`),
    `"Hvad mangler?" names the one that cannot be exported yet, not the ready one (${missing.head})`);
  t.check(missing.items.length >= 2, `with its reasons as a list (${missing.items.slice(0, 4).join(' | ')})`);
  await t.screenshot('workshop-names-missing-da.png');

  // English.
  await d.click('lang-en');
  s = await t.state();
  const en = (id) => (s.items.find((i) => i.id === id) || {}).label;
  t.check(en(`open:${second.id}`) === 'Open Nørrebro Bageri ApS' && en(`rename:${second.id}`) === 'Rename Nørrebro Bageri ApS' &&
    en(`delete:${second.id}`) === 'Delete Nørrebro Bageri ApS …',
    `in English: ${en(`open:${second.id}`)} | ${en(`rename:${second.id}`)} | ${en(`delete:${second.id}`)}`);
  t.check(await layerName(`delete:${second.id}`) === 'Delete Nørrebro Bageri ApS …', 'and in the layer');
  await t.screenshot('workshop-names-list-en.png');
  await d.click('lang-da');
} catch (err) {
  await t.fail(err);
}
await t.finish();
