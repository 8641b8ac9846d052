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
  aggregate_reference.py --questionnaire Q.json [--keep-duplicates] [--out SUMMARY.json]
                         [--compare MF_SUMMARY.json] FILE_OR_FOLDER...
--compare reads mf-aggregate's --summary-json and exits 1 when any count or figure differs.
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
        rows.append({"file": path, "cvr": cvr.replace(" ", ""), "updated": doc["updated"], "created": doc["created"],
                     "sector": answers.get(sector_id) or "unknown", "size": size_band(employees),
                     "overall": scores["overall"],
                     "principles": [scores["principles"][p] for p in principles],
                     "themes": [scores["themes"][t]["percent"] for t in themes],
                     "plan_themes": [theme_of.get(a["focus"], "unknown") for a in doc["actionPlan"]],
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

    summary = {"files": {"read": read, "bytes": total_bytes, "accepted": len(rows), "rejected": rejected, "counted": len(counted)},
               "groups": groups, "change": {"organisations": len(changes), "parts": change_parts}, "goals": goals}
    if args["out"]:
        with open(args["out"], "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
    print("reference: %d files, %d accepted, %d rejected, %d organisations counted, %d with change" %
          (read, len(rows), rejected, len(counted), len(changes)))
    if args["compare"]:
        return compare(summary, args["compare"])
    return 0


def compare(ours, path):
    """Counts must be equal; figures equal after rounding to one decimal (mf-aggregate writes round1)."""
    with open(path, encoding="utf-8") as f:
        theirs = json.load(f)
    problems = []

    def same(a, b, where):
        if isinstance(a, float) or isinstance(b, float):
            if a is None or b is None or abs(round1(a) - b) > 1e-9:
                problems.append("%s: reference %r, mf-aggregate %r" % (where, a if a is None else round1(a), b))
        elif a != b:
            problems.append("%s: reference %r, mf-aggregate %r" % (where, a, b))

    for key in ("read", "accepted", "rejected", "counted"):
        same(ours["files"][key], theirs["files"][key], "files." + key)
    if len(ours["groups"]) != len(theirs["groups"]):
        problems.append("groups: reference %d, mf-aggregate %d" % (len(ours["groups"]), len(theirs["groups"])))
    for g, h in zip(ours["groups"], theirs["groups"]):
        where = "%s/%s" % (g["dimension"], g["group"])
        same((g["dimension"], g["group"], g["organisations"]), (h["dimension"], h["group"], h["organisations"]), where)
        for p, r in zip(g["parts"], h["parts"]):
            for key in ("n", "mean", "median", "q1", "q3", "min", "max", "levels"):
                same(p[key], r[key], "%s/%s.%s" % (where, p["id"], key))
    same(ours["change"]["organisations"], theirs["change"]["organisations"], "change.organisations")
    for p, r in zip(ours["change"]["parts"], theirs["change"]["parts"]):
        for key in ("n", "mean", "median", "q1", "q3", "min", "max", "improved", "unchanged", "declined"):
            same(p[key], r[key], "change/%s.%s" % (p["id"], key))
    if len(ours["goals"]) != len(theirs["goals"]):
        problems.append("goals: reference %d years, mf-aggregate %d" % (len(ours["goals"]), len(theirs["goals"])))
    for y, z in zip(ours["goals"], theirs["goals"]):
        same((y["year"], y["organisations"], y["withFollowUp"]), (z["year"], z["organisations"], z["withFollowUp"]), "goals/" + y["year"])
        if len(y["themes"]) != len(z["themes"]):
            problems.append("goals/%s: reference %d themes, mf-aggregate %d" % (y["year"], len(y["themes"]), len(z["themes"])))
        for g, h in zip([y["all"]] + y["themes"], [z["all"]] + z["themes"]):
            where = "goals/%s/%s" % (y["year"], g["theme"])
            for key in ("theme", "focusAreas", "followedUp", "reached", "partly", "notReached", "dropped"):
                same(g[key], h[key], where + "." + key)
            for key in ("n", "mean", "median", "q1", "q3", "min", "max"):
                same(g["progress"][key], h["progress"][key], where + ".progress." + key)
    for line in problems[:40]:
        print("DIFFERENT: " + line)
    if problems:
        print("reference and mf-aggregate differ in %d places" % len(problems))
        return 1
    print("reference and mf-aggregate agree on every count and figure")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
