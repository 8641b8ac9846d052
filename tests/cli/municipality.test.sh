#!/usr/bin/env bash
# municipality.test.sh - mf-aggregate still writes exactly tests/data/municipality/expected/.
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
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }

cd "$DATA" || exit 1
# shellcheck disable=SC2046
set -- $(ls -- *.json | LC_ALL=C sort)
[ $# -ge 10 ] || fail "expected at least 10 files in $DATA, found $#"
run --questionnaire "$Q" --quiet --decimal-comma --rows-csv "$TMP/rows.csv" --summary-csv "$TMP/summary.csv" --summary-json "$TMP/summary.json" "$@"
expect_rc 1 "some files are rejected"
run --questionnaire "$Q" --quiet --decimal-comma --keep-duplicates --rows-csv "$TMP/rows-keep.csv" --summary-json "$TMP/summary-keep.json" "$@"
expect_rc 1 "some files are rejected (--keep-duplicates)"
for f in rows.csv summary.csv summary.json rows-keep.csv summary-keep.json; do
    checks=$((checks + 1))
    cmp -s "$TMP/$f" "expected/$f" || fail "mf-aggregate's $f differs from tests/data/municipality/expected/$f:
$(diff "expected/$f" "$TMP/$f" | head -n 20)"
done
# The set is what the browser test needs: rejected files, superseded duplicates, change over time.
checks=$((checks + 1))
/usr/bin/python3 - "$TMP/summary.json" <<'PY' || fail "the fixture set lacks a case the browser test relies on"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["files"]["rejected"] >= 3 and s["files"]["superseded"] >= 1 and s["change"]["organisations"] >= 2, s["files"]
PY
echo "municipality.test.sh: $checks checks, $failures failures"
[ "$failures" = 0 ]
