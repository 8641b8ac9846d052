// municipality_lib.mjs - the municipality overview's test data and checks, shared by
// municipality.test.mjs (the figures the app draws) and a11y_axe.test.mjs (the same figures in the
// accessible layer): the result files of tests/data/municipality, mf-aggregate's summaries of them,
// and the comparison of shown figures with those summaries.
//
// The files and the expected outputs are made by scripts/make-municipality-fixtures.sh;
// tests/cli/municipality.test.sh checks that mf-aggregate still writes exactly its outputs. The
// overview still shows the figures before disclosure control, over all years (the newest file per
// CVR, or every file): `expected` and `expectedKeep` are those figures as the independent reference
// (scripts/aggregate_reference.py --out) computes them, rounded as mf-aggregate writes them; the
// rejected files' reasons come from mf-aggregate's internal rows file.
// Figures are compared by cell id ("all/overall/mean", "levels/principle:p1/l2", ...): the ids the
// app gives its table cells (mfTest.state().cells; data-mf-cell in the layer).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA = path.resolve(here, '../data/municipality');
export const expected = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/app-figures.json'), 'utf8'));
export const expectedKeep = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/app-figures-keep.json'), 'utf8'));
export const expectedRows = JSON.parse(fs.readFileSync(path.join(DATA, 'expected/rows-intern.json'), 'utf8'));
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

// Every figure in `cells` (cell id -> text as shown) against the summary JSON, for the groups of
// `dimension` ("sector" or "size"). Returns the mismatches and how many figures were compared.
export function compareFigures(cells, summary, dimension) {
  const bad = [];
  let n = 0;
  const cmp = (id, want) => {
    n++;
    const shown = value(cells[id]);
    if (!same(shown, want)) bad.push(`${id}: shown ${cells[id]}, mf-aggregate ${want}`);
  };
  cmp('files/read', summary.files.read);
  cmp('files/accepted', summary.files.accepted);
  cmp('files/counted', summary.files.counted);
  cmp('files/superseded', summary.files.superseded);
  cmp('files/rejected', summary.files.rejected);
  cmp('files/change', summary.change.organisations);
  for (const g of summary.groups) {
    if (g.dimension === 'all') {
      for (const p of g.parts) {
        for (const k of ['n', 'mean', 'q1', 'median', 'q3']) cmp(`all/${partKey(p)}/${k}`, p[k]);
        for (const [level, count] of Object.entries(p.levels)) cmp(`levels/${partKey(p)}/${level}`, count);
      }
    } else if (g.dimension === dimension) {
      const key = `${g.dimension}/${g.group}/`;
      cmp(key + 'organisations', g.organisations);
      const overall = g.parts.find((p) => p.kind === 'overall');
      cmp(key + 'overall/n', overall.n);
      cmp(key + 'overall/mean', overall.mean);
      cmp(key + 'overall/median', overall.median);
      for (const p of g.parts.filter((x) => x.kind === 'principle')) cmp(`${key}${partKey(p)}/mean`, p.mean);
    }
  }
  if (summary.change.organisations > 0)
    for (const p of summary.change.parts.filter((x) => x.kind !== 'theme'))
      for (const k of ['n', 'mean', 'median', 'improved', 'unchanged', 'declined']) cmp(`change/${partKey(p)}/${k}`, p[k]);
  return { bad, n };
}

// The overview's bars in the layer against the summary: a spread bar per part (overall and the
// principles, in the summary's order) reads "<title>: gennemsnit X; midterste halvdel Q1 til Q3;
// median M (n = N)", a level bar "<title>: <level>: count, ..." with the levels in the levels
// table's order, and a bar per non-empty group of `dimension` "<group>  (organisations): mean".
// `texts` are the layer's paragraphs; `levels` the levels table's columns after the first, as
// [title, level id]. Returns the mismatches and how many bars were compared.
export function compareBars(texts, summary, levels, dimension) {
  const levelNames = levels.map((l) => l[0]);
  const all = summary.groups.find((g) => g.dimension === 'all');
  const parts = all.parts.filter((p) => p.kind !== 'theme');
  const spread = texts.map((t) => /: gennemsnit (\S+ %|–)(?:; midterste halvdel (\S+ %) til (\S+ %); median (\S+ %))? \(n = (\d+)\)$/.exec(t)).filter(Boolean);
  const levelRe = new RegExp(': ' + levelNames.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ': (\\d+)').join(', ') + '$');
  const stacked = texts.map((t) => levelRe.exec(t)).filter(Boolean);
  const groups = summary.groups.filter((g) => g.dimension === dimension && g.organisations > 0);
  const groupBars = texts.map((t) => /\s\((\d+)\): (\S+ %|–)$/.exec(t)).filter(Boolean);
  const bad = [];
  if (groupBars.length !== groups.length) bad.push(`${groupBars.length} group bars, ${groups.length} groups`);
  groups.forEach((g, i) => {
    const b = groupBars[i];
    const mean = g.parts.find((p) => p.kind === 'overall').mean;
    if (b && (Number(b[1]) !== g.organisations || !same(value(b[2]), mean)))
      bad.push(`group bar ${dimension}/${g.group}: shown ${b[0]}, mf-aggregate ${g.organisations} organisations, mean ${mean}`);
  });
  if (spread.length !== parts.length) bad.push(`${spread.length} spread bars, ${parts.length} parts`);
  if (stacked.length !== parts.length) bad.push(`${stacked.length} level bars, ${parts.length} parts`);
  parts.forEach((p, i) => {
    const s = spread[i], l = stacked[i];
    if (s) {
      const shown = { mean: value(s[1]), q1: s[2] && value(s[2]), q3: s[3] && value(s[3]), median: s[4] && value(s[4]), n: Number(s[5]) };
      for (const k of ['mean', 'q1', 'median', 'q3', 'n'])
        if (!same(shown[k], p[k])) bad.push(`bar ${partKey(p)} ${k}: shown ${shown[k]}, mf-aggregate ${p[k]}`);
    }
    if (l) {
      levels.forEach(([name, id], j) => {
        if (Number(l[j + 1]) !== p.levels[id]) bad.push(`level bar ${partKey(p)} ${name}: shown ${l[j + 1]}, mf-aggregate ${p.levels[id]}`);
      });
    }
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

// Waits until the overview has `count` files and its figures are computed.
export async function waitLoaded(page, count) {
  await page.waitForFunction((n) => {
    const m = window.mfTest.state().municipality;
    return m.files === n && !m.loading && !m.stale;
  }, count, { timeout: 20000 });
}
