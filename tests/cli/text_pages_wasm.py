#!/usr/bin/env python3
"""text_pages_wasm.py - the respondent's page has every text its program can ask for (web preset).

    python3 tests/cli/text_pages_wasm.py --dist build/web/dist --texts assets/texts.json --areas barometer,muni,csv

The respondent's page (mangfoldighedstjek.wasm) links a text table without the municipality's areas
(CMakeLists.txt §4). A key is written in the source only as a string literal (docs/texts.md), and a
literal the linked code uses is in the program's data as a NUL-terminated string: so the linker's own
answer to "which keys can this page ask for" is in the .wasm. This reads both pages' programs and
checks that
  - every key of the left-out areas found in the respondent's program is one of the overview's own
    model texts (ALLOWED below: AppModel holds the overview's model, so its code is linked, but the
    overview is attached only on kommune.html, app.cpp kOverview), and nothing else;
  - the respondent's program does not carry the left-out texts themselves (their Danish wording);
  - the municipality's program does show the left-out keys (the check sees literals at all).
"""
import argparse
import json
import re
import sys

# Linked into index.html's program but only run when the overview is attached (kommune.html).
ALLOWED = {
    "muni.read_done": "model.cpp, inside `if (municipality_)`",
    "muni.resent_line": "municipality_model.cpp (the overview's model)",
    "muni.superseded_line": "municipality_model.cpp (the overview's model)",
}


def literals(data, keys):
    """The keys that end a NUL-terminated string in `data`. The linker merges a string into the tail of
    a longer one ("plan.indicator.missing" lives at the end of "diag.action_plan.indicator.missing"),
    so a key's literal need not start a string: a key at the end of another string counts as used (for
    the left-out keys that errs on the side of failing)."""
    return {k for k in keys if re.search(re.escape(k.encode()) + rb"\x00", data)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", required=True)
    ap.add_argument("--texts", required=True)
    ap.add_argument("--areas", required=True)
    a = ap.parse_args()
    areas = set(a.areas.split(","))
    texts = json.load(open(a.texts, encoding="utf-8"))["texts"]
    left_out = {k for k in texts if k.split(".")[0] in areas}
    respondent = open(f"{a.dist}/mangfoldighedstjek.wasm", "rb").read()
    municipality = open(f"{a.dist}/kommune.wasm", "rb").read()
    failures = 0

    def check(ok, text):
        nonlocal failures
        print(("ok   " if ok else "FAIL ") + text)
        failures += not ok

    used = literals(respondent, left_out)
    unexpected = sorted(used - set(ALLOWED))
    check(not unexpected, f"the respondent's program asks for no left-out text but the overview model's "
          f"({sorted(used & set(ALLOWED))}){': also ' + ', '.join(unexpected) if unexpected else ''}")
    carried = [k for k in left_out if len(texts[k]["da"]) >= 24 and texts[k]["da"].encode() in respondent]
    check(not carried, f"the respondent's program carries none of the {len(left_out)} left-out texts"
          f"{': ' + ', '.join(sorted(carried)[:10]) if carried else ''}")
    seen = literals(municipality, left_out)
    check(len(seen) > len(left_out) // 2, f"the municipality's program asks for {len(seen)} of them (the check sees literals)")
    kept = {k for k in texts if k.split(".")[0] not in areas}
    in_respondent = literals(respondent, kept)
    check(len(in_respondent) == len(kept), f"the respondent's table has all {len(kept)} other keys ({len(in_respondent)} found)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
