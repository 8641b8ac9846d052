// report_pdf.mjs - prints a report page to an A4 PDF in Debian's Chromium, the way a user's
// "Print > Save as PDF" does, for tests/cli/report.test.sh.
//
//   node tests/cli/report_pdf.mjs REPORT.html OUT.pdf
//
// Exits 1 when the page asked for anything besides itself (a script, a font, an image, any URL):
// the report must be one self-contained file, or when axe-core finds a WCAG 2.1 A/AA violation in it
// (axe is injected after loading, as inline code: no request). Prints what it saw.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../browser/lib.mjs';

const [htmlFile, pdfFile] = process.argv.slice(2);
if (!htmlFile || !pdfFile) {
  console.error('usage: node report_pdf.mjs REPORT.html OUT.pdf');
  process.exit(2);
}
const url = pathToFileURL(path.resolve(htmlFile)).href;
const { context, userDataDir } = await launchBrowser();
let status = 0;
try {
  const page = context.pages()[0] || (await context.newPage());
  const others = [];
  page.on('request', (req) => { if (req.url() !== url) others.push(req.url()); });
  page.on('pageerror', (err) => others.push(`page error: ${err.message}`));
  await page.goto(url, { waitUntil: 'load' });
  const requestsBeforeAxe = others.length;
  const axePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { passes: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes[0].html.slice(0, 120)})`) };
  });
  others.length = requestsBeforeAxe;
  if (axe.violations.length) {
    console.error(`axe-core: ${axe.violations.length} WCAG 2.1 A/AA violations:\n  ${axe.violations.join('\n  ')}`);
    status = 1;
  }
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
  if (others.length) {
    console.error(`the report asked for more than itself:\n  ${others.join('\n  ')}`);
    status = 1;
  }
  console.log(`${pdfFile}: ${fs.statSync(pdfFile).size} bytes, ${others.length} other requests, axe-core: ${axe.passes} rules passed, ${axe.violations.length} violations`);
} catch (e) {
  console.error(String(e && e.stack || e));
  status = 1;
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(status);
