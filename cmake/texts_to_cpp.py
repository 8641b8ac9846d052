#!/usr/bin/env python3
"""texts_to_cpp.py - compiles assets/texts.json into the C++ table core/texts.cpp looks texts up in.

    python3 cmake/texts_to_cpp.py assets/texts.json build/.../generated/text_table.cpp
    python3 cmake/texts_to_cpp.py assets/texts.json OUT.cpp --leave-out barometer,muni

--leave-out writes a page's table without the entries whose key starts with one of the named areas
(the part before the first dot): the respondent's web page leaves out the municipality's texts, which
only its own page shows (CMakeLists.txt §4, docs/texts.md). Every entry is checked either way.

Checks what a translator can get wrong, and stops the build with the key and the reason:
  - a key that is not dotted lower-case ("plan.heading", "diag.json.syntax");
  - a key written twice;
  - an entry without both "da" and "en", an empty text, or any other member;
  - placeholders ({name}) that differ between the Danish and the English text.
The output is sorted by key (the lookup is a binary search) and rewritten only when it changed, so an
unchanged table recompiles nothing. docs/texts.md describes the format.
"""
import json
import re
import sys

from write_if_changed import write_if_changed

KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def fail(path, message):
    sys.stderr.write(f"{path}: {message}\n")
    sys.exit(1)


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f'"{key}" is written twice')
        seen[key] = value
    return seen


def c_string(text):
    out = []
    for ch in text.encode("utf-8"):
        if ch == 0x22:
            out.append('\\"')
        elif ch == 0x5C:
            out.append("\\\\")
        elif ch == 0x0A:
            out.append("\\n")
        elif 0x20 <= ch < 0x7F:
            out.append(chr(ch))
        else:
            out.append(f"\\{ch:03o}")  # octal: never swallows a following hex digit
    return '"' + "".join(out) + '"'


def read_rows(src, leave_out):
    """The checked entries of TEXTS.json as (key, da, en), without the areas in leave_out, sorted by key."""
    try:
        with open(src, encoding="utf-8") as f:
            doc = json.load(f, object_pairs_hook=no_duplicates)
    except (OSError, ValueError) as e:
        fail(src, str(e))
    if doc.get("format") != "mangfoldighedstjek/texts" or doc.get("formatVersion") != 1:
        fail(src, 'expected "format": "mangfoldighedstjek/texts", "formatVersion": 1')
    texts = doc.get("texts")
    if not isinstance(texts, dict) or not texts:
        fail(src, '"texts" must be a non-empty object')
    rows = []
    for key, entry in texts.items():
        where = f"/texts/{key}"
        if not KEY.match(key):
            fail(src, f'{where}: the key must be dotted lower-case words, e.g. "plan.heading"')
        if not isinstance(entry, dict) or set(entry) != {"da", "en"}:
            fail(src, f'{where}: expected exactly "da" and "en"')
        for lang in ("da", "en"):
            if not isinstance(entry[lang], str) or not entry[lang].strip():
                fail(src, f"{where}/{lang}: the text is empty or not a string")
        da, en = set(PLACEHOLDER.findall(entry["da"])), set(PLACEHOLDER.findall(entry["en"]))
        if da != en:
            fail(src, f"{where}: placeholders differ: da has {sorted(da)}, en has {sorted(en)}")
        rows.append((key, entry["da"], entry["en"]))
    areas = {key.split(".")[0] for key, _, _ in rows}
    if leave_out - areas:
        fail(src, f"--leave-out names areas no key has: {sorted(leave_out - areas)}")
    rows = [r for r in rows if r[0].split(".")[0] not in leave_out]
    rows.sort(key=lambda r: r[0].encode("utf-8"))
    return rows


def write_table(out_path, rows, leave_out, english=None, note=""):
    """Writes the C++ table; english(key) False writes nullptr for that entry's English (fetched later)."""
    header = "// Generated from assets/texts.json by cmake/texts_to_cpp.py. Do not edit."
    if leave_out:
        header += f" Without the areas {', '.join(sorted(leave_out))}."
    if note:
        header += " " + note + "."
    lines = [
        header,
        '#include "core/texts.h"',
        "namespace mf::generated {",
        "extern const TextEntry kTextTable[];",
        "extern const std::size_t kTextTableSize;",
        "const TextEntry kTextTable[] = {",
    ]
    for key, da, en in rows:
        en_text = c_string(en) if english is None or english(key) else "nullptr"
        lines.append(f"    {{{c_string(key)}, {c_string(da)}, {en_text}}},")
    lines += ["};", f"const std::size_t kTextTableSize = {len(rows)};", "} // namespace mf::generated", ""]
    write_if_changed(out_path, "\n".join(lines))


def main():
    args = sys.argv[1:]
    leave_out = set()
    if len(args) == 4 and args[2] == "--leave-out":
        leave_out = set(args[3].split(","))
        args = args[:2]
    if len(args) != 2 or "" in leave_out:
        sys.stderr.write("usage: texts_to_cpp.py TEXTS.json OUT.cpp [--leave-out AREA,AREA...]\n")
        sys.exit(2)
    src, out_path = args
    write_table(out_path, read_rows(src, leave_out), leave_out)


if __name__ == "__main__":
    main()
