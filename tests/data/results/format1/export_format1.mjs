// export_format1.mjs - how the format-1 fixtures in this folder were made: the web app of main at
// 2f55c53 (before result format 2), driven in headless Chromium with real clicks and typing, exports
// three realistic result files with action plans and a workshop "export all" bundle. Kept so the
// fixtures can be understood; running it against a newer app gives files of the newer format.
//
//   node tests/data/results/format1/export_format1.mjs --dist build/web/dist --out /tmp/format1
//
// The browser's clock is fixed per assessment (Date only; timers run), so the files carry the
// dates of two years and mf-aggregate finds a change over time for Bageriet Nord.
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../../../browser/lib.mjs';
import { driver } from '../../../browser/drive.mjs';

const t = await openApp({ name: 'export_format1' });
const page = t.page;
const d = driver(() => page);
const { click, typeInto, settle } = d;

async function answerTheme(choice) {
  while (await d.answerNext((items) => items[Math.min(choice, items.length - 1)]));
}

// Answers `themes` themes (all when undefined) from the first theme screen on.
async function answerThemes(choice, themes) {
  let s = await t.state();
  const count = themes === undefined ? s.themeCount : themes;
  for (let i = 0; i < count; i++) {
    await answerTheme((choice + i) % 3);
    await click('next');
  }
}

async function fillProfile(o) {
  if (o.name !== undefined) await typeInto('profile:org_name', o.name);
  await typeInto('profile:cvr', o.cvr);
  await typeInto('profile:employees', String(o.employees));
  await typeInto('profile:contact_name', o.contact);
  await typeInto('profile:contact_email', o.email);
  await click('profile:sector');
  await click(`profile:sector:${o.sector}`);
  const s = await t.state();
  if (!s.profileComplete) throw new Error(`profile of ${o.name} incomplete: ${JSON.stringify(s.messages)}`);
  await click('next');
}

// Focus areas: {suggest: true} takes the next suggestion; {focus: '<question or theme id>'} picks it
// from the list; goal, responsible and followUp are typed.
async function fillPlan(areas) {
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i];
    if (a.suggest) {
      const s = await t.state();
      const suggestion = s.items.find((it) => it.id.startsWith('suggest:'));
      await click(suggestion.id);
    } else {
      await click('plan-add');
      await click(`plan:${i}:focus`);
      await click(`plan:${i}:focus:${a.focus}`);
    }
    await typeInto(`plan:${i}:goal`, a.goal);
    await typeInto(`plan:${i}:responsible`, a.responsible);
    await typeInto(`plan:${i}:followUp`, a.followUp);
  }
  const s = await t.state();
  if (s.planAreas !== areas.length || Object.keys(s.messages).length) throw new Error(`plan: ${s.planAreas} areas, ${JSON.stringify(s.messages)}`);
}

async function exportFile() {
  await click('step-export');
  const item = await d.reveal('export');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.mouse.click(item.x + 20, item.y + item.h / 2),
  ]);
  const target = path.join(t.out, download.suggestedFilename());
  await download.saveAs(target);
  console.log(`exported ${target}`);
}

async function setTime(iso) {
  await t.context.clock.setFixedTime(new Date(iso));
}

try {
  // 1. Bageriet Nord, 2025, Danish, everything answered, three focus areas.
  await setTime('2025-11-20T09:12:00Z');
  await t.goto();
  await click('start');
  await fillProfile({ name: 'Bageriet Nord ApS', cvr: '29188505', employees: 14, contact: 'Søren Ørsted',
    email: 'soeren@bageriet-nord.dk', sector: 'handel_transport' });
  await answerThemes(1);
  await click('next'); // results -> plan
  await setTime('2025-11-20T09:47:05Z');
  await fillPlan([
    { suggest: true, goal: 'Mindst 2 af 4 stillingsopslag om året delt via jobcenter og foreninger', responsible: 'Søren Ørsted, indehaver', followUp: '2026-11-01' },
    { suggest: true, goal: 'Alle nye medarbejdere får en fast makker de første 3 måneder', responsible: 'Bagermester Aysel Demir', followUp: '2026-06-15' },
    { focus: 'anonymised', goal: 'Ansøgninger læses uden navn og alder fra 1. marts', responsible: 'HR (deltid) – "Lise"', followUp: '2026-03-01' },
  ]);
  await exportFile();

  // 2. Copenhagen Consulting Hub, 2026, English, three themes answered, one focus area.
  await click('start-over');
  await click('start-over-confirm');
  await setTime('2026-02-10T13:40:00Z');
  await click('lang-en');
  await click('start');
  await fillProfile({ name: 'Copenhagen Consulting Hub I/S', cvr: '31291003', employees: 62, contact: 'Maria Jensen',
    email: 'maria@cphhub.example', sector: 'viden' });
  await answerThemes(0, 3);
  await click('step-results');
  await click('next');
  await setTime('2026-02-10T14:22:31Z');
  await fillPlan([{ suggest: true, goal: 'No job ad asks for more Danish than the job needs: all ads reviewed by 1 September', responsible: 'CEO', followUp: '2026-09-01' }]);
  await exportFile();
  await click('lang-da');

  // 3. A workshop in 2026: three organisations, Bageriet Nord again (its second year), export all.
  await click('start-over');
  await click('start-over-confirm');
  await setTime('2026-03-05T10:05:00Z');
  await click('workshop');
  const workshop = [
    { name: 'Bageriet Nord ApS', cvr: '29188505', employees: 16, contact: 'Søren Ørsted', email: 'soeren@bageriet-nord.dk', sector: 'handel_transport', choice: 2,
      plan: [{ suggest: true, goal: '3 praktikpladser til ledige via jobcentret inden 1. oktober', responsible: 'Søren Ørsted', followUp: '2026-10-01' }] },
    { name: 'Café Ærø', cvr: '25313763', employees: 8, contact: 'Jonas Ærø', email: 'jonas@cafe-aeroe.dk', sector: 'hotel_restaurant', choice: 0,
      plan: [
        { suggest: true, goal: 'Personalehåndbog på dansk og engelsk; 100 % af nye har læst den', responsible: 'Køkkenchefen', followUp: '2026-08-15' },
        { suggest: true, goal: 'Én fællesspisning om måneden med naboforeningen', responsible: 'Jonas', followUp: '2026-12-31' },
      ] },
    { name: 'Kantinen på Havnen A/S', cvr: '10150817', employees: 41, contact: 'Fatima Khan', email: 'fk@kantinen.example', sector: 'hotel_restaurant', choice: 1, themes: 4, plan: [] },
  ];
  let minute = 10;
  for (const o of workshop) {
    await setTime(`2026-03-05T10:${minute}:00Z`);
    minute += 17;
    await typeInto('new-name', o.name);
    await click('add');
    await fillProfile({ ...o, name: undefined });
    await answerThemes(o.choice, o.themes);
    if (o.plan.length) {
      await setTime(`2026-03-05T10:${minute - 5}:40Z`);
      await click('step-plan');
      await fillPlan(o.plan);
    }
    const s = await t.state();
    await click(s.items.some((i) => i.id === 'workshop') ? 'workshop' : 'header-workshop');
  }
  await setTime('2026-03-05T11:02:00Z');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), click('export-all')]);
  const bundlePath = path.join(t.out, download.suggestedFilename());
  await download.saveAs(bundlePath);
  const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
  t.check(bundle.results.length === 3, `the bundle holds 3 results (${download.suggestedFilename()})`);
  await settle();
} catch (e) {
  await t.fail(e);
}
await t.finish();
