// drive.mjs - driving the app like a user, for the browser tests: real mouse clicks on the
// rectangles the app reports in mfTest.state().items, scrolling with the wheel, typing, files.
//
//   const d = driver(() => page);   // a function, because a test may replace its page
//   await d.click('start'); await d.answerNext(); const s = await d.state();
//
// Index
//   - settle        wait until the app stops drawing (on-demand rendering settles in a few frames)
//   - reveal/click  scroll an item into view with the wheel, click its real coordinates
//   - typeInto      select all, type, Tab out
//   - openGroups    the answer groups of the questions on screen (q:<question>:<option> items)
//   - answerNext    answer the first unanswered question on screen
//   - answerSome    answer n questions, theme after theme
//   - dropFile      a file dropped on the page
//   - openChooser   click a button that opens the browser's file picker, return the chooser
//   - waitReady     a (re)loaded page has drawn its first frame
//   - waitUntil     a condition in the page holds (waitForFunction cannot run under the page's CSP)
//   - waitLanguage  the app (and the page's lang) is in a language: the respondent's page fetches
//                   its English on the first switch, so a click on lang-en takes effect later

// Evaluates fn(arg) in the page until it gives something truthy and returns that. Instead of
// page.waitForFunction, which builds its predicate with eval in the page, and the page's
// Content-Security-Policy forbids eval (page.evaluate goes through the DevTools protocol and is not
// eval). A page that is navigating is asked again; a timeout throws, naming the function.
export async function waitUntil(page, fn, arg, { timeout = 30000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    let value;
    try {
      value = await page.evaluate(fn, arg);
    } catch (e) {
      if (!/context was destroyed|navigat|Target closed/i.test(e.message)) throw e;
    }
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms in vain for ${String(fn).replace(/\s+/g, ' ').slice(0, 140)}`);
    await page.waitForTimeout(interval);
  }
}

// Waits until the app has stopped drawing: no frame scheduled (mfTest.busy) and the frame count
// steady for 40 ms. On-demand rendering settles within a few frames; gives up after 4 s so a test
// on a page that keeps drawing (a blinking cursor) still goes on.
export async function settlePage(page) {
  const read = () => page.evaluate(() => [window.mfTest.frames(), window.mfTest.busy()]);
  let [last] = await read();
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(40);
    const [now, busy] = await read();
    if (now === last && !busy) return;
    last = now;
  }
}

// Files or folders from disk dropped on the page at (x, y), as a user drags them from the desktop:
// Chromium's own drop through DevTools (Input.dispatchDragEvent with their paths), so the page gets
// real entries, File System Access handles and File objects, not a synthetic DataTransfer.
export async function dropPaths(page, paths, { x = 640, y = 450 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  await cdp.detach();
}

// Clicks the item `locate()` returns (looked up again on each try, after the page settled) and
// waits for the browser's file picker. On a loaded machine a click can land while the screen is
// still being laid out, and Chromium now and then drops the first picker of a page, so it tries
// again; a button that never opens a picker still fails the caller's check (null is returned).
export async function openFileChooser(page, locate, settle, attempts = 4) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await settle();
    const it = await locate();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 6000 }).catch(() => null),
      page.mouse.click(it.x + Math.min(it.w / 2, 20), it.y + it.h / 2),
    ]);
    if (chooser) return chooser;
  }
  return null;
}

export function driver(getPage) {
  const page = () => getPage();
  const d = {
    state: () => page().evaluate(() => window.mfTest.state()),
    frames: () => page().evaluate(() => window.mfTest.frames()),

    async waitReady() {
      await waitUntil(page(), () => window.mfTest && window.mfTest.ready === true, null, { timeout: 60000 });
    },

    settle: () => settlePage(page()),

    async findItem(id) {
      return (await d.state()).items.find((i) => i.id === id);
    },

    // Scrolls with the mouse wheel until the item is on screen (viewport 1280 x 800), then returns it.
    async reveal(id) {
      for (let i = 0; i < 60; i++) {
        const it = await d.findItem(id);
        if (!it) throw new Error(`no item "${id}" on the screen (${(await d.state()).screen})`);
        if (it.visible && it.y >= 0 && it.y + it.h < 795) return it;
        await page().mouse.move(640, 450);
        const below = (it.y > 400 || it.y + it.h >= 790) && it.y >= 70;
        // Close to fitting, smaller steps: a tall item (the radar chart) can fit in a window smaller
        // than one full step, and full steps would jump over it for ever.
        const short = below ? it.y + it.h - 790 : 70 - it.y;
        await page().mouse.wheel(0, (below ? 1 : -1) * (short < 150 ? 40 : 120));
        await d.settle();
      }
      throw new Error(`could not scroll "${id}" into view`);
    },

    // Clicks the item; `settle: false` returns as soon as the mouse button is up.
    async click(id, { settle = true } = {}) {
      const it = await d.reveal(id);
      await page().mouse.click(it.x + Math.min(it.w / 2, 30), it.y + it.h / 2);
      if (settle) await d.settle();
    },

    async typeInto(id, text) {
      await d.click(id);
      await page().keyboard.press('Control+A');
      await page().keyboard.press('Backspace');
      await page().keyboard.type(text);
      await page().keyboard.press('Tab'); // leave the field: required-field messages appear once left
      await d.settle();
    },

    // Map question id -> its radio / checkbox items, in screen order.
    openGroups(s) {
      const groups = new Map();
      for (const it of s.items) {
        const m = /^q:([^:]+):(.+)$/.exec(it.id);
        if (!m || (it.kind !== 'radio' && it.kind !== 'checkbox')) continue;
        if (!groups.has(m[1])) groups.set(m[1], []);
        groups.get(m[1]).push({ ...it, option: m[2] });
      }
      return groups;
    },

    // Answers the first question on screen that has no answer, with the option `pick(items)` returns
    // (default: the first). Returns {question, option, kind} or null when all are answered.
    // Only what is on screen is drawn (and reported), so it scrolls down until it finds one or the
    // "next" button at the end of the screen is in view.
    async answerNext(pick = (items) => items[0], opts = {}) {
      for (let i = 0; i < 40; i++) {
        const s = await d.state();
        const open = [...d.openGroups(s).entries()].find(([q]) => !(q in s.answers));
        if (open) {
          const [question, items] = open;
          const choice = pick(items);
          await d.click(choice.id, opts);
          return { question, option: choice.option, kind: choice.kind };
        }
        const next = s.items.find((it) => it.id === 'next');
        if (!next || (next.visible && next.y + next.h < 795)) return null;
        await page().mouse.move(640, 450);
        await page().mouse.wheel(0, 240);
        await d.settle();
      }
      throw new Error('questions kept appearing');
    },

    // Answers `n` questions from the current theme on, going to the next theme when one is done.
    async answerSome(n, pick = (items) => items[0]) {
      const given = [];
      while (given.length < n) {
        const r = await d.answerNext(pick);
        if (r) given.push(r);
        else if ((await d.state()).screen === 'theme') await d.click('next');
        else break;
      }
      return given;
    },

    openChooser: (id) => openFileChooser(page(), () => d.reveal(id), () => d.settle()),

    // A file dropped on the page, as a user dragging it from the desktop would. `content` is a
    // string or a Buffer (sent as base64, so any bytes arrive unchanged).
    async dropFile(name, content) {
      const base64 = Buffer.isBuffer(content) ? content.toString('base64') : null;
      await page().evaluate(([n, body, b64]) => {
        const dt = new DataTransfer();
        const data = b64 === null ? body : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([data], n, { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, [name, base64 === null ? content : '', base64]);
      await waitUntil(page(), () => window.mfTest.state().modal !== null, null, { timeout: 15000 });
      await d.settle();
    },
  };
  return d;
}

// The app is in `language` and has drawn a frame in it (the page's lang attribute follows). The
// respondent's page fetches its English the first time it is asked for (docs/texts.md, "English on
// demand"): until it is here the page stays in Danish, so a test must wait for it, not look at once.
export async function waitLanguage(page, language, timeout = 20000) {
  await waitUntil(page, (l) => window.mfTest.state().language === l && document.documentElement.lang === l, language, { timeout });
}
