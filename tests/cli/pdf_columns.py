#!/usr/bin/python3
"""pdf_columns.py - the text of a PDF read column by column, for tests/cli/report.test.sh.

    pdftotext -bbox-layout REPORT.pdf - | /usr/bin/python3 pdf_columns.py > columns.txt

pdftotext reads a table row by row, so two cells that wrap interleave their lines. Cell text is
left-aligned, so every line of one cell starts at the same x: this splits each printed line at wide
gaps (a column gap, not a word space) and joins the pieces that start at the same x on a page, top
to bottom. One output line per (page, x) column.
"""
import re
import sys
from collections import defaultdict
from html import unescape

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>')
GAP = 6.0  # points: a word space at 11.5 pt is about 3 pt

text = sys.stdin.read()
for page_no, page in enumerate(text.split('<page ')[1:], 1):
    lines = defaultdict(list)
    for x0, y0, x1, w in WORD.findall(page):
        lines[round(float(y0))].append((float(x0), float(x1), unescape(w)))
    columns = defaultdict(list)
    for y in sorted(lines):
        words = sorted(lines[y])
        start, piece, last_x1 = words[0][0], [], None
        for x0, x1, w in words:
            if last_x1 is not None and x0 - last_x1 > GAP:
                columns[round(start)].append(' '.join(piece))
                start, piece = x0, []
            piece.append(w)
            last_x1 = x1
        columns[round(start)].append(' '.join(piece))
    for x in sorted(columns):
        print(f'page {page_no} x {x}: ' + ' '.join(columns[x]))
