# cli_lib.sh - shared by the tests/cli/*.test.sh scripts (sourced, not run by ctest).
# Before sourcing, set BIN (the tool under test) and TMP (a scratch folder).
#   run ARGS...          runs $BIN; sets $rc, $out (stdout), $err (stderr)
#   expect_rc N WHAT     counts a check; a failure when the exit code is not N
#   fail MESSAGE         records a failure; `finish NAME` prints the count and sets the exit status
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

run() {
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    out=$(cat "$TMP/out")
    err=$(cat "$TMP/err")
}
expect_rc() { checks=$((checks + 1)); [ "$rc" = "$1" ] || fail "$2: exit $rc, expected $1 (stdout: $out) (stderr: $err)"; }
