// benchmark.test.mjs - "Sammenlign med andre" on the results screen (issue 18 item 5; docs/benchmark.md):
//   1. the built app served from a folder with a benchmark.json next to index.html: after a result
//      is loaded, the results screen (read from the accessible layer) shows the company's position
//      against all, its own sector (above the middle half) and its size band (not published: fewer
//      than 5), with the year the file has instead of the result's; in Danish and in English;
//   2. the file withdrawn (deleted) and the page loaded again: the plain notice that the
//      municipality has not published a benchmark, and the button to load one; loading a file with
//      it shows the comparison again, named after the file;
//   3. benchmark.json was asked for on the app's own origin and nothing went to another origin
//      (lib.mjs fails the test on any such request).
// Screenshots: test-output/benchmark-{da,en,none}.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue, openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// A benchmark as mf-aggregate --benchmark writes it (docs/benchmark.md section 2), for 2025 only:
// all 40 organisations (Q1 30, median 45, Q3 60), handel_transport 12 (5-8-12), the size band 1-9
// under 5. The loaded result (tests/data/report/result-da.json) is handel_transport, 9 employees,
// updated 2027 (or today, once continued), overall 19.6 %: the file's newest year, 2025, is used.
function part(kind, id, n, q1, median, q3) {
  return { kind, id, n, q1, median, q3, levels: { ikke_startet: n === null || typeof n === 'object' ? null : n } };
}
function group(dimension, name, n, q) {
  const parts = [part('overall', 'overall', n, ...q)];
  for (const p of ['forskellighed', 'deltagelse', 'medborgerskab']) parts.push(part('principle', p, n, ...q));
  return { dimension, group: name, organisations: n, parts };
}
const none = [null, null, null];
const benchmark = {
  format: 'mangfoldighedstjek/benchmark',
  formatVersion: 1,
  questionnaire: { id: 'aktoersporet', version: '1.1.0', contentHash: 'sha256:' + '0'.repeat(64) },
  created: '2025-11-26',
  minGroup: 5,
  levels: [{ id: 'ikke_startet', minPercent: 0 }],
  years: [{
    year: 2025,
    groups: [group('all', 'all', 40, [30, 45, 60]), group('sector', 'handel_transport', 12, [5, 8, 12]),
      group('sector', 'viden', null, none), group('size', '1-9', { under: 5 }, none), group('size', '10-49', 28, [30, 40, 50])],
  }],
};

// The built app copied into a folder of its own, with the benchmark next to index.html.
const dist = path.resolve(argValue('dist', 'build/web/dist'));
const served = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-benchmark-dist-'));
fs.cpSync(dist, served, { recursive: true });
const benchmarkFile = path.join(served, 'benchmark.json');
fs.writeFileSync(benchmarkFile, JSON.stringify(benchmark));

const t = await openApp({ name: 'benchmark', dist: served });
const page = t.page;
const d = driver(() => page);
const layerText = () => page.evaluate(() => document.getElementById('mf-a11y-main').innerText);
// A screenshot of the section: the window made tall enough for all of it (the app is scrolled to the
// section's last button first), then back to the tests' 1280 x 800.
async function sectionShot(file) {
  await d.reveal('benchmark-load');
  await page.setViewportSize({ width: 1000, height: 2300 });
  await d.settle();
  await t.screenshot(file);
  await page.setViewportSize({ width: 1280, height: 800 });
  await d.settle();
}
const layerShows = (pattern) => waitUntil(page, (source) => {
  const main = document.getElementById('mf-a11y-main');
  return main && new RegExp(source).test(main.innerText);
}, pattern.source, { timeout: 20000 }).then(() => true, () => false);

try {
  await t.goto();
  await d.dropFile('result-da.json', fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8'));
  await d.click('import-continue-confirm');
  const s = await t.state();
  t.check(s.screen === 'results', `a result loaded: the results screen (${s.screen})`);

  // 1. The comparison, in Danish.
  t.check(await layerShows(/Sammenlign med andre/), 'the results screen has "Sammenlign med andre"');
  t.check(await layerShows(/Handel, transport og logistik \(12 organisationer\): Jer: 19,6 %/), 'the sector line is there');
  let text = await layerText();
  const line = (start) => text.split('\n').find((l) => l.startsWith(start)) || '';
  const sector = line('Handel, transport og logistik (12 organisationer)');
  t.check(/Midterste halvdel: 5 % til 12 %, median 8 %\. Jeres resultat ligger over den midterste halvdel/.test(sector),
    `against its own sector the company is above the middle half, with the numbers as text (${sector})`);
  const all = line('Alle organisationer (40 organisationer)');
  t.check(/Jer: 19,6 %\. Midterste halvdel: 30 % til 60 %, median 45 %\. Jeres resultat ligger under den midterste halvdel/.test(all),
    `against all organisations it is below the middle half (${all})`);
  t.check(/1-9 medarbejdere: ikke offentliggjort for jeres gruppe \(færre end 5 organisationer\)\./.test(text),
    'its size band (1-9, under 5) shows no figure: not published for the group');
  t.check(/Benchmarken har endnu ingen tal for 20\d\d, så I sammenlignes med 2025, det nyeste år i den\./.test(text),
    'the result is from a later year: it says the newest year of the file, 2025, is used');
  t.check(/Forskellighed er en styrke/.test(text.slice(text.indexOf('Sammenlign med andre'))), 'each principle is compared too');
  t.check(/Kilde: kommunens benchmark, lavet 26\. november 2025/.test(text), 'it names the source and its date');
  t.check(t.requests.includes(`${t.origin}/benchmark.json`), 'benchmark.json was asked for next to the app, on its own origin');
  t.check(t.requests.filter((u) => u.endsWith('/benchmark.json')).length === 1, 'once');
  await sectionShot('benchmark-da.png');

  // In English.
  await d.click('lang-en');
  t.check(await layerShows(/Compare with others/), 'in English: "Compare with others"');
  text = await layerText();
  const sectorEn = line('Retail, wholesale, transport and logistics (12 organisations)');
  t.check(/You: 19\.6\s?%\. Middle half: 5\s?% to 12\s?%, median 8\s?%\. Your result is above the middle half/.test(sectorEn),
    `in English the sector line says the same (${sectorEn})`);
  t.check(/1-9 employees: not published for your group \(fewer than 5 organisations\)\./.test(text), 'and the size band is not published');
  await sectionShot('benchmark-en.png');

  // 2. Withdrawn: the file deleted, the page loaded again (the results screen is restored).
  fs.rmSync(benchmarkFile);
  await t.goto();
  t.check((await t.state()).screen === 'results', 'after a reload the results screen is back');
  t.check(await layerShows(/The municipality has not published a benchmark yet/), 'without the file: the plain notice that none is published yet');
  text = await layerText();
  t.check(!/Middle half/.test(text), 'and no figures');
  await sectionShot('benchmark-none.png');

  // Loading a file with the button.
  const chooser = await d.openChooser('benchmark-load');
  await chooser.setFiles({ name: 'kommunen-2026.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(benchmark)) });
  t.check(await layerShows(/Source: kommunen-2026\.json, made 26 November 2025/), 'a file loaded with the button is shown, named after the file');
  t.check(await layerShows(/Your result is above the middle half/), 'with the company\'s position');

  // 3. Nothing but the app's own origin (lib.mjs checks every request of the context in finish()).
  t.check(t.requests.every((u) => u.startsWith(`${t.origin}/`) || u.startsWith('data:') || u.startsWith('blob:')),
    `no request to another origin (${t.requests.length} requests)`);
} catch (e) {
  await t.fail(e);
}
fs.rmSync(served, { recursive: true, force: true });
await t.finish();
