#!/usr/bin/env bash
# validate_codes.test.sh - mf-validate --codes: each problem's stable code (docs/diagnostics.md).
#
# Usage (ctest does this): bash validate_codes.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. every bad questionnaire and result fixture: with --codes, each problem line is the line
#      without --codes followed by " [<code>]", the code one that docs/diagnostics.md lists; the
#      summary lines and the exit status are the same; a few fixtures name their code exactly
#   2. the checks before reading: a missing file and a folder (exit 2)
#   3. --json --codes: "code" and "params" in each diagnostic; --json alone has neither
#   4. --quiet --codes: errors only, with their codes
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-validate"
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1

# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }

# The codes the docs list (the rows under "## The codes"), one per line.
awk '/^## /{codes = ($0 == "## The codes")} codes && /^\| `/{split($0, f, "`"); print f[2]}' docs/diagnostics.md >"$TMP/codes.txt"
checks=$((checks + 1))
[ "$(wc -l <"$TMP/codes.txt")" -gt 150 ] || fail "docs/diagnostics.md lists only $(wc -l <"$TMP/codes.txt") codes"

# compare FILE... : runs mf-validate with and without --codes on the same arguments and checks that
# the outputs differ only by " [code]" after each problem line. Leaves the --codes output in $out.
compare() {
    run "$@"
    local plain="$out" plain_rc=$rc
    run --codes "$@"
    checks=$((checks + 1))
    [ "$rc" = "$plain_rc" ] || fail "$*: exit $rc with --codes, $plain_rc without"
    printf '%s\n' "$plain" >"$TMP/plain.txt"
    printf '%s\n' "$out" >"$TMP/coded.txt"
    $PY - "$TMP/plain.txt" "$TMP/coded.txt" "$TMP/codes.txt" <<'PY' || fail "$*: --codes output
$out"
import re, sys
plain = open(sys.argv[1], encoding="utf-8").read().splitlines()
coded = open(sys.argv[2], encoding="utf-8").read().splitlines()
codes = set(open(sys.argv[3], encoding="utf-8").read().split())
summary = re.compile(r": (valid|valid result|invalid|not checked)(:|$)")
assert len(plain) == len(coded), (len(plain), len(coded))
for p, c in zip(plain, coded):
    if summary.search(p):
        assert c == p, (p, c)
        continue
    m = re.fullmatch(re.escape(p) + r" \[([a-z0-9_.]+)\]", c)
    assert m, ("not the plain line and a code", p, c)
    assert m.group(1) in codes, ("a code docs/diagnostics.md does not list", c)
PY
}

# ---------------------------------------------------------------------------------------------
# 1. Every bad fixture
# ---------------------------------------------------------------------------------------------
for f in tests/data/questionnaires/bad/*.json; do compare "$f"; done
for f in tests/data/results/bad/*.json; do compare --result "$f"; done
compare tests/data/questionnaires/bad/*.json
compare --result tests/data/results/bad/*.json

run --codes tests/data/questionnaires/bad/duplicate_option_id.json
expect_rc 1 "duplicate option id"
checks=$((checks + 1))
case "$out" in *"duplicate option id "*" [questionnaire.option.duplicate_id]"*) ;; *) fail "duplicate option id: $out" ;; esac
cd tests/data/results/bad || exit 1
run --result --codes truncated.json tampered_checksum.json unknown_option.json
cd "$SRC" || exit 1
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -o '\[[a-z0-9_.]*\]$' | tr '\n' ' ')" = \
  "[json.truncated] [result.checksum.mismatch] [result.scores.mismatch] [result.answer.not_yes_no] [result.scores.mismatch] " ] ||
    fail "codes of three result files: $out"

# ---------------------------------------------------------------------------------------------
# 2. Before reading
# ---------------------------------------------------------------------------------------------
compare "$TMP/missing.json" "$TMP"
expect_rc 2 "a missing file and a folder"
checks=$((checks + 1))
[ "$out" = "$TMP/missing.json: no such file [file.not_found]
$TMP/missing.json: not checked
$TMP: is a folder, not a file [file.is_folder]
$TMP: not checked" ] || fail "missing file and folder: $out"

# ---------------------------------------------------------------------------------------------
# 3. --json --codes
# ---------------------------------------------------------------------------------------------
run --json --codes tests/data/questionnaires/bad/malformed.json tests/data/questionnaires/bad/duplicate_role.json "$TMP/missing.json"
expect_rc 2 "--json --codes"
checks=$((checks + 1))
printf '%s' "$out" | $PY -c '
import json, sys
f = json.load(sys.stdin)["files"]
d = f[0]["diagnostics"][0]
assert d["code"] == "json.syntax", d
assert sorted(d["params"]) == ["column", "detail", "line"], d
assert d["message"] == "invalid JSON at line %s, column %s: %s" % (d["params"]["line"], d["params"]["column"], d["params"]["detail"]), d
assert f[1]["diagnostics"] == [{"severity": "error", "pointer": "/profile/4/role", "code": "questionnaire.role.duplicate",
                                "params": {"role": "name", "first_at": "/profile/0/role"},
                                "message": "duplicate role \"name\" (first at /profile/0/role)"}], f[1]
assert f[2]["diagnostics"] == [{"severity": "error", "pointer": "", "code": "file.not_found", "params": {},
                                "message": "no such file"}], f[2]
' || fail "--json --codes output:
$out"
run --json tests/data/questionnaires/bad/malformed.json
checks=$((checks + 1))
case "$out" in *'"code"'* | *'"params"'*) fail "--json without --codes has codes: $out" ;; esac

# ---------------------------------------------------------------------------------------------
# 4. --quiet --codes
# ---------------------------------------------------------------------------------------------
run --result --quiet --codes tests/data/results/bad/unknown_format_version.json tests/data/results/bad/bad_cvr.json
expect_rc 1 "--quiet --codes"
checks=$((checks + 1))
[ "$out" = "tests/data/results/bad/unknown_format_version.json: /formatVersion: formatVersion 3 is not supported; this app reads formatVersion 1 and 2 (the file was made by a newer app) [result.format_version.newer]" ] ||
    fail "--quiet --codes: $out"

# ---------------------------------------------------------------------------------------------
# 5. --lang: the same problems in plain words (assets/texts.json "diag.<code>"), English by default
# ---------------------------------------------------------------------------------------------
run --result --lang da tests/data/results/bad/truncated.json tests/data/results/bad/tampered_checksum.json
expect_rc 1 "--lang da"
checks=$((checks + 1))
case "$out" in
*"tests/data/results/bad/truncated.json: Filen er beskadiget: den slutter midt i indholdet"*) ;;
*) fail "--lang da: no Danish text for the truncated file: $out" ;;
esac
checks=$((checks + 1))
case "$out" in
*"tests/data/results/bad/tampered_checksum.json: /checksum: advarsel: Filen er ændret efter eksporten"*) ;;
*) fail "--lang da: no Danish warning for the tampered file: $out" ;;
esac
checks=$((checks + 1))
case "$out" in *"syntax error"* | *"sha256:"*) fail "--lang da shows the experts' details: $out" ;; esac
run --result --lang en --codes tests/data/results/bad/truncated.json
checks=$((checks + 1))
case "$out" in
*"truncated.json: The file is damaged: it ends in the middle of its content"*"[json.truncated]"*) ;;
*) fail "--lang en --codes: $out" ;;
esac
run --result tests/data/results/bad/truncated.json
checks=$((checks + 1))
case "$out" in *"invalid JSON at line"*) ;; *) fail "without --lang the English message stays: $out" ;; esac
run --result --json --lang da tests/data/results/bad/truncated.json
checks=$((checks + 1))
"$PY" -c '
import json, sys
d = json.loads(sys.argv[1])["files"][0]["diagnostics"][0]
assert d["text"].startswith("Filen er beskadiget"), d
assert d["message"].startswith("invalid JSON at line"), d
' "$out" || fail "--json --lang da: $out"
run --lang fr tests/data/results/bad/truncated.json
expect_rc 2 "--lang fr is a usage error"

echo "validate_codes: $((checks - failures)) of $checks checks passed"
[ "$failures" = 0 ]
