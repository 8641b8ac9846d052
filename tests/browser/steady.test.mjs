// steady.test.mjs - a layout that stays put under the hand (issue 19): the header's buttons do not
// move when the text size changes (two clicks on A+ at the same place both hit A+); a notice coming
// and going moves nothing on screen; a click and the typing right after it go to the field clicked,
// also with the CPU throttled 4x through the DevTools protocol; a follow-up question brought by an
// answer appears below it (nothing above moves) and is announced, also in the layer's live region.
import { openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const t = await openApp({ name: 'steady' });
const page = t.page;
const d = driver(() => page);
const { settle, findItem, click, typeInto } = d;

const HEADER = ['lang-da', 'lang-en', 'text-smaller', 'text-larger', 'header-workshop', 'start-over'];
const rects = (s) => Object.fromEntries(HEADER.map((id) => {
  const it = s.items.find((i) => i.id === id);
  return [id, it ? [Math.round(it.x), Math.round(it.y), Math.round(it.w), Math.round(it.h)].join(',') : 'missing'];
}));

try {
  await t.goto();
  await click('start');

  // 1. A+ twice in the same place: the second click hits A+ again, and no header button moved.
  let s = await t.state();
  const before = rects(s);
  const larger = s.items.find((i) => i.id === 'text-larger');
  const at = { x: larger.x + larger.w / 2, y: larger.y + larger.h / 2 };
  for (let i = 0; i < 3; i++) {
    await page.mouse.click(at.x, at.y);
    await settle();
  }
  s = await t.state();
  t.check(s.textSize === 3 && s.screen === 'profile', `three clicks at the same place on A+ give the largest text, nothing else (${s.textSize}, ${s.screen})`);
  const after = rects(s);
  const moved = HEADER.filter((id) => before[id] !== after[id]);
  t.check(moved.length === 0, `the header's buttons keep their places at every text size${moved.length ? ': ' + moved.map((id) => `${id} ${before[id]} -> ${after[id]}`).join('; ') : ''}`);
  await t.screenshot('steady-01-largest-text.png');
  for (let i = 0; i < 3; i++) await click('text-smaller');

  // 2. A notice comes and goes: nothing on screen moves.
  await typeInto('profile:org_name', 'Nørrebro Bageri ApS');
  const positions = (st) => Object.fromEntries(st.items.filter((i) => i.visible).map((i) => [i.id, Math.round(i.y)]));
  await click('header-workshop');
  await typeInto('new-name', 'Vesterbro Værksted');
  await click('add'); // "Tilføjet: ..." while the new organisation's profile opens
  s = await t.state();
  t.check(s.notice !== '', `a notice is up (${s.notice})`);
  const withNotice = positions(s);
  await waitUntil(page, () => window.mfTest.state().notice === '', null, { timeout: 15000 });
  await settle();
  s = await t.state();
  const without = positions(s);
  const jumped = Object.keys(withNotice).filter((id) => id in without && withNotice[id] !== without[id]);
  t.check(jumped.length === 0 && Object.keys(withNotice).length > 5,
    `the notice's going moved nothing (${Object.keys(withNotice).length} items compared${jumped.length ? '; moved: ' + jumped.join(', ') : ''})`);

  // 3. Click, then type at once, with the CPU throttled 4x: every character lands in the field clicked.
  await click('step-profile');
  const cdp = await t.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  s = await t.state();
  // The text fields on screen (the profile's first ones), clicked in turn, each typed into at once.
  const onScreen = s.items.filter((i) => i.kind === 'input' && i.visible && i.y + i.h < 760).map((i) => i.id);
  t.check(onScreen.length >= 2, `two text fields on screen to click between (${onScreen.join(', ')})`);
  const [a, b] = onScreen;
  const fields = [a, b, a, b, a, b];
  const texts = ['Direktør', '2027-09-30', 'Bageriet ApS', '13748136', 'Nørrebro Bageri ApS', '24256790'];
  const place = Object.fromEntries([a, b].map((id) => {
    const it = s.items.find((i) => i.id === id);
    return [id, { x: it.x + 30, y: it.y + it.h / 2 }];
  }));
  for (let i = 0; i < fields.length; i++) {
    await page.mouse.click(place[fields[i]].x, place[fields[i]].y);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(texts[i]); // no waiting: straight after the click, as a quick typist does
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.keyboard.press('Tab');
  await settle();
  s = await t.state();
  const value = (id) => (s.items.find((i) => i.id === id) || {}).value || '';
  // What matters is where the keys went: the last text typed into each field is in it, whole (a
  // Ctrl+A that lands a frame late may leave older text beside it), and no text typed into one
  // field turned up in the other.
  const typedInto = { [a]: texts.filter((_, i) => fields[i] === a), [b]: texts.filter((_, i) => fields[i] === b) };
  const expected = { [a]: 'Nørrebro Bageri ApS', [b]: '24256790' };
  const other = { [a]: b, [b]: a };
  const wrong = Object.entries(expected)
    .filter(([id, v]) => !value(id).includes(v) || typedInto[other[id]].some((x) => value(id).includes(x)))
    .map(([id, v]) => `${id}: "${value(id)}" (expected "${v}")`);
  t.check(wrong.length === 0, `click then immediate typing lands in the clicked field, CPU throttled 4x${wrong.length ? ': ' + wrong.join('; ') : ''}`);

  // 4. An answer that brings a follow-up question: it appears below (nothing above it moves) and is
  // announced, on screen and in the layer's live region.
  await click('step-questions');
  for (let i = 0; i < 8 && (await t.state()).themeId !== 'kultur'; i++) await click('next');
  s = await t.state();
  t.check(s.themeId === 'kultur', `the theme with "reporting_channel" (${s.themeId})`);
  await d.reveal('q:reporting_channel:yes');
  s = await t.state();
  const above = (st) => {
    const answered = st.items.find((i) => i.id === 'q:reporting_channel:yes');
    return Object.fromEntries(st.items.filter((i) => i.visible && i.id && i.y <= answered.y).map((i) => [i.id, Math.round(i.y)]));
  };
  const beforeAnswer = above(s);
  t.check(!s.items.some((i) => (i.id || '').startsWith('q:case_handling:')), 'the follow-up question is not there before the answer');
  await click('q:reporting_channel:yes');
  s = await t.state();
  t.check(s.items.some((i) => (i.id || '').startsWith('q:case_handling:')), 'the follow-up question has appeared');
  const afterAnswer = above(s);
  const shifted = Object.keys(beforeAnswer).filter((id) => id in afterAnswer && beforeAnswer[id] !== afterAnswer[id]);
  t.check(shifted.length === 0 && Object.keys(beforeAnswer).length >= 2,
    `nothing above the answered question moved (${Object.keys(beforeAnswer).length} items${shifted.length ? '; moved: ' + shifted.join(', ') : ''})`);
  t.check(/^Et nyt spørgsmål er kommet til herunder: »Hvad sker der, når nogen siger fra/.test(s.notice), `the app says a question appeared (${s.notice})`);
  const live = await waitUntil(page, () => document.querySelector('#mf-a11y [aria-live]').textContent, null, { timeout: 5000 });
  t.check(live === s.notice, `the layer's live region says it too (${live})`);
  await t.screenshot('steady-04-follow-up-announced.png');
} catch (e) {
  await t.fail(e);
}
await t.finish();
