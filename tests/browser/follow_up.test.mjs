// follow_up.test.mjs - two years of the regular follow-up in headless Chromium, driven with real
// mouse and keyboard input (issue 17):
//   year 1: profile, every question answered, an action plan of three focus areas with an indicator
//           of each unit (one from the questionnaire's suggestions), exported; the calendar (.ics)
//           saved and parsed by Debian's python3-icalendar (one all-day event per focus area on its
//           date, a reminder a week before);
//   year 2: a fresh assessment loads the year-1 file as a new round (its answers the starting point,
//           some answered anew), the "Opfølgning" step follows
//           every goal up (status, value now, note; "opgivet" chosen and changed, so each status is
//           chosen once: a plan has at most three goals), progress shown, one goal carried over into
//           the new plan, exported; the file validates against the result schema (python3
//           jsonschema) and carries the follow-up; the printable report, printed to PDF, has the
//           follow-up in its text (pdftotext).
// A reload at each step loses nothing. Screenshots (test-output/follow-up-*.png) of the plan with
// indicators, the follow-up step and the report, in Danish and English, at 100 % and 150 % text.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib.mjs';
import { driver, waitLanguage } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = path.join(here, '../../questionnaires/schema/result.schema.json');
const PY = '/usr/bin/python3';
const t = await openApp({ name: 'follow_up' });
const page = t.page;
const d = driver(() => page);
const { click, typeInto } = d;

async function reloadKeeps(what, read) {
  const before = JSON.stringify(read(await t.state()));
  await page.reload({ waitUntil: 'load' });
  await d.waitReady();
  await d.settle();
  const after = JSON.stringify(read(await t.state()));
  t.check(before === after, `a reload ${what} loses nothing${before === after ? '' : `:\n    ${before}\n    ${after}`}`);
}

async function choose(combo, option) {
  await click(combo);
  await click(`${combo}:${option}`);
}

async function download(buttonId, file) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), click(buttonId)]);
  const target = path.join(t.out, file);
  await dl.saveAs(target);
  return { target, name: dl.suggestedFilename() };
}

// Screenshots at 100 % and 150 % text (the largest step), Danish and English; back to Danish, 100 %.
async function screenshots(prefix, top) {
  for (const lang of ['da', 'en']) {
    await click(`lang-${lang}`);
    for (const size of [0, 3]) {
      while ((await t.state()).textSize < size) await click('text-larger');
      while ((await t.state()).textSize > size) await click('text-smaller');
      if (top) await d.reveal(top);
      await t.screenshot(`follow-up-${prefix}-${lang}-${size === 0 ? 100 : 150}.png`);
    }
  }
  while ((await t.state()).textSize > 0) await click('text-smaller');
  await click('lang-da');
}

function validate(file) {
  try {
    return execFileSync(PY, ['-c', `
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator(schema).validate(doc); print("valid")`, schema, file], { encoding: 'utf8' }).trim();
  } catch (e) {
    return String(e.stdout || '') + String(e.stderr || e);
  }
}

const plan1 = [
  { goal: 'Flere stillingsopslag deles bredt', responsible: 'HR-chefen', date: '2027-03-01', baseline: '20', target: '60' },
  { goal: 'Flere får en fast makker', responsible: 'Driftslederen', date: '2027-04-15', measure: 'Antal nye med fast makker', unit: 'number', baseline: '2', target: '10' },
  { goal: 'Ledelsen vedtager en politik', responsible: 'Direktøren', date: '2027-05-31', measure: 'Politik vedtaget', unit: 'yesno', baseline: 'no', target: 'yes' },
];

try {
  // ---- Year 1 ----------------------------------------------------------------------------------
  await t.goto();
  await click('start');
  await typeInto('profile:org_name', 'Bageriet Nord ApS');
  await typeInto('profile:cvr', '13748136');
  await typeInto('profile:employees', '25');
  await typeInto('profile:contact_email', 'hr@bageriet.dk');
  await click('profile:sector');
  await click((await t.state()).items.find((i) => i.id.startsWith('profile:sector:')).id);
  await click('next');
  for (let guard = 0; guard < 20 && (await t.state()).screen === 'theme'; guard++) {
    while (await d.answerNext((items) => items[Math.min(1, items.length - 1)]));
    await click('next');
  }
  let s = await t.state();
  t.check(s.screen === 'results' && s.unanswered === 0, `year 1: every question answered (${s.screen}, ${s.unanswered} left)`);

  await click('next');
  const themes = ['rekruttering', 'modtagelse', 'ledelse'];
  for (let i = 0; i < 3; i++) {
    await click('plan-add');
    await choose(`plan:${i}:focus`, themes[i]);
    const a = plan1[i];
    await typeInto(`plan:${i}:goal`, a.goal);
    await typeInto(`plan:${i}:responsible`, a.responsible);
    await typeInto(`plan:${i}:followUp`, a.date);
    if (i === 0) {
      await click('plan:0:suggest-indicator:0');
      s = await t.state();
      t.check(s.plan[0].indicator && s.plan[0].indicator.unit === 'percent' && /jobcenter/.test(s.plan[0].indicator.measure),
        `a suggested indicator from the questionnaire is taken (${JSON.stringify(s.plan[0].indicator)})`);
      await typeInto('plan:0:indicator/baseline', 'tyve');
      s = await t.state();
      t.check(/tal/.test(s.messages['plan:0:indicator/baseline'] || ''), `a unit mismatch is an error while typing (${s.messages['plan:0:indicator/baseline']})`);
      await typeInto('plan:0:indicator/baseline', a.baseline);
      await typeInto('plan:0:indicator/target', a.baseline);
      s = await t.state();
      const warning = s.notices.find((n) => n.id === 'plan:0:indicator/target:warning');
      t.check(warning && warning.tone === 'warning' && /samme som i dag/.test(warning.text) && !s.messages['plan:0:indicator/target'],
        `a target that is no change gets a gentle warning, not an error (${warning && warning.text})`);
      await typeInto('plan:0:indicator/target', a.target);
    } else {
      await typeInto(`plan:${i}:indicator/measure`, a.measure);
      await choose(`plan:${i}:indicator/unit`, a.unit);
      if (a.unit === 'yesno') {
        await choose(`plan:${i}:indicator/baseline`, a.baseline);
        await choose(`plan:${i}:indicator/target`, a.target);
      } else {
        await typeInto(`plan:${i}:indicator/baseline`, a.baseline);
        await typeInto(`plan:${i}:indicator/target`, a.target);
      }
    }
  }
  s = await t.state();
  t.check(s.plan.length === 3 && s.plan.every((a) => a.indicator && a.indicator.baseline !== null && a.indicator.target !== null),
    `year 1: three focus areas, each with a complete indicator (${JSON.stringify(s.plan.map((a) => a.indicator))})`);
  t.check(Object.keys(s.messages).filter((k) => k.startsWith('plan:')).length === 0, `no message left on the plan (${JSON.stringify(s.messages)})`);
  await reloadKeeps('of the plan with indicators', (x) => [x.screen, x.plan]);
  await screenshots('plan', 'plan:0:indicator/target');

  // The calendar, parsed by a real iCalendar parser.
  const ics = await download('calendar', 'follow-up-year1.ics');
  t.check(ics.name.endsWith('-opfoelgning.ics'), `the calendar is saved as a download (${ics.name})`);
  const parsed = JSON.parse(execFileSync(PY, ['-c', `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
out = []
for e in cal.walk("VEVENT"):
    alarms = [a.get("trigger").dt for a in e.walk("VALARM")]
    out.append({"date": e.decoded("dtstart").isoformat(), "uid": str(e.get("uid")), "desc": str(e.get("description")),
                "alarm_days": [-(x.days) if hasattr(x, "days") else None for x in alarms]})
print(json.dumps(out))`, ics.target], { encoding: 'utf8' }));
  t.check(JSON.stringify(parsed.map((e) => e.date)) === JSON.stringify(plan1.map((a) => a.date)),
    `the .ics parses with one event per focus area on its follow-up date (${parsed.map((e) => e.date).join(', ')})`);
  t.check(parsed.every((e, i) => e.desc.includes(plan1[i].goal) && e.desc.includes(plan1[i].responsible)),
    'each event describes its goal and who is responsible');
  t.check(parsed.every((e) => e.alarm_days.length === 1), `each event has a reminder (${JSON.stringify(parsed.map((e) => e.alarm_days))})`);

  await click('next');
  const year1 = await download('export', 'follow-up-year1.json');
  const doc1 = JSON.parse(fs.readFileSync(year1.target, 'utf8'));
  t.check(doc1.formatVersion === 2 && doc1.actionPlan.length === 3 && doc1.actionPlan[2].indicator.unit === 'yesno',
    `year 1 exported as format 2 with the indicators (${year1.name})`);
  t.check(validate(year1.target) === 'valid', `the year-1 file validates against the result schema (${validate(year1.target)})`);

  // ---- Year 2 ----------------------------------------------------------------------------------
  await click('start-over');
  await click('start-over-confirm');
  await d.dropFile(year1.name, fs.readFileSync(year1.target, 'utf8'));
  await click('import-next-round');
  s = await t.state();
  t.check(s.screen === 'followup' && s.followUp && s.followUp.items.length === 3 && s.planAreas === 0 && s.earlier === year1.name,
    `year 2: a new round opens the follow-up of last year's three goals, compared, with a new plan to make (${s.screen}, ${s.planAreas})`);
  t.check(s.followUp.earlier.checksum === doc1.checksum && s.followUp.earlier.created === doc1.created,
    'the follow-up names the earlier file by its created time and checksum');

  await click('followup:0:dropped');
  t.check((await t.state()).followUp.items[0].status === 'dropped', 'status "opgivet" can be chosen');
  await click('followup:0:reached');
  await typeInto('followup:0:current', '60 %');
  await typeInto('followup:0:note', 'Alle opslag deles nu via jobcentret.');
  await click('followup:1:partly');
  await typeInto('followup:1:current', '6');
  await typeInto('followup:1:note', 'Halvvejs: seks af ti.');
  await click('followup:2:not_reached');
  await choose('followup:2:current', 'no');
  await typeInto('followup:2:note', 'Udsat til næste år.');
  s = await t.state();
  const statuses = s.followUp.items.map((x) => x.status);
  t.check(JSON.stringify(statuses) === JSON.stringify(['reached', 'partly', 'not_reached']), `every goal followed up (${statuses.join(', ')})`);
  const bars = await page.evaluate(() => [...document.querySelectorAll('#mf-a11y-main p')].map((p) => p.textContent).filter((x) => /Fremskridt/.test(x)));
  t.check(bars.length === 3 && /100 %/.test(bars[0]) && /50 %/.test(bars[1]) && /0 %/.test(bars[2]),
    `progress towards each target is computed and shown (${bars.join(' | ')})`);
  await reloadKeeps('of the follow-up step', (x) => [x.screen, x.followUp]);
  await screenshots('step', 'followup:0:current');

  await click('followup:1:carry');
  s = await t.state();
  t.check(s.plan.length === 1 && s.plan[0].goal === plan1[1].goal && s.plan[0].indicator.baseline === 6,
    `one click carries a goal into the new plan, the value now as its baseline (${JSON.stringify(s.plan[0])})`);
  await click('next');
  s = await t.state();
  t.check(s.screen === 'plan', `"Next" goes on to the new plan (${s.screen})`);
  await typeInto('plan:0:followUp', '2028-04-15');
  await typeInto('plan:0:indicator/target', '12');
  await reloadKeeps('of the new plan', (x) => [x.screen, x.plan, x.followUp]);

  // This year's answers: the questions of the theme shown get the first alternative.
  const overallBefore = (await t.state()).overall;
  await click('step-questions');
  let changed = 0;
  for (const [, items] of d.openGroups(await t.state())) {
    if (items[0].checked || changed >= 4) continue;
    await click(items[0].id);
    changed++;
  }
  s = await t.state();
  t.check(changed > 0 && s.overall !== overallBefore, `year 2 answers differently (${changed} answers changed, ${overallBefore} -> ${s.overall})`);

  await click('step-results');
  s = await t.state();
  const summary = await page.evaluate(() => document.querySelector('#mf-a11y-main').innerText);
  t.check(/Sidste års mål/.test(summary) && /Delvist nået/.test(summary) && /procentpoint/.test(summary),
    'the results screen shows last year\'s goals with their status next to the theme\'s change');

  // The report, printed to PDF.
  const [report] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }), click('report')]);
  await report.waitForLoadState('load');
  const pdf = path.join(t.out, 'follow-up-report.pdf');
  await report.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  t.check(/Opfølgning på den tidligere handlingsplan/.test(text), 'the report (PDF text) has the follow-up of the earlier plan');
  for (const word of ['Nået', 'Delvist nået', 'Ikke nået', 'Alle opslag deles nu via jobcentret.', plan1[2].goal])
    t.check(text.includes(word), `the report's PDF text holds "${word}"`);
  await report.setViewportSize({ width: 900, height: 1200 });
  await report.evaluate(() => document.querySelector('section.follow-up').scrollIntoView());
  await report.screenshot({ path: path.join(t.out, 'follow-up-report-da.png') });
  await report.close();

  await click('step-export');
  const year2 = await download('export', 'follow-up-year2.json');
  const doc2 = JSON.parse(fs.readFileSync(year2.target, 'utf8'));
  t.check(validate(year2.target) === 'valid', `the year-2 file validates against the result schema (${validate(year2.target)})`);
  t.check(doc2.planFollowUp && doc2.planFollowUp.items.map((x) => x.status).join() === 'reached,partly,not_reached'
    && doc2.planFollowUp.items[1].current === 6 && doc2.planFollowUp.earlier.checksum === doc1.checksum,
  'the year-2 file carries the follow-up (statuses, values now, the earlier file)');
  t.check(doc2.actionPlan.length === 1 && doc2.actionPlan[0].followUp === '2028-04-15', 'and the new plan with the carried-over goal');

  // The report in English, from the plan screen.
  await click('lang-en');
  await waitLanguage(page, 'en');
  await click('step-plan');
  const [reportEn] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }), click('report')]);
  await reportEn.waitForLoadState('load');
  await reportEn.setViewportSize({ width: 900, height: 1200 });
  const textEn = await reportEn.evaluate(() => document.body.innerText);
  t.check(/Follow-up of the earlier action plan/.test(textEn) && /Partly reached/.test(textEn), 'the English report has the follow-up');
  await reportEn.evaluate(() => document.querySelector('section.follow-up').scrollIntoView());
  await reportEn.screenshot({ path: path.join(t.out, 'follow-up-report-en.png') });
  await reportEn.close();
  await click('lang-da');
} catch (e) {
  await t.fail(e);
}
await t.finish();
