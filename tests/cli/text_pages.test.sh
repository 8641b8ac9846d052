#!/usr/bin/env bash
# text_pages.test.sh - the respondent's web page links a text table without the municipality's texts
# (CMakeLists.txt §4: MF_MUNICIPALITY_TEXT_AREAS, cmake/texts_to_cpp.py --leave-out). This checks the
# generator: the page's table is the full table less exactly those areas, and an area no key has is
# refused (a renamed area would otherwise leave its texts in). That the respondent's program asks for
# none of the left-out keys is checked on the built program in the web preset (web.text_pages,
# tests/cli/text_pages_wasm.py).
# Usage: text_pages.test.sh BUILD_DIR SOURCE_DIR
set -u
SRC="${2:?usage: text_pages.test.sh BUILD_DIR SOURCE_DIR}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

areas=$(sed -nE 's/^set\(MF_MUNICIPALITY_TEXT_AREAS "([a-z_,]+)"\)$/\1/p' "$SRC/CMakeLists.txt")
[ -n "$areas" ] || { echo "FAIL: MF_MUNICIPALITY_TEXT_AREAS not found in CMakeLists.txt"; exit 1; }
alternation=$(echo "$areas" | tr ',' '|')
echo "municipality text areas: $areas"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$SRC/cmake/texts_to_cpp.py" "$SRC/assets/texts.json" "$tmp/full.cpp" || fail "texts_to_cpp.py (full table) failed"
python3 "$SRC/cmake/texts_to_cpp.py" "$SRC/assets/texts.json" "$tmp/respondent.cpp" --leave-out "$areas" ||
    fail "texts_to_cpp.py --leave-out $areas failed"
keys() { grep -oE '^    \{"[a-z0-9_.]+"' "$1" | sed -E 's/^    \{"//; s/"$//'; }
keys "$tmp/full.cpp" > "$tmp/full.keys"
keys "$tmp/respondent.cpp" > "$tmp/respondent.keys"
n_full=$(wc -l < "$tmp/full.keys"); n_resp=$(wc -l < "$tmp/respondent.keys")
left_in=$(grep -E "^($alternation)\." "$tmp/respondent.keys" || true)
[ -z "$left_in" ] || fail "the respondent's table still has municipality keys:"$'\n'"$left_in"
expected=$(grep -vE "^($alternation)\." "$tmp/full.keys")
[ "$expected" = "$(cat "$tmp/respondent.keys")" ] || fail "the respondent's table is not the full table less those areas"
if [ "$n_resp" -gt 100 ] && [ "$n_resp" -lt "$n_full" ]; then echo "ok   tables: full $n_full keys, respondent $n_resp keys"
else fail "odd table sizes: full $n_full, respondent $n_resp"; fi
if python3 "$SRC/cmake/texts_to_cpp.py" "$SRC/assets/texts.json" "$tmp/bad.cpp" --leave-out "$areas,nosuch" 2> "$tmp/err"; then
    fail "--leave-out with an unknown area was accepted"
elif ! grep -q "nosuch" "$tmp/err"; then fail "the unknown area's message does not name it: $(cat "$tmp/err")"
else echo "ok   an unknown area is refused: $(cat "$tmp/err")"; fi

if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all checks passed"
