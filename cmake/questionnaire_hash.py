#!/usr/bin/env python3
"""questionnaire_hash.py - a questionnaire's content hash at build time, for the embedded copy.

    python3 cmake/questionnaire_hash.py questionnaires/aktoersporet.json OUT.cpp SYMBOL

Writes OUT.cpp defining `extern const char SYMBOL[] = "sha256:<hex>";`: the SHA-256 of the document's
canonical form as core's questionnaire_content_hash makes it (src/core/questionnaire_load.h): the
document without "submission", object keys sorted, no whitespace, strings as UTF-8 with only '"', '\\'
and control characters escaped, integers as digits, other numbers in the shortest form that reads
back the same. The app then does not compute it at every start (docs/performance.md).
tests/app/embedded_hash_test.cpp proves the two equal for every embedded questionnaire, natively and in
WebAssembly; a document this script cannot read stops the build. Rewritten only when changed.
"""
import hashlib
import json
import sys

from write_if_changed import write_if_changed


def content_hash(doc):
    """"sha256:<hex>" of the document's canonical form (the document itself is not changed)."""
    if isinstance(doc, dict):
        doc = {k: v for k, v in doc.items() if k != "submission"}
    canonical = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def main():
    if len(sys.argv) != 4:
        sys.stderr.write("usage: questionnaire_hash.py QUESTIONNAIRE.json OUT.cpp SYMBOL\n")
        sys.exit(2)
    src, out_path, symbol = sys.argv[1:]
    try:
        with open(src, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write(f"{src}: {e}\n")
        sys.exit(1)
    text = (f"// Generated from {src.split('/')[-1]} by cmake/questionnaire_hash.py. Do not edit.\n"
            f'extern const char {symbol}[];\nextern const char {symbol}[] = "{content_hash(doc)}";\n')
    write_if_changed(out_path, text)


if __name__ == "__main__":
    main()
