// no_answer_lost.test.mjs - never losing an answer: answers questions with real clicks and, at
// random moments (right after the mouse button comes up, or a little later), reloads the page or
// closes it and opens a new one in the same browser (same localStorage). After every interruption,
// every answer given so far must be there, on the same screen.
//
// The moments are random but reproducible: the seed is printed, and MF_SEED=<n> repeats a run.
// Answers go top to bottom within a theme (the first unanswered question, a random option), so an
// answer never hides a question that was already answered; each given answer must then survive.
import path from 'node:path';
import { openApp } from './lib.mjs';
import { driver } from './drive.mjs';

const seed = Number(process.env.MF_SEED || Date.now() % 1000000);
console.log(`seed ${seed} (repeat with MF_SEED=${seed})`);
let rng = seed >>> 0;
const random = () => {
  // mulberry32
  rng = (rng + 0x6d2b79f5) >>> 0;
  let x = rng;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

const t = await openApp({ name: 'no_answer_lost' });
let page = t.page;
const d = driver(() => page);
const BUDGET_MS = 40000;

const given = new Map(); // question id -> option id (radio) or sorted option ids (checkbox)
let interruptions = 0, reloads = 0, closes = 0, lost = 0;

async function interrupt(delay) {
  if (delay > 0) await page.waitForTimeout(delay);
  const screen = (await d.state()).screen;
  if (random() < 0.5) {
    reloads++;
    await page.reload({ waitUntil: 'load' });
  } else {
    closes++;
    const next = await t.context.newPage();
    await page.close(); // no beforeunload dialog: the tab just goes
    page = next;
    await page.goto(t.server.url, { waitUntil: 'load' });
  }
  await d.waitReady();
  await d.settle();
  interruptions++;
  const s = await d.state();
  const missing = [];
  for (const [q, v] of given) {
    const now = s.answers[q];
    if (JSON.stringify(now) !== JSON.stringify(v)) missing.push(`${q}: gave ${JSON.stringify(v)}, now ${JSON.stringify(now)}`);
  }
  lost += missing.length;
  t.check(missing.length === 0 && s.screen === screen,
    `interruption ${interruptions} (${delay} ms after a click): all ${given.size} answers kept, still on ${s.screen}` +
    (missing.length ? `\n    lost: ${missing.join('\n    lost: ')}` : ''));
}

try {
  await t.goto();
  await d.click('start');
  await d.click('next'); // the profile can be completed later
  const start = Date.now();
  let s = await d.state();
  t.check(s.screen === 'theme', `the first theme is open (${s.screen})`);
  while (Date.now() - start < BUDGET_MS) {
    const answered = await d.answerNext((items) => items[Math.floor(random() * items.length)], { settle: false });
    if (!answered) {
      s = await d.state();
      if (s.screen !== 'theme' || s.theme + 1 >= s.themeCount) break;
      await d.click('next');
      continue;
    }
    // What the click gave: a radio is that option; a checkbox toggles it in the selection.
    if (answered.kind === 'radio') given.set(answered.question, answered.option);
    else given.set(answered.question, [answered.option]);
    const r = random();
    if (r < 0.3) await interrupt(0); // the page goes while the click is still being handled
    else if (r < 0.45) await interrupt(Math.floor(random() * 200));
    else await d.settle();
  }
  await interrupt(0);
  s = await d.state();
  console.log(`     ${given.size} answers given, ${interruptions} interruptions (${reloads} reloads, ${closes} closes), ` +
    `${lost} answers lost, ${((Date.now() - start) / 1000).toFixed(1)} s`);
  t.check(given.size >= 5, `enough answers were given to mean something (${given.size})`);
  t.check(interruptions >= 3, `enough interruptions (${interruptions})`);
  await page.screenshot({ path: path.join(t.out, 'no-answer-lost.png') }); // t.page may be closed by now
} catch (e) {
  await t.fail(e);
}
await t.finish();
