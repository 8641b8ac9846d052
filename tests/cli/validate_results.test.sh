#!/usr/bin/env bash
# validate_results.test.sh - mf-validate --result over the bad-input corpus of result files, and the
# 100 MB files (a result and a questionnaire, made here, never committed).
#
# Usage (ctest does this): bash validate_results.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. usage: --questionnaire without --result, or without a file (exit 2)
#   2. the good result: exit 0, no message, one summary line
#   3. every file in tests/data/results/bad/: exactly the lines of bad/expected.txt for it (the same
#      lines the core test and the browser import test check), then its summary line; exit 1 when
#      one of them is an error, else 0 (the file loads with warnings)
#   4. 100 MB: refused for their size, exit 1; several files at once: the worst exit status
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-validate"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Usage
# ---------------------------------------------------------------------------------------------
run --questionnaire "$SRC/questionnaires/aktoersporet.json" "$SRC/tests/data/results/good/result.json"
expect_rc 2 "--questionnaire without --result"
case "$err" in "mf-validate: --questionnaire only goes with --result"*) ;; *) fail "message: $err" ;; esac
run --result --questionnaire
expect_rc 2 "--questionnaire without a file"
run --result --questionnaire "$SRC/tests/data/questionnaires/bad/empty.json" "$SRC/tests/data/results/good/result.json"
expect_rc 2 "an unusable questionnaire"

# ---------------------------------------------------------------------------------------------
# 2. The good result
# ---------------------------------------------------------------------------------------------
cd "$SRC/tests/data/results/good" || exit 1
run --result result.json
expect_rc 0 "good result"
checks=$((checks + 1))
case "$out" in
"result.json: valid result: questionnaire \"aktoersporet\" version "*", "*" answers, 0 warnings") ;;
*) fail "good result: $out" ;;
esac

# ---------------------------------------------------------------------------------------------
# 3. Every bad result, run from its folder so the messages name it as expected.txt does
# ---------------------------------------------------------------------------------------------
cd "$SRC/tests/data/results/bad" || exit 1
n=0
for f in *.json; do
    n=$((n + 1))
    want=$(awk -v p="$f: " 'index($0, p) == 1' expected.txt)
    checks=$((checks + 1))
    [ -n "$want" ] || { fail "$f has no lines in expected.txt"; continue; }
    errors=$(printf '%s\n' "$want" | grep -vc ": warning: ")
    warnings=$(printf '%s\n' "$want" | grep -c ": warning: ")
    run --result "$f"
    if [ "$errors" -gt 0 ]; then
        expect_rc 1 "$f"
        summary="$f: invalid: $errors error$([ "$errors" = 1 ] || echo s), $warnings warning$([ "$warnings" = 1 ] || echo s)"
    else
        expect_rc 0 "$f"
        summary=$(printf '%s\n' "$out" | tail -n 1)
        case "$summary" in "$f: valid result: "*", $warnings warning"*) ;; *) fail "$f: summary $summary" ;; esac
    fi
    checks=$((checks + 1))
    [ "$out" = "$want
$summary" ] || fail "$f: printed
$out
expected
$want
$summary"
done
checks=$((checks + 1))
[ "$n" -ge 20 ] || fail "only $n bad result files"
# Every file named in expected.txt exists.
for name in $(grep -v '^#' expected.txt | sed 's/: .*//' | sort -u); do
    checks=$((checks + 1))
    [ -f "$name" ] || fail "expected.txt names $name, which is not there"
done

# ---------------------------------------------------------------------------------------------
# 4. 100 MB files (made here)
# ---------------------------------------------------------------------------------------------
make_huge() { # FILE FORMAT: exactly 100 MiB, a JSON object with a long padding string
    local head="{\"format\": \"$2\", \"formatVersion\": 1, \"padding\": \""
    { printf '%s' "$head"; head -c $((104857600 - ${#head} - 3)) /dev/zero | tr '\0' 'x'; printf '"}\n'; } >"$1"
}
make_huge "$TMP/huge-result.json" mangfoldighedstjek/result
make_huge "$TMP/huge-questionnaire.json" mangfoldighedstjek/questionnaire
checks=$((checks + 1))
[ "$(stat -c %s "$TMP/huge-result.json")" = 104857600 ] || fail "the 100 MB file is $(stat -c %s "$TMP/huge-result.json") bytes"

run --result "$TMP/huge-result.json"
expect_rc 1 "100 MB result"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | head -n 1)" = "$TMP/huge-result.json: the file is too large: 104857600 bytes; the limit is 2097152 bytes" ] ||
    fail "100 MB result: $out"
run "$TMP/huge-questionnaire.json"
expect_rc 1 "100 MB questionnaire"
checks=$((checks + 1))
[ "$out" = "$TMP/huge-questionnaire.json: the file is too large: 104857600 bytes; the limit is 4194304 bytes
$TMP/huge-questionnaire.json: invalid: 1 error, 0 warnings" ] || fail "100 MB questionnaire: $out"

run --result "$SRC/tests/data/results/good/result.json" "$TMP/huge-result.json" "$TMP/missing.json"
expect_rc 2 "good + bad + missing"

echo "validate_results: $((checks - failures)) of $checks checks passed"
[ "$failures" = 0 ]
