#!/usr/bin/env bash
# barometer.test.sh - mf-aggregate --barometer and --benchmark end to end: result files -> the
# barometer (HTML -> A4 PDF in Debian's Chromium -> text) and the benchmark (JSON -> its schema).
#
#   bash tests/cli/barometer.test.sh <native-build-dir> <source-dir>
#
# Index
#   1. a generated set of 600 files (about 450 organisations over three years), plus one organisation
#      whose name and questionnaire version are HTML
#   2. the Danish barometer: written, no script, the HTML name nowhere (escaped or not), no
#      organisation name or CVR number at all, the version escaped; printed to a sane number of A4
#      pages without asking for anything outside itself; axe-core finds no WCAG 2.1 A/AA violation;
#      the PDF's text (pdftotext) holds the headings, the year's figures as the summary has them, and
#      "færre end 5"; pages rendered to test-output/barometer-da-page-N.png to look at
#   3. the English barometer: English texts, decimal points, no Danish fixed text; pages to
#      test-output/barometer-en-page-N.png
#   4. the municipality fixtures and the generated set: in the barometer's group tables no figure
#      and no number for a group the reference counts under 5 (and the same for --min-group 3)
#   5. the benchmark: valid under questionnaires/schema/benchmark.schema.json (Python jsonschema and
#      ajv, through schema_check.sh), its counts and quartiles those of the summary, nothing under 5,
#      no minimum, maximum or mean; broken benchmarks are invalid
set -uo pipefail
BUILD="$(cd "$1" && pwd)"; SRC="$(cd "$2" && pwd)"
TOOL="$BUILD/mf-aggregate"
GEN="$BUILD/mf-generate"
PY=/usr/bin/python3
Q="$SRC/questionnaires/aktoersporet.json"
OUT="$SRC/test-output"; mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
need_tools pdftotext pdfinfo pdftoppm node
cd "$SRC" || exit 1

# --- 1. The files -----------------------------------------------------------------------------------
"$GEN" --count 600 --seed 17 --out "$TMP/gen" >/dev/null 2>&1 || { echo "FAIL mf-generate"; exit 1; }
"$PY" - "$TMP/gen" "$TMP/gen/html-name.json" <<'PY' || { echo "FAIL making the HTML-named file"; exit 1; }
import glob, hashlib, json, sys
# An organisation named <script>..., its file made with a questionnaire "version" that is HTML too
# (accepted: the same principles and themes); the checksum recomputed as docs/result-format.md says.
src = sorted(glob.glob(sys.argv[1] + "/2026/*.json"))[0]
doc = json.load(open(src, encoding="utf-8"))
doc["answers"]["org_name"] = '<script>alert("x")</script> & <b>Co</b>'
doc["organisation"]["name"] = doc["answers"]["org_name"]
doc["answers"]["cvr"] = doc["organisation"]["cvr"] = "13748136"
doc["questionnaire"]["version"] = '<img src=x onerror=alert(1)>'
content = {k: v for k, v in doc.items() if k != "checksum"}
canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
doc["checksum"] = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
"$TOOL" "$TMP/gen" --quiet --lang da --date 2026-11-26 --barometer "$TMP/da.html" --summary-json "$TMP/summary.json" \
  --rows-json "$TMP/rows-intern.json" --benchmark "$TMP/benchmark.json" >"$TMP/o" 2>"$TMP/e"; rc=$?
check '[ $rc -eq 0 ]' "the barometer, summary and benchmark of 601 files written ($rc $(head -c 300 "$TMP/e"))"
check 'grep -q "\"name\": \"<script>" "$TMP/rows-intern.json"' "the HTML-named organisation is counted (internal rows)"

# --- 2. Danish ----------------------------------------------------------------------------------------
check '! grep -qi "<script" "$TMP/da.html"' "no <script element in the page"
check 'grep -qF "&lt;img src=x onerror=alert(1)&gt;" "$TMP/da.html"' "the questionnaire version that is HTML is listed, escaped"
check '! grep -qF "<img" "$TMP/da.html"' "no <img element in the page"
"$PY" - "$TMP/rows-intern.json" "$TMP/da.html" >"$TMP/names" 2>&1 <<'PY'
import html, json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))["rows"]
page = open(sys.argv[2], encoding="utf-8").read()
text = html.unescape(page)
found = [r["name"] for r in rows if r["name"] and (r["name"] in text or html.escape(r["name"]) in page)]
found += [r["cvr"] for r in rows if r["cvr"] in page]
print(len(rows), "organisations;", "found:", found[:5])
sys.exit(1 if found else 0)
PY
check '[ $? -eq 0 ]' "no organisation's name or CVR number in the barometer ($(cat "$TMP/names"))"
check_printed "$TMP/da.html" "$TMP/da.pdf" 5 20 "the Danish barometer"
pdftotext "$TMP/da.pdf" - | tr -s ' \n' '  ' >"$TMP/da.txt"
read -r year mean median orgs < <("$PY" - "$TMP/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
o = s["groups"][0]["parts"][0]
num = lambda x: str(x).replace(".", ",") if x != int(x) else str(int(x))
print(s["year"], num(o["mean"]), num(o["median"]), s["organisations"])
PY
)
has() { grep -qF -- "$1" "$TMP/da.txt"; }
check 'has "Mangfoldighedsbarometer $year"' "the title with the year ($year)"
check 'has "$mean %" && has "$median %" && has "$orgs"' "the year's mean ($mean %), median ($median %) and organisations ($orgs) as text"
for heading in "Udviklingen år for år" "Principper og temaer i $year" "Udvikling for de samme organisationer" "Efter sektor i $year" \
  "Efter størrelse i $year" "Sektor og størrelse i $year" "Indikatorer" "Metode" "færre end 5" "Forskellighed er en styrke"; do
  check 'has "$heading"' "the PDF says \"$heading\""
done
check '! grep -qiE "minimum|maksimum|største værdi:" "$TMP/da.txt"' "no minimum or maximum"
rm -f "$OUT"/barometer-da-page-*.png "$OUT"/barometer-en-page-*.png
pdftoppm -r 60 -png "$TMP/da.pdf" "$OUT/barometer-da-page"
cp "$TMP/da.html" "$OUT/barometer-da.html"

# --- 3. English ---------------------------------------------------------------------------------------
"$TOOL" "$TMP/gen" --quiet --date 2026-11-26 --lang en --barometer "$TMP/en.html" >/dev/null 2>&1; rc=$?
check '[ $rc -eq 0 ]' "English barometer written ($rc)"
check_printed "$TMP/en.html" "$TMP/en.pdf" 5 20 "the English barometer"
pdftotext "$TMP/en.pdf" - | tr -s ' \n' '  ' >"$TMP/en.txt"
en_mean=$(printf %s "$mean" | tr , .)
check 'grep -qF "Diversity barometer $year" "$TMP/en.txt" && grep -qF "Method" "$TMP/en.txt" && grep -qF "under 5" "$TMP/en.txt" && grep -qF "Diversity is a strength" "$TMP/en.txt"' "English texts in the PDF"
check 'grep -qF "$en_mean %" "$TMP/en.txt"' "the mean with a decimal point ($en_mean %)"
check '! grep -qE "Metode|færre end|Udviklingen" "$TMP/en.txt"' "no Danish fixed text in the English barometer"
pdftoppm -r 60 -png "$TMP/en.pdf" "$OUT/barometer-en-page"
cp "$TMP/en.html" "$OUT/barometer-en.html"
echo "     page images: $OUT/barometer-{da,en}-page-*.png"

# --- 4. No figure for a group under 5 in the barometer's tables ---------------------------------------
# Each group table row (sector, size band) and each sector x size cell against the organisations the
# reference counts in that group: a number or a figure only for 5 (k) or more.
cat >"$TMP/groups.py" <<'PY'
import glob, html.parser, json, os, re, sys
sys.path.insert(0, os.path.join(sys.argv[1], "scripts"))
import aggregate_reference as ref
page_path, k, year, inputs = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
q = json.load(open(os.path.join(sys.argv[1], "questionnaires/aktoersporet.json"), encoding="utf-8"))

class Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tables = []; self.cell = None; self.row = None; self.caption = None
    def handle_starttag(self, tag, attrs):
        if tag == "table": self.tables.append({"caption": "", "rows": []})
        elif tag == "caption": self.caption = ""
        elif tag == "tr": self.row = []
        elif tag in ("td", "th") and self.row is not None: self.cell = ""
        elif tag == "br" and self.cell is not None: self.cell += " "
    def handle_endtag(self, tag):
        if tag == "caption": self.tables[-1]["caption"] = self.caption; self.caption = None
        elif tag in ("td", "th") and self.cell is not None: self.row.append(" ".join(self.cell.split())); self.cell = None
        elif tag == "tr" and self.row is not None: self.tables[-1]["rows"].append(self.row); self.row = None
    def handle_data(self, data):
        if self.caption is not None: self.caption += data
        if self.cell is not None: self.cell += data

t = Tables(); t.feed(open(page_path, encoding="utf-8").read())
files = []
for i in inputs:
    files += sorted(glob.glob(i + "/**/*.json", recursive=True)) if os.path.isdir(i) else [i]
rows = []
for f in files:
    try:
        doc = json.load(open(f, encoding="utf-8"))
        if doc.get("format") != "mangfoldighedstjek/result" or doc.get("checksum") != ref.canonical_checksum(doc): continue
        a, s = doc["answers"], doc["scores"]
        rows.append({"file": f, "cvr": a["cvr"].replace(" ", ""), "updated": doc["updated"], "created": doc["created"], "answers": a,
                     "sector": a.get("sector") or "unknown", "size": ref.size_band(a.get("employees")), "overall": s["overall"],
                     "principles": [], "themes": []})
    except (ValueError, KeyError, TypeError):
        pass
members = ref.year_rows(rows).get(year, [])
sector_name = {o["text"]["da"]: o["id"] for p in q["profile"] if p.get("role") == "sector" for o in p["options"]}
sector_name["Ikke oplyst"] = "unknown"
problems, looked = [], 0
number = re.compile(r"^[0-9]+$")
def figure_like(cell): return bool(re.search(r"[0-9] %|^[0-9]+$", cell)) and cell != "0"
for table in t.tables:
    cap = table["caption"]
    if cap.startswith("Resultater efter sektor") or cap.startswith("Resultater efter antal medarbejdere"):
        by_sector = cap.startswith("Resultater efter sektor")
        for r in table["rows"][1:]:
            name = r[0]
            if by_sector:
                gid = sector_name[name]
                n = sum(1 for m in members if (m["sector"] if m["sector"] in sector_name.values() else "unknown") == gid)
            else:
                band = name.split(" ")[0] if name != "Ikke oplyst" else "unknown"
                n = sum(1 for m in members if m["size"] == band)
            looked += 1
            if 0 < n < k and any(figure_like(c) for c in r[1:]):
                problems.append("%s (%d organisations): %s" % (name, n, r[1:]))
            if number.match(r[1]) and int(r[1]) != n:
                problems.append("%s: %s shown, %d counted" % (name, r[1], n))
    if cap.startswith("Gennemsnitligt samlet resultat efter sektor og størrelse"):
        bands = [c.split(" ")[0] if c != "Ikke oplyst" else "unknown" for c in table["rows"][0][1:]]
        for r in table["rows"][1:]:
            gid = sector_name[r[0]]
            for band, cell in zip(bands, r[1:]):
                n = sum(1 for m in members if (m["sector"] if m["sector"] in sector_name.values() else "unknown") == gid and m["size"] == band)
                looked += 1
                shown = re.search(r"n = ([0-9]+)", cell)
                if 0 < n < k and (shown or figure_like(cell)):
                    problems.append("%s x %s (%d organisations): %s" % (r[0], band, n, cell))
                if shown and int(shown.group(1)) != n:
                    problems.append("%s x %s: n = %s shown, %d counted" % (r[0], band, shown.group(1), n))
print("%d groups and cells looked at in %d; %d problems %s" % (looked, year, len(problems), problems[:4]))
sys.exit(1 if problems or looked < 20 else 0)
PY
for set in generated fixtures; do
  if [ "$set" = generated ]; then inputs=("$TMP/gen"); else inputs=("$SRC"/tests/data/municipality/*.json); fi
  for k in 5 3; do
    "$TOOL" "${inputs[@]}" --quiet --lang da --min-group "$k" --date 2026-11-26 --barometer "$TMP/k.html" >/dev/null 2>&1
    "$PY" "$TMP/groups.py" "$SRC" "$TMP/k.html" "$k" 2026 "${inputs[@]}" >"$TMP/groups" 2>&1; rc=$?
    check '[ $rc -eq 0 ]' "$set, --min-group $k: no number or figure for a group under $k in the barometer ($(cat "$TMP/groups"))"
  done
done

# --- 5. The benchmark -----------------------------------------------------------------------------------
"$PY" - "$SRC/questionnaires/schema/benchmark.schema.json" "$TMP/benchmark.json" "$TMP/summary.json" "$TMP" >"$TMP/bm" 2>&1 <<'PY'
import copy, json, sys
import jsonschema
schema = json.load(open(sys.argv[1])); bm = json.load(open(sys.argv[2])); summary = json.load(open(sys.argv[3])); tmp = sys.argv[4]
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
errors = list(v.iter_errors(bm))
assert not errors, errors[0].message
assert bm["format"] == "mangfoldighedstjek/benchmark" and bm["formatVersion"] == 1 and bm["minGroup"] == 5 and bm["created"] == "2026-11-26"
assert [y["year"] for y in bm["years"]] == summary["years"], ([y["year"] for y in bm["years"]], summary["years"])
k = bm["minGroup"]
def walk(x):
    if isinstance(x, dict):
        assert not ({"min", "max", "mean"} & set(x)), sorted(x)
        for key, value in x.items():
            if key in ("organisations", "n") or isinstance(value, (int, dict)) and key not in ("parts", "levels"):
                pass
            walk(value)
    elif isinstance(x, list):
        for y in x: walk(y)
walk(bm)
# Every count shown is 0 or at least k; every quartile has n >= k; the latest year equals the summary.
for y in bm["years"]:
    for g in y["groups"]:
        counts = [g["organisations"]] + [p["n"] for p in g["parts"]] + [c for p in g["parts"] for c in p["levels"].values()]
        assert all(c is None or c == {"under": k} or c == 0 or c >= k for c in counts), (y["year"], g["group"], counts)
        for p in g["parts"]:
            if p["median"] is not None:
                assert isinstance(p["n"], int) and p["n"] >= k, p
latest = bm["years"][-1]["groups"]
for g, h in zip(latest, summary["groups"]):
    assert (g["dimension"], g["group"], g["organisations"]) == (h["dimension"], h["group"], h["organisations"]), (g["group"], h["group"])
    for p, r in zip(g["parts"], h["parts"]):
        assert all(p[key] == r[key] for key in ("n", "q1", "median", "q3", "levels")), (g["group"], p["id"])
# Broken ones are invalid: a count under k as a number is still a count to the schema, but a
# minimum, a band under 3, a percentage above 100 and a missing year are not.
for name, edit in [("min", lambda d: d["years"][0]["groups"][0]["parts"][0].__setitem__("min", 3.0)),
                   ("band", lambda d: d["years"][0]["groups"][0]["parts"][0].__setitem__("n", {"under": 2})),
                   ("percent", lambda d: d["years"][0]["groups"][0]["parts"][0].__setitem__("median", 140)),
                   ("year", lambda d: d["years"][0].pop("year"))]:
    broken = copy.deepcopy(bm); edit(broken)
    assert list(v.iter_errors(broken)), name + " accepted"
    json.dump(broken, open("%s/broken-%s.json" % (tmp, name), "w"))
print("valid; %d years, %d groups in the latest" % (len(bm["years"]), len(latest)))
PY
check '[ $? -eq 0 ]' "the benchmark: Python jsonschema accepts it, it agrees with the summary, nothing under 5, broken ones rejected ($(cat "$TMP/bm"))"
verdicts=$(bash "$SRC/tests/cli/schema_check.sh" "$SRC/questionnaires/schema/benchmark.schema.json" "$TMP/benchmark.json" \
    "$TMP/broken-min.json" "$TMP/broken-band.json" "$TMP/broken-percent.json" "$TMP/broken-year.json" 2>&1)
check '[ "$verdicts" = "$TMP/benchmark.json valid
$TMP/broken-min.json invalid
$TMP/broken-band.json invalid
$TMP/broken-percent.json invalid
$TMP/broken-year.json invalid" ]' "the benchmark valid and the broken ones invalid under both validators (schema_check.sh): $verdicts"

echo
echo "barometer: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
