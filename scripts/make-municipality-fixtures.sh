#!/usr/bin/env bash
# make-municipality-fixtures.sh - (re)makes tests/data/municipality: a small set of result files made
# with the SHIPPED questionnaire (the app has only that one), a few bad ones, and what the tools
# write for them (tests/data/municipality/expected/):
#   rows-intern.csv, rows-keep-intern.csv, rows-intern.json   mf-aggregate's internal rows (the last
#                          with every file's problems), newest per CVR and with --keep-duplicates
#   summary.csv, summary.json   mf-aggregate's published figures (the latest year, k = 5)
#   app-figures.json, app-figures-keep.json   scripts/aggregate_reference.py --out: the unpublished
#                          figures over all years that the app's overview shows today
# tests/cli/municipality.test.sh checks that mf-aggregate still writes exactly its files; the
# browser tests feed the result files to the app and compare its figures and its CSV export with
# expected/. Run it again after a change to questionnaires/aktoersporet.json or to the output
# formats, and look at the diff.
#
# Usage: scripts/make-municipality-fixtures.sh BUILD_DIR [--expected-only]
#   (a native build with mf-generate, mf-aggregate). --expected-only keeps the result files and writes
#   expected/ again: the files committed now are result format 1 from questionnaire 1.0.0, made before
#   format 2, and stay so (the app and mf-aggregate must go on reading them: docs/result-format.md).
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)
OUT="$SRC/tests/data/municipality"
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ "${2:-}" != "--expected-only" ]; then
rm -rf "$OUT"
mkdir -p "$OUT/expected"
# Seed 5: 12 files, 5 of them from earlier years of the same organisations (change over time).
"$BUILD/mf-generate" --count 12 --seed 5 --out "$TMP/gen" >/dev/null
# Flat, unique names: the browser's file picker gives base names only.
for f in $(cd "$TMP/gen" && find . -name '*.json' | LC_ALL=C sort); do
    year=$(basename "$(dirname "$f")")
    cp "$TMP/gen/$f" "$OUT/$year-$(basename "$f")"
done

# Bad files, each rejected for one reason:
first=$(cd "$OUT" && ls -- *.json | LC_ALL=C sort | tail -n 1)
"$PY" - "$OUT/$first" "$OUT/bad-tampered.json" <<'PYEOF'
import json, sys
# The organisation's name edited after export: the checksum no longer matches.
text = open(sys.argv[1], encoding="utf-8").read()
doc = json.loads(text)
doc["answers"]["org_name"] = doc["answers"]["org_name"] + " (rettet)"
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
PYEOF
head -c 300 "$OUT/$first" >"$OUT/bad-truncated.json"
printf '{"hello": "world"}\n' >"$OUT/bad-foreign.json"
# The same file sent twice under another name: accepted, but only one of the two counts.
cp "$OUT/$first" "$OUT/resent-$first"
fi

cd "$OUT"
files=$(ls -- *.json | LC_ALL=C sort)
Q="$SRC/questionnaires/aktoersporet.json"
# shellcheck disable=SC2086
"$BUILD/mf-aggregate" --questionnaire "$Q" --quiet --lang da --decimal-comma --rows-csv expected/rows-intern.csv --rows-json expected/rows-intern.json \
    --summary-csv expected/summary.csv --summary-json expected/summary.json $files >/dev/null 2>&1 || true
# shellcheck disable=SC2086
"$BUILD/mf-aggregate" --questionnaire "$Q" --quiet --lang da --decimal-comma --keep-duplicates --rows-csv expected/rows-keep-intern.csv \
    $files >/dev/null 2>&1 || true
# shellcheck disable=SC2086
"$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$Q" --out expected/app-figures.json $files >/dev/null
# shellcheck disable=SC2086
"$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$Q" --keep-duplicates --out expected/app-figures-keep.json $files >/dev/null
echo "wrote $(echo "$files" | wc -l) files and expected/ to $OUT"

# tests/data/goals: 40 generated organisations (seed 7) in one bundle, enough of them following up an
# earlier plan for the goal follow-up to be published at k = 5 (the set above has none), and
# mf-aggregate's published summary of them. tests/cli/municipality.test.sh checks the summary,
# tests/browser/municipality_goals.test.mjs the overview's goal follow-up against it.
GOALS="$SRC/tests/data/goals"
if [ "${2:-}" != "--expected-only" ]; then
    rm -rf "$GOALS" && mkdir -p "$GOALS/expected"
    "$BUILD/mf-generate" --count 40 --seed 7 --out "$TMP/goals" --bundle "$GOALS/goals-bundle.json" >/dev/null
fi
"$BUILD/mf-aggregate" --questionnaire "$Q" --quiet --summary-json "$GOALS/expected/summary.json" "$GOALS/goals-bundle.json" >/dev/null
echo "wrote $GOALS"
