#!/usr/bin/env bash
# text_pages.test.sh - the respondent's web page links a text table without the municipality's texts
# (CMakeLists.txt §4: MF_MUNICIPALITY_TEXT_AREAS, cmake/texts_to_cpp.py --leave-out). A key of those
# areas on the respondent's page would show as the bare key, so this checks on the sources that:
#   - keys of those areas are written only in the municipality's sources (the overview's screen and
#     model, core's aggregate, publication and barometer), and in the shared model only the overview's
#     "reading done" notice (model.cpp: sent only when the overview is attached, never on index.html);
#     diagnostic codes of the same names are not keys (their texts are "diag.<code>");
#   - the generated respondent table has no key of those areas and every other key of the full table;
#   - the generator refuses an area no key has (a renamed area would otherwise leave texts in).
# A key planted in a respondent screen must be caught.
# Usage: text_pages.test.sh BUILD_DIR SOURCE_DIR
set -u
SRC="${2:?usage: text_pages.test.sh BUILD_DIR SOURCE_DIR}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

areas=$(sed -nE 's/^set\(MF_MUNICIPALITY_TEXT_AREAS "([a-z_,]+)"\)$/\1/p' "$SRC/CMakeLists.txt")
[ -n "$areas" ] || { echo "FAIL: MF_MUNICIPALITY_TEXT_AREAS not found in CMakeLists.txt"; exit 1; }
alternation=$(echo "$areas" | tr ',' '|')
echo "municipality text areas: $areas"

# The municipality's sources, where these keys belong.
allowed='^(src/app/screens/screen_municipality\.cpp|src/app/model/municipality_model\.cpp|src/core/(aggregate|aggregate_output|publication|barometer)\.cpp):'
# uses DIR: "file:line:text" of every string literal that is a key of those areas.
uses() { (cd "$1" && grep -rnoE "\"($alternation)\.[a-z0-9_.]+\"" src --include='*.cpp' --include='*.h') || true; }
# diagnostic_codes.cpp's registry names codes ("aggregate.cvr.missing"), whose texts are the keys
# "diag.<code>" (an area every page keeps): its add("...") lines are codes, not keys.
misplaced() {
    uses "$1" | grep -vE "$allowed" | grep -vE '^src/app/model/model\.cpp:[0-9]+:"muni\.read_done"$' |
        while IFS=: read -r file line match; do
            if [ "$file" = src/core/diagnostic_codes.cpp ] && sed -n "${line}p" "$1/$file" | grep -qE "^[[:space:]]*add\($match"; then continue; fi
            echo "$file:$line:$match"
        done
}

found=$(misplaced "$SRC")
if [ -n "$found" ]; then fail "municipality texts used outside the municipality's sources (the respondent's page has no such texts):"$'\n'"$found"
else echo "ok   municipality texts are used only by the municipality's sources"; fi
# The shared model's one use must still be the overview's own notice, behind the overview.
if ! grep -qE 'if \(municipality_\)' "$SRC/src/app/model/model.cpp"; then fail "model.cpp: muni.read_done is no longer behind 'if (municipality_)'"; fi

# A planted use in a respondent screen is caught.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/app/screens"
first_area=${areas%%,*}
printf 'const char* k = tr("%s.planted");\n' "$first_area" > "$tmp/src/app/screens/screen_start.cpp"
if [ -z "$(misplaced "$tmp")" ]; then fail "a planted \"$first_area.planted\" in screen_start.cpp was not caught"; else echo "ok   a planted use is caught"; fi

# The tables the generator writes.
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
[ "$n_resp" -gt 100 ] && [ "$n_resp" -lt "$n_full" ] || fail "odd table sizes: full $n_full, respondent $n_resp"
echo "ok   tables: full $n_full keys, respondent $n_resp keys"
if python3 "$SRC/cmake/texts_to_cpp.py" "$SRC/assets/texts.json" "$tmp/bad.cpp" --leave-out "$areas,nosuch" 2> "$tmp/err"; then
    fail "--leave-out with an unknown area was accepted"
elif ! grep -q "nosuch" "$tmp/err"; then fail "the unknown area's message does not name it: $(cat "$tmp/err")"
else echo "ok   an unknown area is refused: $(cat "$tmp/err")"; fi

if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all checks passed"
