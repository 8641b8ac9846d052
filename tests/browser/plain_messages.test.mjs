// plain_messages.test.mjs - import problems in plain words (issue 19, "Messages"): bad result files
// imported in the Danish UI show a Danish dialog that says what is wrong and what to do, with no
// English message, JSON pointer or hash in it; the English message, the pointer and the code appear
// only after "Tekniske detaljer" is opened, and the disclosure says so to the accessible layer
// (aria-expanded). Read through the page's test interface: state().dialogText is every text drawn
// in the open dialog, state().import the dialog's problems.
import path from 'node:path';
import { openApp } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';
import { BAD_RESULTS, readExpectations } from './expectations.mjs';

const t = await openApp({ name: 'plain_messages' });
const page = t.page;
const d = driver(() => page);
const expected = readExpectations();

// A file's plain Danish text must hold `words`; the English message must stay behind the disclosure.
const cases = [
  { file: 'truncated.json', words: 'Filen er beskadiget' },
  { file: 'not_json.json', words: 'ikke en resultatfil fra Mangfoldighedstjek' },
  { file: 'questionnaire_file.json', words: 'spørgeskema, ikke en resultatfil' },
  { file: 'tampered_checksum.json', words: 'Filen er ændret efter eksporten' },
];

async function importFile(file) {
  await page.setInputFiles('#mf-file-picker', file);
  await waitUntil(page, () => { const s = window.mfTest.state(); return s.import !== null && s.modal !== null; }, null, { timeout: 15000 });
  await d.settle();
}

async function closeDialog() {
  const s = await d.state();
  const id = s.modal === 'import-error' ? 'import-ok' : 'import-cancel';
  await d.click(id);
  await waitUntil(page, () => window.mfTest.state().modal === null, null, { timeout: 15000 });
}

const layerDisclosure = () => page.evaluate(() => {
  const b = document.querySelector('[data-mf-id="import-details"]');
  return b ? b.getAttribute('aria-expanded') : null;
});

try {
  await t.goto();
  const s0 = await d.state();
  t.check(s0.language === 'da', `the app starts in Danish (${s0.language})`);
  let shot = false;
  for (const c of cases) {
    const want = expected.get(c.file);
    const english = [...want.errors, ...want.warnings].map((m) => m.replace(/^\/[^:]*: /, ''));
    await importFile(path.join(BAD_RESULTS, c.file));
    let s = await d.state();
    const text = s.dialogText.join('\n');
    const plain = [...s.import.errors, ...s.import.warnings];
    t.check(plain.length > 0 && plain.some((p) => p.includes(c.words)) && text.includes(c.words),
      `${c.file}: the dialog says "${c.words}"\n    ${plain.join('\n    ')}`);
    t.check(english.every((m) => !text.includes(m)) && !/sha256:|(^|\s)\/[a-zA-Z]/.test(text),
      `${c.file}: no English message, pointer or hash in the dialog before the details are opened\n    ${s.dialogText.join('\n    ')}`);
    const disclosure = s.items.find((i) => i.id === 'import-details');
    t.check(disclosure && disclosure.kind === 'disclosure' && !disclosure.checked && disclosure.label === 'Tekniske detaljer',
      `${c.file}: a closed "Tekniske detaljer" disclosure (${JSON.stringify(disclosure && { kind: disclosure.kind, label: disclosure.label, checked: disclosure.checked })})`);
    if (!shot) {
      await t.screenshot('plain-messages-import-error-da.png');
      t.check(await layerDisclosure() === 'false', `${c.file}: the layer's disclosure says aria-expanded="false"`);
    }
    await d.click('import-details');
    s = await d.state();
    const opened = s.dialogText.join('\n');
    t.check(english.every((m) => opened.includes(m)) && s.items.find((i) => i.id === 'import-details').checked,
      `${c.file}: the English message, pointer and code appear once the details are opened`);
    if (!shot) {
      t.check(await layerDisclosure() === 'true', `${c.file}: the layer's disclosure says aria-expanded="true"`);
      await t.screenshot('plain-messages-import-error-da-details.png');
      shot = true;
    }
    await closeDialog();
  }
  // The disclosure closes with its dialog: the next one starts closed.
  await importFile(path.join(BAD_RESULTS, 'truncated.json'));
  const again = await d.state();
  t.check(!again.items.find((i) => i.id === 'import-details').checked, 'a new dialog opens with its details closed');
  await closeDialog();
} catch (e) {
  t.check(false, `unexpected: ${e.stack || e}`);
}
await t.finish();
