#!/usr/bin/python3
"""make_good.py - writes tests/data/results/good/result.json, the good result of the current format
(formatVersion 2, the shipped questionnaire), from good/earlier-1.0.0.json: a real export of
questionnaire 1.0.0 in formatVersion 1, which the new file follows up a year later. Run once by hand
when the format or the shipped questionnaire changes, then make_bad.py (the bad files derive from it).

    /usr/bin/python3 tests/data/results/make_good.py

The answers stay the same (so do the scores: the questionnaire's scoring did not change); the action
plan gets indicators and the follow-up of the earlier plan records each earlier goal's status. That the
file is exactly what the app's export writes is checked by tests/core/format1_test.cpp (import and
export again give the same bytes) and by mf-validate (no warning: the stored scores match the answers).
"""
import json
import os

from result_lib import current_format, follow_up_of, text

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
earlier = json.load(open(os.path.join(HERE, "good", "earlier-1.0.0.json"), encoding="utf-8"))
questionnaire = json.load(open(os.path.join(ROOT, "questionnaires", "aktoersporet.json"), encoding="utf-8"))

plan = [
    {"focus": "kultur", "goal": "Alle kender reglerne om ligebehandling og ved, hvor de kan sige fra",
     "responsible": "HR-chef", "followUp": "2028-01-18",
     "indicator": {"measure": "Andel medarbejdere, der i trivselsmålingen svarer, at de trygt kan sige fra",
                   "unit": "percent", "baseline": 62.5, "target": 80}},
    {"focus": "rekruttering", "goal": "2 praktikpladser til ledige inden 1. juni", "responsible": "HR-partner",
     "followUp": "2028-04-12",
     "indicator": {"measure": "Antal virksomhedspraktikker og løntilskudsforløb i året", "unit": "number",
                   "baseline": 1, "target": 2}},
]
follow_up = follow_up_of(earlier, [("partly", None, "Én praktikplads i efteråret; den anden er aftalt til maj."),
                                   ("reached", None, "")])
doc = current_format(earlier, questionnaire, "2027-05-03T09:14:20Z", "2027-05-03T10:02:47Z", plan, follow_up)
with open(os.path.join(HERE, "good", "result.json"), "w", encoding="utf-8") as f:
    f.write(text(doc))
print("wrote", os.path.join(HERE, "good", "result.json"))
