#!/usr/bin/env bash
# bench-aggregate.sh - mf-aggregate vs a straightforward Python script on the same generated files.
#
# A benchmark, not a test: it prints figures, checks that both programs compute the same aggregate
# and that the fast path changes no byte (--full-import), and prints issue 20's targets with PASS or
# FAIL (exit 1 only when the outputs differ). docs/aggregation.md section 9 records the figures.
#
# Targets (each printed when its count was run):
#   10000 files:  CPU (user + system) of mf-aggregate --threads 1 at most 1/5 of the Python script's
#                 (aim: 1/10), best of RUNS runs each, alternating; the same output byte for byte as
#                 the full import alone (and with 1 and all threads)
#   100000 files: at most 3 s wall on 2 threads, peak memory at most 200 MB
#
# Usage: scripts/bench-aggregate.sh [COUNT...]          (default: 10000 100000)
# Environment: BUILD_DIR (default build/bench-release), WORK (default /tmp/mf-bench), SEED (7),
#              THREADS (mf-aggregate --threads; default: the number of cores), RUNS (3, best of)
#
# Steps: configure and build a Release build of the tools; mf-generate COUNT files (cached by COUNT
# SEED and questionnaire); one warm-up read so both programs find the files in the page cache; then per COUNT
# RUNS rounds of the three programs in turn (mf-aggregate on THREADS threads, on one thread, Python), each
# timed from its rusage (wait4: CPU and peak RSS, microseconds), each program's best wall time (with that run's peak RSS) and best CPU time;
# aggregate_reference.py --compare on mf-aggregate's --summary-json; one run with --full-import.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$SRC/build/bench-release}
WORK=${WORK:-/tmp/mf-bench}
SEED=${SEED:-7}
RUNS=${RUNS:-3}
THREADS=${THREADS:-$(nproc)}
PY=/usr/bin/python3
COUNTS=("$@")
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(10000 100000)

echo "== build (Release) in $BUILD_DIR"
cmake -S "$SRC" -B "$BUILD_DIR" -G Ninja -DMF_BUILD_APP=OFF -DMF_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j2 --target mf_aggregate mf_generate >/dev/null
AGG="$BUILD_DIR/mf-aggregate"
GEN="$BUILD_DIR/mf-generate"
mkdir -p "$WORK"

# timed CMD...: runs CMD (its stdout and stderr are this one's) and writes /usr/bin/time -v's lines
# for wall time, CPU and peak RSS to fd 3, from the child's rusage (os.wait4) in microseconds:
# /usr/bin/time prints CPU in hundredths of a second, and at 0.2 s the ratio to Python's CPU hung on
# one hundredth.
timed() {
    "$PY" -c '
import os, sys, time
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    try:
        os.close(3)
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.monotonic() - t0
out = os.fdopen(3, "w")
out.write("User time (seconds): %.6f\nSystem time (seconds): %.6f\n" % (ru.ru_utime, ru.ru_stime))
out.write("Elapsed (wall clock) time (h:mm:ss or m:ss): %d:%09.6f\n" % (wall // 60, wall % 60))
out.write("Maximum resident set size (kbytes): %d\n" % ru.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
' "$@"
}

# run_once NAME OUT CMD...: one run under `timed`; keeps NAME's best wall time (with that run's peak
# RSS) and best CPU seconds (user + system) in best_s[NAME], best_kb[NAME], best_cpu[NAME]
declare -A best_s best_kb best_cpu
run_once() {
    local name=$1 out=$2
    shift 2
    timed "$@" >"$out.stdout" 2>"$out.stderr" 3>"$out.time" || true
    local wall kb cpu
    wall=$(grep "Elapsed (wall clock)" "$out.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    kb=$(grep "Maximum resident set size" "$out.time" | awk '{print $NF}')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out.time")
    if [ -z "${best_s[$name]:-}" ] || awk -v a="$wall" -v b="${best_s[$name]}" 'BEGIN { exit !(a < b) }'; then
        best_s[$name]=$wall
        best_kb[$name]=$kb
    fi
    if [ -z "${best_cpu[$name]:-}" ] || awk -v a="$cpu" -v b="${best_cpu[$name]}" 'BEGIN { exit !(a < b) }'; then
        best_cpu[$name]=$cpu
    fi
}

# verdict OK TEXT: "PASS  TEXT" or "FAIL  TEXT"
verdict() {
    if [ "$1" = 1 ]; then printf "  PASS  %s\n" "$2"; else printf "  FAIL  %s\n" "$2"; fi
}
targets=()

printf "\nmachine: %s, %s cores; mf-aggregate --threads %s; best of %s runs\n" "$(uname -m)" "$(nproc)" "$THREADS" "$RUNS"
printf "(load average before: %s)\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-8s %-24s %8s %8s %9s %8s %12s\n" "files" "program" "wall s" "CPU s" "files/s" "MB/s" "peak RSS MB"
status=0
for n in "${COUNTS[@]}"; do
    # Cached per count, seed and questionnaire content: files made with an older questionnaire
    # would take another path through the importer (no score re-check) and measure something else.
    qhash=$(sha256sum "$SRC/questionnaires/aktoersporet.json" | cut -c1-12)
    dir="$WORK/files-$n-seed$SEED-$qhash"
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        "$GEN" --count "$n" --out "$dir" --seed "$SEED" >/dev/null
        touch "$dir/.complete"
    fi
    bytes=$(find "$dir" -name '*.json' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    find "$dir" -name '*.json' -exec cat {} + >/dev/null # warm the page cache for both programs

    best_s=() best_kb=() best_cpu=()
    for _ in $(seq "$RUNS"); do # alternating, so that a change in the machine's load hits all three alike
        run_once agg "$WORK/agg-$n" "$AGG" "$dir" --threads "$THREADS" --quiet --summary-json "$WORK/agg-$n.json" --rows-csv "$WORK/agg-$n-intern.csv"
        run_once agg1 "$WORK/agg1-$n" "$AGG" "$dir" --threads 1 --quiet --summary-json "$WORK/agg1-$n.json"
        run_once py "$WORK/py-$n" "$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$SRC/questionnaires/aktoersporet.json" \
            --out "$WORK/py-$n.json" "$dir"
    done
    for row in "agg|mf-aggregate ($THREADS threads)" "agg1|mf-aggregate (1 thread)" "py|python3 reference"; do
        IFS='|' read -r key name <<<"$row"
        awk -v n="$n" -v name="$name" -v s="${best_s[$key]}" -v kb="${best_kb[$key]}" -v b="$bytes" -v cpu="${best_cpu[$key]}" \
            'BEGIN { printf "%-8d %-24s %8.3f %8.3f %9.0f %8.1f %12.1f\n", n, name, s, cpu, n / s, b / 1e6 / s, kb / 1024 }'
    done
    ratio=$(awk -v a="${best_cpu[agg1]}" -v p="${best_cpu[py]}" 'BEGIN { printf "%.3f", a / p }')
    echo "         CPU, mf-aggregate on 1 thread / python3 reference: $ratio"
    # The fast path for well-formed files must not change a byte: the full import alone, same options.
    "$AGG" "$dir" --threads "$THREADS" --quiet --full-import --summary-json "$WORK/full-$n.json" --rows-csv "$WORK/full-$n-intern.csv" >/dev/null 2>&1 || true
    same=1
    cmp -s "$WORK/agg-$n.json" "$WORK/full-$n.json" && cmp -s "$WORK/agg-$n-intern.csv" "$WORK/full-$n-intern.csv" || same=0
    cmp -s "$WORK/agg-$n.json" "$WORK/agg1-$n.json" || same=0
    if [ "$same" = 1 ]; then
        echo "         same output byte for byte: with --full-import, and with 1 and $THREADS threads"
    else
        echo "         DIFFERENT output: fast path vs --full-import, or 1 vs $THREADS threads"
        status=1
    fi
    if [ "$n" = 10000 ]; then
        targets+=("$(verdict "$(awk -v r="$ratio" 'BEGIN { print (r <= 0.2) ? 1 : 0 }')" \
            "10000 files: CPU of mf-aggregate --threads 1 = $ratio x the Python script's (target <= 0.20, aim 0.10)")")
        targets+=("$(verdict "$same" "10000 files: the same output byte for byte as the full import (and 1 vs $THREADS threads)")")
    fi
    if [ "$n" = 100000 ]; then
        wall_ok=$(awk -v s="${best_s[agg]}" 'BEGIN { print (s <= 3) ? 1 : 0 }')
        [ "$THREADS" = 2 ] || wall_ok=0
        wall=$(awk -v s="${best_s[agg]}" 'BEGIN { printf "%.2f", s }')
        targets+=("$(verdict "$wall_ok" "100000 files: $wall s wall on $THREADS threads (target <= 3 s on 2 threads)")")
        mb=$(awk -v kb="${best_kb[agg]}" 'BEGIN { printf "%.1f", kb / 1024 }')
        targets+=("$(verdict "$(awk -v m="$mb" 'BEGIN { print (m <= 200) ? 1 : 0 }')" "100000 files: peak memory $mb MB (target <= 200 MB)")")
    fi
    if "$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$SRC/questionnaires/aktoersporet.json" \
        --compare "$WORK/agg-$n.json" "$dir" >"$WORK/compare-$n.txt"; then
        echo "         same figures: $(tail -1 "$WORK/compare-$n.txt")"
    else
        echo "         DIFFERENT figures:"
        cat "$WORK/compare-$n.txt"
        status=1
    fi
done
printf "\nissue 20's targets (load average now: %s)\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
for t in "${targets[@]}"; do echo "$t"; done
exit $status
