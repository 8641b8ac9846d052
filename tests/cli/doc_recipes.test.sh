#!/usr/bin/env bash
# doc_recipes.test.sh - the recipes the docs give for re-implementing the app, taken from the pages
# as they stand (doc_recipes.py): the Python checksum of docs/result-format.md against the app's own
# checksum (mf-validate --result --json: "contentChecksum"), and the Python rounding line of
# docs/scoring.md against the spreadsheet formula there (which tests/core/scoring_test.cpp checks
# against the engine's round1).
#
# Usage (ctest does this): bash doc_recipes.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. the recipe: the ```python block of the section "The checksum" in docs/result-format.md
#      (doc_recipes.py)
#   2. the files: every result file under tests/data (a bundle's members each on its own), 30 files mf-generate exports now, and files
#      with number answers written in every troublesome way (±1e15 with a fraction or an exponent,
#      integers at the edges of 64 bits and beyond, digits a Grisu2 printer writes differently,
#      the smallest and largest doubles)
#   3. for every file the app computes a checksum for, the recipe gives the same one; the exported
#      and the troublesome files all have one; the exported files' stored checksums match it
#   4. rounding: the Python line gives the spreadsheet formula's number (evaluated with Python's
#      doubles, as a spreadsheet computes) for some 370,000 values
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1

"$BUILD/mf-generate" --count 30 --seed 17 --out "$TMP/gen" >/dev/null 2>&1 || { echo "FAIL: mf-generate"; exit 1; }

# 2. The troublesome numbers, as literal text in the answer to the employees question (a number
#    question: an answer out of its range is dropped with a warning, but the checksum covers it)
#    and in the organisation block.
mkdir -p "$TMP/numbers"
"$PY" - "$(find "$TMP/gen" -name '*.json' | sort | head -1)" "$TMP/numbers" <<'PY'
import json, sys
template, out = sys.argv[1], sys.argv[2]
text = open(template, encoding="utf-8").read()
doc = json.loads(text)
employees = json.dumps(doc["answers"]["employees"])
literals = ["1000000000000000.0", "-1000000000000000.0", "1e15", "-1e15", "1E+15", "999999999999999.9",
            "1000000000000000", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "-9223372036854775809", "18446744073709551615", "18446744073709551616", "18446744073709551617",
            "123456789012345678901234567890", "0.49107303336034", "-727454632735125.8", "1234567890123456.7",
            "6569.538259509", "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "0.1",
            "0.30000000000000004", "50.0", "5e1", "-0.0", "0.0001", "0.00001", "1e16", "42.25"]
for i, literal in enumerate(literals):
    changed = text.replace('"employees": ' + employees, '"employees": ' + literal)
    assert changed != text, "no employees answer to replace"
    with open("%s/number-%02d.json" % (out, i), "w", encoding="utf-8") as f:
        f.write(changed)
PY

find tests/data -name '*.json' -not -path 'tests/data/questionnaires/*' -not -path 'tests/data/municipality/expected/*' \
    -not -name 'example.json' | sort >"$TMP/fixtures.list"
{ cat "$TMP/fixtures.list"; find "$TMP/gen" "$TMP/numbers" -name '*.json' | sort; } >"$TMP/all.list"
# mf-validate exits 1 for the files it rejects; only its JSON matters here.
"$BUILD/mf-validate" --result --json $(cat "$TMP/all.list") >"$TMP/engine.json"

"$PY" - "$SRC/tests/cli" "$TMP/engine.json" "$TMP/gen" "$TMP/numbers" <<'PY'
import json, sys
cli_dir, engine_path, gen, numbers = sys.argv[1:5]

# 1. The recipe from the page (doc_recipes.py takes it out of docs/result-format.md).
sys.path.insert(0, cli_dir)
from doc_recipes import result_checksum

# 3. Compare.
failures = 0
def fail(message):
    global failures
    failures += 1
    print("FAIL:", message)

engine = {f["file"]: f for f in json.load(open(engine_path, encoding="utf-8"))["files"]}
compared = 0
for path, f in engine.items():
    must = path.startswith(gen) or path.startswith(numbers)
    if "contentChecksum" not in f:
        if must:
            fail("%s: the app computed no checksum" % path)
        continue
    if "#/results/" in path:  # a bundle's member, as mf-validate names it: "bundle.json#/results/N (file)"
        bundle_path, rest = path.split("#/results/", 1)
        member = json.load(open(bundle_path, encoding="utf-8"))["results"][int(rest.split(" ", 1)[0])]["result"]
        text = json.dumps(member, ensure_ascii=False)
    else:
        text = open(path, encoding="utf-8").read()
    recipe_sum = result_checksum(text)
    compared += 1
    if recipe_sum != f["contentChecksum"]:
        fail("%s: the recipe gives %s, the app %s" % (path, recipe_sum, f["contentChecksum"]))
    if path.startswith(gen) and json.loads(text)["checksum"] != recipe_sum:
        fail("%s: an exported file's stored checksum is not the recipe's" % path)
n_numbers = sum(1 for p in engine if p.startswith(numbers))
n_gen = sum(1 for p in engine if p.startswith(gen))
print("the recipe and the app agree on %d files (%d fixtures, %d exported, %d with troublesome numbers)"
      % (compared, compared - n_gen - n_numbers, n_gen, n_numbers))
if n_numbers < 30 or n_gen != 30:
    fail("expected 30 exported files and at least 30 with troublesome numbers")
sys.exit(1 if failures else 0)
PY
status=$?

# 4. Rounding: the Python line of docs/scoring.md against the spreadsheet formula there.
"$PY" - "$SRC/tests/cli" <<'PY' || status=1
import math, re, sys
sys.path.insert(0, sys.argv[1])
from doc_recipes import SPREADSHEET_ROUNDING, round1
# The formula as Python: the same operations on doubles; a comparison is 1 or 0 in arithmetic.
expression = SPREADSHEET_ROUNDING.lstrip("=")
if re.search(r"[^A-Z0-9().*/+\-<>= ]", expression):
    print("FAIL: unexpected characters in the spreadsheet formula: " + expression); sys.exit(1)
expression = expression.replace("A1", "x").replace("SIGN(", "sign(").replace("INT(", "math.floor(").replace("ABS(", "abs(")
sign = lambda v: (v > 0) - (v < 0)
spreadsheet = eval("lambda x: " + expression, {"math": math, "sign": sign})
values = [100.0 * a / b for b in range(1, 601) for a in range(b + 1)]
for n in range(1001):
    half = (n + 0.5) / 10
    values += [half, math.nextafter(half, 0.0), math.nextafter(half, 1000.0)]
values += [-v for v in values]
differ = [x for x in values if round1(x) != spreadsheet(x)]
for x in differ[:5]:
    print("FAIL: x = %r: the Python line gives %r, the spreadsheet formula %r" % (x, round1(x), spreadsheet(x)))
print("rounding: the Python line of docs/scoring.md and its spreadsheet formula agree on %d of %d values" % (len(values) - len(differ), len(values)))
sys.exit(1 if differ else 0)
PY
[ $status -eq 0 ] && echo "doc_recipes: all checks passed"
exit $status
