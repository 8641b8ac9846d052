#!/usr/bin/env bash
# validate.test.sh - mf-validate end to end, and the JSON Schema against the loader.
#
# Usage (ctest does this): bash validate.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. usage: --help, no file, unknown option (exit 0 / 2)
#   2. good fixtures and the shipped questionnaires/*.json: exit 0, exact summary lines
#   3. every bad fixture: exit 1 and its exact message; I/O errors: exit 2
#   4. --quiet and --json
#   5. the schema (two real validators that must agree, schema_check.sh: Python jsonschema and ajv,
#      draft 2020-12) accepts the good fixtures and the shipped files, and rejects every bad fixture
#      except the listed loader-only ones
#   6. a sweep: every value of good/full.json replaced or removed; wherever the loader reports
#      nothing at all, the schema must accept too (the schema is never stricter than a clean load)
set -u
SCRIPT=$(realpath "$0")
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-validate"
PY=/usr/bin/python3
SCHEMA=questionnaires/schema/questionnaire.schema.json
GOOD=tests/data/questionnaires/good
BAD=tests/data/questionnaires/bad
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1

# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
expect_out() { checks=$((checks + 1)); [ "$out" = "$1" ] || fail "$2: stdout was
$out
expected
$1"; }

[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Usage
# ---------------------------------------------------------------------------------------------
run --help
expect_rc 0 "--help"
case "$out" in "Usage: mf-validate [--quiet] [--json] FILE..."*) ;; *) fail "--help text: $out" ;; esac
run
expect_rc 2 "no file"
case "$err" in "mf-validate: no file given"*) ;; *) fail "no file message: $err" ;; esac
run --strict "$GOOD/minimal.json"
expect_rc 2 "unknown option"
case "$err" in "mf-validate: unknown option --strict"*) ;; *) fail "unknown option message: $err" ;; esac

# ---------------------------------------------------------------------------------------------
# 2. Valid files
# ---------------------------------------------------------------------------------------------
run "$GOOD/minimal.json" "$GOOD/full.json"
expect_rc 0 "good fixtures"
expect_out "$GOOD/minimal.json: valid: \"minimal\" version 1, 1 theme, 1 scored question, 0 warnings
$GOOD/full.json: valid: \"test_full\" version 1.2.0, 2 themes, 4 scored questions, 0 warnings" "good fixtures"

shipped=(questionnaires/*.json)
if [ -e "${shipped[0]}" ]; then
    for f in "${shipped[@]}"; do
        run "$f"
        expect_rc 0 "shipped $f"
        checks=$((checks + 1))
        # One line, the summary: no error and no warning either.
        [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] && [[ "$out" == "$f: valid: "*", 0 warnings" ]] ||
            fail "shipped $f is not clean:
$out"
    done
else
    echo "note: no questionnaires/*.json yet"
fi

# ---------------------------------------------------------------------------------------------
# 3. Invalid files: one rule each, with the exact first message (file: pointer: message)
# ---------------------------------------------------------------------------------------------
while IFS='|' read -r name errors message; do
    [ -n "$name" ] || continue
    f="$BAD/$name.json"
    run "$f"
    expect_rc 1 "$name"
    first=$(printf '%s\n' "$out" | head -n 1)
    last=$(printf '%s\n' "$out" | tail -n 1)
    checks=$((checks + 2))
    [ "$first" = "$f: $message" ] || fail "$name: first line
  $first
expected
  $f: $message"
    [ "$last" = "$f: invalid: $errors, 0 warnings" ] || fail "$name: summary '$last', expected '$errors'"
done <<'EOF'
bom|1 error|the file starts with a byte order mark (EF BB BF); save it as UTF-8 without BOM
invalid_utf8|1 error|invalid UTF-8 at line 7, column 23 (byte 154)
malformed|1 error|invalid JSON at line 1, column 67: syntax error while parsing object key - unexpected '}'; expected string literal
too_deep|1 error|/a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nesting is deeper than 64 levels
duplicate_key|1 error|duplicate key "format" in the same object
empty|1 error|the file is empty
not_an_object|1 error|expected a questionnaire (a JSON object), got an array
wrong_format|1 error|/format: expected "mangfoldighedstjek/questionnaire", got "surveyjs"
unknown_version|1 error|/formatVersion: unknown format version 2; this version of the program reads version 1
wrong_type_score|1 error|/themes/0/questions/1/options/1/score: expected a number, got "3"
invalid_id|1 error|/themes/0/questions/0/id: invalid id "Q-1": use lowercase letters a-z, digits and _, starting with a letter (at most 64 characters)
duplicate_question_id|1 error|/themes/0/questions/1/id: duplicate question id "cvr" (first at /profile/1/id)
duplicate_option_id|1 error|/themes/0/questions/1/options/1/id: duplicate option id "none" (first at /themes/0/questions/1/options/0/id)
duplicate_theme_id|1 error|/themes/1/id: duplicate theme id "t" (first at /themes/0/id)
condition_unknown_question|1 error|/themes/0/questions/0/visibleIf/question: unknown question "staff"
condition_later_question|1 error|/themes/0/questions/0/visibleIf/question: refers to "q2", which is defined later (at /themes/0/questions/1); a condition may only refer to earlier questions
condition_cycle|1 error|/themes/0/questions/0/visibleIf/question: refers to "q2", which is defined later (at /themes/0/questions/1); a condition may only refer to earlier questions
condition_self|1 error|/themes/0/questions/0/visibleIf/not/question: a question's condition cannot refer to the question itself; it may only refer to earlier questions
condition_wrong_op|1 error|/themes/0/questions/0/visibleIf/op: "includes" cannot be used with "employees" (a number question); use =, !=, >, >=, <, <=, answered
condition_unknown_option|1 error|/themes/0/questions/1/visibleIf/value: "maybe" is not an option of "q"; expected one of yes, no, dont_know
missing_translation|1 error|/themes/0/questions/0/text: missing the "da" translation
empty_translation|1 error|/title/en: the "en" text is empty
empty_options|1 error|/themes/0/questions/1/options: needs at least one option
max_points_above_sum|1 error|/themes/0/questions/1/maxPoints: is 5, more than the options' points add up to (3)
max_points_zero|1 error|/themes/0/questions/1/maxPoints: must be above 0, got 0
negative_score|1 error|/themes/0/questions/1/options/0/score: must be 0 or more, got -1
negative_weight|1 error|/themes/0/questions/0/weights/p: must be 0 or more, got -2
weight_unknown_principle|1 error|/themes/0/questions/0/weights/forskellighed: unknown principle "forskellighed"
weights_all_zero|1 error|/themes/0/questions/0/weights: at least one weight must be above 0 (a scored question must count towards a principle)
weights_on_text|1 error|/themes/0/questions/1/weights: a text question is never scored; remove "weights"
missing_weights|1 error|/themes/0/questions/0: missing field "weights"
principle_without_weight|1 error|/principles/1: no question gives weight to principle "p2", so it cannot be scored
no_principles|1 error|/principles: needs at least one principle
levels_not_ascending|1 error|/levels/2/minPercent: levels must be in ascending order: 50 is not above 50 (the level before)
levels_not_from_zero|1 error|/levels/0/minPercent: the first level must start at 0, got 10
missing_role|1 error|/profile: missing a question with role "cvr" (the result file needs it)
duplicate_role|1 error|/profile/4/role: duplicate role "name" (first at /profile/0/role)
number_min_above_max|1 error|/profile/3/min: min (100) is above max (1)
number_out_of_range|1 error|/profile/3/max: must be between -1000000000000000 and 1000000000000000, got 1e+300
theme_without_scored_question|1 error|/themes/1/questions: the theme has no scored question (single, yesno or multiple), so it has no percentage
EOF

# Every bad fixture is in the table above (a new one must come with its message).
for f in "$BAD"/*.json; do
    name=$(basename "$f" .json)
    checks=$((checks + 1))
    grep -q "^$name|" "$SCRIPT" || fail "$f has no expected message in $SCRIPT"
done

# Several files: all are reported; the worst outcome decides the exit status.
run "$GOOD/minimal.json" "$BAD/missing_role.json" "$GOOD/full.json"
expect_rc 1 "good + bad"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | wc -l)" = 4 ] || fail "good + bad: expected 4 lines, got
$out"

run "$GOOD/minimal.json" "$TMP/missing.json" "$BAD/missing_role.json"
expect_rc 2 "missing file"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qxF "$TMP/missing.json: no such file" || fail "missing file message: $out"
run "$TMP"
expect_rc 2 "a folder"
expect_out "$TMP: is a folder, not a file
$TMP: not checked" "a folder"

# ---------------------------------------------------------------------------------------------
# 4. --quiet and --json
# ---------------------------------------------------------------------------------------------
# A valid file with two warnings (unknown fields).
$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["colour"] = "blue"
d["themes"][0]["questions"][0]["weight"] = 2
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
' "$GOOD/minimal.json" "$TMP/warn.json"
run "$TMP/warn.json"
expect_rc 0 "warnings only"
expect_out "$TMP/warn.json: /colour: warning: unknown field \"colour\" (ignored)
$TMP/warn.json: /themes/0/questions/0/weight: warning: unknown field \"weight\" (ignored)
$TMP/warn.json: valid: \"minimal\" version 1, 1 theme, 1 scored question, 2 warnings" "warnings only"
run --quiet "$TMP/warn.json" "$GOOD/full.json"
expect_rc 0 "--quiet valid"
expect_out "" "--quiet valid"
run --quiet "$BAD/missing_role.json" "$TMP/warn.json"
expect_rc 1 "--quiet invalid"
expect_out "$BAD/missing_role.json: /profile: missing a question with role \"cvr\" (the result file needs it)" "--quiet invalid"

run --json "$TMP/warn.json" "$BAD/duplicate_role.json" "$TMP/missing.json"
expect_rc 2 "--json"
checks=$((checks + 1))
printf '%s' "$out" | $PY -c '
import json, sys
d = json.load(sys.stdin)
assert d["valid"] is False, d
f = d["files"]
assert [x["valid"] for x in f] == [True, False, False], f
assert [x["readable"] for x in f] == [True, True, False], f
assert f[0]["id"] == "minimal" and f[0]["version"] == "1" and f[0]["warnings"] == 2 and f[0]["errors"] == 0, f[0]
assert f[0]["contentHash"].startswith("sha256:") and len(f[0]["contentHash"]) == 71, f[0]
assert f[0]["themes"] == 1 and f[0]["scoredQuestions"] == 1, f[0]
assert f[0]["diagnostics"][0] == {"severity": "warning", "pointer": "/colour", "message": "unknown field \"colour\" (ignored)"}, f[0]
assert f[1]["diagnostics"] == [{"severity": "error", "pointer": "/profile/4/role",
                                "message": "duplicate role \"name\" (first at /profile/0/role)"}], f[1]
assert "id" not in f[1]
assert f[2]["diagnostics"] == [{"severity": "error", "pointer": "", "message": "no such file"}], f[2]
' || fail "--json output:
$out"
run --json "$GOOD/full.json"
expect_rc 0 "--json valid"

# ---------------------------------------------------------------------------------------------
# 5. The JSON Schema, checked by a real validator
# ---------------------------------------------------------------------------------------------
# schema_check.sh prints "<file> valid|invalid|unreadable" per file, the verdict of both validators,
# and fails when they disagree.
SCHEMA_CHECK="$SRC/tests/cli/schema_check.sh"
if ! $PY -c 'import jsonschema' 2>/dev/null; then
    fail "/usr/bin/python3 has no jsonschema module (apt-get install python3-jsonschema)"
else
    # What a schema cannot express: the loader alone rejects these.
    loader_only="duplicate_question_id duplicate_option_id duplicate_theme_id condition_unknown_question
        condition_later_question condition_cycle condition_self condition_wrong_op condition_unknown_option
        missing_translation max_points_above_sum weight_unknown_principle principle_without_weight
        levels_not_ascending number_min_above_max"
    loader_only=" $(echo $loader_only) "
    bash "$SCHEMA_CHECK" "$SCHEMA" "$GOOD"/*.json "${shipped[@]}" "$BAD"/*.json >"$TMP/schema.txt" 2>&1 ||
        fail "schema check failed: $(cat "$TMP/schema.txt")"
    while read -r path verdict; do
        checks=$((checks + 1))
        name=$(basename "$path" .json)
        case "$path" in
        "$BAD"/*)
            if [[ "$loader_only" == *" $name "* ]]; then
                [ "$verdict" = valid ] || fail "schema: $path is $verdict; the list says only the loader rejects it"
            else
                [ "$verdict" != valid ] || fail "schema: accepts $path, which the loader rejects"
            fi ;;
        *) [ "$verdict" = valid ] || fail "schema: $path is $verdict" ;;
        esac
    done <"$TMP/schema.txt"

    # ---------------------------------------------------------------------------------------------
    # 6. Sweep: every value of full.json replaced by values of other kinds, or removed
    # ---------------------------------------------------------------------------------------------
    mkdir -p "$TMP/sweep"
    $PY - "$GOOD/full.json" "$TMP/sweep" <<'PY'
import copy, json, sys
base = json.load(open(sys.argv[1], encoding="utf-8"))
out = sys.argv[2]
paths = []
def walk(x, p):
    paths.append(p)
    if isinstance(x, dict):
        for k, v in x.items(): walk(v, p + [k])
    elif isinstance(x, list):
        for i, v in enumerate(x): walk(v, p + [i])
walk(base, [])
n = 0
def write(doc):
    global n
    with open("%s/%05d.json" % (out, n), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    n += 1
for p in paths[1:]:
    # Eight kinds of value keep the run short (jsonschema takes a few ms per file).
    for value in [True, -1, 0.5, "", "x", [], {"da": "x", "en": "y"}, "__remove__"]:
        doc = copy.deepcopy(base)
        parent = doc
        for k in p[:-1]: parent = parent[k]
        if value == "__remove__": del parent[p[-1]]
        else: parent[p[-1]] = value
        write(doc)
PY
    ls "$TMP"/sweep/*.json >"$TMP/sweep.list"
    "$BIN" --json $(cat "$TMP/sweep.list") >"$TMP/sweep.loader.json"
    checks=$((checks + 1))
    bash "$SCHEMA_CHECK" "$SCHEMA" - <"$TMP/sweep.list" >"$TMP/sweep.schema.txt" 2>"$TMP/sweep.schema.err" ||
        fail "the validators disagree on the sweep: $(head -c 2000 "$TMP/sweep.schema.err")"
    checks=$((checks + 1))
    $PY - "$TMP/sweep.loader.json" "$TMP/sweep.schema.txt" <<'PY' || fail "schema and loader disagree on the sweep"
import json, sys
loader = {f["file"]: f for f in json.load(open(sys.argv[1]))["files"]}
schema = dict(line.split() for line in open(sys.argv[2]))
assert loader.keys() == schema.keys()
both_ok = both_bad = loader_only = schema_only = 0
problems = []
for path, f in loader.items():
    clean = f["valid"] and f["warnings"] == 0
    if clean and schema[path] == "valid": both_ok += 1
    elif not f["valid"] and schema[path] != "valid": both_bad += 1
    elif not f["valid"]: loader_only += 1
    else:
        schema_only += 1
        # The schema may only be stricter where the loader warns (unknown fields are not "clean").
        if f["warnings"] == 0:
            problems.append(path + ": the loader accepts it cleanly, the schema rejects it: " + open(path).read()[:300])
print("sweep: %d files; both accept %d, both reject %d, loader only rejects %d, schema only rejects %d (loader warned)"
      % (len(loader), both_ok, both_bad, loader_only, schema_only))
for p in problems[:5]: print("  " + p)
sys.exit(1 if problems else 0)
PY
fi

echo "validate.test.sh: $checks checks, $failures failed"
[ "$failures" = 0 ]
