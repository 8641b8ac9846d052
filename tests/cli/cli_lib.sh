# cli_lib.sh - shared by the tests/cli/*.test.sh scripts (sourced, not run by ctest).
# Before sourcing, set BIN (the tool under test), TMP (a scratch folder) and SRC (the source tree).
#   run ARGS...          runs $BIN; sets $rc, $out (stdout), $err (stderr)
#   expect_rc N WHAT     counts a check; a failure when the exit code is not N
#   fail MESSAGE         records a failure
#   check COND MESSAGE   evaluates the shell condition COND; prints "ok   MESSAGE" or "FAIL MESSAGE"
#   need_tools TOOL...   stops the test (exit 1) when a tool it needs is not installed
#   check_printed HTML PDF MIN MAX WHAT   prints a page to an A4 PDF in Chromium (report_pdf.mjs: no
#                        request beyond the page, axe-core clean) and checks it has MIN..MAX A4 pages
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {
    checks=$((checks + 1))
    if eval "$1"; then echo "ok   $2"; else failures=$((failures + 1)); echo "FAIL $2"; fi
}
check_printed() {
    local html=$1 pdf=$2 min=$3 max=$4 what=$5 rc pages size
    node "$SRC/tests/cli/report_pdf.mjs" "$html" "$pdf" >"$TMP/printed" 2>&1
    rc=$?
    check '[ $rc -eq 0 ]' "$what printed to PDF in Chromium, no other request, no axe-core WCAG 2.1 AA violation ($(cat "$TMP/printed"))"
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Page size:/ {print $3 "x" $5}')
    check '[ "${pages:-0}" -ge "$min" ] && [ "${pages:-0}" -le "$max" ]' "$what: a sane number of pages: $pages"
    check '[ "$size" = "594.96x841.92" ]' "$what: A4 pages ($size pt)"
}
need_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "FAIL $tool is missing (poppler-utils / nodejs: run emsdk-setup.sh)"; exit 1; }
    done
}

run() {
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    out=$(cat "$TMP/out")
    err=$(cat "$TMP/err")
}
expect_rc() { checks=$((checks + 1)); [ "$rc" = "$1" ] || fail "$2: exit $rc, expected $1 (stdout: $out) (stderr: $err)"; }
