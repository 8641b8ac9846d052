#!/usr/bin/env bash
# result_schema.test.sh - exported result files against questionnaires/schema/result.schema.json, and
# the checksum recomputed independently of the C++ code.
#
# Usage (ctest does this): bash result_schema.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. mf-generate writes result files through export_result (the app's export)
#   2. the checksum, recomputed by the Python recipe of docs/result-format.md, matches
#   3. a tampered file fails the checksum; files breaking the format's rules are written out, and
#      files that keep them (a plan with an indicator of each unit)
#   4. format 1 stays valid: the files the app exported before format 2 (tests/data/results/format1/,
#      the good result's earlier year) are written out too, and a format-1 file may not have format
#      2's fields
#   5. two real validators that must agree (schema_check.sh: Python jsonschema and ajv, draft
#      2020-12) accept every exported, tampered and format-1 file, and reject every broken one
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

# 2-4 in one Python run; it prints FAIL lines and exits 1 on any failure.
mkdir -p "$TMP/valid" "$TMP/invalid"
"$PY" - "$TMP/gen" "$TMP" "$SRC/tests/cli" <<'PYEOF'
import copy, glob, json, os, re, sys

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
with_plan = with_indicator = with_follow_up = 0
follow_up_doc = None
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
    with_indicator += any(a["indicator"] for a in doc["actionPlan"])
    if doc["planFollowUp"]:
        with_follow_up += 1
        follow_up_doc = doc
if with_plan == 0 or with_indicator == 0 or with_follow_up == 0:
    fail("generated files without an action plan, an indicator or a follow-up; part of the schema went untested "
         "(%d, %d, %d)" % (with_plan, with_indicator, with_follow_up))
print("checked the checksum and layout of %d files (%d with an action plan, %d with an indicator, %d with a follow-up)"
      % (len(files), with_plan, with_indicator, with_follow_up))

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

# Files that break the format's rules, for the schema to reject (the validators are real, not no-ops),
# and files that keep them, for it to accept.
def expect_invalid(label, mutate):
    d = copy.deepcopy(doc)
    mutate(d)
    json.dump(d, open(os.path.join(tmp, "invalid", re.sub(r"[^A-Za-z0-9]+", "_", label) + ".json"), "w", encoding="utf-8"), ensure_ascii=False)

def expect_valid(label, d):
    json.dump(d, open(os.path.join(tmp, "valid", re.sub(r"[^A-Za-z0-9]+", "_", label) + ".json"), "w", encoding="utf-8"), ensure_ascii=False)

plan_item = {"focus": "ledelse", "goal": "Mål", "responsible": "HR", "followUp": "2027-03-01"}
expect_invalid("four focus areas", lambda d: d.__setitem__("actionPlan", [plan_item] * 4))
expect_invalid("an empty goal", lambda d: d.__setitem__("actionPlan", [dict(plan_item, goal="  ")]))
expect_invalid("a malformed follow-up date", lambda d: d.__setitem__("actionPlan", [dict(plan_item, followUp="1/3 2027")]))
expect_invalid("formatVersion 3", lambda d: d.__setitem__("formatVersion", 3))
expect_invalid("format 2 without planFollowUp", lambda d: d.pop("planFollowUp"))
expect_invalid("format 2 focus area without indicator", lambda d: d.__setitem__("actionPlan", [plan_item]))
indicator = {"measure": "Andel opslag delt via jobcentret", "unit": "percent", "baseline": 20, "target": 60}
area = dict(plan_item, indicator=indicator)
def with_indicator_change(**change):
    return lambda d: d.__setitem__("actionPlan", [dict(area, indicator=dict(indicator, **change))])
expect_invalid("a percentage indicator over 100", with_indicator_change(target=120))
expect_invalid("a yes/no indicator with a number", with_indicator_change(unit="yesno", baseline="no", target=1))
expect_invalid("a number indicator with yes", with_indicator_change(unit="number", baseline="yes"))
expect_invalid("an unknown unit", with_indicator_change(unit="kg"))
expect_invalid("an indicator without a measure", with_indicator_change(measure=" "))
d = copy.deepcopy(doc)
d["actionPlan"] = [area, dict(area, focus="rekruttering", indicator=dict(indicator, unit="yesno", baseline="no", target="yes")),
                   dict(area, focus="kultur", indicator=dict(indicator, unit="number", baseline=12, target=4))]
expect_valid("a plan with an indicator of each unit", d)
if follow_up_doc is not None:
    doc = follow_up_doc
    expect_invalid("an unknown follow-up status", lambda d: d["planFollowUp"]["items"][0].__setitem__("status", "halfway"))
    expect_invalid("no follow-up status", lambda d: d["planFollowUp"]["items"][0].__setitem__("status", None))
    expect_invalid("a note over 500 characters", lambda d: d["planFollowUp"]["items"][0].__setitem__("note", "x" * 501))
    expect_invalid("four follow-up items", lambda d: d["planFollowUp"].__setitem__("items", d["planFollowUp"]["items"][:1] * 4))
    expect_invalid("an earlier file without a checksum", lambda d: d["planFollowUp"]["earlier"].pop("checksum"))
    expect_invalid("an earlier file's local time", lambda d: d["planFollowUp"]["earlier"].__setitem__("created", "2026-11-25 15:03"))
# 4. Format 1: what the app exported before format 2 is valid; format 2's fields are not format 1's.
old = sorted(glob.glob("tests/data/results/format1/*.json")) + ["tests/data/results/good/earlier-1.0.0.json"]
format1 = []
for path in old:
    d = json.load(open(path, encoding="utf-8"))
    format1 += [m["result"] for m in d["results"]] if d["format"] == "mangfoldighedstjek/bundle" else [d]
if len(format1) != 6 or any(d["formatVersion"] != 1 for d in format1):
    fail("expected 6 format-1 results (3 files, a bundle of 3), got %d" % len(format1))
for i, d in enumerate(format1):
    expect_valid("format 1 number %d" % i, d)
doc = next(d for d in format1 if d["actionPlan"])
expect_invalid("format 1 with planFollowUp", lambda d: d.__setitem__("planFollowUp", None))
expect_invalid("format 1 with an indicator", lambda d: d["actionPlan"][0].__setitem__("indicator", None))
expect_invalid("a 7-digit CVR", lambda d: d["organisation"].__setitem__("cvr", "1374813"))
expect_invalid("a local time", lambda d: d.__setitem__("created", "2026-11-25T15:03:00+01:00"))
expect_invalid("a percentage over 100", lambda d: d["scores"].__setitem__("overall", 100.5))
expect_invalid("a missing checksum", lambda d: d.pop("checksum"))
expect_invalid("an unknown top-level field", lambda d: d.__setitem__("signature", "x"))
expect_invalid("an answer that is an object", lambda d: d["answers"].__setitem__("has_policy", {"v": 1}))
sys.exit(1 if failures else 0)
PYEOF
status=$?

# 5. Both validators: every exported, tampered and format-1 file and the indicator plan valid, every broken one invalid.
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
