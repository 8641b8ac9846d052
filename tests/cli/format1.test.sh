#!/usr/bin/env bash
# format1.test.sh - the format-1 files the app exported before result format 2
# (tests/data/results/format1/, made at main 2f55c53) validate and aggregate as they did then.
#
# Usage (ctest does this): bash format1.test.sh <native-build-dir> <source-dir>
#
# "As they did then" is expected/, what that commit's tools printed and wrote. What may differ, and
# nothing else:
#   - each file now has one more warning: it was made with questionnaire version 1.0.0 (the shipped
#     questionnaire is newer; its scoring is the same, so the stored scores are used unchanged);
#   - the summary and the rows name today's questionnaire in their "questionnaire" header;
#   - the goal follow-up is new output: "goals" in the summary JSON, "followUp" (null here) in the
#     rows JSON, columns after the old ones in both CSV files and "goals" lines in the summary CSV.
# Every old figure, line and field must be there, unchanged. The workshop bundle is also checked
# against the bundle schema, which takes format-1 members.
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cd "$SRC/tests/data/results/format1" || exit 1
SINGLE="mangfoldighedstjek-bageriet-nord-aps-2025-11-20.json mangfoldighedstjek-copenhagen-consulting-hub-i-s-2026-02-10.json"
FILES="$SINGLE mangfoldighedstjek-workshop-2026-03-05.json"
NOTE="warning: the result was made with questionnaire version 1.0.0; this app has version"

# 1. mf-validate --result: valid, exit 0, the old lines with the version note.
# shellcheck disable=SC2086
"$BUILD/mf-validate" --result $SINGLE >"$TMP/validate.txt" 2>&1
rc=$?
checks=$((checks + 1))
[ $rc -eq 0 ] || fail "mf-validate --result: exit $rc ($(cat "$TMP/validate.txt"))"
checks=$((checks + 1))
"$PY" - expected/validate.txt "$TMP/validate.txt" "$NOTE" <<'PY' || fail "mf-validate's lines differ from expected/validate.txt (see above)"
import sys
old, new, note = open(sys.argv[1]).read().splitlines(), open(sys.argv[2]).read().splitlines(), sys.argv[3]
notes = [l for l in new if ": /questionnaire/version: " + note in l]
rest = [l.replace(", 1 warning", ", 0 warnings") for l in new if l not in notes]
if len(notes) != 2 or rest != old:
    print("old:", *old, "new:", *new, sep="\n  "); sys.exit(1)
PY

# 2. mf-aggregate over the three files, exit 0.
# shellcheck disable=SC2086
"$BUILD/mf-aggregate" --summary-json "$TMP/summary.json" --summary-csv "$TMP/summary.csv" --rows-csv "$TMP/rows.csv" \
    --rows-json "$TMP/rows.json" $FILES >"$TMP/stdout.txt" 2>"$TMP/stderr.txt"
rc=$?
checks=$((checks + 1))
[ $rc -eq 0 ] || fail "mf-aggregate: exit $rc ($(cat "$TMP/stderr.txt"))"
checks=$((checks + 1))
cmp -s expected/aggregate-stdout.txt "$TMP/stdout.txt" || fail "mf-aggregate's summary on standard output changed:
$(diff expected/aggregate-stdout.txt "$TMP/stdout.txt")"
checks=$((checks + 1))
"$PY" - expected "$TMP" "$NOTE" "$SRC/questionnaires/schema" <<'PY' || fail "mf-aggregate's files differ from expected/ beyond the documented additions (see above)"
import json, os, sys
import jsonschema
old_dir, new_dir, note, schemas = sys.argv[1:5]
problems = []

def load(d, name):
    return json.load(open(os.path.join(d, name), encoding="utf-8"))

# stderr: the old lines, plus one version note per result (5: two files and the bundle's three members).
old = open(os.path.join(old_dir, "aggregate-stderr.txt")).read().splitlines()
new = open(os.path.join(new_dir, "stderr.txt")).read().splitlines()
notes = [l for l in new if ": /questionnaire/version: " + note in l]
if len(notes) != 5 or [l for l in new if l not in notes] != old:
    problems.append("stderr: old %r, new %r" % (old, new))

# Summary JSON: the old document, with today's questionnaire header, the version notes among the
# files' problems, and "goals" added.
old, new = load(old_dir, "summary.json"), load(new_dir, "summary.json")
if set(new) - set(old) != {"goals"} or set(old) - set(new):
    problems.append("summary.json keys: %s" % sorted(set(new) ^ set(old)))
for key in old:
    if key in ("questionnaire", "fileProblems"):
        continue
    if old[key] != new.get(key):
        problems.append("summary.json: %s changed" % key)
if new["questionnaire"]["id"] != old["questionnaire"]["id"]:
    problems.append("summary.json: another questionnaire id")
stripped = []
for f in new["fileProblems"]:
    f = dict(f, problems=[p for p in f["problems"] if not (p["pointer"] == "/questionnaire/version" and p["severity"] == "warning")])
    if f["problems"] or f["status"] != "counted":
        stripped.append(f)
if stripped != old["fileProblems"]:
    problems.append("summary.json fileProblems: old %r, new %r" % (old["fileProblems"], stripped))
years = {y["year"]: y for y in new["goals"]}
if sorted(years) != ["2025", "2026"] or years["2025"]["all"]["focusAreas"] != 3 or years["2026"]["all"]["focusAreas"] != 4 \
        or any(y["withFollowUp"] or y["all"]["followedUp"] for y in new["goals"]):
    problems.append("summary.json goals: focus areas 3 in 2025 and 1 + 2 + 1 in 2026, nothing followed up: %r" % new["goals"])

# Rows JSON: every row as it was, with "followUp": null.
old, new = load(old_dir, "rows.json"), load(new_dir, "rows.json")
if [dict(r) for r in old["rows"]] != [{k: v for k, v in r.items() if k != "followUp"} for r in new["rows"]] \
        or any(r["followUp"] is not None for r in new["rows"]):
    problems.append("rows.json rows changed")

# CSV files: every old line is the start of the new line (new columns at the end); new lines are goals.
for name, new_name in (("summary.csv", "summary.csv"), ("rows.csv", "rows.csv")):
    old = open(os.path.join(old_dir, name), encoding="utf-8", newline="").read().split("\r\n")
    new = open(os.path.join(new_dir, new_name), encoding="utf-8", newline="").read().split("\r\n")
    extra = [l for l in new[len(old) - 1:] if l]
    for i, line in enumerate(old):
        if not line:
            continue
        fields = len(line.split(";"))
        if ";".join(new[i].split(";")[:fields]) != line:
            problems.append("%s line %d: old %r, new %r" % (name, i + 1, line, new[i]))
    if name == "summary.csv" and (not extra or any(not l.startswith("goals;") for l in extra)):
        problems.append("summary.csv: the lines after the old ones are not goal lines: %r" % extra[:3])
    if name == "rows.csv" and extra:
        problems.append("rows.csv: rows added: %r" % extra)

# The bundle of format-1 members is a valid bundle.
result_schema = json.load(open(os.path.join(schemas, "result.schema.json"), encoding="utf-8"))
bundle_schema = json.load(open(os.path.join(schemas, "bundle.schema.json"), encoding="utf-8"))
resolver = jsonschema.RefResolver.from_schema(bundle_schema, store={result_schema["$id"]: result_schema})
bundle = json.load(open("mangfoldighedstjek-workshop-2026-03-05.json", encoding="utf-8"))
for e in jsonschema.Draft202012Validator(bundle_schema, resolver=resolver).iter_errors(bundle):
    problems.append("bundle schema: /%s: %s" % ("/".join(map(str, e.path)), e.message))

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY

echo "format1: $((checks - failures)) of $checks checks passed"
[ "$failures" -eq 0 ]
