// dialogs_focus.test.mjs - dialogs answer the keyboard in both views, and the keyboard is never
// trapped (issue 19):
//   - drawn view: Escape closes the import error dialog and the start-over dialog (keeping the
//     answers), Enter presses the default button, without a Tab first;
//   - the accessible layer: a dialog that opens takes the focus, Escape closes it there too, and the
//     focus returns to the button that opened it;
//   - from the drawn view (after a click into it, or after Escape), Tab reaches the skip link again.
import { openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const t = await openApp({ name: 'dialogs_focus' });
const page = t.page;
const d = driver(() => page);
const { settle, click, typeInto } = d;

const active = () => page.evaluate(() => {
  const e = document.activeElement;
  return { id: e && e.id, mf: e && e.getAttribute('data-mf-id'), inDialog: !!(e && e.closest('[role="dialog"]')),
           text: e && (e.textContent || '').trim().slice(0, 60) };
});

try {
  await t.goto();
  await click('start');
  await typeInto('profile:org_name', 'Dialogtest ApS');
  let s = await t.state();
  const answers = s.answerCount;

  // 1. The drawn view: a broken file's error dialog closes with Escape, then with Enter.
  for (const key of ['Escape', 'Enter']) {
    await d.dropFile('broken.json', '{"format": "mangfoldighedstjek/result", ');
    s = await t.state();
    t.check(s.modal === 'import-error', `a broken file opens the error dialog (${s.modal})`);
    await page.keyboard.press(key);
    await settle();
    s = await t.state();
    t.check(s.modal === null && s.answerCount === answers, `${key} closes it at once, no Tab first; the answers stay (${s.modal})`);
  }

  // 2. Start over: Escape and Enter both keep the answers (Enter's default is "No, keep my answers").
  for (const key of ['Escape', 'Enter']) {
    await click('start-over');
    s = await t.state();
    t.check(s.modal === 'start-over', `"Start over" asks (${s.modal})`);
    await page.keyboard.press(key);
    await settle();
    s = await t.state();
    t.check(s.modal === null && s.answerCount === answers, `${key} closes the question and keeps the answers (${s.modal}, ${s.answerCount})`);
  }

  // 3. After a click into the drawn view, Tab (and Shift+Tab) reach the skip link again.
  for (const shift of [false, true]) {
    await click('profile:org_name');
    let reached = false, n = 0;
    for (; n < 60 && !reached; n++) {
      await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
      await settle();
      reached = (await active()).id === 'mf-skip';
    }
    t.check(reached, `${shift ? 'Shift+Tab' : 'Tab'} from the drawn view reaches the skip link (after ${n} presses)`);
  }
  // After Escape in the drawn view, the next Tab is the page's: the skip link.
  await click('profile:org_name');
  await page.keyboard.press('Escape'); // leaves the text field
  await page.keyboard.press('Escape'); // nothing left to cancel: the page's Tab order again
  await settle();
  await page.keyboard.press('Tab');
  await settle();
  t.check((await active()).id === 'mf-skip', `after Escape, Tab reaches the skip link (${JSON.stringify(await active())})`);

  // 4. The accessible layer: the error dialog takes the focus, Escape closes it, the focus returns.
  await page.keyboard.press('Enter'); // the skip link: into the layer
  await settle();
  await page.evaluate(() => document.querySelector('#mf-a11y [data-mf-id="back"]').focus());
  await page.keyboard.press('Enter'); // back to the start screen, in the layer
  await settle();
  // Under load the layer may update a frame later than the app: wait for the start screen's button.
  await waitUntil(page, () => window.mfTest.state().screen === 'start' && !!document.querySelector('#mf-a11y [data-mf-id="import-continue"]'), null, { timeout: 10000 });
  // Enter on the focused button opens the file picker. Chromium now and then drops a picker on a
  // loaded machine (drive.mjs openFileChooser): focus and press again, a few times at most.
  let chooser = null;
  for (let attempt = 0; attempt < 4 && !chooser; attempt++) {
    await page.evaluate(() => document.querySelector('#mf-a11y [data-mf-id="import-continue"]').focus());
    await waitUntil(page, () => document.activeElement && document.activeElement.getAttribute('data-mf-id') === 'import-continue', null, { timeout: 5000 });
    [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 6000 }).catch(() => null), page.keyboard.press('Enter')]);
  }
  t.check(!!chooser, 'Enter on the layer\'s button opens the file picker');
  if (!chooser) throw new Error('no file picker after Enter on the layer\'s button');
  await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
  await waitUntil(page, () => window.mfTest.state().modal === 'import-error', null, { timeout: 10000 });
  await settle();
  let a = await active();
  t.check(a.inDialog, `in the layer the dialog takes the focus (${JSON.stringify(a)})`);
  await t.screenshot('dialogs-layer-error.png');
  await page.keyboard.press('Escape');
  await settle();
  s = await t.state();
  a = await active();
  t.check(s.modal === null && a.mf === 'import-continue', `Escape closes it in the layer and the focus returns to its button (${s.modal}, ${JSON.stringify(a)})`);
} catch (e) {
  await t.fail(e);
}
await t.finish();
