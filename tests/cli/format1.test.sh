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
#   - the goal follow-up is new output: "followUp" (null here) in the rows JSON, columns after the
#     old ones in the rows CSV;
#   - disclosure control (issue 18, docs/aggregation.md section 12): the organisation rows are the
#     internal file (named *intern*, a label as its first line, contacts with --with-contacts, the
#     files' problems in its JSON), and the summary holds only published figures, so for these four
#     organisations every count is "under 5" and no figure is shown; standard output keeps its first
#     lines (the files and organisations counted).
# Every old row, field and figure of the organisations must be there, unchanged. The workshop bundle is also checked
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
# In Danish, as the expected files were written; the header of the English file is the old one (the
# columns' ids, docs/aggregation.md "CSV headers").
"$BUILD/mf-aggregate" --lang da --summary-json "$TMP/summary.json" --summary-csv "$TMP/summary.csv" --rows-csv "$TMP/rows-intern.csv" \
    --rows-json "$TMP/rows-intern.json" --with-contacts $FILES >"$TMP/stdout.txt" 2>"$TMP/stderr.txt"
rc=$?
# shellcheck disable=SC2086
"$BUILD/mf-aggregate" --rows-csv "$TMP/rows-en-intern.csv" --with-contacts $FILES >/dev/null 2>&1
checks=$((checks + 1))
[ $rc -eq 0 ] || fail "mf-aggregate: exit $rc ($(cat "$TMP/stderr.txt"))"
checks=$((checks + 1))
[ "$(head -n 4 expected/aggregate-stdout.txt)" = "$(head -n 4 "$TMP/stdout.txt")" ] || fail "mf-aggregate's file counts on standard output changed:
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

# The published summary: the years of the files, and for these four organisations (under 5) no
# number above 0 and no figure anywhere.
old, new = load(old_dir, "summary.json"), load(new_dir, "summary.json")
if new["years"] != [2025, 2026] or new["year"] != 2026 or new["organisations"] != {"under": 5}:
    problems.append("summary.json: years %r, year %r, organisations %r" % (new["years"], new["year"], new["organisations"]))
def walk(x, where):
    if isinstance(x, dict):
        for key, v in x.items():
            if key in ("mean", "median", "q1", "q3", "share", "min", "max") and v is not None:
                problems.append("summary.json %s.%s: a figure is shown: %r" % (where, key, v))
            elif key in ("under", "fromYear", "toYear", "withoutScore", "focusAreas"):
                continue
            else:
                walk(v, where + "." + key)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            walk(v, "%s[%d]" % (where, i))
    elif isinstance(x, int) and not isinstance(x, bool) and x > 0:
        problems.append("summary.json %s: a count of %d is shown (under 5)" % (where, x))
walk({k: v for k, v in new.items() if k not in ("formatVersion", "questionnaire", "disclosure", "files", "years", "year", "questionnaireVersions")}, "summary")

# Rows JSON (internal): every row as it was, with "followUp": null; the files' problems moved here
# from the summary.
old_rows, new_rows = load(old_dir, "rows.json"), load(new_dir, "rows-intern.json")
if not new_rows["classification"].startswith("INTERNT"):
    problems.append("rows-intern.json: no INTERNT label: %r" % new_rows["classification"])
if [dict(r) for r in old_rows["rows"]] != [{k: v for k, v in r.items() if k != "followUp"} for r in new_rows["rows"]] \
        or any(r["followUp"] is not None for r in new_rows["rows"]):
    problems.append("rows-intern.json rows changed")
stripped = []
for f in new_rows["fileProblems"]:
    f = dict(f, problems=[p for p in f["problems"] if not (p["pointer"] == "/questionnaire/version" and p["severity"] == "warning")])
    if f["problems"] or f["status"] != "counted":
        stripped.append(f)
if stripped != old["fileProblems"]:
    problems.append("rows-intern.json fileProblems: old %r, new %r" % (old["fileProblems"], stripped))

# Rows CSV: after the label line, every old line is the start of the new line (new columns at the end);
# the header from the English file.
old = open(os.path.join(old_dir, "rows.csv"), encoding="utf-8", newline="").read().split("\r\n")
new = open(os.path.join(new_dir, "rows-intern.csv"), encoding="utf-8", newline="").read().split("\r\n")
if not new[0].lstrip("\ufeff").startswith("INTERNT"):
    problems.append("rows-intern.csv: no INTERNT label line: %r" % new[0])
english = open(os.path.join(new_dir, "rows-en-intern.csv"), encoding="utf-8", newline="").read().split("\r\n")
new = ["\ufeff" + english[1]] + new[2:]
for i, line in enumerate(old):
    if not line:
        continue
    fields = len(line.split(";"))
    if ";".join(new[i].split(";")[:fields]) != line:
        problems.append("rows.csv line %d: old %r, new %r" % (i + 1, line, new[i]))
if [l for l in new[len(old) - 1:] if l]:
    problems.append("rows-intern.csv: rows added")

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
