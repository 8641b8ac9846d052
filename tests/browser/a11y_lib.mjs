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

// Evaluated in the page through the DevTools protocol: no request (the tests fail on any request
// they did not expect) and no inline <script> element, which the page's Content-Security-Policy
// blocks (and lib.mjs fails the test on the violation).
export async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8') + '\n;0');
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

// The layer's tables as read from the DOM: caption, column headers (th scope="col" in thead),
// rows (the first cell th scope="row", then td), each cell's text and data-mf-cell id.
export async function layerTables(page) {
  return page.evaluate(() => [...document.querySelectorAll('#mf-a11y table')].map((tb) => ({
    caption: tb.caption ? tb.caption.textContent : null,
    columns: [...tb.querySelectorAll('thead th')].map((th) => ({ text: th.textContent, scope: th.getAttribute('scope') })),
    rows: [...tb.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((c) => ({
      tag: c.tagName, scope: c.getAttribute('scope'), text: c.textContent, id: c.getAttribute('data-mf-cell') || '',
    }))),
  })));
}

// Every table the app recorded this frame (mfTest.state().tables) is in the layer as a real HTML
// table, in the same order: its caption, its column headers as th scope="col", every row with its
// header as th scope="row" and the same cell texts. Returns the problems (empty when it is so).
export function tablesMatch(recorded, dom) {
  const problems = [];
  if (recorded.length !== dom.length) problems.push(`${recorded.length} tables recorded, ${dom.length} in the layer`);
  recorded.forEach((r, i) => {
    const d = dom[i];
    if (!d) return;
    if (d.caption !== r.caption) problems.push(`${r.id}: caption "${d.caption}" != "${r.caption}"`);
    if (JSON.stringify(d.columns.map((c) => c.text)) !== JSON.stringify(r.columns)) problems.push(`${r.id}: column headers ${JSON.stringify(d.columns.map((c) => c.text))}`);
    if (d.columns.some((c) => c.scope !== 'col')) problems.push(`${r.id}: a column header without scope="col"`);
    if (d.rows.length !== r.rows.length) problems.push(`${r.id}: ${d.rows.length} rows, ${r.rows.length} recorded`);
    r.rows.forEach((row, j) => {
      const dr = d.rows[j] || [];
      if (JSON.stringify(dr.map((c) => c.text)) !== JSON.stringify(row)) problems.push(`${r.id} row ${j}: ${JSON.stringify(dr.map((c) => c.text))} != ${JSON.stringify(row)}`);
      if (dr.length && (dr[0].tag !== 'TH' || dr[0].scope !== 'row')) problems.push(`${r.id} row ${j}: the first cell is not th scope="row"`);
      if (dr.slice(1).some((c) => c.tag !== 'TD')) problems.push(`${r.id} row ${j}: a data cell is not td`);
    });
  });
  return problems;
}

// The layer's cells with an id: data-mf-cell -> text.
export function layerCells(dom) {
  const cells = {};
  for (const tb of dom) for (const row of tb.rows) for (const c of row) if (c.id) cells[c.id] = c.text;
  return cells;
}

// The layer's paragraphs (texts, bars), in order.
export async function layerTexts(page) {
  return page.evaluate(() => [...document.querySelectorAll('#mf-a11y-main p')].map((p) => p.textContent));
}
