#!/usr/bin/python3
"""split_wasm.py - splits the respondent's linked .wasm into the module the start screen needs and a
deferred module loaded after the start screen (docs/performance.md, "The respondent's first load,
part 5"; web/boot.js loads the deferred one).

    split_wasm.py --wasm dist/mangfoldighedstjek.wasm --roots cmake/deferred_roots.txt [--keep-list FILE]
                  [--absent cmake/respondent_absent.txt] [--wasm-opt PATH] [--wasm-split PATH]

The program is linked with -sSPLIT_MODULE (Emscripten's JS then imports a "placeholder" function for
every table slot of a function that is not there yet, and calls Module.loadSplitModule the first
time one runs) and --profiling-funcs (function names, so the split can be chosen by name).
Emscripten leaves the whole program in <wasm>.orig. This script:

  1. reads binaryen's call graph of the whole program (wasm-opt --print-call-graph);
  2. keeps in the primary module every function reachable from its exports and its function table
     without entering a "deferred root": a function whose (demangled) name matches a regular
     expression of the roots file (the screens after the questionnaire: results, plan, export,
     follow-up, workshop, the report, imports ...). Everything else goes into the deferred module.
     The choice is deterministic (no profile run); a function put into the deferred module that the
     start screen does call still works (the placeholder loads the deferred module synchronously),
     only slower, and browser.split checks that the start screen does not;
  3. runs wasm-split with that list, then writes both modules without names and features sections,
     each with a custom section "mf-build" holding the same build id (the whole program's SHA-256),
     which boot.js compares before it uses a deferred module (never one of another build);
  4. removes <wasm>.orig.

With --absent, the build stops when a function of the whole program matches one of that file's
regular expressions: code of the municipality's page that must not reach the respondent's program
(the page's size budget; a call behind a flag it cannot see brought it in once, unnoticed).
"""
import argparse
import collections
import hashlib
import os
import re
import subprocess
import sys
import tempfile


def leb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, pos


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def rewrite(data, build_id):
    """The module without custom sections, with one custom section "mf-build" = build_id."""
    if data[:8] != b'\0asm\1\0\0\0':
        sys.exit('split_wasm.py: not a wasm module')
    out = bytearray(data[:8])
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, p = leb(data, pos + 1)
        end = p + size
        if sid != 0:
            out += data[pos:end]
        pos = end
    name = b'mf-build'
    payload = uleb(len(name)) + name + build_id.encode('ascii')
    out += b'\0' + uleb(len(payload)) + payload
    return bytes(out)


def unescape(name):
    return re.sub(r'\\([0-9a-f]{2})', lambda m: chr(int(m.group(1), 16)), name)


NODE = re.compile(r'^  "((?:[^"\\]|\\.)*)" \[style="([^"]*)"(?:, fillcolor="([^"]*)")?\];$')
EDGE = re.compile(r'^  "((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)";')


def read_patterns(path):
    with open(path) as f:
        return [re.compile(line.strip()) for line in f if line.strip() and not line.startswith('#')]


def keep_list(wasm_opt, orig, roots_file, absent_file, features):
    graph = subprocess.run([wasm_opt, orig, '--print-call-graph', '-o', os.devnull] + features,
                           check=True, capture_output=True, text=True).stdout
    nodes, edges = {}, collections.defaultdict(set)
    for line in graph.splitlines():
        m = EDGE.match(line)
        if m:
            edges[m.group(1)].add(m.group(2))
            continue
        m = NODE.match(line)
        if m:
            nodes[m.group(1)] = (m.group(2), m.group(3))
    for key in ('Import', 'Export', 'Indirect Target', 'A', 'B'):  # the graph's legend
        nodes.pop(key, None)
    if absent_file:
        present = sorted(unescape(n) for n in nodes for p in read_patterns(absent_file) if p.search(unescape(n)))
        if present:
            sys.exit('split_wasm.py: the respondent\'s program links functions that must not be in it '
                     f'({os.path.basename(absent_file)}): ' + ', '.join(present[:10]))
    patterns = read_patterns(roots_file)
    matched = collections.Counter()

    def deferred(n):
        u = unescape(n)
        for p in patterns:
            if p.search(u):
                matched[p.pattern] += 1
                return True
        return False

    deferred_names = {n for n in nodes if deferred(n)}
    unmatched = [p.pattern for p in patterns if not matched[p.pattern]]
    if unmatched:
        sys.exit('split_wasm.py: deferred roots that match no function (renamed? inlined?): ' + ', '.join(unmatched))
    roots = [n for n, (style, colour) in nodes.items() if colour == 'gray' or 'rounded' in style]
    keep, stack = set(), [r for r in roots if r not in deferred_names]
    while stack:
        n = stack.pop()
        if n in keep:
            continue
        keep.add(n)
        stack.extend(c for c in edges.get(n, ()) if c not in keep and c not in deferred_names)
    imports = {n for n, (_, colour) in nodes.items() if colour == 'turquoise'}
    return sorted(keep - imports), len(nodes) - len(imports)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--wasm', required=True, help='the linked program; <wasm>.orig must be beside it')
    ap.add_argument('--roots', required=True, help='regular expressions of the deferred roots, one a line')
    ap.add_argument('--wasm-opt', default='wasm-opt')
    ap.add_argument('--wasm-split', default='wasm-split')
    ap.add_argument('--absent', help='regular expressions of functions the program must not contain')
    ap.add_argument('--keep-list', help='also write the primary module\'s function names here')
    args = ap.parse_args()
    orig = args.wasm + '.orig'
    deferred_out = re.sub(r'\.wasm$', '.deferred.wasm', args.wasm)
    features = ['--enable-exception-handling', '--enable-mutable-globals']
    whole = open(orig, 'rb').read()
    build_id = hashlib.sha256(whole).hexdigest()[:32]
    keep, functions = keep_list(args.wasm_opt, orig, args.roots, args.absent, features)
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, 'keep.txt')
        with open(listing, 'w') as f:
            f.write(''.join(n + '\n' for n in keep))
        if args.keep_list:
            with open(args.keep_list, 'w') as f:
                f.write(''.join(unescape(n) + '\n' for n in keep))
        primary, secondary = os.path.join(tmp, 'primary.wasm'), os.path.join(tmp, 'deferred.wasm')
        # --export-prefix=%: the primary's exports for the deferred module are "%a", "%b", ...,
        # never an Emscripten export's name. Imports of the deferred module: namespace "primary"
        # (what Emscripten's placeholder handler passes); placeholders: namespace "placeholder".
        subprocess.run([args.wasm_split, orig, '--split', '--keep-funcs=@' + listing, '--export-prefix=%',
                        '--quiet', '-o1', primary, '-o2', secondary] + features, check=True)
        p, d = open(primary, 'rb').read(), open(secondary, 'rb').read()
    with open(args.wasm, 'wb') as f:
        f.write(rewrite(p, build_id))
    with open(deferred_out, 'wb') as f:
        f.write(rewrite(d, build_id))
    os.remove(orig)
    print(f'split_wasm.py: {len(keep)} of {functions} functions in {os.path.basename(args.wasm)} '
          f'({os.path.getsize(args.wasm):,} bytes), the rest in {os.path.basename(deferred_out)} '
          f'({os.path.getsize(deferred_out):,} bytes)')


if __name__ == '__main__':
    main()
