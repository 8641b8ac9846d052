#!/usr/bin/python3
"""make_bad.py - writes tests/data/results/bad/*.json from good/result.json (the current format's
export of the shipped questionnaire, made by make_good.py). Run once by hand after changing the list; the files are committed, and each
one's exact messages are in bad/expected.txt (checked by the core test, mf-validate --result and the
browser import test). The 100 MB case is made by the tests themselves and never committed.

    /usr/bin/python3 tests/data/results/make_bad.py

Where a file should differ from a real export in one way only, its checksum is recomputed the way
docs/result-format.md defines it, so the checksum does not add a second message.
"""
import copy
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")
good_text = open(os.path.join(HERE, "good", "result.json"), encoding="utf-8").read()
good = json.loads(good_text)


def checksum(doc):
    rest = {k: v for k, v in doc.items() if k != "checksum"}
    canonical = json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def text(doc):
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def edited(change, rechecksum=True):
    doc = copy.deepcopy(good)
    change(doc)
    if rechecksum and "checksum" in doc:
        doc["checksum"] = checksum(doc)
    return text(doc)


def write(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(os.path.join(BAD, name), "wb") as f:
        f.write(data)


assert good["checksum"] == checksum(good), "make_bad.py computes checksums differently from the app"
os.makedirs(BAD, exist_ok=True)
first_question = next(k for k in good["answers"] if k not in ("org_name", "cvr", "sector", "employees", "contact_name", "contact_email"))

# --- bytes and syntax ------------------------------------------------------------------------------
write("empty.json", "")
write("truncated.json", good_text[: len(good_text) // 2])
write("not_json.json", "Kære kommune, her er vores svar: ja, nej, ved ikke.\n")
write("bom.json", b"\xef\xbb\xbf" + good_text.encode("utf-8"))
write("invalid_utf8.json", good_text.encode("utf-8").replace(b'"created"', b'"cr\xe9ated"'))  # Latin-1 é
write("nan.json", good_text.replace('"formatVersion": 2', '"formatVersion": NaN'))
write("infinity.json", edited(lambda d: None).replace('"formatVersion": 2', '"formatVersion": Infinity'))
write("huge_number.json", good_text.replace('"formatVersion": 2', '"formatVersion": 1e400'))
write("deep_nesting.json", '{"format": "mangfoldighedstjek/result", "answers": ' + "[" * 10000 + "]" * 10000 + "}\n")
write("duplicate_key.json", good_text.replace('"language": ', '"language": "en",\n  "language": ', 1))
write("not_an_object.json", "[" + good_text.strip() + "]\n")

# --- not a result file we read ---------------------------------------------------------------------
write("wrong_format.json", edited(lambda d: d.update(format="surveyjs/result")))
write("questionnaire_file.json", edited(lambda d: d.update(format="mangfoldighedstjek/questionnaire")))
write("unknown_format_version.json", edited(lambda d: d.update(formatVersion=3)))
write("format_version_string.json", edited(lambda d: d.update(formatVersion="1")))
write("wrong_questionnaire_id.json", edited(lambda d: d["questionnaire"].update(id="inklusionsbarometer")))

# --- types and values ------------------------------------------------------------------------------
write("answers_not_object.json", edited(lambda d: d.update(answers=list(d["answers"].items()))))
write("missing_answers.json", edited(lambda d: d.pop("answers")))
write("answer_wrong_type.json", edited(lambda d: d["answers"].update({first_question: {"value": "yes"}})))
write("bad_timestamp.json", edited(lambda d: d.update(created="25.11.2026 14:03")))
write("updated_before_created.json", edited(lambda d: d.update(updated="2020-01-01T00:00:00Z")))
write("indicator_unknown_unit.json", edited(lambda d: d["actionPlan"][0]["indicator"].update(unit="kg")))
write("follow_up_unknown_status.json", edited(lambda d: d["planFollowUp"]["items"][0].update(status="halfway")))
write("follow_up_bad_earlier.json", edited(lambda d: d["planFollowUp"]["earlier"].update(checksum="md5:1234")))
write("missing_follow_up.json", edited(lambda d: d.pop("planFollowUp")))
write("too_many_focus_areas.json", edited(lambda d: d.update(actionPlan=[dict(d["actionPlan"][0], focus=f) for f in
                                                                          list(good["scores"]["themes"])[:4]])))

# --- loads, with warnings (the app asks before it replaces anything) --------------------------------
write("tampered_checksum.json", edited(lambda d: d["answers"].update({first_question: "dont_know"}), rechecksum=False))
write("checksum_wrong_type.json", edited(lambda d: d.update(checksum=42), rechecksum=False))
write("no_checksum.json", edited(lambda d: d.pop("checksum")))
write("unknown_question.json", edited(lambda d: d["answers"].update(q_from_the_future="yes")))
write("answer_out_of_range.json", edited(lambda d: d["answers"].update(employees=-5)))
write("unknown_option.json", edited(lambda d: d["answers"].update({first_question: "maybe"})))
write("bad_cvr.json", edited(lambda d: (d["answers"].update(cvr="12345678"), d["organisation"].update(cvr="12345678"))))
write("indicator_out_of_range.json", edited(lambda d: d["actionPlan"][0]["indicator"].update(target=120)))
write("follow_up_value_not_yes_no.json", edited(lambda d: d["planFollowUp"]["items"][1].update(
    focusArea=dict(d["planFollowUp"]["items"][1]["focusArea"], indicator={"measure": "Opslag på Jobnet", "unit": "yesno", "baseline": "no", "target": "yes"}),
    current=1)))
write("format1_with_format2_fields.json", edited(lambda d: d.update(formatVersion=1)))  # indicators and follow-up are unknown in format 1
write("other_questionnaire_version.json", edited(lambda d: d["questionnaire"].update(version="0.9.0")))
# A whole-number score written as a decimal number (50.0 instead of 50), as another program might.
write("score_whole_number_as_float.json", edited(lambda d: d["scores"]["themes"]["opfoelgning"].update(percent=float(d["scores"]["themes"]["opfoelgning"]["percent"]))))
# An answer to a question the other answers hide (case_handling is asked only when there is a
# reporting channel; the file says there is none).
write("hidden_answer.json", edited(lambda d: d["answers"].update(case_handling="kendt_frister")))
# An answer that does not fit counts as unanswered in conditions: has_policy "perhaps" is dropped, so
# policy_content and policy_known, asked only when has_policy is yes, are hidden and dropped too.
write("hidden_by_unfitting_answer.json", edited(lambda d: d["answers"].update(has_policy="perhaps")))
print("wrote", len([f for f in os.listdir(BAD) if f.endswith(".json")]), "files into", BAD)
