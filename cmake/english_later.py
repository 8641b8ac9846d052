#!/usr/bin/env python3
"""english_later.py - the respondent's web page without its English: fetched when the user asks for it.

    python3 cmake/english_later.py TEXTS.json QUESTIONNAIRE.json \
        --leave-out barometer,muni,csv --keep-english app.load_failed,language,indicator \
        --table OUT_TABLE.cpp --questionnaire OUT_QUESTIONNAIRE.json --english OUT_ENGLISH.json

Writes three files from assets/texts.json and the shipped questionnaire (docs/texts.md, "English on
demand"; docs/performance.md, "The respondent's first load, part 4"):
  --table          the page's text table (texts_to_cpp.py's, the same checks and --leave-out) with the
                   English of every entry left out (nullptr), except the keys named in --keep-english
                   and those under them ("plan.indicator" keeps "plan.indicator.missing"): what must be
                   in English before the English is there (the message that it could not be fetched,
                   shown in both languages; the texts core writes into the English technical
                   detail of an import's problems whatever the page's language)
  --questionnaire  the questionnaire with every text's "en" removed and "languages": ["da"], embedded
                   in the page's program instead of the whole file; compact with sorted keys, so
                   the loader reads it with json_fast's reader (questionnaire_load.cpp)
  --english        the English left out of both, as one JSON file served beside the program:
                     {"format": "mangfoldighedstjek/english", "formatVersion": 1,
                      "questionnaireHash": "sha256:...",   the whole questionnaire's content hash
                      "languages": [...],                  the questionnaire's own list
                      "texts": {"key": "English", ...},    every entry left out of the table
                      "questionnaire": {"/json/pointer": "English", ...}}  every text's "en"
The app puts the English back into the questionnaire's JSON and loads it again; the content hash of
the result must equal the one the build computed for the whole file, so a file of another build (a
server half updated) is refused, never mixed in. The files are rewritten only when they change.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import texts_to_cpp  # noqa: E402
from questionnaire_hash import content_hash  # noqa: E402
from write_if_changed import write_if_changed  # noqa: E402

FORMAT = "mangfoldighedstjek/english"


def option(args, name, default=None):
    if name in args:
        i = args.index(name)
        if i + 1 >= len(args):
            sys.exit(f"english_later.py: {name} needs a value")
        value = args[i + 1]
        del args[i:i + 2]
        return value
    if default is None:
        sys.exit(f"english_later.py: {name} is required")
    return default


def is_text(value):
    return isinstance(value, dict) and set(value) == {"da", "en"} and all(isinstance(v, str) for v in value.values())


def strip_english(node, pointer, out):
    """Removes "en" from every text under node (in place), recording it by JSON pointer."""
    if isinstance(node, dict):
        if is_text(node):
            out[pointer] = node.pop("en")
            return
        for key, value in node.items():
            strip_english(value, pointer + "/" + key.replace("~", "~0").replace("/", "~1"), out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            strip_english(value, f"{pointer}/{i}", out)


def main():
    args = sys.argv[1:]
    leave_out = set(filter(None, option(args, "--leave-out", "").split(",")))
    keep = set(filter(None, option(args, "--keep-english", "").split(",")))
    table_out = option(args, "--table")
    questionnaire_out = option(args, "--questionnaire")
    english_out = option(args, "--english")
    if len(args) != 2:
        sys.exit(__doc__)
    texts_path, questionnaire_path = args

    rows = texts_to_cpp.read_rows(texts_path, leave_out)
    keys = {key for key, _, _ in rows}
    areas = {key.split(".")[0] for key in keys}
    kept = lambda key: any(key == k or key.startswith(k + ".") for k in keep)  # noqa: E731
    unknown = sorted(k for k in keep if not any(key == k or key.startswith(k + ".") for key in keys))
    if unknown:
        texts_to_cpp.fail(texts_path, f"--keep-english names no key or key prefix: {unknown}")
    english_texts = {key: en for key, _, en in rows if not kept(key)}
    texts_to_cpp.write_table(table_out, rows, leave_out, english=lambda key: kept(key),
                             note="English only for " + ", ".join(sorted(keep)) + " (the rest: " +
                             os.path.basename(english_out) + ")")

    with open(questionnaire_path, encoding="utf-8") as f:
        doc = json.load(f)
    whole_hash = content_hash(doc)
    languages = doc.get("languages")
    if languages != ["da", "en"]:
        sys.exit(f"{questionnaire_path}: english_later.py expects \"languages\": [\"da\", \"en\"], got {languages}")
    english_questionnaire = {}
    strip_english(doc, "", english_questionnaire)
    doc["languages"] = ["da"]
    write_if_changed(questionnaire_out, json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")

    english = {
        "format": FORMAT,
        "formatVersion": 1,
        "questionnaireHash": whole_hash,
        "languages": languages,
        "texts": english_texts,
        "questionnaire": english_questionnaire,
    }
    write_if_changed(english_out, json.dumps(english, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
