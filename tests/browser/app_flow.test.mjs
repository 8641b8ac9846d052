// app_flow.test.mjs - the respondent's whole flow in headless Chromium, driven with real mouse and
// keyboard input: profile (with validation while typing), every question, results, action plan,
// export (the downloaded file is checked), reload (resumed exactly), language switch, import by file
// picker and by drag and drop, a bad file, start over, keyboard use, clipboard, and no frames when
// idle. The app's positions and state come from window.mfTest (see src/platform/platform_web.js).
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { driver, waitLanguage, waitUntil } from './drive.mjs';

const t = await openApp({ name: 'app_flow' });
const page = t.page;

const d = driver(() => page);
const { settle, findItem, reveal, click, typeInto } = d;

// Answers every visible question of the current theme, re-reading the screen after each answer
// because answers can show further questions.
async function answerTheme(choiceIndex) {
  for (let guard = 0; guard < 40; guard++) {
    const s = await t.state();
    const open = [...d.openGroups(s).values()].find((items) => !items.some((i) => i.checked));
    if (!open) return;
    await click(open[Math.min(choiceIndex, open.length - 1)].id);
  }
  throw new Error('questions kept appearing');
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

try {
  await t.goto();
  let s = await t.state();
  t.check(s.screen === 'start' && s.language === 'da', `starts on the Danish start screen (${s.screen}, ${s.language})`);
  await t.screenshot('app-01-start.png');

  await click('start');
  s = await t.state();
  t.check(s.screen === 'profile', `"Start" opens the profile (${s.screen})`);

  // Profile with validation while typing.
  await typeInto('profile:org_name', 'Københavns Café A/S');
  await typeInto('profile:cvr', '13748137');
  s = await t.state();
  t.check(!!s.messages['profile:cvr'], `a wrong CVR number gets a message while typing ("${s.messages['profile:cvr'] || ''}")`);
  await typeInto('profile:cvr', '13748136');
  s = await t.state();
  t.check(!s.messages['profile:cvr'], 'a valid CVR number has no message');
  await typeInto('profile:employees', '25 ansatte');
  s = await t.state();
  t.check(!!s.messages['profile:employees'], `"25 ansatte" is not a number (${s.messages['profile:employees'] || ''})`);
  await typeInto('profile:employees', '25');
  await typeInto('profile:contact_email', 'hr@cafe');
  s = await t.state();
  t.check(!!s.messages['profile:contact_email'], 'an incomplete e-mail address gets a message');
  await typeInto('profile:contact_email', 'hr@cafe.dk');
  await click('profile:sector');
  const sectorOption = (await t.state()).items.find((i) => i.id.startsWith('profile:sector:'));
  await click(sectorOption.id);
  s = await t.state();
  t.check(s.profileComplete === true, `the profile is complete (${JSON.stringify(s.messages)})`);
  const org = s.items.find((i) => i.id === 'profile:org_name');
  t.check(org && org.value === 'Københavns Café A/S', `æ ø å and é typed into a field arrive intact (${org && org.value})`);
  await t.screenshot('app-02-profile.png');

  // Clipboard: copy the organisation name and paste it into the contact field.
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  await click('profile:org_name');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await settle();
  const copied = await page.evaluate(() => window.mfTest.clipboard);
  t.check(copied === 'Københavns Café A/S', `Ctrl+C copies the selected text (${copied})`);
  const system = await page.evaluate(() => navigator.clipboard.readText().catch((e) => 'error: ' + e.message));
  t.check(system === 'Københavns Café A/S', `the copy reached the browser's clipboard (${system})`);
  await click('profile:contact_name');
  await page.keyboard.press('Control+V');
  await settle();
  const contact = (await t.state()).items.find((i) => i.id === 'profile:contact_name');
  t.check(contact && contact.value === 'Københavns Café A/S', `Ctrl+V pastes from the browser's clipboard (${contact && contact.value})`);
  await typeInto('profile:contact_name', 'Mette Hansen');

  await click('next');
  s = await t.state();
  t.check(s.screen === 'theme' && s.theme === 0, `"Next" opens theme 1 (${s.screen} ${s.theme})`);
  await t.screenshot('app-03-theme.png');

  // Keyboard only: Tab to the first answer of the first question and choose it with Space.
  await page.mouse.move(5, 5);
  let focused = '';
  for (let i = 0; i < 30 && !/^q:[^:]+:/.test(focused); i++) {
    await page.keyboard.press('Tab');
    await settle();
    focused = (await t.state()).focused;
  }
  t.check(/^q:[^:]+:/.test(focused), `Tab reaches an answer (${focused})`);
  await page.keyboard.press('Space');
  await settle();
  const chosen = (await t.state()).items.find((i) => i.id === focused);
  t.check(chosen && chosen.checked, `Space chooses the focused answer (${focused})`);
  await page.keyboard.press('ArrowDown');
  await settle();
  const moved = (await t.state()).focused;
  t.check(moved !== focused && moved !== '', `an arrow key moves the focus (${focused} -> ${moved})`);

  // Help text per question.
  const helpItem = (await t.state()).items.find((i) => i.id.startsWith('help:'));
  await click(helpItem.id);
  const helpOpen = (await t.state()).items.find((i) => i.id === helpItem.id);
  t.check(helpOpen && /Skjul/.test(helpOpen.label), `the help button unfolds the help (${helpOpen && helpOpen.label})`);

  s = await t.state();
  for (let theme = 0; theme < s.themeCount; theme++) {
    s = await t.state();
    t.check(s.screen === 'theme' && s.theme === theme, `theme ${theme + 1} of ${s.themeCount} is shown (${s.themeId})`);
    await answerTheme(theme % 3 === 0 ? 1 : theme % 3 === 1 ? 2 : 0);
    if (theme === 1) await t.screenshot('app-04-theme-answered.png');
    await click('next');
  }
  s = await t.state();
  t.check(s.screen === 'results', `after the last theme, with everything answered, the results (${s.screen}, ${s.unanswered} unanswered)`);
  t.check(s.unanswered === 0 && s.answered === s.questions, `every question answered (${s.answered}/${s.questions})`);
  t.check(typeof s.overall === 'number' && typeof s.level === 'string', `an overall percentage and a level (${s.overall} %, ${s.level})`);
  await t.screenshot('app-05-results.png');

  // Action plan from a suggestion.
  await click('next');
  s = await t.state();
  t.check(s.screen === 'plan', `"Make an action plan" opens the plan (${s.screen})`);
  const suggestion = s.items.find((i) => i.id.startsWith('suggest:'));
  t.check(!!suggestion, 'the plan suggests focus areas from the result');
  await click(suggestion.id);
  await typeInto('plan:0:goal', 'To nye rekrutteringskanaler i brug inden 1. juni');
  await typeInto('plan:0:responsible', 'HR-chefen');
  await typeInto('plan:0:followUp', '2027-13-01');
  s = await t.state();
  t.check(!!s.messages['plan:0:followUp'], `an impossible date gets a message (${s.messages['plan:0:followUp'] || ''})`);
  await typeInto('plan:0:followUp', '2027-06-01');
  s = await t.state();
  t.check(s.planAreas === 1 && Object.keys(s.messages).length === 0, `one complete focus area (${s.planAreas}, ${JSON.stringify(s.messages)})`);
  await t.screenshot('app-06-plan.png');

  // Export: a download named after the organisation and the date.
  await click('next');
  s = await t.state();
  t.check(s.screen === 'export', `on to the export (${s.screen})`);
  await t.screenshot('app-07-export.png');
  const exportItem = await reveal('export');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.mouse.click(exportItem.x + 20, exportItem.y + exportItem.h / 2),
  ]);
  const fileName = download.suggestedFilename();
  t.check(fileName === `mangfoldighedstjek-koebenhavns-cafe-a-s-${today()}.json`, `the file is named after the organisation and the date (${fileName})`);
  const exported = path.join(t.out, 'app-flow-export.json');
  await download.saveAs(exported);
  const doc = JSON.parse(fs.readFileSync(exported, 'utf8'));
  t.check(doc.format === 'mangfoldighedstjek/result', `the file is a result file (${doc.format})`);
  t.check(JSON.stringify(doc).includes('Københavns Café A/S') && JSON.stringify(doc).includes('13748136'), 'the file holds the profile');
  t.check(doc.actionPlan && doc.actionPlan.length === 1 && doc.actionPlan[0].followUp === '2027-06-01', 'the file holds the action plan');
  t.check(typeof doc.checksum === 'string' && doc.checksum.startsWith('sha256:'), 'the file has a checksum');
  await settle();
  s = await t.state();
  t.check(s.lastExport === fileName, `the app says where the export went (${s.lastExport})`);

  // Reload: resumed exactly.
  const before = await t.state();
  await t.goto();
  s = await t.state();
  t.check(s.screen === before.screen && s.answerCount === before.answerCount && s.planAreas === 1,
    `a reload resumes exactly (${s.screen}, ${s.answerCount} answers)`);

  // Language: switch at any moment, nothing lost.
  await click('lang-en');
  await waitLanguage(page, 'en');
  s = await t.state();
  t.check(s.language === 'en' && s.screen === 'export' && s.answerCount === before.answerCount, `English, same screen, same answers (${s.language})`);
  await click('step-results');
  await t.screenshot('app-08-results-en.png');

  // Text size: the whole UI grows (fonts and spacing), and the setting is kept.
  const smallNext = await findItem('next');
  await click('text-larger');
  await click('text-larger');
  s = await t.state();
  const bigNext = await findItem('next');
  t.check(s.textSize === 2 && bigNext.h > smallNext.h * 1.2, `larger text makes the UI larger (${smallNext.h} -> ${bigNext.h} px)`);
  await t.screenshot('app-08b-larger-text.png');
  await click('text-smaller');
  await click('text-smaller');

  // Compare with the exported file through the file picker.
  const chooser = await d.openChooser('import-compare');
  t.check(!!chooser, 'the import button opens the browser\'s file picker');
  await chooser.setFiles(exported);
  await waitUntil(page, () => window.mfTest.state().earlier !== null, null, { timeout: 10000 });
  await settle();
  s = await t.state();
  t.check(s.earlier === path.basename(exported) && s.screen === 'results', `the picked file is the comparison (${s.earlier})`);
  await reveal('radar');
  await t.screenshot('app-09-compare.png');

  // A bad file dropped on the page: a clear message, answers untouched.
  await d.dropFile('broken.json', '{"format": "mangfoldighedstjek/result", ');
  s = await t.state();
  t.check(s.modal === 'import-error' && s.answerCount === before.answerCount, `a broken file gets an error dialog, answers untouched (${s.modal})`);
  await t.screenshot('app-10-import-error.png');
  await click('import-ok');

  // Start over asks first; then the exported file dropped on the page brings everything back.
  await click('start-over');
  s = await t.state();
  t.check(s.modal === 'start-over', `"Start over" asks first (${s.modal})`);
  await click('start-over-cancel');
  s = await t.state();
  t.check(s.answerCount === before.answerCount, 'cancelling keeps the answers');
  await click('start-over');
  await click('start-over-confirm');
  s = await t.state();
  t.check(s.answerCount === 0 && s.screen === 'start' && s.language === 'en', `confirmed: everything cleared, language kept (${s.answerCount}, ${s.screen})`);

  await d.dropFile(fileName, fs.readFileSync(exported, 'utf8'));
  s = await t.state();
  t.check(s.modal === 'import', `a dropped result file asks what to do (${s.modal})`);
  await click('import-continue-confirm');
  s = await t.state();
  t.check(s.answerCount === before.answerCount && s.planAreas === 1, `continuing restores the answers and the plan (${s.answerCount})`);
  // The confirmation follows a language switch while it is up.
  t.check(s.notice === `Loaded: ${fileName}`, `the confirmation names the file (${s.notice})`);
  await click('lang-da');
  s = await t.state();
  t.check(s.language === 'da' && s.notice === `Indlæst: ${fileName}`, `switched to Danish, the confirmation is in Danish too (${s.notice})`);

  // Idle: no frames while nothing happens.
  await page.mouse.move(5, 790);
  await settle();
  await page.waitForTimeout(600);
  const f0 = await t.frames();
  await page.waitForTimeout(3000);
  const f1 = await t.frames();
  t.check(f1 - f0 <= 2, `idle for 3 s draws no frames (${f1 - f0})`);
} catch (e) {
  await t.fail(e);
}
await t.finish();
