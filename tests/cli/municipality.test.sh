#!/usr/bin/env bash
# municipality.test.sh - mf-aggregate still writes exactly tests/data/municipality/expected/, and its
# published figures of every year pass the independent reference's check.
#
# Usage (ctest does this): bash municipality.test.sh <native-build-dir> <source-dir>
#
# The browser test (tests/browser/municipality.test.mjs) compares the app's figures and its CSV
# export with those files; this test ties them to the command-line tool, so app and CLI are proven
# to give the same bytes for the same files. The files were made with the shipped questionnaire by
# scripts/make-municipality-fixtures.sh (same options as below); after a change to the
# questionnaire or the output formats, run that script and look at the diff.
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-aggregate"
DATA="$SRC/tests/data/municipality"
Q="$SRC/questionnaires/aktoersporet.json"
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }

cd "$DATA" || exit 1
# shellcheck disable=SC2046
set -- $(ls -- *.json | LC_ALL=C sort)
[ $# -ge 10 ] || fail "expected at least 10 files in $DATA, found $#"
run --questionnaire "$Q" --quiet --lang da --decimal-comma --rows-csv "$TMP/rows-intern.csv" --rows-json "$TMP/rows-intern.json" \
    --summary-csv "$TMP/summary.csv" --summary-json "$TMP/summary.json" "$@"
expect_rc 1 "some files are rejected"
run --questionnaire "$Q" --quiet --lang da --decimal-comma --keep-duplicates --rows-csv "$TMP/rows-keep-intern.csv" "$@"
expect_rc 1 "some files are rejected (--keep-duplicates)"
"$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$Q" --out "$TMP/app-figures.json" "$@" >/dev/null
"$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$Q" --keep-duplicates --out "$TMP/app-figures-keep.json" "$@" >/dev/null
for f in rows-intern.csv rows-intern.json summary.csv summary.json rows-keep-intern.csv app-figures.json app-figures-keep.json; do
    checks=$((checks + 1))
    cmp -s "$TMP/$f" "expected/$f" || fail "$f differs from tests/data/municipality/expected/$f:
$(diff "expected/$f" "$TMP/$f" | head -n 20)"
done
# Every year's published figures against the independent reference: the same counts and figures
# where shown, nothing under 5 shown, no minimum or maximum (aggregate_reference.py --compare).
for year in 2024 2025 2026; do
    run --questionnaire "$Q" --quiet --year "$year" --summary-json "$TMP/summary-$year.json" "$@"
    checks=$((checks + 1))
    "$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$Q" --compare "$TMP/summary-$year.json" "$@" >"$TMP/compare" 2>&1 ||
        fail "$year: the published figures and the reference differ: $(cat "$TMP/compare")"
done
# The set is what the browser test needs: rejected files, superseded duplicates, change over time.
checks=$((checks + 1))
/usr/bin/python3 - "$TMP/app-figures.json" <<'PY' || fail "the fixture set lacks a case the browser test relies on"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["files"]["rejected"] >= 3 and s["files"]["superseded"] >= 1 and s["change"]["organisations"] >= 2, s["files"]
PY
# tests/data/goals: the bundle's published summary is still exactly the file the browser test
# compares the overview's goal follow-up with, and its goals are published (what that test needs).
run --questionnaire "$Q" --quiet --summary-json "$TMP/goals-summary.json" "$SRC/tests/data/goals/goals-bundle.json"
checks=$((checks + 1))
cmp -s "$TMP/goals-summary.json" "$SRC/tests/data/goals/expected/summary.json" ||
    fail "tests/data/goals/expected/summary.json differs from mf-aggregate's: $(diff "$SRC/tests/data/goals/expected/summary.json" "$TMP/goals-summary.json" | head -n 20)"
checks=$((checks + 1))
"$PY" -c "import json,sys; g=json.load(open(sys.argv[1]))['goals']; sys.exit(0 if g['statuses'] and g['withFollowUp'] >= 5 else 1)" \
    "$TMP/goals-summary.json" || fail "tests/data/goals: the goal follow-up is not published"
echo "municipality.test.sh: $checks checks, $failures failures"
[ "$failures" = 0 ]
