// expectations.mjs - reads tests/data/results/bad/expected.txt, the exact messages every bad result
// file must produce (the same file the core unit test and the CLI test read). Line format, as
// mf::Diagnostic::to_string() prints with the file's base name:
//   name.json: /json/pointer: message              an error
//   name.json: /json/pointer: warning: message     a warning (the file still loads)
//   name.json: message                             an error about the whole file
// Returns Map name -> {errors: [...], warnings: [...]}, each message as the app shows it
// ("/pointer: message", or just the message when there is no pointer).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BAD_RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../data/results/bad');

export function readExpectations(file = path.join(BAD_RESULTS, 'expected.txt')) {
  const out = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const m = /^([^:/]+\.json): (\/[^:]*: )?(warning: )?(.+)$/.exec(line);
    if (!m) throw new Error(`expected.txt: cannot read "${line}"`);
    const [, name, pointer, warning, message] = m;
    if (!out.has(name)) out.set(name, { errors: [], warnings: [] });
    out.get(name)[warning ? 'warnings' : 'errors'].push((pointer || '') + message);
  }
  return out;
}
