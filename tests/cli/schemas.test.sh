#!/usr/bin/env bash
# schemas.test.sh - every JSON Schema in questionnaires/schema under both validators (Python
# jsonschema and ajv, through schema_check.sh) over every file of its kind that we ship or keep as a
# fixture, and over files the tools export now: the two validators must give the same verdict on
# every file, and the files that are meant to be clean must be valid.
#
# Usage (ctest does this): bash schemas.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. exported now: mf-generate's result files and its bundle (the workshop's "Export all"), and
#      mf-aggregate's benchmark of them
#   2. the files of each schema, and which of them must be valid
#   3. nothing left out: every schema (draft 2020-12, with an $id) has files here, every JSON file
#      under tests/data and questionnaires/ is run against some schema
#   4. schema_check.sh per schema: same verdict from both validators; the clean files valid
#
# A new schema: add its files to FILES (and the clean ones to MUST_BE_VALID); section 3 fails until
# then. Other tests that validate files call schema_check.sh the same way.
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
CHECK="$SRC/tests/cli/schema_check.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

# ---------------------------------------------------------------------------------------------
# 1. Exported now, through the app's export code
# ---------------------------------------------------------------------------------------------
if ! "$BUILD/mf-generate" --count 60 --seed 5 --out "$TMP/gen" --bundle "$TMP/bundle.json" >"$TMP/gen.log" 2>&1; then
    echo "FAIL: mf-generate"; cat "$TMP/gen.log"; exit 1
fi
# A bundle whose second member has an unknown formatVersion (3): the bundle schema must reach into it.
/usr/bin/python3 - "$TMP/bundle.json" "$TMP/bundle-bad-member.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["results"][1]["result"]["formatVersion"] = 3
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

# The municipality's benchmark (mf-aggregate --benchmark) of those files, k = 3 so groups are shown,
# and one with a minimum, which is never published.
if ! "$BUILD/mf-aggregate" --quiet --min-group 3 --benchmark "$TMP/benchmark.json" "$TMP/gen" >"$TMP/aggregate.log" 2>&1; then
    echo "FAIL: mf-aggregate --benchmark"; cat "$TMP/aggregate.log"; exit 1
fi
/usr/bin/python3 - "$TMP/benchmark.json" "$TMP/benchmark-with-min.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["years"][-1]["groups"][0]["parts"][0]["min"] = 12.5
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

# ---------------------------------------------------------------------------------------------
# 2. The files of each schema
# ---------------------------------------------------------------------------------------------
declare -A FILES
FILES[questionnaire]=$(ls questionnaires/*.json tests/data/questionnaires/*/*.json tests/data/scoring/*.json \
    tests/data/aggregate/questionnaire.json tests/fuzz/corpus/questionnaire_load/*.json)
FORMAT1_BUNDLE=tests/data/results/format1/mangfoldighedstjek-workshop-2026-03-05.json
FILES[result]=$(ls tests/data/results/*/*.json tests/data/aggregate/*.json tests/data/aggregate/*/*.json \
    tests/data/municipality/*.json tests/data/report/*.json tests/data/report/format1/*.json \
    tests/fuzz/corpus/result_import/*.json |
    grep -v -e '^tests/data/aggregate/questionnaire\.json$' -e "^$FORMAT1_BUNDLE\$"; find "$TMP/gen" -name '*.json' | sort)
FILES[bundle]=$(ls "$TMP/bundle.json" "$TMP/bundle-bad-member.json" "$FORMAT1_BUNDLE" tests/data/goals/goals-bundle.json)
FILES[benchmark]=$(ls "$TMP/benchmark.json" "$TMP/benchmark-with-min.json")
MUST_BE_VALID=$(ls questionnaires/*.json tests/data/questionnaires/good/*.json tests/data/scoring/*.json \
    tests/data/results/good/*.json tests/data/results/format1/*.json tests/data/report/*.json \
    tests/data/report/format1/*.json "$TMP/bundle.json" "$TMP/benchmark.json" tests/data/goals/goals-bundle.json;
    find "$TMP/gen" -name '*.json')
MUST_BE_INVALID=$(ls "$TMP/bundle-bad-member.json" "$TMP/benchmark-with-min.json")

# ---------------------------------------------------------------------------------------------
# 3. Nothing left out
# ---------------------------------------------------------------------------------------------
for schema in questionnaires/schema/*.schema.json; do
    kind=$(basename "$schema" .schema.json)
    checks=$((checks + 1))
    [ -n "${FILES[$kind]:-}" ] || fail "$schema: no files are run against it here (add them to FILES)"
    checks=$((checks + 1))
    /usr/bin/python3 -c 'import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if s.get("$schema") == "https://json-schema.org/draft/2020-12/schema" and s.get("$id") else 1)' "$schema" ||
        fail "$schema: must declare \$schema draft 2020-12 and an \$id"
done
covered=$(printf '%s\n' "${FILES[@]}" | sort -u)
checks=$((checks + 1))
uncovered=$(find questionnaires tests/data -name '*.json' -not -path 'questionnaires/schema/*' \
    -not -path 'tests/data/municipality/expected/*' -not -path 'tests/data/results/format1/expected/*' \
    -not -path 'tests/data/goals/expected/*' | sort | comm -23 - <(echo "$covered"))
[ -z "$uncovered" ] || fail "JSON files no schema is run over (add them to FILES): $uncovered"

# ---------------------------------------------------------------------------------------------
# 4. Both validators, every schema
# ---------------------------------------------------------------------------------------------
for kind in "${!FILES[@]}"; do
    schema="questionnaires/schema/$kind.schema.json"
    checks=$((checks + 1))
    if ! echo "${FILES[$kind]}" | bash "$CHECK" "$schema" - >"$TMP/$kind.txt" 2>"$TMP/$kind.err"; then
        fail "$schema: the validators disagree or did not run: $(cat "$TMP/$kind.err")"
        continue
    fi
    n=$(wc -l <"$TMP/$kind.txt")
    summary=$(awk '{print $2}' "$TMP/$kind.txt" | sort | uniq -c | awk '{printf "%s%d %s", sep, $1, $2; sep=", "}')
    ok "$schema: jsonschema and ajv agree on all $n files ($summary)"
    while read -r path verdict; do
        if grep -qxF "$path" <<<"$MUST_BE_VALID"; then
            checks=$((checks + 1))
            [ "$verdict" = valid ] || fail "$path is $verdict under $schema; it must be valid"
        elif grep -qxF "$path" <<<"$MUST_BE_INVALID"; then
            checks=$((checks + 1))
            [ "$verdict" = invalid ] || fail "$path is $verdict under $schema; it must be invalid"
        fi
    done <"$TMP/$kind.txt"
done

echo "schemas.test.sh: $checks checks, $failures failed"
[ "$failures" = 0 ]
