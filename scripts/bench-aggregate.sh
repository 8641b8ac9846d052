#!/usr/bin/env bash
# bench-aggregate.sh - mf-aggregate vs a straightforward Python script on the same generated files.
#
# A benchmark, not a test: it prints figures and checks that both programs compute the same
# aggregate, and does not fail on time. docs/aggregation.md records the figures of a run.
#
# Usage: scripts/bench-aggregate.sh [COUNT...]          (default: 1000 10000)
# Environment: BUILD_DIR (default build/bench-release), WORK (default /tmp/mf-bench), SEED (7),
#              THREADS (mf-aggregate --threads; default: the number of cores), RUNS (3, best of)
#
# Steps: configure and build a Release build of the tools; mf-generate COUNT files (cached by COUNT
# SEED and questionnaire); one warm-up read so both programs find the files in the page cache; then per COUNT the
# best of RUNS runs of each program under /usr/bin/time -v (wall time, peak RSS), and
# aggregate_reference.py --compare on mf-aggregate's --summary-json.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$SRC/build/bench-release}
WORK=${WORK:-/tmp/mf-bench}
SEED=${SEED:-7}
RUNS=${RUNS:-3}
THREADS=${THREADS:-$(nproc)}
PY=/usr/bin/python3
COUNTS=("$@")
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1000 10000)

echo "== build (Release) in $BUILD_DIR"
cmake -S "$SRC" -B "$BUILD_DIR" -G Ninja -DMF_BUILD_APP=OFF -DMF_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j2 --target mf_aggregate mf_generate >/dev/null
AGG="$BUILD_DIR/mf-aggregate"
GEN="$BUILD_DIR/mf-generate"
mkdir -p "$WORK"

# measure OUT CMD...: best wall time (s), the peak RSS (KB) and the CPU seconds (user + system) of
# that run, into $best_s, $best_kb and $best_cpu
measure() {
    local out=$1
    shift
    best_s=""
    best_kb=""
    best_cpu=""
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -v "$@" >"$out.stdout" 2>"$out.time" || true
        local wall kb
        wall=$(grep "Elapsed (wall clock)" "$out.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
        kb=$(grep "Maximum resident set size" "$out.time" | awk '{print $NF}')
        cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out.time")
        if [ -z "$best_s" ] || awk -v a="$wall" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
            best_s=$wall
            best_kb=$kb
            best_cpu=$cpu
        fi
    done
}

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
    cat $(find "$dir" -name '*.json') >/dev/null # warm the page cache for both programs

    measure "$WORK/agg-$n" "$AGG" "$dir" --threads "$THREADS" --quiet --summary-json "$WORK/agg-$n.json" --rows-csv "$WORK/agg-$n-intern.csv"
    a_s=$best_s a_kb=$best_kb a_cpu=$best_cpu
    measure "$WORK/agg1-$n" "$AGG" "$dir" --threads 1 --quiet --summary-json "$WORK/agg1-$n.json"
    a1_s=$best_s a1_kb=$best_kb a1_cpu=$best_cpu
    measure "$WORK/py-$n" "$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$SRC/questionnaires/aktoersporet.json" \
        --out "$WORK/py-$n.json" "$dir"
    p_s=$best_s p_kb=$best_kb p_cpu=$best_cpu
    for row in "mf-aggregate ($THREADS threads)|$a_s|$a_kb|$a_cpu" "mf-aggregate (1 thread)|$a1_s|$a1_kb|$a1_cpu" \
        "python3 reference|$p_s|$p_kb|$p_cpu"; do
        IFS='|' read -r name s kb cpu <<<"$row"
        awk -v n="$n" -v name="$name" -v s="$s" -v kb="$kb" -v b="$bytes" -v cpu="$cpu" \
            'BEGIN { printf "%-8d %-24s %8.2f %8.2f %9.0f %8.1f %12.1f\n", n, name, s, cpu, n / s, b / 1e6 / s, kb / 1024 }'
    done
    if "$PY" "$SRC/scripts/aggregate_reference.py" --questionnaire "$SRC/questionnaires/aktoersporet.json" \
        --compare "$WORK/agg-$n.json" "$dir" >"$WORK/compare-$n.txt"; then
        echo "         same figures: $(tail -1 "$WORK/compare-$n.txt")"
    else
        echo "         DIFFERENT figures:"
        cat "$WORK/compare-$n.txt"
        status=1
    fi
    cmp -s "$WORK/agg-$n.json" "$WORK/agg1-$n.json" || { echo "         output differs between thread counts"; status=1; }
done
exit $status
