// csp.test.mjs - the Content-Security-Policy (docs/deployment.md) holds and blocks what it should.
//
//   1. both pages (index.html, kommune.html) carry the policy in a <meta>: only 'self', no inline
//      script and no eval but WebAssembly's, no plugins, no <base>, no form posts, and inline style
//      only for the one <style> of each printable page, by the SHA-256 of assets/report.css (the
//      company's report) and assets/barometer.css (the municipality's barometer)
//   2. the server (scripts/serve.mjs) sends the same policy as a header plus frame-ancestors 'none',
//      X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer
//   3. in the running app, an injected inline script does not run, eval is refused, an injected
//      <style> element and a style attribute do not apply, and requests to another origin (fetch, an
//      image, a script) are blocked before they leave the browser: a second server on another port
//      counts what reaches it, and nothing does. Each is a securitypolicyviolation event.
// Every other browser test fails on any violation (lib.mjs), so the app's whole flow needs none.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue, openApp } from './lib.mjs';
import { metaPolicy } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const styleHash = (file) => `'sha256-${crypto.createHash('sha256').update(fs.readFileSync(path.join(here, '../../assets', file))).digest('base64')}'`;
const EXPECTED = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${styleHash('report.css')} ${styleHash('barometer.css')}; ` +
  "object-src 'none'; base-uri 'none'; form-action 'none'";

// Another origin: counts every request that reaches it.
const foreign = { hits: [] };
const other = http.createServer((req, res) => {
  foreign.hits.push(req.url);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }).end('x');
});
await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
const otherOrigin = `http://localhost:${other.address().port}`; // not 127.0.0.1: another origin for sure

const t = await openApp({ name: 'csp' });
const page = t.page;
try {
  // 1. The policy in both pages.
  const dist = path.resolve(argValue('dist', 'build/web/dist'));
  for (const name of ['index.html', 'kommune.html']) {
    const html = fs.readFileSync(path.join(dist, name), 'utf8');
    const policy = metaPolicy(html);
    t.check(policy === EXPECTED, `${name} has the policy in a <meta>, with the hashes of report.css and barometer.css${policy === EXPECTED ? '' : `:\n    got      ${policy}\n    expected ${EXPECTED}`}`);
    t.check(!/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/.test(policy), `${name}: no 'unsafe-inline', no 'unsafe-eval'`);
    const markup = html.replace(/<!--[\s\S]*?-->/g, ''); // comments may mention <style>
    t.check(!/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i.test(markup),
      `${name}: no inline script, no <style>, no style or event handler attribute`);
  }

  // 2. The headers.
  const response = await page.goto(t.server.url, { waitUntil: 'load' });
  await t.ready();
  const headers = response.headers();
  t.check(headers['content-security-policy'] === `${EXPECTED}; frame-ancestors 'none'`,
    `the server sends the page's policy plus frame-ancestors 'none' (${headers['content-security-policy']})`);
  t.check(headers['x-content-type-options'] === 'nosniff', `X-Content-Type-Options: ${headers['x-content-type-options']}`);
  t.check(headers['referrer-policy'] === 'no-referrer', `Referrer-Policy: ${headers['referrer-policy']}`);
  t.check(t.violations.length === 0, `the app starts without a violation (${t.violations.join('; ')})`);

  // 3. What the policy blocks, in the running app.
  const inline = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.mfInjected = true;';
    document.body.appendChild(s);
    return window.mfInjected === true;
  });
  t.check(!inline, 'an injected inline <script> does not run');
  // Code the test evaluates through the DevTools protocol may eval; code of the page may not. A
  // string handed to setTimeout is compiled later, as the page's own code: the policy refuses it.
  const evalResult = await page.evaluate(() => new Promise((resolve) => {
    window.mfEvaluated = false;
    setTimeout('window.mfEvaluated = true', 0);
    setTimeout(() => resolve(window.mfEvaluated), 200);
  }));
  t.check(evalResult === false, `a string compiled as code (setTimeout with a string, like eval) does not run (${evalResult})`);
  const styled = await page.evaluate(() => {
    const st = document.createElement('style');
    st.textContent = '#mf-status { color: rgb(255, 0, 0) !important; }';
    document.head.appendChild(st);
    const probe = document.createElement('div');
    probe.innerHTML = '<p id="mf-csp-probe" style="color: rgb(0, 0, 255)">x</p>';
    document.body.appendChild(probe);
    const colors = [getComputedStyle(document.getElementById('mf-status')).color,
      getComputedStyle(document.getElementById('mf-csp-probe')).color];
    probe.remove();
    st.remove();
    return colors;
  });
  t.check(styled[0] !== 'rgb(255, 0, 0)' && styled[1] !== 'rgb(0, 0, 255)',
    `an injected <style> and a style attribute do not apply (${styled.join(', ')})`);
  const requests = await page.evaluate(async (url) => {
    const result = {};
    try { await fetch(`${url}/fetch`); result.fetch = 'loaded'; } catch (e) { result.fetch = e.name; }
    result.img = await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('error');
      img.src = `${url}/image.png`;
    });
    result.script = await new Promise((resolve) => {
      const s = document.createElement('script');
      s.onload = () => resolve('loaded');
      s.onerror = () => resolve('error');
      s.src = `${url}/script.js`;
      document.body.appendChild(s);
    });
    return result;
  }, otherOrigin);
  t.check(requests.fetch === 'TypeError' && requests.img === 'error' && requests.script === 'error',
    `fetch, an image and a script from another origin fail in the page (${JSON.stringify(requests)})`);
  await page.waitForTimeout(300);
  t.check(foreign.hits.length === 0, `nothing reached the other origin (${foreign.hits.join(' ') || 'no request'})`);

  // The violations the probes caused: exactly these, then the list is clean again for finish().
  const seen = t.takeViolations();
  for (const directive of ['script-src-elem', 'script-src', 'style-src-elem', 'style-src-attr', 'connect-src', 'img-src']) {
    t.check(seen.some((v) => v.startsWith(`${directive} `)), `a securitypolicyviolation for ${directive}`);
  }
  t.check(seen.filter((v) => / blocked http/.test(v)).every((v) => v.includes(otherOrigin)),
    `the blocked addresses are the other origin's (${seen.length} violations)`);
  // The browser reports what it blocked as console errors and failed requests: expected here.
  for (let i = t.problems.length - 1; i >= 0; i--)
    if (t.problems[i].includes(otherOrigin) || /violates the following Content Security Policy/.test(t.problems[i])) t.problems.splice(i, 1);
  await t.screenshot('csp.png');
} catch (e) {
  await t.fail(e);
}
other.close();
await t.finish();
