// english.test.mjs - English on demand (docs/texts.md): the respondent's page carries only Danish;
// the English of its texts and questionnaire (mangfoldighedstjek-en.json) is fetched when the user
// first asks for English.
//
// Checks, driven with real clicks: the first load does not fetch the English; a failed fetch (HTTP
// 404), a file of another build (its questionnaire hash changed) and a broken file leave the page in Danish with
// the answers as they were and say so in both languages (through the text table); the real file
// switches to English on the same screen with the same answers, questionnaire texts included; a
// reload of an English assessment comes back in English; Danish and English again need no new fetch.
// The offline case (the worker keeps the file after the first visit) is in offline.test.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { argValue, openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const questionnaire = JSON.parse(fs.readFileSync(path.join(here, '../../questionnaires/aktoersporet.json'), 'utf8'));
const orgField = questionnaire.profile.find((f) => f.id === 'org_name');

// A copy of the build whose English file the test takes away, spoils and puts back. While it is
// missing or spoilt the offline worker's install fails too (every shell file must match), so the
// page's own fetch is the one that fails.
const dist = path.resolve(argValue('dist', 'build/web/dist'));
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-english-'));
for (const f of fs.readdirSync(dist)) if (fs.statSync(path.join(dist, f)).isFile()) fs.copyFileSync(path.join(dist, f), path.join(site, f));
const FILE = 'mangfoldighedstjek-en.json';
const english = fs.readFileSync(path.join(site, FILE), 'utf8');
fs.rmSync(path.join(site, FILE));

const t = await openApp({ name: 'english', dist: site });
const page = t.page;
const d = driver(() => page);
const { settle, click, typeInto } = d;
const pageFetched = () => page.evaluate((f) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/' + f)).length, FILE);
const label = (s, id) => ((s.items || []).find((i) => i.id === id) || {}).label;
const notice = (s, id) => (s.notices || []).find((n) => n.id === id);

try {
  await t.goto();
  let s = await t.state();
  t.check(s.language === 'da' && s.screen === 'start', `starts in Danish (${s.language}, ${s.screen})`);
  t.check(await pageFetched() === 0, 'the first load does not fetch the English');
  await t.screenshot('english-01-start-da.png');

  await click('start');
  await typeInto(`profile:${orgField.id}`, 'Bageriet Æblegrød ApS');
  s = await t.state();
  t.check(label(s, `profile:${orgField.id}`) === orgField.text.da, `the profile field in Danish ("${label(s, `profile:${orgField.id}`)}")`);
  const before = s;

  // 1. The file is not there (HTTP 404): Danish stays, the answers stay, the message in both languages.
  await click('lang-en');
  await waitUntil(page, () => (window.mfTest.state().notices || []).some((n) => n.id === 'language-failed'), null, { timeout: 20000 });
  await settle();
  s = await t.state();
  const failed = notice(s, 'language-failed');
  t.check(await pageFetched() === 1 && s.language === 'da' && s.screen === before.screen && s.answerCount === before.answerCount,
    `a failed fetch keeps Danish, the screen and the answers (${s.language}, ${s.screen}, ${s.answerCount} answers)`);
  t.check(failed && failed.text.includes('Den engelske udgave kunne ikke hentes') && failed.text.includes('The English version could not be loaded'),
    `it says so in Danish and English ("${failed && failed.text}")`);
  await t.screenshot('english-02-failed.png');

  // 2. A file of another build (its questionnaire's hash differs): refused, same message, nothing changed.
  const spoilt = JSON.parse(english);
  spoilt.questionnaireHash = 'sha256:' + '0'.repeat(64);
  fs.writeFileSync(path.join(site, FILE), JSON.stringify(spoilt));
  await click('lang-en');
  await waitUntil(page, (f) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/' + f)).length === 2 &&
    window.mfTest.state().notices.some((n) => n.id === 'language-failed'), FILE, { timeout: 20000 });
  await settle();
  s = await t.state();
  t.check(s.language === 'da' && s.answerCount === before.answerCount && notice(s, 'language-failed'),
    `another build's English is refused: Danish, answers kept, the message (${s.language}, ${s.answerCount})`);
  // ... and a file that is not JSON at all.
  fs.writeFileSync(path.join(site, FILE), '{"format": "mangfoldighedstjek/english", "texts": ');
  await click('lang-en');
  await waitUntil(page, (f) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/' + f)).length === 3 &&
    window.mfTest.state().notices.some((n) => n.id === 'language-failed'), FILE, { timeout: 20000 });
  s = await t.state();
  t.check(s.language === 'da' && s.answerCount === before.answerCount && (await t.frames()) > 0, `a broken file: refused, the app runs on (${s.language})`);
  fs.writeFileSync(path.join(site, FILE), english);

  // 3. The real file: English on the same screen with the same answers.
  await click('lang-en');
  await waitUntil(page, () => window.mfTest.state().language === 'en', null, { timeout: 20000 });
  await settle();
  s = await t.state();
  t.check(s.screen === before.screen && s.answerCount === before.answerCount && !notice(s, 'language-failed') && !notice(s, 'language-loading'),
    `English, same screen, same answers, no message (${s.screen}, ${s.answerCount})`);
  t.check(label(s, `profile:${orgField.id}`) === orgField.text.en, `the questionnaire's texts in English ("${label(s, `profile:${orgField.id}`)}")`);
  t.check(label(s, 'lang-da') === 'Dansk', 'the language buttons are there');
  const org = (s.items || []).find((i) => i.id === `profile:${orgField.id}`);
  t.check(org && org.value === 'Bageriet Æblegrød ApS', `the typed answer is intact (${org && org.value})`);
  await t.screenshot('english-03-profile-en.png');
  const fetchedOnce = await pageFetched();

  // 4. Danish and back: no new fetch.
  await click('lang-da');
  s = await t.state();
  t.check(s.language === 'da' && label(s, `profile:${orgField.id}`) === orgField.text.da, `back to Danish (${s.language})`);
  await click('lang-en');
  s = await t.state();
  t.check(s.language === 'en' && await pageFetched() === fetchedOnce, `English again at once, not fetched again (${s.language})`);

  // 5. A reload of the English assessment: in English again (its English fetched), answers kept.
  await t.goto();
  await waitUntil(page, () => window.mfTest.state().language === 'en', null, { timeout: 20000 });
  await settle();
  s = await t.state();
  t.check(s.screen === before.screen && s.answerCount === before.answerCount && label(s, `profile:${orgField.id}`) === orgField.text.en,
    `a reload resumes in English with the answers (${s.screen}, ${s.answerCount})`);
  await t.screenshot('english-04-reload-en.png');

  fs.rmSync(site, { recursive: true, force: true });
  // The failures above were provoked: their failed request and console line are expected.
  // (Chromium's console line for the 404 does not name the file; the only 404 here is the English's.)
  const expected = (p) => p.includes(FILE) || /^console error: Failed to load resource: .* 404/.test(p);
  t.check(t.problems.some(expected), 'the provoked failure was seen by the browser');
  t.problems.splice(0, t.problems.length, ...t.problems.filter((p) => !expected(p)));
} catch (err) {
  await t.fail(err);
}
await t.finish();
