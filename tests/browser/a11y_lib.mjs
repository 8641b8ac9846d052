// a11y_lib.mjs - helpers for the accessibility tests (a11y_axe, a11y_keyboard, report_button,
// offline): axe-core injected into a page, and the accessible layer's controls
// (src/platform/a11y_web.js). Waiting and files come from drive.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { driver } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const AXE_PATH = path.resolve(here, '../../node_modules/axe-core/axe.min.js');
export const AXE_VERSION = JSON.parse(fs.readFileSync(path.resolve(here, '../../node_modules/axe-core/package.json'), 'utf8')).version;
// WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, heading order, ...).
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// Injected as inline code (no request: the tests fail on any request they did not expect).
export async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.addScriptTag({ content: fs.readFileSync(AXE_PATH, 'utf8') });
}

// The violations on the page: ["rule: help (n x: <html>)", ...].
export async function axeViolations(page) {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes.map((n) => n.html.slice(0, 140)).join(' | ')})`);
  }, AXE_TAGS);
}

// The CSS selector of the layer's control for the app's item id.
export function control(id) {
  return `#mf-a11y [data-mf-id="${id.replace(/"/g, '\\"')}"]`;
}

// Uses a control of the layer as a mouse user of the layer would: the layer shows while it has the
// focus, so the control is focused first, then clicked (a real click: a user gesture).
export async function layerClick(page, id) {
  const sel = control(id);
  await page.waitForSelector(sel, { state: 'attached', timeout: 10000 });
  await page.focus(sel);
  await page.click(sel);
  await driver(() => page).settle();
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
