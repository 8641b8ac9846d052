#!/usr/bin/python3
"""aggregate_reference.py - a straightforward second implementation of mf-aggregate's figures.

Used by scripts/bench-aggregate.sh (speed and memory side by side) and tests/cli/aggregate.test.sh
(the figures must agree). Only the standard library: json, hashlib, statistics-free arithmetic.

It applies the rules of docs/aggregation.md that need no scoring engine: the format and version (1 or 2),
the questionnaire id, the checksum (SHA-256 of the canonical form), a valid CVR number (modulus 11),
stored scores naming exactly the current principles and themes when the file was made with another
questionnaire version; and the goal follow-up by year (docs/aggregation.md, "Goal follow-up"). It does
NOT recompute scores from answers, check answer types, duplicate keys
or UTF-8 details as the C++ importer does, so on hand-edited files it may accept more; on files the
app exported both must agree exactly.

Usage:
  aggregate_reference.py --questionnaire Q.json [--keep-duplicates] [--out FIGURES.json]
                         [--compare MF_SUMMARY.json] FILE_OR_FOLDER...
--out writes the unpublished figures over every accepted file (newest per CVR over all years, or
every file with --keep-duplicates): what the app's overview shows until it publishes as
mf-aggregate does (the browser tests compare with it).
--compare reads mf-aggregate's --summary-json (the published figures of one year, docs/aggregation.md
sections 4-6), computes the same year here (newest file per CVR within the year, organisations with
an overall score) and exits 1 when a published count or figure differs from this one, when a count
of 1..k-1 is shown as a number, when a figure is shown for fewer than k organisations, or when a
minimum or maximum is published. Hidden counts are checked against their band ("under k").
"""
import hashlib
import json
import math
import os
import sys

KNOWN_SIZE_BANDS = ["1-9", "10-49", "50-249", "250+"]


def round1(x):
    # Half away from zero, like C++ std::round(x * 10) / 10.
    y = x * 10
    return math.copysign(math.floor(abs(y) + 0.5), y) / 10


def canonical_checksum(doc):
    content = {k: v for k, v in doc.items() if k != "checksum"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def valid_cvr(text):
    digits = text.replace(" ", "")
    if len(digits) != 8 or not digits.isdigit() or digits[0] == "0":
        return False
    return sum(w * int(d) for w, d in zip([2, 7, 6, 5, 4, 3, 2, 1], digits)) % 11 == 0


def size_band(employees):
    if not isinstance(employees, (int, float)) or employees < 1:
        return "unknown"
    return "1-9" if employees < 10 else "10-49" if employees < 50 else "50-249" if employees < 250 else "250+"


def quantile_r7(xs, p):
    h = (len(xs) - 1) * p
    lo = int(math.floor(h))
    if lo + 1 >= len(xs):
        return xs[-1]
    return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


def stats(values, levels):
    xs = sorted(values)
    out = {"n": len(xs)}
    if not xs:
        out.update({k: None for k in ("mean", "median", "q1", "q3", "min", "max")})
        if levels is not None:
            out["levels"] = {l["id"]: 0 for l in levels}
        return out
    total = 0.0
    for x in xs:  # left to right over the sorted values, as the C++ code adds
        total += x
    out.update({"mean": total / len(xs), "median": quantile_r7(xs, 0.5), "q1": quantile_r7(xs, 0.25),
                "q3": quantile_r7(xs, 0.75), "min": xs[0], "max": xs[-1]})
    if levels is not None:
        counts = {l["id"]: 0 for l in levels}
        for x in xs:
            reached = levels[0]["id"]
            for l in levels:
                if l["minPercent"] <= x:
                    reached = l["id"]
            counts[reached] += 1
        out["levels"] = counts
    return out


def fits(unit, value):
    """docs/result-format.md: a value of the indicator's unit."""
    if unit == "yesno":
        return value in ("yes", "no")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return unit == "number" or 0 <= value <= 100


def progress(indicator, current):
    """Progress towards the target in percent of the way (docs/result-format.md), or None."""
    if not indicator or indicator.get("unit") not in ("percent", "number", "yesno"):
        return None
    unit, base, target = indicator["unit"], indicator.get("baseline"), indicator.get("target")
    if not all(v is not None and fits(unit, v) for v in (base, target, current)):
        return None
    if unit == "yesno":
        return 100.0 if current == target else 0.0
    if target == base:
        return 100.0 if current == target else None
    return 100.0 * (current - base) / (target - base)


def files_of(inputs):
    for path in inputs:
        if os.path.isdir(path):
            found = []
            for root, _dirs, names in os.walk(path):
                found += [os.path.join(root, n) for n in names if n.lower().endswith(".json")]
            yield from sorted(found)
        else:
            yield path


def role_id(q, role):
    for p in q["profile"]:
        if p.get("role") == role:
            return p["id"]
    return None


def main(argv):
    args, inputs = {"keep": False, "out": None, "compare": None, "questionnaire": None}, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--keep-duplicates":
            args["keep"] = True
        elif a in ("--out", "--compare", "--questionnaire"):
            args[a[2:]] = argv[i + 1]
            i += 1
        else:
            inputs.append(a)
        i += 1
    with open(args["questionnaire"], encoding="utf-8") as f:
        q = json.load(f)
    principles = [p["id"] for p in q["principles"]]
    themes = [t["id"] for t in q["themes"]]
    levels = sorted(q["levels"], key=lambda l: l["minPercent"])
    cvr_id, sector_id, employees_id = role_id(q, "cvr"), role_id(q, "sector"), role_id(q, "employees")
    sector_options = next((p["options"] for p in q["profile"] if p.get("role") == "sector"), [])
    theme_of = {}
    for t in q["themes"]:
        theme_of[t["id"]] = t["id"]
        for question in t["questions"]:
            theme_of[question["id"]] = t["id"]

    rows, read, rejected, total_bytes = [], 0, 0, 0
    for path in files_of(inputs):
        read += 1
        try:
            with open(path, "rb") as f:
                data = f.read()
            total_bytes += len(data)
            doc = json.loads(data.decode("utf-8"))
            ok = (isinstance(doc, dict) and doc.get("format") == "mangfoldighedstjek/result" and doc.get("formatVersion") in (1, 2)
                  and doc["questionnaire"]["id"] == q["id"] and doc.get("checksum") == canonical_checksum(doc))
            answers, scores = doc["answers"], doc["scores"]
            cvr = answers.get(cvr_id)
            ok = ok and isinstance(cvr, str) and valid_cvr(cvr)
            if ok and (sorted(scores["principles"]) != sorted(principles) or sorted(scores["themes"]) != sorted(themes)):
                ok = False
        except (ValueError, KeyError, TypeError, AttributeError):
            ok = False
        if not ok:
            rejected += 1
            continue
        employees = answers.get(employees_id)
        rows.append({"file": path, "cvr": cvr.replace(" ", ""), "updated": doc["updated"], "created": doc["created"], "answers": answers,
                     "sector": answers.get(sector_id) or "unknown", "size": size_band(employees),
                     "overall": scores["overall"],
                     "principles": [scores["principles"][p] for p in principles],
                     "themes": [scores["themes"][t]["percent"] for t in themes],
                     "plan_themes": [theme_of.get(a["focus"], "unknown") for a in doc["actionPlan"]],
                     "follow_up": bool(doc.get("planFollowUp")),
                     "goals": [] if not doc.get("planFollowUp") else [
                         {"theme": theme_of.get(i["focusArea"]["focus"], "unknown"), "status": i["status"],
                          "numeric": (i["focusArea"].get("indicator") or {}).get("unit") in ("percent", "number"),
                          "progress": progress(i["focusArea"].get("indicator"), i["current"])}
                         for i in doc["planFollowUp"]["items"]]})

    # Duplicates: per CVR the newest (updated, then created) counts; ties by file name.
    rows.sort(key=lambda r: r["file"])
    rows.sort(key=lambda r: (r["updated"], r["created"]), reverse=True)
    by_cvr = {}
    for r in rows:
        by_cvr.setdefault(r["cvr"], []).append(r)
    counted, changes = [], []
    for cvr in sorted(by_cvr):
        group = by_cvr[cvr]
        counted += group if args["keep"] else group[:1]
        first, latest = group[-1], group[0]
        if len(group) > 1 and first["updated"][:4] < latest["updated"][:4]:
            def diff(a, b):
                return None if a is None or b is None else round1(b - a)
            changes.append({"overall": diff(first["overall"], latest["overall"]),
                            "principles": [diff(a, b) for a, b in zip(first["principles"], latest["principles"])],
                            "themes": [diff(a, b) for a, b in zip(first["themes"], latest["themes"])]})

    parts = [("overall", "overall", None)] + [("principle", p, i) for i, p in enumerate(principles)] + \
            [("theme", t, i) for i, t in enumerate(themes)]

    def value(r, kind, index):
        return r["overall"] if kind == "overall" else r["principles"][index] if kind == "principle" else r["themes"][index]

    def group_stats(dimension, group, members):
        out_parts = []
        for kind, pid, index in parts:
            vals = [value(r, kind, index) for r in members if value(r, kind, index) is not None]
            out_parts.append(dict(kind=kind, id=pid, **stats(vals, levels)))
        return {"dimension": dimension, "group": group, "organisations": len(members), "parts": out_parts}

    groups = [group_stats("all", "all", counted)]
    for o in sector_options:
        groups.append(group_stats("sector", o["id"], [r for r in counted if r["sector"] == o["id"]]))
    if any(r["sector"] == "unknown" for r in counted):
        groups.append(group_stats("sector", "unknown", [r for r in counted if r["sector"] == "unknown"]))
    for band in KNOWN_SIZE_BANDS:
        groups.append(group_stats("size", band, [r for r in counted if r["size"] == band]))
    if any(r["size"] == "unknown" for r in counted):
        groups.append(group_stats("size", "unknown", [r for r in counted if r["size"] == "unknown"]))
    change_parts = []
    for kind, pid, index in parts:
        vals = [value(c, kind, index) for c in changes if value(c, kind, index) is not None]
        s = stats(vals, None)
        s.update(kind=kind, id=pid, improved=sum(v > 0 for v in vals), unchanged=sum(v == 0 for v in vals),
                 declined=sum(v < 0 for v in vals))
        change_parts.append(s)

    # Goal follow-up: one file per CVR and year (the newest; rows are sorted newest first), by year.
    years, seen = {}, set()
    for r in sorted(rows, key=lambda r: r["cvr"]):  # stable: newest first within a CVR
        year = r["updated"][:4]
        if not args["keep"] and (r["cvr"], year) in seen:
            continue
        seen.add((r["cvr"], year))
        y = years.setdefault(year, {"organisations": 0, "withFollowUp": 0, "plan": [], "goals": []})
        y["organisations"] += 1
        y["withFollowUp"] += bool(r["goals"])
        y["plan"] += r["plan_themes"]
        y["goals"] += [g for g in r["goals"] if g["status"]]

    def goal_stats(theme, plan, goals):
        if theme != "all":
            plan = [t for t in plan if t == theme]
            goals = [g for g in goals if g["theme"] == theme]
        counts = {s: sum(g["status"] == s for g in goals) for s in ("reached", "partly", "not_reached", "dropped")}
        return {"theme": theme, "focusAreas": len(plan), "followedUp": len(goals), "reached": counts["reached"],
                "partly": counts["partly"], "notReached": counts["not_reached"], "dropped": counts["dropped"],
                "progress": stats([g["progress"] for g in goals if g["numeric"] and g["progress"] is not None], None)}

    goals = []
    for year in sorted(years):
        y = years[year]
        theme_list = themes + (["unknown"] if "unknown" in y["plan"] or any(g["theme"] == "unknown" for g in y["goals"]) else [])
        goals.append({"year": year, "organisations": y["organisations"], "withFollowUp": y["withFollowUp"],
                      "all": goal_stats("all", y["plan"], y["goals"]),
                      "themes": [goal_stats(t, y["plan"], y["goals"]) for t in theme_list]})

    summary = {"files": {"read": read, "bytes": total_bytes, "accepted": len(rows), "rejected": rejected, "counted": len(counted),
                         "superseded": len(rows) - len(counted)},
               "groups": groups, "change": {"organisations": len(changes), "parts": change_parts}, "goals": goals}
    if args["out"]:
        def rounded(x):  # figures rounded to one decimal, as mf-aggregate and the app write them
            if isinstance(x, float):
                return round1(x)
            if isinstance(x, dict):
                return {k: rounded(v) for k, v in x.items()}
            if isinstance(x, list):
                return [rounded(v) for v in x]
            return x
        with open(args["out"], "w", encoding="utf-8") as f:
            json.dump(rounded(summary), f, indent=1)
    print("reference: %d files, %d accepted, %d rejected, %d organisations counted, %d with change" %
          (read, len(rows), rejected, len(counted), len(changes)))
    if args["compare"]:
        return compare_published(q, rows, args["compare"])
    return 0


def year_rows(rows):
    """Per year: each CVR's newest file within the year (updated, then created, then file name),
    only those with an overall score."""
    by_key = {}
    for r in sorted(rows, key=lambda r: r["file"]):
        key = (r["updated"][:4], r["cvr"])
        best = by_key.get(key)
        if best is None or (r["updated"], r["created"]) > (best["updated"], best["created"]):
            by_key[key] = r
    years = {}
    for (year, _cvr), r in by_key.items():
        if r["overall"] is not None:
            years.setdefault(int(year), []).append(r)
    return years


def compare_published(q, rows, path):
    with open(path, encoding="utf-8") as f:
        theirs = json.load(f)
    problems = []
    if theirs.get("formatVersion") != 2:
        print("DIFFERENT: not a published summary (formatVersion 2)")
        return 1
    k = theirs["disclosure"]["minGroup"]
    principles = [p["id"] for p in q["principles"]]
    themes = [t["id"] for t in q["themes"]]
    levels = sorted(q["levels"], key=lambda l: l["minPercent"])
    sector_id, employees_id = role_id(q, "sector"), role_id(q, "employees")
    sector_options = [o["id"] for o in next((p["options"] for p in q["profile"] if p.get("role") == "sector"), [])]
    years = year_rows(rows)

    def walk(x, where):
        if isinstance(x, dict):
            for key, v in x.items():
                if key in ("min", "max"):
                    problems.append("%s.%s: a minimum or maximum is published" % (where, key))
                walk(v, where + "." + key)
        elif isinstance(x, list):
            for i, v in enumerate(x):
                walk(v, "%s[%d]" % (where, i))
    walk(theirs, "summary")

    def count(truth, shown, where):
        """A published count: the number (truth, and not 1..k-1), {"under": k} (truth 1..k-1) or null."""
        if isinstance(shown, bool) or shown is None:
            return
        if isinstance(shown, int):
            if shown != truth:
                problems.append("%s: reference %d, mf-aggregate %d" % (where, truth, shown))
            elif 0 < truth < k:
                problems.append("%s: a count of %d is shown (under %d)" % (where, truth, k))
        elif shown == {"under": k}:
            if not 0 < truth < k:
                problems.append("%s: shown as under %d, reference %d" % (where, k, truth))
        else:
            problems.append("%s: not a count: %r" % (where, shown))

    def figures(values, shown, where, keys=("mean", "median", "q1", "q3")):
        xs = sorted(values)
        for key in keys:
            if shown.get(key) is None:
                continue
            if len(xs) < k:
                problems.append("%s.%s: a figure for %d organisations (under %d)" % (where, key, len(xs), k))
                continue
            ref = {"mean": sum(xs) / len(xs) if xs else None, "median": quantile_r7(xs, 0.5),
                   "q1": quantile_r7(xs, 0.25), "q3": quantile_r7(xs, 0.75)}[key]
            if abs(round1(ref) - shown[key]) > 1e-9:
                problems.append("%s.%s: reference %r, mf-aggregate %r" % (where, key, round1(ref), shown[key]))

    def value(r, kind, pid):
        return r["overall"] if kind == "overall" else r["principles"][principles.index(pid)] if kind == "principle" else r["themes"][themes.index(pid)]

    def level_of(x):
        reached = levels[0]["id"]
        for l in levels:
            if l["minPercent"] <= x:
                reached = l["id"]
        return reached

    year = theirs["year"]
    if sorted(years) != theirs["years"]:
        problems.append("years: reference %r, mf-aggregate %r" % (sorted(years), theirs["years"]))
    members = years.get(year, [])
    count(len(members), theirs["organisations"], "organisations")
    sector_of = lambda r: r["sector"] if r["sector"] in sector_options else "unknown"
    for g in theirs["groups"]:
        where = "%d %s/%s" % (year, g["dimension"], g["group"])
        group = [r for r in members if g["dimension"] == "all" or
                 (g["dimension"] == "sector" and sector_of(r) == g["group"]) or (g["dimension"] == "size" and r["size"] == g["group"])]
        count(len(group), g["organisations"], where)
        for p in g["parts"]:
            vals = [value(r, p["kind"], p["id"]) for r in group if value(r, p["kind"], p["id"]) is not None]
            count(len(vals), p["n"], where + "/" + p["id"] + ".n")
            figures(vals, p, where + "/" + p["id"])
            for l in levels:
                count(sum(1 for x in vals if level_of(x) == l["id"]), p["levels"][l["id"]], where + "/" + p["id"] + ".level " + l["id"])
    for c in theirs["sectorBySize"]:
        where = "%d %s x %s" % (year, c["sector"], c["size"])
        cell = [r for r in members if sector_of(r) == c["sector"] and r["size"] == c["size"]]
        count(len(cell), c["organisations"], where)
        figures([r["overall"] for r in cell], c, where, ("mean", "median"))
    for question in theirs["questions"]:
        where = "%d question %s" % (year, question["id"])
        answered = [r["answers"][question["id"]] for r in members if question["id"] in r["answers"]]
        count(len(members) - len(answered), question["notAnswered"], where + " not answered")
        for a in question["answers"]:
            n = sum(1 for x in answered if x == a["id"] or (isinstance(x, list) and a["id"] in x))
            count(n, a["count"], where + " " + a["id"])
            if a["share"] is not None and abs(round1(100.0 * n / len(members)) - a["share"]) > 1e-9:
                problems.append("%s %s share: reference %r, mf-aggregate %r" % (where, a["id"], round1(100.0 * n / len(members)), a["share"]))
    change = theirs["change"]
    if change:
        before = {r["cvr"]: r for r in years.get(change["fromYear"], [])}
        pairs = [(before[r["cvr"]], r) for r in members if r["cvr"] in before]
        count(len(pairs), change["organisations"], "change organisations")
        for p in change["parts"]:
            diffs = [round1(value(b, p["kind"], p["id"]) - value(a, p["kind"], p["id"])) for a, b in pairs
                     if value(a, p["kind"], p["id"]) is not None and value(b, p["kind"], p["id"]) is not None]
            where = "change %s" % p["id"]
            count(len(diffs), p["n"], where + ".n")
            figures(diffs, p, where)
            count(sum(d > 0 for d in diffs), p["improved"], where + ".improved")
            count(sum(d == 0 for d in diffs), p["unchanged"], where + ".unchanged")
            count(sum(d < 0 for d in diffs), p["declined"], where + ".declined")
    # Goal follow-up, all themes (docs/aggregation.md "Goal follow-up"): the organisations with a
    # follow-up as a count; the goal figures only for k or more of them.
    goals = theirs["goals"]
    with_follow_up = [r for r in members if r["follow_up"]]
    count(len(with_follow_up), goals["withFollowUp"], "goals.withFollowUp")
    if goals["focusAreas"] is not None and len(members) < k:
        problems.append("goals.focusAreas: shown for %d organisations (under %d)" % (len(members), k))
    elif goals["focusAreas"] is not None and goals["focusAreas"] != sum(len(r["plan_themes"]) for r in members):
        problems.append("goals.focusAreas: reference %d, mf-aggregate %r" % (sum(len(r["plan_themes"]) for r in members), goals["focusAreas"]))
    if goals["followedUp"] is not None:
        if len(with_follow_up) < k:
            problems.append("goals: figures for %d organisations with a follow-up (under %d)" % (len(with_follow_up), k))
        followed = [g for r in with_follow_up for g in r["goals"] if g["status"]]
        if goals["followedUp"] != len(followed):
            problems.append("goals.followedUp: reference %d, mf-aggregate %r" % (len(followed), goals["followedUp"]))
        for status in ("reached", "partly", "not_reached", "dropped"):
            n = sum(g["status"] == status for g in followed)
            if goals["statuses"][status]["count"] != n:
                problems.append("goals.%s: reference %d, mf-aggregate %r" % (status, n, goals["statuses"][status]["count"]))
        if goals["progress"] is not None:
            progress = [g["progress"] for g in followed if g["numeric"] and g["progress"] is not None]
            contributing = sum(1 for r in with_follow_up if any(g["status"] and g["numeric"] and g["progress"] is not None for g in r["goals"]))
            if contributing < k and any(goals["progress"][key] is not None for key in ("mean", "median", "q1", "q3")):
                problems.append("goals.progress: figures from %d organisations (under %d)" % (contributing, k))
            elif contributing >= k:
                figures(progress, goals["progress"], "goals.progress")
    for line in problems[:40]:
        print("DIFFERENT: " + line)
    if problems:
        print("reference and mf-aggregate differ in %d places" % len(problems))
        return 1
    print("reference and mf-aggregate agree on every published count and figure of %d; nothing under %d shown" % (year, k))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
