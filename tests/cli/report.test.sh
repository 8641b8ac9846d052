#!/usr/bin/env bash
# report.test.sh - mf-report end to end: result files -> HTML -> A4 PDF in Debian's Chromium -> text.
#
#   bash tests/cli/report.test.sh <native-build-dir> <source-dir>
#
# Checks: usage errors and a broken result file give the documented exit codes and messages; the
# report of a Danish and an English result prints to a sane number of A4 pages without asking for
# anything outside itself; the PDF's text (pdftotext) holds the organisation name with its <script>
# and & as plain text, the level, the overall percentage, the comparison, every action-plan goal
# and responsible person with the indicators, and the follow-up of last year's plan (each earlier
# goal, its status, the value now and the note); axe-core finds no WCAG 2.1 A/AA violation in the page.
# The English report is of a format-1 file (before indicators): it loads with only the note about its
# questionnaire version. The pages are rendered to test-output/report-da-page-N.png to look at.
set -uo pipefail
BUILD="$(cd "$1" && pwd)"; SRC="$(cd "$2" && pwd)"
TOOL="$BUILD/mf-report"
DATA="$SRC/tests/data/report"
OUT="$SRC/test-output"; mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
need_tools pdftotext pdfinfo pdftoppm node

# --- Usage and bad input ---------------------------------------------------------------------------
"$TOOL" --result "$DATA/result-da.json" >"$TMP/o" 2>"$TMP/e"; rc=$?
check '[ $rc -eq 2 ] && grep -q "\-\-result and \-\-out are required" "$TMP/e"' "no --out: exit 2 with the reason ($rc)"
"$TOOL" --result "$DATA/result-da.json" --out "$TMP/x.html" --date 2026-02-30 2>"$TMP/e"; rc=$?
check '[ $rc -eq 2 ] && grep -q "2026-02-30" "$TMP/e"' "an impossible --date: exit 2 ($rc)"
printf '{"format": "mangfoldighedstjek/result", "formatVersion": 1' >"$TMP/broken.json"
"$TOOL" --result "$TMP/broken.json" --out "$TMP/x.html" 2>"$TMP/e"; rc=$?
check '[ $rc -eq 1 ] && grep -q "^$TMP/broken.json: " "$TMP/e" && [ ! -e "$TMP/x.html" ]' \
  "a truncated result file: exit 1, the message names the file, no report ($rc: $(head -c 200 "$TMP/e"))"

# --- Danish, with comparison ------------------------------------------------------------------------
"$TOOL" --result "$DATA/result-da.json" --earlier "$DATA/earlier.json" --date 2026-11-25 --out "$TMP/da.html" 2>"$TMP/e"; rc=$?
check '[ $rc -eq 0 ] && [ ! -s "$TMP/e" ]' "Danish report written, no warnings ($rc $(cat "$TMP/e"))"
check 'grep -q "Opfølgning på den tidligere handlingsplan" "$TMP/da.html"' "the follow-up section is in the page"
check '! grep -qi "<script" "$TMP/da.html"' "no <script element in the page (the name's <script> is escaped)"
check_printed "$TMP/da.html" "$TMP/da.pdf" 2 7 "the Danish report"
pdftotext -layout "$TMP/da.pdf" "$TMP/da.txt"
pdftotext "$TMP/da.pdf" "$TMP/da-raw.txt"
# Lines wrap anywhere in a table cell or a long name: compare with every white space removed.
# A table cell's lines are read column by column (pdf_columns.py) so wrapped cells do not interleave.
{ cat "$TMP/da-raw.txt"; pdftotext -bbox-layout "$TMP/da.pdf" - | /usr/bin/python3 "$SRC/tests/cli/pdf_columns.py"; } \
  | tr -d ' \n\f' >"$TMP/da-flat.txt"

# Expected values come from the result file itself (its stored scores, which import checked against
# the answers), and the level's title from the questionnaire, not from the report code.
read -r overall level goal1 resp1 goal2 goal3 name earlier_overall < <(/usr/bin/python3 - "$DATA" "$SRC" <<'PY'
import json, sys
d = json.load(open(sys.argv[1] + '/result-da.json'))
e = json.load(open(sys.argv[1] + '/earlier.json'))
q = json.load(open(sys.argv[2] + '/questionnaires/aktoersporet.json'))
title = [l['title']['da'] for l in q['levels'] if l['id'] == d['scores']['level']][0]
num = lambda x: (str(x).replace('.', ',') if x != int(x) else str(int(x)))
f = lambda s: s.replace(' ', '\x1f')
p = d['actionPlan']
print(num(d['scores']['overall']), f(title), f(p[0]['goal']), f(p[0]['responsible']), f(p[1]['goal']), f(p[2]['goal']),
      f(d['organisation']['name']), num(e['scores']['overall']))
PY
)
un() { printf '%s' "$1" | tr '\037' ' '; }
has() { grep -qF -- "$(printf '%s' "$1" | tr -d ' ')" "$TMP/da-flat.txt"; }
check 'has "$(un "$name")"' "the organisation name as plain text: $(un "$name")"
check 'has "$overall %"' "the overall percentage: $overall %"
check 'has "$(un "$level")"' "the level: $(un "$level")"
check 'has "Sammenligning med et tidligere resultat" && has "$earlier_overall %"' "the comparison with the earlier result ($earlier_overall %)"
check 'has "Handlingsplan"' "the action plan heading"
for g in "$goal1" "$goal2" "$goal3" "$resp1"; do
  check 'has "$(un "$g")"' "action plan: $(un "$g")"
done
check 'has "Sådan skal tallene læses"' "the note on what the numbers mean"
# The follow-up of last year's plan, from the files themselves: each earlier goal with its status
# (Danish names as docs/texts.md's table has them), the note, and this year's indicators.
while IFS=$'\t' read -r what text; do
  check 'has "$text"' "$what: $text"
done < <(/usr/bin/python3 - "$DATA" "$SRC" <<'PY'
import json, sys
d = json.load(open(sys.argv[1] + '/result-da.json'))
texts = json.load(open(sys.argv[2] + '/assets/texts.json'))['texts']
print("follow-up heading\t" + texts['report.follow_up_heading']['da'])
for item in d['planFollowUp']['items']:
    print("last year's goal\t" + item['focusArea']['goal'])
    print("its status\t" + texts['followup.status.' + item['status']]['da'])
    if item['note']:
        print("its note\t" + item['note'])
    if item['focusArea']['indicator']:
        print("its indicator\t" + item['focusArea']['indicator']['measure'])
for area in d['actionPlan']:
    if area['indicator']:
        print("this year's indicator\t" + area['indicator']['measure'])
PY
)
check 'has "112,5 % af vejen til målet" && has "50 % af vejen til målet"' "progress towards the targets (112,5 % of a falling target, 50 %)"
check 'grep -q "Forskellighed er en styrke" "$TMP/da.txt" && grep -q "Mål og opfølgning" "$TMP/da.txt"' "principles and themes by name"
rm -f "$OUT"/report-da-page-*.png
pdftoppm -r 80 -png "$TMP/da.pdf" "$OUT/report-da-page"
cp "$TMP/da.html" "$OUT/report-da.html"
echo "     page images: $OUT/report-da-page*.png"

# --- English ----------------------------------------------------------------------------------------
"$TOOL" --result "$DATA/result-en.json" --date 2026-11-25 --out "$TMP/en.html" 2>"$TMP/e"; rc=$?
check '[ $rc -eq 0 ] && [ "$(grep -vc "/questionnaire/version: warning: the result was made with questionnaire version 1.0.0" "$TMP/e")" = 0 ]' \
  "English report of a format-1 file written, only the questionnaire version noted ($rc $(cat "$TMP/e"))"
check_printed "$TMP/en.html" "$TMP/en.pdf" 1 6 "the English report"
pdftotext "$TMP/en.pdf" - | tr -s ' \n' '  ' >"$TMP/en-flat.txt"
check 'grep -qF "Action plan" "$TMP/en-flat.txt" && grep -qF "How to read the numbers" "$TMP/en-flat.txt" && grep -qF "Diversity is a strength" "$TMP/en-flat.txt"' "English texts in the PDF"
check 'grep -qF "$(printf %s "$overall" | tr , .) %" "$TMP/en-flat.txt"' "the overall percentage with a decimal point"
check '! grep -qF "Handlingsplan" "$TMP/en-flat.txt"' "no Danish fixed text in the English report"
cp "$TMP/en.html" "$OUT/report-en.html"

echo
echo "report: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
