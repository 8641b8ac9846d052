// report_pdf.mjs - prints a report page to an A4 PDF in Debian's Chromium, the way a user's
// "Print > Save as PDF" does, for tests/cli/report.test.sh.
//
//   node tests/cli/report_pdf.mjs REPORT.html OUT.pdf
//
// Exits 1 when the page asked for anything besides itself (a script, a font, an image, any URL):
// the report must be one self-contained file. Prints the number of requests it saw.
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
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
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
  if (others.length) {
    console.error(`the report asked for more than itself:\n  ${others.join('\n  ')}`);
    status = 1;
  }
  console.log(`${pdfFile}: ${fs.statSync(pdfFile).size} bytes, ${others.length} other requests`);
} catch (e) {
  console.error(String(e && e.stack || e));
  status = 1;
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(status);
