// municipality_lib.mjs - the municipality overview's test data and checks, shared by
// municipality.test.mjs (the figures the app draws) and a11y_axe.test.mjs (the same figures in the
// accessible layer): the result files of tests/data/municipality, mf-aggregate's outputs for them,
// and the comparison of shown figures with those outputs.
//
// The files and the expected outputs are made by scripts/make-municipality-fixtures.sh;
// tests/cli/municipality.test.sh checks that mf-aggregate still writes exactly its outputs, and that
// the published summary passes the independent reference's check (nothing under k shown, no
// minimum or maximum). The overview shows the published figures (disclosure control, the latest
// year, k = 5): `expected` is mf-aggregate's published summary JSON, the same whether duplicates are
// kept or not (a year takes each CVR's newest file); `expectedRows` / `expectedRowsKeep` are the
// internal rows (the files table, the rejected files' reasons).
// Figures are compared by cell id ("all/overall/mean", "levels/principle:p1/l2", ...): the ids the
// app gives its table cells (mfTest.state().cells; data-mf-cell in the layer).
// Also: the pickers with their dialogs replaced (stubPickers, writeOpfsFolder; used by
// municipality_folder.test.mjs and scripts/bench-kommune.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { settlePage, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA = path.resolve(here, '../data/municipality');
export const expected = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/summary.json'), 'utf8'));
export const expectedRows = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/rows-intern.json'), 'utf8'));
// The files table's counts (read, accepted, counted, superseded, rejected, organisations with a
// change), as the independent reference counts them, newest per CVR and with every file kept.
const fileCounts = (name) => {
  const f = JSON.parse(fs.readFileSync(path.join(DATA, 'expected', name), 'utf8'));
  return { ...f.files, change: f.change.organisations };
};
export const expectedFiles = fileCounts('app-figures.json');
export const expectedFilesKeep = fileCounts('app-figures-keep.json');
export const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();

// "54,3 %" / "54.3%" / "+4,2" / "12" / "–" -> a number or null.
export function value(text) {
  if (text === undefined) return undefined;
  if (text === '–') return null;
  return Number(text.replace(/[%\s]/g, '').replace(',', '.'));
}
// What the app shows must be mf-aggregate's figure rounded to one decimal (it writes them rounded).
export function same(shown, want) {
  if (want === null || want === undefined) return shown === null;
  return shown !== null && shown !== undefined && Math.abs(shown - want) < 1e-9;
}
export function partKey(p) { return p.kind === 'overall' ? 'overall' : `${p.kind}:${p.id}`; }

// A published count as the app writes it: the number, "færre end 5" / "under 5", or for null
// (hidden, or a hidden group's figure) "skjult" / "hidden" or nothing.
export function countMatches(shown, want) {
  if (want === null) return shown === '' || shown === 'skjult' || shown === 'hidden';
  if (typeof want === 'object') return shown === `færre end ${want.under}` || shown === `under ${want.under}`;
  return shown === String(want);
}

// Every figure in `cells` (cell id -> text as shown) against the published summary JSON, for the
// groups of `dimension` ("sector" or "size"), and the files table against `files` (expectedFiles). A figure the summary leaves out (null) must be an empty cell. Returns the mismatches and
// how many figures were compared.
export function compareFigures(cells, summary, files, dimension) {
  const bad = [];
  let n = 0;
  const cmp = (id, want) => {
    n++;
    if (want === null) {
      if (cells[id] !== '') bad.push(`${id}: shown ${cells[id]}, not published`);
      return;
    }
    const shown = value(cells[id]);
    if (!same(shown, want)) bad.push(`${id}: shown ${cells[id]}, mf-aggregate ${want}`);
  };
  const count = (id, want) => {
    n++;
    if (!countMatches(cells[id], want)) bad.push(`${id}: shown ${cells[id]}, mf-aggregate ${JSON.stringify(want)}`);
  };
  for (const k of ['read', 'accepted', 'counted', 'superseded', 'rejected', 'change']) cmp(`files/${k}`, files[k]);
  for (const g of summary.groups) {
    if (g.dimension === 'all') {
      for (const p of g.parts) {
        count(`all/${partKey(p)}/n`, p.n);
        for (const k of ['mean', 'q1', 'median', 'q3']) cmp(`all/${partKey(p)}/${k}`, p[k]);
        for (const [level, c] of Object.entries(p.levels)) count(`levels/${partKey(p)}/${level}`, c);
      }
    } else if (g.dimension === dimension) {
      const key = `${g.dimension}/${g.group}/`;
      count(key + 'organisations', g.organisations);
      const overall = g.parts.find((p) => p.kind === 'overall');
      count(key + 'overall/n', overall.n);
      cmp(key + 'overall/mean', overall.mean);
      cmp(key + 'overall/median', overall.median);
      for (const p of g.parts.filter((x) => x.kind === 'principle')) cmp(`${key}${partKey(p)}/mean`, p.mean);
    }
  }
  for (const c of summary.sectorBySize) {
    const id = `cross/${c.sector}/${c.size}`;
    const [shownCount, shownMean] = (cells[id] ?? '').split(' · ');
    n++;
    if (!countMatches(shownCount, c.organisations) || !same(shownMean === undefined ? null : value(shownMean), c.mean))
      bad.push(`${id}: shown ${cells[id]}, mf-aggregate ${JSON.stringify(c.organisations)} · ${c.mean}`);
  }
  // The answers per question: the overview shows one theme at a time (the first at the start).
  const theme = summary.questions.length ? summary.questions[0].theme : null;
  for (const q of summary.questions.filter((x) => x.theme === theme)) {
    for (const a of q.answers) {
      count(`question/${q.id}/${a.id}/count`, a.count);
      cmp(`question/${q.id}/${a.id}/share`, a.share);
    }
    count(`question/${q.id}/not_answered/count`, q.notAnswered);
  }
  if (summary.change)
    for (const p of summary.change.parts.filter((x) => x.kind !== 'theme')) {
      for (const k of ['n', 'improved', 'unchanged', 'declined']) count(`change/${partKey(p)}/${k}`, p[k]);
      for (const k of ['mean', 'median']) cmp(`change/${partKey(p)}/${k}`, p[k]);
    }
  // The goal follow-up: goals per status, when the small-group rule publishes them; else no cell.
  const goalCells = Object.keys(cells).filter((id) => id.startsWith('goals/'));
  if (summary.goals.statuses) {
    for (const [status, c] of Object.entries(summary.goals.statuses)) {
      n++;
      if (Number(cells[`goals/${status}/goals`]) !== c.count) bad.push(`goals/${status}/goals: shown ${cells[`goals/${status}/goals`]}, mf-aggregate ${c.count}`);
      cmp(`goals/${status}/share`, c.share);
    }
  } else if (goalCells.length) {
    bad.push(`goal figures shown though mf-aggregate publishes none: ${goalCells.join(', ')}`);
  }
  return { bad, n };
}

// Count cells (organisations, n, levels, answers, better / same / worse, sector x size) that show a
// number from 1 to k - 1: none may (a small group is "under k"). Returns their ids and texts.
export function smallCounts(cells, k) {
  const countCell = /\/(n|organisations|count|improved|unchanged|declined)$|^levels\/|^cross\//;
  return Object.entries(cells).filter(([id, text]) => {
    if (!countCell.test(id) || id.startsWith('files/')) return false;
    const n = Number((text ?? '').split(' · ')[0]);
    return Number.isInteger(n) && n > 0 && n < k;
  }).map(([id, text]) => `${id}: ${text}`);
}

// The overview's tables: files, principles and themes, levels, groups (two: the overall score, the
// principles), sector x size, answers, the change when there is an earlier year, and the goals by
// status when they are published.
export function tableCount(summary) { return 7 + (summary.change ? 1 : 0) + (summary.goals.statuses ? 1 : 0); }

// The overview's bars in the layer against the summary: a spread bar per part with published
// figures (overall and the principles, in the summary's order) reads "<title>: gennemsnit X;
// midterste halvdel Q1 til Q3; median M (n = N)", a level bar "<title>: <level>: count, ..." only
// where every level's count is a number, and a bar per group of `dimension` with published figures
// "<group>  (organisations): mean". `texts` are the layer's paragraphs; `levels` the levels table's
// columns after the first, as [title, level id]. Returns the mismatches and how many bars were compared.
export function compareBars(texts, summary, levels, dimension) {
  const levelNames = levels.map((l) => l[0]);
  const all = summary.groups.find((g) => g.dimension === 'all');
  const parts = all.parts.filter((p) => p.kind !== 'theme' && p.mean !== null);
  const levelParts = all.parts.filter((p) => p.kind !== 'theme' && Object.values(p.levels).every((c) => typeof c === 'number'));
  const spread = texts.map((t) => /: gennemsnit (\S+ %|–)(?:; midterste halvdel (\S+ %) til (\S+ %); median (\S+ %))? \(n = (\d+)\)$/.exec(t)).filter(Boolean);
  const levelRe = new RegExp(': ' + levelNames.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ': (\\d+)').join(', ') + '$');
  const stacked = texts.map((t) => levelRe.exec(t)).filter(Boolean);
  const groups = summary.groups.filter((g) => g.dimension === dimension && g.parts.find((p) => p.kind === 'overall').mean !== null);
  const groupBars = texts.map((t) => /\s\((\d+)\): (\S+ %|–)$/.exec(t)).filter(Boolean);
  const bad = [];
  if (groupBars.length !== groups.length) bad.push(`${groupBars.length} group bars, ${groups.length} groups with figures`);
  groups.forEach((g, i) => {
    const b = groupBars[i];
    const mean = g.parts.find((p) => p.kind === 'overall').mean;
    if (b && (Number(b[1]) !== g.organisations || !same(value(b[2]), mean)))
      bad.push(`group bar ${dimension}/${g.group}: shown ${b[0]}, mf-aggregate ${g.organisations} organisations, mean ${mean}`);
  });
  if (spread.length !== parts.length) bad.push(`${spread.length} spread bars, ${parts.length} parts with figures`);
  if (stacked.length !== levelParts.length) bad.push(`${stacked.length} level bars, ${levelParts.length} parts with every level published`);
  parts.forEach((p, i) => {
    const s = spread[i];
    if (!s) return;
    const shown = { mean: value(s[1]), q1: s[2] && value(s[2]), q3: s[3] && value(s[3]), median: s[4] && value(s[4]), n: Number(s[5]) };
    for (const k of ['mean', 'q1', 'median', 'q3', 'n'])
      if (!same(shown[k], p[k])) bad.push(`bar ${partKey(p)} ${k}: shown ${shown[k]}, mf-aggregate ${p[k]}`);
  });
  levelParts.forEach((p, i) => {
    const l = stacked[i];
    if (l) levels.forEach(([name, id], j) => {
      if (Number(l[j + 1]) !== p.levels[id]) bad.push(`level bar ${partKey(p)} ${name}: shown ${l[j + 1]}, mf-aggregate ${p.levels[id]}`);
    });
  });
  return { bad, n: spread.length + stacked.length + groupBars.length };
}

// Drops result files on the page together (a synthetic drop with real File objects).
export async function dropFiles(page, names) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [name, body] of list) dt.items.add(new File([body], name, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, names.map((f) => [f, fs.readFileSync(path.join(DATA, f), 'utf8')]));
}

// Scrolls the overview (a page `height` pixels high) with the mouse wheel until the item is on
// screen, then returns it. The wheel turns beside the column, not over a scrolled list inside it.
export async function revealItem(page, id, height) {
  for (let i = 0; i < 80; i++) {
    const it = (await page.evaluate(() => window.mfTest.state())).items.find((x) => x.id === id);
    if (!it) throw new Error(`no item "${id}" on the screen`);
    if (it.visible && it.y >= 0 && it.y + it.h < height - 5) return it;
    await page.mouse.move(120, height / 2);
    await page.mouse.wheel(0, it.y > height / 2 ? Math.min(it.y - height / 2, 1500) : -Math.min(height / 2 - it.y, 1500));
    await settlePage(page);
  }
  throw new Error(`could not scroll "${id}" into view`);
}

// Waits until the overview has `count` files and its figures are computed.
export async function waitLoaded(page, count) {
  await waitUntil(page, (n) => {
    const m = window.mfTest.state().municipality;
    return m.files === n && !m.loading && !m.stale;
  }, count, { timeout: 20000 });
}

// --- the pickers ("Vælg resultatfiler", "Vælg mappe") with their dialogs replaced ----------------
// Playwright cannot drive the File System Access dialogs headless (microsoft/playwright issues 8850,
// 11288; while it listens for file choosers Chromium rejects showOpenFilePicker with an AbortError
// "Intercepted by Page.setInterceptFileChooserDialog()" and reports no chooser), so tests and
// scripts/bench-kommune.mjs replace ONLY the dialogs: an init script (page.addInitScript; the page's
// Content-Security-Policy does not apply to it) makes window.showDirectoryPicker resolve to the
// folder `folder` of the origin's private file system (navigator.storage.getDirectory(), written
// there before by writeOpfsFolder) and window.showOpenFilePicker to the handles of every file at the
// top of its folder `files`. window.mfPickerReady() collects those handles ahead (the bench does so
// before its timed click: the real dialog hands them over at once, at a cost of its own that cannot
// be measured here). Each call is recorded in window.mfPickerCalls as {picker: 'files' | 'folder',
// options}; with window.mfPickerRejects set to a DOMException's name both reject with that
// ('AbortError': a user's cancel; 'SecurityError': no user activation). Everything after the dialog is
// the page's own code. Deleting window.showOpenFilePicker or window.showDirectoryPicker takes the
// browser's own away too (they are the window's own properties).
export async function stubPickers(page, { folder, files }) {
  await page.addInitScript(({ folder, files }) => {
    window.mfPickerCalls = [];
    let picked = null;
    window.mfPickerReady = () => {
      if (!picked) {
        picked = (async () => {
          const out = [];
          for await (const h of (await (await navigator.storage.getDirectory()).getDirectoryHandle(files)).values())
            if (h.kind === 'file') out.push(h);
          return out;
        })();
      }
      return picked.then((hs) => hs.length);
    };
    const dialog = (picker, answer) => async (options) => {
      window.mfPickerCalls.push({ picker, options: options === undefined ? null : options });
      if (window.mfPickerRejects) throw new DOMException(`the dialog replaced: ${window.mfPickerRejects}`, window.mfPickerRejects);
      return answer();
    };
    window.showDirectoryPicker = dialog('folder', async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder));
    // The handles are the page's alone once given, as the real dialog's are (none kept here).
    window.showOpenFilePicker = dialog('files', async () => { await window.mfPickerReady(); const hs = await picked; picked = null; return hs; });
  }, { folder, files });
}

// Writes the files [[path inside the folder ("sub/a.json"), bytes], ...] into the folder `name` of
// the page's origin's private file system, emptied first; a few hundred files per call.
export async function writeOpfsFolder(page, name, entries) {
  await page.evaluate(async (folder) => {
    await (await navigator.storage.getDirectory()).removeEntry(folder, { recursive: true }).catch(() => {});
  }, name);
  for (let i = 0; i < entries.length; i += 400) {
    await page.evaluate(async ({ folder, part }) => {
      const root = await navigator.storage.getDirectory();
      const dirs = new Map();
      const dir = (p) => {
        if (!dirs.has(p)) {
          const at = p.lastIndexOf('/');
          dirs.set(p, at < 0 ? root.getDirectoryHandle(p, { create: true })
            : dir(p.slice(0, at)).then((d) => d.getDirectoryHandle(p.slice(at + 1), { create: true })));
        }
        return dirs.get(p);
      };
      await Promise.all(part.map(async ([rel, b64]) => {
        const full = `${folder}/${rel}`, at = full.lastIndexOf('/');
        const w = await (await (await dir(full.slice(0, at))).getFileHandle(full.slice(at + 1), { create: true })).createWritable();
        await w.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
        await w.close();
      }));
    }, { folder: name, part: entries.slice(i, i + 400).map(([rel, bytes]) => [rel, Buffer.from(bytes).toString('base64')]) });
  }
}

// Every file below `dir` as writeOpfsFolder's entries, paths with '/'.
export function folderEntries(dir) {
  return fs.readdirSync(dir, { recursive: true }).map((f) => f.split(path.sep).join('/')).sort()
    .filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f))]);
}
