#!/usr/bin/env bash
# bundle.test.sh - bundles ("Export all" of the workshop list) through the schema and mf-aggregate.
#
# Usage (ctest does this): bash bundle.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. mf-generate writes 12 result files; Python builds a bundle of them as docs/result-format.md
#      describes it; questionnaires/schema/bundle.schema.json (with result.schema.json) accepts it
#      and rejects it with a member of formatVersion 3, under both validators (schema_check.sh)
#   2. mf-aggregate gives the same rows, figures, barometer and benchmark for the bundle as for the
#      folder of single files
#   3. a bundle with a tampered member, a member that is not an object and one without a result:
#      exit 1, each problem named with the bundle, its JSON pointer and the reason; the good members
#      are still counted
#   4. an unknown bundle version is refused as a whole
#   6. unfinished members (bundle version 2): the schema accepts them in version 2 only; mf-aggregate
#      lists them with their reason and counts them only with --include-unfinished
#   5. mf-validate --result reads a bundle as the result files it holds: every member checked and
#      named, the bundle's own problems listed, the same verdicts as for the single files
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-aggregate"
GEN="$BUILD/mf-generate"
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1
# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"

[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }
"$GEN" --count 12 --seed 5 --out "$TMP/gen" >/dev/null 2>&1 || { echo "FAIL: mf-generate"; exit 1; }

# 1. The bundle and the schema.
checks=$((checks + 1))
"$PY" - "$TMP/gen" "$TMP" questionnaires/schema <<'PYEOF' || fail "building or validating the bundle"
import glob, json, os, sys, copy
folder, tmp, schemas = sys.argv[1:4]
files = sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))
members = [{"file": os.path.basename(f), "result": json.load(open(f, encoding="utf-8"))} for f in files]
bundle = {"format": "mangfoldighedstjek/bundle", "formatVersion": 1, "created": "2026-11-25T17:00:00Z",
          "app": {"name": "Mangfoldighedstjek"}, "results": members}
json.dump(bundle, open(os.path.join(tmp, "all.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
broken = copy.deepcopy(bundle)
broken["results"][0]["result"]["formatVersion"] = 3
json.dump(broken, open(os.path.join(tmp, "member-v3.json"), "w", encoding="utf-8"), ensure_ascii=False)
# 3. The bad bundle: member 3 tampered, a number, a member without a result.
bad = copy.deepcopy(bundle)
bad["results"][3]["result"]["answers"][next(iter(bad["results"][3]["result"]["answers"]))] = "tampered"
bad["results"].append(7)
bad["results"].append({"file": "lost.json"})
json.dump(bad, open(os.path.join(tmp, "bad.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
# 6. Two unfinished members (version 2), and the same marks in a version-1 bundle (invalid).
unfinished = copy.deepcopy(bundle)
unfinished["formatVersion"] = 2
for i in (2, 5):
    unfinished["results"][i]["unfinished"] = True
json.dump(unfinished, open(os.path.join(tmp, "unfinished.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
unfinished["formatVersion"] = 1
json.dump(unfinished, open(os.path.join(tmp, "unfinished-v1.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
# 4. An unknown version.
bundle["formatVersion"] = 3
json.dump(bundle, open(os.path.join(tmp, "v3.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
PYEOF
checks=$((checks + 1))
verdicts=$(bash "$SRC/tests/cli/schema_check.sh" questionnaires/schema/bundle.schema.json "$TMP/all.json" "$TMP/member-v3.json" \
    "$TMP/unfinished.json" "$TMP/unfinished-v1.json") || fail "the validators disagree on the bundles or did not run"
[ "$verdicts" = "$TMP/all.json valid
$TMP/member-v3.json invalid
$TMP/unfinished.json valid
$TMP/unfinished-v1.json invalid" ] ||
    fail "bundle schema verdicts (valid: the bundle, unfinished members in version 2; invalid: a formatVersion 3 member, unfinished members in version 1): $verdicts"

# 2. The same figures from the bundle as from the single files.
for year in 2025 2026; do
    run "$TMP/gen" --year "$year" --min-group 3 --date 2026-11-26 --summary-csv "$TMP/folder-summary.csv" --rows-json "$TMP/folder-rows-intern.json" \
        --barometer "$TMP/folder-barometer.html" --benchmark "$TMP/folder-benchmark.json"
    expect_rc 0 "the single files"
    run "$TMP/all.json" --year "$year" --min-group 3 --date 2026-11-26 --summary-csv "$TMP/bundle-summary.csv" --rows-json "$TMP/bundle-rows-intern.json" \
        --barometer "$TMP/bundle-barometer.html" --benchmark "$TMP/bundle-benchmark.json"
    expect_rc 0 "the bundle of the same files"
    for out in summary.csv barometer.html benchmark.json; do
        checks=$((checks + 1))
        cmp -s "$TMP/folder-$out" "$TMP/bundle-$out" || fail "$year: the bundle's $out differs from the folder's"
    done
done
checks=$((checks + 1))
grep -q '<td class="num">[0-9]' "$TMP/bundle-barometer.html" || fail "the barometer of the bundle shows no number at all"
checks=$((checks + 1))
"$PY" - "$TMP/folder-rows-intern.json" "$TMP/bundle-rows-intern.json" "$TMP/all.json" <<'PYEOF' || fail "rows differ"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
rows = lambda d: d["rows"] if isinstance(d, dict) else d
ra, rb = rows(a), rows(b)
if len(ra) != len(rb) or len(ra) == 0:
    print("FAIL: row counts", len(ra), len(rb)); sys.exit(1)
for x, y in zip(ra, rb):
    fx, fy = x.pop("file"), y.pop("file")
    if not (fy.startswith(sys.argv[3] + "#/results/") and fy.endswith("(" + fx.split("/")[-1] + ")")):
        print("FAIL: member name", fy, "for", fx); sys.exit(1)
    for r in (x, y):
        if r.get("change"): r["change"].pop("firstFile")
    if x != y:
        print("FAIL: row differs:", x, y); sys.exit(1)
PYEOF

# 3. Bad members.
run "$TMP/bad.json" --summary-json "$TMP/bad-summary.json"
expect_rc 1 "a bundle with bad members"
checks=$((checks + 1))
grep -qF "$TMP/bad.json: /results/12: expected an object, got 7" <<<"$err" || fail "the number member is not named: $err"
checks=$((checks + 1))
grep -qF "$TMP/bad.json: /results/13/result: missing: each member holds one result document" <<<"$err" ||
    fail "the member without a result is not named: $err"
checks=$((checks + 1))
grep -qF "$TMP/bad.json#/results/3 (" <<<"$err" || fail "the tampered member is not named: $err"
checks=$((checks + 1))
"$PY" -c "import json,sys; f=json.load(open(sys.argv[1]))['files']; sys.exit(0 if (f['accepted'], f['rejected']) == (11, 2) else 1)" \
    "$TMP/bad-summary.json" || fail "not 11 good members accepted and 2 rejected (the bundle's own problems, the tampered member)"

# 4. Unknown version.
run "$TMP/v3.json"
expect_rc 1 "an unknown bundle version"
checks=$((checks + 1))
grep -qF "$TMP/v3.json: /formatVersion: bundle version 3 is not known to this program (it reads 1–2)" <<<"$err" ||
    fail "the version message: $err"

# 6. Unfinished members: listed and left out by default, counted when asked for.
run "$TMP/unfinished.json" --summary-json "$TMP/unfinished-summary.json"
expect_rc 1 "a bundle with unfinished members"
checks=$((checks + 1))
[ "$(grep -c "^$TMP/unfinished.json#/results/[25] (.*): unfinished: not every question was answered" <<<"$err")" = 2 ] ||
    fail "the two unfinished members are not listed with their reason: $err"
checks=$((checks + 1))
"$PY" -c "import json,sys; f=json.load(open(sys.argv[1]))['files']; sys.exit(0 if (f['accepted'], f['rejected']) == (10, 2) else 1)" \
    "$TMP/unfinished-summary.json" || fail "not 10 members counted and the 2 unfinished ones left out"
run "$TMP/unfinished.json" --include-unfinished --year 2026 --min-group 3 --date 2026-11-26 --summary-csv "$TMP/unfinished-summary.csv"
expect_rc 0 "--include-unfinished"
checks=$((checks + 1))
cmp -s "$TMP/folder-summary.csv" "$TMP/unfinished-summary.csv" ||
    fail "with --include-unfinished the figures differ from the folder of the same 12 files"

# 5. mf-validate --result reads bundles as the app's workshop list and the overview do.
BIN="$BUILD/mf-validate"
run --result "$TMP/all.json"
expect_rc 0 "mf-validate: a good bundle"
checks=$((checks + 1))
[ "$(grep -c "^$TMP/all.json#/results/[0-9]* (.*): valid result: questionnaire" <<<"$out")" = 12 ] ||
    fail "mf-validate: not one 'valid result' line per member: $out"
run --result "$TMP/bad.json"
expect_rc 1 "mf-validate: a bundle with bad members"
checks=$((checks + 1))
grep -qF "$TMP/bad.json: /results/12: expected an object, got 7" <<<"$out" || fail "mf-validate: the number member: $out"
checks=$((checks + 1))
grep -qF "$TMP/bad.json: invalid: 2 errors" <<<"$out" || fail "mf-validate: the bundle's own summary: $out"
checks=$((checks + 1))
grep -q "^$TMP/bad.json#/results/3 (.*): /checksum: " <<<"$out" || fail "mf-validate: the tampered member's checksum: $out"
checks=$((checks + 1))
[ "$(grep -c "^$TMP/bad.json#/results/[0-9]* (.*): valid result" <<<"$out")" = 12 ] ||
    fail "mf-validate: the 12 readable members (the tampered one loads with a warning, as in the app): $out"
run --result "$TMP/v3.json"
expect_rc 1 "mf-validate: an unknown bundle version"
checks=$((checks + 1))
grep -qF "$TMP/v3.json: /formatVersion: bundle version 3 is not known to this program (it reads 1–2)" <<<"$out" ||
    fail "mf-validate: the version message: $out"

echo "bundle.test.sh: $checks checks, $failures failures"
[ "$failures" = 0 ]
