#!/usr/bin/env bash
# aggregate.test.sh - mf-aggregate and mf-generate end to end.
#
# Usage (ctest does this): bash aggregate.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. usage and I/O errors: --help (0), no input / unknown option / bad separator / missing path /
#      empty folder (2)
#   2. tests/data/aggregate (good, broken, truncated, foreign, duplicate, tampered ...): exit 1, the
#      exact reason for every bad file, every good file counted or listed as superseded
#   3. the CSV outputs: BOM, the internal label, header, separator, decimal comma, quoting (read back
#      with Python's csv); no contact person or e-mail
#   4. the JSON outputs: counts, rows, change over time, every problem file listed (internal rows)
#   5. --keep-duplicates, --quiet, only good files -> exit 0
#   6. mf-generate: 300 files are all accepted (exit 0), the same with 1 and 2 threads and with
#      --full-import (also on tests/data/aggregate), and
#      scripts/aggregate_reference.py (an independent Python implementation) gives the same figures,
#      shows nothing under 5 and no minimum or maximum, for every year
#   7. the disclosure options: --min-group (3 shows groups of 3, below 3 refused), --year and
#      --compare-year, --lang, --with-contacts, the internal rows' file name, --date
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-aggregate"
GEN="$BUILD/mf-generate"
PY=/usr/bin/python3
DATA=tests/data/aggregate
Q=tests/data/scoring/example.json
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 1

# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
expect_line() { # expect_line TEXT LINE WHAT: LINE occurs as a whole line in TEXT
    checks=$((checks + 1))
    grep -qxF -- "$2" <<<"$1" || fail "$3: missing line
$2
in
$1"
}
expect_no() { checks=$((checks + 1)); ! grep -qF -- "$2" <<<"$1" || fail "$3: unexpected \"$2\""; }

[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }
[ -x "$GEN" ] || { echo "FAIL: $GEN not built"; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Usage and I/O errors
# ---------------------------------------------------------------------------------------------
run --help
expect_rc 0 "--help"
case "$out" in "Usage: mf-aggregate [options] FILE_OR_FOLDER..."*) ;; *) fail "--help text: $out" ;; esac
run
expect_rc 2 "no input"
expect_line "$err" "mf-aggregate: no result files or folders given" "no input message"
run --frobnicate "$DATA"
expect_rc 2 "unknown option"
expect_line "$err" "mf-aggregate: unknown option \"--frobnicate\"" "unknown option message"
run --separator "|" "$DATA"
expect_rc 2 "bad separator"
expect_line "$err" "mf-aggregate: --separator must be ';', ',' or 'tab', got \"|\"" "bad separator message"
run --questionnaire "$Q" "$DATA/no-such-folder"
expect_rc 2 "missing path"
expect_line "$err" "mf-aggregate: $DATA/no-such-folder: no such file or folder" "missing path message"
mkdir -p "$TMP/empty"
run --questionnaire "$Q" "$TMP/empty"
expect_rc 2 "empty folder"
expect_line "$err" "mf-aggregate: no *.json files found" "empty folder message"
# Which names a folder gives: *.json in any case, in sub-folders too (hidden ones included), not a
# name that is only ".json" (no extension), not ".json.bak" or ".jsonx"; sorted by path.
mkdir -p "$TMP/names/sub/.hidden"
for f in a.JSON .json ..json b.json.bak sub/c.Json notes.txt sub/.hidden/d.json x.jsonx; do echo x >"$TMP/names/$f"; done
run --questionnaire "$Q" --quiet "$TMP/names"
expect_rc 1 "names folder"
listed=$(sed -n 's/: invalid JSON at line 1, column 1.*//p' <<<"$err" | sed "s|^$TMP/names/||" | tr '\n' ' ')
[ "$listed" = "..json a.JSON sub/.hidden/d.json sub/c.Json " ] || fail "the folder's *.json files: got \"$listed\""
checks=$((checks + 1))
run --questionnaire "$TMP/nope.json" "$DATA"
expect_rc 2 "missing questionnaire"

# ---------------------------------------------------------------------------------------------
# 2. The bad-input folder: every bad file listed with its exact reason, every good one counted
# ---------------------------------------------------------------------------------------------
run --questionnaire "$Q" "$DATA" --rows-csv "$TMP/rows-intern.csv" --rows-json "$TMP/rows-intern.json" \
    --summary-csv "$TMP/summary.csv" --summary-json "$TMP/summary.json" --decimal-comma
expect_rc 1 "bad-input folder"
D=$DATA
while IFS= read -r line; do
    expect_line "$err" "$line" "per-file reason"
done <<EOF
$D/bad-cvr.json: /answers/cvr: the CVR number "12345678" is not valid (The check digit does not match – check for typing errors.); it must be corrected before the next export
$D/bom.json: the file starts with a byte order mark (EF BB BF); save it as UTF-8 without BOM
$D/broken.json: invalid JSON at line 4, column 3: syntax error while parsing object key - invalid literal; last read: '1,<U+000A>  o'; expected string literal
$D/empty.json: the file is empty
$D/foreign.json: the field "format" is missing
$D/newer-format.json: /formatVersion: formatVersion 3 is not supported; this app reads formatVersion 1 and 2 (the file was made by a newer app)
$D/no-checksum.json: the file has no checksum, so changes or damage cannot be detected
$D/old-version-other-themes.json: /scores: the result was made with questionnaire version 0.8.0 and its scores cannot be compared with version 1.0.0: it has no scores for "theme rekruttering"; it has scores for "theme rekrutering", which version 1.0.0 does not have
$D/questionnaire.json: /format: this is a questionnaire file, not a result file
$D/scores-edited.json: /scores: the scores in the file do not match its answers; the app shows the scores computed from the answers
$D/truncated.json: invalid JSON at line 33, column 1: syntax error while parsing object key - unexpected end of input; expected string literal
$D/old-version.json: /questionnaire/version: warning: the result was made with questionnaire version 0.9.0; this app has version 1.0.0: answers are carried over by question id (0 could not be)
$D/2025/good-sydhavn-2025.json: not counted: the same CVR number has a newer assessment in $D/good-sydhavn.json
$D/good-bispebjerg.json: not counted: the same file sent again (identical to $D/good-bispebjerg-copy.json)
EOF
checks=$((checks + 1))
grep -qE "^$D/tampered.json: /checksum: the checksum does not match the content: the file was changed or damaged after it was exported \(file says \"sha256:[0-9a-f]+\.\.\.\", content gives \"sha256:[0-9a-f]{64}\"\)$" <<<"$err" ||
    fail "tampered reason: $err"
# Nothing silently dropped: every .json file in the folder is in the summary, counted or named.
expect_line "$out" "files read: 19 (0.0 MB)" "files read"
expect_line "$out" "  accepted: 7 (counted 5, superseded by a newer assessment of the same CVR 2)" "accepted line"
expect_line "$out" "  rejected: 12" "rejected line"
expect_line "$out" "organisations counted: 5; with assessments from several years: 1" "organisations line"
for f in bad-cvr bom broken empty foreign newer-format no-checksum old-version-other-themes questionnaire scores-edited tampered truncated; do
    checks=$((checks + 1))
    grep -q "^    $D/$f.json: " <<<"$out" || fail "$f.json not in the rejected summary"
done
checks=$((checks + 1))
[ "$(find "$DATA" -name '*.json' | wc -l)" = 19 ] || fail "the folder should hold 19 .json files"

# ---------------------------------------------------------------------------------------------
# 3. CSV
# ---------------------------------------------------------------------------------------------
checks=$((checks + 1))
[ "$(head -c 3 "$TMP/rows-intern.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "rows-intern.csv has no UTF-8 BOM"
"$PY" - "$TMP/rows-intern.csv" "$TMP/summary.csv" >"$TMP/csvcheck" 2>&1 <<'EOF' || fail "CSV check: $(cat "$TMP/csvcheck")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
label, header, body = rows[0], rows[1], rows[2:]
assert label == ["INTERNAL – not for publication: one row per organisation with name, CVR number and results (Mangfoldighedstjek)"], label
assert header[:7] == ["cvr", "name", "sector", "sector_name", "employees", "size_band", "overall_pct"], header
assert "principle_deltagelse_pct" in header and "theme_rekruttering_pct" in header and "change_overall_pp" in header, header
assert "contact" not in header and "email" not in header, header
assert len(body) == 5, len(body)
assert all(len(r) == len(header) for r in body), [len(r) for r in body]
col = {name: i for i, name in enumerate(header)}
names = sorted(r[col["name"]] for r in body)
assert names == sorted(["Vanløse Omsorg & Co.", "Bispebjerg Ejendomsservice ApS", 'Københavns Rengøring A/S; afd. "Nord"',
                        "Sydhavn Omsorg", "Bispebjerg Café I/S"]), names
for r in body:
    assert "." not in r[col["overall_pct"]] and "," in r[col["overall_pct"]], r[col["overall_pct"]]  # decimal comma
    assert r[col["file"]].startswith("tests/data/aggregate/"), r[col["file"]]
    assert "@" not in ";".join(r), r  # no e-mail address anywhere
sydhavn = [r for r in body if r[col["name"]] == "Sydhavn Omsorg"][0]
assert sydhavn[col["first_file"]] == "tests/data/aggregate/2025/good-sydhavn-2025.json", sydhavn
assert sydhavn[col["change_overall_pp"]] != "", sydhavn
summary = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline=""), delimiter=";"))
assert summary[0][:9] == ["year", "dimension", "group", "group_name", "organisations", "part_kind", "part", "part_name", "n"], summary[0]
assert "min" not in summary[0] and "max" not in summary[0], summary[0]
assert all(len(r) == len(summary[0]) for r in summary), "ragged summary"
first = summary[1]
assert first[:9] == ["2026", "all", "all", "All organisations", "5", "overall", "overall", "", "5"], first
col = {name: i for i, name in enumerate(summary[0])}
# Both sectors are under 5 (3 and 2): bands, no figure.
for r in summary[1:]:
    if r[col["dimension"]] == "sector":
        assert r[col["organisations"]] in ("under 5", "hidden", ""), r
        assert r[col["mean"]] == r[col["median"]] == r[col["q1"]] == r[col["q3"]] == "", r
print("ok")
EOF
checks=$((checks + 1))
run --questionnaire "$Q" "$DATA" --separator , --no-bom --rows-csv "$TMP/comma-intern.csv"
head -c 40 "$TMP/comma-intern.csv" | grep -q "^\"INTERNAL" || fail "--separator , --no-bom: $(head -c 40 "$TMP/comma-intern.csv")"
checks=$((checks + 1))
grep -qF ',"Københavns Rengøring A/S; afd. ""Nord""",' "$TMP/comma-intern.csv" || fail "quoting with ',' separator"

# ---------------------------------------------------------------------------------------------
# 4. JSON
# ---------------------------------------------------------------------------------------------
"$PY" - "$TMP/rows-intern.json" "$TMP/summary.json" >"$TMP/jsoncheck" 2>&1 <<'EOF' || fail "JSON check: $(cat "$TMP/jsoncheck")"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
rows = json.loads(text)
summary = json.load(open(sys.argv[2], encoding="utf-8"))
assert text.split("\n")[1].startswith('  "classification": "INTERNAL'), text[:120]  # the label is the first member
assert rows["format"] == "mangfoldighedstjek/aggregate-rows" and len(rows["rows"]) == 5, rows
assert [r["cvr"] for r in rows["rows"]] == sorted(r["cvr"] for r in rows["rows"])
assert all("contact" not in r and "email" not in r for r in rows["rows"])
changed = [r for r in rows["rows"] if r["change"]]
assert len(changed) == 1 and changed[0]["change"]["firstFile"].endswith("2025/good-sydhavn-2025.json"), changed
assert rows["files"] == {"read": 19, "bytes": rows["files"]["bytes"], "accepted": 7, "rejected": 12, "superseded": 2, "counted": 5}, rows["files"]
problems = {p["file"].split("/")[-1]: p for p in rows["fileProblems"]}
rejected = sorted(k for k, p in problems.items() if p["status"] == "rejected")
assert rejected == sorted(["bad-cvr.json", "bom.json", "broken.json", "empty.json", "foreign.json", "newer-format.json", "no-checksum.json",
                           "old-version-other-themes.json", "questionnaire.json", "scores-edited.json", "tampered.json", "truncated.json"]), rejected
assert all(any(d["severity"] == "error" for d in problems[k]["problems"]) for k in rejected)
assert problems["good-bispebjerg.json"]["status"] == "superseded" and problems["good-bispebjerg.json"]["supersededBy"].endswith("good-bispebjerg-copy.json")
assert problems["good-bispebjerg.json"]["sameFile"] is True  # an identical copy: sent again, not newer
assert "sameFile" not in problems["good-sydhavn-2025.json"]  # an earlier year: a newer assessment
assert problems["old-version.json"]["status"] == "counted" and problems["old-version.json"]["problems"][0]["severity"] == "warning"
# The published summary: no file names, no CVR numbers, no names.
assert summary["format"] == "mangfoldighedstjek/aggregate" and summary["formatVersion"] == 2, summary["format"]
assert summary["files"] == {"read": 19, "bytes": summary["files"]["bytes"], "accepted": 7, "rejected": 12}, summary["files"]
published = json.dumps(summary, ensure_ascii=False)
for r in rows["rows"]:
    assert r["cvr"] not in published and r["name"] not in published and r["file"] not in published, r["name"]
assert summary["years"] == [2025, 2026] and summary["year"] == 2026 and summary["organisations"] == 5
overall = summary["groups"][0]["parts"][0]
assert summary["groups"][0]["group"] == "all" and overall["id"] == "overall" and overall["n"] == 5, overall
assert "min" not in overall and "max" not in overall
assert summary["change"]["fromYear"] == 2025 and summary["change"]["organisations"] == {"under": 5}, summary["change"]
print("ok")
EOF
checks=$((checks + 1))

# ---------------------------------------------------------------------------------------------
# 5. --keep-duplicates, --quiet, only good files
# ---------------------------------------------------------------------------------------------
run --questionnaire "$Q" "$DATA" --keep-duplicates --quiet --rows-csv "$TMP/all-intern.csv"
expect_rc 1 "--keep-duplicates"
expect_line "$out" "  accepted: 7 (counted 7, superseded by a newer assessment of the same CVR 0) [--keep-duplicates]" "keep duplicates counts"
checks=$((checks + 1))
[ "$(grep -c $'\r$' "$TMP/all-intern.csv")" = 9 ] || fail "--keep-duplicates: expected the label, the header and 7 rows"
expect_no "$err" "warning:" "--quiet hides warnings"
expect_no "$err" "not counted" "--quiet hides superseded files"
expect_line "$err" "$D/empty.json: the file is empty" "--quiet keeps reasons"
run --questionnaire "$Q" "$DATA"/good-*.json "$DATA/2025" "$DATA/old-version.json"
expect_rc 0 "only good files"
expect_line "$out" "  rejected: 0" "only good files: nothing rejected"

# ---------------------------------------------------------------------------------------------
# 6. Generated files: all valid, thread count does not change a byte, Python agrees
# ---------------------------------------------------------------------------------------------
"$GEN" --count 300 --out "$TMP/gen" --seed 11 >"$TMP/genout" 2>&1 || fail "mf-generate: $(cat "$TMP/genout")"
checks=$((checks + 1))
[ "$(find "$TMP/gen" -name '*.json' | wc -l)" = 300 ] || fail "mf-generate did not write 300 files"
run "$TMP/gen" --threads 1 --summary-json "$TMP/g1.json" --rows-csv "$TMP/g1-intern.csv"
expect_rc 0 "generated files are all accepted"
run "$TMP/gen" --threads 2 --summary-json "$TMP/g2.json" --rows-csv "$TMP/g2-intern.csv"
expect_rc 0 "generated files, 2 threads"
checks=$((checks + 1))
cmp -s "$TMP/g1.json" "$TMP/g2.json" && cmp -s "$TMP/g1-intern.csv" "$TMP/g2-intern.csv" || fail "output depends on --threads"
# The fast path for well-formed files changes no byte: the full import alone writes the same, here and
# on the folder of broken and tampered files (every reason on standard error included).
run "$TMP/gen" --threads 1 --full-import --summary-json "$TMP/gf.json" --rows-csv "$TMP/gf-intern.csv" --rows-json "$TMP/gf-intern.json"
expect_rc 0 "generated files, full import only"
run "$TMP/gen" --threads 1 --summary-json "$TMP/gq.json" --rows-csv "$TMP/gq-intern.csv" --rows-json "$TMP/gq-intern.json"
checks=$((checks + 1))
cmp -s "$TMP/gf.json" "$TMP/gq.json" && cmp -s "$TMP/gf-intern.csv" "$TMP/gq-intern.csv" && cmp -s "$TMP/gf-intern.json" "$TMP/gq-intern.json" ||
    fail "--full-import changes the output"
"$BIN" --questionnaire "$Q" --full-import --rows-json "$TMP/df-intern.json" "$DATA" >"$TMP/df.out" 2>"$TMP/df.err"
"$BIN" --questionnaire "$Q" --rows-json "$TMP/dq-intern.json" "$DATA" >"$TMP/dq.out" 2>"$TMP/dq.err"
checks=$((checks + 1))
cmp -s "$TMP/df-intern.json" "$TMP/dq-intern.json" && cmp -s "$TMP/df.out" "$TMP/dq.out" && cmp -s "$TMP/df.err" "$TMP/dq.err" ||
    fail "--full-import changes the output on $DATA"
checks=$((checks + 1))
"$PY" scripts/aggregate_reference.py --questionnaire questionnaires/aktoersporet.json --compare "$TMP/g1.json" "$TMP/gen" >"$TMP/ref" 2>&1 ||
    fail "reference comparison: $(cat "$TMP/ref")"
for year in 2024 2025; do
    run "$TMP/gen" --year "$year" --summary-json "$TMP/g-$year.json"
    checks=$((checks + 1))
    "$PY" scripts/aggregate_reference.py --questionnaire questionnaires/aktoersporet.json --compare "$TMP/g-$year.json" "$TMP/gen" >"$TMP/ref" 2>&1 ||
        fail "reference comparison $year: $(cat "$TMP/ref")"
done
"$GEN" --count 300 --out "$TMP/gen2" --seed 11 >/dev/null 2>&1
checks=$((checks + 1))
diff -r "$TMP/gen" "$TMP/gen2" >/dev/null || fail "mf-generate is not deterministic for a seed"

# ---------------------------------------------------------------------------------------------
# 7. Disclosure options
# ---------------------------------------------------------------------------------------------
run "$TMP/gen" --min-group 2
expect_rc 2 "--min-group 2"
expect_line "$err" 'mf-aggregate: --min-group expects a number from 3 to 1000, got "2"' "--min-group below 3 is refused"
run "$TMP/gen" --min-group many
expect_rc 2 "--min-group many"
# k = 3 shows groups of 3 and 4 that k = 5 hides; the reference checks the rule for k = 3 too.
run "$TMP/gen" --min-group 3 --summary-json "$TMP/k3.json"
expect_rc 0 "--min-group 3"
checks=$((checks + 1))
"$PY" scripts/aggregate_reference.py --questionnaire questionnaires/aktoersporet.json --compare "$TMP/k3.json" "$TMP/gen" >"$TMP/ref" 2>&1 ||
    fail "reference comparison with --min-group 3: $(cat "$TMP/ref")"
checks=$((checks + 1))
"$PY" - "$TMP/k3.json" "$TMP/g1.json" <<'EOF' >"$TMP/k3check" 2>&1 || fail "--min-group 3: $(cat "$TMP/k3check")"
import json, sys
k3, k5 = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert k3["disclosure"]["minGroup"] == 3 and k5["disclosure"]["minGroup"] == 5
cells = lambda s: [c["organisations"] for c in s["sectorBySize"]]
assert [c for c in cells(k3) if isinstance(c, int) and 3 <= c < 5], "no cell of 3 or 4 shown with --min-group 3"
assert not [c for c in cells(k5) if isinstance(c, int) and 0 < c < 5], "a cell under 5 shown with the default"
assert {"under": 5} in cells(k5) and {"under": 5} not in cells(k3)
print("ok")
EOF
run "$TMP/gen" --year 2019
expect_rc 2 "--year without organisations"
expect_line "$err" "mf-aggregate: no organisation has an assessment (with an overall score) from 2019; the files hold 2024, 2025, 2026" "--year message"
run "$TMP/gen" --year 2025 --compare-year 2025
expect_rc 2 "--compare-year not before --year"
expect_line "$err" "mf-aggregate: the year to compare with (2025) must be before the year of the figures (2025)" "--compare-year message"
run "$TMP/gen" --year 2026 --compare-year 2024 --summary-json "$TMP/y.json"
expect_rc 0 "--year 2026 --compare-year 2024"
checks=$((checks + 1))
"$PY" -c "import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if (s['year'], s['change']['fromYear'], s['change']['toYear']) == (2026, 2024, 2026) else 1)" "$TMP/y.json" ||
    fail "--compare-year 2024: $(head -c 300 "$TMP/y.json")"
run "$TMP/gen" --lang fr
expect_rc 2 "--lang fr"
expect_line "$err" 'mf-aggregate: --lang must be da or en, got "fr"' "--lang message"
run "$TMP/gen" --date 2026-02-30
expect_rc 2 "--date 2026-02-30"
expect_line "$err" 'mf-aggregate: --date: "2026-02-30" is not a date of the form YYYY-MM-DD' "--date message"
# The per-organisation rows are internal: a name without "intern" is refused, nothing is written.
run "$TMP/gen" --rows-csv "$TMP/organisations.csv"
expect_rc 2 "rows without intern in the name"
expect_line "$err" "mf-aggregate: --rows-csv writes one row per organisation, which must not be published: its file name must contain \"intern\" (for example organisationer-intern.csv), got \"$TMP/organisations.csv\"" "the internal name message"
checks=$((checks + 1))
[ ! -e "$TMP/organisations.csv" ] || fail "rows were written to a file not named internal"
run "$TMP/gen" --rows-json "$TMP/x.json"
expect_rc 2 "rows JSON without intern in the name"
run "$TMP/gen" --rows-csv "$TMP/Organisationer-INTERN.csv"
expect_rc 0 "INTERN in capitals"
# --with-contacts: the contact person and e-mail columns; without it no e-mail address anywhere.
run "$TMP/gen" --rows-csv "$TMP/plain-intern.csv" --rows-json "$TMP/plain-intern.json" --summary-csv "$TMP/plain-summary.csv"
checks=$((checks + 1))
! grep -q "@" "$TMP/plain-intern.csv" "$TMP/plain-intern.json" "$TMP/plain-summary.csv" || fail "an e-mail address without --with-contacts"
run "$TMP/gen" --with-contacts --rows-csv "$TMP/contacts-intern.csv" --rows-json "$TMP/contacts-intern.json"
expect_rc 0 "--with-contacts"
checks=$((checks + 1))
"$PY" - "$TMP/contacts-intern.csv" "$TMP/contacts-intern.json" "$TMP/gen" <<'EOF' >"$TMP/contacts" 2>&1 || fail "--with-contacts: $(cat "$TMP/contacts")"
import csv, glob, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
header, body = rows[1], rows[2:]
assert "contact" in header and "email" in header, header
emails = {r[header.index("email")] for r in body if r[header.index("email")]}
sent = set()
for f in glob.glob(sys.argv[3] + "/**/*.json", recursive=True):
    a = json.load(open(f))["answers"]
    if a.get("contact_email"): sent.add(a["contact_email"])
assert emails and emails <= sent, (len(emails), len(sent))
j = json.load(open(sys.argv[2]))
assert any(r.get("email") for r in j["rows"]) and all("contact" in r for r in j["rows"])
print("ok")
EOF
# --lang: English by default (headers are the columns' ids, docs/aggregation.md section 7); --lang da
# gives Danish headers, label and texts, the same columns in the same order.
run "$TMP/gen" --lang en --summary-csv "$TMP/en.csv" --rows-csv "$TMP/en-intern.csv"
checks=$((checks + 1))
cmp -s "$TMP/en.csv" "$TMP/plain-summary.csv" && cmp -s "$TMP/en-intern.csv" "$TMP/plain-intern.csv" ||
    fail "--lang en is not the default"
run "$TMP/gen" --lang da --summary-csv "$TMP/da.csv" --rows-csv "$TMP/da-intern.csv" --with-contacts
expect_rc 0 "--lang da"
run "$TMP/gen" --summary-csv "$TMP/en.csv" --rows-csv "$TMP/en-intern.csv" --with-contacts
checks=$((checks + 1))
"$PY" - "$TMP/en.csv" "$TMP/en-intern.csv" "$TMP/da.csv" "$TMP/da-intern.csv" "$SRC/docs/aggregation.md" >"$TMP/lang" 2>&1 <<'EOF' || fail "--lang: $(cat "$TMP/lang")"
import csv, re, sys
read = lambda p: list(csv.reader(open(p, encoding="utf-8-sig", newline=""), delimiter=";"))
en, en_rows, da, da_rows = (read(p) for p in sys.argv[1:5])
doc = open(sys.argv[5], encoding="utf-8").read()
# English: the ids; Danish: the documented Danish header of each id, column for column.
table = dict(re.findall(r"^\| `([a-z0-9_<>]+)` \| `([^`]+)` \|", doc.split("### CSV headers")[1].split("\n## ")[0], re.M))
assert len(table) > 40, table
def danish(header):
    for id_, da_ in table.items():
        m = re.match("^" + re.escape(id_).replace(re.escape("<id>"), "([a-z0-9_]+)") + "$", header)
        if m: return da_.replace("<id>", m.group(1)) if m.groups() else da_
    raise AssertionError("column %r is not in docs/aggregation.md's CSV headers table" % header)
assert en_rows[0][0].startswith("INTERNAL – not for publication") and da_rows[0][0].startswith("INTERNT – må ikke offentliggøres"), (en_rows[0], da_rows[0])
assert en[0][:5] == ["year", "dimension", "group", "group_name", "organisations"], en[0]
assert en_rows[1][:3] == ["cvr", "name", "sector"] and "email" in en_rows[1], en_rows[1]
assert da[0][:5] == ["år", "dimension", "gruppe", "gruppenavn", "organisationer"], da[0]
assert da_rows[1][:3] == ["cvr", "navn", "branche"] and "email" in da_rows[1], da_rows[1]
for e, d in ((en[0], da[0]), (en_rows[1], da_rows[1])):
    assert len(e) == len(d), (len(e), len(d))
    assert [danish(h) for h in e] == d, [(h, danish(h), x) for h, x in zip(e, d) if danish(h) != x]
assert ";".join(en[1]).startswith("2026;all;all;All organisations;") and ";".join(da[1]).startswith("2026;all;all;Alle organisationer;"), (en[1], da[1])
assert len(en) == len(da) and len(en_rows) == len(da_rows)
print("ok: %d + %d columns" % (len(en[0]), len(en_rows[1])))
EOF
echo "aggregate.test.sh: $checks checks, $failures failures"
[ "$failures" = 0 ]
