// question_count.test.mjs - one honest question count from the start screen to the last theme
// (issue 19): the start screen gives the number of questions as a range ("svarer derefter på 31–38
// spørgsmål"), because follow-up questions appear with some answers; the low end is the count before
// any answer; while the questions are answered (an answer that opens a follow-up where there is
// one), the progress line's total stays inside that range, grows when a follow-up appears, and the
// line the user reads ("12 af 33 spørgsmål") says the same as the model. Read from the accessible
// layer (the texts as drawn) and the page's test interface.
import { openApp } from './lib.mjs';
import { driver } from './drive.mjs';

const layerText = (page) => page.evaluate(() => (document.querySelector('#mf-a11y-main') || document.body).textContent.replace(/\s+/g, ' '));

// The option that can open a follow-up: "yes", else the last option (the fullest answer), so that
// the walk meets the follow-up questions.
const opening = (items) => items.find((i) => i.option === 'yes') || items[items.length - 1];

const t = await openApp({ name: 'question_count' });
const d = driver(() => t.page);
try {
  await t.goto();
  const start = await layerText(t.page);
  const range = /svarer derefter på (\d+)–(\d+) spørgsmål/.exec(start);
  t.check(range !== null, `the start screen gives the number of questions as a range (${(/svarer derefter på [^.]*/.exec(start) || ['none'])[0]})`);
  const fewest = range ? Number(range[1]) : NaN, most = range ? Number(range[2]) : NaN;
  t.check(fewest < most, `the range is a range (${fewest}–${most})`);

  await d.click('start');
  await d.click('next'); // the profile can be completed later
  let s = await d.state();
  t.check(s.screen === 'theme', `the first theme is open (${s.screen})`);
  t.check(s.questions === fewest, `before any answer the count is the range's low end (${s.questions} against ${fewest})`);

  const totals = new Set([s.questions]);
  let outside = [], unsaid = [], answered = 0;
  for (let guard = 0; guard < 200; guard++) {
    const r = await d.answerNext(opening);
    s = await d.state();
    if (r) {
      answered++;
      totals.add(s.questions);
      if (s.questions < fewest || s.questions > most) outside.push(`${r.question}: ${s.questions}`);
      const line = `${s.answered} af ${s.questions} spørgsmål`;
      if (!(await layerText(t.page)).includes(line)) unsaid.push(line);
      continue;
    }
    if (s.screen !== 'theme' || s.theme + 1 >= s.themeCount) break;
    await d.click('next');
  }
  t.check(answered >= fewest, `every question was answered (${answered}; ${s.answered} of ${s.questions})`);
  t.check(outside.length === 0, `the total never leaves ${fewest}–${most} (${[...totals].sort((a, b) => a - b).join(', ')})` +
    (outside.length ? `; outside: ${outside.join(', ')}` : ''));
  t.check(Math.max(...totals) > fewest, `follow-up questions raised the total (largest ${Math.max(...totals)})`);
  t.check(unsaid.length === 0, `the progress line the user reads says the model's count after each answer` +
    (unsaid.length ? ` (not in the layer: ${unsaid.slice(0, 3).join('; ')})` : ''));
  await t.screenshot('question-count.png');
} catch (e) {
  await t.fail(e);
}
await t.finish();
