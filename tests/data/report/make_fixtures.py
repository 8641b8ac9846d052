#!/usr/bin/python3
"""make_fixtures.py - writes earlier.json and result-da.json here, the report test's two years of one
organisation in the current result format, from the format-1 exports in format1/ (questionnaire 1.0.0):

  earlier.json    last year's result (format1/earlier.json) with three focus areas, each with an indicator
                  of another unit (percent, number, yes/no)
  result-da.json  this year's (format1/result-da.json): its plan with indicators, and the follow-up of
                  earlier.json's plan with a status, a value now and a note for each goal

result-en.json stays the format-1 export it was: the English report of a file from before indicators.
Run by hand when the format or the shipped questionnaire changes:

    /usr/bin/python3 tests/data/report/make_fixtures.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(ROOT, "tests", "data", "results"))
from result_lib import current_format, follow_up_of, text  # noqa: E402

questionnaire = json.load(open(os.path.join(ROOT, "questionnaires", "aktoersporet.json"), encoding="utf-8"))
old_earlier = json.load(open(os.path.join(HERE, "format1", "earlier.json"), encoding="utf-8"))
old_now = json.load(open(os.path.join(HERE, "format1", "result-da.json"), encoding="utf-8"))

earlier_plan = [
    {"focus": "partnerskaber", "goal": "En mentor til hver ny medarbejder", "responsible": "Teamleder", "followUp": "2026-12-07",
     "indicator": {"measure": "Andel nye medarbejdere med en fast makker de første tre måneder", "unit": "percent",
                   "baseline": 20, "target": 80}},
    {"focus": "rekruttering", "goal": "Færre opslag med krav om flydende dansk", "responsible": "Driftschef", "followUp": "2026-09-01",
     "indicator": {"measure": "Antal stillingsopslag med krav om flydende dansk", "unit": "number", "baseline": 12, "target": 4}},
    {"focus": "ledelse", "goal": "Politik vedtaget i bestyrelsen", "responsible": "Direktøren", "followUp": "2026-06-30",
     "indicator": {"measure": "Skriftlig mangfoldighedspolitik vedtaget af ledelsen", "unit": "yesno", "baseline": "no", "target": "yes"}},
]
earlier = current_format(old_earlier, questionnaire, old_earlier["created"], old_earlier["updated"], earlier_plan, None)

now_plan = [dict(area, indicator=indicator) for area, indicator in zip(old_now["actionPlan"], [
    {"measure": "Andel stillingsopslag delt via jobcenter og foreninger", "unit": "percent", "baseline": 25, "target": 75},
    {"measure": "Andel nye medarbejdere med en fast makker de første tre måneder", "unit": "percent", "baseline": 50, "target": 100},
    None])]
follow_up = follow_up_of(earlier, [
    ("partly", 50, "Makkerordningen kører i køkkenet, ikke i caféen endnu."),
    ("reached", 3, "Opslagene skrives nu ud fra, hvad jobbet faktisk kræver."),
    ("dropped", "no", "Bestyrelsen vil først have en fælles politik for hele huset."),
])
now = current_format(old_now, questionnaire, "2027-03-09T15:20:45Z", "2027-03-09T20:29:45Z", now_plan, follow_up)
for name, doc in (("earlier.json", earlier), ("result-da.json", now)):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text(doc))
    print("wrote", os.path.join(HERE, name))
