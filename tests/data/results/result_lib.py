"""result_lib.py - what the fixture scripts need to write result files exactly as the app does
(docs/result-format.md): the checksum, the questionnaire's content hash, the file's layout, and a
format-1 export brought to the current format. Imported by make_good.py and
tests/data/report/make_fixtures.py; not a test itself.
"""
import copy
import hashlib
import json


def checksum(doc):
    """"sha256:<hex>" of the document without "checksum": keys sorted, no whitespace, UTF-8."""
    rest = {k: v for k, v in doc.items() if k != "checksum"}
    canonical = json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hash(questionnaire):
    """docs/questionnaire-format.md, "Content hash": the canonical form's SHA-256."""
    canonical = json.dumps(questionnaire, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def text(doc):
    """The file's bytes: 2-space indentation, keys sorted, a final newline."""
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def current_format(doc, questionnaire, created, updated, plan, follow_up):
    """A format-1 export of the same answers as the current format would write it: formatVersion 2, the
    questionnaire's version and hash, new timestamps, `plan` (focus areas with "indicator") and
    `follow_up` ("planFollowUp" or None), the checksum recomputed. The answers and stored scores are
    kept, which is right only while the questionnaire's scoring is unchanged (the tests check it: the
    importer warns when stored scores do not match the answers)."""
    out = copy.deepcopy(doc)
    out["formatVersion"] = 2
    out["questionnaire"] = {"id": questionnaire["id"], "version": questionnaire["version"], "contentHash": content_hash(questionnaire)}
    out["created"], out["updated"] = created, updated
    out["actionPlan"] = plan
    out["planFollowUp"] = follow_up
    out["checksum"] = checksum(out)
    return out


def follow_up_of(earlier, items):
    """"planFollowUp" for the earlier document: `items` are (status, current, note) per earlier focus
    area, in its order; the focus areas are copied in the current format's shape."""
    return {"earlier": {"created": earlier["created"], "checksum": checksum(earlier)},
            "items": [{"focusArea": dict({"indicator": None}, **area), "status": s, "current": c, "note": n}
                      for area, (s, c, n) in zip(earlier["actionPlan"], items)]}
