// workshop.test.mjs - the consultant's workshop in headless Chromium, driven with real mouse and
// keyboard input: an earlier version's saved answers migrated into the list, three organisations
// added and answered, switching keeps answers per organisation, reload keeps everything, rename,
// delete with confirmation (cancel keeps it), the comparison's numbers equal each organisation's own
// results and exported scores, anonymise hides every name, presentation mode (F2 and a button,
// persisted, F2 types nothing into a field), export all as one bundle, and that bundle imported
// into a fresh browser profile together with bad files (each listed with its reason). The
// comparison table is in the accessible layer as an HTML table holding every organisation's scores,
// and axe finds no violations on the comparison.
import fs from 'node:fs';
import path from 'node:path';
import { openApp, launchBrowser } from './lib.mjs';
import { driver } from './drive.mjs';
import { axeViolations, layerCells, layerTables, tablesMatch } from './a11y_lib.mjs';

const t = await openApp({ name: 'workshop' });
const page = t.page;

const d = driver(() => page);
const { settle, click, typeInto } = d;

// Answers every question of the current theme with the alternative at `choiceIndex`.
async function answerTheme(choiceIndex) {
  while (await d.answerNext((items) => items[Math.min(choiceIndex, items.length - 1)]));
}

// The app's way of writing a percentage in Danish: one decimal, ",0" dropped, " %".
function percentDa(x) {
  if (x === null || x === undefined) return '–';
  let s = x.toFixed(1);
  if (s.endsWith('.0')) s = s.slice(0, -2);
  return s.replace('.', ',') + ' %';
}

async function toList() {
  const s = await t.state();
  if (s.screen !== 'workshop') await click('workshop');
}

async function openOrg(id) {
  await toList();
  await click(`open:${id}`);
}

const orgs = [
  { name: 'Bageriet Nord', cvr: '29188505', choice: 0, sector: 0 },
  { name: 'Café Ærø', cvr: '25313763', choice: 1, sector: 1 },
  { name: 'Kantinen på Havnen', cvr: '10150817', choice: 2, sector: 2 },
];

try {
  // 1. An earlier version's single saved session survives the upgrade.
  await t.goto();
  const legacy = {
    format: 'mangfoldighedstjek/session', formatVersion: 1, screen: 'theme', theme: 0, textSize: 0,
    assessment: {
      language: 'da', created: '2026-11-01T10:00:00Z', updated: '2026-11-01T10:10:00Z',
      answers: { org_name: 'Gammel Bruger ApS', leadership_commitment: 'enkelte' }, actionPlan: [],
    },
    drafts: {},
  };
  await page.evaluate((text) => { localStorage.clear(); localStorage.setItem('mangfoldighedstjek.session', text); },
    JSON.stringify(legacy));
  await t.goto();
  let s = await t.state();
  t.check(s.screen === 'theme' && s.answerCount === 2, `the saved answers of an earlier version are open after the upgrade (${s.screen}, ${s.answerCount} answers)`);
  t.check(s.workshop.entries.length === 1 && s.workshop.entries[0].name === 'Gammel Bruger ApS',
    `they are the first organisation of the list (${JSON.stringify(s.workshop.entries)})`);
  let keys = await page.evaluate(() => Object.keys(localStorage).sort());
  t.check(!keys.includes('mangfoldighedstjek.session') && keys.includes('mangfoldighedstjek.assessment-a1') && keys.includes('mangfoldighedstjek.workshop'),
    `the old key became assessment-a1 plus the index (${keys.join(', ')})`);
  const oneOrgItems = s.items.map((i) => i.id);
  t.check(!oneOrgItems.includes('compare') && !oneOrgItems.includes('presentation'),
    'with one organisation the questions show no workshop controls');

  // 2. The list from the header; three organisations added, profiles filled, a theme answered.
  await click('header-workshop');
  s = await t.state();
  t.check(s.screen === 'workshop', `the header's "Workshop" opens the list (${s.screen})`);
  const results = {};
  for (const o of orgs) {
    await toList();
    await typeInto('new-name', o.name);
    await click('add');
    s = await t.state();
    const id = s.workshop.current;
    o.id = id;
    t.check(s.screen === 'profile' && s.answerCount === 1, `"${o.name}" is added and its profile opens with the name filled in (${s.screen}, ${s.answerCount})`);
    await typeInto('profile:cvr', o.cvr);
    await typeInto('profile:employees', String(12 + o.choice * 30));
    await typeInto('profile:contact_name', 'Kontakt ' + o.choice);
    await typeInto('profile:contact_email', `hr${o.choice}@example.dk`);
    await click('profile:sector');
    const sector = (await t.state()).items.filter((i) => i.id.startsWith('profile:sector:'))[o.sector];
    await click(sector.id);
    s = await t.state();
    t.check(s.profileComplete, `the profile of "${o.name}" is complete`);
    await click('next');
    await answerTheme(o.choice);
    s = await t.state();
    o.answered = s.answered;
    o.overall = s.overall;
    t.check(s.overall !== null, `"${o.name}" has a result (${s.overall})`);
  }
  t.check(new Set(orgs.map((o) => o.overall)).size === 3, `the three organisations scored differently (${orgs.map((o) => o.overall)})`);
  await toList();
  await t.screenshot('workshop-01-list.png');

  // 3. Switching keeps the answers per organisation.
  for (const o of [orgs[0], orgs[2], orgs[1]]) {
    await openOrg(o.id);
    s = await t.state();
    t.check(s.workshop.current === o.id && s.answered === o.answered && s.overall === o.overall,
      `switching to "${o.name}" shows its own answers (${s.answered}/${o.answered}, ${s.overall}/${o.overall})`);
  }
  await openOrg('a1');
  s = await t.state();
  t.check(s.answerCount === 2, `the migrated organisation still has its 2 answers (${s.answerCount})`);

  // 4. Reload: everything is there.
  await t.goto();
  s = await t.state();
  t.check(s.workshop.entries.length === 4 && s.workshop.current === 'a1', `after reload the list has 4 organisations, the same one open (${s.workshop.entries.length}, ${s.workshop.current})`);
  for (const o of orgs) {
    await openOrg(o.id);
    s = await t.state();
    t.check(s.answered === o.answered && s.overall === o.overall, `after reload "${o.name}" has its answers (${s.overall})`);
    results[o.id] = s.overall;
  }

  // 5. Rename.
  await toList();
  await click(`rename:${orgs[1].id}`);
  await typeInto(`rename-text:${orgs[1].id}`, 'Café Ærø & Co');
  await click(`rename-save:${orgs[1].id}`);
  s = await t.state();
  orgs[1].name = 'Café Ærø & Co';
  t.check(s.workshop.entries.find((e) => e.id === orgs[1].id).name === 'Café Ærø & Co', 'rename changes the name in the list');

  // 6. Delete asks; cancel keeps, confirm deletes (the migrated organisation).
  await click('delete:a1');
  s = await t.state();
  t.check(s.modal === 'delete-organisation', `delete asks first (${s.modal})`);
  await t.screenshot('workshop-02-delete.png');
  await click('delete-cancel');
  s = await t.state();
  t.check(s.modal === null && s.workshop.entries.length === 4, 'cancel keeps it');
  await click('delete:a1');
  await click('delete-confirm');
  s = await t.state();
  keys = await page.evaluate(() => Object.keys(localStorage));
  t.check(s.workshop.entries.length === 3 && !s.workshop.entries.some((e) => e.id === 'a1') && !keys.includes('mangfoldighedstjek.assessment-a1'),
    `confirm deletes it from the list and from storage (${s.workshop.entries.map((e) => e.id)})`);

  // 7. The comparison: the same numbers as each organisation's results. Each answered one theme
  // only, under 80 % of its questions: shown apart unless asked for (workshop_compare.test.mjs).
  await click('to-compare');
  s = await t.state();
  t.check(orgs.every((o) => !(`cmp:${o.id}:overall` in s.cells) && s.notices.some((n) => n.id === `cmp-few:${o.id}`)),
    'with one theme answered each is shown apart as too few answers to compare');
  await click('cmp-include-few');
  s = await t.state();
  t.check(s.screen === 'compare', `the comparison opens (${s.screen})`);
  for (const o of orgs) {
    const cell = s.cells[`cmp:${o.id}:overall`];
    t.check(cell === percentDa(o.overall), `"${o.name}" overall in the table is its result (${cell} = ${percentDa(o.overall)})`);
    const bar = s.items.find((i) => i.id === `cmp-bar:${o.id}:overall`);
    t.check(bar && bar.label === `${o.name}: Samlet`, `and it has its bar (${bar && bar.label}; the value is drawn from the same text)`);
  }
  t.check(Object.keys(s.cells).filter((id) => id.startsWith('cmp:')).length === 3 * (3 + 3 + s.themeCount), 'a cell per organisation for overall, level, answered, 3 principles and every theme');
  const head = s.tables.find((x) => x.id === 'compare');
  t.check(!!head && head.columns.length === 4 && orgs.every((o) => head.columns.slice(1).some((c) => c.endsWith(' ' + o.name))),
    `the table has a column per organisation, headed by its key and name (${head && head.columns.join(' | ')})`);
  await t.screenshot('workshop-03-compare.png');
  // Unticking one removes its column.
  await click(`cmp-pick:${orgs[2].id}`);
  s = await t.state();
  t.check(!(`cmp:${orgs[2].id}:overall` in s.cells), 'an unticked organisation leaves the comparison');
  await click(`cmp-pick:${orgs[2].id}`);

  // 8. Anonymise: no organisation name anywhere in what is drawn.
  await click('anonymise');
  s = await t.state();
  const labels = JSON.stringify(s.items.map((i) => i.label)) + JSON.stringify(s.notice) + JSON.stringify(s.tables);
  const leaked = orgs.map((o) => o.name).concat(['Bageriet', 'Ærø', 'Kantinen']).filter((n) => labels.includes(n));
  t.check(s.workshop.anonymise && leaked.length === 0, `anonymised: no organisation name in the labels (${leaked.join(', ') || 'none'})`);
  t.check(labels.includes('Organisation A') && labels.includes('Organisation C'), 'the organisations are called Organisation A, B, C');

  // 9. Presentation mode: F2, on a 1280x720 projector; persists over a reload.
  await page.setViewportSize({ width: 1280, height: 720 });
  const before = await t.state();
  await page.keyboard.press('F2');
  await settle();
  s = await t.state();
  t.check(s.workshop.presentation && s.workshop.highContrast, 'F2 switches presentation mode on (high contrast)');
  const bigger = s.items.find((i) => i.id === 'back'), smaller = before.items.find((i) => i.id === 'back');
  t.check(bigger && smaller && bigger.h > smaller.h * 1.3, `and the text is larger (button ${smaller && smaller.h} -> ${bigger && bigger.h} px)`);
  await page.mouse.move(640, 360);
  await page.mouse.wheel(0, 400);
  await settle();
  await t.screenshot('workshop-04-projector-compare.png');
  await page.setViewportSize({ width: 1280, height: 800 });
  await t.goto();
  s = await t.state();
  t.check(s.workshop.presentation && s.workshop.highContrast, 'presentation mode is still on after a reload');
  // F2 inside a text field types nothing.
  await click('back');
  await click('new-name');
  await page.keyboard.press('F2');
  await settle();
  s = await t.state();
  const field = s.items.find((i) => i.id === 'new-name');
  t.check(!s.workshop.presentation && field && field.value === '', `F2 in a text field switches presentation off and types nothing ("${field && field.value}")`);
  await click('presentation');
  s = await t.state();
  t.check(s.workshop.presentation, 'the button switches it on as well');
  t.check(s.screen === 'compare', `and opens the comparison, on its chart (${s.screen})`);
  await click('presentation');
  await click('back');

  // 10. Export all: one bundle with every organisation's result file.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), click('export-all')]);
  const bundlePath = path.join(t.out, 'workshop-bundle.json');
  await download.saveAs(bundlePath);
  const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
  t.check(bundle.format === 'mangfoldighedstjek/bundle' && bundle.results.length === 3,
    `export all gives one bundle with 3 results (${download.suggestedFilename()}, ${bundle.results && bundle.results.length})`);
  // An organisation with unanswered questions is in it, marked unfinished (bundle version 2), and
  // the list names it with its progress; the finished ones carry no mark.
  const marks = bundle.results.map((m) => ({ unfinished: m.unfinished === true, coverage: m.result.scores.coverage,
    name: m.result.answers.org_name }));
  const unfinished = marks.filter((m) => m.unfinished);
  t.check(unfinished.length >= 1 && bundle.formatVersion === 2 && marks.every((m) => m.unfinished === (m.coverage < 100)),
    `members with unanswered questions are marked unfinished, the others not (version ${bundle.formatVersion}: ${JSON.stringify(marks)})`);
  const listed = await page.evaluate(() => document.getElementById('mf-a11y-main').textContent);
  t.check(listed.includes('Eksporteres som ufærdige') && unfinished.every((m) => listed.includes(`${m.name}: `) && /\d+ af \d+ spørgsmål besvaret/.test(listed)),
    `the list names the unfinished ones with their progress (${(listed.match(/Eksporteres som ufærdige[^]*?besvaret/) || [''])[0].slice(0, 160)})`);
  // The comparison's principle and theme numbers equal the exported files' scores.
  await click('to-compare');
  await click('cmp-include-few');
  s = await t.state();
  // The accessible layer (shown, as after the skip link) has the same table as an HTML table.
  await page.evaluate(() => document.querySelector('#mf-a11y-main h1').focus());
  await settle();
  const dom = await layerTables(page);
  const tableProblems = tablesMatch(s.tables, dom);
  t.check(tableProblems.length === 0 && dom.length === 1,
    `the layer has the comparison as an HTML table with caption and row and column headers${tableProblems.length ? ':\n  ' + tableProblems.join('\n  ') : ''}`);
  const inLayer = layerCells(dom);
  let same = 0, sameLayer = 0, total = 0;
  for (const o of orgs) {
    const r = bundle.results.find((m) => m.result.organisation.cvr === o.cvr);
    if (!r) continue;
    for (const [pid, v] of [['overall', r.result.scores.overall]].concat(Object.entries(r.result.scores.principles),
      Object.entries(r.result.scores.themes).map(([k, x]) => [k, x.percent]))) {
      total++;
      if (s.cells[`cmp:${o.id}:${pid}`] === percentDa(v)) same++;
      if (inLayer[`cmp:${o.id}:${pid}`] === percentDa(v)) sameLayer++;
    }
  }
  t.check(total > 20 && same === total, `every score in the comparison equals the exported scores (${same}/${total})`);
  t.check(total > 20 && sameLayer === total, `and so does every score in the layer's table (${sameLayer}/${total})`);
  const names = dom[0] ? dom[0].columns.map((c) => c.text) : [];
  t.check(orgs.every((o) => names.some((n) => n.endsWith(' ' + o.name))), `the layer's column headers name the organisations (${names.join(' | ')})`);
  const v = await axeViolations(page);
  t.check(v.length === 0, `axe: the comparison with the layer shown: no violations${v.length ? ':\n    ' + v.join('\n    ') : ''}`);
  await t.screenshot('workshop-06-compare-layer.png');
  await page.evaluate(() => document.querySelector('#mf-a11y-main table').scrollIntoView());
  await t.screenshot('workshop-07-compare-layer-table.png');
  await page.evaluate(() => document.activeElement.blur());
  await settle();

  // 11. A fresh browser profile imports the bundle and bad files at once.
  const fresh = await launchBrowser();
  const p2 = fresh.context.pages()[0] || (await fresh.context.newPage());
  const problems2 = [];
  p2.on('console', (m) => { if (m.type() === 'error') problems2.push(m.text()); });
  p2.on('pageerror', (e) => problems2.push(e.message));
  const d2 = driver(() => p2);
  await p2.goto(t.server.url, { waitUntil: 'load' });
  await d2.waitReady();
  await d2.settle();
  await d2.click('workshop');
  const waitBatch = async (count) => {
    for (let i = 0; i < 50; i++) {
      await p2.waitForTimeout(100);
      if ((await d2.state()).workshop.batch >= count) break;
    }
    await d2.settle();
  };
  // All three files in ONE drop: the workshop list takes every file of it.
  const batch = [
    { name: 'workshop-bundle.json', text: fs.readFileSync(bundlePath, 'utf8') },
    { name: 'broken.json', text: '{"format": "mangfoldighedstjek/result", ' },
    { name: 'foreign.json', text: '{"hello": "world"}' },
  ];
  await p2.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, batch);
  await waitBatch(5);
  let s2 = await d2.state();
  const names2 = s2.workshop.entries.map((e) => e.name);
  // The renamed one is exported under its new name: rename writes the profile's name too.
  t.check(orgs.every((o) => names2.includes(o.name)) && s2.workshop.entries.length === 3,
    `the bundle's 3 organisations are the fresh list: its untouched first entry became the first of them (${names2.join(', ')})`);
  const open2 = s2.workshop.entries.find((e) => e.id === s2.workshop.current);
  t.check(s2.screen === 'workshop' && !!open2 && orgs.some((o) => o.name === open2.name),
    `the list stays on screen, and the open entry is an imported organisation (${s2.screen}, ${open2 && open2.name})`);
  t.check(s2.workshop.batch === 5, `each file or member is listed: 3 added, 2 bad (${s2.workshop.batch})`);
  t.check(['broken.json', 'foreign.json'].every((f) => s2.notices.some((n) => n.text.startsWith(f + ': '))),
    'the two bad files of the drop are listed with their reasons');
  // Several files through the browser's picker (the real button): both are bad, nothing else changes.
  const chooser = await d2.openChooser('import-batch');
  t.check(!!chooser && chooser.isMultiple(), 'the workshop import button opens the picker for several files');
  await chooser.setFiles([
    { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('') },
    { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') },
  ]);
  await waitBatch(7);
  const s3 = await d2.state();
  t.check(s3.workshop.batch === 7 && s3.workshop.entries.length === 3,
    `both picked files are listed and the list is unchanged (${s3.workshop.batch} lines, ${s3.workshop.entries.length} organisations)`);
  await p2.screenshot({ path: path.join(t.out, 'workshop-05-imported.png') });
  // The imported organisations have the same results.
  await d2.click('to-compare');
  await d2.click('cmp-include-few');
  s2 = await d2.state();
  let ok2 = 0;
  for (const o of orgs) {
    const e = s2.workshop.entries.find((x) => x.name === o.name);
    if (e && s2.cells[`cmp:${e.id}:overall`] === percentDa(o.overall)) ok2++;
  }
  t.check(ok2 === 3, `the imported organisations have the same overall results (${ok2}/3)`);
  t.check(problems2.length === 0, `no console errors in the fresh profile (${problems2.join('; ')})`);
  t.check(fresh.violations.length === 0, `no Content-Security-Policy violation in the fresh profile (${fresh.violations.join('; ')})`);
  await fresh.context.close();
  fs.rmSync(fresh.userDataDir, { recursive: true, force: true });
} catch (err) {
  await t.fail(err);
}
await t.finish();
