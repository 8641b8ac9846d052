#!/usr/bin/env bash
# result_schema.test.sh - exported result files against questionnaires/schema/result.schema.json, and
# the checksum recomputed independently of the C++ code.
#
# Usage (ctest does this): bash result_schema.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. mf-generate writes result files through export_result (the app's export)
#   2. the checksum, recomputed by the Python recipe of docs/result-format.md, matches
#   3. a tampered file fails the checksum; files breaking the format's rules are written out
#   4. two real validators that must agree (schema_check.sh: Python jsonschema and ajv, draft
#      2020-12) accept every exported and the tampered file, and reject every broken one
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1

# 1. Files as the app exports them.
if ! "$BUILD/mf-generate" --count 40 --seed 11 --out "$TMP/gen" >"$TMP/gen.log" 2>&1; then
    echo "FAIL: mf-generate"; cat "$TMP/gen.log"; exit 1
fi

# 2-3 in one Python run; it prints FAIL lines and exits 1 on any failure.
mkdir -p "$TMP/valid" "$TMP/invalid"
"$PY" - "$TMP/gen" "$TMP" "$SRC/tests/cli" <<'PYEOF'
import copy, glob, json, os, sys

folder, tmp, cli_dir = sys.argv[1], sys.argv[2], sys.argv[3]
failures = 0

def fail(msg):
    global failures
    failures += 1
    print("FAIL:", msg)

sys.path.insert(0, cli_dir)
from doc_recipes import result_checksum  # the recipe of docs/result-format.md, from the page

def checksum(doc):
    return result_checksum(json.dumps(doc, ensure_ascii=False))

files = sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))
if len(files) != 40:
    fail("expected 40 generated files, found %d" % len(files))
with_plan = 0
for path in files:
    raw = open(path, "rb").read()
    doc = json.loads(raw.decode("utf-8"))
    if doc.get("checksum") != checksum(doc):
        fail("%s: checksum %s, recomputed %s" % (path, doc.get("checksum"), checksum(doc)))
    # The file is the pretty form of the same document: 2-space indent, sorted keys, final newline.
    pretty = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    if raw.decode("utf-8") != pretty:
        fail("%s: not in the documented layout" % path)
    if doc["actionPlan"]:
        with_plan += 1
if with_plan == 0:
    fail("no generated file has an action plan; the schema's actionPlan part went untested")
print("checked the checksum and layout of %d files (%d with an action plan)" % (len(files), with_plan))

# 3. Tampering: one character of the organisation's name changed in the file's text (the first
#    occurrence is the org_name answer; the organisation block keeps the old name).
doc = json.load(open(files[0], encoding="utf-8"))
raw = open(files[0], encoding="utf-8").read()
name = doc["organisation"]["name"]
tampered = json.loads(raw.replace(json.dumps(name, ensure_ascii=False), json.dumps(name[:-1] + ("x" if name[-1] != "x" else "y"), ensure_ascii=False), 1))
if tampered == doc:
    fail("the tamper step did not change the file")
if tampered["checksum"] == checksum(tampered):
    fail("a tampered file still passes the checksum")
# Still schema-valid: only the checksum notices.
json.dump(tampered, open(os.path.join(tmp, "valid", "tampered.json"), "w", encoding="utf-8"), ensure_ascii=False)

# Files that break the format's rules, for the schema to reject (the validators are real, not no-ops).
def expect_invalid(label, mutate):
    d = copy.deepcopy(doc)
    mutate(d)
    json.dump(d, open(os.path.join(tmp, "invalid", label.replace(" ", "_") + ".json"), "w", encoding="utf-8"), ensure_ascii=False)

plan_item = {"focus": "ledelse", "goal": "Mål", "responsible": "HR", "followUp": "2027-03-01"}
expect_invalid("four focus areas", lambda d: d.__setitem__("actionPlan", [plan_item] * 4))
expect_invalid("an empty goal", lambda d: d.__setitem__("actionPlan", [dict(plan_item, goal="  ")]))
expect_invalid("a malformed follow-up date", lambda d: d.__setitem__("actionPlan", [dict(plan_item, followUp="1/3 2027")]))
expect_invalid("formatVersion 2", lambda d: d.__setitem__("formatVersion", 2))
expect_invalid("a 7-digit CVR", lambda d: d["organisation"].__setitem__("cvr", "1374813"))
expect_invalid("a local time", lambda d: d.__setitem__("created", "2026-11-25T15:03:00+01:00"))
expect_invalid("a percentage over 100", lambda d: d["scores"].__setitem__("overall", 100.5))
expect_invalid("a missing checksum", lambda d: d.pop("checksum"))
expect_invalid("an unknown top-level field", lambda d: d.__setitem__("signature", "x"))
expect_invalid("an answer that is an object", lambda d: d["answers"].__setitem__("has_policy", {"v": 1}))
sys.exit(1 if failures else 0)
PYEOF
status=$?

# 4. Both validators: every exported and the tampered file valid, every broken one invalid.
{ find "$TMP/gen" "$TMP/valid" -name '*.json' | sort | sed 's/$/ valid/'
  find "$TMP/invalid" -name '*.json' | sort | sed 's/$/ invalid/'; } >"$TMP/expected.txt"
if ! cut -d' ' -f1 "$TMP/expected.txt" | bash "$SRC/tests/cli/schema_check.sh" questionnaires/schema/result.schema.json - >"$TMP/verdicts.txt"; then
    echo "FAIL: the validators disagree (above) or did not run"; status=1
elif ! diff "$TMP/expected.txt" "$TMP/verdicts.txt" >"$TMP/diff.txt"; then
    echo "FAIL: schema verdicts (< expected, > both validators):"; cat "$TMP/diff.txt"; status=1
else
    echo "both validators: $(grep -c ' valid$' "$TMP/verdicts.txt") files valid, $(grep -c ' invalid$' "$TMP/verdicts.txt") broken ones invalid"
fi
[ $status -eq 0 ] && echo "result_schema: all checks passed"
exit $status
