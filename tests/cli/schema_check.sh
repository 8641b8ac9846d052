#!/usr/bin/env bash
# schema_check.sh - files against one of our JSON Schemas under two validators that must agree:
# Python jsonschema (Draft202012Validator, /usr/bin/python3, installed by emsdk-setup.sh) and ajv
# (Ajv2020 from node_modules, pinned in package.json). A helper for the tests/cli/*.test.sh scripts
# (not a test itself); every schema in questionnaires/schema is run this way (schemas.test.sh).
#
#   bash tests/cli/schema_check.sh SCHEMA FILE...     (FILE "-": the file names, one a line, on stdin)
#
# Prints "<file> valid|invalid|unreadable" for each file: the verdict both validators gave.
# "unreadable" is a file that is not JSON to either reader: malformed, invalid UTF-8, a byte order
# mark, NaN or Infinity (Python would accept those, JSON does not), nesting deeper than 1000.
# Every *.schema.json beside SCHEMA is loaded too, so references between them resolve (the bundle's
# members are result files).
#
# ajv runs with its default options, strict mode included (what a developer gets from
# `new Ajv2020()`), except strictTuples: that lint warns about every tuple that is not of fixed
# length, and the questionnaire's "first level starts at 0" is a one-item prefix of an open array.
# A schema that ajv warns about in any other way, or that either validator cannot compile, is an
# error (exit 2), so the schemas stay clean for both.
#
# Exit status: 0 the validators agree on every file; 1 they disagree on some file (each printed on
# stderr as "DISAGREE: <file>: jsonschema <verdict> (<first error>); ajv <verdict> (<first error>)");
# 2 usage, a missing validator or a schema that does not compile.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY=/usr/bin/python3
if [ $# -lt 2 ]; then
    echo "usage: schema_check.sh SCHEMA FILE... (or - for names on stdin)" >&2
    exit 2
fi
SCHEMA=$(realpath "$1")
shift
TMP=$(mktemp -d)
KEEP=${KEEP:-}; [ -n "$KEEP" ] || trap 'rm -rf "$TMP"' EXIT
if [ "$*" = "-" ]; then cat >"$TMP/files"; else printf '%s\n' "$@" >"$TMP/files"; fi

# Each validator writes "<verdict>\t<first error>\t<file>" per file, in the order given.
"$PY" - "$SCHEMA" "$TMP/files" >"$TMP/python" <<'PY' || { echo "schema_check.sh: Python jsonschema failed" >&2; exit 2; }
import glob, json, os, sys, warnings
import jsonschema

sys.setrecursionlimit(10000)
schema_path, list_path = sys.argv[1], sys.argv[2]
store = {}
for path in sorted(glob.glob(os.path.join(os.path.dirname(schema_path), "*.schema.json"))):
    s = json.load(open(path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(s)
    store[s["$id"]] = s
schema = json.load(open(schema_path, encoding="utf-8"))
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver: Debian 12's jsonschema 4.10 has nothing newer
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
validator = jsonschema.Draft202012Validator(schema, resolver=resolver)

def no_constant(name):
    raise ValueError("not JSON: " + name)

def depth(x, limit=1000):
    stack = [(x, 1)]
    while stack:
        v, d = stack.pop()
        if d > limit:
            return True
        if isinstance(v, dict): stack.extend((w, d + 1) for w in v.values())
        elif isinstance(v, list): stack.extend((w, d + 1) for w in v)
    return False

for path in open(list_path, encoding="utf-8").read().split("\n"):
    if not path:
        continue
    try:
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            raise ValueError("a byte order mark")
        doc = json.loads(raw.decode("utf-8"), parse_constant=no_constant)
        if depth(doc):
            raise ValueError("nested deeper than 1000")
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        print("unreadable\t%s\t%s" % (" ".join(str(e).split())[:120], path))
        continue
    # The first error, not best_match: that one collects every error of the file first, which
    # doubled the CPU of the 2,208-file sweep in validate.test.sh; the verdict is the same.
    error = next(validator.iter_errors(doc), None)
    if error is None:
        print("valid\t\t%s" % path)
    else:
        where = "/" + "/".join(map(str, error.absolute_path))
        print("invalid\t%s: %s\t%s" % (where, " ".join(error.message.split())[:160], path))
PY

node --input-type=module - "$SCHEMA" "$TMP/files" "$ROOT/node_modules/ajv/dist/2020.js" >"$TMP/ajv" <<'JS' || { echo "schema_check.sh: ajv failed" >&2; exit 2; }
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const [schemaPath, listPath, ajvPath] = process.argv.slice(2);
const Ajv2020 = createRequire(import.meta.url)(ajvPath).default;
const warnings = [];
const logger = { log: () => {}, warn: (...a) => warnings.push(a.join(' ')), error: (...a) => warnings.push(a.join(' ')) };
const ajv = new Ajv2020({ logger, strictTuples: false });
const dir = path.dirname(schemaPath);
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) {
  const full = path.join(dir, name);
  if (full !== schemaPath) ajv.addSchema(JSON.parse(fs.readFileSync(full, 'utf8')));
}
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
for (const other of Object.keys(ajv.schemas)) ajv.getSchema(other); // compile every schema, for its warnings
if (warnings.length) {
  console.error(`schema_check.sh: ajv warns about the schemas:\n  ${warnings.join('\n  ')}`);
  process.exit(1);
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const depth = (x, limit = 1000) => {
  const stack = [[x, 1]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (d > limit) return true;
    if (v && typeof v === 'object') for (const w of Object.values(v)) stack.push([w, d + 1]);
  }
  return false;
};
const out = [];
for (const file of fs.readFileSync(listPath, 'utf8').split('\n').filter(Boolean)) {
  let doc;
  try {
    const bytes = fs.readFileSync(file);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw new Error('a byte order mark');
    doc = JSON.parse(utf8.decode(bytes));
    if (depth(doc)) throw new Error('nested deeper than 1000');
  } catch (e) {
    out.push(`unreadable\t${String(e.message).replace(/[\t\r\n]/g, ' ').slice(0, 120)}\t${file}`);
    continue;
  }
  if (validate(doc)) out.push(`valid\t\t${file}`);
  else {
    const e = validate.errors[0];
    const message = `${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`.replace(/[\t\r\n]/g, ' ').slice(0, 200);
    out.push(`invalid\t${message}\t${file}`);
  }
}
process.stdout.write(out.map((l) => l + '\n').join(''));
JS

"$PY" - "$TMP/python" "$TMP/ajv" <<'PY'
import sys
python = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
ajv = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
if [p[2] for p in python] != [a[2] for a in ajv]:
    print("schema_check.sh: the validators did not report the same files", file=sys.stderr)
    sys.exit(2)
disagree = 0
for (pv, pe, path), (av, ae, _) in zip(python, ajv):
    if pv != av:
        disagree += 1
        print("DISAGREE: %s: jsonschema %s (%s); ajv %s (%s)" % (path, pv, pe, av, ae), file=sys.stderr)
    print(path, pv)
sys.exit(1 if disagree else 0)
PY
