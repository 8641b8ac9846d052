// a11y_keyboard.test.mjs - the whole questionnaire with the keyboard only, through the accessible
// layer: Tab / Shift+Tab to move, Space and the arrow keys for radio buttons and checkboxes, arrow
// keys in drop-downs, typing into fields, Enter on buttons. No mouse and no window.mfTest call acts:
// mfTest and the DOM are only read, to decide which key to press next and to check.
//
// From a fresh page: the first Tab reaches the skip link, Enter moves into the layer; the profile is
// filled, every theme answered (option k of each question, k varying by theme), the results and the
// action plan, and the export's file is checked against the answers given.
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { today } from './a11y_lib.mjs';
import { driver } from './drive.mjs';

const t = await openApp({ name: 'a11y_keyboard' });
const page = t.page;
const kb = page.keyboard;
const d = driver(() => page);
let presses = 0;

// What has the focus: its app id, tag, type, name (radio group), state, and whether the layer
// is shown (it must be, whenever the focus is in it).
function focused() {
  return page.evaluate(() => {
    const e = document.activeElement;
    const layer = document.getElementById('mf-a11y');
    const r = layer.getBoundingClientRect();
    const group = e && e.name ? [...document.querySelectorAll(`#mf-a11y input[name="${e.name}"]`)] : [];
    return {
      id: e && e.getAttribute('data-mf-id'), tag: e && e.tagName, type: e && e.type, name: e && e.name,
      text: e && (e.textContent || '').trim(), value: e && e.value, checked: !!(e && e.checked),
      groupAnswered: group.some((g) => g.checked), groupSize: group.length,
      skip: e && e.id === 'mf-skip', inLayer: layer.contains(e), layerShown: r.width > 200 && r.height > 200,
      outline: e && getComputedStyle(e).outlineStyle,
    };
  });
}

let last = null; // the last focus read

async function press(key) {
  presses++;
  await kb.press(key);
  await d.settle();
  last = await focused();
}

// Tab moves the focus in the page only: the app draws a frame only when a field is left (its
// validation), so only then is there something to wait for.
async function tab() {
  presses++;
  await kb.press('Tab');
  if (last && /^(INPUT|SELECT|TEXTAREA)$/.test(last.tag)) await d.settle();
  last = await focused();
  return last;
}

// Tabs forward until `want(focus)` (at most `limit` presses).
async function tabTo(want, what, limit = 120) {
  for (let i = 0; i < limit; i++) {
    const f = await tab();
    if (want(f)) return f;
  }
  throw new Error(`Tab did not reach ${what}`);
}

// Every question of the current theme has an answer (a chosen radio button or a ticked box).
async function themeAnswered() {
  const s = await t.state();
  const groups = new Map();
  for (const it of s.items) {
    const m = /^q:([^:]+):/.exec(it.id);
    if (!m || (it.kind !== 'radio' && it.kind !== 'checkbox')) continue;
    groups.set(m[1], (groups.get(m[1]) || false) || it.checked);
  }
  return [...groups.values()].every((x) => x) && groups.size > 0;
}
const isId = (id) => (f) => f.id === id;

try {
  await t.goto();
  await page.waitForSelector('#mf-skip', { state: 'attached' }); // the layer is built just after the first frame
  const s0 = await t.state();
  t.check(s0.screen === 'start', `fresh start (${s0.screen})`);

  // The first Tab stop is the skip link; Enter moves into the layer, onto the screen's heading.
  await press('Tab');
  let f = await focused();
  t.check(f.skip, `the first Tab reaches the skip link ("${f.text}")`);
  await t.screenshot('a11y-kb-01-skip-link.png');
  await press('Enter');
  f = await focused();
  t.check(f.inLayer && f.tag === 'H1' && f.layerShown, `Enter on the skip link: the focus is on the layer's heading, the layer shown (${f.tag} "${f.text}")`);

  f = await tabTo(isId('start'), 'the start button');
  t.check(f.layerShown && f.outline !== 'none', `the focused button is visible with a focus outline (${f.outline})`);
  await t.screenshot('a11y-kb-02-start.png');
  await press('Enter');
  let s = await t.state();
  t.check(s.screen === 'profile', `Enter on "Start" opens the profile (${s.screen})`);
  f = await focused();
  t.check(f.tag === 'H1', `after a change of screen the focus is on the new heading ("${f.text}")`);

  // The profile: text fields typed, drop-downs chosen with the arrow keys.
  const profile = {
    'profile:org_name': 'Tastaturets Tømrer ApS', 'profile:cvr': '13748136', 'profile:employees': '12',
    'profile:contact_name': 'Aske Østergaard', 'profile:contact_email': 'aske@toemrer.dk',
  };
  const combos = [];
  for (let i = 0; i < 60; i++) {
    f = await tab();
    if (f.id === 'next') break;
    if (!f.id || !f.id.startsWith('profile:')) continue;
    if (f.tag === 'INPUT' && profile[f.id] !== undefined && f.value === '') await kb.type(profile[f.id]);
    if (f.tag === 'SELECT' && f.value === '') {
      await press('ArrowDown');
      await press('ArrowDown');
      combos.push(f.id);
    }
  }
  t.check(f.id === 'next', 'Tab goes through the profile to "Next"');
  s = await t.state();
  t.check(s.profileComplete === true, `the profile is complete, typed and chosen by keyboard (${JSON.stringify(s.messages)}, chose ${combos.join(', ')})`);
  const org = s.items.find((i) => i.id === 'profile:org_name');
  t.check(org && org.value === profile['profile:org_name'], `æ ø typed into the layer arrive intact (${org && org.value})`);
  await t.screenshot('a11y-kb-03-profile.png');
  await press('Enter');

  // Every theme: each unanswered question gets option k (Space on the first, then k x ArrowDown
  // for radio buttons; Space on the k-th box for checkboxes); number fields get a number.
  const chosen = {}; // question id -> option id (radio) or [option ids] (checkbox)
  s = await t.state();
  for (let theme = 0; theme < s.themeCount; theme++) {
    s = await t.state();
    t.check(s.screen === 'theme' && s.theme === theme, `theme ${theme + 1} of ${s.themeCount} by keyboard (${s.themeId})`);
    const k = theme % 3;
    for (let guard = 0; guard < 200; guard++) {
      f = await tab();
      if (f.id === 'next') break;
      if (!f.id || !f.id.startsWith('q:')) continue;
      const q = f.id.split(':')[1];
      if (f.type === 'radio' && !f.groupAnswered) {
        await press('Space');
        for (let i = 0; i < Math.min(k, f.groupSize - 1); i++) await press('ArrowDown');
        f = await focused();
        chosen[q] = f.id.split(':')[2];
      } else if (f.type === 'checkbox' && !(q in chosen) && !f.groupAnswered) {
        // Tab to the k-th box of the group (a box is a Tab stop of its own) and tick it.
        for (let i = 0; i < Math.min(k, f.groupSize - 1); i++) await tab();
        await press('Space');
        f = await focused();
        chosen[q] = [f.id.split(':')[2]];
      } else if (f.tag === 'INPUT' && f.type === 'text' && f.value === '' && /:value$/.test(f.id)) {
        await kb.type('4');
        chosen[q] = 4;
      }
    }
    t.check(f.id === 'next', `theme ${theme + 1}: Tab reaches "Next" after the questions`);
    if (theme === 1) await t.screenshot('a11y-kb-04-theme.png');
    t.check(await themeAnswered(), `theme ${theme + 1}: every question answered`);
    await press('Enter');
  }
  s = await t.state();
  t.check(s.screen === 'results' && s.unanswered === 0, `every question answered by keyboard: the results (${s.screen}, ${s.answered}/${s.questions})`);
  await t.screenshot('a11y-kb-05-results.png');

  // Results -> action plan: a suggested focus area, then its goal, who and when.
  await tabTo(isId('next'), '"Make an action plan"');
  await press('Enter');
  s = await t.state();
  t.check(s.screen === 'plan', `Enter: the action plan (${s.screen})`);
  f = await tabTo((x) => /^suggest:/.test(x.id || ''), 'a suggested focus area');
  const focus = f.id.slice('suggest:'.length);
  await press('Enter');
  const plan = { 'plan:0:goal': 'To praktikpladser til nyankomne inden sommer', 'plan:0:responsible': 'Værkføreren', 'plan:0:followUp': '2027-06-01' };
  for (const id of Object.keys(plan)) {
    f = await tabTo(isId(id), id);
    if (f.type === 'date') {
      // The layer's date field is the browser's own (<input type="date">): typed as its parts, in
      // the order of the browser's locale (day, month, year in Danish; month first in en-US).
      const order = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language)
        .formatToParts(new Date(2027, 5, 1)).filter((p) => p.type !== 'literal').map((p) => p.type));
      const [year, month, day] = plan[id].split('-');
      for (const part of order) await kb.type({ year, month, day }[part]);
    } else {
      await kb.type(plan[id]);
    }
  }
  await tab();
  s = await t.state();
  t.check(s.planAreas === 1 && Object.keys(s.messages).length === 0, `one complete focus area typed by keyboard (${JSON.stringify(s.messages)})`);
  await t.screenshot('a11y-kb-06-plan.png');
  await tabTo(isId('next'), '"On to export"');
  await press('Enter');
  s = await t.state();
  t.check(s.screen === 'export', `Enter: the export (${s.screen})`);

  // The export, with Enter on the download button.
  await tabTo(isId('export'), 'the download button');
  await t.screenshot('a11y-kb-07-export.png');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), kb.press('Enter')]);
  presses++;
  const file = path.join(t.out, 'a11y-keyboard-export.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  t.check(download.suggestedFilename() === `mangfoldighedstjek-tastaturets-toemrer-aps-${today()}.json`, `the file's name (${download.suggestedFilename()})`);
  t.check(doc.format === 'mangfoldighedstjek/result' && typeof doc.checksum === 'string', 'a result file with a checksum');
  for (const [id, value] of Object.entries(profile)) {
    const key = id.slice('profile:'.length);
    const got = doc.answers[key];
    t.check(String(got) === value, `the file holds the profile's ${key} (${got})`);
  }
  const wrong = Object.entries(chosen).filter(([q, v]) => JSON.stringify(doc.answers[q]) !== JSON.stringify(v));
  t.check(Object.keys(chosen).length === s.questions && wrong.length === 0,
    `the file holds exactly the ${Object.keys(chosen).length} answers given by keyboard${wrong.length ? ': ' + wrong.slice(0, 4).map(([q, v]) => `${q} ${JSON.stringify(doc.answers[q])} != ${JSON.stringify(v)}`).join('; ') : ''}`);
  t.check(doc.actionPlan.length === 1 && doc.actionPlan[0].focus === focus && doc.actionPlan[0].goal === plan['plan:0:goal'] &&
    doc.actionPlan[0].followUp === '2027-06-01', `the file holds the action plan (${JSON.stringify(doc.actionPlan[0])})`);
  await d.settle();
  s = await t.state();
  t.check(s.lastExport === download.suggestedFilename(), `the app says the export went (${s.lastExport})`);

  // Shift+Tab goes back; Escape leaves the layer for the canvas (the layer hides).
  const here = await focused();
  await press('Shift+Tab');
  f = await focused();
  t.check(f.inLayer && f.id !== here.id, `Shift+Tab moves back (${here.id} -> ${f.id || f.tag})`);
  await press('Escape');
  f = await focused();
  t.check(!f.inLayer && !f.layerShown, 'Escape leaves the layer, which hides again');
  // The drawn view: a key other than Tab puts it to use, and Tab is then ImGui's navigation; Escape
  // hands Tab back to the page (no keyboard trap).
  await press('ArrowDown');
  await press('Tab');
  f = await focused();
  s = await t.state();
  t.check(!f.inLayer && !f.skip && s.focused !== '', `in the drawn view Tab moves ImGui's focus (${s.focused})`);
  await press('Escape');
  await press('Tab');
  f = await focused();
  t.check(f.skip || f.inLayer, `Escape, then Tab: back in the page's Tab order (${f.skip ? 'skip link' : f.id || f.tag})`);
  console.log(`     ${presses} key presses`);
} catch (e) {
  await t.fail(e);
}
await t.finish();
