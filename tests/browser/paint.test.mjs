// paint.test.mjs - the web host paints the canvas only when the picture changes (platform_web.cpp,
// paint_if_changed), and the canvas still shows the right picture. Moving the pointer over empty
// space runs ImGui frames but paints none, and the screenshot stays pixel-identical; hovering a
// button paints (the button changes colour); moving away paints the first picture back. This is
// what keeps mouse movement cheap with software WebGL (docs/performance.md).
// The renderer's backup of the blend and scissor state is answered by the host (platform_web.cpp,
// "GL state queries"): none of those queries reaches WebGL while frames are painted, and the real
// state between frames is what the host answers, the GL defaults.
import fs from 'node:fs';
import { openApp, decodePng } from './lib.mjs';
import { settlePage } from './drive.mjs';

const t = await openApp({ name: 'paint' });
const page = t.page;
const counts = () => page.evaluate(() => ({ frames: window.mfTest.frames(), painted: window.mfTest.painted() }));

const settle = () => settlePage(page);

// Pixels that differ between two screenshots of the same size, and their bounding box.
function diff(a, b) {
  const A = decodePng(a), B = decodePng(b);
  if (A.width !== B.width || A.height !== B.height || A.channels !== B.channels) throw new Error('screenshot sizes differ');
  let n = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let i = 0; i < A.pixels.length; i += A.channels) {
    if (A.pixels[i] === B.pixels[i] && A.pixels[i + 1] === B.pixels[i + 1] && A.pixels[i + 2] === B.pixels[i + 2]) continue;
    n++;
    const p = i / A.channels, x = p % A.width, y = Math.floor(p / A.width);
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return { n, box: n ? { x0, y0, x1, y1 } : null };
}
const shot = async (file) => fs.readFileSync(await t.screenshot(file));

// Every WebGL getParameter call of the blend functions and equations and of the scissor box,
// counted by name (each is a round trip to Chromium's GPU process).
await t.context.addInitScript(() => {
  window.mfGlQueries = 0;
  const names = ['BLEND_SRC_RGB', 'BLEND_DST_RGB', 'BLEND_SRC_ALPHA', 'BLEND_DST_ALPHA', 'BLEND_EQUATION_RGB', 'BLEND_EQUATION_ALPHA', 'SCISSOR_BOX'];
  const counted = new Set(names.map((n) => WebGL2RenderingContext[n]));
  const get = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function (pname) {
    if (counted.has(pname)) window.mfGlQueries++;
    return get.call(this, pname);
  };
});

try {
  await t.goto();
  await page.mouse.move(2, 2);
  await settle();
  const items = (await t.state()).items.filter((i) => i.visible);
  const inside = (x, y) => items.some((i) => x >= i.x - 12 && x <= i.x + i.w + 12 && y >= i.y - 12 && y <= i.y + i.h + 12);
  // Empty points: a grid over the window, away from every interactive item.
  const empty = [];
  for (let y = 30; y < 780; y += 50) for (let x = 30; x < 1260; x += 60) if (!inside(x, y)) empty.push([x, y]);
  t.check(empty.length >= 20, `the start screen has empty space to move over (${empty.length} points)`);
  const button = items.find((i) => i.kind === 'button' && i.w > 40 && i.h > 20);
  t.check(!!button, `the start screen has a button to hover (${button && button.id})`);

  await page.mouse.move(empty[0][0], empty[0][1]);
  await settle();
  const before = await shot('paint-before.png');
  const c0 = await counts();
  for (const [x, y] of empty.slice(1, 25)) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(20);
  }
  await page.mouse.move(empty[0][0], empty[0][1]);
  await settle();
  const c1 = await counts();
  t.check(c1.frames - c0.frames >= 10, `moving over empty space runs frames (${c1.frames - c0.frames})`);
  t.check(c1.painted === c0.painted, `... but paints none of them (${c1.painted - c0.painted} painted)`);
  const still = await shot('paint-still.png');
  const d0 = diff(before, still);
  t.check(d0.n === 0, `the canvas still shows the same picture after unpainted frames (${d0.n} pixels differ)`);

  await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
  await settle();
  const c2 = await counts();
  t.check(c2.painted > c1.painted, `hovering the button "${button.id}" paints (${c2.painted - c1.painted} painted)`);
  const hover = await shot('paint-hover.png');
  const d1 = diff(before, hover);
  const inButton = d1.box && d1.box.x0 >= button.x - 4 && d1.box.x1 <= button.x + button.w + 4 &&
    d1.box.y0 >= button.y - 4 && d1.box.y1 <= button.y + button.h + 4;
  t.check(d1.n > 50 && inButton, `the hovered button changes colour, and only there (${d1.n} pixels in ${JSON.stringify(d1.box)}, button ${JSON.stringify([button.x, button.y, button.w, button.h])})`);

  await page.mouse.move(empty[0][0], empty[0][1]);
  await settle();
  const c3 = await counts();
  t.check(c3.painted > c2.painted, `leaving the button paints again (${c3.painted - c2.painted} painted)`);
  const after = await shot('paint-after.png');
  const d2 = diff(before, after);
  t.check(d2.n === 0, `the picture is back to the first one (${d2.n} pixels differ)`);

  const queries = await page.evaluate(() => window.mfGlQueries);
  t.check(c3.painted > 2 && queries === 0, `${c3.painted} frames painted, and none asked WebGL for the blend or scissor state (${queries} queries)`);
  const gl = await page.evaluate(() => {
    const c = document.getElementById('canvas').getContext('webgl2'); // the page's own context
    const p = (n) => c.getParameter(c[n]);
    return {
      defaults: p('BLEND_SRC_RGB') === c.ONE && p('BLEND_SRC_ALPHA') === c.ONE && p('BLEND_DST_RGB') === c.ZERO && p('BLEND_DST_ALPHA') === c.ZERO &&
        p('BLEND_EQUATION_RGB') === c.FUNC_ADD && p('BLEND_EQUATION_ALPHA') === c.FUNC_ADD,
      blend: c.isEnabled(c.BLEND), scissor: c.isEnabled(c.SCISSOR_TEST), program: p('CURRENT_PROGRAM'), texture: p('TEXTURE_BINDING_2D'),
    };
  });
  t.check(gl.defaults && !gl.blend && !gl.scissor && gl.program === null && gl.texture === null,
    `between frames the context's state is the defaults the host answers with (${JSON.stringify(gl)})`);
} catch (e) {
  await t.fail(e);
}
await t.finish();
