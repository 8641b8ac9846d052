# doc_recipes.py - the Python recipes of the docs, taken from the pages as they stand, for the CLI
# tests (doc_recipes.test.sh, result_schema.test.sh):
#   sys.path.insert(0, "<source>/tests/cli"); from doc_recipes import result_checksum, round1
#   - result_checksum(text)  the ```python block of "The checksum" in docs/result-format.md
#   - round1(x)              the Python line of "Re-implementing the rounding" in docs/scoring.md
#                            (`y = x * 10; r = ...`), as a function of x
#   - SPREADSHEET_ROUNDING   the spreadsheet formula of the same section (the first ``` block)
# A page without the recipe where it should be fails the test that imports this.
import math
import os
import re

_DOCS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs")


def _section(page, heading):
    text = open(os.path.join(_DOCS, page), encoding="utf-8").read()
    if heading not in text:
        raise SystemExit("FAIL: docs/%s has no \"%s\"" % (page, heading))
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def _checksum_recipe():
    blocks = re.findall(r"```python\n(.*?)```", _section("result-format.md", "## The checksum"), re.S)
    if len(blocks) != 1:
        raise SystemExit("FAIL: expected one python block in \"The checksum\" of docs/result-format.md, found %d" % len(blocks))
    names = {}
    exec(blocks[0], names)
    return names["result_checksum"]


_ROUNDING = _section("scoring.md", "Re-implementing the rounding")
_line = re.search(r"`(y = x \* 10; r = [^`]*)`", _ROUNDING)
if not _line:
    raise SystemExit("FAIL: docs/scoring.md has no Python line `y = x * 10; r = ...` in \"Re-implementing the rounding\"")
_formula = re.search(r"```\n\s*(=[^\n]*)\n", _ROUNDING)
if not _formula:
    raise SystemExit("FAIL: docs/scoring.md has no spreadsheet formula in \"Re-implementing the rounding\"")

result_checksum = _checksum_recipe()
SPREADSHEET_ROUNDING = _formula.group(1).strip()


def round1(x):
    names = {"math": math, "x": x}
    exec(_line.group(1), names)
    return names["r"]
