#!/usr/bin/env bash
# result_schema.test.sh - exported result files against questionnaires/schema/result.schema.json, and
# the checksum recomputed independently of the C++ code.
#
# Usage (ctest does this): bash result_schema.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. mf-generate writes result files through export_result (the app's export)
#   2. a real validator (/usr/bin/python3 jsonschema, draft 2020-12) accepts every one of them
#   3. the checksum, recomputed in Python exactly as docs/result-format.md describes, matches
#   4. a tampered file fails the checksum; files breaking the format's rules fail the schema
#   5. format 1 stays valid: the files the app exported before format 2 (tests/data/results/format1/,
#      the good result's earlier year) pass, and a format-1 file may not have format 2's fields
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
"$PY" - "$TMP/gen" questionnaires/schema/result.schema.json <<'PYEOF'
import copy, glob, hashlib, json, os, sys
import jsonschema

folder, schema_path = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0

def fail(msg):
    global failures
    failures += 1
    print("FAIL:", msg)

def checksum(doc):
    # docs/result-format.md: the document without "checksum", keys sorted, no whitespace, UTF-8.
    content = {k: v for k, v in doc.items() if k != "checksum"}
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

files = sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))
if len(files) != 40:
    fail("expected 40 generated files, found %d" % len(files))
with_plan = with_indicator = with_follow_up = 0
follow_up_doc = None
for path in files:
    raw = open(path, "rb").read()
    doc = json.loads(raw.decode("utf-8"))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors:
        fail("%s: /%s: %s" % (path, "/".join(map(str, e.path)), e.message))
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
print("checked %d files against the schema and the checksum (%d with an action plan, %d with an indicator, %d with a follow-up)"
      % (len(files), with_plan, with_indicator, with_follow_up))

# 4. Tampering: one character of the organisation's name changed in the file's text (the first
#    occurrence is the org_name answer; the organisation block keeps the old name).
doc = json.load(open(files[0], encoding="utf-8"))
raw = open(files[0], encoding="utf-8").read()
name = doc["organisation"]["name"]
tampered = json.loads(raw.replace(json.dumps(name, ensure_ascii=False), json.dumps(name[:-1] + ("x" if name[-1] != "x" else "y"), ensure_ascii=False), 1))
if tampered == doc:
    fail("the tamper step did not change the file")
if tampered["checksum"] == checksum(tampered):
    fail("a tampered file still passes the checksum")
if list(validator.iter_errors(tampered)):
    fail("a tampered file should still be schema-valid (only the checksum notices)")

# Files that break the format's rules must fail the schema (the validator is real, not a no-op).
def expect_invalid(label, mutate):
    d = copy.deepcopy(doc)
    mutate(d)
    if not list(validator.iter_errors(d)):
        fail("schema accepted " + label)

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
for e in validator.iter_errors(d):
    fail("a plan with an indicator of each unit: /%s: %s" % ("/".join(map(str, e.path)), e.message))
if follow_up_doc is not None:
    doc = follow_up_doc
    expect_invalid("an unknown follow-up status", lambda d: d["planFollowUp"]["items"][0].__setitem__("status", "halfway"))
    expect_invalid("no follow-up status", lambda d: d["planFollowUp"]["items"][0].__setitem__("status", None))
    expect_invalid("a note over 500 characters", lambda d: d["planFollowUp"]["items"][0].__setitem__("note", "x" * 501))
    expect_invalid("four follow-up items", lambda d: d["planFollowUp"].__setitem__("items", d["planFollowUp"]["items"][:1] * 4))
    expect_invalid("an earlier file without a checksum", lambda d: d["planFollowUp"]["earlier"].pop("checksum"))
    expect_invalid("an earlier file's local time", lambda d: d["planFollowUp"]["earlier"].__setitem__("created", "2026-11-25 15:03"))
# 5. Format 1: what the app exported before format 2 is valid; format 2's fields are not format 1's.
old = sorted(glob.glob("tests/data/results/format1/*.json")) + ["tests/data/results/good/earlier-1.0.0.json"]
format1 = []
for path in old:
    d = json.load(open(path, encoding="utf-8"))
    format1 += [m["result"] for m in d["results"]] if d["format"] == "mangfoldighedstjek/bundle" else [d]
if len(format1) != 6 or any(d["formatVersion"] != 1 for d in format1):
    fail("expected 6 format-1 results (3 files, a bundle of 3), got %d" % len(format1))
for d in format1:
    for e in validator.iter_errors(d):
        fail("format 1 %s: /%s: %s" % (d["organisation"]["name"], "/".join(map(str, e.path)), e.message))
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
[ $status -eq 0 ] && echo "result_schema: all checks passed"
exit $status
