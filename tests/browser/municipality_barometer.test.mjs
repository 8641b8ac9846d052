// municipality_barometer.test.mjs - "Eksporter barometer" in the municipality's overview: with the
// project's municipality result files loaded (tests/data/municipality), the button (pressed with the
// mouse, on the canvas) opens the printable barometer in a new tab (a Blob URL) in the overview's
// language. The tab inherits the overview's Content-Security-Policy, whose style-src allows the
// barometer's one <style> by the SHA-256 of assets/barometer.css: the styles apply and no violation
// is raised (lib.mjs fails the test on any). The barometer names no organisation and shows no CVR
// number, asks for nothing from the network, and axe-core finds no violations in it, in Danish and
// in English. Screenshots: test-output/municipality-barometer-*.png.
import path from 'node:path';
import { openApp } from './lib.mjs';
import { settlePage } from './drive.mjs';
import { axeViolations } from './a11y_lib.mjs';
import { dropFiles, expected, expectedRows, files, revealItem, waitLoaded } from './municipality_lib.mjs';

const H = 1000;
const t = await openApp({ name: 'municipality_barometer', viewport: { width: 1280, height: H } });
const page = t.page;
const good = files.filter((f) => !f.startsWith('bad-'));

// Presses the overview's "Eksporter barometer" and returns the tab it opened, loaded.
async function openBarometer() {
  const it = await revealItem(page, 'muni-export-barometer', H);
  const [tab] = await Promise.all([
    t.context.waitForEvent('page', { timeout: 15000 }),
    page.mouse.click(it.x + Math.min(it.w / 2, 30), it.y + it.h / 2),
  ]);
  await tab.waitForLoadState('load');
  return tab;
}

async function checkBarometer(tab, lang, shot) {
  t.check(tab.url().startsWith('blob:'), `${lang}: the barometer opens in a new tab from a Blob URL (${tab.url().slice(0, 40)}…)`);
  const pageLang = await tab.evaluate(() => document.documentElement.lang);
  t.check(pageLang === lang, `${lang}: the barometer is in the overview's language (${pageLang})`);
  // assets/barometer.css draws a rule under each h2 and sets the page's type at 10.5pt (14px); the
  // browser's own styles would give neither.
  const style = await tab.evaluate(() => {
    const h2 = getComputedStyle(document.querySelector('h2'));
    const figure = getComputedStyle(document.querySelector('.figure'));
    return { h2: h2.borderBottomStyle, font: getComputedStyle(document.documentElement).fontSize, figure: figure.borderTopStyle };
  });
  t.check(style.h2 === 'solid' && style.font === '14px' && style.figure === 'solid',
    `${lang}: the barometer's styles apply under the inherited policy (h2 rule ${style.h2}, type ${style.font}, key figure box ${style.figure})`);
  const text = await tab.evaluate(() => document.documentElement.innerText.replace(/\s+/g, ' '));
  const html = await tab.evaluate(() => document.documentElement.outerHTML);
  t.check(text.includes(String(expected.year)) && /(Mangfoldighedsbarometer|Diversity barometer)/.test(text),
    `${lang}: the barometer of ${expected.year} (${text.slice(0, 60)}…)`);
  const named = expectedRows.rows.filter((r) => (r.name && html.includes(r.name)) || html.includes(r.cvr));
  t.check(expectedRows.rows.length > 5 && named.length === 0,
    `${lang}: no organisation's name or CVR number in it (${expectedRows.rows.length} looked for)${named.length ? ': ' + named.map((r) => r.name).join(', ') : ''}`);
  await tab.setViewportSize({ width: 900, height: 1200 });
  const p = path.join(t.out, `municipality-barometer-${shot}.png`);
  await tab.screenshot({ path: p });
  console.log(`     screenshot: ${p}`);
  const v = await axeViolations(tab);
  t.check(v.length === 0, `${lang}: axe finds no violations in the barometer${v.length ? ':\n    ' + v.join('\n    ') : ''}`);
  await tab.close();
}

try {
  await t.goto('kommune.html?lang=da&text=0');
  await settlePage(page);
  t.check((await t.state()).page === 'municipality', 'the overview is open');
  await dropFiles(page, good);
  await waitLoaded(page, good.length);
  await settlePage(page);

  await checkBarometer(await openBarometer(), 'da', 'da');

  const lang = await revealItem(page, 'lang-en', H);
  await page.mouse.click(lang.x + lang.w / 2, lang.y + lang.h / 2);
  await settlePage(page);
  t.check((await t.state()).language === 'en', 'the overview in English');
  await checkBarometer(await openBarometer(), 'en', 'en');
} catch (err) {
  await t.fail(err);
}
await t.finish();
