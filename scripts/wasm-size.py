#!/usr/bin/python3
"""wasm-size.py - where the bytes of a .wasm go: code size per function, grouped by origin.

    scripts/wasm-size.py build/size/dist/mangfoldighedstjek.wasm [--top 40] [--gzip]

Needs function names: relink with --profiling-funcs (names do not change the code), e.g.
    cd build/web && cmd=$(ninja -t commands mf_app | tail -1 | sed 's/^: && //; s/ && :$//;
        s#-o dist/mangfoldighedstjek.js#-o /tmp/size/mf.js --profiling-funcs#') && eval "$cmd"

Prints the sections, the largest functions and the code grouped by a rough origin (ImGui, nlohmann,
libc++, our namespaces), raw bytes and, with --gzip, each group's share of the gzip size estimated by
compressing its functions' bodies together.
"""
import argparse
import collections
import gzip
import os
import re
import sys

# The LEB128 reader the build's module split uses (one copy of it).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cmake'))
from split_wasm import leb  # noqa: E402


def parse(data):
    if data[:4] != b'\0asm':
        sys.exit('not a wasm file')
    pos = 8
    sections = []
    imported_funcs = 0
    bodies = []
    names = {}
    while pos < len(data):
        sid = data[pos]
        size, p = leb(data, pos + 1)
        end = p + size
        name = None
        if sid == 0:
            nlen, q = leb(data, p)
            name = data[q:q + nlen].decode('utf-8', 'replace')
            if name == 'name':
                q += nlen
                while q < end:
                    sub = data[q]
                    slen, r = leb(data, q + 1)
                    if sub == 1:
                        count, s = leb(data, r)
                        for _ in range(count):
                            idx, s = leb(data, s)
                            l, s = leb(data, s)
                            names[idx] = data[s:s + l].decode('utf-8', 'replace')
                            s += l
                    q = r + slen
        elif sid == 2:  # imports: count functions
            count, q = leb(data, p)
            for _ in range(count):
                for _ in range(2):
                    l, q = leb(data, q)
                    q += l
                kind = data[q]
                q += 1
                if kind == 0:
                    _, q = leb(data, q)
                    imported_funcs += 1
                elif kind == 1:
                    q += 1
                    flags, q = leb(data, q)
                    _, q = leb(data, q)
                    if flags & 1:
                        _, q = leb(data, q)
                elif kind == 2:
                    flags, q = leb(data, q)
                    _, q = leb(data, q)
                    if flags & 1:
                        _, q = leb(data, q)
                elif kind == 3:
                    q += 2
                elif kind == 4:
                    q += 1
                    _, q = leb(data, q)
        elif sid == 10:
            count, q = leb(data, p)
            for i in range(count):
                bsize, r = leb(data, q)
                bodies.append((imported_funcs + i, data[r:r + bsize]))
                q = r + bsize
        sections.append((sid, name, size))
        pos = end
    return sections, bodies, names


GROUPS = [
    ('ImGui', re.compile(r'ImGui|ImDraw|ImFont|ImStb|stb_|stbtt|stbrp|ImGuiTextBuffer|ImVector|ImTextureAtlas|ImTri|ImStr|ImFormat|ImHash|ImPool|ImChunk|ImBitVector|ImSpan|ImRect|ImSpanAllocator|ImGui_Impl')),
    ('nlohmann::json', re.compile(r'nlohmann')),
    ('mf app (screens, ui)', re.compile(r'mf::(ui|screen_|app|a11y|colours|style|platform)|mf::\(anonymous namespace\)::(level_bar|setup)')),
    ('mf core', re.compile(r'mf::')),
    ('libc++ / libc++abi', re.compile(r'std::|__cxa|__cxx|__gxx|__dynamic_cast|typeinfo|__class_type_info')),
    ('libc (musl), malloc', re.compile(r'^(printf|vfprintf|fmt_|pop_arg|strto|__|memcpy|memset|memmove|dlmalloc|dlfree|malloc|free|sbrk|qsort|scalbn|frexp|wcrtomb|fwrite|snprintf|vsnprintf|sn_write|out|pad|getint|strlen|strchr|strcmp|strncmp|emscripten_|fmt_fp|fmodf?|exp|log|pow|sin|cos|tan|atan|sqrt|floor|ceil|round)')),
]


def group_of(name):
    for label, rx in GROUPS:
        if rx.search(name):
            return label
    return 'other'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('wasm')
    ap.add_argument('--top', type=int, default=30)
    ap.add_argument('--gzip', action='store_true')
    args = ap.parse_args()
    data = open(args.wasm, 'rb').read()
    sections, bodies, names = parse(data)
    ids = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export',
           8: 'start', 9: 'elem', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag'}
    print(f'{args.wasm}: {len(data):,} bytes, gzip -9 {len(gzip.compress(data, 9)):,} bytes')
    for sid, name, size in sections:
        print(f'  section {ids.get(sid, sid):<9} {name or "":<20} {size:>10,}')
    if not names:
        print('\nno function names: link with --profiling-funcs to see functions')
        return
    print(f'\nlargest {args.top} functions (code bytes):')
    ranked = sorted(bodies, key=lambda b: -len(b[1]))
    for idx, body in ranked[:args.top]:
        print(f'  {len(body):>8,}  {names.get(idx, "#" + str(idx))[:150]}')
    groups = collections.defaultdict(list)
    for idx, body in bodies:
        groups[group_of(names.get(idx, ''))].append(body)
    print('\ncode by origin:')
    total = sum(len(b) for _, b in bodies)
    for label, items in sorted(groups.items(), key=lambda kv: -sum(len(b) for b in kv[1])):
        raw = sum(len(b) for b in items)
        line = f'  {label:<24} {raw:>9,} bytes {100 * raw / total:5.1f} %  {len(items):>5} functions'
        if args.gzip:
            line += f'  gzip ~{len(gzip.compress(b"".join(items), 9)):>8,}'
        print(line)


if __name__ == '__main__':
    main()
