#!/usr/bin/env bash
# calendar.test.sh - mf-calendar's .ics read back by a real iCalendar parser (Debian's
# python3-icalendar, installed by emsdk-setup.sh), not only compared as text.
#
# Usage (ctest does this): bash calendar.test.sh <native-build-dir> <source-dir>
#
#   1. usage: no --out, an unknown language, a bad --stamp (exit 2)
#   2. the report's year-2 file, the good result and the format-1 exports (a workshop bundle among
#      them): exit 0; the parser finds one all-day event per focus area with a follow-up date (an
#      organisation given twice counts once, from its newest file), on the right day, with the goal,
#      the indicator and who is responsible in the description, a reminder a week before at 09:00,
#      a UID of CVR number and focus; every line at most 75 octets, CRLF, valid UTF-8
#   3. exported again after a change: the same UIDs, a higher SEQUENCE (calendars update the events)
#   4. English texts; a broken file among good ones: exit 1, the good ones are still written
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
BIN="$BUILD/mf-calendar"
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$SRC/tests/cli/cli_lib.sh"
[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }
"$PY" -c "import icalendar" 2>/dev/null || { echo "FAIL: python3-icalendar is missing (run emsdk-setup.sh)"; exit 1; }
cd "$SRC" || exit 1
STAMP=2026-11-30T12:00:00Z
FILES="tests/data/report/result-da.json tests/data/results/good/result.json tests/data/results/format1/mangfoldighedstjek-bageriet-nord-aps-2025-11-20.json tests/data/results/format1/mangfoldighedstjek-copenhagen-consulting-hub-i-s-2026-02-10.json tests/data/results/format1/mangfoldighedstjek-workshop-2026-03-05.json"

# 1. Usage
run tests/data/report/result-da.json
expect_rc 2 "no --out"
run --out "$TMP/x.ics" --lang de tests/data/report/result-da.json
expect_rc 2 "an unknown language"
run --out "$TMP/x.ics" --stamp 2026-11-30 tests/data/report/result-da.json
expect_rc 2 "a --stamp that is no time"

# 2. The files, read back by the parser.
# shellcheck disable=SC2086
run --out "$TMP/da.ics" --stamp "$STAMP" $FILES
expect_rc 0 "five files, one a bundle ($err)"
checks=$((checks + 1))
# shellcheck disable=SC2086
"$PY" - "$TMP/da.ics" da $FILES <<'PY' || fail "the Danish calendar (see above)"
import datetime, json, sys
import icalendar

path, lang, files = sys.argv[1], sys.argv[2], sys.argv[3:]
raw = open(path, "rb").read()
problems = []
text = raw.decode("utf-8")  # raises on invalid UTF-8
lines = raw.split(b"\r\n")
if lines[-1] != b"" or b"\n" in b"".join(l for l in lines) :
    problems.append("lines must end with CRLF and only CRLF")
longest = max(len(l) for l in lines)
if longest > 75:
    problems.append("a line of %d octets" % longest)
if not any(l.startswith(b" ") for l in lines):
    problems.append("nothing was folded: the test does not test folding")

# What the files say, independently of the C++ code: per CVR the newest assessment's focus areas.
results = []
for f in files:
    d = json.load(open(f, encoding="utf-8"))
    results += [m["result"] for m in d["results"]] if d["format"] == "mangfoldighedstjek/bundle" else [d]
newest = {}
for r in results:
    cvr = r["organisation"]["cvr"]
    if cvr not in newest or r["updated"] > newest[cvr]["updated"]:
        newest[cvr] = r
expected = {}
for cvr, r in newest.items():
    for a in r["actionPlan"]:
        expected["%s-%s@mangfoldighedstjek.kk.dk" % (cvr, a["focus"])] = (r, a)

cal = icalendar.Calendar.from_ical(raw)
if cal.get("VERSION") != "2.0" or not cal.get("PRODID"):
    problems.append("VERSION 2.0 and a PRODID are required")
events = [c for c in cal.walk() if c.name == "VEVENT"]
uids = [str(e.get("UID")) for e in events]
if sorted(uids) != sorted(expected) or len(set(uids)) != len(uids):
    problems.append("UIDs: got %s, expected %s" % (sorted(uids), sorted(expected)))
minutes = lambda ts: int((datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ") - datetime.datetime(2000, 1, 1)).total_seconds() // 60)
for e in events:
    uid = str(e.get("UID"))
    if uid not in expected:
        continue
    r, a = expected[uid]
    start, end = e.decoded("DTSTART"), e.decoded("DTEND")
    day = datetime.date.fromisoformat(a["followUp"])
    if type(start) is not datetime.date or start != day or end != day + datetime.timedelta(days=1):
        problems.append("%s: all-day event %s..%s, expected %s" % (uid, start, end, day))
    if e.decoded("DTSTAMP") != datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.timezone.utc):
        problems.append("%s: DTSTAMP %s" % (uid, e.decoded("DTSTAMP")))
    if int(e.get("SEQUENCE")) != minutes(r["updated"]):
        problems.append("%s: SEQUENCE %s, expected %d" % (uid, e.get("SEQUENCE"), minutes(r["updated"])))
    description, summary = str(e.get("DESCRIPTION")), str(e.get("SUMMARY"))
    wanted = [a["goal"], a["responsible"]]
    if a.get("indicator"):
        wanted.append(a["indicator"]["measure"])
    for w in wanted:
        if w not in description:
            problems.append("%s: %r is not in the description %r" % (uid, w, description))
    if r["organisation"]["name"] not in summary or not summary.startswith("Opfølgning: " if lang == "da" else "Follow-up: "):
        problems.append("%s: summary %r" % (uid, summary))
    alarms = [c for c in e.walk() if c.name == "VALARM"]
    if len(alarms) != 1 or alarms[0].decoded("TRIGGER") != -datetime.timedelta(days=6, hours=15) or str(alarms[0].get("ACTION")) != "DISPLAY":
        problems.append("%s: one display alarm a week before at 09:00 expected" % uid)
if len(events) < 8:
    problems.append("only %d events" % len(events))
for p in problems:
    print(p)
print("%d events, lines up to %d octets" % (len(events), longest))
sys.exit(1 if problems else 0)
PY

# 3. Exported again after a change: same UIDs, higher SEQUENCE, the new goal.
"$PY" - tests/data/report/result-da.json "$TMP/changed.json" <<'PY'
import hashlib, json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["updated"] = "2027-03-10T08:00:00Z"
d["actionPlan"][0]["goal"] = "4 stillinger slået op bredt inden 1. juni"
d["actionPlan"][0]["followUp"] = "2027-06-01"
rest = {k: v for k, v in d.items() if k != "checksum"}
d["checksum"] = "sha256:" + hashlib.sha256(json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
PY
run --out "$TMP/before.ics" --stamp "$STAMP" tests/data/report/result-da.json
expect_rc 0 "before the change"
run --out "$TMP/after.ics" --stamp 2027-03-10T08:05:00Z "$TMP/changed.json"
expect_rc 0 "after the change"
checks=$((checks + 1))
"$PY" - "$TMP/before.ics" "$TMP/after.ics" <<'PY' || fail "a re-export must update the same events"
import datetime, sys
import icalendar
def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return {str(e.get("UID")): e for e in cal.walk() if e.name == "VEVENT"}
before, after = events(sys.argv[1]), events(sys.argv[2])
ok = sorted(before) == sorted(after) and all(int(after[u].get("SEQUENCE")) > int(before[u].get("SEQUENCE")) for u in before)
first = "27166628-rekruttering@mangfoldighedstjek.kk.dk"
ok = ok and after[first].decoded("DTSTART") == datetime.date(2027, 6, 1) and "4 stillinger" in str(after[first].get("DESCRIPTION"))
print("same UIDs %s, sequences %s -> %s" % (sorted(before) == sorted(after), [int(e.get("SEQUENCE")) for e in before.values()],
                                            [int(e.get("SEQUENCE")) for e in after.values()]))
sys.exit(0 if ok else 1)
PY

# 4. English; a broken file among good ones.
printf '{"format": "mangfoldighedstjek/result", ' >"$TMP/broken.json"
run --out "$TMP/en.ics" --lang en --stamp "$STAMP" "$TMP/broken.json" tests/data/report/result-da.json
expect_rc 1 "a broken file among good ones"
checks=$((checks + 1))
case "$err" in *"$TMP/broken.json: invalid JSON"*) ;; *) fail "the broken file is named: $err" ;; esac
checks=$((checks + 1))
"$PY" - "$TMP/en.ics" en tests/data/report/result-da.json <<'PY' || fail "the English calendar of the good file"
import sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = [e for e in cal.walk() if e.name == "VEVENT"]
texts = [str(e.get("DESCRIPTION")) for e in events]
ok = len(events) == 3 and all(t.startswith("Goal: ") and "Responsible: " in t for t in texts) and "the target is 75%" in texts[0]
print(texts[0])
sys.exit(0 if ok else 1)
PY
run --out "$TMP/none.ics" --stamp "$STAMP" tests/data/results/format1/mangfoldighedstjek-workshop-2026-03-05.json
expect_rc 0 "the workshop bundle"

finish() { echo "calendar: $((checks - failures)) of $checks checks passed"; [ "$failures" -eq 0 ]; }
finish
